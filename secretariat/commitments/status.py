"""Commitment status rules: what "overdue" means and which status/progress pairs fit."""

from __future__ import annotations

from datetime import date

from models.enums import CommitmentStatus
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.validation import check_percent, clean_text

OPEN_STATUSES = CommitmentStatus.open_statuses()


def is_overdue(status: CommitmentStatus, due_date: date | None, today: date) -> bool:
    """Overdue (melewati batas waktu) is computed, never stored: open and past its due date."""
    return status in OPEN_STATUSES and due_date is not None and due_date < today


def days_late(status: CommitmentStatus, due_date: date | None, today: date) -> int:
    if due_date is None or not is_overdue(status, due_date, today):
        return 0
    return (today - due_date).days


def overdue_clause(today: date):
    """The same rule as `is_overdue`, as a SQL condition."""
    # Imported here: the rest of this module serves the first screen, before SQLAlchemy loads.
    from sqlalchemy import and_

    from models import Commitment

    return and_(Commitment.status.in_(OPEN_STATUSES), Commitment.due_date < today)


def settle_status(
    status: CommitmentStatus | str,
    progress: int | None,
    reason: str,
    *,
    previous_progress: int,
) -> tuple[CommitmentStatus, int, str]:
    """Check a new status with its progress and reason; fill the progress where implied."""
    try:
        status = CommitmentStatus(status)
    except ValueError:
        raise ValidationError(_("Choose a follow-up status."), field="status") from None
    reason = clean_text(reason, _("Reason"), field="status_reason", multiline=True)
    if progress is None:
        progress = {CommitmentStatus.NOT_STARTED: 0, CommitmentStatus.DONE: 100}.get(
            status, previous_progress
        )
    progress = check_percent(progress)
    if status is CommitmentStatus.CANNOT and not reason:
        raise ValidationError(
            _("'Cannot be followed up' needs a reason (e.g. force majeure, a case still in "
              "court, a change of organisation or regulation)."),
            field="status_reason",
        )
    if status is CommitmentStatus.DONE and progress != 100:
        raise ValidationError(_("A commitment that is done has 100% progress."), field="progress")
    if status is CommitmentStatus.NOT_STARTED and progress != 0:
        raise ValidationError(
            _("A commitment with progress above 0% has been followed up; choose 'In progress'."),
            field="progress",
        )
    if status is CommitmentStatus.IN_PROGRESS and progress == 100:
        raise ValidationError(
            _("100% progress means the commitment is done; choose 'Done'."), field="progress"
        )
    if status is not CommitmentStatus.CANNOT:
        reason = ""
    return status, progress, reason
