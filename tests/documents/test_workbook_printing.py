"""Every workbook the program writes, as it prints: borders, headings, print set, scale.

Written once from the demo (the three task forces' meetings and commitments), reopened
with openpyxl and checked sheet by sheet: thin borders on the header and body cells, a
header row tall enough for its wrapped headings, the header repeated and frozen, the print
area holding only the print set and that set fitting the letterhead's paper at 80 % or
more, the title and "Halaman x dari y" on every page. Then one workbook goes through
LibreOffice to a PDF, as an office prints it, when LibreOffice is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter
from pypdf import PdfReader

from exports.excel import matrix as matrix_workbook
from exports.excel import registers as register_workbooks
from exports.excel.cells import NUMBER_FORMAT
from exports.excel.matrix import write_matrix_workbook
from exports.excel.printing import (
    LINE_HEIGHT,
    MIN_SCALE,
    PAPER_CODES,
    heading_height,
    print_scale,
    wrapped_lines,
)
from exports.excel.progress import write_progress_workbook
from exports.excel.registers import write_agency_directory, write_meeting_schedule
from exports.excel.sheets import HEADER_ROW
from models import PaperSize
from secretariat.commitments.queries import CommitmentFilter
from secretariat.demo import fill_demo
from secretariat.documents.action_matrix import Grouping, action_matrix
from secretariat.documents.letterhead import get_letterhead, save_letterhead
from secretariat.documents.progress_report import progress_report, report_task_force
from secretariat.documents.registers import agency_directory, meeting_schedule
from secretariat.storage.database import open_database

TODAY = date(2026, 11, 25)
PRINT_AREA = re.compile(r"\$A\$1:\$([A-Z]+)\$(\d+)$")


@pytest.fixture(scope="module")
def demo(tmp_path_factory, _sqlite_template):
    path = tmp_path_factory.mktemp("demo") / "secretariat.sqlite3"
    shutil.copy(_sqlite_template, path)
    db = open_database(path, actor="tester")
    fill_demo(db, today=TODAY)
    yield db
    db.close()


@pytest.fixture(scope="module")
def workbooks(demo, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("workbooks")
    task_force = report_task_force(demo)
    return {
        "matriks": write_matrix_workbook(
            action_matrix(demo, CommitmentFilter(), today=TODAY), folder / "matriks.xlsx"),
        "matriks-instansi": write_matrix_workbook(action_matrix(
            demo, CommitmentFilter(), grouping=Grouping.AGENCY, today=TODAY),
            folder / "matriks-instansi.xlsx"),
        "direktori": write_agency_directory(agency_directory(demo, today=TODAY),
                                            folder / "direktori.xlsx"),
        "jadwal": write_meeting_schedule(meeting_schedule(demo, today=TODAY),
                                         folder / "jadwal.xlsx"),
        "laporan": write_progress_workbook(progress_report(
            demo, task_force, date(2020, 1, 1), date(2026, 12, 31), today=TODAY),
            folder / "laporan.xlsx"),
    }


def _sheets(workbooks):
    for name, path in workbooks.items():
        for sheet in openpyxl.load_workbook(path).worksheets:
            yield f"{name}/{sheet.title}", sheet


def _print_set(sheet) -> tuple[int, int]:
    """The print area's last column (as a number) and last row."""
    (area,) = sheet.print_area if isinstance(sheet.print_area, list) else [sheet.print_area]
    match = PRINT_AREA.search(area)
    assert match, area
    return column_index_from_string(match[1]), int(match[2])


def _widths(sheet, columns: int) -> list[float]:
    return [sheet.column_dimensions[get_column_letter(index)].width
            for index in range(1, columns + 1)]


def _headings(sheet) -> list[str]:
    return [cell.value for cell in sheet[HEADER_ROW] if cell.value]


def test_every_table_cell_has_thin_borders(workbooks):
    for name, sheet in _sheets(workbooks):
        columns = len(_headings(sheet))
        for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=min(sheet.max_row, HEADER_ROW + 8),
                                   max_col=columns):
            for cell in row:
                sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
                assert all(side.style == "thin" for side in sides), (name, cell.coordinate)
        title = sheet["A1"]
        assert title.border.left.style is None, name  # the title lines stand free


