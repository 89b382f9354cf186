"""Member agencies, their contact people and their memberships in task forces."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base, db_enum
from models.enums import AgencyLevel


class Agency(Audited, Base):
    """A member agency. Renamed agencies keep their history through `renamed_from`."""

    __tablename__ = "agencies"
    __repr_fields__ = ("id", "abbreviation")

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(250))
    abbreviation: Mapped[str] = mapped_column(String(40))
    # The head's title letters are addressed to ("Kepala Kepolisian Daerah Kalimantan
    # Selatan"): an office, not the person who holds it today.
    office_title: Mapped[str] = mapped_column(String(250), default="")
    sector: Mapped[str] = mapped_column(String(60), default="")
    level: Mapped[AgencyLevel] = mapped_column(db_enum(AgencyLevel, "agency_level"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    renamed_from_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[ContactPerson]] = relationship(back_populates="agency")
    renamed_from: Mapped[Agency | None] = relationship(remote_side=[id])

    __table_args__ = (
        # Abbreviations are unique among active agencies, ignoring case; an archived
        # agency may keep the abbreviation its successor uses.
        Index(
            "uq_agencies_active_abbreviation",
            func.lower(abbreviation),
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )


class ContactPerson(Audited, Base):
    """A person of an agency who attends meetings or answers for its commitments."""

    __tablename__ = "contact_people"
    __repr_fields__ = ("id", "name")

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    position: Mapped[str] = mapped_column(String(200), default="")  # jabatan
    rank: Mapped[str] = mapped_column(String(100), default="")  # pangkat/golongan
    nip: Mapped[str] = mapped_column(String(30), default="")
    nrp: Mapped[str] = mapped_column(String(20), default="")  # Polri/TNI, instead of an NIP
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    focal_point: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    agency: Mapped[Agency] = relationship(back_populates="contacts")


class Membership(Audited, Base):
    """An agency's seat in a task force: its role and, optionally, its sub task force."""

    __tablename__ = "memberships"
    __repr_fields__ = ("id", "task_force_id", "agency_id", "role")

    id: Mapped[int] = mapped_column(primary_key=True)
    task_force_id: Mapped[int] = mapped_column(ForeignKey("task_forces.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    # Roles differ per region and changed in 2023, so they are text, not a fixed list.
    role: Mapped[str] = mapped_column(String(100))
    sub_task_force_id: Mapped[int | None] = mapped_column(ForeignKey("sub_task_forces.id"))
    leads_sub_task_force: Mapped[bool] = mapped_column(Boolean, default=False)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    agency: Mapped[Agency] = relationship()

    __table_args__ = (
        UniqueConstraint(
            "task_force_id", "agency_id", "sub_task_force_id", name="uq_memberships_seat"
        ),
        # NULLs never clash in the constraint above: the seat without a sub task force
        # needs its own partial index.
        Index("uq_memberships_plain_seat", "task_force_id", "agency_id", unique=True,
              sqlite_where=text("sub_task_force_id IS NULL"),
              postgresql_where=text("sub_task_force_id IS NULL")),
    )
