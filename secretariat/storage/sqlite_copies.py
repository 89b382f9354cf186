"""Backups of an SQLite database: verified copies, kept with a rotation, and restored.

Copies are made with SQLite's online backup API, never by copying the file of a live
database (which can catch a half-written page or miss the WAL). Each copy is written to
a temporary name, checked with `PRAGMA integrity_check`, and only then given its final
name, so a crash or a full disk never leaves a file that looks like a good backup.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from secretariat.errors import DatabaseProblem
from secretariat.file_errors import os_reason, reason_for_errno
from secretariat.i18n import _
from secretariat.storage.live_files import read_header

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_FOLDER = "backups"
ROTATED_REASONS = ("start", "exit")  # upgrade and restore copies are kept until removed by hand
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupPolicy:
    """How many automatic backups to keep: the newest few, plus one per week for a while."""

    keep_last: int = 10
    keep_weeks: int = 26

    @classmethod
    def from_environment(cls) -> BackupPolicy:
        def number(name: str, default: int) -> int:
            try:
                return max(1, int(os.environ.get(name, default)))
            except ValueError:
                return default

        return cls(number("SECRETARIAT_BACKUPS_KEEP_LAST", cls.keep_last),
                   number("SECRETARIAT_BACKUPS_KEEP_WEEKS", cls.keep_weeks))


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open a file read-only; as_uri() escapes '#', '%' and spaces that paths may hold."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def sqlite_problem(path: Path, *, full_check: bool = True,
                   require_program_tables: bool = True) -> str | None:
    """What is wrong with an SQLite file as a database of this program, or None.

    A file this process has open is read through SQLite only (see `live_files`): SQLite
    itself refuses a file that is not a database or is shorter than its header says.
    """
    try:
        header = read_header(path)
    except OSError as error:
        return _("The file cannot be read: {reason}").format(reason=os_reason(error))
    if header is not None:
        if len(header) < 100 or not header.startswith(SQLITE_HEADER):
            return _("The file is not an SQLite database or its beginning is damaged.")
        truncated = _truncation(path, header)
        if truncated:
            return truncated
    try:
        connection = connect_read_only(path)
        try:
            # Reading the schema touches the first pages; the full check reads them all.
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if full_check:
                result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
                if result != ["ok"]:
                    return _("The database file is damaged: {detail}").format(
                        detail="; ".join(result[:3]))
            if require_program_tables and "alembic_version" not in tables:
                return _("The file is a database of another program.")
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        primary = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if primary in _NO_ACCESS:
            raise FolderNotWritableError(path) from error
        if header is None and primary == sqlite3.SQLITE_NOTADB:
            return _("The file is not an SQLite database or its beginning is damaged.")
        return _("The database file is damaged: {detail}").format(detail=error)
    return None


# A database in WAL mode is read by writing its -shm beside it: in a folder the person may
# only read, SQLite answers "readonly" or "cannot open", which says nothing of the file.
_NO_ACCESS = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}


class FolderNotWritableError(DatabaseProblem):
    """The database is whole, but the program may not write beside it."""

    def __init__(self, path: Path):
        super().__init__(_(
            "The database {path} cannot be opened: the program must be able to write in its "
            "folder (beside the file it keeps its log of changes), and it may not. Ask for "
            "write access to the folder, or copy the database into a folder of your own; "
            "the file was not changed.").format(path=path))
        self.path = path


def _truncation(path: Path, header: bytes) -> str | None:
    """A file shorter than the size its own header records has lost its end."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(header[24:28], "big")
    page_count = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    # The page count in the header is only authoritative when written by the same change.
    # In WAL mode a checkpoint writes the header before it extends the file, so a healthy
    # live database can look short for a moment: judge only files not in WAL mode (such as
    # backups) and WAL files whose log is gone.
    wal_mode = header[18] == 2 and header[19] == 2
    if wal_mode and Path(f"{path}-wal").exists():
        return None
    if page_count and valid_for == change_counter and path.stat().st_size < page_count * page_size:
        return _("The database file is shorter than it should be: it was cut off (for example "
                 "by a full disk or an interrupted copy).")
    return None