def test_the_header_row_is_tall_enough_repeated_and_frozen(workbooks):
    for name, sheet in _sheets(workbooks):
        headings = _headings(sheet)
        widths = _widths(sheet, len(headings))
        needed = max(wrapped_lines(heading, int(width)) for heading, width
                     in zip(headings, widths, strict=True))
        height = sheet.row_dimensions[HEADER_ROW].height
        assert height >= needed * LINE_HEIGHT, name
        assert height == heading_height(headings, widths), name
        assert sheet[f"A{HEADER_ROW}"].alignment.wrap_text, name
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", name
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}", name
    # "Instansi Penanggung Jawab" in a narrow column takes three lines: the height it was cut at
    sheet = openpyxl.load_workbook(workbooks["matriks"]).active
    assert sheet.row_dimensions[HEADER_ROW].height >= 3 * LINE_HEIGHT


def test_the_print_set_fits_the_page_at_eighty_per_cent_or_more(workbooks, demo):
    paper = get_letterhead(demo).paper_size  # F4 in the demo
    for name, sheet in _sheets(workbooks):
        columns, last_row = _print_set(sheet)
        landscape = sheet.page_setup.orientation == "landscape"
        widths = _widths(sheet, columns)
        assert print_scale(widths, paper, landscape=landscape) >= MIN_SCALE, name
        # A4 is the narrower paper: the print set fits there too.
        assert print_scale(widths, "A4", landscape=landscape) >= MIN_SCALE, name
        assert sheet.page_setup.paperSize == PAPER_CODES[paper.lower()], name
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0, name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert last_row >= sheet.max_row, name  # every line is printed
        assert sheet.oddFooter.center.text == "Halaman &P dari &N", name
        assert sheet.oddHeader.center.text, name  # the document's title on every page
        assert sheet.page_margins.left >= 0.5 and sheet.page_margins.top >= 0.7, name


def test_the_print_set_is_the_essential_columns_and_the_rest_follow_on_screen(workbooks):
    def printed_and_not(name, title=None):
        book = openpyxl.load_workbook(workbooks[name])
        sheet = book[title] if title else book.active
        columns, _last = _print_set(sheet)
        headings = _headings(sheet)
        return headings[:columns], headings[columns:]

    printed, rest = printed_and_not("matriks")
    assert printed == ["Rujukan", "Kesepakatan/Komitmen", "Rencana Aksi",
                       "Instansi Penanggung Jawab", "Batas Waktu", "Status", "Progres (%)",
                       "Kendala", "Keterangan"]
    assert {"Rapat", "Instansi Pendukung", "Fokus", "Sub Gugus Tugas"} <= set(rest)
    printed, rest = printed_and_not("direktori", "Direktori Instansi")
    # The circulated directory (the default) holds no personal numbers at all; the agency's
    # telephone is what is printed to phone from.
    assert printed[:3] == ["Singkatan", "Instansi", "Narahubung"]
    assert "Telepon Instansi" in printed and "No. HP" not in printed + rest
    assert "NIP" not in printed  # personal data stays off paper
    printed, rest = printed_and_not("jadwal")
    assert printed[:6] == ["No", "Hari", "Tanggal", "Waktu", "Jenis Rapat", "Nama Rapat"]
    assert "Acara" in rest and "Acara" not in printed
    assert printed_and_not("laporan", "Instansi")[1] == []  # the figures print whole


def test_the_paper_is_the_letterheads(demo, workbooks, tmp_path):
    assert openpyxl.load_workbook(workbooks["jadwal"]).active.page_setup.paperSize == 14  # F4
    paper = get_letterhead(demo).paper_size
    save_letterhead(demo, replace(get_letterhead(demo), paper_size=PaperSize.A4))
    try:
        sheet = openpyxl.load_workbook(write_matrix_workbook(
            action_matrix(demo, CommitmentFilter(), today=TODAY), tmp_path / "m.xlsx")).active
    finally:  # the other tests of the module read the demo's own letterhead
        save_letterhead(demo, replace(get_letterhead(demo), paper_size=paper))
    assert sheet.page_setup.paperSize == PAPER_CODES["a4"] == 9
    assert sheet.page_setup.orientation == "landscape"


