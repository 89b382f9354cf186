"""A portable export of the whole database, and loading one back.

The export is gzip-compressed JSON Lines: a header line (format, schema revision, time),
then for each table a line naming it and its columns followed by one line per row. It
is the backup of the shared PostgreSQL mode, and it moves data between PostgreSQL and
SQLite in either direction. Loading replaces every row in one transaction.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from enum import Enum
from pathlib import Path

from sqlalchemy import (
    Date,
    DateTime,
    LargeBinary,
    Table,
    Time,
    delete,
    func,
    insert,
    select,
    text,
)

from models import Base, search_index
from models.migrate import current_revision
from secretariat.errors import DatabaseProblem, ValidationError
from secretariat.file_errors import os_reason
from secretariat.i18n import _

FORMAT = "sekretariat-gt-pptppo-export"
FORMAT_VERSION = 1
GZIP_MAGIC = b"\x1f\x8b"
_BATCH = 5_000


def _encode(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime) and value.tzinfo is None:
        # SQLite hands back the stored UTC clock time without its zone; say which it is.
        return value.replace(tzinfo=UTC).isoformat()
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _decoder(column):
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Time):
        return time.fromisoformat
    if isinstance(kind, LargeBinary):
        return lambda value: base64.b64decode(value["base64"])
    return None


def export_database(db, target: Path) -> Path:
    """Write every table to `target` (all or nothing: a temporary name until complete)."""
    partial = target.with_name(target.name + ".partial")
    try:
        with db.reading() as session, gzip.open(partial, "wt", encoding="utf-8") as out:
            if not db.is_sqlite:
                # Every table from one snapshot, or a colleague's save during the export
                # could leave a follow-up without its commitment. (SQLite's read
                # transaction is a snapshot already.)
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            header = {"format": FORMAT, "format_version": FORMAT_VERSION,
                      "schema_revision": current_revision(db.engine),
                      "created_at": datetime.now(UTC).isoformat()}
            out.write(json.dumps(header) + "\n")
            for table in Base.metadata.sorted_tables:
                columns = [column.name for column in table.columns]
                out.write(json.dumps({"table": table.name, "columns": columns}) + "\n")
                order = [column for column in table.primary_key.columns]
                for row in session.execute(select(table).order_by(*order)):
                    out.write(json.dumps([_encode(value) for value in row],
                                         ensure_ascii=False) + "\n")
        os.replace(partial, target)
    except OSError as error:
        raise DatabaseProblem(_("The export could not be written to {path}: {reason}").format(
            path=target, reason=os_reason(error))) from error
    finally:
        partial.unlink(missing_ok=True)
    return target


def export_to_backups(db, reason: str) -> Path:
    """An export in the data folder's backups, named by database, time and reason."""
    from sqlalchemy.engine import make_url

    from secretariat.storage.paths import data_dir

    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    name = make_url(db.url).database or "database"
    return export_database(db, folder / f"{name}-{datetime.now():%Y%m%d-%H%M%S}-{reason}"
                                        ".jsonl.gz")


def read_export_header(source: Path) -> dict:
    """The header of an export file; refuses a file that is not one."""
    try:
        with gzip.open(source, "rt", encoding="utf-8") as lines:
            header = json.loads(lines.readline())
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(_("{path} is not an export of this program.").format(
            path=source.name)) from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValidationError(_("{path} is not an export of this program.").format(
            path=source.name))
    return header


def rows_of_export(source: Path) -> Iterator[tuple[str | None, list[str], list | None]]:
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        lines.readline()  # the header, read before
        # No table yet only in a damaged file whose rows come first; load_rows refuses it.
        table: str | None = None
        columns: list[str] = []
        for line in lines:
            item = json.loads(line)
            if isinstance(item, dict):
                table, columns = item["table"], item["columns"]
                yield table, columns, None
            else:
                yield table, columns, item


def load_export(db, source: Path) -> dict[str, int]:
    """Replace all data of `db` with the export's, in one transaction. Returns row counts."""
    header = read_export_header(source)
    try:
        return load_rows(db, header.get("schema_revision"), rows_of_export(source))
    except (OSError, EOFError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise ValidationError(_("The export file is damaged; nothing was restored.")) from error


def rows_of_database(engine) -> Iterator[tuple[str, list[str], list | None]]:
    """Every row of another database of this program, in the export's shape."""
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [column.name for column in table.columns]
            yield table.name, columns, None
            for row in connection.execute(select(table)):
                yield table.name, columns, [_encode(value) for value in row]


def load_rows(db, revision: str | None, rows) -> dict[str, int]:
    """Replace all data of `db` with `rows` (table headers, then rows) in one transaction."""
    current = current_revision(db.engine)
    if revision != current:
        raise ValidationError(
            _("The backup was made with schema {found}; this database has {current}. Restore "
              "it with the program version that made it.").format(found=revision,
                                                                    current=current))
    counts: dict[str, int] = {}
    tables = Base.metadata.tables
    with db.unit_of_work() as session, search_index.bulk_load(session.connection()):
        # The search documents are written once at the end, not row by row.
        for emptied in reversed(Base.metadata.sorted_tables):
            session.execute(delete(emptied))
        pending: list[dict] = []
        table: Table | None = None
        for name, columns, row in rows:
            if row is None:
                _flush(session, table, pending)
                if name not in tables:
                    raise ValidationError(_("The backup holds an unknown table {table}.")
                                          .format(table=name))
                table = tables[name]
                decoders = [_decoder(table.c[column]) for column in columns]
                counts[name] = 0
                continue
            pending.append({column: (decode(value) if decode and value is not None else value)
                            for column, decode, value in zip(columns, decoders, row, strict=False)})
            counts[name] += 1
            if len(pending) >= _BATCH:
                _flush(session, table, pending)
        _flush(session, table, pending)
        if not db.is_sqlite:
            _advance_sequences(session)
    return counts


def _flush(session, table, pending: list[dict]) -> None:
    if table is not None and pending:
        session.execute(insert(table), pending)
    pending.clear()


def _advance_sequences(session) -> None:
    """PostgreSQL hands out ids from sequences, which must move past the loaded rows."""
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        highest = session.scalar(select(func.max(table.c.id)))
        if highest:
            session.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"),
                            {"t": table.name, "v": highest})
