"""The tables of a commitment's window: follow-up log, evidence, status history, requests."""

from __future__ import annotations

from PySide6.QtGui import QColor

from models import CommitmentStatus
from secretariat.commitments.evidence import EvidenceRow
from secretariat.commitments.follow_ups import FollowUpRow, StatusChange
from secretariat.commitments.request_letters import RequestRow
from secretariat.i18n import _
from secretariat.vocabulary import label
from ui.formatting import short_date
from ui.table_model import Column

STATUS_COLOURS = {
    CommitmentStatus.NOT_STARTED: QColor("#5f6368"),
    CommitmentStatus.IN_PROGRESS: QColor("#9a5b00"),
    CommitmentStatus.DONE: QColor("#1e6b2a"),
    CommitmentStatus.CANNOT: QColor("#5b3f85"),
}


def _first_line(value: str, limit: int = 120) -> str:
    line = value.strip().splitlines()[0] if value.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def size_text(size: int) -> str:
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def log_columns(evidence_counts: dict[int, int]) -> list[Column[FollowUpRow]]:
    return [
        Column(_("Date"), lambda r: short_date(r.date), lambda r: (r.date, r.id)),
        Column(_("Agency"), lambda r: r.reporting_agency or "—"),
        Column(_("Source"), lambda r: label(r.source)),
        Column(_("Status"), lambda r: label(r.status_after),
               foreground=lambda r: STATUS_COLOURS[r.status_after],
               tooltip=lambda r: r.status_reason),
        Column(_("Progress"), lambda r: f"{r.progress_after} %", lambda r: r.progress_after,
               align_right=True),
        Column(_("What was done"), lambda r: _first_line(r.note), tooltip=lambda r: r.note),
        Column(_("Obstacles"), lambda r: _first_line(r.obstacles),
               tooltip=lambda r: r.obstacles),
        Column(_("Evidence"), lambda r: str(evidence_counts.get(r.id, 0) or ""),
               lambda r: evidence_counts.get(r.id, 0), align_right=True),
    ]


def evidence_columns() -> list[Column[EvidenceRow]]:
    return [
        Column(_("File"), lambda r: r.file_name, tooltip=lambda r: f"SHA-256 {r.sha256}"),
        Column(_("Size"), lambda r: size_text(r.size_bytes), lambda r: r.size_bytes,
               align_right=True),
    ]


def history_columns() -> list[Column[StatusChange]]:
    return [
        Column(_("Date"), lambda r: short_date(r.date)),
        Column(_("Status"), lambda r: label(r.status),
               foreground=lambda r: STATUS_COLOURS[r.status]),
        Column(_("Progress"), lambda r: f"{r.progress} %", align_right=True),
        Column(_("Reason"), lambda r: r.reason or ("" if r.follow_up_id else _("Agreed")),
               tooltip=lambda r: r.reason),
    ]


def request_columns() -> list[Column[RequestRow]]:
    return [
        Column(_("Sent on"), lambda r: short_date(r.sent_on)),
        Column(_("Letter number"), lambda r: r.letter_number or "—"),
        Column(_("To"), lambda r: r.agency),
        Column(_("Reply by"), lambda r: short_date(r.reply_by) if r.reply_by else "—"),
    ]
