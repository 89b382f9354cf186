"""The home page's report: this week's meetings, due soon, overdue, minutes in draft."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_task_force,
    version_of,
)

from models import CommitmentStatus, Meeting, MeetingStatus
from secretariat.home.attention import attention
from secretariat.meetings.lifecycle import (
    cancel_meeting,
    finalise_minutes,
    mark_held,
    write_minutes,
)

TODAY = date(2026, 2, 4)  # a Wednesday: the week runs from Monday 2 to Sunday 8 February


@dataclass
class World:
    rakor: int  # 2 December 2025, held: its minutes are a draft
    this_week: int  # Thursday 5 February, planned
    monday: int  # Monday 2 February, held, minutes in draft: in this week and in drafts
    cancelled: int  # Friday 6 February, cancelled
    next_week: int  # Monday 9 February
    last_sunday: int  # Sunday 1 February, minutes final
    in_3_days: int
    in_20_days: int
    due_today: int
    in_14_days: int
    overdue: int  # due 20 January: 15 days late
    done_past_due: int
    no_due_date: int


def _held(db, meeting_id: int) -> None:
    mark_held(db, meeting_id, version_of(db, Meeting, meeting_id), today=TODAY)


@pytest.fixture
def world(db) -> World:
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force, date(2025, 12, 2))
    _held(db, rakor)
    this_week = make_meeting(db, task_force, date(2026, 2, 5), title="Rapat Teknis Minggu Ini")
    monday = make_meeting(db, task_force, date(2026, 2, 2), title="FGD Senin")
    _held(db, monday)
    write_minutes(db, monday, "Pembukaan", "", version_of(db, Meeting, monday))
    cancelled = make_meeting(db, task_force, date(2026, 2, 6), title="Rapat Batal")
    cancel_meeting(db, cancelled, "Ketua berhalangan", version_of(db, Meeting, cancelled))
    next_week = make_meeting(db, task_force, date(2026, 2, 9), title="Rapat Pekan Depan")
    last_sunday = make_meeting(db, task_force, date(2026, 2, 1), title="Rapat Minggu Lalu",
                               chair_name="Husnul Hatimah")
    _held(db, last_sunday)
    finalise_minutes(db, last_sunday, version_of(db, Meeting, last_sunday))

    def commitment(due: date | None, text: str) -> int:
        return make_commitment(db, rakor, dinsos, due_date=due, text=text)

    done = commitment(date(2026, 1, 10), "Sudah selesai")
    make_follow_up(db, done, status=CommitmentStatus.DONE, today=TODAY)
    return World(
        rakor=rakor, this_week=this_week, monday=monday, cancelled=cancelled,
        next_week=next_week, last_sunday=last_sunday,
        in_3_days=commitment(date(2026, 2, 7), "Tiga hari lagi"),
        in_20_days=commitment(date(2026, 2, 24), "Dua puluh hari lagi"),
        due_today=commitment(TODAY, "Hari ini"),
        in_14_days=commitment(date(2026, 2, 18), "Empat belas hari lagi"),
        overdue=commitment(date(2026, 1, 20), "Terlambat"),
        done_past_due=done,
        no_due_date=commitment(None, "Tanpa batas waktu"),
    )


def _ids(section) -> list[int]:
    return [row.id for row in section.rows]


def test_the_week_runs_from_monday_to_sunday_without_cancelled_meetings(db, world):
    report = attention(db, TODAY)

    assert (report.week_start, report.week_end) == (date(2026, 2, 2), date(2026, 2, 8))
    assert _ids(report.meetings_this_week) == [world.monday, world.this_week]
    assert report.meetings_this_week.total == 2
    first = report.meetings_this_week.rows[1]
    assert (first.title, first.date, first.status) == (
        "Rapat Teknis Minggu Ini", date(2026, 2, 5), MeetingStatus.PLANNED)
    assert first.task_force == "GT PP-TPPO Provinsi Kalimantan Selatan"


def test_due_soon_holds_open_commitments_due_from_today_for_14_days(db, world):
    report = attention(db, TODAY)

    assert report.due_soon_until == date(2026, 2, 18)
    assert _ids(report.due_soon) == [world.due_today, world.in_3_days, world.in_14_days]
    assert report.due_soon.total == 3 and report.due_soon.more == 0


def test_overdue_holds_open_commitments_past_their_date_with_days_late(db, world):
    report = attention(db, TODAY)

    assert _ids(report.overdue) == [world.overdue]  # not the done one, not the undated one
    assert report.overdue.rows[0].days_late == 15
    assert report.overdue.total == 1


def test_minutes_in_draft_list_held_meetings_oldest_first(db, world):
    report = attention(db, TODAY)

    assert _ids(report.draft_minutes) == [world.rakor, world.monday]
    assert [m.status for m in report.draft_minutes.rows] == [
        MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT]
    assert report.draft_minutes.total == 2


def test_each_list_is_limited_and_keeps_its_total(db, world):
    agency = make_agency(db, "Polda")
    for day in (1, 2, 3):
        make_commitment(db, world.rakor, agency, due_date=date(2026, 1, day), text=f"Lama {day}")

    report = attention(db, TODAY, limit=2)

    assert len(report.overdue.rows) == 2 and report.overdue.total == 4
    assert report.overdue.more == 2
    # The longest overdue first: due 1 January, then 2 January.
    assert [row.text for row in report.overdue.rows] == ["Lama 1", "Lama 2"]
    assert report.overdue.rows[0].days_late == 34
    assert len(report.due_soon.rows) == 2 and report.due_soon.total == 3
    assert report.meetings_this_week.total == 2 and report.meetings_this_week.more == 0
    assert attention(db, TODAY, limit=1).draft_minutes.total == 2


def test_an_empty_database_needs_no_attention(db):
    report = attention(db, TODAY)

    for section in (report.meetings_this_week, report.due_soon, report.overdue,
                    report.draft_minutes):
        assert section.rows == () and section.total == 0 and section.more == 0


# --- reminders on start ------------------------------------------------------------------


def test_reminders_name_what_fell_overdue_since_the_last_opening(db):
    from datetime import date as day

    from factories import make_agency, make_commitment, make_meeting, make_task_force

    from secretariat.home.attention import start_reminders

    meeting = make_meeting(db, make_task_force(db), day(2026, 1, 5))
    lead = make_agency(db, "Imigrasi")
    long_late = make_commitment(db, meeting, lead, due_date=day(2026, 2, 1))
    fell_late = make_commitment(db, meeting, lead, due_date=day(2026, 3, 9))
    due_today = make_commitment(db, meeting, lead, due_date=day(2026, 3, 12))
    due_later = make_commitment(db, meeting, lead, due_date=day(2026, 3, 26))
    make_commitment(db, meeting, lead, due_date=day(2026, 3, 27))  # 15 days: not yet

    reminders = start_reminders(db, day(2026, 3, 12), last_opened=day(2026, 3, 5))

    assert [row.id for row in reminders.newly_overdue.rows] == [fell_late]
    assert [row.id for row in reminders.due_soon.rows] == [due_today, due_later]
    assert long_late not in {row.id for row in reminders.newly_overdue.rows}
    first_start = start_reminders(db, day(2026, 3, 12), last_opened=None)
    assert first_start.newly_overdue.total == 0 and not first_start.empty
