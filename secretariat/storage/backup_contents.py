"""What a backup really holds, checked before a restore replaces anything.

A file that only claims to be a backup (an SQLite file with nothing but a version row, an
export with a header and no tables) used to replace all data, and every screen then failed
on missing tables. A backup is inspected whole first: an SQLite copy is checked for
integrity, copied aside, brought up to this program's schema there and compared table by
table, column by column with the models; an export must carry every table with the
models' columns. What it holds is counted, so the person sees it before saying yes.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from models import Agency, Base, Commitment, FollowUp, Meeting
from models.engine import make_engine
from models.migrate import current_revision, head_revision, known_revisions, upgrade_to_head
from secretariat.dates import long_date
from secretariat.errors import DatabaseProblem, ValidationError
from secretariat.file_errors import os_reason
from secretariat.i18n import _
from secretariat.storage.check import differences_from_models
from secretariat.storage.live_files import read_header
from secretariat.storage.portable_export import GZIP_MAGIC, read_export_header, rows_of_export
from secretariat.storage.sqlite_copies import (
    SQLITE_HEADER,
    connect_read_only,
    copy_sqlite,
    list_backups,
    sqlite_problem,
)

COUNTED = {Agency.__tablename__: "agencies", Meeting.__tablename__: "meetings",
           Commitment.__tablename__: "commitments", FollowUp.__tablename__: "follow_ups"}


@dataclass(frozen=True)
class BackupContents:
    """A backup that passed every check: its kind, schema, date and what it holds."""

    path: Path
    kind: str  # "sqlite" or "export"
    revision: str
    made_at: datetime | None
    agencies: int
    meetings: int
    commitments: int
    follow_ups: int

    def summary(self) -> str:
        when = long_date(self.made_at.astimezone().date()) if self.made_at else "?"
        return _("{path}, made on {when}: {agencies} agencies, {meetings} meetings, "
                 "{commitments} commitments, {follow_ups} follow-ups").format(
                     path=self.path.name, when=when, agencies=self.agencies,
                     meetings=self.meetings, commitments=self.commitments,
                     follow_ups=self.follow_ups)


def inspect_backup(source: Path) -> BackupContents:
    """What `source` holds; refuses (ValidationError, in words) anything not a whole backup."""
    try:
        start = read_header(source, 16)
    except OSError as error:
        raise ValidationError(_("{path} cannot be read: {reason}").format(
            path=source, reason=os_reason(error))) from error
    if start is None:  # a database this process has open
        raise ValidationError(_("{path} is the database in use, not a backup.").format(
            path=source.name))
    if start.startswith(GZIP_MAGIC):
        return _inspect_export(source)
    if start == SQLITE_HEADER:
        return _inspect_sqlite(source)
    raise _not_a_backup(source)


def _not_a_backup(source: Path, detail: str = "") -> ValidationError:
    message = _("{path} is not a backup of this program.").format(path=source.name)
    return ValidationError(f"{message} {detail}".strip())


def _inspect_sqlite(source: Path) -> BackupContents:
    problem = sqlite_problem(source)
    if problem:
        raise ValidationError(_("{path} cannot be restored: {problem}").format(
            path=source.name, problem=problem))
    with tempfile.TemporaryDirectory(prefix="periksa-cadangan-") as folder:
        # Upgrading and comparing happen on a verified copy: the backup itself stays as it is.
        copy = copy_sqlite(source, Path(folder) / "cadangan.sqlite3")
        engine = make_engine(f"sqlite:///{copy}", wal=False)
        try:
            revision = current_revision(engine)
            if revision is None:
                raise _not_a_backup(source)
            if revision not in known_revisions():
                raise ValidationError(_(
                    "{path} was made by a newer version of the program; it cannot be "
                    "restored with this one.").format(path=source.name))
            try:
                if revision != head_revision():
                    upgrade_to_head(engine)
            except SQLAlchemyError as error:
                raise _not_a_backup(source, _("Its tables do not match its schema.")) from error
            _refuse_differences(source, engine)
            with engine.connect() as connection:
                counts = {key: connection.scalar(select(func.count()).select_from(
                    Base.metadata.tables[table])) or 0 for table, key in COUNTED.items()}
        finally:
            engine.dispose()
    made_at = datetime.fromtimestamp(source.stat().st_mtime, UTC)
    return BackupContents(source, "sqlite", revision, made_at, **counts)


def _refuse_differences(source: Path, engine) -> None:
    """Refuse a database whose tables or columns are not the models', naming what is off."""
    missing, differences = differences_from_models(engine)
    if missing:
        raise _not_a_backup(source, _("Tables missing: {tables}.").format(
            tables=", ".join(missing)))
    columns = sorted({f"{d[2]}.{d[3].name}" for d in differences
                      if isinstance(d, tuple) and d[0] in ("add_column", "remove_column")})
    if columns:
        raise _not_a_backup(source, _("Columns that differ: {columns}.").format(
            columns=", ".join(columns[:8])))


