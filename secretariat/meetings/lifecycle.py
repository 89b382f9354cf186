"""Meetings: scheduling, the minutes' life from draft to final, and the agenda."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import (
    Agency,
    AgendaItem,
    ArchivedMinutes,
    Commitment,
    FollowUp,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Region,
    TaskForce,
    TimeZone,
)
from secretariat.errors import RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.meetings.instants import as_utc, check_times, ends_next_day, starts_at_utc
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_date, check_nip, clean_text


@dataclass(frozen=True)
class MeetingDraft:
    task_force_id: int
    kind: MeetingKind
    title: str
    date: date
    start_time: time | None = None
    end_time: time | None = None
    time_zone: TimeZone | None = None  # the region's zone when empty
    place: str = ""
    organiser_agency_id: int | None = None
    invitation_number: str = ""
    chair_name: str = ""
    chair_position: str = ""
    chair_rank: str = ""
    chair_nip: str = ""
    secretary_name: str = ""
    note_taker_name: str = ""
    note_taker_position: str = ""
    note_taker_nip: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MeetingRow:
    id: int
    task_force_id: int
    task_force: str
    kind: MeetingKind
    title: str
    date: date
    start_time: time | None
    end_time: time | None
    time_zone: TimeZone
    place: str
    invitation_number: str
    chair_name: str
    note_taker_name: str
    status: MeetingStatus
    commitment_count: int
    version: int
    starts_at: datetime  # UTC (aware): the order of meetings across the three zones
    ends_next_day: bool  # the end time is on the day after the date (20.00 to 01.00)


@dataclass(frozen=True)
class AgendaDraft:
    title: str
    presenter: str = ""
    discussion: str = ""
    decisions: str = ""


@dataclass(frozen=True)
class AgendaRow:
    id: int
    meeting_id: int
    position: int
    title: str
    presenter: str
    discussion: str
    decisions: str
    version: int


def _label() -> str:
    return _("Meeting")


def _validated(session: Session, draft: MeetingDraft) -> dict:
    if draft.task_force_id is None:  # an empty choice list: no task force recorded yet
        raise ValidationError(
            _("Choose the task force holding the meeting. If the list is empty, record the "
              "task force on Gugus Tugas first."), field="task_force_id")
    task_force = get_or_fail(session, TaskForce, draft.task_force_id, _("Task force"))
    try:
        kind = MeetingKind(draft.kind)
    except ValueError:
        raise ValidationError(_("Choose the kind of meeting."), field="kind") from None
    meeting_date = check_date(draft.date, _("Date"), field="date", required=True)
    check_times(draft.start_time, draft.end_time)
    zone = TimeZone(draft.time_zone or session.get_one(Region, task_force.region_id).time_zone)
    if draft.organiser_agency_id is not None:
        get_or_fail(session, Agency, draft.organiser_agency_id, _("Agency"))

    def text(value: str, label: str, field: str, limit: int) -> str:
        return clean_text(value, label, field=field, max_length=limit)

    return {
        "task_force_id": draft.task_force_id,
        "kind": kind,
        "title": clean_text(draft.title, _("Title"), field="title", required=True, max_length=300),
        "date": meeting_date,
        "start_time": draft.start_time,
        "end_time": draft.end_time,
        "time_zone": zone,
        "starts_at_utc": starts_at_utc(meeting_date, draft.start_time, zone),
        "place": text(draft.place, _("Place"), "place", 300),
        "organiser_agency_id": draft.organiser_agency_id,
        "invitation_number": text(draft.invitation_number, _("Invitation letter number"),
                                  "invitation_number", 120),
        "chair_name": text(draft.chair_name, _("Chair"), "chair_name", 160),
        "chair_position": text(draft.chair_position, _("Chair's position"), "chair_position", 200),
        "chair_rank": text(draft.chair_rank, _("Chair's rank/grade"), "chair_rank", 100),
        "chair_nip": check_nip(draft.chair_nip, field="chair_nip"),
        "secretary_name": text(draft.secretary_name, _("Secretary"), "secretary_name", 160),
        "note_taker_name": text(draft.note_taker_name, _("Note-taker"), "note_taker_name", 160),
        "note_taker_position": text(draft.note_taker_position, _("Note-taker's position"),
                                    "note_taker_position", 200),
        "note_taker_nip": check_nip(draft.note_taker_nip, field="note_taker_nip"),
        "notes": clean_text(draft.notes, _("Notes"), field="notes", multiline=True),
    }


def ensure_editable(meeting: Meeting) -> None:
    """Cancelled meetings and final minutes are closed to edits."""
    if meeting.status is MeetingStatus.CANCELLED:
        raise RefusedError(_("This meeting was cancelled; it cannot be changed."))
    if meeting.status is MeetingStatus.MINUTES_FINAL:
        raise RefusedError(
            _("The minutes of this meeting are final. Reopen them, with a reason, to change them.")
        )


def schedule_meeting(db, draft: MeetingDraft) -> int:
    with db.unit_of_work() as session:
        meeting = Meeting(**_validated(session, draft), status=MeetingStatus.PLANNED)
        session.add(meeting)
        session.flush()
        return meeting.id


def update_meeting(db, meeting_id: int, draft: MeetingDraft, expected_version: int) -> None:
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        check_version(meeting, expected_version)
        ensure_editable(meeting)
        values = _validated(session, draft)
        if values["task_force_id"] != meeting.task_force_id:
            raise RefusedError(_("A meeting cannot be moved to another task force."))
        first_due = session.scalar(
            select(func.min(Commitment.due_date)).where(Commitment.meeting_id == meeting_id)
        )
        if first_due is not None and values["date"] > first_due:
            raise ValidationError(
                _("Commitments of this meeting are due before the new date."), field="date"
            )
        first_follow_up = session.scalar(
            select(func.min(FollowUp.date))
            .join(Commitment, FollowUp.commitment_id == Commitment.id)
            .where(Commitment.meeting_id == meeting_id)
        )
        if first_follow_up is not None and values["date"] > first_follow_up:
            raise ValidationError(
                _("Commitments of this meeting were followed up before the new date."),
                field="date",
            )
        for key, value in values.items():
            setattr(meeting, key, value)


def cancel_meeting(db, meeting_id: int, reason: str, expected_version: int) -> None:
    reason = clean_text(reason, _("Reason"), field="reason", required=True, multiline=True)
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        check_version(meeting, expected_version)
        if meeting.status is not MeetingStatus.PLANNED:
            raise RefusedError(_("Only a planned meeting can be cancelled."))
        if session.scalar(select(Commitment.id).where(Commitment.meeting_id == meeting_id)
                          .limit(1)) is not None:
            # Otherwise they would stay open forever, on a meeting that never took place.
            raise RefusedError(_("This meeting already has commitments; delete them before "
                                 "cancelling it."))
        meeting.status = MeetingStatus.CANCELLED
        meeting.notes = "\n".join(filter(None, [meeting.notes, _("Cancelled: ") + reason]))


def mark_held(db, meeting_id: int, expected_version: int, *, today: date | None = None) -> None:
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        check_version(meeting, expected_version)
        if meeting.status is not MeetingStatus.PLANNED:
            raise RefusedError(_("Only a planned meeting can be marked as held."))
        if meeting.date > (today or date.today()):
            raise RefusedError(_("A meeting cannot be marked as held before its date."))
        meeting.status = MeetingStatus.HELD


def write_minutes(db, meeting_id: int, opening: str, conclusions: str,
                  expected_version: int) -> None:
    """Save the opening words and conclusions; the minutes become (or stay) a draft."""
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        check_version(meeting, expected_version)
        ensure_editable(meeting)
        if meeting.status is MeetingStatus.PLANNED:
            raise RefusedError(_("Minutes are written once the meeting has been held."))
        meeting.opening = clean_text(opening, _("Opening"), field="opening", multiline=True)
        meeting.conclusions = clean_text(
            conclusions, _("Conclusions"), field="conclusions", multiline=True
        )
        meeting.status = MeetingStatus.MINUTES_DRAFT


def finalise_minutes(db, meeting_id: int, expected_version: int) -> None:
    """Make the minutes final without keeping their PDF (see documents.minutes_archive,
    which does both in one transaction)."""
    with db.unit_of_work() as session:
        finalise_in(session, meeting_id, expected_version)


def finalise_in(session: Session, meeting_id: int, expected_version: int) -> Meeting:
    """Make the minutes final inside the caller's transaction; refuses what may not be."""
    meeting = get_or_fail(session, Meeting, meeting_id, _label())
    check_version(meeting, expected_version)
    check_may_finalise(meeting)
    meeting.status = MeetingStatus.MINUTES_FINAL
    return meeting


