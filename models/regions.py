"""Regions (Kemendagri codes), task forces and the editable catalogues they use."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base, db_enum
from models.enums import RegionLevel, TimeZone


class Region(Audited, Base):
    """A province ("63") or kabupaten/kota ("63.71") with its Kemendagri code."""

    __tablename__ = "regions"
    __repr_fields__ = ("id", "code", "name")

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(13), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[RegionLevel] = mapped_column(db_enum(RegionLevel, "region_level"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    time_zone: Mapped[TimeZone] = mapped_column(db_enum(TimeZone, "time_zone"))

    parent: Mapped[Region | None] = relationship(remote_side=[id])


class TaskForce(Audited, Base):
    """The GT PP-TPPO of one region, formed (or not yet) by a decree (SK)."""

    __tablename__ = "task_forces"
    __repr_fields__ = ("id", "name")

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    formed: Mapped[bool] = mapped_column(Boolean, default=False)
    decree_number: Mapped[str] = mapped_column(String(120), default="")
    decree_date: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    secretariat_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    region: Mapped[Region] = relationship()


class SubTaskForce(Audited, Base):
    """One of the sub gugus tugas (by default the six RAN strategies)."""

    __tablename__ = "sub_task_forces"
    __repr_fields__ = ("id", "position", "name")

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class FocusArea(Audited, Base):
    """A focus category for commitments (defaults: the four of the Kalsel rakor 2025)."""

    __tablename__ = "focus_areas"
    __repr_fields__ = ("id", "position", "name")

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
