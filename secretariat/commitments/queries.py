"""Reading commitments: filtered, sorted pages, the carry-forward list, one commitment.

The filter, sort and row shapes live in `secretariat.commitments.rows` (no SQLAlchemy);
they are imported here too, so callers may take them from either module.

Lists select plain columns (not ORM objects) so a page of 200 from 100,000 commitments
stays cheap; the indexes in `models.commitments` serve the common filters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnOperators, case, func, or_, select
from sqlalchemy.orm import aliased

from models import (
    Agency,
    Commitment,
    CommitmentStatus,
    FocusArea,
    Meeting,
    MeetingStatus,
    Region,
    SubTaskForce,
    TaskForce,
    commitment_signatories,
    commitment_supporting_agencies,
)
from secretariat.commitments.rows import (
    CommitmentFilter,
    CommitmentRow,
    CommitmentSort,
    ListNames,
    commitment_row,
)
from secretariat.commitments.status import OPEN_STATUSES, overdue_clause
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.records import get_or_fail


@dataclass(frozen=True)
class CommitmentDetail:
    row: CommitmentRow
    action_plan: str
    indicator: str
    status_reason: str
    notes: str
    focus_area_id: int | None
    sub_task_force_id: int | None
    supporting_agencies: tuple[str, ...] = field(default_factory=tuple)
    signatory_agencies: tuple[str, ...] = field(default_factory=tuple)
    supporting_agency_ids: tuple[int, ...] = field(default_factory=tuple)
    signatory_agency_ids: tuple[int, ...] = field(default_factory=tuple)


_lead = aliased(Agency, name="lead")

# Names of agencies, focus areas and sub task forces are looked up from small tables once
# per call instead of joined into every row: the carry-forward list returns thousands.
_COLUMNS = (
    Commitment.id, Commitment.meeting_id, Meeting.date, Meeting.title, Commitment.number,
    Commitment.text, Commitment.lead_agency_id, Commitment.due_date, Commitment.status,
    Commitment.progress, Commitment.focus_area_id, Commitment.sub_task_force_id,
    Commitment.confidential, Commitment.version,
)


def _base_query():
    return select(*_COLUMNS).join(Meeting, Commitment.meeting_id == Meeting.id)


def _load_names(session) -> ListNames:
    return ListNames(
        dict(session.execute(select(Agency.id, Agency.abbreviation)).all()),
        dict(session.execute(select(FocusArea.id, FocusArea.name)).all()),
        dict(session.execute(select(SubTaskForce.id, SubTaskForce.name)).all()),
    )


def _where(query, flt: CommitmentFilter, today: date):
    if flt.statuses:
        query = query.where(Commitment.status.in_([CommitmentStatus(s) for s in flt.statuses]))
    if flt.open_only:
        query = query.where(Commitment.status.in_(OPEN_STATUSES))
    if flt.overdue:
        query = query.where(overdue_clause(today))
    if flt.lead_agency_id is not None:
        query = query.where(Commitment.lead_agency_id == flt.lead_agency_id)
    if flt.meeting_id is not None:
        query = query.where(Commitment.meeting_id == flt.meeting_id)
    if flt.task_force_id is not None and flt.with_regencies:
        query = query.where(Meeting.task_force_id.in_(task_forces_below(flt.task_force_id)))
    elif flt.task_force_id is not None:
        query = query.where(Meeting.task_force_id == flt.task_force_id)
    if flt.focus_area_id is not None:
        query = query.where(Commitment.focus_area_id == flt.focus_area_id)
    if flt.sub_task_force_id is not None:
        query = query.where(Commitment.sub_task_force_id == flt.sub_task_force_id)
    if flt.due_from is not None:
        query = query.where(Commitment.due_date >= flt.due_from)
    if flt.due_to is not None:
        query = query.where(Commitment.due_date <= flt.due_to)
    if flt.agreed_from is not None:
        query = query.where(Meeting.date >= flt.agreed_from)
    if flt.agreed_to is not None:
        query = query.where(Meeting.date <= flt.agreed_to)
    if flt.due_from and flt.due_to and flt.due_to < flt.due_from:
        raise ValidationError(_("The end of the due window lies before its start."),
                              field="due_to")
    if flt.text.strip():
        wanted = flt.text.strip().lower()
        query = query.where(or_(func.lower(Commitment.text).contains(wanted, autoescape=True),
                                func.lower(Commitment.action_plan).contains(wanted,
                                                                             autoescape=True)))
    if not flt.include_confidential:
        query = query.where(Commitment.confidential.is_(False))
    return query


def task_forces_below(task_force_id: int):
    """The ids of a task force and of those of the regions directly below its region (a
    province's kabupaten/kota), as a subquery."""
    region = select(TaskForce.region_id).where(TaskForce.id == task_force_id).scalar_subquery()
    return (select(TaskForce.id).join(Region, TaskForce.region_id == Region.id)
            .where(or_(TaskForce.id == task_force_id, Region.parent_id == region)))


def apply_filter(query, flt: CommitmentFilter, today: date):
    """`flt` applied to a query over commitments joined to their meeting (other reports)."""
    return _where(query, flt, today)


# Statuses sort in the order of the follow-up (Peraturan BPK 2/2017), not alphabetically.
_STATUS_ORDER = case({status: rank for rank, status in enumerate(CommitmentStatus)},
                     value=Commitment.status)


def _order(query, sort: CommitmentSort, descending: bool):
    orderings: dict[CommitmentSort, list[ColumnOperators]] = {
        CommitmentSort.DUE_DATE: [Commitment.due_date],
        CommitmentSort.MEETING: [Meeting.starts_at_utc, Commitment.meeting_id],
        CommitmentSort.STATUS: [_STATUS_ORDER],
        CommitmentSort.LEAD_AGENCY: [func.lower(_lead.abbreviation)],
        CommitmentSort.PROGRESS: [Commitment.progress],
    }
    columns = orderings[sort]
    # Commitments without a due date sort last either way; ties keep agreement order.
    nulls_last = [Commitment.due_date.is_(None)] if sort is CommitmentSort.DUE_DATE else []
    ordered = [column.desc() if descending else column for column in columns]
    if sort is CommitmentSort.LEAD_AGENCY:
        query = query.join(_lead, Commitment.lead_agency_id == _lead.id)
    return query.order_by(*nulls_last, *ordered, Commitment.meeting_id, Commitment.number)


def list_commitments(
    db,
    flt: CommitmentFilter = CommitmentFilter(),
    *,
    sort: CommitmentSort = CommitmentSort.DUE_DATE,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
    today: date | None = None,
) -> list[CommitmentRow]:
    today = today or date.today()
    query = _order(_where(_base_query(), flt, today), CommitmentSort(sort), descending)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.reading() as session:
        names = _load_names(session)
        return [commitment_row(values, today, names) for values in session.execute(query)]


def count_commitments(db, flt: CommitmentFilter = CommitmentFilter(), *,
                      today: date | None = None) -> int:
    query = _where(
        select(func.count(Commitment.id)).join(Meeting, Commitment.meeting_id == Meeting.id),
        flt, today or date.today(),
    )
    with db.reading() as session:
        return session.scalar(query)


def carry_forward(db, meeting_id: int, *, today: date | None = None) -> list[CommitmentRow]:
    """Commitments still open from earlier meetings of the same task force.

    This is the list the secretariat brings to the next rakor, oldest meeting first.
    Earlier means started before, whatever the zones: a morning meeting on the same day
    counts, and 09.00 WIT is before 08.00 WIB.
    """
    today = today or date.today()
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        query = (
            _base_query()
            .where(
                Meeting.task_force_id == meeting.task_force_id,
                Meeting.starts_at_utc < meeting.starts_at_utc,
                Meeting.status != MeetingStatus.CANCELLED,
                Commitment.status.in_(OPEN_STATUSES),
            )
            .order_by(Meeting.starts_at_utc, Commitment.meeting_id, Commitment.number)
        )
        names = _load_names(session)
        return [commitment_row(values, today, names) for values in session.execute(query)]


def get_commitment(db, commitment_id: int, *, today: date | None = None) -> CommitmentDetail:
    today = today or date.today()
    with db.reading() as session:
        commitment = get_or_fail(session, Commitment, commitment_id, _("Commitment"))
        values = session.execute(_base_query().where(Commitment.id == commitment_id)).one()
        names = _load_names(session)

        def agencies(table):
            return session.execute(
                select(Agency.id, Agency.abbreviation)
                .join(table, table.c.agency_id == Agency.id)
                .where(table.c.commitment_id == commitment_id)
                .order_by(Agency.abbreviation)
            ).all()

        supporting = agencies(commitment_supporting_agencies)
        signatories = agencies(commitment_signatories)
        return CommitmentDetail(
            row=commitment_row(values, today, names),
            action_plan=commitment.action_plan,
            indicator=commitment.indicator,
            status_reason=commitment.status_reason,
            notes=commitment.notes,
            focus_area_id=commitment.focus_area_id,
            sub_task_force_id=commitment.sub_task_force_id,
            supporting_agencies=tuple(name for _id, name in supporting),
            signatory_agencies=tuple(name for _id, name in signatories),
            supporting_agency_ids=tuple(agency_id for agency_id, _name in supporting),
            signatory_agency_ids=tuple(agency_id for agency_id, _name in signatories),
        )
