"""The chairs' progress figures, checked on a small story and against the demo's own rows."""

from __future__ import annotations

from collections import Counter
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
from sqlalchemy import text

from models import AttendanceStatus, CommitmentStatus, Meeting
from secretariat.commitments.progress import progress_figures
from secretariat.demo import fill_demo
from secretariat.errors import ValidationError
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.lifecycle import mark_held

TODAY = date(2026, 6, 30)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
DONE, IN_PROGRESS, NOT_STARTED, CANNOT = (CommitmentStatus.DONE, CommitmentStatus.IN_PROGRESS,
                                          CommitmentStatus.NOT_STARTED, CommitmentStatus.CANNOT)


def _held(db, task_force, day, **kw) -> int:
    meeting = make_meeting(db, task_force, day, **kw)
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=TODAY)
    return meeting


@pytest.fixture
def story(db):
    """Two rakor in 2026; Polda delivers on time, Disnaker is late and skips meetings."""
    task_force = make_task_force(db)
    polda, disnaker = make_agency(db, "Polda"), make_agency(db, "Disnaker")
    first = _held(db, task_force, date(2026, 2, 10))
    second = _held(db, task_force, date(2026, 5, 12))
    older = _held(db, task_force, date(2025, 11, 3))  # outside the year: not in the figures
    c1 = make_commitment(db, first, polda, due_date=date(2026, 3, 31))
    c2 = make_commitment(db, first, disnaker, due_date=date(2026, 4, 30))
    make_commitment(db, second, disnaker, due_date=date(2026, 7, 31))
    c4 = make_commitment(db, second, polda, due_date=date(2026, 5, 31))
    make_commitment(db, older, polda, due_date=date(2026, 1, 31))
    make_follow_up(db, c1, status=DONE, when=date(2026, 3, 20), today=TODAY)  # on time
    make_follow_up(db, c2, status=IN_PROGRESS, progress=40, when=date(2026, 3, 1), today=TODAY)
    make_follow_up(db, c4, status=DONE, when=date(2026, 6, 15), today=TODAY)  # 15 days late
    for meeting, status in ((first, AttendanceStatus.PRESENT), (second, AttendanceStatus.PRESENT)):
        add_attendance(db, meeting, AttendanceDraft(agency_id=polda, name="AKBP Rudi",
                                                    status=status), today=TODAY)
    add_attendance(db, first, AttendanceDraft(agency_id=disnaker, name="Bu Sri",
                                              status=AttendanceStatus.EXCUSED), today=TODAY)
    add_attendance(db, second, AttendanceDraft(agency_id=disnaker, name="Pak Joko",
                                               status=AttendanceStatus.ABSENT), today=TODAY)
    add_attendance(db, second, AttendanceDraft(agency_id=disnaker, name="Staf Disnaker",
                                               status=AttendanceStatus.REPRESENTED,
                                               represented_by="Andi"), today=TODAY)
    return dict(task_force=task_force, polda=polda, disnaker=disnaker, c2=c2, first=first,
                second=second)


def test_counts_by_status_and_the_scorecard(db, story):
    figures = progress_figures(db, story["task_force"], *YEAR, today=TODAY)

    assert figures.by_status == {NOT_STARTED: 1, IN_PROGRESS: 1, DONE: 2, CANNOT: 0}
    assert figures.total == 4 and figures.done == 2
    assert figures.overdue_count == 1  # c2, due 30 April, still in progress
    scores = {score.abbreviation: score for score in figures.scorecard}
    assert [score.abbreviation for score in figures.scorecard] == ["Disnaker", "Polda"]
    assert (scores["Polda"].total, scores["Polda"].done, scores["Polda"].done_on_time) == (2, 2, 1)
    assert scores["Polda"].completion_rate == 1.0 and scores["Polda"].on_time_rate == 0.5
    assert (scores["Disnaker"].done, scores["Disnaker"].overdue) == (0, 1)
    assert scores["Disnaker"].on_time_rate is None  # nothing done yet: no rate, not 0 %
    assert scores["Disnaker"].average_progress == 20.0


def test_overdue_commitments_carry_their_days_late(db, story):
    figures = progress_figures(db, story["task_force"], *YEAR, today=TODAY)
    (late,) = figures.overdue
    assert (late.commitment_id, late.lead_agency, late.days_late) == (story["c2"], "Disnaker", 61)


