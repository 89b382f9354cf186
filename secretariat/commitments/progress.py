"""The chairs' progress figures (Perkembangan) for one task force and one period.

One call reads what it needs in a handful of narrow queries and returns plain, frozen
figures; the progress screen, the progress report document and the command line all take
this object, so a number is computed in one place only.

Scope: the commitments agreed at the task force's meetings held in the period (not
cancelled). "Done on time" means completed on or before the due date, the completion date
being the follow-up that reported it done; commitments without a due date count as on time.
Attendance counts rakor only: one agency is present at a meeting when anyone of it came,
in person or represented.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, func, select, type_coerce

from models import (
    Agency,
    Attendance,
    AttendanceStatus,
    Commitment,
    CommitmentStatus,
    FocusArea,
    FollowUp,
    Meeting,
    MeetingKind,
    MeetingStatus,
    SubTaskForce,
    TaskForce,
)
from secretariat.commitments.status import OPEN_STATUSES, days_late
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.records import get_or_fail

TREND_MEETINGS = 8  # the rakor a chair looks back over
# How the attendance rate counts a deputy, said under every table that shows the rate.
ATTENDANCE_RATE_RULE = ("Tingkat kehadiran = (Hadir + Diwakili) ÷ Diundang: instansi yang "
                        "mengirim wakil dihitung hadir; Diwakili juga ditampilkan tersendiri.")
_HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_FINAL)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class AgencyScore:
    """One lead agency's line of the scorecard."""

    agency_id: int
    abbreviation: str
    name: str
    total: int
    done: int
    done_on_time: int
    in_progress: int
    not_started: int
    cannot: int
    overdue: int
    average_progress: float

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.done, self.total)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.done_on_time, self.done)


@dataclass(frozen=True)
class GroupProgress:
    """Progress of one focus area or sub task force (id None: commitments without one)."""

    group_id: int | None
    name: str
    total: int
    done: int
    open: int
    overdue: int
    average_progress: float

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.done, self.total)


@dataclass(frozen=True)
class OverdueCommitment:
    commitment_id: int
    meeting_id: int
    meeting_date: date
    number: int
    text: str
    lead_agency_id: int
    lead_agency: str
    due_date: date
    days_late: int
    progress: int
    confidential: bool = False  # terbatas: left out of a report's circulated copy


@dataclass(frozen=True)
class AgencyAttendance:
    agency_id: int
    abbreviation: str
    name: str
    invited: int
    present: int  # in person
    excused: int
    represented: int = 0  # diwakili: a deputy came

    @property
    def absent(self) -> int:
        return self.invited - self.present - self.represented - self.excused

    @property
    def rate(self) -> float | None:
        """Attended in person or through a deputy (ATTENDANCE_RATE_RULE), of those invited."""
        return _rate(self.present + self.represented, self.invited)


@dataclass(frozen=True)
class TrendPoint:
    """After one rakor: the task force's commitments agreed so far and where they stood."""

    meeting_id: int
    meeting_date: date
    title: str
    agreed: int
    done: int
    open: int
    cannot: int


@dataclass(frozen=True)
class ProgressFigures:
    task_force_id: int
    task_force: str
    start: date
    end: date
    today: date
    by_status: dict[CommitmentStatus, int]
    overdue_count: int
    scorecard: tuple[AgencyScore, ...]
    focus_areas: tuple[GroupProgress, ...]
    sub_task_forces: tuple[GroupProgress, ...]
    overdue: tuple[OverdueCommitment, ...]
    attendance: tuple[AgencyAttendance, ...]
    trend: tuple[TrendPoint, ...]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        return self.by_status[CommitmentStatus.DONE]


@dataclass(frozen=True)
class _Commitment:
    id: int
    meeting_id: int
    meeting_date: date
    number: int
    text: str
    lead_agency_id: int
    focus_area_id: int | None
    sub_task_force_id: int | None
    due_date: date | None
    status: CommitmentStatus
    progress: int
    confidential: bool


def progress_figures(db, task_force_id: int, start: date, end: date, *,
                     today: date | None = None) -> ProgressFigures:
    today = today or date.today()
    if end < start:
        raise ValidationError(_("The end of the period lies before its start."), field="end")
    with db.reading() as session:
        task_force = get_or_fail(session, TaskForce, task_force_id, _("Task force"))
        scope = [
            _Commitment(*values) for values in session.execute(
                select(Commitment.id, Commitment.meeting_id, Meeting.date, Commitment.number,
                       Commitment.text, Commitment.lead_agency_id, Commitment.focus_area_id,
                       Commitment.sub_task_force_id, Commitment.due_date, Commitment.status,
                       Commitment.progress, Commitment.confidential)
                .join(Meeting, Commitment.meeting_id == Meeting.id)
                .where(Meeting.task_force_id == task_force_id,
                       Meeting.status != MeetingStatus.CANCELLED,
                       Meeting.date.between(start, end))
            )
        ]
        agencies = {row.id: (row.abbreviation, row.name) for row in session.execute(
            select(Agency.id, Agency.abbreviation, Agency.name))}
        focus_names = dict(session.execute(select(FocusArea.id, FocusArea.name)).all())
        sub_names = dict(session.execute(select(SubTaskForce.id, SubTaskForce.name)).all())
        done_on = _completion_dates(session, task_force_id, start, end)
        attendance = _attendance(session, task_force_id, start, min(end, today), agencies)
        trend = _trend(session, task_force_id, min(end, today))
    by_status = Counter(row.status for row in scope)
    return ProgressFigures(
        task_force_id=task_force_id,
        task_force=task_force.name,
        start=start,
        end=end,
        today=today,
        by_status={status: by_status.get(status, 0) for status in CommitmentStatus},
        overdue_count=sum(1 for row in scope if days_late(row.status, row.due_date, today)),
        scorecard=_scorecard(scope, done_on, agencies, today),
        focus_areas=_groups(scope, "focus_area_id", focus_names, today),
        sub_task_forces=_groups(scope, "sub_task_force_id", sub_names, today),
        overdue=_overdue(scope, agencies, today),
        attendance=attendance,
        trend=trend,
    )


