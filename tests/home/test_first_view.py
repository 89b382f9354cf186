"""The first view read through sqlite3: the same report as the ORM's, and only when it may.

`secretariat.home.first_view` duplicates the statements of `secretariat.home.attention` so the
window can show its data before SQLAlchemy loads; these tests hold the two to identical reports.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from factories import make_meeting, make_province, make_task_force, version_of

from models import SCHEMA_REVISION, Meeting, MeetingStatus, TimeZone
from secretariat.agencies.register import list_agencies
from secretariat.cli.app_session import DeferredDatabase
from secretariat.commitments.recording import CommitmentDraft, add_commitments
from secretariat.demo import fill_demo
from secretariat.home.attention import attention
from secretariat.home.first_view import FirstView, current_sqlite_file, first_attention
from secretariat.meetings.lifecycle import list_meetings, mark_held
from secretariat.meetings.lifecycle import write_minutes as save_minutes
from secretariat.storage.sqlite_copies import DamagedDatabaseError

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo with 3,000 synthetic commitments, so every list is longer than a page."""
    from secretariat.storage.database import open_database

    path = tmp_path_factory.mktemp("first_view") / "demo.sqlite3"
    db = open_database(path, actor="tester")
    try:
        fill_demo(db, scale=3000, today=TODAY)
    finally:
        db.close()
    return path


@pytest.mark.parametrize("day", [TODAY, TODAY - timedelta(days=400), TODAY + timedelta(days=90),
                                 date(2026, 12, 31), date(2020, 1, 1)])
@pytest.mark.parametrize("limit", [50, 3])
def test_the_first_view_reads_the_same_report_as_the_orm(demo_file, day, limit):
    from secretariat.storage.database import open_database

    db = open_database(demo_file, actor="tester")
    try:
        expected = attention(db, day, limit=limit)
    finally:
        db.close()
    assert first_attention(demo_file, day, limit=limit) == expected


def test_the_demo_gives_every_list_entries_to_compare(demo_file):
    report = first_attention(demo_file, TODAY, limit=3)
    for section in (report.meetings_this_week, report.due_soon, report.overdue,
                    report.draft_minutes):
        assert section.rows, "a list the comparison would not exercise"
    assert report.overdue.total > len(report.overdue.rows)  # the count, not the page
    assert report.overdue.rows[0].days_late >= report.overdue.rows[-1].days_late
    assert report.getting_started.complete


def test_rows_the_demo_lacks_read_the_same(sqlite_db, tmp_path):
    """No due date, no start time, confidential, and text that looks like markup."""
    fill_demo(sqlite_db, today=TODAY)
    meeting = next(m for m in list_meetings(sqlite_db) if m.status is MeetingStatus.MINUTES_DRAFT)
    lead = list_agencies(sqlite_db)[0].id
    add_commitments(sqlite_db, meeting.id, [
        CommitmentDraft("<b>Rahasia</b> & =SUM(A1)", lead, due_date=TODAY, confidential=True),
        CommitmentDraft("Tanpa batas waktu", lead),
    ])
    path = sqlite_db.sqlite_path
    assert first_attention(path, TODAY) == attention(sqlite_db, TODAY)
    due_texts = [row.text for row in first_attention(path, TODAY).due_soon.rows]
    assert "<b>Rahasia</b> & =SUM(A1)" in due_texts


def test_meetings_in_three_zones_come_in_the_same_instant_order(sqlite_db):
    """09.00 WIT (00.00 UTC) before 07.30 WIB (00.30 UTC) before 09.00 WITA (01.00 UTC)."""
    kalsel = make_task_force(sqlite_db, make_province(sqlite_db, "63", time_zone=TimeZone.WITA))
    kalbar = make_task_force(sqlite_db, make_province(sqlite_db, "61", "Kalimantan Barat",
                                                      TimeZone.WIB), name="GT Kalbar")
    monday = TODAY - timedelta(days=TODAY.weekday())
    wita = make_meeting(sqlite_db, kalsel, monday, start_time=time(9, 0))
    wib = make_meeting(sqlite_db, kalbar, monday, start_time=time(7, 30))
    wit = make_meeting(sqlite_db, kalsel, monday, start_time=time(9, 0), time_zone=TimeZone.WIT)
    unset = make_meeting(sqlite_db, kalsel, monday)  # 00.00 WITA: first of the day
    for meeting in (wita, wib, wit):  # held, minutes in draft: the second list too
        mark_held(sqlite_db, meeting, version_of(sqlite_db, Meeting, meeting), today=TODAY)
        save_minutes(sqlite_db, meeting, "", "", version_of(sqlite_db, Meeting, meeting))

    report = first_attention(sqlite_db.sqlite_path, TODAY)

    assert report == attention(sqlite_db, TODAY)
    assert [row.id for row in report.meetings_this_week.rows] == [unset, wit, wib, wita]
    assert [row.id for row in report.draft_minutes.rows] == [wit, wib, wita]


