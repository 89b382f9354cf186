"""The shape of the Beranda (home) report: what needs attention today.

Plain Python, no SQLAlchemy: the report is filled by `secretariat.home.attention` through the
ORM, and the program's first view fills the same shapes through sqlite3
(`secretariat.home.first_view`) so the window shows its data before the ORM has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Generic, TypeVar

from models.enums import MeetingKind, MeetingStatus, TimeZone
from secretariat.commitments.rows import CommitmentRow

DUE_SOON_DAYS = 14
# Minutes are written after the meeting: a meeting held (or with draft minutes) waits for
# the secretariat until its minutes are final.
DRAFT_MINUTES = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT)

T = TypeVar("T")


@dataclass(frozen=True)
class AttentionMeeting:
    """One meeting line of the home page."""

    id: int
    title: str
    kind: MeetingKind
    date: date
    start_time: time | None
    time_zone: TimeZone
    place: str
    task_force: str
    status: MeetingStatus


@dataclass(frozen=True)
class Section(Generic[T]):
    """The first entries of one list (most urgent first) and how many there are in all."""

    rows: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        """How many entries the list leaves out."""
        return max(0, self.total - len(self.rows))


@dataclass(frozen=True)
class GettingStarted:
    """What a new secretariat has set up so far; the home page guides it through the rest."""

    task_force: bool  # a region with its task force recorded
    letterhead: bool  # the letterhead names the agency, so documents can be printed
    agencies: bool  # member agencies registered and seated in a task force
    meeting: bool  # a meeting scheduled

    @property
    def complete(self) -> bool:
        return self.task_force and self.letterhead and self.agencies and self.meeting


@dataclass(frozen=True)
class Attention:
    today: date
    week_start: date  # Monday
    week_end: date  # Sunday
    due_soon_until: date
    meetings_this_week: Section[AttentionMeeting]
    due_soon: Section[CommitmentRow]
    overdue: Section[CommitmentRow]
    draft_minutes: Section[AttentionMeeting]
    getting_started: GettingStarted


@dataclass(frozen=True)
class Reminders:
    """The notice shown when the program opens."""

    since: date | None  # the day the program was last opened here
    due_soon: Section[CommitmentRow]
    newly_overdue: Section[CommitmentRow]

    @property
    def empty(self) -> bool:
        return not (self.due_soon.total or self.newly_overdue.total)


def report_days(today: date) -> tuple[date, date, date]:
    """This week's Monday and Sunday, and the last day of "due soon", for `today`."""
    week_start = today - timedelta(days=today.weekday())
    return week_start, week_start + timedelta(days=6), today + timedelta(days=DUE_SOON_DAYS)
