"""Requests for a progress update sent to an agency (surat permintaan laporan perkembangan).

Most member agencies never open the program: the secretariat writes to them, listing their
open commitments, and records that the letter went out. The answer comes back as follow-ups.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base

progress_request_items = Table(
    "progress_request_items",
    Base.metadata,
    Column("request_id", ForeignKey("progress_requests.id", ondelete="CASCADE"),
           primary_key=True),
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class ProgressRequest(Audited, Base):
    """One letter asking one agency how its commitments stand."""

    __tablename__ = "progress_requests"
    __repr_fields__ = ("id", "agency_id", "sent_on")

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    letter_number: Mapped[str] = mapped_column(String(120), default="")
    sent_on: Mapped[date] = mapped_column(Date)
    reply_by: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    commitments = relationship("Commitment", secondary=progress_request_items)
