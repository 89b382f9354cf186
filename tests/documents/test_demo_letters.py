"""The demo's letters as a Kepala Bagian Umum reads them (Permendagri 1/2023): the office
of the kop signs, the offices invited are addressed by their holder's title, the Tembusan
follows the signature, a letter without a number leaves a blank for it.

Read back with pdftotext, as a person reads the page."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from sqlalchemy import select

from exports.pdf.invitation import write_invitation
from exports.pdf.request_letter import write_request_letter
from models import Agency, Commitment, Meeting, MeetingStatus
from secretariat.cli.main import EXIT_OK, EXIT_USAGE, main
from secretariat.commitments.request_letters import RequestDraft, request_defaults, request_letter
from secretariat.demo import fill_demo
from secretariat.meetings.invitations import invitation_defaults, invitation_letter

TODAY = date(2026, 11, 25)
BENGKAYANG_HEAD = "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten"


@pytest.fixture
def demo(sqlite_db):
    fill_demo(sqlite_db, today=TODAY)
    return sqlite_db


def _text(path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _flat(path) -> str:
    return " ".join(_text(path, "-layout").split())


def _meeting(db, title_start: str) -> int:
    with db.reading() as session:
        return session.scalar(select(Meeting.id).where(Meeting.title.startswith(title_start)))


def test_the_bengkayang_invitation_is_signed_by_the_office_of_its_kop(demo, tmp_path):
    # Given the Bengkayang meeting, organised and chaired by BP3MI Kalbar, on the kop of
    # the task force's secretariat (Dinsos P3A Bengkayang)
    meeting = _meeting(demo, "Pertemuan Koordinasi dan Sinkronisasi")
    start = invitation_defaults(demo, meeting, letter_date=date(2025, 7, 28))
    target = write_invitation(invitation_letter(demo, meeting, start.draft), tmp_path / "u.pdf")

    page_one = _text(target, "-layout").split("\f")[0]
    attached = _text(target).split("\f")[1]  # reading order: a table's cells one by one
    flat = " ".join(page_one.split())
    # Then its head signs, in the office's name, not the Kepala BP3MI who chairs
    assert "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN" in flat
    assert BENGKAYANG_HEAD in flat and "Drs. Yohanes Atet, M.Si." in flat
    assert "Pembina Utama Muda (IV/c)" in flat and "NIP. 197003141994031009" in flat
    assert "Kepala BP3MI" not in flat and "mewakili" not in flat
    assert "Tembusan: 1. Bupati Bengkayang selaku Ketua Gugus Tugas PP-TPPO" in flat
    # The opening is the title, not the title with the task force glued after it
    assert ("Dalam rangka pelaksanaan Pertemuan Koordinasi dan Sinkronisasi Pencegahan TPPO "
            "dan Pelindungan Pekerja Migran Indonesia di Kabupaten Bengkayang, bersama ini "
            "kami mengundang") in flat
    # The daftar undangan: office titles, the people after u.p.; not the host office
    listed = " ".join(attached.split())
    assert "Kepala Kepolisian Resor Bengkayang" in listed
    assert "Ketua Forum Kerukunan Umat Beragama Kabupaten Bengkayang" in listed
    assert "Kepala Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan" in listed
    assert "Maria Goretti" not in listed and "Yohanes Atet" not in listed
    assert "Pimpinan" not in listed


def test_the_planned_rakor_invitation_leaves_out_its_signer_and_names_offices(demo, tmp_path):
    with demo.reading() as session:
        planned = session.scalar(select(Meeting.id).where(
            Meeting.status == MeetingStatus.PLANNED))
    start = invitation_defaults(demo, planned, letter_date=TODAY)
    letter = invitation_letter(demo, planned, start.draft)
    titles = [invitee.addressee.title for invitee in letter.invitees]
    assert "Kepala Kejaksaan Tinggi Kalimantan Selatan" in titles
    assert "Kepala Kepolisian Daerah Kalimantan Selatan" in titles
    assert not any(person.name == "Husnul Hatimah"  # she signs: not invited by her letter
                   for invitee in letter.invitees for person in invitee.people)
    kejati = next(i for i in letter.invitees if i.addressee.title.startswith("Kepala Kejaksaan"))
    assert kejati.addressee.attention == "Jaksa Fungsional Bidang Tindak Pidana Umum"
    assert letter.signer.name == "Husnul Hatimah" and len(letter.carbon_copies) == 2


def test_the_command_line_signs_an_and_leaves_the_number_blank(demo, tmp_path, capsys):
    # Given a meeting whose invitation has no number yet
    meeting = _meeting(demo, "Rapat Teknis Sub Gugus Tugas")
    with demo.unit_of_work() as session:
        session.get(Meeting, meeting).invitation_number = ""
    path, out = str(demo.engine.url.database), tmp_path / "an.pdf"
    assert main(["--db", path, "export", "invitation", str(meeting), "-o", str(out),
                 "--date", "2026-11-20", "--nature", "Biasa", "--signer-form", "a.n.",
                 "--tembusan", "Sekretaris Daerah Provinsi Kalimantan Selatan"]) == EXIT_OK
    flat = _flat(out)
    assert "Nomor : …………/…………/…………" in flat and "Sifat : Biasa" in flat
    assert "a.n. Ketua Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan, Kepala Dinas" in flat
    assert "Mengingat pentingnya" not in flat  # Biasa
    assert "Tembusan: 1. Sekretaris Daerah Provinsi Kalimantan Selatan" in flat
    assert "Gubernur" not in flat  # the letterhead's copies replaced
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:
        main(["--db", path, "export", "invitation", str(meeting), "-o", str(out),
              "--nature", "Kilat"])
    assert usage.value.code == EXIT_USAGE and "Sangat Segera" in capsys.readouterr().err


def test_the_request_letter_has_pangkat_the_chosen_sifat_and_the_office_title(demo, tmp_path):
    with demo.reading() as session:
        commitment = session.scalar(select(Commitment.id).join(Meeting).where(
            Meeting.task_force_id == select(Meeting.task_force_id).where(
                Meeting.status == MeetingStatus.PLANNED).scalar_subquery(),
            Commitment.status.in_(("not_started", "in_progress")),
            Agency.abbreviation == "Polda Kalsel")
            .join(Agency, Agency.id == Commitment.lead_agency_id).limit(1))
    start = request_defaults(demo, (commitment,))
    draft = RequestDraft((commitment,), "", TODAY, signer=start.signer, nature="Sangat Segera",
                         carbon_copies=start.carbon_copies)
    flat = _flat(write_request_letter(request_letter(demo, draft, today=TODAY),
                                      tmp_path / "p.pdf"))
    assert "Nomor : …………/…………/…………" in flat and "Sifat : Sangat Segera" in flat
    assert "Yth. Kepala Kepolisian Daerah Kalimantan Selatan u.p. Kepala Subdirektorat IV" in flat
    assert "Husnul Hatimah Pembina Utama Muda (IV/c) NIP. 196809151993032008" in flat
    assert "segera diperlukan" in flat and "Tembusan: 1. Gubernur Kalimantan Selatan" in flat
