"""The notulen and daftar hadir PDFs, read back as text the way a reader would see them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from factories import make_agency, make_meeting, make_task_force
from pypdf import PdfReader
from sqlalchemy import select

from exports.pdf.attendance import EMPTY_ROWS_FOR_WALK_INS, write_attendance
from exports.pdf.minutes import write_minutes
from models import Commitment, Meeting, MeetingStatus, PaperSize
from secretariat.cli.main import main
from secretariat.commitments.recording import CommitmentDraft, add_commitment
from secretariat.demo import fill_demo
from secretariat.documents.letterhead import get_letterhead, save_letterhead
from secretariat.documents.minutes_and_attendance import attendance_sheet, minutes_report
from secretariat.errors import FileProblem
from secretariat.meetings.lifecycle import AgendaDraft, add_agenda_item, mark_held
from secretariat.meetings.lifecycle import write_minutes as save_minutes

TODAY = date(2026, 11, 22)


def _text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    pages = [page.extract_text() for page in reader.pages]
    return "\n".join(pages), len(pages)


@pytest.fixture
def demo(sqlite_db):
    fill_demo(sqlite_db, today=TODAY)
    return sqlite_db


def _rakor_2025(db) -> int:
    with db.reading() as session:
        return session.scalar(select(Meeting.id).where(Meeting.date == date(2025, 12, 2)))


def test_minutes_carry_the_header_fields_every_commitment_and_page_numbers(demo, tmp_path):
    meeting = _rakor_2025(demo)
    report = minutes_report(demo, meeting)
    target = write_minutes(report, tmp_path / "notulen.pdf")

    text, pages = _text(target)
    flat = " ".join(text.split())
    assert "NOTULEN RAPAT" in flat
    assert "Hari/Tanggal : Selasa, 2 Desember 2025" in flat
    assert "Waktu : 09.00 – 12.00 WITA" in flat
    for label in ("Rapat/Sidang", "Nomor Surat Undangan", "Tempat", "Acara", "Pimpinan Rapat",
                  "Pencatat/Notulis", "Terlampir pada daftar hadir"):
        assert label in flat
    assert report.invitation_number in flat
    with demo.reading() as session:
        agreed = session.scalars(select(Commitment).where(Commitment.meeting_id == meeting)
                                 .order_by(Commitment.number)).all()
    assert agreed
    for commitment in agreed:
        assert f"{commitment.number}. {' '.join(commitment.text.split()[:4])}" in flat
    assert f"Halaman 1 dari {pages}" in flat and f"Halaman {pages} dari {pages}" in flat
    assert "DAFTAR HADIR" in flat and "Lampiran Notulen Rapat" in flat
    assert "DRAFT" not in flat  # these minutes are final
    assert b"/FontFile2" in target.read_bytes()  # the TrueType font travels with the file


def test_confidential_commitments_can_be_left_out_of_a_circulated_copy(demo, tmp_path):
    with demo.reading() as session:
        confidential = select(Commitment).where(Commitment.confidential.is_(True))
        secret = session.scalars(confidential).first()
    full = minutes_report(demo, secret.meeting_id, full=True)
    circulated = minutes_report(demo, secret.meeting_id)
    assert len(circulated.commitments) == len(full.commitments) - 1
    text, _pages = _text(write_minutes(circulated, tmp_path / "edaran.pdf"))
    assert " ".join(secret.text.split()[:5]) not in " ".join(text.split())
    assert "bersifat TERBATAS tidak dimuat dalam salinan edaran ini" in " ".join(text.split())


def test_draft_minutes_are_marked_draft_on_f4_paper(sqlite_db, tmp_path):
    # Given an installation printing on F4 and a meeting whose minutes are still a draft
    settings = get_letterhead(sqlite_db)
    save_letterhead(sqlite_db, settings.__class__(
        **{**settings.__dict__, "paper_size": PaperSize.F4, "city": "Banjarbaru",
           "agency_line": "DP3AKB"}))
    meeting = make_meeting(sqlite_db, make_task_force(sqlite_db), date(2026, 3, 5))
    with sqlite_db.reading() as session:
        version = session.get(Meeting, meeting).version
    mark_held(sqlite_db, meeting, version, today=TODAY)
    save_minutes(sqlite_db, meeting, "Pembukaan", "Kesimpulan", version + 1)

    target = write_minutes(minutes_report(sqlite_db, meeting), tmp_path / "draf.pdf")

    text, _pages = _text(target)
    assert "DRAF" in text and "DRAFT" not in text  # the Indonesian word
    width, height = PdfReader(target).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (609, 935)  # 215 x 330 mm


def test_hostile_text_prints_as_typed_and_long_text_flows_over_pages(sqlite_db, tmp_path):
    task_force = make_task_force(sqlite_db)
    meeting = make_meeting(sqlite_db, task_force, date(2026, 3, 5),
                           title="Rapat <b>penting</b> & \"khusus\" =SUM(A1)")
    lead = make_agency(sqlite_db, "DINSOS")
    essay = "\n\n".join(f"Paragraf {n}: " + "kata " * 300 for n in range(60))
    add_agenda_item(sqlite_db, meeting, AgendaDraft(title="Bahas <script>alert(1)</script>",
                                                    discussion=essay))
    add_commitment(sqlite_db, meeting, CommitmentDraft(
        text="Teks dengan kontrol\x07 dan <i>markup</i> & Ünïcödé — ‘kutip’", lead_agency_id=lead))

    target = write_minutes(minutes_report(sqlite_db, meeting), tmp_path / "keras.pdf")

    text, pages = _text(target)
    flat = " ".join(text.split())
    assert "Rapat <b>penting</b> & \"khusus\" =SUM(A1)" in flat
    assert "Bahas <script>alert(1)</script>" in flat
    assert "<i>markup</i> & Ünïcödé — ‘kutip’" in flat
    assert "Paragraf 59:" in flat and pages > 5


def test_blank_attendance_sheet_lists_the_invited_and_room_for_walk_ins(demo, tmp_path):
    with demo.reading() as session:
        planned = session.scalar(select(Meeting.id).where(Meeting.status == MeetingStatus.PLANNED))
    sheet = attendance_sheet(demo, planned, blank=True)
    assert sheet.lines
    text, _pages = _text(write_attendance(sheet, tmp_path / "hadir.pdf"))
    flat = " ".join(text.split())
    for title in ("No", "Nama", "Jabatan/Instansi", "No. HP", "Tanda Tangan"):
        assert title in flat
    for line in sheet.lines:
        assert " ".join(line.name.split()[:2]) in flat
    last = len(sheet.lines) + EMPTY_ROWS_FOR_WALK_INS
    assert re.search(rf"\b{last}\. \.+", flat)


def test_blank_attendance_sheet_without_invited_still_has_room_for_walk_ins(sqlite_db,
                                                                           tmp_path):
    meeting = make_meeting(sqlite_db, make_task_force(sqlite_db), date(2026, 3, 5))
    sheet = attendance_sheet(sqlite_db, meeting, blank=True)
    assert sheet.lines == ()
    text, _pages = _text(write_attendance(sheet, tmp_path / "hadir.pdf"))
    flat = " ".join(text.split())
    assert re.search(rf"\b{EMPTY_ROWS_FOR_WALK_INS}\. \.+", flat)


def test_a_target_that_cannot_be_written_gives_a_clear_message_and_no_partial_file(demo, tmp_path):
    folder = tmp_path / "dokumen"
    blocked = folder / "notulen.pdf"
    # e.g. a name taken by a folder (a locked file behaves alike on Windows)
    blocked.mkdir(parents=True)
    with pytest.raises(FileProblem) as refused:
        write_minutes(minutes_report(demo, _rakor_2025(demo)), blocked)
    assert "notulen.pdf" in refused.value.message
    assert [p.name for p in folder.iterdir()] == ["notulen.pdf"]


def test_export_commands(tmp_path, capsys):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    out = tmp_path / "notulen.pdf"
    assert main(["--db", str(path), "export", "minutes", "1", "-o", str(out)]) == 0
    assert "Kamis, 12 Maret 2020" in " ".join(_text(out)[0].split())
    assert main(["--db", str(path), "export", "attendance", "1", "--blank", "-o",
                 str(tmp_path / "hadir.pdf")]) == 0
    assert main(["--db", str(path), "export", "minutes", "1", "-o", str(tmp_path / "x.doc")]) == 1
    assert main(["--db", str(path), "export", "minutes", "999", "-o", str(out)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_minutes_give_each_commitment_its_plan_and_never_sign_on_an_empty_page(demo, tmp_path):
    meeting = _rakor_2025(demo)
    report = minutes_report(demo, meeting)
    reader = PdfReader(write_minutes(report, tmp_path / "notulen.pdf"))
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    text = " ".join(pages)

    planned = [entry for entry in report.commitments if entry.action_plan]
    assert planned and text.count("Rencana aksi: ") == len(planned)
    assert " ".join(planned[0].action_plan.split()[:5]) in text
    # The page with the chair's signature also shows the end of the commitments above it.
    signed = next(page for page in pages if "Pimpinan Rapat," in page)
    last = report.commitments[-1]
    assert " ".join(last.text.split()[:5]) in signed


def test_the_daftar_hadir_keeps_a_phone_number_on_one_line_and_off_the_blank_sheet(
        sqlite_db, tmp_path):
    from models import AttendanceStatus
    from secretariat.meetings.attendance import AttendanceDraft, add_attendance

    meeting = make_meeting(sqlite_db, make_task_force(sqlite_db), date(2026, 3, 2))
    add_attendance(sqlite_db, meeting, AttendanceDraft(
        name="Rina Maulida, S.Sos., M.A.P.", phone="0812-5055-8140",
        status=AttendanceStatus.PRESENT), today=TODAY)
    # The full copy prints the numbers (the circulated one leaves them out).
    recorded = write_attendance(attendance_sheet(sqlite_db, meeting, full_copy=True),
                                tmp_path / "hadir.pdf")
    assert "0812-5055-8140" in PdfReader(recorded).pages[0].extract_text()
    # The sheet passed round the room for signing prints nobody's private number.
    blank = write_attendance(attendance_sheet(sqlite_db, meeting, blank=True),
                             tmp_path / "kosong.pdf")
    text = PdfReader(blank).pages[0].extract_text()
    assert "Rina Maulida" in text and "0812" not in text


def test_text_and_tables_start_at_the_left_margin(demo, tmp_path):
    """The office's 3 cm for every line: no 6-pt inset for text, no table in the margin."""
    target = write_minutes(minutes_report(demo, _rakor_2025(demo)), tmp_path / "n.pdf")
    starts: dict[str, float] = {}

    def seen(text, cm, tm, _font, _size):
        if text.strip() and text.strip() not in starts:
            starts[text.strip()] = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]  # on the page

    PdfReader(target).pages[0].extract_text(visitor_text=seen)
    margin = get_letterhead(demo).margin_left_mm / 25.4 * 72
    assert abs(starts["Rapat/Sidang"] - margin) < 1  # the header table's first column
    assert abs(starts["I. KATA PEMBUKAAN"] - margin) < 1  # a heading