def latest_year_with_commitments(db, task_force_id: int) -> int | None:
    """The year of the task force's latest meeting that agreed commitments: the year a
    chair looks at first, rather than a new year that has nothing yet."""
    with db.reading() as session:
        latest = session.scalar(
            select(func.max(Meeting.date))
            .where(Meeting.task_force_id == task_force_id,
                   Meeting.status != MeetingStatus.CANCELLED,
                   select(Commitment.id).where(Commitment.meeting_id == Meeting.id).exists()))
    return latest.year if latest else None


def default_report_year(db, task_force_id: int, today: date) -> int:
    """The year the progress figures open on, on the screen and on the command line alike:
    the latest with commitments, else this year."""
    return latest_year_with_commitments(db, task_force_id) or today.year


def _completion_dates(session, task_force_id: int, start: date, end: date) -> dict[int, date]:
    """When each commitment in scope that is done now was reported done (its last report)."""
    query = (
        select(FollowUp.commitment_id, FollowUp.date)
        .join(Commitment, FollowUp.commitment_id == Commitment.id)
        .join(Meeting, Commitment.meeting_id == Meeting.id)
        .where(Meeting.task_force_id == task_force_id, Meeting.date.between(start, end),
               Commitment.status == CommitmentStatus.DONE,
               FollowUp.status_after == CommitmentStatus.DONE)
    )
    found: dict[int, date] = {}
    for commitment_id, when in session.execute(query):
        # A commitment reported done twice (a second report confirming) counts its first.
        found[commitment_id] = min(when, found.get(commitment_id, when))
    return found


def _scorecard(scope, done_on, agencies, today) -> tuple[AgencyScore, ...]:
    per_agency: dict[int, list[_Commitment]] = defaultdict(list)
    for row in scope:
        per_agency[row.lead_agency_id].append(row)
    scores = []
    for agency_id, rows in per_agency.items():
        statuses = Counter(row.status for row in rows)
        done_on_time = sum(
            1 for row in rows if row.status is CommitmentStatus.DONE
            and (row.due_date is None or done_on.get(row.id, today) <= row.due_date))
        abbreviation, name = agencies.get(agency_id, ("", ""))
        scores.append(AgencyScore(
            agency_id, abbreviation, name, len(rows), statuses[CommitmentStatus.DONE],
            done_on_time, statuses[CommitmentStatus.IN_PROGRESS],
            statuses[CommitmentStatus.NOT_STARTED], statuses[CommitmentStatus.CANNOT],
            sum(1 for row in rows if days_late(row.status, row.due_date, today)),
            sum(row.progress for row in rows) / len(rows)))
    # Weakest first: the chair reads from the top who is not delivering.
    scores.sort(key=lambda s: (s.completion_rate, -s.overdue, s.abbreviation.lower()))
    return tuple(scores)


def _groups(scope, attribute: str, names: dict[int, str], today) -> tuple[GroupProgress, ...]:
    grouped: dict[int | None, list[_Commitment]] = defaultdict(list)
    for row in scope:
        grouped[getattr(row, attribute)].append(row)
    groups = [
        GroupProgress(
            group_id, names.get(group_id, "") if group_id is not None else _("(none)"),
            len(rows), sum(1 for row in rows if row.status is CommitmentStatus.DONE),
            sum(1 for row in rows if row.status in OPEN_STATUSES),
            sum(1 for row in rows if days_late(row.status, row.due_date, today)),
            sum(row.progress for row in rows) / len(rows))
        for group_id, rows in grouped.items()
    ]
    groups.sort(key=lambda g: (g.group_id is None, g.name.lower()))
    return tuple(groups)


def _overdue(scope, agencies, today) -> tuple[OverdueCommitment, ...]:
    late = [
        OverdueCommitment(row.id, row.meeting_id, row.meeting_date, row.number, row.text,
                          row.lead_agency_id, agencies.get(row.lead_agency_id, ("", ""))[0],
                          row.due_date, days_late(row.status, row.due_date, today),
                          row.progress, row.confidential)
        for row in scope if days_late(row.status, row.due_date, today)
    ]
    late.sort(key=lambda row: (-row.days_late, row.meeting_date, row.number))
    return tuple(late)


