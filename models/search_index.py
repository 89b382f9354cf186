"""The search index: one text document per agency, meeting and commitment, kept by triggers.

Each document gathers what a clerk writes about the record: an agency with its contact
people, a meeting with its kind's everyday names (*rakor*, *FGD*, *monev*), its minutes and
agenda, a commitment with every follow-up (what was done, obstacles) and the names of the
evidence files. Triggers in the database rewrite a document in the same transaction as the
write that changed it, whichever code path wrote (the program, an import, a restore, a bulk
load), so the index cannot drift from the records.

SQLite keeps the documents in FTS5 tables (`unicode61` folds case and accents); PostgreSQL
in tables with a `simple` text-search vector under a GIN index, accents folded by
`search_fold`. The tables are not in `Base.metadata`: they are shaped differently on each
database and only the migrations and `secretariat.home.search` touch them.

A migration that changes what a document holds calls `install` again (it drops and
recreates the triggers and refills the documents).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection

SEARCH_TABLE_PREFIX = "search_"
# A row here, only ever inside a bulk load's own transaction, holds the triggers back: a
# hundred thousand commitments are indexed once at the end rather than row by row (45 s
# instead of 12 on SQLite, minutes on PostgreSQL). Other connections never see the row.
PAUSE_TABLE = "search_paused"

# The everyday names of a meeting kind, so "rakor" or "monev" finds the meetings of that kind
# (frozen here rather than read from the catalogue: the index is built inside the database).
KIND_WORDS = {
    "rakor": "rakor rapat koordinasi",
    "technical": "rapat teknis",
    "fgd": "fgd focus group discussion diskusi kelompok terpumpun",
    "outreach": "sosialisasi",
    "monitoring": "monev monitoring evaluasi",
    "synchronisation": "sinkronisasi koordinasi",
}

# PostgreSQL's `simple` configuration folds case only; these letters lose their accents
# too (unaccent would need an extension the office's server may not allow us to create).
_ACCENTED = "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÇçÑñÝýÿ"
_PLAIN = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy"
# ASCII punctuation becomes a space before PostgreSQL's parser sees the text: it would keep
# "005/123/DP3AKB" as one path, an e-mail or "laporan_kegiatan.pdf" as one token, where
# the clerk searches their words (SQLite's unicode61 splits them itself).
_ASCII_PUNCTUATION = r"[!-/:-@\[-`{-~]+"


@dataclass(frozen=True)
class Document:
    """The document of one kind: the table it lives in and how its text is put together."""

    table: str  # search_<kind>s
    source: str  # the table whose rows are the records found
    alias: str
    # The text of the record `alias`, as an SQL expression; `{agg}` is group_concat on
    # SQLite and string_agg on PostgreSQL.
    text: str


def _joined(*columns: str) -> str:
    return " || ' ' || ".join(columns)


_KIND_CASE = "CASE CAST(m.kind AS TEXT) " + " ".join(
    f"WHEN '{kind}' THEN '{words}'" for kind, words in KIND_WORDS.items()) + " ELSE '' END"

DOCUMENTS = {
    "agency": Document("search_agencies", "agencies", "a", _joined(
        "a.abbreviation", "a.name", "a.office_title", "a.notes",
        "coalesce((SELECT {agg}(" + _joined("p.name", "p.position", "p.phone", "p.email",
                                           "p.nip", "p.nrp")
        + ", ' ') FROM contact_people p WHERE p.agency_id = a.id), '')")),
    "meeting": Document("search_meetings", "meetings", "m", _joined(
        "m.title", _KIND_CASE, "m.place", "m.invitation_number", "m.chair_name", "m.opening",
        "m.conclusions", "m.notes", "m.reopen_reason",
        "coalesce((SELECT {agg}(" + _joined("i.title", "i.presenter", "i.discussion",
                                           "i.decisions")
        + ", ' ') FROM agenda_items i WHERE i.meeting_id = m.id), '')")),
    "commitment": Document("search_commitments", "commitments", "c", _joined(
        "c.text", "c.action_plan", "c.indicator", "c.notes", "c.status_reason",
        "coalesce((SELECT {agg}(" + _joined("f.note", "f.obstacles", "f.status_reason")
        + ", ' ') FROM follow_ups f WHERE f.commitment_id = c.id), '')",
        "coalesce((SELECT {agg}(e.file_name, ' ') FROM evidence_files e "
        "JOIN follow_ups f ON e.follow_up_id = f.id WHERE f.commitment_id = c.id), '')")),
}


@dataclass(frozen=True)
class Trigger:
    """Which document a write to `table` changes: `key` names it from the written row."""

    table: str
    document: str
    key: str  # SQL naming the record's id from {row} (NEW or OLD)
    columns: tuple[str, ...]  # the columns whose change rewrites the document


TRIGGERS = (
    Trigger("agencies", "agency", "{row}.id",
            ("abbreviation", "name", "office_title", "notes")),
    Trigger("contact_people", "agency", "{row}.agency_id",
            ("agency_id", "name", "position", "phone", "email", "nip", "nrp")),
    Trigger("meetings", "meeting", "{row}.id",
            ("title", "kind", "place", "invitation_number", "chair_name", "opening",
             "conclusions", "notes", "reopen_reason")),
    Trigger("agenda_items", "meeting", "{row}.meeting_id",
            ("meeting_id", "title", "presenter", "discussion", "decisions")),
    Trigger("commitments", "commitment", "{row}.id",
            ("text", "action_plan", "indicator", "notes", "status_reason")),
    Trigger("follow_ups", "commitment", "{row}.commitment_id",
            ("commitment_id", "note", "obstacles", "status_reason")),
    Trigger("evidence_files", "commitment",
            "(SELECT commitment_id FROM follow_ups WHERE id = {row}.follow_up_id)",
            ("follow_up_id", "file_name")),
)


def search_tables() -> tuple[str, ...]:
    return (*(document.table for document in DOCUMENTS.values()), PAUSE_TABLE)


def is_search_table(name: str | None) -> bool:
    """The index's own tables (and FTS5's shadow tables), which the models do not declare."""
    return bool(name) and str(name).startswith(SEARCH_TABLE_PREFIX)


def not_search_table(name: str | None, kind: str, _parents) -> bool:
    """Alembic's `include_name`: compare the models' tables, not the index's."""
    return kind != "table" or not is_search_table(name)


