"""Bad storage gives a clear one-line message and loses nothing.

A full disk, a read-only database, a database busy with another writer, a lost server
connection and two people saving the same record: each must end in a domain error
(`DatabaseProblem` or `ConflictError`) whose message a clerk can read, with the database
holding exactly what it held before. Messages are Indonesian by default and their wording
may change, so the tests check types, attributes, the one-line form and the stored data.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from models import Agency, AgencyLevel, Commitment
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.commitments.recording import (
    CommitmentDraft,
    add_commitments,
    delete_commitment,
    update_commitment,
)
from secretariat.errors import ConflictError, DatabaseProblem, DomainError
from secretariat.storage.database import Database, open_database
from secretariat.storage.driver_errors import translate

# ---------------------------------------------------------------------------------------
# helpers


def assert_clean_message(error: DomainError) -> None:
    """A message for a person: one line, no driver or Python internals."""
    message = str(error)
    assert message.strip(), "empty message"
    assert error.message == message
    assert "\n" not in message and "\r" not in message, f"multi-line message: {message!r}"
    for internal in ("Traceback", "sqlite3.", "psycopg", "OperationalError", "[SQL:",
                     "Background on this error", "sqlalche.me"):
        assert internal not in message, f"{internal!r} shown to the user: {message!r}"


def sqlite_snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read with a connection of its own."""
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(),
                              key=repr)
                for table in tables}
    finally:
        connection.close()


