"""The surat undangan: what the letter says, what it refuses, and the PDF itself."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time

import pytest
from factories import make_agency, make_meeting, make_task_force, version_of
from pypdf import PdfReader

from exports.pdf.invitation import write_invitation
from models import Meeting
from secretariat.documents.signer import Signer
from secretariat.errors import RefusedError, ValidationError
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.invitations import invitation_defaults, invitation_letter
from secretariat.meetings.lifecycle import AgendaDraft, add_agenda_item, cancel_meeting

MEETING_DAY = date(2026, 12, 15)  # a Tuesday
SIGNER = {"signer": Signer("Husnul Hatimah", "Kepala DP3AKB")}
LETTER_DAY = date(2026, 12, 1)


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def meeting(db) -> int:
    task_force = make_task_force(db)
    meeting = make_meeting(
        db, task_force, MEETING_DAY, title="Rakor Evaluasi <Triwulan IV> & Rencana 2027",
        start_time=time(9, 0), end_time=time(12, 0), place="Aula DP3AKB, Banjarbaru",
        invitation_number="005/649/DP3AKB/2026", chair_name="Husnul Hatimah",
        chair_position="Kepala DP3AKB", chair_rank="Pembina Utama Muda (IV/c)",
        chair_nip="196809151993032008")
    for title in ("Evaluasi tindak lanjut komitmen", "Rencana kerja 2027"):
        add_agenda_item(db, meeting, AgendaDraft(title))
    return meeting


def _invite(db, meeting: int, **draft) -> int:
    return add_attendance(db, meeting, AttendanceDraft(**draft), today=LETTER_DAY)


def _words(page) -> str:
    """A page's text with every run of white space as one space (cells wrap lines)."""
    return re.sub(r"\s+", " ", page.extract_text())


def _letter(db, meeting: int, **changes):
    start = invitation_defaults(db, meeting, letter_date=LETTER_DAY)
    return invitation_letter(db, meeting, replace(start.draft, **changes))


def test_the_letter_carries_the_meeting_and_every_invitee(db, meeting):
    # Given a person of Polda and the head of Dinsos (no person named) invited
    polda = make_agency(db, "Polda", office_title="Kepala Kepolisian Daerah Kalimantan Selatan")
    dinsos = make_agency(db, "Dinsos")
    _invite(db, meeting, agency_id=polda, name="AKBP Nurul Aini", position="Kasubdit IV")
    _invite(db, meeting, agency_id=dinsos)

    letter = _letter(db, meeting, signer=Signer("Husnul Hatimah", "Kepala DP3AKB",
                                                "Pembina Utama Muda (IV/c)"))

    assert letter.letter_number == "005/649/DP3AKB/2026"
    assert letter.subject == "Undangan Rapat Koordinasi (Rakor)"  # Indonesian, always
    assert letter.day_and_date == "Selasa, 15 Desember 2026"
    assert letter.letter_date == "1 Desember 2026"
    assert letter.time == "09.00 – 12.00 WITA"
    assert letter.agenda == ("Evaluasi tindak lanjut komitmen", "Rencana kerja 2027")
    # Then each office is addressed by its holder's title, the person after "u.p."; an
    # office without a recorded title goes to its "Pimpinan"
    assert [i.addressee.lines() for i in letter.invitees] == [
        ("Yth. Kepala Kepolisian Daerah Kalimantan Selatan", "u.p. Kasubdit IV"),
        ("Yth. Pimpinan Dinas Dinsos Provinsi Kalimantan Selatan",)]
    assert letter.invitees[0].people[0].name == "AKBP Nurul Aini"
    assert letter.addressed_to_list
    assert (letter.signer.name, letter.signer.rank) == ("Husnul Hatimah",
                                                         "Pembina Utama Muda (IV/c)")


def test_one_invitee_is_addressed_by_name(db, meeting):
    _invite(db, meeting, name="Kepala Kanwil Imigrasi")
    assert not _letter(db, meeting).addressed_to_list


