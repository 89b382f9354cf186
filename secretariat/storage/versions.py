"""Every change moves the version: of the record itself, and of the record it hangs off.

Optimistic locking (`version_id_col`) only counts UPDATEs of a record's own row. Changing
only a list that hangs off it (the supporting agencies in an association table, an agenda
item, an attendance line, a contact person, a seat, a follow-up's evidence) wrote no row
of the record, so its version stood still and a colleague's stale save of the record was
accepted, putting the old list back. Before each flush, each changed record and each owner
of a changed child gets a new `updated_at` and `changed_by`: a real UPDATE, so the version
moves and the next stale save is refused with who and when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import instance_state

from models import (
    Agency,
    AgendaItem,
    Attendance,
    Audited,
    Commitment,
    ContactPerson,
    EvidenceFile,
    FollowUp,
    Meeting,
    Membership,
)
from models.base import utc_now

# Where a unit of work keeps the versions its flushes expected, to name who came first.
EXPECTED_VERSIONS = "expected_versions"

# A child's class -> (its owner's class, the child's column naming the owner).
OWNERS: dict[type, tuple[type, str]] = {
    AgendaItem: (Meeting, "meeting_id"),
    Attendance: (Meeting, "meeting_id"),
    ContactPerson: (Agency, "agency_id"),
    Membership: (Agency, "agency_id"),
    FollowUp: (Commitment, "commitment_id"),
    EvidenceFile: (FollowUp, "follow_up_id"),
}


def _owners(session: Session, child: object) -> list[Audited]:
    """The records above `child`, nearest first (evidence: its follow-up, its commitment)."""
    found: list[Audited] = []
    while type(child) in OWNERS:
        owner_class, column = OWNERS[type(child)]
        owner_id = getattr(child, column, None)
        owner = session.get(owner_class, owner_id) if owner_id is not None else None
        if owner is None:
            break
        found.append(owner)
        child = owner
    return found


def move_versions(session: Session, _context, _instances) -> None:
    """The before_flush hook (registered by `secretariat.storage.database`)."""
    actor = session.info.get("actor", "")
    changed = [obj for obj in (*session.new, *session.dirty, *session.deleted)
               if obj in session.new or obj in session.deleted
               or session.is_modified(obj, include_collections=True)]
    touched: dict[int, Audited] = {}
    for obj in changed:
        if isinstance(obj, Audited) and obj not in session.deleted:
            touched[id(obj)] = obj
        for owner in _owners(session, obj):
            if owner not in session.deleted:
                touched[id(owner)] = owner
    now = utc_now()
    for record in touched.values():
        record.changed_by = actor
        if record not in session.new:
            record.updated_at = now  # a column that changes: the UPDATE moves the version
            expected = session.info.setdefault(EXPECTED_VERSIONS, {})
            expected[(type(record), instance_state(record).identity)] = record.version


def who_changed_first(session_factory, expected: dict[tuple[type, Any], int]
                      ) -> tuple[str, datetime | None] | None:
    """After a save collided: who saved the record meanwhile, and when (None if unknown)."""
    with session_factory() as session:
        for (model, record_id), version in expected.items():
            current = session.get(model, record_id)
            if current is not None and current.version != version:
                return current.changed_by, current.updated_at
    return None