def assert_sound(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def with_pragmas(path_or_url, *pragmas: str, actor: str = "tester") -> Database:
    """A Database whose every connection runs `pragmas` after the program's own settings."""
    db = open_database(path_or_url, actor=actor)

    @event.listens_for(db.engine, "connect")
    def _extra_pragmas(dbapi_connection, _record) -> None:  # registered after the app's
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    db.engine.dispose()  # no pooled connection without them
    return db


def drafts(agency_id: int, count: int, text_: str = "Komitmen") -> list[CommitmentDraft]:
    return [CommitmentDraft(text=f"{text_} {n}: " + "pendataan pekerja migran " * 8,
                            lead_agency_id=agency_id, action_plan="Rencana aksi " * 10)
            for n in range(1, count + 1)]


@pytest.fixture
def setup(sqlite_db):
    """A meeting with one commitment, on the SQLite file of `sqlite_db`."""
    task_force = make_task_force(sqlite_db, make_province(sqlite_db))
    agency = make_agency(sqlite_db)
    meeting = make_meeting(sqlite_db, task_force)
    make_commitment(sqlite_db, meeting, agency)
    sqlite_db.close()  # the tests open the file the way they need
    return sqlite_db.sqlite_path, meeting, agency


def new_agency(abbreviation: str = "Polda") -> AgencyDraft:
    return AgencyDraft(name=f"{abbreviation} Kalimantan Selatan", abbreviation=abbreviation,
                       level=AgencyLevel.PROVINCE)


# ---------------------------------------------------------------------------------------
# disk full


def test_a_full_disk_gives_a_clear_message_and_saves_nothing(setup):
    path, meeting, agency = setup
    before = sqlite_snapshot(path)
    connection = sqlite3.connect(path)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    db = with_pragmas(path, f"PRAGMA max_page_count={pages + 2}")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            add_commitments(db, meeting, drafts(agency, 500))
    finally:
        db.close()
    assert_clean_message(caught.value)
    assert sqlite_snapshot(path) == before
    assert_sound(path)

    # Once there is room again, the same save goes through whole.
    db = open_database(path, actor="tester")
    try:
        ids = add_commitments(db, meeting, drafts(agency, 500))
    finally:
        db.close()
    assert len(ids) == 500
    assert len(sqlite_snapshot(path)["commitments"]) == len(before["commitments"]) + 500


# ---------------------------------------------------------------------------------------
# read-only


def test_a_read_only_connection_refuses_writes_cleanly(setup):
    path, meeting, agency = setup
    before = sqlite_snapshot(path)
    db = with_pragmas(path, "PRAGMA query_only=ON")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            add_commitments(db, meeting, drafts(agency, 3))
        assert_clean_message(caught.value)
        with pytest.raises(DatabaseProblem) as caught:
            create_agency(db, new_agency())
        assert_clean_message(caught.value)
        commitment = before["commitments"][0][0]
        with pytest.raises(DatabaseProblem) as caught:
            update_commitment(db, commitment, CommitmentDraft(text="Diubah", lead_agency_id=agency),
                              version_of(db, Commitment, commitment))
        assert_clean_message(caught.value)
    finally:
        db.close()
    assert sqlite_snapshot(path) == before
    assert_sound(path)


def test_a_database_opened_read_only_by_uri_refuses_writes_cleanly(setup):
    path, meeting, agency = setup
    before = sqlite_snapshot(path)
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    try:
        db = open_database(url, actor="tester")
    except DatabaseProblem as problem:  # refusing to open at all is acceptable too
        assert_clean_message(problem)
    else:
        try:
            with db.reading() as session:  # reading works
                assert session.scalar(select(Agency.id).where(Agency.id == agency)) == agency
            with pytest.raises(DatabaseProblem) as caught:
                add_commitments(db, meeting, drafts(agency, 3))
            assert_clean_message(caught.value)
            with pytest.raises(DatabaseProblem) as caught:
                create_agency(db, new_agency())
            assert_clean_message(caught.value)
        finally:
            db.close()
    assert sqlite_snapshot(path) == before
    assert_sound(path)


def test_a_database_opened_by_uri_knows_its_real_file(setup):
    """Backups and restores work on `sqlite_path`: it must be the file itself, or None."""
    path, _meeting, _agency = setup
    db = open_database(f"sqlite:///file:{path}?mode=ro&uri=true", actor="tester")
    try:
        assert db.sqlite_path is None or db.sqlite_path.resolve() == path.resolve(), (
            f"sqlite_path is {db.sqlite_path}")
    finally:
        db.close()


# ---------------------------------------------------------------------------------------
# locked / busy


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as a colleague's save in progress
    return holder


def test_a_busy_database_gives_a_clear_message_quickly_then_the_save_works(setup):
    path, meeting, agency = setup
    before = sqlite_snapshot(path)
    db = with_pragmas(path, "PRAGMA busy_timeout=200")
    holder = _hold_write_lock(path)
    try:
        began = time.perf_counter()
        with pytest.raises(DatabaseProblem) as caught:
            add_commitments(db, meeting, drafts(agency, 50))
        assert time.perf_counter() - began < 5
        assert_clean_message(caught.value)
        with pytest.raises(DatabaseProblem):
            create_agency(db, new_agency())
        assert sqlite_snapshot(path) == before  # readers are not blocked meanwhile

        # The colleague finishes; the same save now works.
        holder.close()
        holder = None
        ids = add_commitments(db, meeting, drafts(agency, 50))
        assert len(ids) == 50
    finally:
        if holder is not None:
            holder.close()
        db.close()
    after = sqlite_snapshot(path)
    assert len(after["commitments"]) == len(before["commitments"]) + 50
    assert_sound(path)


def test_a_save_waits_for_a_colleagues_short_save(setup):
    """The program sets a busy timeout (10 s) so that a save waits for another writer.

    A colleague's save holding the write lock for a fraction of a second must delay our
    save, not make it fail. (With a deferred BEGIN, SQLite cannot use the busy timeout
    once the transaction has read: every use case reads first, so it fails at once.)
    """
    path, meeting, agency = setup
    db = open_database(path, actor="tester")  # the program's own settings
    holder = _hold_write_lock(path)
    release = threading.Timer(0.3, holder.commit)
    release.start()
    try:
        began = time.perf_counter()
        try:
            ids = add_commitments(db, meeting, drafts(agency, 20))
        except DatabaseProblem as problem:
            pytest.fail(f"the save failed after {time.perf_counter() - began:.3f} s instead "
                        f"of waiting for the other writer (busy timeout unused): {problem}")
        assert len(ids) == 20
        assert time.perf_counter() - began >= 0.2  # it did wait
    finally:
        release.join()
        holder.close()
        db.close()
    assert_sound(path)


# ---------------------------------------------------------------------------------------
# translate(): driver errors to domain errors


class FakeDriverError(Exception):
    """Stands in for a driver exception; carries only the attributes given."""

    def __init__(self, message: str, *, sqlstate: str | None = None,
                 sqlite_errorcode: int | None = None):
        super().__init__(message)
        if sqlstate is not None:
            self.sqlstate = sqlstate
        if sqlite_errorcode is not None:
            self.sqlite_errorcode = sqlite_errorcode


def wrapped(orig: Exception, *, invalidated: bool = False) -> DBAPIError:
    return OperationalError("UPDATE commitments SET text=%(text)s", {"text": "x"}, orig,
                            connection_invalidated=invalidated)


@pytest.mark.parametrize("sqlstate, expected", [
    ("53100", DatabaseProblem),  # disk full
    ("25006", DatabaseProblem),  # read-only transaction (a standby server)
    ("40001", ConflictError),    # serialization failure
    ("40P01", ConflictError),    # deadlock detected
    ("08006", DatabaseProblem),  # connection failure
    ("08001", DatabaseProblem),  # could not connect
])
def test_translate_postgres_states(sqlstate, expected):
    problem = translate(wrapped(FakeDriverError("boom\nDETAIL: internal", sqlstate=sqlstate)))
    assert type(problem) is expected
    assert_clean_message(problem)


def test_translate_postgres_states_with_the_real_driver_classes():
    errors = pytest.importorskip("psycopg.errors")
    for sqlstate, expected in [("53100", DatabaseProblem), ("25006", DatabaseProblem),
                               ("40001", ConflictError), ("08006", DatabaseProblem)]:
        problem = translate(wrapped(errors.lookup(sqlstate)("boom")))
        assert type(problem) is expected, sqlstate
        assert_clean_message(problem)


def test_distinct_storage_problems_get_distinct_messages():
    messages = {state: str(translate(wrapped(FakeDriverError("x", sqlstate=state))))
                for state in ("53100", "25006", "08006")}
    assert len(set(messages.values())) == 3, messages


@pytest.mark.parametrize("code, expected", [
    (13, DatabaseProblem),    # SQLITE_FULL
    (8, DatabaseProblem),     # SQLITE_READONLY
    (5, DatabaseProblem),     # SQLITE_BUSY
    (6, DatabaseProblem),     # SQLITE_LOCKED
    (517, ConflictError),     # SQLITE_BUSY_SNAPSHOT
    (778, DatabaseProblem),   # SQLITE_IOERR_WRITE (extended code)
    (11, DatabaseProblem),    # SQLITE_CORRUPT
    (26, DatabaseProblem),    # SQLITE_NOTADB
])
def test_translate_sqlite_codes(code, expected):
    problem = translate(wrapped(FakeDriverError("boom", sqlite_errorcode=code)))
    assert type(problem) is expected
    assert_clean_message(problem)


@pytest.mark.parametrize("orig", [
    FakeDriverError("syntax error", sqlstate="42601"),
    FakeDriverError("undefined table", sqlstate="42P01"),
    FakeDriverError("SQL logic error", sqlite_errorcode=1),
    FakeDriverError("something else entirely"),
])
def test_translate_leaves_unrelated_errors_alone(orig):
    assert translate(wrapped(orig)) is None


def test_translate_a_clash_is_a_conflict():
    problem = translate(IntegrityError("INSERT", {}, FakeDriverError("duplicate key",
                                                                     sqlstate="23505")))
    assert isinstance(problem, ConflictError)
    assert_clean_message(problem)


@pytest.mark.parametrize("sqlstate", ["57P01", "57P02", "57P03"])
def test_translate_a_server_shutdown_is_a_lost_connection(sqlstate):
    """admin_shutdown / crash_shutdown / cannot_connect_now: the server went away."""
    problem = translate(wrapped(FakeDriverError("terminating connection", sqlstate=sqlstate)))
    assert isinstance(problem, DatabaseProblem)
    assert_clean_message(problem)


def test_translate_a_dropped_connection_without_sqlstate_is_a_lost_connection():
    """A network drop: psycopg gives no SQLSTATE, but SQLAlchemy marks the disconnect."""
    orig = FakeDriverError("server closed the connection unexpectedly")
    problem = translate(wrapped(orig, invalidated=True))
    assert isinstance(problem, DatabaseProblem)
    assert_clean_message(problem)


def test_unit_of_work_translates_and_rolls_back(db):
    """Whatever the use case did before the driver error is not kept."""
    with pytest.raises(DatabaseProblem) as caught:
        with db.unit_of_work() as session:
            session.add(Agency(name="Dinas Uji", abbreviation="Uji", level=AgencyLevel.PROVINCE,
                               active=True))
            session.flush()
            raise wrapped(FakeDriverError("disk full", sqlstate="53100"))
    assert_clean_message(caught.value)
    with db.reading() as session:
        assert session.scalar(select(Agency.id).where(Agency.abbreviation == "Uji")) is None


# ---------------------------------------------------------------------------------------
# a lost PostgreSQL connection in the middle of a save


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)  # a server connection
@pytest.mark.parametrize("how", ["server ends the session", "network drops"])
def test_a_lost_server_connection_mid_save_is_a_clear_problem(db, how):
    admin = create_engine(db.url)
    fired = []

    def lose_connection(session, _context, _instances):
        if fired:
            return
        fired.append(True)
        connection = session.connection()
        if how == "server ends the session":
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
            with admin.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        else:
            fileno = connection.connection.dbapi_connection.fileno()
            socket.socket(fileno=os.dup(fileno)).shutdown(socket.SHUT_RDWR)

    event.listen(db.sessions, "before_flush", lose_connection)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            create_agency(db, new_agency())
    finally:
        event.remove(db.sessions, "before_flush", lose_connection)
        admin.dispose()
    assert_clean_message(caught.value)
    with db.reading() as session:  # the program reconnects; nothing was saved
        assert session.scalar(select(Agency.id).where(Agency.abbreviation == "Polda")) is None
    assert create_agency(db, new_agency())  # and the same save now works


