"""The data model: typed SQLAlchemy 2 classes, the engine factory and migrations.

The ORM classes load on first use (`from models import Commitment`), not when the package
is imported: the program's first screen reads `models.enums` and `SCHEMA_REVISION` through
the standard library's sqlite3, and loading SQLAlchemy and declaring the classes would
double the time until the window shows its data.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from models.enums import (
    AgencyLevel,
    AttendanceStatus,
    CommitmentStatus,
    FollowUpSource,
    MeetingKind,
    MeetingStatus,
    PaperSize,
    RegionLevel,
    TimeZone,
)

# The Alembic revision these classes correspond to. A database at another revision is
# upgraded at start (if older) or refused (if newer).
SCHEMA_REVISION = "0006"

# Where each ORM name is declared. All modules load together, so relationships that name
# another class by string always find it.
_ORM_MODULES = {
    "models.agencies": ("Agency", "ContactPerson", "Membership"),
    "models.base": ("Audited", "Base"),
    "models.commitments": ("Commitment", "EvidenceFile", "FollowUp", "commitment_signatories",
                           "commitment_supporting_agencies"),
    "models.letterhead": ("Letterhead",),
    "models.meetings": ("AgendaItem", "ArchivedMinutes", "Attendance", "Meeting"),
    "models.requests": ("ProgressRequest", "progress_request_items"),
    "models.regions": ("FocusArea", "Region", "SubTaskForce", "TaskForce"),
}


def __getattr__(name: str):
    if not any(name in names for names in _ORM_MODULES.values()):
        raise AttributeError(f"module 'models' has no attribute {name!r}")
    for module_name, names in _ORM_MODULES.items():
        module = importlib.import_module(module_name)
        for orm_name in names:
            globals()[orm_name] = getattr(module, orm_name)
    return globals()[name]


if TYPE_CHECKING:
    from models.agencies import Agency, ContactPerson, Membership
    from models.base import Audited, Base
    from models.commitments import (
        Commitment,
        EvidenceFile,
        FollowUp,
        commitment_signatories,
        commitment_supporting_agencies,
    )
    from models.letterhead import Letterhead
    from models.meetings import AgendaItem, Attendance, Meeting
    from models.regions import FocusArea, Region, SubTaskForce, TaskForce
    from models.requests import ProgressRequest, progress_request_items

__all__ = [
    "SCHEMA_REVISION",
    "AgendaItem", "Agency", "AgencyLevel", "Attendance", "AttendanceStatus", "Audited", "Base",
    "Commitment", "CommitmentStatus", "ContactPerson", "EvidenceFile", "FocusArea", "FollowUp",
    "FollowUpSource", "Letterhead", "Meeting", "MeetingKind", "MeetingStatus", "Membership",
    "PaperSize", "ProgressRequest", "Region", "RegionLevel", "SubTaskForce", "TaskForce",
    "TimeZone",
    "commitment_signatories", "commitment_supporting_agencies", "progress_request_items",
]
