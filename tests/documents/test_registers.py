"""Direktori Instansi and Jadwal Rapat workbooks, reopened and checked cell by cell."""

from __future__ import annotations

from datetime import date, datetime, time

import openpyxl
import pytest
from factories import make_agency, make_meeting, make_task_force

from exports.excel.registers import write_agency_directory, write_meeting_schedule
from exports.excel.sheets import HEADER_ROW
from models import SubTaskForce
from secretariat.agencies.contacts import ContactDraft, MembershipDraft, add_contact, add_membership
from secretariat.agencies.register import archive_agency
from secretariat.cli.main import main
from secretariat.commitments.catalog import list_entries
from secretariat.documents.registers import agency_directory, meeting_schedule
from secretariat.errors import FileProblem
from secretariat.i18n import set_language

TODAY = date(2026, 11, 25)
HOSTILE = '=HYPERLINK("http://x","klik") <b>&</b> \x01 Аксара 中文'


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))


def test_the_directory_lists_every_contact_with_its_agency_and_the_memberships(db, tmp_path):
    task_force = make_task_force(db)
    polda = make_agency(db, "Polda")
    quiet = make_agency(db, "Dinsos")  # nobody to call: still listed
    add_contact(db, ContactDraft(polda, "AKBP Rudi Hartono", position="Kasubdit IV",
                                 phone="0812-5000-1111", focal_point=True))
    add_contact(db, ContactDraft(polda, HOSTILE, phone="+62 811 222"))
    (law,) = [sub for sub in list_entries(db, SubTaskForce) if sub.name == "Penegakan Hukum"]
    add_membership(db, MembershipDraft(task_force, polda, "Ketua Sub Gugus Penegakan Hukum",
                                       sub_task_force_id=law.id, leads_sub_task_force=True,
                                       start_date=date(2024, 3, 1)))

    directory = agency_directory(db, today=TODAY, full=True)
    workbook = openpyxl.load_workbook(write_agency_directory(directory, tmp_path / "d.xlsx"))

    sheet = workbook["Direktori Instansi"]
    rows = _rows(sheet)
    assert [row[0] for row in rows] == ["Dinsos", "Polda", "Polda"]
    assert rows[0][2] is None  # the agency without contacts keeps its line
    assert rows[1][2] == "AKBP Rudi Hartono" and rows[1][14] == "Ya"  # focal point first
    assert rows[2][2] == '=HYPERLINK("http://x","klik") <b>&</b> Аксара 中文'
    assert sheet.cell(HEADER_ROW + 3, 3).data_type == "s"  # text, never a formula
    assert rows[2][4] == "+62 811 222" and sheet.cell(HEADER_ROW + 3, 5).data_type == "s"
    assert rows[1][11] == "Provinsi"  # the level worded for the document
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:P{HEADER_ROW + 3}"
    assert "&P" in sheet.oddFooter.center.text
    (seat,) = _rows(workbook["Keanggotaan"])
    assert seat[1] == "Polda" and seat[4] == "Penegakan Hukum" and seat[5] == "Ya"
    assert seat[6] == datetime(2024, 3, 1)
    assert workbook["Keanggotaan"].cell(HEADER_ROW + 1, 7).number_format.endswith("yyyy")
    assert quiet


def test_archived_agencies_only_when_asked(db, tmp_path):
    old = make_agency(db, "Lama")
    make_agency(db, "Baru")
    archive_agency(db, old, 1)
    assert [line.abbreviation for line in agency_directory(db).lines] == ["Baru"]
    lines = agency_directory(db, include_archived=True).lines
    assert {line.abbreviation: line.active for line in lines} == {"Baru": True, "Lama": False}
    sheet = openpyxl.load_workbook(write_agency_directory(
        agency_directory(db, include_archived=True, full=True), tmp_path / "a.xlsx")).active
    assert {row[0]: row[15] for row in _rows(sheet)} == {"Baru": "Aktif", "Lama": "Diarsipkan"}


def test_the_schedule_lists_a_years_meetings_in_indonesian_whatever_the_screen_language(
        db, tmp_path):
    task_force = make_task_force(db)
    make_meeting(db, task_force, date(2026, 3, 10), start_time=time(9), end_time=time(12),
                 title=HOSTILE, place="Aula Bappeda")
    make_meeting(db, task_force, date(2026, 7, 14))
    make_meeting(db, task_force, date(2025, 12, 2))
    set_language("en")
    try:
        schedule = meeting_schedule(db, year=2026, today=TODAY)
    finally:
        set_language("id")

    sheet = openpyxl.load_workbook(write_meeting_schedule(schedule, tmp_path / "j.xlsx")).active
    rows = _rows(sheet)
    assert len(rows) == 2
    first = rows[0]
    assert first[:4] == (1, "Selasa", datetime(2026, 3, 10), "09.00 – 12.00 WITA")
    assert first[4] == "Rapat Koordinasi (Rakor)" and first[8] == "Direncanakan"
    assert first[5].startswith('=HYPERLINK') and sheet.cell(HEADER_ROW + 1, 6).data_type == "s"
    assert sheet.cell(HEADER_ROW + 1, 3).number_format.startswith("[$-421]")
    assert sheet.cell(2, 1).value == "Rapat tahun 2026"
    assert len(_rows(openpyxl.load_workbook(write_meeting_schedule(
        meeting_schedule(db), tmp_path / "semua.xlsx")).active)) == 3


def test_a_locked_target_keeps_the_old_file(db, tmp_path, monkeypatch):
    import os

    target = tmp_path / "jadwal.xlsx"
    target.write_bytes(b"versi lama")
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(
        PermissionError(13, "The process cannot access the file")))
    with pytest.raises(FileProblem):
        write_meeting_schedule(meeting_schedule(db), target)
    assert target.read_bytes() == b"versi lama"
    assert not list(tmp_path.glob(".jadwal*"))


def test_export_agencies_and_meetings_from_the_command_line(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    assert main(["--db", str(path), "export", "agencies", "-o", str(tmp_path / "d.xlsx")]) == 0
    assert len(_rows(openpyxl.load_workbook(tmp_path / "d.xlsx").active)) > 10
    assert main(["--db", str(path), "export", "meetings", "--year", "2025",
                 "-o", str(tmp_path / "j.xlsx")]) == 0
    dates = [row[2] for row in _rows(openpyxl.load_workbook(tmp_path / "j.xlsx").active)]
    assert dates and all(day.year == 2025 for day in dates)
    assert main(["--db", str(path), "export", "meetings", "-o", str(tmp_path / "j.pdf")]) == 1
    assert main(["--db", str(path), "export", "meetings", "--task-force", "999",
                 "-o", str(tmp_path / "j.xlsx")]) == 1
