"""Turning what the database driver raises into messages a clerk can act on.

SQLite reports its troubles as numbered result codes (the primary code is the low byte of
the extended one); PostgreSQL as SQLSTATE classes. Either way the transaction was rolled
back, so every message can say that nothing was saved.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError

from secretariat.errors import ConflictError, DatabaseProblem, DomainError
from secretariat.i18n import _

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
SQLITE_BUSY_SNAPSHOT = 517

PG_DISK_FULL = "53100"
PG_READ_ONLY_TRANSACTION = "25006"
PG_SERIALIZATION_FAILURE = "40001"
PG_DEADLOCK = "40P01"


def changed_meanwhile() -> str:
    return _("Someone else changed or deleted this record meanwhile. "
             "Reload it and apply your change again.")


def translate(exc: DBAPIError) -> DomainError | None:
    """The domain error for a driver error, or None when it is not a storage problem."""
    if isinstance(exc, IntegrityError):
        if _is_unique_violation(exc):
            # The use cases check uniqueness first; reaching this means a colleague saved
            # the same thing in between.
            return ConflictError(
                _("Your change clashes with data saved meanwhile by someone else; nothing "
                  "was saved. Reload and try again.")
            )
        return DatabaseProblem(
            _("The change refers to a record that no longer exists, or removes one that other "
              "records still refer to. Nothing was saved.")
        )
    if exc.connection_invalidated:
        return DatabaseProblem(_connection_lost())
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return _from_sqlite(code)
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate is not None:
        return _from_postgres(sqlstate)
    return None


def _is_unique_violation(exc: IntegrityError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate == "23505"
    return "UNIQUE constraint failed" in str(exc.orig)


def _from_sqlite(code: int) -> DomainError | None:
    if code == SQLITE_BUSY_SNAPSHOT:
        # Another program committed after this transaction read: same as a stale row.
        return ConflictError(changed_meanwhile())
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseProblem(_busy())
    if primary == SQLITE_FULL:
        return DatabaseProblem(_disk_full())
    if primary == SQLITE_READONLY:
        return DatabaseProblem(_read_only())
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return DatabaseProblem(
            _("The database file could not be read or written (the disk, the network drive "
              "or another program may be blocking it). Nothing was saved.")
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseProblem(
            _("The database file is damaged. Nothing was saved. Close the program and "
              "restore the newest good backup (secretariat restore).")
        )
    return None


def _from_postgres(sqlstate: str) -> DomainError | None:
    if sqlstate in (PG_SERIALIZATION_FAILURE, PG_DEADLOCK):
        return ConflictError(changed_meanwhile())
    if sqlstate == PG_DISK_FULL:
        return DatabaseProblem(_disk_full())
    if sqlstate == PG_READ_ONLY_TRANSACTION:
        return DatabaseProblem(_read_only())
    # Class 08: connection exceptions; 57P: the server shut down or ended the session.
    if sqlstate.startswith(("08", "57P")):
        return DatabaseProblem(_connection_lost())
    return None


def _connection_lost() -> str:
    return _("The connection to the database server was lost. Nothing was saved; check the "
             "network and try again.")


def _busy() -> str:
    return _("The database is busy: another program or colleague is saving. "
             "Nothing was saved; try again in a moment.")


def _disk_full() -> str:
    return _("The disk holding the database is full. Nothing was saved; free some space "
             "and try again.")


def _read_only() -> str:
    return _("The database can only be read here (a read-only file, folder or account). "
             "Nothing was saved.")