def copy_sqlite(source: Path, target: Path) -> Path:
    """Copy a (possibly live) SQLite database to `target`, verified, all or nothing."""
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        # Made here, not by SQLite: a folder that refuses it then gives the system's reason
        # ("unable to open database file" says nothing of which).
        open(partial, "xb").close()
        src = connect_read_only(source)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
            src.close()
        problem = sqlite_problem(partial)
        if problem:
            raise DatabaseProblem(_("The backup copy failed its check: {problem}").format(
                problem=problem))
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseProblem(
            _("The backup could not be written to {path}: {reason}").format(
                path=target, reason=_copy_failure(error))
        ) from error
    finally:
        _remove_quietly(partial)
    return target


def _copy_failure(error: OSError | sqlite3.Error) -> str:
    if isinstance(error, OSError):
        return os_reason(error)
    # SQLite gives no errno, and its text is English; its result code says enough.
    primary = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if primary == sqlite3.SQLITE_FULL:
        return reason_for_errno(errno.ENOSPC) or str(error)
    if primary == sqlite3.SQLITE_READONLY:
        return reason_for_errno(errno.EROFS) or str(error)
    return str(error)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # nothing was created there, or it cannot be removed: nothing more to do


def automatic_backup(database: Path, reason: str, *, now: datetime | None = None,
                     policy: BackupPolicy | None = None) -> Path:
    """A timestamped, verified copy in the backups folder; old ones rotated out."""
    now = now or datetime.now()
    name = f"{database.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    target = copy_sqlite(database, backup_folder(database) / name)
    if reason in ROTATED_REASONS:
        rotate(backup_folder(database), database.stem, policy or BackupPolicy.from_environment())
    return target


def list_backups(database: Path) -> list[tuple[datetime, str, Path]]:
    """Automatic backups of this database, newest first: (when, reason, path)."""
    return _backups_in(backup_folder(database), database.stem)


def _backups_in(folder: Path, stem: str) -> list[tuple[datetime, str, Path]]:
    found: list[tuple[datetime, str, Path]] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            when = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append((when, match["reason"], path))
    return sorted(found, reverse=True)


def rotate(folder: Path, stem: str, policy: BackupPolicy) -> list[Path]:
    """Delete rotated backups beyond the newest `keep_last`, keeping one per ISO week."""
    rotated = [(when, path) for when, reason, path in _backups_in(folder, stem)
               if reason in ROTATED_REASONS]
    keep = {path for _when, path in rotated[: policy.keep_last]}
    weeks_seen: set[tuple[int, int]] = set()
    for when, path in rotated:  # newest first: the first of each week is its newest
        week = when.isocalendar()[:2]  # (ISO year, ISO week)
        if week not in weeks_seen and len(weeks_seen) < policy.keep_weeks:
            weeks_seen.add(week)
            keep.add(path)
    removed = []
    for _when, path in rotated:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def newest_good_backup(database: Path) -> Path | None:
    """The newest automatic backup that passes the full check, for a damaged database."""
    for _when, _reason, path in list_backups(database):
        if sqlite_problem(path) is None:
            return path
    return None


def refuse_damaged(path: Path) -> None:
    """Refuse a damaged SQLite file before anything writes to it, naming the newest backup."""
    if not path.exists():
        return
    problem: str | None
    if path.stat().st_size == 0:
        # SQLite would silently make an emptied file a new, empty database, and the clerk
        # would believe the data gone: a file that lost its content is refused, always.
        problem = _("The database file is empty.")
    else:
        problem = sqlite_problem(path, full_check=False, require_program_tables=False)
    if problem:
        raise DamagedDatabaseError(path, problem, newest_good_backup(path))


class DamagedDatabaseError(DatabaseProblem):
    """The SQLite file is damaged; `newest_backup` is the newest backup that checks out."""

    def __init__(self, path: Path, problem: str, newest_backup: Path | None):
        self.empty = path.exists() and path.stat().st_size == 0
        if newest_backup is not None:
            advice = _("The newest good backup is {backup}. Restore it with: "
                       "secretariat restore \"{backup}\"").format(backup=newest_backup)
        elif self.empty:
            advice = _("No good backup was found next to it. If a new database is meant to "
                       "start here, remove the empty file and start the program again.")
        else:
            advice = _("No good backup was found next to it.")
        super().__init__(_("The database {path} is damaged and was not changed: {problem} "
                           "{advice}").format(path=path, problem=problem, advice=advice))
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup
