"""The life of one program session on a database: lock, backups, and the desktop window.

The desktop program and the commands that write take the database's lock, so a second
program on the same SQLite file is told who has it open; reading commands take none. The
desktop program backs the database up when it starts and when it closes.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from secretariat.errors import DomainError
from secretariat.home.first_view import FirstView, current_sqlite_file
from secretariat.storage.instance_lock import (
    LockHolder,
    acquire_lock,
    break_lock,
    default_actor,
    taken_over_notice,
)
from secretariat.storage.network_paths import network_share_warning
from secretariat.storage.paths import database_url, plain_sqlite_file
from secretariat.storage.sqlite_copies import automatic_backup

if TYPE_CHECKING:
    from secretariat.storage.database import Database


def _sqlite_path(target) -> Path | None:
    url = database_url(target)
    path = plain_sqlite_file(url)
    if path is not None:
        return path
    from models.engine import sqlite_file  # other URL forms: SQLAlchemy parses them

    return sqlite_file(url)


class DeferredDatabase:
    """The desktop program's database, fully opened (SQLAlchemy, schema check) on first use.

    Only for an SQLite file already at this program's schema (`current_sqlite_file`): its
    first view is read through sqlite3 meanwhile, and nothing needs upgrading. It stands in
    for a `Database`: anything else asked of it opens the database and is answered by it.
    """

    def __init__(self, path: Path) -> None:
        self.sqlite_path = path
        self._opened: Database | None = None

    def display_name(self) -> str:
        return str(self.sqlite_path)

    @property
    def is_open(self) -> bool:
        return self._opened is not None

    def opened(self) -> Database:
        if self._opened is None:
            from secretariat.storage.database import open_database

            self._opened = open_database(self.sqlite_path)
        return self._opened

    def __getattr__(self, name: str):
        return getattr(self.opened(), name)

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()


@contextmanager
def writer_lock(target, *, purpose: str) -> Iterator[LockHolder | None]:
    """Hold the database's lock while writing; PostgreSQL needs none (the server arbitrates).

    A lock a crashed program of this PC left behind is taken over; the block is given the
    holder it replaced (None when there was none), so that the clerk is told.
    """
    path = _sqlite_path(target)
    if path is None:
        yield None
        return
    warning = network_share_warning(path)
    if warning:
        print(warning, file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    with acquire_lock(path, user=default_actor(), purpose=purpose,
                      take_over_stale=True) as lock:
        if lock.taken_over is not None and purpose != "desktop":
            print(taken_over_notice(lock.taken_over), file=sys.stderr)
        yield lock.taken_over


def remove_empty_database(target) -> Path | None:
    """Remove an empty database file (after the person confirmed) so a new one starts there.

    Only a file of 0 bytes is removed: anything with content is never touched.
    """
    path = _sqlite_path(target)
    if path is not None and path.exists() and path.stat().st_size == 0:
        path.unlink()
        return path
    return None


def unlock(target) -> LockHolder | None:
    """Break a lock on purpose (after a crash); returns whose it was."""
    path = _sqlite_path(target)
    return break_lock(path) if path is not None else None


def run_desktop(target, *, smoke_started: float | None = None,
                language: str | None = None) -> int:
    """Start the desktop program: lock, back up, open, show the window; back up on exit.

    With `smoke_started` (a perf_counter reading) the window closes itself once it has
    shown its data, after printing how many milliseconds that took from then.
    """
    with writer_lock(target, purpose="desktop") as taken_over:
        # An SQLite file at this schema shows its first view before the ORM loads; anything
        # else (a server, a new file, an upgrade) is opened in full first.
        first_view_file = current_sqlite_file(target)
        first_view = None
        if first_view_file is not None:
            first_view = FirstView(first_view_file, date.today())  # reads while Qt loads
            # It stands in for the Database: what it does not answer, the opened one does.
            db = cast("Database", DeferredDatabase(first_view_file))
        else:
            from secretariat.storage.database import open_database

            db = open_database(target)
        path = db.sqlite_path
        started: list[threading.Thread] = []

        def start_backup() -> None:
            # The start backup reads the whole file; it begins once the window shows its
            # data, so it neither delays nor competes with the start.
            if path is not None and path.stat().st_size and not started:
                started.append(_in_background(lambda: automatic_backup(path, "start")))

        try:
            from ui.app import run_gui  # Qt is loaded only for the desktop program

            notice = taken_over_notice(taken_over) if taken_over is not None else None
            return run_gui(db, smoke_started=smoke_started, language=language,
                           after_first_view=start_backup, first_view=first_view,
                           start_notice=notice)
        finally:
            start_backup()  # a window that never showed its data still gets its copy
            for thread in started:
                thread.join()
            db.close()
            if path is not None:
                automatic_backup(path, "exit")


def _in_background(work) -> threading.Thread:
    def guarded() -> None:
        try:
            work()
        except DomainError as error:  # a failed backup must not take the program down
            print(error.message, file=sys.stderr)

    thread = threading.Thread(target=guarded, name="start-backup", daemon=True)
    thread.start()
    return thread