def test_a_meeting_without_agenda_names_its_title_as_the_event(db):
    meeting = make_meeting(db, make_task_force(db), MEETING_DAY, title="Rapat Teknis")
    _invite(db, meeting, name="Sekretaris")
    assert _letter(db, meeting, **SIGNER).agenda == ("Rapat Teknis",)


def test_nobody_invited_is_refused(db, meeting):
    with pytest.raises(ValidationError, match="Nobody is invited"):
        _letter(db, meeting)


def test_a_letter_dated_after_the_meeting_is_refused(db, meeting):
    _invite(db, meeting, name="Sekretaris")
    with pytest.raises(ValidationError) as refused:
        _letter(db, meeting, letter_date=date(2026, 12, 16))
    assert refused.value.field == "letter_date"
    assert _letter(db, meeting, letter_date=MEETING_DAY).letter_date == "15 Desember 2026"


@pytest.mark.parametrize("changes, field", [
    ({"letter_date": None}, "letter_date"),
    ({"nature": "Kilat"}, "nature"),
    ({"signer": Signer("Husnul Hatimah", "Kepala DP3AKB", nip="12ab")}, "signer_nip"),
    ({"signer": Signer("Husnul Hatimah", " ")}, "signer_position"),  # signed in an office
    ({"signer": Signer("H", "Sekretaris", form="a.n.")}, "signer_on_behalf_of"),
    ({"signer": Signer("H", "Sekretaris", form="atas nama")}, "signer_form"),
    ({"carbon_copies": "\n".join(f"Kepala Dinas {n}" for n in range(16))}, "carbon_copies"),
])
def test_bad_input_is_refused_at_its_field(db, meeting, changes, field):
    _invite(db, meeting, name="Sekretaris")
    with pytest.raises(ValidationError) as refused:
        _letter(db, meeting, **changes)
    assert refused.value.field == field


def test_a_cancelled_meeting_gets_no_invitation(db, meeting):
    _invite(db, meeting, name="Sekretaris")
    cancel_meeting(db, meeting, "Diundur ke Januari", version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        _letter(db, meeting)


def test_the_pdf_reads_as_the_letter_with_the_list_attached(db, meeting, tmp_path):
    # Given twenty invitees, one with markup-like text in the name
    for number in range(20):
        _invite(db, meeting, name=f"Peserta {number} <b>&amp;</b>", position="Anggota")
    target = write_invitation(_letter(db, meeting, nature="Segera"), tmp_path / "Undangan.pdf")

    pages = [_words(page) for page in PdfReader(target).pages]
    letter, attached = pages[0], "\n".join(pages[1:])
    assert "Undangan Rapat Koordinasi (Rakor)" in letter and "Segera" in letter
    assert "Selasa, 15 Desember 2026" in letter and "09.00 – 12.00 WITA" in letter
    # escaped, not markup; named with the task force once
    assert ("Rapat Koordinasi GT PP-TPPO Provinsi Kalimantan Selatan tentang Evaluasi "
            "<Triwulan IV> & Rencana 2027, bersama ini") in letter
    assert "Rakor Evaluasi <Triwulan IV> & Rencana 2027" in attached
    assert "daftar terlampir" in letter
    # The chair does not sign the office's letter; with no head on record, dotted lines
    assert "Husnul Hatimah" not in letter and "NIP. ........" in letter
    assert "tepat pada waktunya dan konfirmasi kehadiran" in letter  # Segera
    assert "DAFTAR UNDANGAN" in attached and "Peserta 19 <b>&amp;</b>" in attached
    # Tata Naskah Dinas (the default): no number on the kop page, "- 2 -" on the next.
    assert not re.search(r"- 1 -|Halaman", pages[0]) and "- 2 -" in pages[1]


def test_a_letter_without_a_number_leaves_room_to_write_it(db, tmp_path):
    meeting = make_meeting(db, make_task_force(db), MEETING_DAY)
    _invite(db, meeting, name="Sekretaris")
    target = write_invitation(_letter(db, meeting, **SIGNER), tmp_path / "Undangan.pdf")
    words = _words(PdfReader(target).pages[0])
    assert "Nomor : …………/…………/…………" in words and "Nomor : -" not in words


def test_the_command_line_writes_the_invitation_and_refuses_in_one_line(
        tmp_path, capsys, meeting, db):
    from secretariat.cli.main import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

    if not db.is_sqlite:
        pytest.skip("the command is tested on an SQLite file")
    _invite(db, meeting, name="Sekretaris")
    path = str(db.engine.url.database)
    out = tmp_path / "undangan.pdf"
    assert main(["--db", path, "export", "invitation", str(meeting), "-o", str(out),
                 "--date", "2026-12-01", "--nature", "Segera"]) == EXIT_OK
    assert "1 Desember 2026" in _words(PdfReader(out).pages[0])
    capsys.readouterr()
    assert main(["--db", path, "export", "invitation", str(meeting), "-o", str(out),
                 "--date", "2026-12-20"]) == EXIT_FAILED
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit) as usage:
        main(["--db", path, "export", "invitation", str(meeting), "-o", str(out),
              "--date", "15-12-2026"])
    assert usage.value.code == EXIT_USAGE
    assert "YYYY-MM-DD" in capsys.readouterr().err


