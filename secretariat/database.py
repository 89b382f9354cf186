"""Opening the database: choose it, bring its schema up to date safely, hand out sessions.

`Database` is the explicit context every use case receives. Each use case runs inside
`db.unit_of_work()`, one transaction that commits all or nothing.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm import Session, sessionmaker

from models import Audited
from models.engine import is_sqlite, make_engine, make_session_factory
from models.migrate import current_revision, has_user_tables, head_revision, known_revisions
from models.migrate import upgrade_to_head
from secretariat.errors import ConflictError, DatabaseProblem
from secretariat.i18n import _
from secretariat.paths import database_url
from secretariat.storage_errors import changed_meanwhile, translate


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service contexts; "" is still honest
        return ""


@dataclass
class Database:
    """An open database: its URL, engine, session factory and the person acting."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    actor: str

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        name = make_url(self.url).database
        return Path(name) if name and name != ":memory:" else None

    def display_name(self) -> str:
        """The database as a person should see it (no password)."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        try:
            with self.sessions.begin() as session:
                session.info["actor"] = self.actor
                yield session
        except StaleDataError as exc:
            raise ConflictError(changed_meanwhile()) from exc
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

    def close(self) -> None:
        self.engine.dispose()


@event.listens_for(Session, "before_flush")
def _stamp_changed_by(session: Session, _context, _instances) -> None:
    actor = session.info.get("actor", "")
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Audited):
            obj.changed_by = actor


def open_database(
    target: str | Path | None = None, *, upgrade: bool = True, actor: str | None = None
) -> Database:
    """Open (and create or upgrade) the database at a path or URL.

    An older schema is upgraded after a backup copy; a newer one, or a file that is not a
    database of this program, is refused without being touched.
    """
    url = database_url(target)
    if is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
        has_tables = has_user_tables(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseProblem(
            _("The database cannot be opened: {reason}").format(reason=_short_reason(exc))
        ) from exc

    db = Database(url, engine, make_session_factory(engine), actor or _default_actor())
    head = head_revision()
    if revision is not None and revision not in known_revisions():
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
    if revision != head and upgrade:
        if revision is not None:
            backup_before_migration(db, revision)
        upgrade_to_head(engine)
        if revision is None:
            from secretariat.catalog import install_defaults  # import here: catalog needs Database

            install_defaults(db)
    return db


def _short_reason(exc: Exception) -> str:
    return str(getattr(exc, "orig", exc)).splitlines()[0]


def backup_before_migration(db: Database, revision: str) -> Path | None:
    """Copy an SQLite database aside with the online backup API before changing its schema."""
    source = db.sqlite_path
    if source is None:
        return None  # PostgreSQL: the server's own backups apply; see README
    folder = source.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{source.stem}-before-upgrade-from-{revision}-{stamp}.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def demo_is_allowed(db: Database) -> bool:
    """The demo fills only a database without any records of its own."""
    from models import Agency, Meeting, Region

    with db.reading() as session:
        for model in (Region, Agency, Meeting):
            if session.scalar(select(model.id).limit(1)) is not None:
                return False
    return True


