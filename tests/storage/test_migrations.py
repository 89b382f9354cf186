"""The schema comes only from migrations, and opening a database treats it with care."""

from __future__ import annotations

import shutil
import sqlite3
import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import models
from models import SCHEMA_REVISION, Base
from models import migrate as migrate_module
from models.engine import make_engine
from models.migrate import current_revision, head_revision
from models.search_index import not_search_table
from secretariat.errors import ConflictError, DatabaseProblem
from secretariat.storage import database as database_module
from secretariat.storage.database import open_database


def _differences(engine) -> list:
    with engine.connect() as connection, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index")
        context = MigrationContext.configure(connection,
                                             opts={"include_name": not_search_table})
        return compare_metadata(context, Base.metadata)


def test_upgrade_from_empty_matches_the_models(db):
    assert current_revision(db.engine) == head_revision() == models.SCHEMA_REVISION
    assert _differences(db.engine) == []


@pytest.mark.parametrize("name", ["uq_agencies_active_abbreviation", "uq_letterheads_one_default"])
def test_expression_indexes_exist(db, name):
    # Autogenerate cannot compare expression indexes, so check them by hand.
    with db.engine.connect() as connection:
        if db.is_sqlite:
            found = connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name = :n"),
                {"n": name}).scalar()
        else:
            found = connection.execute(text(
                "SELECT indexname FROM pg_indexes WHERE indexname = :n AND schemaname = "
                "current_schema()"), {"n": name}).scalar()
    assert found == name


def test_the_database_itself_refuses_a_second_default_letterhead(db):
    # Two saves at the same instant pass the use case's check; the index must still hold.
    from models import Letterhead

    with db.unit_of_work() as session:
        session.add(Letterhead(agency_line="Pertama"))
    with pytest.raises(ConflictError):
        with db.unit_of_work() as session:
            session.add(Letterhead(agency_line="Kedua"))