# ---------------------------------------------------------------------------------------
# two people, one record (both databases)


@pytest.fixture
def two_clerks(db, db_url):
    """Ani and Budi, each with the program open on the same database, and a commitment."""
    task_force = make_task_force(db, make_province(db))
    agency = make_agency(db)
    meeting = make_meeting(db, task_force)
    first = make_commitment(db, meeting, agency, text="Komitmen pertama")
    second = make_commitment(db, meeting, agency, text="Komitmen kedua")
    ani = open_database(db_url, actor="ani")
    budi = open_database(db_url, actor="budi")
    yield ani, budi, agency, meeting, first, second
    ani.close()
    budi.close()


def _stored(db, commitment_id: int) -> Commitment | None:
    with db.reading() as session:
        return session.get(Commitment, commitment_id)


def test_a_stale_edit_is_refused_naming_who_changed_it(two_clerks):
    ani, budi, agency, _meeting, first, _second = two_clerks
    seen_by_ani = version_of(ani, Commitment, first)
    seen_by_budi = version_of(budi, Commitment, first)
    assert seen_by_ani == seen_by_budi

    update_commitment(ani, first, CommitmentDraft(text="Teks Ani", lead_agency_id=agency),
                      seen_by_ani)
    with pytest.raises(ConflictError) as caught:
        update_commitment(budi, first, CommitmentDraft(text="Teks Budi", lead_agency_id=agency),
                          seen_by_budi)
    conflict = caught.value
    assert conflict.changed_by == "ani"
    assert conflict.changed_at is not None
    assert_clean_message(conflict)

    stored = _stored(budi, first)
    assert stored.text == "Teks Ani"
    assert stored.changed_by == "ani"
    assert stored.version == seen_by_ani + 1
    assert conflict.changed_at == stored.updated_at

    # Budi reloads and applies his change again: now it goes through.
    update_commitment(budi, first, CommitmentDraft(text="Teks Budi", lead_agency_id=agency),
                      version_of(budi, Commitment, first))
    assert _stored(ani, first).changed_by == "budi"


