"""Commitments signed at meetings and the follow-up log that tracks each to the end."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base, db_enum
from models.enums import CommitmentStatus, FollowUpSource

commitment_supporting_agencies = Table(
    "commitment_supporting_agencies",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id"), primary_key=True, index=True),
)

commitment_signatories = Table(
    "commitment_signatories",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id"), primary_key=True, index=True),
)


class Commitment(Audited, Base):
    """A commitment (kesepakatan/komitmen/rekomendasi) agreed at a meeting."""

    __tablename__ = "commitments"
    __repr_fields__ = ("id", "meeting_id", "number", "status")

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    number: Mapped[int] = mapped_column(Integer)  # its number within the meeting
    text: Mapped[str] = mapped_column(Text)
    action_plan: Mapped[str] = mapped_column(Text, default="")  # rencana aksi
    focus_area_id: Mapped[int | None] = mapped_column(ForeignKey("focus_areas.id"))
    sub_task_force_id: Mapped[int | None] = mapped_column(ForeignKey("sub_task_forces.id"))
    lead_agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    due_date: Mapped[date | None] = mapped_column(Date)
    indicator: Mapped[str] = mapped_column(Text, default="")  # indikator/target
    status: Mapped[CommitmentStatus] = mapped_column(
        db_enum(CommitmentStatus, "commitment_status"), default=CommitmentStatus.NOT_STARTED
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")  # keterangan

    supporting_agencies = relationship("Agency", secondary=commitment_supporting_agencies)
    signatory_agencies = relationship("Agency", secondary=commitment_signatories)
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="commitment", order_by="FollowUp.date.desc()"
    )

    __table_args__ = (
        UniqueConstraint("meeting_id", "number", name="uq_commitments_number"),
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
        # The open-commitments page of one agency, sorted by due date.
        Index("ix_commitments_lead_status_due", "lead_agency_id", "status", "due_date"),
        Index("ix_commitments_status_due", "status", "due_date"),
        # The carry-forward list: the open commitments of each earlier meeting.
        Index("ix_commitments_meeting_status", "meeting_id", "status"),
    )


class FollowUp(Audited, Base):
    """One step reported on a commitment, with the status and progress after it."""

    __tablename__ = "follow_ups"
    __repr_fields__ = ("id", "commitment_id", "date", "status_after")

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE")
    )
    date: Mapped[date] = mapped_column(Date)
    reporting_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    source: Mapped[FollowUpSource] = mapped_column(db_enum(FollowUpSource, "follow_up_source"))
    # A progress report given at a meeting is linked to it.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    obstacles: Mapped[str] = mapped_column(Text, default="")  # kendala
    status_after: Mapped[CommitmentStatus] = mapped_column(
        db_enum(CommitmentStatus, "commitment_status")
    )
    progress_after: Mapped[int] = mapped_column(Integer)
    status_reason: Mapped[str] = mapped_column(Text, default="")

    commitment: Mapped[Commitment] = relationship(back_populates="follow_ups")
    evidence_files: Mapped[list[EvidenceFile]] = relationship(back_populates="follow_up")

    __table_args__ = (
        Index("ix_follow_ups_commitment_date", "commitment_id", "date"),
        CheckConstraint("progress_after >= 0 AND progress_after <= 100", name="progress_range"),
    )


class EvidenceFile(Base):
    """A file (letter, photo, PDF) attached to a follow-up as bukti dukung.

    The content is stored in the database (`content`); `storage_key` names the copy
    handed to the system's viewer, and the checksum proves the bytes are the ones attached.
    """

    __tablename__ = "evidence_files"
    __repr_fields__ = ("id", "file_name", "sha256")

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(
        ForeignKey("follow_ups.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(255), unique=True)
    added_by: Mapped[str] = mapped_column(String(100), default="")
    # The bytes live in the database itself, so a shared PostgreSQL office sees them from
    # every PC and each backup carries them. Deferred: lists never load them.
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    follow_up: Mapped[FollowUp] = relationship(back_populates="evidence_files")