def test_attendance_counts_an_agency_present_when_anyone_of_it_came(db, story):
    figures = progress_figures(db, story["task_force"], *YEAR, today=TODAY)
    rows = {row.abbreviation: row for row in figures.attendance}
    disnaker = rows["Disnaker"]
    # Excused at the first rakor; at the second one man absent but a deputy came.
    assert (disnaker.invited, disnaker.present, disnaker.represented, disnaker.excused,
            disnaker.absent) == (2, 0, 1, 1, 0)
    assert disnaker.rate == 0.5  # the deputy counts as attending (ATTENDANCE_RATE_RULE)
    assert rows["Polda"].rate == 1.0
    assert figures.attendance[0].abbreviation == "Disnaker"  # who skips comes first


def test_the_trend_reads_each_rakor_from_the_log_as_it_stood_that_day(db, story):
    figures = progress_figures(db, story["task_force"], *YEAR, today=TODAY)
    points = [(p.meeting_date, p.agreed, p.done, p.open) for p in figures.trend]
    assert points == [
        (date(2025, 11, 3), 1, 0, 1),
        (date(2026, 2, 10), 3, 0, 3),
        (date(2026, 5, 12), 5, 1, 4),  # c1 done in March; c4 only in June
    ]


def test_groups_without_a_focus_area_are_named(db, story):
    figures = progress_figures(db, story["task_force"], *YEAR, today=TODAY)
    (group,) = figures.focus_areas
    assert group.group_id is None and group.total == 4 and group.done == 2


def test_a_period_that_ends_before_it_starts_is_refused(db, story):
    with pytest.raises(ValidationError, match="period"):
        progress_figures(db, story["task_force"], date(2026, 12, 31), date(2026, 1, 1))


def test_figures_match_counts_taken_straight_from_the_demo_tables(db):
    today = date(2026, 11, 25)
    fill_demo(db, scale=3000, today=today)
    with db.reading() as session:
        task_force = session.execute(text(
            "SELECT m.task_force_id FROM commitments c JOIN meetings m ON m.id = c.meeting_id "
            "WHERE m.status <> 'cancelled' GROUP BY m.task_force_id "
            "ORDER BY count(*) DESC, m.task_force_id LIMIT 1")).scalar_one()
        start, end = date(2025, 1, 1), date(2025, 12, 31)
        rows = session.execute(text(
            "SELECT c.status, c.lead_agency_id, c.due_date FROM commitments c "
            "JOIN meetings m ON m.id = c.meeting_id WHERE m.task_force_id = :tf "
            "AND m.status <> 'cancelled' AND m.date BETWEEN :start AND :end"),
            dict(tf=task_force, start=start, end=end)).all()
        present = session.execute(text(
            "SELECT a.agency_id, count(DISTINCT a.meeting_id) FROM attendances a "
            "JOIN meetings m ON m.id = a.meeting_id WHERE m.task_force_id = :tf "
            "AND m.kind = 'rakor' AND m.status IN ('held', 'minutes_draft', 'minutes_final') "
            "AND m.date BETWEEN :start AND :end AND a.status IN ('present', 'represented') "
            "GROUP BY a.agency_id"), dict(tf=task_force, start=start, end=end)).all()
    assert rows, "the demo should give this task force commitments in 2025"

    figures = progress_figures(db, task_force, start, end, today=today)

    assert figures.by_status == {status: Counter(CommitmentStatus(r[0]) for r in rows)[status]
                                 for status in CommitmentStatus}
    def late(row):
        return row[0] in ("not_started", "in_progress") and row[2] is not None and \
            date.fromisoformat(str(row[2])) < today
    assert figures.overdue_count == sum(1 for row in rows if late(row))
    assert len(figures.overdue) == figures.overdue_count
    per_lead = Counter(row[1] for row in rows)
    done_per_lead = Counter(row[1] for row in rows if row[0] == "done")
    assert {s.agency_id: (s.total, s.done) for s in figures.scorecard} == {
        agency: (total, done_per_lead[agency]) for agency, total in per_lead.items()}
    assert {a.agency_id: a.present + a.represented for a in figures.attendance
            if a.present + a.represented} == dict(present)


def test_the_latest_year_with_commitments_skips_meetings_without_any(db):
    from secretariat.commitments.progress import latest_year_with_commitments

    task_force = make_task_force(db)
    lead = make_agency(db, "Polda")
    assert latest_year_with_commitments(db, task_force) is None
    make_commitment(db, make_meeting(db, task_force, date(2025, 12, 2)), lead)
    make_meeting(db, task_force, date(2026, 3, 1))  # planned, nothing agreed yet

    assert latest_year_with_commitments(db, task_force) == 2025