def test_a_stale_delete_is_refused_naming_who_changed_it(two_clerks):
    ani, budi, agency, meeting, first, second = two_clerks
    seen_by_budi = version_of(budi, Commitment, first)
    update_commitment(ani, first, CommitmentDraft(text="Teks Ani", lead_agency_id=agency),
                      version_of(ani, Commitment, first))

    with pytest.raises(ConflictError) as caught:
        delete_commitment(budi, first, seen_by_budi)
    conflict = caught.value
    assert conflict.changed_by == "ani"
    assert conflict.changed_at is not None
    assert_clean_message(conflict)

    stored = _stored(ani, first)
    assert stored is not None and stored.text == "Teks Ani"
    with ani.reading() as session:
        numbers = session.execute(
            select(Commitment.id, Commitment.number).where(Commitment.meeting_id == meeting)
            .order_by(Commitment.number)).all()
    assert [tuple(row) for row in numbers] == [(first, 1), (second, 2)]


def test_racing_saves_give_one_winner_and_one_conflict(two_clerks):
    """Ani and Budi save the same version at the same moment: no silent overwrite.

    Ani's save starts while Budi's is between its version check and its write. Whichever
    the database lets through first wins; the other gets a ConflictError (SQLite may make
    Ani wait for Budi's transaction, PostgreSQL lets Ani go first).
    """
    ani, budi, agency, _meeting, first, _second = two_clerks
    seen = version_of(budi, Commitment, first)
    outcome: dict[str, BaseException | None] = {}

    def save(name, db, text_):
        try:
            update_commitment(db, first, CommitmentDraft(text=text_, lead_agency_id=agency), seen)
            outcome[name] = None
        except BaseException as error:  # noqa: BLE001 - reported below
            outcome[name] = error

    ani_thread = threading.Thread(target=save, args=("ani", ani, "Teks Ani"))

    def ani_saves_meanwhile(_session, _context, _instances):
        if not ani_thread.is_alive() and "ani" not in outcome:
            ani_thread.start()
            ani_thread.join(1.0)  # done by now unless the database makes her wait for Budi

    event.listen(budi.sessions, "before_flush", ani_saves_meanwhile)
    try:
        save("budi", budi, "Teks Budi")
    finally:
        event.remove(budi.sessions, "before_flush", ani_saves_meanwhile)
        ani_thread.join(30)
    assert not ani_thread.is_alive()
    assert set(outcome) == {"ani", "budi"}
    errors = {name: error for name, error in outcome.items() if error is not None}
    assert len(errors) == 1, f"expected one winner and one conflict, got {outcome}"
    (loser, error), = errors.items()
    assert isinstance(error, ConflictError), repr(error)
    assert_clean_message(error)
    winner = "budi" if loser == "ani" else "ani"
    stored = _stored(ani, first)
    assert stored.text == ("Teks Ani" if winner == "ani" else "Teks Budi")
    assert stored.changed_by == winner
    assert stored.version == seen + 1
    if error.changed_by is not None:
        assert error.changed_by == winner
