"""Declarative base and the columns every editable row carries.

Editable rows have a version counter that SQLAlchemy checks on every UPDATE and DELETE
(optimistic locking: two clerks editing one row get a conflict, not a silent overwrite),
creation and change timestamps, and the name of whoever changed them last.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints so Alembic migrations can address them on both SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __repr__(self) -> str:
        shown = getattr(self, "__repr_fields__", ("id",))
        fields = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in shown)
        return f"<{type(self).__name__} {fields}>"


class Audited:
    """Mixin for editable rows: version counter, timestamps and last editor."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utc_now
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now
    )
    changed_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


def db_enum(enum_class: type[enum.Enum], name: str) -> SqlEnum:
    """A portable enum column: VARCHAR plus CHECK on both SQLite and PostgreSQL."""
    return SqlEnum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_class) + 4,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