# An agency's best showing at one meeting: in person, through a deputy, excused, absent.
_LEVELS = {AttendanceStatus.PRESENT: 3, AttendanceStatus.REPRESENTED: 2,
           AttendanceStatus.EXCUSED: 1}


def _attendance(session, task_force_id, start, end,
                agencies: Mapping[int, tuple[str, str]]) -> tuple[AgencyAttendance, ...]:
    """Per agency across the period's held rakor: at how many it was present."""
    rows = session.execute(
        select(Attendance.meeting_id, Attendance.agency_id, Attendance.status)
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .where(Meeting.task_force_id == task_force_id, Meeting.kind == MeetingKind.RAKOR,
               Meeting.status.in_(_HELD), Meeting.date.between(start, end),
               Attendance.agency_id.is_not(None))
    )
    # Several people of one agency at one meeting: the best of them counts for the agency.
    best: dict[tuple[int, int], int] = {}
    for meeting_id, agency_id, status in rows:
        level = _LEVELS.get(status, 0)
        best[(agency_id, meeting_id)] = max(level, best.get((agency_id, meeting_id), 0))
    tally: dict[int, Counter] = defaultdict(Counter)
    for (agency_id, _meeting), level in best.items():
        tally[agency_id]["invited"] += 1
        tally[agency_id]["present"] += level == 3
        tally[agency_id]["represented"] += level == 2
        tally[agency_id]["excused"] += level == 1
    result = [
        AgencyAttendance(agency_id, *agencies.get(agency_id, ("", "")), counts["invited"],
                         counts["present"], counts["excused"], counts["represented"])
        for agency_id, counts in tally.items()
    ]
    # Members who keep skipping come first.
    result.sort(key=lambda a: (a.rate, -a.invited, a.abbreviation.lower()))
    return tuple(result)


def _trend(session, task_force_id: int, until: date) -> tuple[TrendPoint, ...]:
    """After each of the last rakor: commitments agreed so far, and their status that day."""
    rakor = session.execute(
        select(Meeting.id, Meeting.date, Meeting.title)
        .where(Meeting.task_force_id == task_force_id, Meeting.kind == MeetingKind.RAKOR,
               Meeting.status.in_(_HELD), Meeting.date <= until)
        .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc())
        .limit(TREND_MEETINGS)
    ).all()[::-1]
    if not rakor:
        return ()
    last_day = rakor[-1].date
    # One sweep through time: each commitment enters as not started on the day it was
    # agreed, each report moves it to its new status; at every rakor the tally is read.
    # Dates and statuses arrive raw (ISO text, codes): converting tens of thousands of
    # them to objects took longer than the whole sweep. PostgreSQL's driver hands dates
    # as objects anyway; str() gives the same ISO text.
    raw_date = type_coerce(Meeting.date, String)
    connection = session.connection()  # plain rows: the ORM's row handling doubled the time
    events: list[tuple[str, int, int, str]] = [
        (str(agreed), 0, commitment_id, CommitmentStatus.NOT_STARTED.value)
        for commitment_id, agreed in connection.execute(
            select(Commitment.id, raw_date)
            .join(Meeting, Commitment.meeting_id == Meeting.id)
            .where(Meeting.task_force_id == task_force_id,
                   Meeting.status != MeetingStatus.CANCELLED, Meeting.date <= last_day))
    ]
    known = {event[2] for event in events}
    events += [
        (str(when), 1 + follow_up_id, commitment_id, str(status))
        for follow_up_id, commitment_id, when, status in connection.execute(
            select(FollowUp.id, FollowUp.commitment_id, type_coerce(FollowUp.date, String),
                   type_coerce(FollowUp.status_after, String))
            .join(Commitment, FollowUp.commitment_id == Commitment.id)
            .join(Meeting, Commitment.meeting_id == Meeting.id)
            .where(Meeting.task_force_id == task_force_id, FollowUp.date <= last_day))
        if commitment_id in known  # not of a cancelled meeting
    ]
    events.sort()  # by day; on one day the agreement (0) before the reports, in their order
    current: dict[int, str] = {}
    tally: Counter = Counter()  # by status code; a StrEnum member finds its code
    points, position = [], 0
    for meeting_id, day, title in rakor:
        day_text = day.isoformat()  # compared with the events' ISO text
        while position < len(events) and events[position][0] <= day_text:
            _when, _order, commitment_id, status = events[position]
            if commitment_id in current:
                tally[current[commitment_id]] -= 1
            current[commitment_id] = status
            tally[status] += 1
            position += 1
        points.append(TrendPoint(
            meeting_id, day, title, len(current), tally[CommitmentStatus.DONE],
            tally[CommitmentStatus.NOT_STARTED] + tally[CommitmentStatus.IN_PROGRESS],
            tally[CommitmentStatus.CANNOT]))
    return tuple(points)
