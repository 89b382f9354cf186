"""The letterhead (kop surat) and page settings used by every document."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Audited, Base, db_enum
from models.enums import PaperSize


class Letterhead(Audited, Base):
    """Kop surat of the secretariat. One default row (task force empty) or one per task force."""

    __tablename__ = "letterheads"
    __repr_fields__ = ("id", "agency_line")

    id: Mapped[int] = mapped_column(primary_key=True)
    task_force_id: Mapped[int | None] = mapped_column(ForeignKey("task_forces.id"), unique=True)
    government_line: Mapped[str] = mapped_column(String(200), default="")
    agency_line: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")  # where documents are signed
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_file_name: Mapped[str] = mapped_column(String(255), default="")
    paper_size: Mapped[PaperSize] = mapped_column(
        db_enum(PaperSize, "paper_size"), default=PaperSize.A4
    )
    # Margins in millimetres (Tata Naskah Dinas defaults; a setting, since offices differ).
    margin_top_mm: Mapped[int] = mapped_column(Integer, default=20)
    margin_left_mm: Mapped[int] = mapped_column(Integer, default=30)
    margin_right_mm: Mapped[int] = mapped_column(Integer, default=20)
    margin_bottom_mm: Mapped[int] = mapped_column(Integer, default=25)
    font_size_pt: Mapped[int] = mapped_column(Integer, default=11)
    # Who signs this office's letters unless a letter names another signer: its head.
    signer_name: Mapped[str] = mapped_column(String(160), default="")
    signer_position: Mapped[str] = mapped_column(String(200), default="")  # jabatan
    signer_rank: Mapped[str] = mapped_column(String(100), default="")  # pangkat/golongan
    signer_nip: Mapped[str] = mapped_column(String(30), default="")
    carbon_copies: Mapped[str] = mapped_column(Text, default="")  # Tembusan, one per line
    # "tnd": the number top centre, none on the kop page (Tata Naskah Dinas letters and
    # laporan); "of_total": "Halaman x dari y" at the foot (annexes and matrices always).
    page_numbering: Mapped[str] = mapped_column(String(20), default="tnd")

    __table_args__ = (
        # At most one default letterhead: NULLs never clash in a unique column, so the
        # rows without a task force share one constant key in a partial index.
        Index(
            "uq_letterheads_one_default",
            text("(task_force_id IS NULL)"),
            unique=True,
            sqlite_where=text("task_force_id IS NULL"),
            postgresql_where=text("task_force_id IS NULL"),
        ),
    )
