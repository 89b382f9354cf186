"""The records whose search document holds every word: the database's own index, newest first.

SQLite asks its FTS5 tables (`"word"*` is a word start); PostgreSQL its `simple` text-search
vectors (`word:*`). Both return the newest records first (the highest ids), which their
indexes give without sorting every match: a common word over 100,000 commitments still
answers in milliseconds.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.search_index import DOCUMENTS


def matching_documents(session: Session, kind: str, words: list[str],
                       limit: int) -> list[tuple[int, str]]:
    """(id, document text) of up to `limit` records of `kind` holding every word."""
    table = DOCUMENTS[kind].table
    if session.get_bind().dialect.name == "sqlite":
        # The words hold letters and digits only (search_words), so quoting is safe.
        query = " AND ".join(f'"{word}"*' for word in words)
        statement = text(f"SELECT rowid, body FROM {table} WHERE {table} MATCH :query "
                         "ORDER BY rowid DESC LIMIT :limit")
    else:
        # Folded already (search_words); search_fold would turn the operators into spaces.
        query = " & ".join(f"{word}:*" for word in words)
        statement = text(f"SELECT id, body FROM {table} "
                         "WHERE words @@ to_tsquery('simple', :query) "
                         "ORDER BY id DESC LIMIT :limit")
    return [(row[0], row[1]) for row in session.execute(statement,
                                                        {"query": query, "limit": limit})]