def out_of_step(connection: Connection) -> list[str]:
    """The kinds whose documents are not one per record (a database edited by hand)."""
    wrong = []
    for kind, document in DOCUMENTS.items():
        records = connection.exec_driver_sql(
            f"SELECT count(*) FROM {document.source}").scalar()
        documents = connection.exec_driver_sql(
            f"SELECT count(*) FROM {document.table}").scalar()
        if records != documents:
            wrong.append(kind)
    return wrong


def _text(document: Document, dialect: str) -> str:
    return document.text.format(agg="group_concat" if dialect == "sqlite" else "string_agg")


def _select(document: Document, dialect: str, where: str) -> str:
    return (f"SELECT {document.alias}.id, {_text(document, dialect)} "
            f"FROM {document.source} {document.alias} WHERE {where}")


# SQLite ---------------------------------------------------------------------------------


def _sqlite_refresh(document: Document, key: str) -> str:
    return (f"DELETE FROM {document.table} WHERE rowid = {key}; "
            f"INSERT INTO {document.table} (rowid, body) "
            + _select(document, "sqlite", f"{document.alias}.id = {key}") + ";")


def _sqlite_install(connection: Connection) -> None:
    connection.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {PAUSE_TABLE} (paused INTEGER)")
    for document in DOCUMENTS.values():
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {document.table}")
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {document.table} USING fts5("
            "body, tokenize = 'unicode61 remove_diacritics 2')")
    for trigger in TRIGGERS:
        document = DOCUMENTS[trigger.document]
        old, new = trigger.key.format(row="OLD"), trigger.key.format(row="NEW")
        bodies = {
            "insert": ("INSERT", _sqlite_refresh(document, new)),
            "update": ("UPDATE OF " + ", ".join(trigger.columns),
                       _sqlite_refresh(document, old) + " " + _sqlite_refresh(document, new)),
            "delete": ("DELETE", _sqlite_refresh(document, old)),
        }
        for event, (when, body) in bodies.items():
            name = f"search_{trigger.table}_{event}"
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            connection.exec_driver_sql(
                f"CREATE TRIGGER {name} AFTER {when} ON {trigger.table} FOR EACH ROW "
                f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSE_TABLE}) BEGIN {body} END")