def finalising_concerns(db, meeting_id: int) -> list[str]:
    """What the clerk should know before making the minutes final: nothing refused, but
    what is hard to put right afterwards (the signature block, the locked commitments)."""
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        commitments = session.scalar(select(func.count(Commitment.id))
                                     .where(Commitment.meeting_id == meeting_id)) or 0
    concerns = []
    if meeting.chair_name and not meeting.chair_position:
        concerns.append(_("The chair's position (jabatan) is empty: the signature block will "
                          "show a name only."))
    if meeting.chair_name and not meeting.chair_nip:
        concerns.append(_("The chair's NIP is empty."))
    if not commitments:
        concerns.append(_("No commitment has been recorded for this meeting yet; once the "
                          "minutes are final, adding one means reopening them."))
    return concerns


def check_may_finalise(meeting: Meeting) -> None:
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT):
        raise RefusedError(_("Only draft minutes of a held meeting can be made final."))
    if not meeting.chair_name:
        raise ValidationError(
            _("Enter the chair of the meeting before making the minutes final."),
            field="chair_name",
        )


def reopen_minutes(db, meeting_id: int, reason: str, expected_version: int) -> None:
    """Reopen final minutes; the reason is kept with the meeting."""
    reason = clean_text(reason, _("Reason"), field="reason", required=True, multiline=True)
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        check_version(meeting, expected_version)
        if meeting.status is not MeetingStatus.MINUTES_FINAL:
            raise RefusedError(_("Only final minutes can be reopened."))
        meeting.status = MeetingStatus.MINUTES_DRAFT
        meeting.reopen_reason = "\n".join(filter(None, [meeting.reopen_reason, reason]))
        # The signed PDF stays in the record, no longer the one a reprint gives.
        session.execute(update(ArchivedMinutes).where(ArchivedMinutes.meeting_id == meeting_id)
                        .values(superseded=True))


