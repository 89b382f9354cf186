"""What needs attention today: the Beranda (home) report.

Four short lists, each with the number of all its entries so the home page can say how
many more there are: meetings this week, open commitments due in the next 14 days,
overdue commitments and meetings whose minutes are still a draft. The program opens on
this report, so every list is limited in SQL and served by an index; nothing here loads a
whole table. The report's shapes are in `secretariat.home.attention_report`; the program's very
first view reads the same report through sqlite3 (`secretariat.home.first_view`).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import exists, func, select

from models import Commitment, Letterhead, Meeting, MeetingStatus, Membership, TaskForce
from secretariat.commitments.queries import (
    CommitmentFilter,
    CommitmentRow,
    count_commitments,
    list_commitments,
)
from secretariat.commitments.status import overdue_clause
from secretariat.home.attention_report import (
    DRAFT_MINUTES,
    DUE_SOON_DAYS,
    Attention,
    AttentionMeeting,
    GettingStarted,
    Reminders,
    Section,
    report_days,
)

__all__ = ["DUE_SOON_DAYS", "Attention", "AttentionMeeting", "Reminders", "Section",
           "attention", "start_reminders"]

_MEETING_COLUMNS = (
    Meeting.id, Meeting.title, Meeting.kind, Meeting.date, Meeting.start_time,
    Meeting.time_zone, Meeting.place, TaskForce.name, Meeting.status,
)


def _meetings(db, conditions, order, limit: int) -> Section[AttentionMeeting]:
    # The count rides along as a window function: one pass over the meetings, not two.
    query = (
        select(*_MEETING_COLUMNS, func.count().over().label("total"))
        .join(TaskForce, Meeting.task_force_id == TaskForce.id)
        .where(*conditions)
        .order_by(*order, Meeting.id)
        .limit(limit)
    )
    with db.reading() as session:
        results = session.execute(query).all()
    rows = tuple(AttentionMeeting(*values[:-1]) for values in results)
    return Section(rows, results[0].total if results else 0)


def _commitments(db, flt: CommitmentFilter, today: date, limit: int,
                 count=count_commitments) -> Section[CommitmentRow]:
    rows = tuple(list_commitments(db, flt, limit=limit, today=today))
    # Counting again only when the page is full: a short list is its own count.
    total = count(db, flt, today=today) if len(rows) == limit else len(rows)
    return Section(rows, total)


def _count_overdue(db, _flt: CommitmentFilter, *, today: date) -> int:
    """count_commitments(overdue=True) without its join to the meetings.

    Every commitment belongs to a meeting, so the join changes nothing but the time: on
    100,000 commitments it makes this count ten times slower than the index alone.
    """
    query = select(func.count()).select_from(Commitment).where(overdue_clause(today))
    with db.reading() as session:
        return session.scalar(query)


def attention(db, today: date, *, limit: int = 50) -> Attention:
    """The home page's report for `today`; each list holds at most `limit` entries."""
    week_start, week_end, due_until = report_days(today)
    this_week = _meetings(
        db,
        (Meeting.date >= week_start, Meeting.date <= week_end,
         Meeting.status != MeetingStatus.CANCELLED),
        (Meeting.starts_at_utc,),  # the week by the meetings' own dates, in time order
        limit,
    )
    # The longest-waiting minutes first.
    drafts = _meetings(
        db,
        (Meeting.status.in_(DRAFT_MINUTES), Meeting.date <= today),
        (Meeting.starts_at_utc,),
        limit,
    )
    # Both commitment lists sort by due date: the nearest deadline, the longest overdue first.
    due_soon = _commitments(
        db, CommitmentFilter(open_only=True, due_from=today, due_to=due_until), today, limit)
    overdue = _commitments(db, CommitmentFilter(overdue=True), today, limit, _count_overdue)
    return Attention(
        today=today, week_start=week_start, week_end=week_end, due_soon_until=due_until,
        meetings_this_week=this_week, due_soon=due_soon, overdue=overdue,
        draft_minutes=drafts, getting_started=_getting_started(db),
    )


def _getting_started(db) -> GettingStarted:
    query = select(
        exists(select(TaskForce.id)),
        exists(select(Letterhead.id).where(Letterhead.agency_line != "")),
        exists(select(Membership.id)),  # agencies registered and seated as members
        exists(select(Meeting.id)),
    )
    with db.reading() as session:
        return GettingStarted(*(bool(value) for value in session.execute(query).one()))


def start_reminders(db, today: date, last_opened: date | None, *, limit: int = 20) -> Reminders:
    """Commitments due within 14 days, and those that fell overdue since the last opening.

    "Newly overdue" means the due date passed between the last opening and today; on the
    very first start nothing is new, the home page lists every overdue commitment anyway.
    """
    due_soon = _commitments(db, CommitmentFilter(
        open_only=True, due_from=today, due_to=today + timedelta(days=DUE_SOON_DAYS)),
        today, limit)
    if last_opened is None or last_opened >= today:
        newly: Section[CommitmentRow] = Section((), 0)
    else:
        newly = _commitments(db, CommitmentFilter(
            open_only=True, due_from=last_opened, due_to=today - timedelta(days=1)),
            today, limit)
    return Reminders(last_opened, due_soon, newly)