# --- who signs, whom it goes to, what it says ------------------------------------------


def _with_secretariat(db, **letterhead):
    """A task force run by DP3AKB, whose letterhead names its head (unless told)."""
    from secretariat.documents.letterhead import LetterheadSettings, save_letterhead

    host = make_agency(db, "DP3AKB", office_title="Kepala Dinas Pemberdayaan Perempuan, "
                       "Perlindungan Anak dan Keluarga Berencana Provinsi Kalimantan Selatan")
    task_force = make_task_force(db, secretariat_agency_id=host)
    if letterhead:
        save_letterhead(db, LetterheadSettings(task_force_id=task_force, **letterhead))
    return task_force, host


HEAD = {"signer_name": "Husnul Hatimah", "signer_rank": "Pembina Utama Muda (IV/c)",
        "signer_position": "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan "
                           "Keluarga Berencana Provinsi Kalimantan Selatan",
        "signer_nip": "196809151993032008",
        "carbon_copies": "1. Gubernur Kalimantan Selatan (sebagai laporan)\n\n- Kapolda"}


def test_the_kops_head_signs_and_the_host_office_is_not_invited(db, tmp_path):
    # Given a meeting chaired by someone else, its host office and its signer on the list
    task_force, host = _with_secretariat(db, **HEAD)
    meeting = make_meeting(db, task_force, MEETING_DAY, chair_name="Kombes Hendra",
                           chair_position="Ketua Harian")
    kejati = make_agency(db, "Kejati", office_title="Kepala Kejaksaan Tinggi Kalimantan Selatan")
    _invite(db, meeting, agency_id=host, name="Rina Maulida", position="Kepala Bidang PHPA")
    _invite(db, meeting, name="Husnul Hatimah")  # the signer, typed without her agency
    _invite(db, meeting, agency_id=kejati, name="Herlina Siahaan, S.H.",
            position="Jaksa Fungsional")

    start = invitation_defaults(db, meeting, letter_date=LETTER_DAY)
    letter = invitation_letter(db, meeting, start.draft)

    assert start.invitee_count == 1 and letter.signer.name == "Husnul Hatimah"
    assert letter.carbon_copies == ("Gubernur Kalimantan Selatan (sebagai laporan)", "Kapolda")
    (only,) = letter.invitees  # one office left: the letter goes to it directly
    assert only.addressee.lines() == ("Yth. Kepala Kejaksaan Tinggi Kalimantan Selatan",
                                      "u.p. Jaksa Fungsional")
    text = _pdftotext(write_invitation(letter, tmp_path / "u.pdf"))
    assert "Kepala Dinas Pemberdayaan Perempuan," in text and "Kombes Hendra" not in text
    assert "Yth. Kepala Kejaksaan Tinggi Kalimantan Selatan" in text
    assert "u.p. Jaksa Fungsional" in text and "Herlina" not in text
    assert re.search(r"Tembusan:\s+1\. Gubernur Kalimantan Selatan \(sebagai laporan\)\s+"
                     r"2\. Kapolda", text)
    assert "Rina Maulida" not in text


