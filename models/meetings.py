"""Meetings (rakor and others), their agenda and who attended."""

from __future__ import annotations

from datetime import date as date_type
from datetime import datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base, db_enum
from models.enums import AttendanceStatus, MeetingKind, MeetingStatus, TimeZone


class Meeting(Audited, Base):
    """A meeting of one task force on a local date and time in the region's time zone."""

    __tablename__ = "meetings"
    __repr_fields__ = ("id", "date", "title")

    id: Mapped[int] = mapped_column(primary_key=True)
    task_force_id: Mapped[int] = mapped_column(ForeignKey("task_forces.id"))
    kind: Mapped[MeetingKind] = mapped_column(db_enum(MeetingKind, "meeting_kind"))
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[date_type] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    time_zone: Mapped[TimeZone] = mapped_column(db_enum(TimeZone, "time_zone"))
    # The start as a UTC instant (naive, always UTC), 00.00 local when no start time is
    # set: what meetings in different zones are ordered and compared by. Written with the
    # date, time and zone by the use cases (secretariat.meetings.instants says why).
    starts_at_utc: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    organiser_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    invitation_number: Mapped[str] = mapped_column(String(120), default="")
    chair_name: Mapped[str] = mapped_column(String(160), default="")
    chair_position: Mapped[str] = mapped_column(String(200), default="")
    chair_rank: Mapped[str] = mapped_column(String(100), default="")
    chair_nip: Mapped[str] = mapped_column(String(30), default="")
    secretary_name: Mapped[str] = mapped_column(String(160), default="")
    note_taker_name: Mapped[str] = mapped_column(String(160), default="")
    note_taker_position: Mapped[str] = mapped_column(String(200), default="")
    note_taker_nip: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        db_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.PLANNED
    )
    opening: Mapped[str] = mapped_column(Text, default="")  # kata pembukaan
    conclusions: Mapped[str] = mapped_column(Text, default="")  # keputusan/kesimpulan
    # Why final minutes were reopened; kept so the change of a signed text is explained.
    reopen_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position"
    )

    __table_args__ = (
        Index("ix_meetings_task_force_date", "task_force_id", "date"),
        # A task force's meetings in time order: carry-forward, clashes, its latest rakor.
        Index("ix_meetings_task_force_start", "task_force_id", "starts_at_utc"),
    )


class AgendaItem(Audited, Base):
    """One item of a meeting's agenda with what was discussed and decided."""

    __tablename__ = "agenda_items"
    __repr_fields__ = ("id", "meeting_id", "position", "title")

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    presenter: Mapped[str] = mapped_column(String(200), default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")

    __table_args__ = (UniqueConstraint("meeting_id", "position", name="uq_agenda_items_order"),)


class Attendance(Audited, Base):
    """One invited or attending person or agency at a meeting (a daftar hadir line)."""

    __tablename__ = "attendances"
    __repr_fields__ = ("id", "meeting_id", "name", "status")

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("contact_people.id"))
    name: Mapped[str] = mapped_column(String(160), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[AttendanceStatus] = mapped_column(
        db_enum(AttendanceStatus, "attendance_status"), default=AttendanceStatus.INVITED
    )
    represented_by: Mapped[str] = mapped_column(String(160), default="")
    # The deputy's own details, printed under "Mewakili ..." instead of the official's.
    represented_position: Mapped[str] = mapped_column(String(200), default="")
    represented_unit: Mapped[str] = mapped_column(String(200), default="")
    represented_phone: Mapped[str] = mapped_column(String(60), default="")

    __table_args__ = (
        # A contact person is on a meeting's list once, even when two clerks add them at once.
        Index("uq_attendances_person", "meeting_id", "person_id", unique=True,
              sqlite_where=text("person_id IS NOT NULL"),
              postgresql_where=text("person_id IS NOT NULL")),
    )


class ArchivedMinutes(Base):
    """The notulen PDF exactly as it was made final, with the letterhead then in force.

    A reprint of final minutes is this document, byte for byte, not a new rendering on
    today's letterhead. Reopening marks it superseded; it is never deleted, so the record
    keeps every text that was once signed.
    """

    __tablename__ = "archived_minutes"
    __repr_fields__ = ("id", "meeting_id", "finalised_at")

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    finalised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finalised_by: Mapped[str] = mapped_column(String(100), default="")
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    letterhead: Mapped[str] = mapped_column(Text, default="")  # its settings, as JSON
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    # The circulated copy (terbatas commitments and phone numbers left out) or the full one.
    circulated: Mapped[bool] = mapped_column(Boolean, default=False)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
