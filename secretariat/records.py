"""Fetching a record for a use case, with the optimistic-locking check."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from models import Audited
from secretariat.errors import ConflictError, NotFoundError, ValidationError
from secretariat.i18n import _

T = TypeVar("T")


def get_or_fail(session: Session, model: type[T], record_id: int | None, label: str,
                *, field: str | None = None) -> T:
    """The record, or a refusal in words; `field` names the form field that chose it, so
    an empty choice is explained next to that field."""
    if record_id is None:  # an empty choice list on a form: say so, not "number None"
        raise ValidationError(_("No {record} was chosen.").format(
            record=label.lower()), field=field)
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(
            _("{record} number {id} does not exist (any more).").format(record=label, id=record_id)
        )
    return record


def _local(moment: datetime) -> datetime:
    """Stored times are UTC (SQLite returns them without the zone); show this PC's time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def check_version(record: Audited, expected_version: int | None) -> None:
    """Refuse to write over a change somebody else saved since `expected_version` was read."""
    if expected_version is None or record.version == expected_version:
        return
    raise conflict_with(record.changed_by, record.updated_at)


def conflict_with(changed_by: str, changed_at: datetime | None) -> ConflictError:
    """The refusal of a stale save, naming who saved the record meanwhile and when."""
    when = _local(changed_at).strftime("%d-%m-%Y %H:%M") if changed_at else "?"
    return ConflictError(
        _("This record was changed by {who} at {when} after you opened it. "
          "Reload it to see their change, then apply yours again.").format(
            who=changed_by or _("another user"), when=when
        ),
        changed_by=changed_by,
        changed_at=changed_at,
    )
