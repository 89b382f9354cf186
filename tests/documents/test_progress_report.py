"""Laporan Perkembangan Komitmen: the chairs' figures as PDF and Excel, read back."""

from __future__ import annotations

import re
from datetime import date, datetime

import openpyxl
import pytest
from factories import (
    make_agency,
    make_commitment,
    make_district,
    make_follow_up,
    make_meeting,
    make_task_force,
    version_of,
)
from pypdf import PdfReader
from sqlalchemy import func, select

from exports.excel.progress import HEADER_ROW, write_progress_workbook
from exports.pdf.progress import OVERDUE_LISTED, write_progress_pdf
from models import AttendanceStatus, Commitment, CommitmentStatus, Meeting
from secretariat.cli.main import main
from secretariat.commitments.progress import default_report_year
from secretariat.documents.progress_report import progress_report, report_task_force
from secretariat.errors import FileProblem, ValidationError
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.lifecycle import mark_held
from secretariat.storage.database import open_database

TODAY = date(2026, 6, 30)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
HOSTILE = '=HYPERLINK("http://x","klik") <b>tebal</b> & \x01\x0b Аксара 中文'


def _flat(path) -> str:
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def story(db):
    """Two rakor in 2026: Polda delivers, Disnaker (with a hostile commitment) is late."""
    task_force = make_task_force(db)
    polda, disnaker = make_agency(db, "Polda"), make_agency(db, "Disnaker")
    meetings = []
    for day in (date(2026, 2, 10), date(2026, 5, 12)):
        meeting = make_meeting(db, task_force, day)
        mark_held(db, meeting, version_of(db, Meeting, meeting), today=TODAY)
        meetings.append(meeting)
    first, second = meetings
    done = make_commitment(db, first, polda, due_date=date(2026, 3, 31))
    late = make_commitment(db, first, disnaker, text=HOSTILE, due_date=date(2026, 4, 30))
    make_commitment(db, second, disnaker, due_date=date(2026, 9, 30))
    make_follow_up(db, done, status=CommitmentStatus.DONE, when=date(2026, 3, 20), today=TODAY)
    make_follow_up(db, late, status=CommitmentStatus.IN_PROGRESS, progress=40,
                   when=date(2026, 3, 1), today=TODAY)
    add_attendance(db, first, AttendanceDraft(agency_id=polda, name="AKBP Rudi",
                                              status=AttendanceStatus.PRESENT), today=TODAY)
    add_attendance(db, first, AttendanceDraft(agency_id=disnaker, name="Bu Sri",
                                              status=AttendanceStatus.ABSENT), today=TODAY)
    return dict(task_force=task_force, late=late)


def _counted(db, task_force: int) -> dict[CommitmentStatus, int]:
    """The statuses counted straight from the table, not through the progress module."""
    with db.reading() as session:
        return dict(session.execute(
            select(Commitment.status, func.count()).join(Meeting)
            .where(Meeting.task_force_id == task_force, Meeting.date.between(*YEAR))
            .group_by(Commitment.status)).all())


def test_the_pdf_carries_the_figures_the_overdue_list_and_page_numbers(db, story, tmp_path):
    report = progress_report(db, story["task_force"], *YEAR, today=TODAY)
    target = write_progress_pdf(report, tmp_path / "laporan.pdf")

    content = _flat(target)
    pages = len(PdfReader(target).pages)
    assert "LAPORAN PERKEMBANGAN TINDAK LANJUT KOMITMEN" in content
    assert "Rapat tahun 2026" in content and "30 Juni 2026" in content
    assert f"- {pages} -" in content and "Halaman" not in content  # TND page numbers
    counted = _counted(db, story["task_force"])
    total = sum(counted.values())
    assert f"menyepakati {total} komitmen" in content
    assert f"Selesai {counted[CommitmentStatus.DONE]} " in content
    assert f"Dalam Proses {counted[CommitmentStatus.IN_PROGRESS]} " in content
    # The overdue commitment with its days late (30 April -> 30 June), hostile text as typed.
    assert "61 hari" in content
    # (Chinese is not in the embedded Liberation Sans: it is kept in the workbook only.)
    assert '=HYPERLINK("http://x","klik") <b>tebal</b> & Аксара' in content
    for heading in ("Kinerja Instansi Penanggung Jawab", "Perkembangan per Fokus",
                    "Tren Sesudah Setiap Rakor", "Kehadiran Instansi dalam Rakor"):
        assert heading in content
    assert "Disnaker" in content and "Polda" in content
    assert "10 Feb 2026" in content and "12 Mei 2026" in content  # the trend, in Indonesian
    assert "\u25a0 Selesai" in content  # the ring's colours keyed in the status table


