"""Shared fixtures: a fresh database per test, on SQLite and, where reachable, PostgreSQL.

PostgreSQL tests run in a schema of their own that is dropped afterwards. Set
SECRETARIAT_TEST_PG to another URL, or to "off" to skip them; .ci/run sets
SECRETARIAT_REQUIRE_PG=1 so an unreachable server fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models import Base
from models.search_index import search_tables
from secretariat.commitments.catalog import install_defaults
from secretariat.i18n import set_language
from secretariat.storage.database import open_database

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_url() -> str | None:
    url = os.environ.get("SECRETARIAT_TEST_PG", DEFAULT_PG_URL)
    return None if url.lower() in ("", "off", "0", "no") else url


def _postgres_reachable(url: str) -> bool:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


_PG_STATE: dict[str, bool] = {}


def _require_postgres() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip("PostgreSQL tests switched off (SECRETARIAT_TEST_PG=off)")
    if url not in _PG_STATE:
        _PG_STATE[url] = _postgres_reachable(url)
    if not _PG_STATE[url]:
        if os.environ.get("SECRETARIAT_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required but not reachable at {url}")
        pytest.skip(f"PostgreSQL not reachable at {make_url(url).render_as_string()}")
    return url


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path_factory, monkeypatch):
    """Never touch the real per-user data folder (backups, exports, default database)."""
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("SECRETARIAT_DB", raising=False)


@pytest.fixture(autouse=True)
def _default_language():
    """Tests run in the default language (Indonesian) unless they switch; always reset."""
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def english():
    """Messages matched in the source language (the catalogue is tested elsewhere): a
    module that matches English words says `pytestmark = pytest.mark.usefixtures("english")`."""
    set_language("en")
    yield
    set_language("id")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    """A database migrated once; each test gets a copy (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(path)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture(scope="session")
def _pg_shared_url():
    """One migrated schema for the session; each test empties it first."""
    url = _require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    scoped_url = scoped.render_as_string(hide_password=False)
    open_database(scoped_url).close()
    yield scoped_url
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    # The search index's tables too: TRUNCATE fires no row triggers to empty them.
    tables = [t.name for t in Base.metadata.sorted_tables] + list(search_tables())
    with engine.begin() as connection:
        connection.execute(text(
            "TRUNCATE " + ", ".join(f'"{name}"' for name in tables) + " RESTART IDENTITY CASCADE"
        ))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        path = tmp_path / "secretariat.sqlite3"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        return str(path)
    url = request.getfixturevalue("_pg_shared_url")
    _empty_postgres(url)
    return url


@pytest.fixture
def db(db_url):
    database = open_database(db_url, actor="tester")
    if not database.is_sqlite:
        install_defaults(database)  # the emptied schema starts like a new database
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path, _sqlite_template):
    path = tmp_path / "secretariat.sqlite3"
    shutil.copyfile(_sqlite_template, path)
    database = open_database(path, actor="tester")
    yield database
    database.close()
