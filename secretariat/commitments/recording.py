"""Commitments agreed at meetings: recording them, editing them, removing mistakes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    Agency,
    Commitment,
    CommitmentStatus,
    FocusArea,
    FollowUp,
    Meeting,
    SubTaskForce,
)
from secretariat.commitments.signatories import default_signatories
from secretariat.dates import short_date
from secretariat.errors import RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.meetings.lifecycle import ensure_editable
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_date, clean_text


@dataclass(frozen=True)
class CommitmentDraft:
    text: str
    lead_agency_id: int
    due_date: date | None = None
    action_plan: str = ""
    focus_area_id: int | None = None
    sub_task_force_id: int | None = None
    supporting_agency_ids: tuple[int, ...] = field(default_factory=tuple)
    # Who signs the joint commitment: any active agency or community body. None: on a new
    # commitment its lead and supporting agencies, on an edit the signatories it has.
    signatory_agency_ids: tuple[int, ...] | None = None
    indicator: str = ""
    confidential: bool = False
    notes: str = ""


def _label() -> str:
    return _("Commitment")


def _active_agencies(session: Session, ids, field_name: str) -> list[Agency]:
    agencies = []
    for agency_id in dict.fromkeys(ids):  # ignore repeats, keep the order given
        agency = get_or_fail(session, Agency, agency_id, _("Agency"), field=field_name)
        if not agency.active:
            raise ValidationError(
                _("{agency} is archived and cannot take on new work.").format(
                    agency=agency.abbreviation
                ),
                field=field_name,
            )
        agencies.append(agency)
    return agencies


def _agencies_keeping_archived(session: Session, ids, already: list[Agency],
                               field_name: str) -> list[Agency]:
    """Agencies for a commitment: new ones must be active; ones it had may since be archived."""
    kept = {agency.id: agency for agency in already}
    new_ids = [agency_id for agency_id in ids if agency_id not in kept]
    fresh = {agency.id: agency for agency in _active_agencies(session, new_ids, field_name)}
    return [kept.get(agency_id) or fresh[agency_id] for agency_id in dict.fromkeys(ids)]


def _apply(session: Session, commitment: Commitment, meeting: Meeting, draft: CommitmentDraft,
           *, lead_changed: bool = True) -> None:
    """Validate a draft and write it onto `commitment`."""
    commitment.text = clean_text(draft.text, _("Commitment"), field="text", required=True,
                                 multiline=True, max_length=10_000)
    if lead_changed:
        (lead,) = _active_agencies(session, [draft.lead_agency_id], "lead_agency_id")
    else:
        lead = get_or_fail(session, Agency, draft.lead_agency_id, _("Agency"),
                           field="lead_agency_id")
    due = check_date(draft.due_date, _("Due date"), field="due_date")
    if due is not None and due < meeting.date:
        raise ValidationError(
            _("The due date {due} lies before the meeting of {meeting}.").format(
                due=short_date(due), meeting=short_date(meeting.date)
            ),
            field="due_date",
        )
    if lead.id in draft.supporting_agency_ids:
        raise ValidationError(
            _("{agency} leads this commitment; it cannot also be a supporting agency.").format(
                agency=lead.abbreviation
            ),
            field="supporting_agency_ids",
        )
    if draft.focus_area_id is not None:
        get_or_fail(session, FocusArea, draft.focus_area_id, _("Focus area"))
    if draft.sub_task_force_id is not None:
        get_or_fail(session, SubTaskForce, draft.sub_task_force_id, _("Sub task force"))
    commitment.lead_agency_id = lead.id
    commitment.due_date = due
    commitment.action_plan = clean_text(draft.action_plan, _("Action plan"), field="action_plan",
                                        multiline=True, max_length=10_000)
    commitment.focus_area_id = draft.focus_area_id
    commitment.sub_task_force_id = draft.sub_task_force_id
    commitment.indicator = clean_text(draft.indicator, _("Indicator/target"), field="indicator",
                                      multiline=True, max_length=2_000)
    commitment.confidential = bool(draft.confidential)
    commitment.notes = clean_text(draft.notes, _("Notes"), field="notes", multiline=True)
    commitment.supporting_agencies = _agencies_keeping_archived(
        session, draft.supporting_agency_ids, commitment.supporting_agencies,
        "supporting_agency_ids",
    )
    signatories = draft.signatory_agency_ids
    if signatories is None and commitment.id is None:
        signatories = default_signatories(lead.id, draft.supporting_agency_ids)
    if signatories is not None:
        commitment.signatory_agencies = _agencies_keeping_archived(
            session, signatories, commitment.signatory_agencies, "signatory_agency_ids",
        )


def _meeting_taking_commitments(session: Session, meeting_id: int) -> Meeting:
    meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
    ensure_editable(meeting)
    return meeting


def add_commitments(db, meeting_id: int, drafts: list[CommitmentDraft]) -> list[int]:
    """Record the commitments agreed at a meeting, numbered after the ones it has: all or none."""
    with db.unit_of_work() as session:
        meeting = _meeting_taking_commitments(session, meeting_id)
        last = session.scalar(
            select(func.max(Commitment.number)).where(Commitment.meeting_id == meeting_id)
        ) or 0
        created = []
        for offset, draft in enumerate(drafts, start=1):
            commitment = Commitment(meeting_id=meeting_id, number=last + offset,
                                    status=CommitmentStatus.NOT_STARTED, progress=0)
            try:
                _apply(session, commitment, meeting, draft)
            except ValidationError as error:
                if len(drafts) == 1:
                    raise
                # Several rows are entered at once: say which one is wrong.
                row_error = ValidationError(_("Row {row}: {message}").format(
                    row=offset, message=error.message), field=error.field)
                row_error.row = offset
                raise row_error from error
            session.add(commitment)
            created.append(commitment)
        session.flush()
        return [c.id for c in created]


def add_commitment(db, meeting_id: int, draft: CommitmentDraft) -> int:
    return add_commitments(db, meeting_id, [draft])[0]


def update_commitment(db, commitment_id: int, draft: CommitmentDraft,
                      expected_version: int) -> None:
    """Edit what was agreed. Status and progress change through follow-ups only."""
    with db.unit_of_work() as session:
        commitment = get_or_fail(session, Commitment, commitment_id, _label())
        check_version(commitment, expected_version)
        meeting = session.get(Meeting, commitment.meeting_id)
        ensure_editable(meeting)  # signed minutes fix what was agreed
        _apply(session, commitment, meeting, draft,
               lead_changed=draft.lead_agency_id != commitment.lead_agency_id)


def delete_commitment(db, commitment_id: int, expected_version: int) -> None:
    """Remove a commitment entered by mistake, while the minutes are still open."""
    with db.unit_of_work() as session:
        commitment = get_or_fail(session, Commitment, commitment_id, _label())
        check_version(commitment, expected_version)
        ensure_editable(session.get(Meeting, commitment.meeting_id))
        has_follow_ups = session.scalar(
            select(FollowUp.id).where(FollowUp.commitment_id == commitment_id).limit(1)
        )
        if has_follow_ups is not None:
            raise RefusedError(
                _("This commitment already has follow-ups; it cannot be deleted. "
                  "Record it as 'Cannot be followed up' with a reason instead.")
            )
        meeting_id, number = commitment.meeting_id, commitment.number
        session.delete(commitment)
        session.flush()
        # Close the gap so the minutes number their commitments 1, 2, 3...
        for later in session.scalars(
            select(Commitment)
            .where(Commitment.meeting_id == meeting_id, Commitment.number > number)
            .order_by(Commitment.number)
        ):
            later.number -= 1
            session.flush()