# PostgreSQL -----------------------------------------------------------------------------


def _postgres_install(connection: Connection) -> None:
    connection.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {PAUSE_TABLE} (paused integer)")
    connection.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION search_fold(words text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        "AS $$ SELECT regexp_replace(translate(words, "
        f"'{_ACCENTED}', '{_PLAIN}'), '{_ASCII_PUNCTUATION}', ' ', 'g') $$")
    for kind, document in DOCUMENTS.items():
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {document.table} CASCADE")
        connection.exec_driver_sql(
            f"CREATE TABLE {document.table} (id integer PRIMARY KEY, body text NOT NULL, "
            "words tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple'::regconfig, search_fold(body))) STORED)")
        connection.exec_driver_sql(
            f"CREATE INDEX ix_{document.table}_words ON {document.table} USING gin (words)")
        connection.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION search_refresh_{kind}(target integer) RETURNS void "
            f"LANGUAGE sql AS $$ DELETE FROM {document.table} WHERE id = target; "
            f"INSERT INTO {document.table} (id, body) "
            + _select(document, "postgresql", f"{document.alias}.id = target") + " $$")
    for trigger in TRIGGERS:
        refresh = f"search_refresh_{trigger.document}"
        old, new = trigger.key.format(row="OLD"), trigger.key.format(row="NEW")
        function = f"search_{trigger.table}_changed"
        connection.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            f"IF EXISTS (SELECT 1 FROM {PAUSE_TABLE}) THEN RETURN NULL; END IF; "
            f"IF TG_OP <> 'INSERT' THEN PERFORM {refresh}({old}); END IF; "
            f"IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND ({old}) IS DISTINCT FROM ({new})) "
            f"THEN PERFORM {refresh}({new}); END IF; "
            "RETURN NULL; END $$")
        name = f"search_{trigger.table}"
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {trigger.table}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE OF "
            f"{', '.join(trigger.columns)} ON {trigger.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()")


def _postgres_uninstall(connection: Connection) -> None:
    for trigger in TRIGGERS:
        connection.exec_driver_sql(
            f"DROP TRIGGER IF EXISTS search_{trigger.table} ON {trigger.table}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS search_{trigger.table}_changed()")
    for kind, document in DOCUMENTS.items():
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS search_refresh_{kind}(integer)")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {document.table}")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS search_fold(text)")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {PAUSE_TABLE}")


# Both -----------------------------------------------------------------------------------


def install(connection: Connection) -> None:
    """Create (or recreate) the index's tables and triggers, and fill the documents."""
    if connection.dialect.name == "sqlite":
        _sqlite_install(connection)
    else:
        _postgres_install(connection)
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Write every document afresh from the records (after a bulk load, or to repair)."""
    sqlite = connection.dialect.name == "sqlite"
    for document in DOCUMENTS.values():
        connection.exec_driver_sql(f"DELETE FROM {document.table}")
        columns = "(rowid, body)" if sqlite else "(id, body)"
        connection.exec_driver_sql(
            f"INSERT INTO {document.table} {columns} "
            + _select(document, connection.dialect.name, "1 = 1"))
        if not sqlite:
            # Fresh statistics let the planner walk the newest ids for a common word
            # instead of sorting every match (1 ms rather than 100 on 100,000 commitments).
            connection.exec_driver_sql(f"ANALYZE {document.table}")


@contextmanager
def bulk_load(connection: Connection) -> Iterator[None]:
    """Triggers held back while many rows are written, then every document rebuilt.

    Call inside the load's transaction: an error inside rolls the pause back with the rows.
    """
    connection.exec_driver_sql(f"INSERT INTO {PAUSE_TABLE} (paused) VALUES (1)")
    yield
    connection.exec_driver_sql(f"DELETE FROM {PAUSE_TABLE}")
    rebuild(connection)


def uninstall(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for trigger in TRIGGERS:
            for event in ("insert", "update", "delete"):
                connection.exec_driver_sql(
                    f"DROP TRIGGER IF EXISTS search_{trigger.table}_{event}")
        for document in DOCUMENTS.values():
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {document.table}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {PAUSE_TABLE}")
    else:
        _postgres_uninstall(connection)
