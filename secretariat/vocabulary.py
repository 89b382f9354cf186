"""The words people read for the stored codes, in the language in use."""

from __future__ import annotations

from enum import Enum

from models import (
    AgencyLevel,
    AttendanceStatus,
    CommitmentStatus,
    FollowUpSource,
    MeetingKind,
    MeetingStatus,
    RegionLevel,
)
from secretariat.i18n import N_, _, in_documents

_LABELS: dict[Enum, str] = {
    CommitmentStatus.NOT_STARTED: N_("Not yet followed up"),
    CommitmentStatus.IN_PROGRESS: N_("In progress"),
    CommitmentStatus.DONE: N_("Done"),
    CommitmentStatus.CANNOT: N_("Cannot be followed up"),
    MeetingStatus.PLANNED: N_("Planned"),
    MeetingStatus.HELD: N_("Held"),
    MeetingStatus.MINUTES_DRAFT: N_("Minutes in draft"),
    MeetingStatus.MINUTES_FINAL: N_("Minutes final"),
    MeetingStatus.CANCELLED: N_("Cancelled"),
    MeetingKind.RAKOR: N_("Coordination meeting (rakor)"),
    MeetingKind.TECHNICAL: N_("Technical meeting"),
    MeetingKind.FGD: N_("Focus group discussion"),
    MeetingKind.OUTREACH: N_("Outreach (sosialisasi)"),
    MeetingKind.MONITORING: N_("Monitoring and evaluation"),
    MeetingKind.SYNCHRONISATION: N_("Coordination and synchronisation meeting"),
    MeetingKind.OTHER: N_("Other meeting"),
    AttendanceStatus.INVITED: N_("Invited"),
    AttendanceStatus.PRESENT: N_("Present"),
    AttendanceStatus.ABSENT: N_("Absent"),
    AttendanceStatus.EXCUSED: N_("Excused"),
    AttendanceStatus.REPRESENTED: N_("Represented"),
    FollowUpSource.MEETING: N_("Meeting"),
    FollowUpSource.LETTER: N_("Letter"),
    FollowUpSource.PHONE: N_("Phone/WhatsApp"),
    FollowUpSource.VISIT: N_("Visit"),
    FollowUpSource.REPORT: N_("Report"),
    AgencyLevel.NATIONAL: N_("National"),
    AgencyLevel.PROVINCE: N_("Province"),
    AgencyLevel.REGENCY: N_("Regency/city"),
    AgencyLevel.COMMUNITY: N_("Community"),
    RegionLevel.PROVINCE: N_("Province"),
    RegionLevel.REGENCY: N_("Regency"),
    RegionLevel.CITY: N_("City"),
}


def label(code: Enum) -> str:
    """The translated label of a stored code (status, kind, source, level)."""
    return _(_LABELS[code])


def document_label(code: Enum) -> str:
    """The label as official documents print it (Indonesian, whatever the screens use)."""
    return in_documents(_LABELS[code])