def test_an_office_head_holding_the_post_is_the_addressee_not_an_up(db):
    task_force, _host = _with_secretariat(db, **HEAD)
    meeting = make_meeting(db, task_force, MEETING_DAY)
    fkub = make_agency(db, "FKUB", name="Forum Kerukunan Umat Beragama Kabupaten Bengkayang",
                       office_title="Ketua Forum Kerukunan Umat Beragama Kabupaten Bengkayang")
    _invite(db, meeting, agency_id=fkub, name="H. Sulaiman",
            position="Ketua FKUB Kabupaten Bengkayang")
    _invite(db, meeting, agency_id=fkub, name="Pdt. Markus",
            position="Wakil Ketua FKUB Kabupaten Bengkayang")
    (fkub_line,) = _letter(db, meeting).invitees  # one line per office
    assert fkub_line.addressee.attention == "Wakil Ketua FKUB Kabupaten Bengkayang"


def test_without_a_head_on_the_letterhead_the_secretariats_kepala_signs(db):
    from secretariat.agencies.contacts import ContactDraft, add_contact

    task_force, host = _with_secretariat(db)
    add_contact(db, ContactDraft(host, "Rina Maulida", position="Kepala Bidang PHPA"))
    add_contact(db, ContactDraft(host, "Husnul Hatimah", position="Kepala Dinas",
                                 nip="196809151993032008"))
    meeting = make_meeting(db, task_force, MEETING_DAY)
    signer = invitation_defaults(db, meeting, letter_date=LETTER_DAY).draft.signer
    # Not the head of a bidang; the head's short title written out as the office's
    assert (signer.name, signer.nip) == ("Husnul Hatimah", "196809151993032008")
    assert signer.position.startswith("Kepala Dinas Pemberdayaan Perempuan")


def test_everyone_on_the_list_being_the_host_office_is_said_so(db):
    task_force, host = _with_secretariat(db, **HEAD)
    meeting = make_meeting(db, task_force, MEETING_DAY)
    _invite(db, meeting, agency_id=host, name="Rina Maulida")
    with pytest.raises(ValidationError, match="office that sends the letter") as refused:
        _letter(db, meeting)
    assert refused.value.field == "invitees"


@pytest.mark.parametrize("nature, pressing", [("Biasa", False), ("Penting", True),
                                              ("Segera", True), ("Sangat Segera", True)])
def test_the_closing_asks_for_punctuality_only_when_the_sifat_says_so(db, meeting, nature,
                                                                      pressing):
    _invite(db, meeting, name="Sekretaris")
    closing = _letter(db, meeting, nature=nature).closing
    assert ("Mengingat pentingnya acara tersebut" in closing) is pressing
    assert closing.endswith("kami ucapkan terima kasih.")


def test_a_signer_on_behalf_prints_an_and_own_position(db, tmp_path):
    task_force, _host = _with_secretariat(db, **HEAD)
    meeting = make_meeting(db, task_force, MEETING_DAY)
    _invite(db, meeting, name="Sekretaris")
    start = invitation_defaults(db, meeting, letter_date=LETTER_DAY)
    signer = replace(start.draft.signer, form="a.n.",
                     on_behalf_of="Ketua " + start.task_force)
    text = _pdftotext(write_invitation(_letter(db, meeting, signer=signer),
                                       tmp_path / "an.pdf"))
    flat = " ".join(text.split())
    assert "a.n. Ketua GT PP-TPPO Provinsi Kalimantan Selatan, Kepala Dinas" in flat
    assert "Keluarga Berencana Provinsi Kalimantan Selatan, Husnul Hatimah" in flat
    assert "Pembina Utama Muda (IV/c) NIP. 196809151993032008" in flat


def _pdftotext(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
