"""Opening the database: choose it, bring its schema up to date safely, hand out sessions.

`Database` is the explicit context every use case receives. Each use case runs inside
`db.unit_of_work()`, one transaction that commits all or nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from models import SCHEMA_REVISION
from models.engine import (
    SQLITE_BEGIN_OPTION,
    is_sqlite,
    make_engine,
    make_session_factory,
    sqlite_file,
)
from models.migrate import (
    current_revision,
    has_user_tables,
    head_revision,
    known_revisions,
    upgrade_to_head,
)
from secretariat.errors import ConflictError, DatabaseProblem
from secretariat.i18n import _
from secretariat.records import conflict_with
from secretariat.storage.driver_errors import changed_meanwhile, translate
from secretariat.storage.instance_lock import default_actor
from secretariat.storage.live_files import hold, lost_lock, release, wal_deleted
from secretariat.storage.paths import database_url
from secretariat.storage.sqlite_copies import DamagedDatabaseError, automatic_backup, refuse_damaged  # noqa: F401
from secretariat.storage.versions import EXPECTED_VERSIONS, move_versions, who_changed_first

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open database: its URL, engine, session factory and the person acting."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    actor: str
    # The SQLite file as held in `live_files` while this database is open.
    held_file: tuple[int, int] | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_file(self.url)

    def display_name(self) -> str:
        """The database as a person should see it (no password)."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        self._keep_sqlite_locks()
        expected: dict = {}
        try:
            with self.sessions.begin() as session:
                session.info["actor"] = self.actor
                session.info[EXPECTED_VERSIONS] = expected
                if self.is_sqlite:
                    session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})
                yield session
        except StaleDataError as exc:
            # Two saves met on the server: the other one won; name it as check_version does.
            first = who_changed_first(self.sessions, expected)
            if first is None:
                raise ConflictError(changed_meanwhile()) from exc
            raise conflict_with(*first) from exc
        except DBAPIError as exc:
            problem = translate(exc)
            if problem is None:
                raise
            raise problem from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session for queries."""
        try:
            with self.sessions() as session:
                yield session
        except DBAPIError as exc:
            problem = translate(exc)
            if problem is None:
                raise
            raise problem from exc

    def _keep_sqlite_locks(self) -> None:
        """Reconnect before writing if the process lost its locks on the file (see live_files).

        Written into a WAL whose file another process may delete, committed work would not
        survive a crash; fresh connections take the locks again and write into the real WAL.
        """
        path = self.sqlite_path
        if path is None or not lost_lock(path):
            return
        log.warning("The process had lost its SQLite locks on %s (WAL deleted: %s); "
                    "reconnecting before writing", path, wal_deleted(path))
        self.engine.dispose()

    def close(self) -> None:
        self.engine.dispose()
        release(self.held_file)
        self.held_file = None


event.listen(Session, "before_flush", move_versions)


def open_database(
    target: str | Path | None = None,
    *,
    upgrade: bool = True,
    actor: str | None = None,
) -> Database:
    """Open (and create or upgrade) the database at a path or URL.

    A damaged SQLite file is refused without being written to. An older schema is upgraded
    after a backup copy; a newer one, or a database of another program, is refused
    untouched.
    """
    url = database_url(target)
    path = sqlite_file(url)
    held = None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        refuse_damaged(path)
        held = hold(path)  # from here on, nothing of ours reads the file with plain I/O
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
        has_tables = has_user_tables(engine)
    except DBAPIError as exc:
        engine.dispose()
        release(held)
        raise DatabaseProblem(
            _("The database cannot be opened: {reason}").format(reason=_short_reason(exc))
        ) from exc
    if path is not None and held is None:
        held = hold(path)  # a new file: it exists once the engine has connected

    db = Database(url, engine, make_session_factory(engine), actor or default_actor(), held)
    # The usual start finds the database at this program's schema and reads no migration.
    head = SCHEMA_REVISION if revision == SCHEMA_REVISION else head_revision()
    if revision is not None and revision != head and revision not in known_revisions():
        db.close()
        raise DatabaseProblem(
            _("This database was written by a newer version of the program (schema {found}). "
              "Install the newer version; the database was not changed.").format(found=revision)
        )
    if revision is None and has_tables:
        db.close()
        raise DatabaseProblem(
            _("This database belongs to another program; it was not changed.")
        )
    must_upgrade = upgrade and revision != head
    if revision is not None and must_upgrade:
        # Kept, unlike the routine start/exit copies.
        if path is not None:
            automatic_backup(path, "before-upgrade")
        else:
            from secretariat.storage.portable_export import (
                export_to_backups,  # needs Database itself
            )

            export_to_backups(db, "before-upgrade")
    if must_upgrade:
        upgrade_to_head(engine)
        if revision is None:
            from secretariat.commitments.catalog import (
                install_defaults,  # import here: catalog needs Database
            )

            install_defaults(db)
    return db


def _short_reason(exc: Exception) -> str:
    return str(getattr(exc, "orig", exc)).splitlines()[0]


def demo_is_allowed(db: Database) -> bool:
    """The demo fills only a database without any records of its own."""
    from models import Agency, Meeting, Region

    with db.reading() as session:
        for model in (Region, Agency, Meeting):
            if session.scalar(select(model.id).limit(1)) is not None:
                return False
    return True