def test_the_workbook_keeps_numbers_rates_and_dates_as_such(db, story, tmp_path):
    report = progress_report(db, story["task_force"], *YEAR, today=TODAY)
    workbook = openpyxl.load_workbook(write_progress_workbook(report, tmp_path / "l.xlsx"))

    assert workbook.sheetnames == ["Ringkasan", "Instansi", "Fokus", "Sub Gugus Tugas", "Tren",
                                   "Terlambat", "Kehadiran"]
    summary = workbook["Ringkasan"]
    counted = _counted(db, story["task_force"])
    rows = {row[0]: row[1:] for row in summary.iter_rows(min_row=HEADER_ROW + 1,
                                                         values_only=True)}
    assert rows["Selesai"][0] == counted[CommitmentStatus.DONE]
    assert rows["Jumlah"] == (sum(counted.values()), 1)
    assert summary.cell(HEADER_ROW + 1, 3).number_format == "0%"
    assert len(summary._charts) == 1

    agencies = workbook["Instansi"]
    scores = {row[1]: row for row in agencies.iter_rows(min_row=HEADER_ROW + 1,
                                                        values_only=True)}
    assert scores["Polda"][3:5] == (1, 1) and scores["Polda"][10] == 1.0
    assert scores["Disnaker"][9] == 1  # one overdue
    assert agencies.page_setup.orientation == "landscape"
    assert agencies.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert agencies.freeze_panes == f"A{HEADER_ROW + 1}"
    assert agencies.auto_filter.ref.startswith(f"A{HEADER_ROW}:")

    late = workbook["Terlambat"]
    (row,) = late.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    # As the program stored it: \x01 dropped, the vertical tab a line break.
    assert row[1] == '=HYPERLINK("http://x","klik") <b>tebal</b> & \n Аксара 中文'
    assert late.cell(HEADER_ROW + 1, 2).data_type == "s"
    assert row[4] == datetime(2026, 4, 30) and row[5] == 61 and row[6] == 0.4
    assert "&P" in late.oddFooter.center.text


def test_the_pdf_lists_the_most_late_and_counts_the_rest(db, tmp_path):
    task_force = make_task_force(db)
    lead = make_agency(db, "Dinsos")
    meeting = make_meeting(db, task_force, date(2026, 1, 5))
    for number in range(OVERDUE_LISTED + 5):
        make_commitment(db, meeting, lead, text=f"Komitmen nomor {number}",
                        due_date=date(2026, 2, 1 + number % 27))
    report = progress_report(db, task_force, *YEAR, today=TODAY)

    written = write_progress_pdf(report, tmp_path / "p.pdf")
    assert "dan 5 komitmen terlambat lainnya" in _flat(written)
    late = openpyxl.load_workbook(write_progress_workbook(report, tmp_path / "p.xlsx"))["Terlambat"]
    assert late.max_row == HEADER_ROW + OVERDUE_LISTED + 5  # the workbook lists them all


def test_an_empty_year_gives_a_short_report_not_an_error(db, story, tmp_path):
    report = progress_report(db, story["task_force"], date(2020, 1, 1), date(2020, 12, 31),
                             today=TODAY)
    assert "Tidak ada komitmen yang disepakati" in _flat(
        write_progress_pdf(report, tmp_path / "kosong.pdf"))
    workbook = openpyxl.load_workbook(write_progress_workbook(report, tmp_path / "k.xlsx"))
    assert workbook["Instansi"].max_row == HEADER_ROW


def test_the_task_force_defaults_to_the_one_that_met_last(db, story):
    kotabaru = make_district(db, "63.02", "Kabupaten Kotabaru")
    other = make_task_force(db, kotabaru, name="Gugus Tugas PP-TPPO Kabupaten Kotabaru")
    make_meeting(db, other, date(2026, 8, 1))
    assert report_task_force(db) == other
    assert report_task_force(db, story["task_force"]) == story["task_force"]
    with pytest.raises(ValidationError):
        report_task_force(db, 9999)


