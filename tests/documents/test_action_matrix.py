"""The Matriks Tindak Lanjut: the report, its PDF and its workbook, read back and checked."""

from __future__ import annotations

import re
from datetime import date, datetime

import openpyxl
import pytest
from factories import make_agency, make_commitment, make_meeting, make_task_force
from pypdf import PdfReader
from sqlalchemy import text

from exports.excel.cells import CELL_LIMIT, CUT_MARK
from exports.excel.matrix import HEADER_ROW, HEADINGS, write_matrix_workbook
from exports.pdf.matrix import write_matrix_pdf
from secretariat.cli.main import main
from secretariat.commitments.queries import CommitmentFilter
from secretariat.demo import fill_demo
from secretariat.documents.action_matrix import Grouping, action_matrix

TODAY = date(2026, 11, 25)
HOSTILE = ["=HYPERLINK(\"http://x\",\"klik\")", "+62 812", "-1", "@SUM(A1)", "\tTab awal",
           "<b>tebal</b> & <i>miring</i>", "Kontrol\x01\x02\x1f dibuang", "Аксара ꦗꦮ 中文 ✓"]


@pytest.fixture
def demo(sqlite_db):
    fill_demo(sqlite_db, today=TODAY)
    return sqlite_db


def _flat(path) -> str:
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_workbook_holds_every_commitment_as_typed_with_real_dates(demo, tmp_path):
    matrix = action_matrix(demo, CommitmentFilter(), today=TODAY, full=True)
    target = write_matrix_workbook(matrix, tmp_path / "matriks.xlsx")

    sheet = openpyxl.load_workbook(target).active
    assert [cell.value for cell in sheet[HEADER_ROW]] == list(HEADINGS)
    rows = [dict(zip(HEADINGS, row, strict=True))
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    with demo.reading() as session:
        expected = session.execute(text("SELECT count(*) FROM commitments")).scalar_one()
    assert len(rows) == matrix.total == expected
    due = [row["Batas Waktu"] for row in rows if row["Batas Waktu"] is not None]
    assert due and all(isinstance(value, datetime) for value in due)
    assert sheet.cell(HEADER_ROW + 1, 5).number_format == "[$-421]d mmmm yyyy"
    assert {row["Status"] for row in rows} <= {"Belum Ditindaklanjuti", "Dalam Proses",
                                               "Selesai", "Tidak Dapat Ditindaklanjuti"}
    assert any((row["Keterangan"] or "").startswith("Terlambat") for row in rows)
    # Grouped by meeting, each line still says which meeting and which of its commitments.
    first = rows[0]
    assert first["Rujukan"] == f"Rakor 12 Maret 2020 no. {first['No. Komitmen']}"
    assert first["Tanggal Rapat"] == datetime(2020, 3, 12)
    assert first["Rapat"].startswith("Rapat Koordinasi")
    # Printing: header repeated, frozen, filtered, landscape, one page wide, numbered.
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:P{HEADER_ROW + len(rows)}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in sheet.oddFooter.center.text
    (validation,) = sheet.data_validations.dataValidation
    assert "Dalam Proses" in validation.formula1 and str(validation.sqref).startswith("F")
    assert len(sheet.conditional_formatting) >= 1


def test_hostile_text_stays_text_and_too_long_text_is_cut_visibly(sqlite_db, tmp_path):
    task_force = make_task_force(sqlite_db)
    meeting = make_meeting(sqlite_db, task_force, date(2026, 2, 2))
    lead = make_agency(sqlite_db, "Dinsos")
    for hostile in HOSTILE:
        make_commitment(sqlite_db, meeting, lead, text=hostile, notes=hostile)
    with sqlite_db.unit_of_work() as session:  # longer than the program accepts: old data
        session.execute(text("UPDATE commitments SET action_plan = :plan WHERE number = 1"),
                        {"plan": "x" * 40_000})
    matrix = action_matrix(sqlite_db, CommitmentFilter(), today=TODAY)

    sheet = openpyxl.load_workbook(write_matrix_workbook(matrix, tmp_path / "m.xlsx")).active
    cells = [sheet.cell(row, 2) for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + len(HOSTILE))]
    shown = [cell.value for cell in cells]
    assert all(cell.data_type == "s" for cell in cells)  # not one formula
    assert "=HYPERLINK(\"http://x\",\"klik\")" in shown and "@SUM(A1)" in shown
    assert "Kontrol dibuang" in shown and "Аксара ꦗꦮ 中文 ✓" in shown
    plan = sheet.cell(HEADER_ROW + 1, 3).value
    assert len(plan) == CELL_LIMIT and plan.endswith(CUT_MARK)

    content = _flat(write_matrix_pdf(matrix, tmp_path / "m.pdf"))
    assert "<b>tebal</b> & <i>miring</i>" in content
    assert "=HYPERLINK" in content