def test_grouped_by_agency_each_line_has_its_meetings_reference(workbooks):
    sheet = openpyxl.load_workbook(workbooks["matriks-instansi"]).active
    headings = _headings(sheet)
    assert headings[0] == "Rujukan" and "No" not in headings
    rows = [dict(zip(headings, row, strict=True))
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    references = [row["Rujukan"] for row in rows]
    assert len(set(references)) == len(references)  # each names one commitment
    for row in rows:
        day = row["Tanggal Rapat"].date()
        assert re.fullmatch(r"(Rakor|Rakor Sinkronisasi|Rapat Teknis|FGD|Sosialisasi|Monev|"
                            r"Rapat) \d{1,2} \w+ \d{4} no\. \d+", row["Rujukan"]), row["Rujukan"]
        assert row["Rujukan"].endswith(f"no. {row['No. Komitmen']}")
        assert str(day.year) in row["Rujukan"]
    assert "Rakor 16 Mei 2024 no. 2" in references
    # The lead agencies' lines stay together, as the grouping says.
    finished: set[str] = set()
    for before, lead in zip(rows, rows[1:], strict=False):
        if lead["Instansi Penanggung Jawab"] != before["Instansi Penanggung Jawab"]:
            finished.add(before["Instansi Penanggung Jawab"])
        assert lead["Instansi Penanggung Jawab"] not in finished


def test_the_schedule_names_its_meetings_and_gives_their_agenda(workbooks):
    sheet = openpyxl.load_workbook(workbooks["jadwal"]).active
    headings = _headings(sheet)
    rows = [dict(zip(headings, row, strict=True))
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert "Nama Rapat" in headings
    evaluation = next(row for row in rows
                      if row["Nama Rapat"].endswith("Evaluasi Tindak Lanjut Komitmen"))
    assert evaluation["Acara"].startswith("1. Evaluasi tindak lanjut komitmen")
    assert "\n2. " in evaluation["Acara"]
    assert all(row["Acara"] != row["Nama Rapat"] for row in rows)


def test_numbers_stay_numbers_and_are_shown_grouped(workbooks, demo):
    late = openpyxl.load_workbook(workbooks["laporan"])["Terlambat"]
    column = _headings(late).index("Terlambat (hari)") + 1
    cell = late.cell(HEADER_ROW + 1, column)
    assert isinstance(cell.value, int) and cell.number_format == NUMBER_FORMAT
    # Where a number is words, it is written the Indonesian way.
    matrix = action_matrix(demo, CommitmentFilter(overdue=True), today=date(2032, 1, 1))
    remarks = [row.status_text for row in matrix.rows()]
    assert any(re.search(r"terlambat \d\.\d{3} hari", remark) for remark in remarks)


def test_the_column_layouts_fit_a4_landscape():
    """The constants themselves, so that a column added later keeps the print readable."""
    layouts = {
        "matrix": matrix_workbook.WIDTHS[:matrix_workbook.PRINTED],
        "directory": [w for _h, w in register_workbooks.DIRECTORY_COLUMNS][
            :register_workbooks.DIRECTORY_PRINTED],
        "membership": [w for _h, w in register_workbooks.MEMBERSHIP_COLUMNS],
        "schedule": [w for _h, w in register_workbooks.SCHEDULE_COLUMNS][
            :register_workbooks.SCHEDULE_PRINTED],
    }
    for name, widths in layouts.items():
        assert print_scale(widths, "A4", landscape=True) >= MIN_SCALE, name


def test_wrapped_lines_counts_whole_words():
    assert wrapped_lines("", 10) == 1
    assert wrapped_lines("Instansi Penanggung Jawab", 13) == 3
    assert wrapped_lines("abc def", 7) == 1
    assert wrapped_lines("abc defg", 7) == 2  # the word moves whole
    assert wrapped_lines("x" * 25, 10) == 3  # a too-long word is broken inside
    assert wrapped_lines("satu\ndua", 40) == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_matrix_readably(workbooks, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(workbooks["matriks-instansi"])],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(tmp_path / "matriks-instansi.pdf")
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        width, height = reader.pages[number - 1].mediabox.upper_right
        assert width > height  # landscape
        flat = " ".join(page.split())
        assert "Rujukan" in flat and "Keterangan" in flat  # the header on every page
        assert f"Halaman {number} dari {len(pages)}" in flat
        assert "MATRIKS TINDAK LANJUT KOMITMEN" in flat
        assert "Sub Gugus Tugas" not in flat  # outside the print area
    # The cells' 11 points print at 80 % or more (the page header and footer are 9 points).
    sizes = _font_sizes(reader.pages[0])
    for heading in ("Rujukan", "Keterangan", "Rakor"):
        assert sizes[heading] >= MIN_SCALE / 100 * 11 - 0.1, (heading, sizes[heading])


def _font_sizes(page) -> dict[str, float]:
    """The printed size of each piece of text on a page, by its first word."""
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():  # the height of the text matrix times the page matrix
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            sizes.setdefault(text.split()[0], font_size * (c * c + d * d) ** 0.5)

    page.extract_text(visitor_text=visit)
    return sizes
