"""`secretariat backup` and `secretariat restore`: whole-database copies on request.

SQLite databases are copied as verified SQLite files; PostgreSQL databases are written as
the portable export. A restore first backs up the current data, refuses a damaged or
foreign file, and replaces everything in one step, so it can itself be undone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.engine import make_engine
from models.migrate import current_revision, known_revisions
from secretariat.errors import DatabaseProblem, ValidationError
from secretariat.file_errors import os_reason
from secretariat.i18n import _
from secretariat.storage.database import Database, open_database
from secretariat.storage.live_files import is_database_file
from secretariat.storage.portable_export import (
    GZIP_MAGIC,
    export_database,
    export_to_backups,
    load_export,
    load_rows,
    read_export_header,
    rows_of_database,
)
from secretariat.storage.sqlite_copies import (
    SQLITE_HEADER,
    automatic_backup,
    connect_read_only,
    copy_sqlite,
    sqlite_problem,
)


def backup_to(db: Database, target: Path) -> Path:
    """A copy of the whole database at `target`: an SQLite file, or the portable export."""
    if target.exists() and target.is_dir():
        raise ValidationError(_("{path} is a folder; give a file name.").format(path=target))
    if db.sqlite_path is not None:
        return copy_sqlite(db.sqlite_path, target)
    return export_database(db, target)


def _kind_of(source: Path) -> str:
    if is_database_file(source):
        raise ValidationError(_("{path} is the database in use, not a backup.").format(
            path=source.name))
    try:
        with open(source, "rb") as file:
            start = file.read(16)
    except OSError as error:
        raise ValidationError(_("{path} cannot be read: {reason}").format(
            path=source, reason=os_reason(error))) from error
    if start.startswith(GZIP_MAGIC):
        return "export"
    if start == SQLITE_HEADER:
        return "sqlite"
    raise ValidationError(_("{path} is not a backup of this program.").format(path=source.name))


def _sqlite_revision(source: Path) -> str:
    connection = connect_read_only(source)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    if row is None:
        raise ValidationError(_("{path} is not a backup of this program.").format(
            path=source.name))
    return row[0]


def safety_copy(db: Database) -> Path | None:
    """Back up the current data before it is replaced."""
    if db.sqlite_path is not None:
        if db.sqlite_path.exists() and db.sqlite_path.stat().st_size:
            return automatic_backup(db.sqlite_path, "before-restore")
        return None
    return export_to_backups(db, "before-restore")


def restore_from(db: Database, source: Path) -> tuple[Database, Path | None]:
    """Replace the database's data with the backup at `source`.

    Returns the reopened database and where the previous data was saved.
    """
    kind = _kind_of(source)
    if kind == "sqlite":
        problem = sqlite_problem(source)
        if problem:
            raise ValidationError(_("{path} cannot be restored: {problem}").format(
                path=source.name, problem=problem))
        revision = _sqlite_revision(source)
        if revision not in known_revisions():
            raise ValidationError(_("{path} was made by a newer version of the program; it "
                                    "cannot be restored with this one.").format(path=source.name))
    else:
        read_export_header(source)  # refuses a foreign or damaged file before anything else

    saved = safety_copy(db)
    if kind == "sqlite" and db.sqlite_path is not None:
        return _replace_sqlite_file(db, source), saved
    if kind == "sqlite":
        engine = make_engine(f"sqlite:///{source}", wal=False)
        try:
            if revision != current_revision(db.engine):
                raise ValidationError(_("{path} has another schema than this database; open it "
                                        "with the program once to upgrade it, then restore "
                                        "it.").format(path=source.name))
            load_rows(db, revision, rows_of_database(engine))
        finally:
            engine.dispose()
        return db, saved
    load_export(db, source)
    return db, saved


def _replace_sqlite_file(db: Database, source: Path) -> Database:
    """Overwrite the live file's pages from `source` with the online backup API."""
    target, url, actor = db.sqlite_path, db.url, db.actor
    db.close()
    try:
        src = connect_read_only(source)
        dst = sqlite3.connect(target, timeout=10)
        try:
            src.backup(dst)  # one write transaction on the target: all pages or none
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as error:
        raise DatabaseProblem(_("The restore failed and the database was left as it was: "
                                "{reason}").format(reason=error)) from error
    return open_database(url, actor=actor)  # brings an older backup up to this schema