def test_the_pdf_lists_every_commitment_under_its_agency_with_page_numbers(demo, tmp_path):
    matrix = action_matrix(demo, CommitmentFilter(open_only=True), grouping=Grouping.AGENCY,
                           today=TODAY)
    target = write_matrix_pdf(matrix, tmp_path / "matriks.pdf")

    reader = PdfReader(target)
    content = _flat(target)
    width, height = reader.pages[0].mediabox.upper_right
    assert width > height  # landscape
    assert f"Halaman 1 dari {len(reader.pages)}" in content
    assert len(reader.pages) > 1
    for page in reader.pages:  # the column headings on every page
        assert "Kesepakatan/Komitmen dan Rencana Aksi" in page.extract_text()
    assert "MATRIKS TINDAK LANJUT KOMITMEN" in content and "25 November 2026" in content
    for row in matrix.rows():
        assert " ".join(row.text.split()[:4]) in content
        assert row.group.split(" – ")[0] in content


def test_an_empty_matrix_says_so(sqlite_db, tmp_path):
    matrix = action_matrix(sqlite_db, CommitmentFilter(overdue=True), today=TODAY)
    assert "Tidak ada komitmen" in _flat(write_matrix_pdf(matrix, tmp_path / "kosong.pdf"))
    sheet = openpyxl.load_workbook(write_matrix_workbook(matrix, tmp_path / "k.xlsx")).active
    assert sheet.max_row == HEADER_ROW


def test_export_actions_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    workbook = tmp_path / "matriks.xlsx"
    assert main(["--db", str(path), "export", "actions", "--open", "--group", "agency",
                 "-o", str(workbook)]) == 0
    sheet = openpyxl.load_workbook(workbook).active
    statuses = {row[5] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)}
    assert statuses <= {"Belum Ditindaklanjuti", "Dalam Proses"}
    assert main(["--db", str(path), "export", "actions", "--year", "2025", "-o",
                 str(tmp_path / "m.pdf")]) == 0
    assert main(["--db", str(path), "export", "actions", "-o", str(tmp_path / "m.doc")]) == 1
    assert main(["--db", str(path), "export", "actions", "--agency", "TIDAKADA", "-o",
                 str(workbook)]) == 1


def test_a_locked_target_keeps_the_old_file_and_says_so(sqlite_db, tmp_path, monkeypatch):
    import os

    from secretariat.errors import FileProblem

    target = tmp_path / "matriks.xlsx"
    target.write_bytes(b"versi lama")

    def locked(source, destination):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    matrix = action_matrix(sqlite_db, CommitmentFilter(), today=TODAY)
    with pytest.raises(FileProblem):
        write_matrix_workbook(matrix, target)
    assert target.read_bytes() == b"versi lama"
    assert not list(tmp_path.glob(".matriks*"))  # no partial file left behind


def _first_body_line(page) -> str:
    """The first line under the column headings (drawn again at the top of every page)."""
    lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines[lines.index("Keterangan") + 1]


@pytest.mark.parametrize("grouping", list(Grouping))
def test_every_page_starts_with_a_whole_row_or_a_group(sqlite_db, tmp_path, grouping):
    # Given enough medium-length commitments of two meetings and agencies to fill pages
    task_force = make_task_force(sqlite_db)
    leads = [make_agency(sqlite_db, "Dinsos"), make_agency(sqlite_db, "Polda")]
    for day in (date(2026, 2, 2), date(2026, 5, 4)):
        meeting = make_meeting(sqlite_db, task_force, day, title=f"Rakor {day.month}")
        for number in range(24):
            make_commitment(sqlite_db, meeting, leads[number % 2],
                            text=f"Komitmen {number} " + "menyusun langkah bersama " * 12,
                            action_plan="rencana aksi terperinci " * 10)
    matrix = action_matrix(sqlite_db, CommitmentFilter(), grouping=grouping, today=TODAY)

    reader = PdfReader(write_matrix_pdf(matrix, tmp_path / "m.pdf"))

    # Then no page begins with the rest of a row cut at the foot of the page before
    assert len(reader.pages) > 3
    groups = {row.group for row in matrix.rows()}
    for page in reader.pages[1:]:
        first = _first_body_line(page)
        assert first.isdigit() or any(group.startswith(first) for group in groups), first


def test_grouped_by_agency_each_line_says_where_it_was_agreed(demo, tmp_path):
    matrix = action_matrix(demo, CommitmentFilter(), grouping=Grouping.AGENCY, today=TODAY)
    content = _flat(write_matrix_pdf(matrix, tmp_path / "m.pdf"))
    assert content.count("Rapat: ") == matrix.total