def list_meetings(
    db, *, task_force_id: int | None = None, year: int | None = None,
    status: MeetingStatus | None = None, newest: int | None = None,
) -> list[MeetingRow]:
    """Meetings in the order they start, whatever their zone; `newest=N` keeps only the N
    latest (choice lists on big data). A year is the meetings' own calendar: their dates."""
    counts = (
        select(Commitment.meeting_id, func.count().label("n"))
        .group_by(Commitment.meeting_id)
        .subquery()
    )
    query = (
        select(Meeting, TaskForce.name, func.coalesce(counts.c.n, 0))
        .join(TaskForce, Meeting.task_force_id == TaskForce.id)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .order_by(Meeting.starts_at_utc, Meeting.id)
    )
    if task_force_id is not None:
        query = query.where(Meeting.task_force_id == task_force_id)
    if year is not None:
        query = query.where(Meeting.date >= date(year, 1, 1), Meeting.date <= date(year, 12, 31))
    if status is not None:
        query = query.where(Meeting.status == MeetingStatus(status))
    if newest is not None:
        latest = query.order_by(None).order_by(Meeting.starts_at_utc.desc(),
                                               Meeting.id.desc()).limit(newest).subquery()
        query = query.where(Meeting.id.in_(select(latest.c.id)))
    with db.reading() as session:
        return [_row(m, task_force, n) for m, task_force, n in session.execute(query)]


