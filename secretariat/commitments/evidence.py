"""Evidence (bukti dukung) attached to follow-ups: letters, photos, PDFs.

A file is read whole, checked and hashed before any transaction starts, then stored in the
database with its follow-up, so a refused file changes nothing and a shared PostgreSQL
office sees it from every PC. To look at it, a copy is written to the data folder after the
checksum proves the stored bytes are still the ones attached.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from models import EvidenceFile, FollowUp
from secretariat.errors import DatabaseProblem, FileProblem, ValidationError
from secretariat.file_errors import os_reason
from secretariat.i18n import _
from secretariat.records import get_or_fail

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024  # a scanned letter or a phone photo; not a video archive

# Opened with the system's viewer, so only documents, pictures and recordings: never
# anything Windows would run (.exe, .bat, .js, .lnk ...).
ALLOWED_SUFFIXES = frozenset({
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".bmp", ".tif", ".tiff",
    ".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".csv",
    ".ppt", ".pptx", ".odp", ".mp3", ".m4a", ".ogg", ".opus", ".mp4",
})

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


@dataclass(frozen=True)
class PendingEvidence:
    """A file read and checked, waiting to be stored with its follow-up."""

    file_name: str
    media_type: str
    content: bytes
    sha256: str


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    follow_up_id: int
    file_name: str
    media_type: str
    size_bytes: int
    sha256: str


def safe_file_name(name: str) -> str:
    """The name kept for the file: no path, no characters Windows refuses, at most 255."""
    cleaned = _UNSAFE_NAME.sub("_", Path(name).name).strip(" .")
    stem, suffix = os.path.splitext(cleaned or "bukti")
    return stem[: 255 - len(suffix)] + suffix


def read_evidence(path: str | os.PathLike) -> PendingEvidence:
    """Read one file the user chose, refusing with a clear message what cannot be kept."""
    path = Path(path)
    shown = path.name
    if path.suffix.lower() not in ALLOWED_SUFFIXES:
        raise ValidationError(_(
            "{name} cannot be attached: evidence must be a document, picture or recording "
            "(PDF, JPG, PNG, Word, Excel, …).").format(name=shown), field="evidence")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationError(_("{name} is not a file.").format(name=shown),
                                  field="evidence")
        if size > MAX_EVIDENCE_BYTES:
            raise ValidationError(_(
                "{name} is {size} MB; evidence files may be at most {limit} MB. Scan or "
                "photograph it at a lower resolution.").format(
                    name=shown, size=round(size / 1_048_576, 1),
                    limit=MAX_EVIDENCE_BYTES // 1_048_576), field="evidence")
        content = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(_("{name} was not found; was it moved or deleted?").format(
            name=shown), field="evidence") from None
    except PermissionError:
        raise FileProblem(_("{name} cannot be read: it may be open in another program, or "
                            "you may not have access to it.").format(name=shown)) from None
    except OSError as error:
        raise FileProblem(_("{name} cannot be read: {reason}").format(
            name=shown, reason=os_reason(error))) from None
    media_type = mimetypes.guess_type(shown)[0] or "application/octet-stream"
    return PendingEvidence(safe_file_name(shown), media_type, content,
                           hashlib.sha256(content).hexdigest())


def store_evidence(session, follow_up_id: int, files: tuple[PendingEvidence, ...],
                   added_by: str = "") -> list[int]:
    """Add checked files to a follow-up inside the caller's unit of work."""
    stored = []
    for pending in files:
        record = EvidenceFile(
            follow_up_id=follow_up_id, file_name=pending.file_name,
            media_type=pending.media_type, size_bytes=len(pending.content),
            sha256=pending.sha256, storage_key=uuid.uuid4().hex, added_by=added_by,
            content=pending.content,
        )
        session.add(record)
        stored.append(record)
    session.flush()
    return [record.id for record in stored]


def add_evidence(db, follow_up_id: int, paths: list[str | os.PathLike]) -> list[int]:
    """Attach files to a follow-up recorded earlier (the signed letter arrived later)."""
    files = tuple(read_evidence(path) for path in paths)  # all read before anything is written
    with db.unit_of_work() as session:
        get_or_fail(session, FollowUp, follow_up_id, _("Follow-up"))
        return store_evidence(session, follow_up_id, files)


def list_evidence(db, commitment_id: int) -> dict[int, list[EvidenceRow]]:
    """Every evidence file of one commitment's follow-ups, by follow-up, in one query."""
    query = (
        select(EvidenceFile.id, EvidenceFile.follow_up_id, EvidenceFile.file_name,
               EvidenceFile.media_type, EvidenceFile.size_bytes, EvidenceFile.sha256)
        .join(FollowUp, EvidenceFile.follow_up_id == FollowUp.id)
        .where(FollowUp.commitment_id == commitment_id)
        .order_by(EvidenceFile.id)
    )
    found: dict[int, list[EvidenceRow]] = {}
    with db.reading() as session:
        for values in session.execute(query):
            row = EvidenceRow(*values)
            found.setdefault(row.follow_up_id, []).append(row)
    return found


def copy_for_viewing(db, evidence_id: int, folder: Path) -> Path:
    """Write the stored file to `folder` for the system's viewer, after checking its sum."""
    with db.reading() as session:
        record = get_or_fail(session, EvidenceFile, evidence_id, _("Evidence file"))
        content, name, expected = record.content, record.file_name, record.sha256
    if content is None or hashlib.sha256(content).hexdigest() != expected:
        raise DatabaseProblem(_(
            "The stored copy of {name} is damaged (its checksum no longer matches). Restore "
            "it from a backup or attach the original again.").format(name=name))
    target = Path(folder) / f"{evidence_id}-{name}"
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(content)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise FileProblem(_("{path} cannot be written: it may be open in another program "
                            "(close it there).").format(path=target)) from error
    return target
