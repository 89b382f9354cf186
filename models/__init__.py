"""The data model: typed SQLAlchemy 2 classes, the engine factory and migrations."""

from models.agencies import Agency, ContactPerson, Membership
from models.base import Audited, Base
from models.commitments import (
    Commitment,
    EvidenceFile,
    FollowUp,
    commitment_signatories,
    commitment_supporting_agencies,
)
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
from models.letterhead import Letterhead
from models.meetings import AgendaItem, Attendance, Meeting
from models.requests import ProgressRequest, progress_request_items
from models.regions import FocusArea, Region, SubTaskForce, TaskForce

# The Alembic revision these classes correspond to. A database at another revision is
# upgraded at start (if older) or refused (if newer).
SCHEMA_REVISION = "0002"

__all__ = [
    "SCHEMA_REVISION",
    "AgendaItem", "Agency", "AgencyLevel", "Attendance", "AttendanceStatus", "Audited", "Base",
    "Commitment", "CommitmentStatus", "ContactPerson", "EvidenceFile", "FocusArea", "FollowUp",
    "FollowUpSource", "Letterhead", "Meeting", "MeetingKind", "MeetingStatus", "Membership",
    "PaperSize", "ProgressRequest", "Region", "RegionLevel", "SubTaskForce", "TaskForce", "TimeZone",
    "commitment_signatories", "commitment_supporting_agencies", "progress_request_items",
]