def get_meeting(db, meeting_id: int) -> MeetingRow:
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        task_force = session.get(TaskForce, meeting.task_force_id).name
        n = session.scalar(select(func.count()).where(Commitment.meeting_id == meeting_id))
        return _row(meeting, task_force, n)


def _row(m: Meeting, task_force: str, commitment_count: int) -> MeetingRow:
    return MeetingRow(
        m.id, m.task_force_id, task_force, m.kind, m.title, m.date, m.start_time, m.end_time,
        m.time_zone, m.place, m.invitation_number, m.chair_name, m.note_taker_name, m.status,
        commitment_count, m.version, as_utc(m.starts_at_utc),
        ends_next_day(m.start_time, m.end_time),
    )


def _validated_agenda(draft: AgendaDraft) -> dict:
    return {
        "title": clean_text(draft.title, _("Agenda item"), field="title", required=True,
                            max_length=300),
        "presenter": clean_text(draft.presenter, _("Presenter"), field="presenter", max_length=200),
        "discussion": clean_text(draft.discussion, _("Discussion"), field="discussion",
                                 multiline=True),
        "decisions": clean_text(draft.decisions, _("Decisions"), field="decisions", multiline=True),
    }


def add_agenda_item(db, meeting_id: int, draft: AgendaDraft) -> int:
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        ensure_editable(meeting)
        last = session.scalar(
            select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
        )
        item = AgendaItem(meeting_id=meeting_id, position=(last or 0) + 1,
                          **_validated_agenda(draft))
        session.add(item)
        session.flush()
        return item.id


def update_agenda_item(db, item_id: int, draft: AgendaDraft, expected_version: int) -> None:
    with db.unit_of_work() as session:
        item = get_or_fail(session, AgendaItem, item_id, _("Agenda item"))
        check_version(item, expected_version)
        ensure_editable(item.meeting)
        for key, value in _validated_agenda(draft).items():
            setattr(item, key, value)


def remove_agenda_item(db, item_id: int, expected_version: int) -> None:
    """Remove an item and close the gap in the numbering."""
    with db.unit_of_work() as session:
        item = get_or_fail(session, AgendaItem, item_id, _("Agenda item"))
        check_version(item, expected_version)
        ensure_editable(item.meeting)
        meeting_id, position = item.meeting_id, item.position
        session.delete(item)
        session.flush()
        later = session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, AgendaItem.position > position)
            .order_by(AgendaItem.position)
        )
        for follower in later:
            follower.position -= 1
            session.flush()  # one at a time keeps the (meeting, position) key unique


def list_agenda(db, meeting_id: int) -> list[AgendaRow]:
    query = (
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    )
    with db.reading() as session:
        return [
            AgendaRow(a.id, a.meeting_id, a.position, a.title, a.presenter, a.discussion,
                      a.decisions, a.version)
            for a in session.scalars(query)
        ]


# --- the minutes' text and the agenda's order, as the meeting page edits them -----------


@dataclass(frozen=True)
class MinutesText:
    """The minutes' own text, with every reason they were reopened (one per line, oldest first)."""

    meeting_id: int
    status: MeetingStatus
    opening: str
    conclusions: str
    reopen_reasons: str
    version: int


@dataclass(frozen=True)
class ItemMinutes:
    """What the minutes say was discussed and decided on one agenda item."""

    item_id: int
    discussion: str
    decisions: str
    expected_version: int | None = None


def get_minutes(db, meeting_id: int) -> MinutesText:
    with db.reading() as session:
        m = get_or_fail(session, Meeting, meeting_id, _label())
        return MinutesText(m.id, m.status, m.opening, m.conclusions, m.reopen_reason, m.version)