def _inspect_export(source: Path) -> BackupContents:
    header = read_export_header(source)
    revision = header.get("schema_revision")
    if revision not in known_revisions():
        raise ValidationError(_("{path} was made by a newer version of the program; it "
                                "cannot be restored with this one.").format(path=source.name))
    counts: dict[str, int] = {}
    seen: dict[str, list[str]] = {}
    try:
        for table, columns, row in rows_of_export(source):  # the reader a restore loads with
            if table is None or (row is not None and not isinstance(row, list)):
                raise ValueError("a row before any table")
            if row is None:
                seen[table] = list(columns)
                counts.setdefault(table, 0)
            else:
                counts[table] += 1
    except (OSError, EOFError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(_("The export file is damaged; nothing was restored.")) from error
    if revision == head_revision():
        missing = sorted(set(Base.metadata.tables) - set(seen))
        if missing:
            raise _not_a_backup(source, _("Tables missing: {tables}.").format(
                tables=", ".join(missing)))
        differing = sorted(name for name, columns in seen.items()
                           if name in Base.metadata.tables
                           and set(columns) != set(Base.metadata.tables[name].columns.keys()))
        if differing:
            raise _not_a_backup(source, _("Columns that differ: {columns}.").format(
                columns=", ".join(differing)))
    made = header.get("created_at")
    try:
        made_at = datetime.fromisoformat(made) if isinstance(made, str) else None
    except ValueError:
        made_at = None
    return BackupContents(source, "export", revision, made_at,
                          **{key: counts.get(table, 0) for table, key in COUNTED.items()})


def safety_copy_failed(error: DatabaseProblem) -> DatabaseProblem:
    """A restore whose safety copy of the current data failed does not go ahead."""
    return DatabaseProblem(_("The restore was cancelled and nothing was changed: the current "
                             "data could not be saved first. {reason}").format(
                                 reason=error.message))


@dataclass(frozen=True)
class KeptBackup:
    """A backup in the backups folder, as the Cadangan list shows it."""

    path: Path
    made_at: datetime  # this PC's local time, as in the file name
    reason: str  # "start", "exit", "before-upgrade", "before-restore", …
    counts: tuple[int, int, int, int] | None  # agencies, meetings, commitments, follow-ups


def quick_counts(path: Path) -> tuple[int, int, int, int] | None:
    """The four counts of an SQLite backup read in place; None when they cannot be read.

    Only for a list: a restore still inspects the backup whole (`inspect_backup`).
    """
    try:
        connection = connect_read_only(path)
        try:
            values = [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                      for table in COUNTED]  # our own table names, not user input
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    agencies, meetings, commitments, follow_ups = values
    return agencies, meetings, commitments, follow_ups


def kept_backups(sqlite_path: Path | None, exports_folder: Path) -> list[KeptBackup]:
    """The automatic backups of a database, newest first: SQLite copies beside an SQLite
    file, the portable exports in the data folder for a server."""
    if sqlite_path is not None:
        return [KeptBackup(path, when, reason, quick_counts(path))
                for when, reason, path in list_backups(sqlite_path)]
    found = []
    for path in exports_folder.glob("*.jsonl.gz") if exports_folder.is_dir() else ():
        match = _EXPORT_NAME.match(path.name)
        if match:
            when = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(KeptBackup(path, when, match["reason"], None))
    return sorted(found, key=lambda kept: kept.made_at, reverse=True)


_EXPORT_NAME = re.compile(r"^.+-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.jsonl\.gz$")
