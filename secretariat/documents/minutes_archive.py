"""Final minutes kept as they were signed: the PDF made at finalising is the reprint.

A notulen signed in March and reprinted in December must be the same document, not a new
rendering on December's letterhead with December's office head and paper setting. So
making the minutes final renders them once, in the same transaction as the status change
(a render that fails leaves the minutes a draft), and keeps the bytes, the letterhead then
in force and their checksum with the meeting. Both copies are kept: the full one the chair
signs and the circulated one that goes round the agencies.

The writers live in `exports`, which builds on this package: the caller hands in the
function that renders a report to a file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from models import ArchivedMinutes, Meeting, MeetingStatus
from models.base import utc_now
from secretariat.documents.letterhead import LetterheadSettings
from secretariat.documents.minutes_and_attendance import MinutesReport, minutes_report
from secretariat.meetings.lifecycle import finalise_in

RenderMinutes = Callable[[MinutesReport, Path], object]


@dataclass(frozen=True)
class ArchivedCopy:
    file_name: str
    content: bytes
    finalised_at: datetime
    finalised_by: str
    sha256: str


def finalise_and_archive(db, meeting_id: int, expected_version: int,
                         render: RenderMinutes) -> None:
    """Make the minutes final and keep the PDF of both copies, all or nothing."""
    copies = {circulated: _rendered(db, meeting_id, circulated, render)
              for circulated in (False, True)}
    with db.unit_of_work() as session:
        meeting = finalise_in(session, meeting_id, expected_version)
        now = utc_now()
        for circulated, (report, content) in copies.items():
            session.add(ArchivedMinutes(
                meeting_id=meeting.id, finalised_at=now,
                finalised_by=session.info.get("actor", ""),
                file_name=_file_name(report, circulated), sha256=_checksum(content),
                letterhead=_letterhead_record(report.letterhead), content=content,
                circulated=circulated, superseded=False))


def archived_minutes(db, meeting_id: int, *, circulated: bool) -> ArchivedCopy | None:
    """The PDF kept when the minutes were made final, or None (draft minutes, or minutes
    made final before the program kept them)."""
    with db.reading() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.status is not MeetingStatus.MINUTES_FINAL:
            return None
        row = session.scalar(
            select(ArchivedMinutes)
            .where(ArchivedMinutes.meeting_id == meeting_id,
                   ArchivedMinutes.circulated.is_(circulated),
                   ArchivedMinutes.superseded.is_(False))
            .order_by(ArchivedMinutes.id.desc()).limit(1))
        if row is None:
            return None
        content = row.content
        if _checksum(content) != row.sha256:  # never hand out a copy that changed
            return None
        return ArchivedCopy(row.file_name, content, row.finalised_at, row.finalised_by,
                            row.sha256)


def _rendered(db, meeting_id: int, circulated: bool,
              render: RenderMinutes) -> tuple[MinutesReport, bytes]:
    report = minutes_report(db, meeting_id, full=not circulated)
    report = replace(report, draft=False)  # as it will be once the status is written
    with tempfile.TemporaryDirectory(prefix="notulen-") as folder:
        target = Path(folder) / "notulen.pdf"
        render(report, target)
        return report, target.read_bytes()


def _file_name(report: MinutesReport, circulated: bool) -> str:
    kind = "edaran" if circulated else "lengkap"
    return f"Notulen {report.title} ({kind}).pdf"[:255]


def _checksum(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _letterhead_record(settings: LetterheadSettings) -> str:
    """The letterhead as JSON, its logo in base64: what the kop said on the day."""
    values = asdict(settings)
    logo = values.pop("logo")
    values["logo_base64"] = base64.b64encode(logo).decode("ascii") if logo else ""
    values["paper_size"] = str(values["paper_size"])
    return json.dumps(values, ensure_ascii=False, sort_keys=True)