def test_sqlite_connections_enforce_foreign_keys_and_wal(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = path.read_bytes()

    with pytest.raises(DatabaseProblem) as refused:
        open_database(path)

    assert "9999" in refused.value.message
    assert path.read_bytes() == before


def test_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    with pytest.raises(DatabaseProblem):
        open_database(path)
    engine = make_engine(f"sqlite:///{path}")
    assert inspect(engine).get_table_names() == ["invoices"]
    engine.dispose()


def test_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is a letter, not a database" * 100)
    with pytest.raises(DatabaseProblem) as refused:
        open_database(path)
    assert "\n" not in refused.value.message


NEXT_REVISION = '''
"""test-only: a later schema"""
from alembic import op
import sqlalchemy as sa

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("extra")
'''


def test_older_database_is_backed_up_then_upgraded(tmp_path, monkeypatch):
    # Given a database at today's schema and a program that knows one more migration
    path = tmp_path / "data" / "secretariat.sqlite3"
    db = open_database(path)
    with db.unit_of_work() as session:
        session.execute(text("UPDATE focus_areas SET name = 'Tetap ada' WHERE position = 1"))
    db.close()
    newer_scripts = tmp_path / "migrations"
    shutil.copytree(migrate_module.MIGRATIONS_DIR, newer_scripts)
    (newer_scripts / "versions" / "0099_later.py").write_text(
        NEXT_REVISION.format(head=head_revision()), encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", newer_scripts)
    monkeypatch.setattr(database_module, "SCHEMA_REVISION", "0099")  # as the README says

    # When the program opens it
    db = open_database(path)

    # Then a verified copy of the old database sits in backups/ and the schema moved on
    backups = list((path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision == SCHEMA_REVISION
        assert copy.execute("SELECT name FROM focus_areas WHERE position = 1").fetchone()[0] \
            == "Tetap ada"
    copy.close()
    assert current_revision(db.engine) == "0099"
    assert "extra" in {c["name"] for c in inspect(db.engine).get_columns("meetings")}
    db.close()


@pytest.mark.postgres
def test_postgresql_is_exported_before_an_upgrade(tmp_path, monkeypatch):
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from secretariat.storage.paths import data_dir
    from tests.conftest import _require_postgres

    # Given a PostgreSQL schema of its own at today's revision (upgrading it changes tables)
    url = _require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    scoped_url = scoped.render_as_string(hide_password=False)
    try:
        open_database(scoped_url).close()
        newer_scripts = tmp_path / "migrations"
        shutil.copytree(migrate_module.MIGRATIONS_DIR, newer_scripts)
        (newer_scripts / "versions" / "0099_later.py").write_text(
            NEXT_REVISION.format(head=head_revision()), encoding="utf-8")
        monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", newer_scripts)
        monkeypatch.setattr(database_module, "SCHEMA_REVISION", "0099")

        # When the newer program opens it
        db = open_database(scoped_url)

        # Then an export of the old data was written first, and the schema moved on
        exports = list((data_dir() / "backups").glob("*before-upgrade.jsonl.gz"))
        assert len(exports) == 1
        assert current_revision(db.engine) == "0099"
        db.close()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_a_database_of_the_first_release_keeps_its_data_through_the_upgrade(tmp_path):
    # Given a database made by the first release (schema 0001) holding a follow-up
    from alembic import command

    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrate_module.alembic_config(connection), "0001")
    engine.dispose()
    with sqlite3.connect(path) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        old.execute("INSERT INTO focus_areas (id, position, name, active, version, created_at,"
                    " updated_at, changed_by) VALUES (1, 1, 'Lama', 1, 1, '2025-01-01',"
                    " '2025-01-01', '')")
    old.close()

    # When this program opens it
    db = open_database(path)

    # Then it is at this program's schema, the old row is there, and the new tables work
    assert current_revision(db.engine) == SCHEMA_REVISION
    with db.reading() as session:
        assert session.execute(text("SELECT name FROM focus_areas")).scalar_one() == "Lama"
        assert session.execute(text("SELECT count(*) FROM progress_requests")).scalar_one() == 0
    columns = {c["name"] for c in inspect(db.engine).get_columns("evidence_files")}
    assert "content" in columns
    db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def own_database_url(request, tmp_path):
    """A database of the test's own: these tests move its schema back and forth."""
    if request.param == "sqlite":
        yield str(tmp_path / "own.sqlite3")
        return
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from tests.conftest import _require_postgres

    url = _require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(url).update_query_dict(
            {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_meetings_recorded_before_0003_get_their_start_instants(own_database_url):
    from datetime import date, datetime, time

    from alembic import command

    from models import TimeZone
    from secretariat.commitments.catalog import install_defaults
    from secretariat.meetings.lifecycle import AgendaDraft, add_agenda_item
    from tests.factories import make_meeting, make_province, make_task_force

    # Given meetings in three zones, one without a start time, with their agendas, in a
    # database taken back to the schema before the instants (0002)
    db = open_database(own_database_url, actor="tester")
    install_defaults(db)
    task_force = make_task_force(db, make_province(db))
    day = date(2025, 7, 7)
    meetings = {
        make_meeting(db, task_force, day, start_time=time(9, 0), time_zone=TimeZone.WIT):
            datetime(2025, 7, 7, 0, 0),
        make_meeting(db, task_force, day, start_time=time(8, 0), time_zone=TimeZone.WIB):
            datetime(2025, 7, 7, 1, 0),
        make_meeting(db, task_force, day, start_time=time(20, 0), end_time=time(1, 0),
                     time_zone=TimeZone.WITA): datetime(2025, 7, 7, 12, 0),
        make_meeting(db, task_force, day, time_zone=TimeZone.WITA): datetime(2025, 7, 6, 16, 0),
    }
    for meeting in meetings:
        add_agenda_item(db, meeting, AgendaDraft("Pembukaan"))
    with db.engine.begin() as connection:
        command.downgrade(migrate_module.alembic_config(connection), "0002")
    assert "starts_at_utc" not in {c["name"] for c in inspect(db.engine).get_columns("meetings")}

    # When it is upgraded again
    with db.engine.begin() as connection:
        command.upgrade(migrate_module.alembic_config(connection), "head")

    # Then every meeting starts at its instant, and no agenda item was lost on the way
    # (a rebuilt meetings table would have cascaded its deletion to them)
    with db.reading() as session:
        stored = dict(session.execute(text("SELECT id, starts_at_utc FROM meetings")).all())
        agenda = session.execute(text("SELECT count(*) FROM agenda_items")).scalar_one()
    assert {key: _naive(value) for key, value in stored.items()} == meetings
    assert agenda == len(meetings)
    assert _differences(db.engine) == []
    if not db.is_sqlite:  # the placeholder default is gone where it can be dropped
        column = next(c for c in inspect(db.engine).get_columns("meetings")
                      if c["name"] == "starts_at_utc")
        assert column["default"] is None and not column["nullable"]
    db.close()


def _naive(value):
    """SQLite's text as the datetime PostgreSQL's driver gives."""
    from datetime import datetime

    return datetime.fromisoformat(value) if isinstance(value, str) else value