def save_minutes(db, meeting_id: int, opening: str, conclusions: str,
                 items: Iterable[ItemMinutes], expected_version: int | None) -> None:
    """Save the opening, the conclusions and the agenda items' discussion and decisions.

    One transaction: a refusal on any item leaves the whole minutes as they were. Like
    `write_minutes`, the minutes become (or stay) a draft.
    """
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        check_version(meeting, expected_version)
        ensure_editable(meeting)
        if meeting.status is MeetingStatus.PLANNED:
            raise RefusedError(_("Minutes are written once the meeting has been held."))
        meeting.opening = clean_text(opening, _("Opening"), field="opening", multiline=True)
        meeting.conclusions = clean_text(
            conclusions, _("Conclusions"), field="conclusions", multiline=True
        )
        for entry in items:
            item = get_or_fail(session, AgendaItem, entry.item_id, _("Agenda item"))
            if item.meeting_id != meeting_id:
                raise RefusedError(_("This agenda item belongs to another meeting."))
            check_version(item, entry.expected_version)
            item.discussion = clean_text(entry.discussion, _("Discussion"), field="discussion",
                                         multiline=True)
            item.decisions = clean_text(entry.decisions, _("Decisions"), field="decisions",
                                        multiline=True)
        meeting.status = MeetingStatus.MINUTES_DRAFT


def move_agenda_item(db, item_id: int, position: int, expected_version: int | None) -> None:
    """Give an item another number; the items in between shift by one."""
    with db.unit_of_work() as session:
        item = get_or_fail(session, AgendaItem, item_id, _("Agenda item"))
        check_version(item, expected_version)
        ensure_editable(item.meeting)
        _place(session, item, position)


def insert_agenda_item(db, meeting_id: int, draft: AgendaDraft, position: int) -> int:
    """Add an item at a given number (undoing a removal puts it back where it was)."""
    with db.unit_of_work() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _label())
        ensure_editable(meeting)
        last = session.scalar(
            select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
        )
        item = AgendaItem(meeting_id=meeting_id, position=(last or 0) + 1,
                          **_validated_agenda(draft))
        session.add(item)
        session.flush()
        _place(session, item, position)
        return item.id


def _place(session: Session, item: AgendaItem, position: int) -> None:
    count = session.execute(
        select(func.count()).where(AgendaItem.meeting_id == item.meeting_id)
    ).scalar_one()
    target, old = min(max(position, 1), count), item.position
    if target == old:
        return
    # Park the item at 0 and shift one row at a time: the (meeting, position) key must stay
    # unique after every single UPDATE (PostgreSQL checks it per statement).
    item.position = 0
    session.flush()
    query = select(AgendaItem).where(AgendaItem.meeting_id == item.meeting_id)
    if target < old:
        query = query.where(AgendaItem.position >= target, AgendaItem.position < old)
        shifted, step = query.order_by(AgendaItem.position.desc()), 1
    else:
        query = query.where(AgendaItem.position > old, AgendaItem.position <= target)
        shifted, step = query.order_by(AgendaItem.position), -1
    for other in session.scalars(shifted).all():
        other.position += step
        session.flush()
    item.position = target


def recent_meetings(db, *, limit: int = 300) -> list[tuple[int, date, str]]:
    """(id, date, title) of the latest meetings, newest first: for choice lists.

    A stress database holds over ten thousand meetings; a list to choose from needs the
    recent ones, and reading whole rows of all of them took over a second.
    """
    query = (select(Meeting.id, Meeting.date, Meeting.title)
             .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc()).limit(limit))
    with db.reading() as session:
        return [tuple(row) for row in session.execute(query)]


def meeting_draft(db, meeting_id: int) -> tuple[MeetingDraft, int]:
    """A meeting as the draft that would schedule it again, with its version: for editing."""
    with db.reading() as session:
        m = get_or_fail(session, Meeting, meeting_id, _label())
        draft = MeetingDraft(
            task_force_id=m.task_force_id, kind=m.kind, title=m.title, date=m.date,
            start_time=m.start_time, end_time=m.end_time, time_zone=m.time_zone,
            place=m.place, organiser_agency_id=m.organiser_agency_id,
            invitation_number=m.invitation_number, chair_name=m.chair_name,
            chair_position=m.chair_position, chair_rank=m.chair_rank, chair_nip=m.chair_nip,
            secretary_name=m.secretary_name, note_taker_name=m.note_taker_name,
            note_taker_position=m.note_taker_position, note_taker_nip=m.note_taker_nip,
            notes=m.notes,
        )
        return draft, m.version
