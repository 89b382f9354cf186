"""Closed vocabularies stored as short English codes.

The codes are what the database and JSON hold; people read the labels that
`secretariat.vocabulary` gives in their language. Plain Python: the first screen reads
them before SQLAlchemy is loaded (the column type is `models.base.db_enum`).
"""

from __future__ import annotations

import enum


class RegionLevel(enum.StrEnum):
    PROVINCE = "province"
    REGENCY = "regency"  # kabupaten
    CITY = "city"  # kota


class TimeZone(enum.StrEnum):
    WIB = "WIB"  # UTC+7
    WITA = "WITA"  # UTC+8
    WIT = "WIT"  # UTC+9


class AgencyLevel(enum.StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    REGENCY = "regency"
    COMMUNITY = "community"  # NGOs, religious leaders, universities, ormas


class MeetingKind(enum.StrEnum):
    RAKOR = "rakor"
    TECHNICAL = "technical"  # rapat teknis
    FGD = "fgd"
    OUTREACH = "outreach"  # sosialisasi
    MONITORING = "monitoring"  # monitoring dan evaluasi (monev)
    SYNCHRONISATION = "synchronisation"  # pertemuan koordinasi dan sinkronisasi
    OTHER = "other"


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    MINUTES_DRAFT = "minutes_draft"
    MINUTES_FINAL = "minutes_final"
    CANCELLED = "cancelled"


class AttendanceStatus(enum.StrEnum):
    INVITED = "invited"  # not yet recorded
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"
    REPRESENTED = "represented"


class CommitmentStatus(enum.StrEnum):
    """The follow-up statuses of Peraturan BPK 2/2017 (Pasal 6-7)."""

    NOT_STARTED = "not_started"  # Belum Ditindaklanjuti
    IN_PROGRESS = "in_progress"  # Dalam Proses
    DONE = "done"  # Selesai
    CANNOT = "cannot"  # Tidak Dapat Ditindaklanjuti (needs a reason)

    @classmethod
    def open_statuses(cls) -> tuple[CommitmentStatus, ...]:
        return (cls.NOT_STARTED, cls.IN_PROGRESS)


class FollowUpSource(enum.StrEnum):
    MEETING = "meeting"
    LETTER = "letter"
    PHONE = "phone"  # phone or WhatsApp
    VISIT = "visit"
    REPORT = "report"


class PaperSize(enum.StrEnum):
    A4 = "A4"
    F4 = "F4"  # Folio 215 x 330 mm
