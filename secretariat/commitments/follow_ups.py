"""Follow-up (tindak lanjut) entries: each step reported on a commitment until it is closed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from models import (
    Agency,
    Commitment,
    CommitmentStatus,
    FollowUp,
    FollowUpSource,
    Meeting,
    MeetingStatus,
)
from secretariat.commitments.evidence import read_evidence, store_evidence
from secretariat.commitments.status import settle_status
from secretariat.dates import short_date
from secretariat.errors import RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_date, clean_text


@dataclass(frozen=True)
class FollowUpDraft:
    status: CommitmentStatus
    source: FollowUpSource
    date: date | None = None  # the linked meeting's date when reported at a meeting
    progress: int | None = None  # implied by the status where it can be
    reporting_agency_id: int | None = None
    meeting_id: int | None = None
    note: str = ""
    obstacles: str = ""
    status_reason: str = ""
    evidence: tuple[str | os.PathLike, ...] = ()  # files to attach (letters, photos, PDFs)


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    commitment_id: int
    date: date
    reporting_agency_id: int | None
    reporting_agency: str
    source: FollowUpSource
    meeting_id: int | None
    note: str
    obstacles: str
    status_after: CommitmentStatus
    progress_after: int
    status_reason: str
    version: int


def record_follow_up(
    db, commitment_id: int, draft: FollowUpDraft, expected_version: int,
    *, today: date | None = None,
) -> int:
    """Log a step and move the commitment to the status and progress it reports."""
    today = today or date.today()
    # Files are read and checked first: a missing or locked file changes nothing.
    evidence = tuple(read_evidence(path) for path in draft.evidence)
    with db.unit_of_work() as session:
        commitment = get_or_fail(session, Commitment, commitment_id, _("Commitment"))
        check_version(commitment, expected_version)
        agreed_at = session.get(Meeting, commitment.meeting_id)
        try:
            source = FollowUpSource(draft.source)
        except ValueError:
            raise ValidationError(_("Choose where the report came from."), field="source") from None
        when = draft.date
        if draft.meeting_id is not None:
            report_meeting = get_or_fail(session, Meeting, draft.meeting_id, _("Meeting"))
            if report_meeting.task_force_id != agreed_at.task_force_id:
                raise ValidationError(
                    _("The meeting belongs to another task force."), field="meeting_id"
                )
            if report_meeting.status is MeetingStatus.CANCELLED:
                raise RefusedError(_("This meeting was cancelled."))
            if report_meeting.starts_at_utc < agreed_at.starts_at_utc:  # by instant
                raise ValidationError(
                    _("A report cannot come from a meeting held before the one that agreed "
                      "the commitment."), field="meeting_id")
            when = when or report_meeting.date
        elif source is FollowUpSource.MEETING:
            raise ValidationError(_("Choose the meeting where this was reported."),
                                  field="meeting_id")
        when = check_date(when, _("Date"), field="date", required=True)
        if when < agreed_at.date:
            raise ValidationError(
                _("A follow-up cannot be dated before the meeting that agreed the commitment "
                  "({date}).").format(date=short_date(agreed_at.date)),
                field="date",
            )
        if when > today:
            raise ValidationError(_("A follow-up cannot be dated in the future."), field="date")
        if draft.reporting_agency_id is not None:
            get_or_fail(session, Agency, draft.reporting_agency_id, _("Agency"))
        status, progress, reason = settle_status(
            draft.status, draft.progress, draft.status_reason,
            previous_progress=commitment.progress,
        )
        says_nothing = not (draft.note.strip() or draft.obstacles.strip() or evidence) and (
            status, progress) == (commitment.status, commitment.progress)
        if says_nothing:  # one stray Enter would otherwise log an empty, permanent entry
            raise ValidationError(
                _("Write what was done, or change the status or progress: a follow-up "
                  "that reports nothing is not recorded."), field="note")
        entry = FollowUp(
            commitment_id=commitment_id,
            date=when,
            reporting_agency_id=draft.reporting_agency_id,
            source=source,
            meeting_id=draft.meeting_id,
            note=clean_text(draft.note, _("What was done"), field="note", multiline=True,
                            max_length=20_000),
            obstacles=clean_text(draft.obstacles, _("Obstacles"), field="obstacles",
                                 multiline=True, max_length=10_000),
            status_after=status,
            progress_after=progress,
            status_reason=reason,
        )
        session.add(entry)
        if _is_latest(session, commitment_id, when):
            # A late-entered older report must not overwrite the newer state.
            commitment.status, commitment.progress = status, progress
            commitment.status_reason = reason
        session.flush()
        store_evidence(session, entry.id, evidence)
        return entry.id


def _is_latest(session, commitment_id: int, when: date) -> bool:
    newer = session.scalar(
        select(FollowUp.id)
        .where(FollowUp.commitment_id == commitment_id, FollowUp.date > when)
        .limit(1)
    )
    return newer is None


def list_follow_ups(db, commitment_id: int) -> list[FollowUpRow]:
    """The commitment's log, newest first."""
    query = (
        select(FollowUp, Agency.abbreviation)
        .outerjoin(Agency, FollowUp.reporting_agency_id == Agency.id)
        .where(FollowUp.commitment_id == commitment_id)
        .order_by(FollowUp.date.desc(), FollowUp.id.desc())
    )
    with db.reading() as session:
        return [
            FollowUpRow(f.id, f.commitment_id, f.date, f.reporting_agency_id, abbreviation or "",
                        f.source, f.meeting_id, f.note, f.obstacles, f.status_after,
                        f.progress_after, f.status_reason, f.version)
            for f, abbreviation in session.execute(query)
        ]


@dataclass(frozen=True)
class StatusChange:
    date: date
    status: CommitmentStatus
    progress: int
    reason: str
    follow_up_id: int | None  # None for the signature itself


def status_history(agreed_on: date, log: list[FollowUpRow]) -> list[StatusChange]:
    """The steps where status or progress changed, oldest first, from the signature on.

    Taken from the log already read for the page: the log is the only record of status.
    """
    changes = [StatusChange(agreed_on, CommitmentStatus.NOT_STARTED, 0, "", None)]
    for entry in sorted(log, key=lambda row: (row.date, row.id)):
        last = changes[-1]
        if (entry.status_after, entry.progress_after) != (last.status, last.progress):
            changes.append(StatusChange(entry.date, entry.status_after, entry.progress_after,
                                        entry.status_reason, entry.id))
    return changes


def report_meetings(db, commitment_id: int, *, today: date | None = None,
                    limit: int = 60) -> list[tuple[int, date, str]]:
    """(id, date, title) of the meetings where progress on this commitment could have been
    reported: the same task force's, from the agreeing meeting to today, newest first."""
    today = today or date.today()
    with db.reading() as session:
        commitment = get_or_fail(session, Commitment, commitment_id, _("Commitment"))
        agreed_at = session.get(Meeting, commitment.meeting_id)
        query = (
            select(Meeting.id, Meeting.date, Meeting.title)
            .where(Meeting.task_force_id == agreed_at.task_force_id,
                   Meeting.status != MeetingStatus.CANCELLED,
                   # not one that began before the commitment was agreed, in any zone
                   Meeting.starts_at_utc >= agreed_at.starts_at_utc, Meeting.date <= today)
            .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc())
            .limit(limit)
        )
        return [tuple(row) for row in session.execute(query)]
