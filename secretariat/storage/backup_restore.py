"""`secretariat backup` and `secretariat restore`: whole-database copies on request.

SQLite databases are copied as verified SQLite files; PostgreSQL databases are written as
the portable export. A restore first backs up the current data, refuses a damaged or
foreign file, and replaces everything in one step, so it can itself be undone.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from models.engine import make_engine
from models.migrate import current_revision
from secretariat.errors import DatabaseProblem, ValidationError
from secretariat.file_errors import os_reason
from secretariat.i18n import _
from secretariat.storage.backup_contents import (
    BackupContents,
    inspect_backup,
    safety_copy_failed,
)
from secretariat.storage.database import Database, open_database
from secretariat.storage.live_files import is_database_file
from secretariat.storage.portable_export import (
    export_database,
    export_to_backups,
    load_export,
    load_rows,
    rows_of_database,
)
from secretariat.storage.sqlite_copies import (
    automatic_backup,
    connect_read_only,
    copy_sqlite,
)


def backup_to(db: Database, target: Path) -> Path:
    """A copy of the whole database at `target`: an SQLite file, or the portable export."""
    if target.exists() and target.is_dir():
        raise ValidationError(_("{path} is a folder; give a file name.").format(path=target))
    if db.sqlite_path is not None:
        return copy_sqlite(db.sqlite_path, target)
    return export_database(db, target)


def safety_copy(db: Database) -> Path | None:
    """Back up the current data before it is replaced."""
    if db.sqlite_path is not None:
        if db.sqlite_path.exists() and db.sqlite_path.stat().st_size:
            return automatic_backup(db.sqlite_path, "before-restore")
        return None
    return export_to_backups(db, "before-restore")


def restore_from(db: Database, source: Path, *, contents: BackupContents | None = None
                 ) -> tuple[Database, Path | None]:
    """Replace the database's data with the backup at `source`.

    `contents` is the inspection the person already saw (else it is made here); nothing is
    replaced unless the backup passed it and the current data was saved first. Returns the
    reopened database and where the previous data was saved.
    """
    if is_database_file(source):
        raise ValidationError(_("{path} is the database in use, not a backup.").format(
            path=source.name))
    contents = contents or inspect_backup(source)
    if (contents.kind == "sqlite" and db.sqlite_path is None
            and contents.revision != current_revision(db.engine)):
        raise ValidationError(_("{path} has another schema than this database; open it "
                                "with the program once to upgrade it, then restore "
                                "it.").format(path=source.name))
    try:
        saved = safety_copy(db)
    except DatabaseProblem as error:
        raise safety_copy_failed(error) from error
    if contents.kind == "sqlite" and db.sqlite_path is not None:
        return _replace_sqlite_file(db, db.sqlite_path, source), saved
    if contents.kind == "sqlite":
        engine = make_engine(f"sqlite:///{source}", wal=False)
        try:
            load_rows(db, contents.revision, rows_of_database(engine))
        finally:
            engine.dispose()
        return db, saved
    load_export(db, source)
    return db, saved


def _replace_sqlite_file(db: Database, target: Path, source: Path) -> Database:
    """Overwrite the live file `target` of `db` from `source` with the online backup API."""
    url, actor = db.url, db.actor
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




def restore_over_damaged(target: Path, source: Path, contents: BackupContents) -> Path:
    """Put the backup at `source` in place of the damaged (or emptied) file `target`.

    The damaged file cannot be opened, so it cannot be backed up the usual way: it is kept
    as it is beside the database under a name saying so, never deleted, and the backup is
    copied (verified) into its place. Returns where the damaged file was kept.
    """
    if contents.kind != "sqlite":
        raise ValidationError(_("A damaged database file can only be replaced by an SQLite "
                                "backup; load the export into a new database instead."))
    kept = target.with_name(f"{target.name}.rusak-{datetime.now():%Y%m%d-%H%M%S}")
    incoming = target.with_name(target.name + ".restoring")
    try:
        copy = copy_sqlite(source, incoming)
        for suffix in ("", "-wal", "-shm"):  # the log files belong to the damaged file
            damaged = Path(f"{target}{suffix}")
            if damaged.exists():
                os.replace(damaged, Path(f"{kept}{suffix}"))
        os.replace(copy, target)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise DatabaseProblem(_("The restore failed: {reason}").format(
            reason=os_reason(error))) from error
    open_database(target).close()  # brings an older backup up to this schema
    return kept
