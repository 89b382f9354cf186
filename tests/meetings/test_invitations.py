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
from secretariat.errors import RefusedError, ValidationError
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.invitations import invitation_defaults, invitation_letter
from secretariat.meetings.lifecycle import AgendaDraft, add_agenda_item, cancel_meeting

MEETING_DAY = date(2026, 12, 15)  # a Tuesday
SIGNER = {"signer_name": "Husnul Hatimah", "signer_position": "Kepala DP3AKB"}
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
    polda, dinsos = make_agency(db, "Polda"), make_agency(db, "Dinsos")
    _invite(db, meeting, agency_id=polda, name="AKBP Nurul Aini", position="Kasubdit IV")
    _invite(db, meeting, agency_id=dinsos)

    letter = _letter(db, meeting)

    assert letter.letter_number == "005/649/DP3AKB/2026"
    assert letter.subject == "Undangan Rapat Koordinasi (Rakor)"  # Indonesian, always
    assert letter.day_and_date == "Selasa, 15 Desember 2026"
    assert letter.letter_date == "1 Desember 2026"
    assert letter.time == "09.00 – 12.00 WITA"
    assert letter.agenda == ("Evaluasi tindak lanjut komitmen", "Rencana kerja 2027")
    assert [(i.name, i.position, i.agency) for i in letter.invitees] == [
        ("AKBP Nurul Aini", "Kasubdit IV", "Dinas Polda Provinsi Kalimantan Selatan"),
        ("Pimpinan Dinas Dinsos Provinsi Kalimantan Selatan", "",
         "Dinas Dinsos Provinsi Kalimantan Selatan")]
    assert letter.addressed_to_list
    assert (letter.signer_name, letter.signer_rank) == ("Husnul Hatimah",
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
    ({"signer_nip": "12ab"}, "signer_nip"),
    ({"signer_name": " "}, "signer_name"),  # a letter goes out signed
    ({"signer_position": ""}, "signer_position"),
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
    assert "Rakor Evaluasi <Triwulan IV> & Rencana 2027" in letter  # escaped, not markup
    assert "daftar terlampir" in letter and "Husnul Hatimah" in letter
    assert "NIP. 196809151993032008" in letter
    assert "DAFTAR UNDANGAN" in attached and "Peserta 19 <b>&amp;</b>" in attached
    # Tata Naskah Dinas (the default): no number on the kop page, "- 2 -" on the next.
    assert not re.search(r"- 1 -|Halaman", pages[0]) and "- 2 -" in pages[1]


def test_a_letter_without_a_number_leaves_room_to_write_it(db, tmp_path):
    meeting = make_meeting(db, make_task_force(db), MEETING_DAY)
    _invite(db, meeting, name="Sekretaris")
    target = write_invitation(_letter(db, meeting, **SIGNER), tmp_path / "Undangan.pdf")
    assert "Nomor : ......" in _words(PdfReader(target).pages[0])


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
