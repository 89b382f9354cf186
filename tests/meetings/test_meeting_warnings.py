"""Scheduling warnings: holidays, cuti bersama and clashes inform but never refuse."""

from __future__ import annotations

from datetime import date, time

from models import Meeting, TimeZone
from secretariat.meetings.lifecycle import cancel_meeting
from secretariat.meetings.schedule_warnings import date_warnings, holidays_in_month
from tests.factories import make_meeting, make_province, make_task_force, version_of


def test_christmas_and_its_cuti_bersama_are_named(db):
    assert date_warnings(db, None, date(2026, 12, 25)) == [
        "Jumat, 25 Desember 2026 adalah hari libur nasional atau cuti bersama: "
        "Hari Raya Natal."]
    assert "Cuti Bersama Hari Raya Natal" in date_warnings(db, None, date(2026, 12, 24))[0]
    assert date_warnings(db, None, date(2026, 12, 23)) == []


def test_a_weekend_day_is_named(db):
    assert date_warnings(db, None, date(2026, 12, 19)) == [
        "Sabtu, 19 Desember 2026 jatuh pada akhir pekan."]
    assert date_warnings(db, None, date(2026, 12, 18)) == []  # a Friday


def test_a_meeting_of_the_same_task_force_that_day_is_a_clash(db):
    task_force = make_task_force(db, make_province(db))
    other = make_task_force(db, make_province(db, code="64", name="Kalimantan Timur"))
    meeting = make_meeting(db, task_force, date(2026, 12, 2), title="Rakor evaluasi")
    make_meeting(db, other, date(2026, 12, 3), title="Rakor Kaltim")

    assert date_warnings(db, task_force, date(2026, 12, 2)) == [
        "Gugus tugas sudah memiliki rapat pada hari itu: Rakor evaluasi."]
    assert date_warnings(db, task_force, date(2026, 12, 3)) == []  # another task force
    assert date_warnings(db, task_force, date(2026, 12, 2), exclude_meeting_id=meeting) == []

    cancel_meeting(db, meeting, "Ditunda", version_of(db, Meeting, meeting))
    assert date_warnings(db, task_force, date(2026, 12, 2)) == []


def test_a_clash_is_told_by_the_instant_across_zones(db):
    # Given Kalsel's (WITA) rakor set in WIT from 09.00 to 11.00 (08.00 to 10.00 WITA)
    task_force = make_task_force(db, make_province(db, time_zone=TimeZone.WITA))
    make_meeting(db, task_force, date(2026, 12, 2), title="Rakor di Jayapura",
                 start_time=time(9, 0), end_time=time(11, 0), time_zone=TimeZone.WIT)

    def warnings(start, end=None, zone=TimeZone.WITA, day=date(2026, 12, 2)):
        return date_warnings(db, task_force, day, start=start, end=end, zone=zone)

    # Then 08.00 WITA is the same instant as 09.00 WIT: a clash, named by its own clock
    assert warnings(time(8, 0), time(9, 0)) == [
        "Gugus tugas sudah memiliki rapat pada waktu itu: Rakor di Jayapura (09.00 WIT)."]
    assert warnings(time(7, 30), time(9, 0), TimeZone.WIB)  # 09.30 to 11.00 WIT
    # and the same day is no clash when the hours do not meet
    assert warnings(time(10, 0), time(12, 0)) == []  # 11.00 WIT, as it ends
    assert warnings(time(7, 0), time(8, 0)) == []
    # while a time not fixed yet reads as the whole day, or the rest of it
    assert warnings(None) == [
        "Gugus tugas sudah memiliki rapat pada waktu itu: Rakor di Jayapura (09.00 WIT)."]
    assert warnings(time(6, 0))


def test_a_meeting_past_midnight_clashes_with_one_early_the_next_day(db):
    task_force = make_task_force(db, make_province(db, time_zone=TimeZone.WITA))
    make_meeting(db, task_force, date(2026, 12, 2), title="Rapat malam",
                 start_time=time(20, 0), end_time=time(1, 0))
    assert date_warnings(db, task_force, date(2026, 12, 3), start=time(0, 30),
                         end=time(2, 0)) == [
        "Gugus tugas sudah memiliki rapat pada waktu itu: "
        "Rapat malam (2 Desember 2026 20.00 WITA)."]
    assert date_warnings(db, task_force, date(2026, 12, 3), start=time(1, 0),
                         end=time(2, 0)) == []


def test_the_calendar_gets_the_month_holidays():
    december = holidays_in_month(2026, 12)
    assert december[date(2026, 12, 25)] == "Hari Raya Natal"
    assert all(day.month == 12 for day in december)