def test_a_locked_target_leaves_the_old_file(db, story, tmp_path, monkeypatch):
    import os

    target = tmp_path / "laporan.pdf"
    target.write_bytes(b"versi lama")

    def locked(source, destination):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    report = progress_report(db, story["task_force"], *YEAR, today=TODAY)
    with pytest.raises(FileProblem):
        write_progress_pdf(report, target)
    assert target.read_bytes() == b"versi lama"
    assert not list(tmp_path.glob(".laporan*"))


def test_export_progress_from_the_command_line(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    workbook = tmp_path / "laporan.xlsx"
    assert main(["--db", str(path), "export", "progress", "--year", "2025",
                 "-o", str(workbook)]) == 0
    assert openpyxl.load_workbook(workbook)["Ringkasan"].cell(1, 1).value.startswith(
        "Laporan Perkembangan")
    assert main(["--db", str(path), "export", "progress", "-o", str(tmp_path / "l.pdf")]) == 0
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    assert main(["--db", str(path), "export", "progress", "-o", str(tmp_path / "l.docx")]) == 1
    assert main(["--db", str(path), "export", "progress", "--task-force", "999",
                 "-o", str(workbook)]) == 1


def test_a_commitment_longer_than_a_page_flows_over_pages(db, tmp_path):
    from sqlalchemy import text as sql

    task_force = make_task_force(db)
    lead = make_agency(db, "Dinsos")
    meeting = make_meeting(db, task_force, date(2026, 1, 5))
    make_commitment(db, meeting, lead, text="Awal komitmen", due_date=date(2026, 2, 1))
    with db.unit_of_work() as session:  # longer than the program accepts: old or imported data
        session.execute(sql("UPDATE commitments SET text = :long"),
                        {"long": "Awal komitmen " + "kata panjang sekali " * 2500 + "AKHIR"})
    report = progress_report(db, task_force, *YEAR, today=TODAY)

    target = write_progress_pdf(report, tmp_path / "panjang.pdf")
    content = _flat(target)
    assert "Awal komitmen" in content and "AKHIR" in content
    assert len(PdfReader(target).pages) > 3
    late = openpyxl.load_workbook(write_progress_workbook(report, tmp_path / "p.xlsx"))["Terlambat"]
    assert late.cell(HEADER_ROW + 1, 2).value.startswith("Awal komitmen")


def test_without_a_year_the_command_reports_the_year_the_screen_opens_on(tmp_path):
    """The Perkembangan page opens on the latest year with commitments; the command agrees,
    instead of an empty report for a new year that has none yet."""
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    db = open_database(path)
    try:
        task_force = report_task_force(db)
        year = default_report_year(db, task_force, date.today())
        with_year = progress_report(db, task_force, date(year, 1, 1), date(year, 12, 31))
    finally:
        db.close()
    workbook = tmp_path / "tanpa-tahun.xlsx"

    assert main(["--db", str(path), "export", "progress", "-o", str(workbook)]) == 0

    summary = openpyxl.load_workbook(workbook)["Ringkasan"]
    texts = " ".join(str(c.value) for row in summary.iter_rows() for c in row if c.value)
    assert with_year.period in texts  # "Rapat tahun 2025": the very period of that year
    assert sum(with_year.figures.by_status.values()) > 0  # and it has commitments


# --- the laporan's shape and truth, on the demo --------------------------------------------


@pytest.fixture
def demo(sqlite_db):
    from secretariat.demo import fill_demo

    fill_demo(sqlite_db, today=DEMO_TODAY)
    return sqlite_db


DEMO_TODAY = date(2026, 11, 22)


def _kalsel(db) -> int:
    with db.reading() as session:
        return session.scalar(select(Meeting.task_force_id)
                              .where(Meeting.date == date(2025, 12, 2)))


def _earlier_overdue(db, task_force: int, before: date) -> int:
    """Counted straight from the table: open, past due, agreed at a meeting before `before`."""
    from secretariat.commitments.status import OPEN_STATUSES

    with db.reading() as session:
        return session.scalar(
            select(func.count()).select_from(Commitment).join(Meeting)
            .where(Meeting.task_force_id == task_force, Meeting.date < before,
                   Meeting.status != "cancelled", Commitment.status.in_(OPEN_STATUSES),
                   Commitment.due_date < DEMO_TODAY))


def test_a_year_without_rakor_does_not_deny_the_overdue_commitments(demo, tmp_path):
    task_force = _kalsel(demo)
    report = progress_report(demo, task_force, date(2026, 1, 1), date(2026, 12, 31),
                             today=DEMO_TODAY)
    earlier = _earlier_overdue(demo, task_force, date(2026, 1, 1))
    assert earlier > 0 and len(report.earlier_overdue) == earlier

    content = _flat(write_progress_pdf(report, tmp_path / "laporan.pdf"))
    assert "Tidak ada komitmen yang terlambat" not in content
    assert "Tidak ada komitmen rapat tahun 2026 yang melewati batas waktu" in content
    assert (f"Sebanyak {earlier} komitmen dari rapat sebelumnya masih terbuka dan melewati "
            "batas waktu") in content
    assert "2.152 hari" in content  # Indonesian thousands: the 2020 commitment's lateness
    for entry in report.earlier_overdue:
        assert " ".join(entry.text.split()[:3]) in content


def test_the_laporan_has_the_tata_naskah_dinas_shape(demo, tmp_path):
    task_force = _kalsel(demo)
    report = progress_report(demo, task_force, date(2025, 1, 1), date(2025, 12, 31),
                             today=DEMO_TODAY)
    content = _flat(write_progress_pdf(report, tmp_path / "laporan.pdf"))
    order = ["I. PENDAHULUAN", "A. Umum", "B. Maksud dan Tujuan", "C. Ruang Lingkup",
             "D. Dasar", "II. PERKEMBANGAN TINDAK LANJUT KOMITMEN", "III. SIMPULAN DAN SARAN",
             "IV. PENUTUP", "Demikian laporan ini disampaikan"]
    positions = [content.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "Peraturan Presiden Nomor 49 Tahun 2023 tentang Perubahan atas Peraturan Presiden " \
           "Nomor 69 Tahun 2008" in content
    with demo.reading() as session:
        from models import TaskForce

        decree = session.get(TaskForce, task_force).decree_number
    assert decree and decree in content  # the task force's SK
    # Signed with jabatan, pangkat and NIP: the letterhead's signer where set, else the chair.
    assert report.signer_rank and report.signer_rank in content
    assert f"NIP. {report.signer_nip}" in content
    # The draft conclusions, from the figures, are what is printed by default.
    figures = report.figures
    assert report.conclusions == report.conclusions_draft
    assert (f"disepakati {figures.total} komitmen; {figures.done} "
            f"({round(figures.done / figures.total * 100)}%) telah selesai") in content
    assert f"Sebanyak {figures.overdue_count} komitmen rapat tahun 2025 melewati" in content


def test_the_letterheads_signer_signs_and_pages_may_say_of_total(demo, tmp_path):
    import dataclasses

    from secretariat.documents.letterhead import get_letterhead, save_letterhead

    task_force = _kalsel(demo)
    letterhead = get_letterhead(demo, task_force)
    save_letterhead(demo, dataclasses.replace(
        letterhead, signer_name="Dra. Hj. Contoh Penanda", signer_position="Kepala Dinas",
        signer_rank="Pembina Tingkat I (IV/b)", signer_nip="197001011995032001",
        page_numbering="of_total"))
    report = progress_report(demo, task_force, date(2025, 1, 1), date(2025, 12, 31),
                             today=DEMO_TODAY, conclusions="1. Saran kami sendiri.")
    target = write_progress_pdf(report, tmp_path / "laporan.pdf")
    content, pages = _flat(target), len(PdfReader(target).pages)
    assert "Dra. Hj. Contoh Penanda" in content and "Pembina Tingkat I (IV/b)" in content
    assert "NIP. 197001011995032001" in content
    assert "Saran kami sendiri." in content and "A. Simpulan" not in content
    assert f"Halaman 1 dari {pages}" in content and f"Halaman {pages} dari {pages}" in content