def test_an_empty_database_gives_empty_lists(sqlite_db):
    report = first_attention(sqlite_db.sqlite_path, TODAY)
    assert report == attention(sqlite_db, TODAY)
    assert report.overdue.total == report.meetings_this_week.total == 0
    assert not any(vars(report.getting_started).values())  # every setup step still to do


# -- when the first view may be read without the ORM

def test_a_current_file_is_read_directly_by_path_and_by_plain_url(sqlite_db):
    path = sqlite_db.sqlite_path
    assert current_sqlite_file(path) == path.resolve()
    assert current_sqlite_file(f"sqlite:///{path.resolve()}") == path.resolve()


def test_anything_else_takes_the_full_opening(sqlite_db, tmp_path):
    path = sqlite_db.sqlite_path
    assert current_sqlite_file(tmp_path / "belum ada.sqlite3") is None  # created by the opening
    assert current_sqlite_file(f"sqlite:///file:{path}?mode=ro&uri=true") is None
    assert current_sqlite_file("postgresql+psycopg://localhost/test") is None
    other = tmp_path / "lain.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    assert current_sqlite_file(other) is None  # another program's: the opening refuses it


def test_an_older_schema_is_left_to_the_opening_which_upgrades_it(sqlite_db):
    path = sqlite_db.sqlite_path
    sqlite_db.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
        connection.commit()
    assert current_sqlite_file(path) is None
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_REVISION,))
        connection.commit()
    assert current_sqlite_file(path) == path.resolve()


def test_a_damaged_file_is_refused_before_anything_is_shown(tmp_path):
    path = tmp_path / "rusak.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(DamagedDatabaseError):
        current_sqlite_file(path)


def test_the_deferred_database_opens_on_first_use_only(sqlite_db):
    path = sqlite_db.sqlite_path
    sqlite_db.close()
    deferred = DeferredDatabase(path)
    assert deferred.display_name() == str(path) and not deferred.is_open
    deferred.close()  # nothing to close yet
    assert deferred.is_sqlite and deferred.is_open  # anything else opens it
    with deferred.reading() as session:
        assert session.connection() is not None
    deferred.close()


def test_the_window_shows_its_first_data_before_sqlalchemy_loads(demo_file, tmp_path):
    """In a fresh interpreter, as the program starts: no SQLAlchemy until the first view."""
    script = f"""
import sys, time
from datetime import date
from pathlib import Path
from secretariat.cli.app_session import DeferredDatabase
from secretariat.home.first_view import FirstView
from ui.app import run_gui

path = Path({str(demo_file)!r})
def first_view():
    print("orm-loaded" if "sqlalchemy" in sys.modules else "orm-not-loaded")
run_gui(DeferredDatabase(path), smoke_started=time.perf_counter(),
        first_view=FirstView(path, date.today()), after_first_view=first_view)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SECRETARIAT_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[0] == "orm-not-loaded"
    assert int(lines[1]) > 0  # the smoke's milliseconds


def test_the_report_read_ahead_is_the_one_asked_for(demo_file):
    ahead = FirstView(demo_file, TODAY, limit=5)
    assert ahead.report(TODAY, 5) == first_attention(demo_file, TODAY, limit=5)
    # Asked for another day (the program was started just before midnight): read anew.
    tomorrow = TODAY + timedelta(days=1)
    assert FirstView(demo_file, TODAY).report(tomorrow, 50) == first_attention(demo_file, tomorrow)


def test_a_failure_while_reading_ahead_reaches_the_page_that_asks(tmp_path):
    missing = tmp_path / "hilang.sqlite3"
    ahead = FirstView(missing, TODAY)
    with pytest.raises(sqlite3.Error):
        ahead.report(TODAY, 50)
