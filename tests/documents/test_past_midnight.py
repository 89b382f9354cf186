"""A meeting from 20.00 to 01.00 WITA: its letters say on which day it ends.

The invitation and the notulen give the day it begins on their "Hari/Tanggal" line and,
on the "Waktu" line, the day it ends: "20.00 WITA s.d. Selasa, 8 Juli 2025 pukul 01.00
WITA". The jadwal rapat, whose date stands in its own column, says "(hari berikutnya)".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

import openpyxl
import pytest
from factories import make_meeting, make_task_force
from pypdf import PdfReader

from exports.excel.registers import write_meeting_schedule
from exports.excel.sheets import HEADER_ROW
from exports.pdf.invitation import write_invitation
from exports.pdf.minutes import write_minutes
from models import Meeting
from secretariat.documents.minutes_and_attendance import attendance_sheet, minutes_report
from secretariat.documents.registers import meeting_schedule
from secretariat.documents.signer import Signer
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.invitations import InvitationDraft, invitation_letter
from secretariat.meetings.lifecycle import AgendaDraft, add_agenda_item, mark_held
from secretariat.meetings.lifecycle import write_minutes as save_minutes

DAY = date(2025, 7, 7)  # a Monday; the meeting ends on Tuesday 8 July
SPAN = "20.00 WITA s.d. Selasa, 8 Juli 2025 pukul 01.00 WITA"


@pytest.fixture
def evening(db) -> int:
    meeting = make_meeting(
        db, make_task_force(db), DAY, title="Rapat Koordinasi Penanganan Korban TPPO",
        start_time=time(20, 0), end_time=time(1, 0), place="Aula DP3AKB, Banjarbaru",
        invitation_number="005/712/DP3AKB/2025", chair_name="Husnul Hatimah",
        chair_position="Kepala DP3AKB")
    add_agenda_item(db, meeting, AgendaDraft("Pemulangan korban dari Malaysia"))
    add_attendance(db, meeting, AttendanceDraft(name="Kepala Dinas Sosial"),
                   today=date(2025, 7, 1))
    add_attendance(db, meeting, AttendanceDraft(name="Kabid PPA"), today=date(2025, 7, 1))
    return meeting


def _words(path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_invitation_names_the_day_the_meeting_ends(db, evening, tmp_path):
    letter = invitation_letter(db, evening, InvitationDraft(
        date(2025, 7, 1), signer=Signer("Husnul Hatimah", "Kepala DP3AKB")))
    assert (letter.day_and_date, letter.time) == ("Senin, 7 Juli 2025", SPAN)

    text = _words(write_invitation(letter, tmp_path / "Undangan.pdf"))
    assert "Senin, 7 Juli 2025" in text and SPAN in text


def test_the_notulen_and_daftar_hadir_name_it_too(db, evening, tmp_path):
    with db.reading() as session:
        version = session.get(Meeting, evening).version
    mark_held(db, evening, version, today=date(2025, 7, 8))
    save_minutes(db, evening, "Rapat dibuka pukul 20.00.", "Pemulangan disepakati.",
                  version + 1)

    report = minutes_report(db, evening)
    assert (report.day_and_date, report.time) == ("Senin, 7 Juli 2025", SPAN)
    assert attendance_sheet(db, evening, blank=True).time == SPAN
    assert SPAN in _words(write_minutes(report, tmp_path / "Notulen.pdf"))


def test_the_schedule_says_next_day_beside_the_date(db, evening, tmp_path):
    schedule = meeting_schedule(db, year=2025, today=DAY)
    sheet = openpyxl.load_workbook(write_meeting_schedule(schedule, tmp_path / "j.xlsx")).active
    (line,) = sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    assert line[:4] == (1, "Senin", datetime(2025, 7, 7), "20.00 – 01.00 WITA (hari berikutnya)")
