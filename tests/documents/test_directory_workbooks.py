"""Direktori Instansi and Jadwal Rapat workbooks under hostile input, as printed and as opened.

tests/documents/test_registers.py checks what the two registers say; these check what can go wrong
on the way to the file: pasted text that looks like a formula or markup or holds control
characters, text longer than a cell takes, print settings on every sheet, number and date
types, the schedule's filters, a locked target, and LibreOffice opening the result.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import date, datetime, time

import openpyxl
import pytest
from factories import make_agency, make_commitment, make_meeting, make_province, make_task_force

from exports.excel.cells import CELL_LIMIT, CUT_MARK, DATE_FORMAT
from exports.excel.printing import MAX_ROW_HEIGHT
from exports.excel.registers import write_agency_directory, write_meeting_schedule
from exports.excel.sheets import HEADER_ROW
from models import PaperSize
from secretariat.agencies.contacts import ContactDraft, add_contact
from secretariat.documents.letterhead import LetterheadSettings, save_letterhead
from secretariat.documents.registers import (
    AgencyDirectory,
    DirectoryLine,
    MeetingSchedule,
    ScheduleLine,
    agency_directory,
    meeting_schedule,
)
from secretariat.errors import FileProblem

TODAY = date(2026, 11, 25)
FORMULA = '=HYPERLINK("http://x","klik")'
WORLD = "شرطة الولاية 警察局"  # Arabic and Chinese, as a name pasted from a foreign letter


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))


def _cell(sheet, row: int, column: int | str):
    """Row `row` of the table, in the column numbered or headed `column`."""
    if isinstance(column, str):
        headings = [cell.value for cell in sheet[HEADER_ROW]]
        column = headings.index(column) + 1
    return sheet.cell(HEADER_ROW + row, column)


def _assert_text(cell, value: str) -> None:
    """Stored as the string typed, never as a formula; a would-be formula keeps its quote."""
    assert cell.value == value and cell.data_type == "s"
    assert cell.quotePrefix == value.startswith(("=", "+", "-", "@"))


def test_pasted_formulas_markup_and_scripts_stay_text(db, tmp_path):
    polda = make_agency(db, "Polda", name=f"{FORMULA} {WORLD}", sector="-Penegak hukum")
    add_contact(db, ContactDraft(polda, "+1 <b>&</b>\x01\x0b Budi", position="@Kasubdit IV",
                                 phone="+62 811 222"))
    task_force = make_task_force(db)
    make_meeting(db, task_force, date(2026, 3, 10), title=f"@SUM(A1) {WORLD} <i>&amp;</i>",
                 place="=1+1", chair_name="-Kapolda")

    sheet = openpyxl.load_workbook(write_agency_directory(
        agency_directory(db, today=TODAY, full=True),
        tmp_path / "direktori.xlsx"))["Direktori Instansi"]
    _assert_text(_cell(sheet, 1, 2), f"{FORMULA} {WORLD}")
    _assert_text(_cell(sheet, 1, 11), "-Penegak hukum")
    # The core already turned the control characters into a space, collapsed with the next.
    _assert_text(_cell(sheet, 1, 3), "+1 <b>&</b> Budi")
    _assert_text(_cell(sheet, 1, 4), "@Kasubdit IV")
    _assert_text(_cell(sheet, 1, 5), "+62 811 222")  # a phone number is not a sum

    schedule = openpyxl.load_workbook(write_meeting_schedule(
        meeting_schedule(db, year=2026, today=TODAY), tmp_path / "jadwal.xlsx")).active
    _assert_text(_cell(schedule, 1, 6), f"@SUM(A1) {WORLD} <i>&amp;</i>")
    _assert_text(_cell(schedule, 1, 7), "=1+1")
    _assert_text(_cell(schedule, 1, 8), "-Kapolda")


def _directory_line(**text) -> DirectoryLine:
    values = dict(abbreviation="Polda", agency="Polda Kalsel", sector="", level="Provinsi",
                  region="", address="", agency_phone="", agency_email="", active=True,
                  contact="", position="", nip="", phone="", email="", focal_point=False)
    return DirectoryLine(**{**values, **text})


def _schedule_line(**text) -> ScheduleLine:
    values = dict(date=date(2026, 3, 10), weekday="Selasa", start_time=time(9),
                  time_span="09.00 WITA", kind="Rapat Koordinasi (Rakor)", title="Rakor",
                  task_force="GT PP-TPPO", place="", invitation_number="", chair="",
                  note_taker="", status="Direncanakan", commitments=0)
    return ScheduleLine(**{**values, **text})


def test_the_writers_cut_overlong_text_and_drop_what_xml_forbids(tmp_path):
    # The core refuses such text, but the writers are fed report objects by anyone (CLI,
    # future imports): they must still make a file that opens.
    huge = "Jl. Jend. A. Yani km 6 " * 1800  # about 41,000 characters
    directory = AgencyDirectory(
        title="Direktori", printed_on="25-11-2026", letterhead=LetterheadSettings(),
        lines=(_directory_line(address=huge, contact="Budi\x01\x0bSantoso\x1f",
                               position=f"{WORLD}\x00"),), memberships=())
    sheet = openpyxl.load_workbook(write_agency_directory(directory, tmp_path / "d.xlsx")).active
    address = _cell(sheet, 1, "Alamat").value
    assert len(huge) > 40_000 and len(address) == CELL_LIMIT and address.endswith(CUT_MARK)
    assert _cell(sheet, 1, "Narahubung").value == "BudiSantoso"
    assert _cell(sheet, 1, "Jabatan").value == WORLD
    assert sheet.row_dimensions[HEADER_ROW + 1].height == MAX_ROW_HEIGHT  # Excel's largest

    schedule = MeetingSchedule(
        title="Jadwal", subtitle="Rapat tahun 2026", printed_on="25-11-2026",
        letterhead=LetterheadSettings(),
        lines=(_schedule_line(title="=" + huge + "\x0b", place="<script>&</script>"),))
    sheet = openpyxl.load_workbook(write_meeting_schedule(schedule, tmp_path / "j.xlsx")).active
    title = _cell(sheet, 1, 6)
    assert len(title.value) == CELL_LIMIT and title.data_type == "s" and title.quotePrefix
    _assert_text(_cell(sheet, 1, 7), "<script>&</script>")


def _assert_prints_well(sheet, columns: str, last_row: int, paper: int) -> None:
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == paper
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.oddFooter.center.text == "Halaman &P dari &N"
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:{columns}{last_row}"
    assert all(sheet.column_dimensions[c].width > 0 for c in ("A", columns))


def test_every_sheet_prints_on_the_letterheads_paper_with_real_dates_and_numbers(db, tmp_path):
    task_force = make_task_force(db)
    save_letterhead(db, LetterheadSettings(agency_line="DP3AKB Provinsi Kalimantan Selatan",
                                           paper_size=PaperSize.F4))
    dinsos = make_agency(db, "Dinsos")
    add_contact(db, ContactDraft(dinsos, "Siti Nuriyani", phone="0511-123456"))
    add_contact(db, ContactDraft(dinsos, "Rahmat", position="Kabid Rehsos"))
    later = make_meeting(db, task_force, date(2026, 12, 2), start_time=time(9),
                         end_time=time(12), title="Rakor akhir tahun")
    make_meeting(db, task_force, date(2026, 2, 5), title="Rapat teknis")  # entered later
    for _ in range(3):
        make_commitment(db, later, dinsos)

    workbook = openpyxl.load_workbook(write_agency_directory(
        agency_directory(db, today=TODAY), tmp_path / "direktori.xlsx"))
    assert workbook.sheetnames == ["Direktori Instansi", "Keanggotaan"]
    # The circulated copy: without the contact people's NIP, mobile number and e-mail.
    _assert_prints_well(workbook["Direktori Instansi"], "L", HEADER_ROW + 2, paper=14)
    _assert_prints_well(workbook["Keanggotaan"], "H", HEADER_ROW, paper=14)  # none yet
    assert workbook["Direktori Instansi"]["A2"].value == "DP3AKB Provinsi Kalimantan Selatan"

    sheet = openpyxl.load_workbook(write_meeting_schedule(
        meeting_schedule(db, year=2026, today=TODAY), tmp_path / "jadwal.xlsx")).active
    _assert_prints_well(sheet, "N", HEADER_ROW + 2, paper=14)
    rows = _rows(sheet)
    assert [row[5] for row in rows] == ["Rapat teknis", "Rakor akhir tahun"]  # by date
    assert [row[:4] for row in rows] == [
        (1, "Kamis", datetime(2026, 2, 5), None),
        (2, "Rabu", datetime(2026, 12, 2), "09.00 – 12.00 WITA"),
    ]
    assert [row[13] for row in rows] == [0, 3]
    assert all(isinstance(row[0], int) and isinstance(row[13], int) for row in rows)
    assert _cell(sheet, 1, 3).number_format == DATE_FORMAT
    assert _cell(sheet, 1, 3).is_date


def test_the_schedule_keeps_to_the_year_and_task_force_asked_for(db, tmp_path):
    kalsel = make_task_force(db)
    kalbar = make_task_force(db, make_province(db, "61", "Kalimantan Barat"),
                             name="GT PP-TPPO Provinsi Kalimantan Barat")
    make_meeting(db, kalsel, date(2025, 12, 2), title="Rakor 2025")
    make_meeting(db, kalsel, date(2026, 1, 1), title="Rakor awal 2026")
    make_meeting(db, kalsel, date(2026, 12, 31), title="Rakor akhir 2026")
    make_meeting(db, kalbar, date(2026, 8, 7), title="Sinkronisasi Bengkayang")
    make_meeting(db, kalbar, date(2027, 1, 1), title="Rakor 2027")

    def titles(target, **scope):
        sheet = openpyxl.load_workbook(write_meeting_schedule(
            meeting_schedule(db, today=TODAY, **scope), tmp_path / target)).active
        return sheet["A2"].value, [row[5] for row in _rows(sheet)]

    subtitle, listed = titles("2026.xlsx", year=2026)
    assert listed == ["Rakor awal 2026", "Sinkronisasi Bengkayang", "Rakor akhir 2026"]
    assert subtitle == "Rapat tahun 2026"
    subtitle, listed = titles("kalbar.xlsx", year=2026, task_force_id=kalbar)
    assert listed == ["Sinkronisasi Bengkayang"]
    assert subtitle == "Rapat tahun 2026, GT PP-TPPO Provinsi Kalimantan Barat"
    assert titles("kosong.xlsx", year=2024) == ("Rapat tahun 2024", [])
    assert len(titles("semua.xlsx")[1]) == 5


@pytest.mark.parametrize("write", ["directory", "schedule"])
def test_a_locked_target_says_so_and_leaves_no_file(sqlite_db, tmp_path, monkeypatch, write):
    make_agency(sqlite_db, "Dinsos")
    make_meeting(sqlite_db, make_task_force(sqlite_db))
    report = (agency_directory(sqlite_db) if write == "directory"
              else meeting_schedule(sqlite_db))
    writer = write_agency_directory if write == "directory" else write_meeting_schedule

    def locked(source, destination):  # what Windows does while Excel holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileProblem, match="program lain"):
        writer(report, tmp_path / "ekspor" / "laporan.xlsx")
    assert list((tmp_path / "ekspor").iterdir()) == []  # neither the target nor a partial file


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_both_workbooks_as_written(tmp_path):
    directory = AgencyDirectory(
        title="Direktori", printed_on="25-11-2026", letterhead=LetterheadSettings(),
        lines=(_directory_line(agency=f"{FORMULA} {WORLD}", contact="+1 <b>&</b>"),),
        memberships=())
    schedule = MeetingSchedule(title="Jadwal", subtitle="Rapat tahun 2026",
                               printed_on="25-11-2026", letterhead=LetterheadSettings(),
                               lines=(_schedule_line(title="@SUM(A1)"),))
    sources = [write_agency_directory(directory, tmp_path / "direktori.xlsx"),
               write_meeting_schedule(schedule, tmp_path / "jadwal.xlsx")]
    # Cells as shown (9th token true), so the date shows in its Indonesian format; a
    # profile of its own, so a LibreOffice the developer has open does not interfere.
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                    "--outdir", str(tmp_path / "csv"), *map(str, sources)],
                   check=True, capture_output=True, timeout=180)

    def row(name: str) -> list[str]:
        with open(tmp_path / "csv" / name, encoding="utf-8", newline="") as file:
            return list(csv.reader(file))[HEADER_ROW]

    # Had a cell become a formula, LibreOffice would show its result ("klik"), not its text.
    assert row("direktori.csv")[1] == f"{FORMULA} {WORLD}"
    assert row("direktori.csv")[2] == "+1 <b>&</b>"
    assert row("jadwal.csv")[:6] == ["1", "Selasa", "10 Maret 2026", "09.00 WITA",
                                     "Rapat Koordinasi (Rakor)", "@SUM(A1)"]
