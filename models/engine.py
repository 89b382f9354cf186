"""Engine and session factory for SQLite (the embedded default) and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000
# An execution option: "IMMEDIATE" for writing transactions. Final: a type checker then
# reads the literal key, which SQLAlchemy's typed execution options need.
SQLITE_BEGIN_OPTION: Final = "sqlite_begin"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_file(url: str) -> Path | None:
    """The file an SQLite URL names (also in `file:...?mode=ro` URI form); None otherwise."""
    if not is_sqlite(url):
        return None
    name = make_url(url).database
    if not name or name == ":memory:":
        return None
    if name.startswith("file:"):
        name = name[len("file:"):].split("?", 1)[0]
    return Path(name)


def make_engine(url: str, *, wal: bool = True, **engine_options) -> Engine:
    """Create an engine with the connection settings the application relies on."""
    if not is_sqlite(url):
        engine_options.setdefault("pool_pre_ping", True)
        return create_engine(url, **engine_options)

    engine = create_engine(url, **engine_options)
    in_memory = make_url(url).database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _configure_sqlite(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so a
        # use case's unit of work (reads included) is one real transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if wal and not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # Writing units of work ask for BEGIN IMMEDIATE: they take the write lock first
        # (waiting up to the busy timeout for a colleague's save) instead of failing when
        # a transaction that has already read finds the lock taken.
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: use cases hand out plain values after their transaction ends.
    return sessionmaker(engine, expire_on_commit=False)
