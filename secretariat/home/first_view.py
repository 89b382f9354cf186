"""The home page's report for the program's first view, read with the standard sqlite3.

Loading SQLAlchemy and declaring the model classes takes longer than starting Qt and
showing the window (see `tests/perf/bench.py`, `smoke_ratio`). So when the program opens an
SQLite file already at this program's schema, the first view is filled by these few plain
queries and the ORM loads once the window shows its data. Every other read, and every
write, goes through the ORM as usual.

The statements mirror `secretariat.home.attention` clause for clause (same filters, same order,
same counts); `tests/home/test_first_view.py` holds both to identical reports on the demo data,
so a change to one that is not made to the other fails there.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing
from datetime import date, time
from pathlib import Path

from models import SCHEMA_REVISION
from models.enums import CommitmentStatus, MeetingKind, MeetingStatus, TimeZone
from secretariat.commitments.rows import CommitmentRow, ListNames, commitment_row
from secretariat.commitments.status import OPEN_STATUSES
from secretariat.home.attention_report import (
    DRAFT_MINUTES,
    Attention,
    AttentionMeeting,
    GettingStarted,
    Section,
    report_days,
)
from secretariat.storage.paths import database_url, plain_sqlite_file
from secretariat.storage.sqlite_copies import connect_read_only, refuse_damaged

_MEETINGS = """
    SELECT meetings.id, meetings.title, meetings.kind, meetings.date, meetings.start_time,
           meetings.time_zone, meetings.place, task_forces.name, meetings.status,
           count(*) OVER () AS total
    FROM meetings JOIN task_forces ON meetings.task_force_id = task_forces.id
    WHERE {where}
    ORDER BY {order}, meetings.id
    LIMIT ?
"""

_COMMITMENTS = """
    SELECT commitments.id, commitments.meeting_id, meetings.date, meetings.title,
           commitments.number, commitments.text, commitments.lead_agency_id,
           commitments.due_date, commitments.status, commitments.progress,
           commitments.focus_area_id, commitments.sub_task_force_id,
           commitments.confidential, commitments.version
    FROM commitments JOIN meetings ON commitments.meeting_id = meetings.id
    WHERE {where}
    ORDER BY commitments.due_date IS NULL, commitments.due_date, commitments.meeting_id,
             commitments.number
    LIMIT ?
"""

_GETTING_STARTED = """
    SELECT EXISTS (SELECT id FROM task_forces),
           EXISTS (SELECT id FROM letterheads WHERE agency_line != ''),
           EXISTS (SELECT id FROM memberships),
           EXISTS (SELECT id FROM meetings)
"""

_OPEN = "commitments.status IN ({})".format(", ".join("?" * len(OPEN_STATUSES)))
_OPEN_CODES = tuple(status.value for status in OPEN_STATUSES)


def current_sqlite_file(target: str | os.PathLike | None) -> Path | None:
    """The SQLite file `target` names, if its first view can be read without the ORM.

    That is a plain file path (or `sqlite:///` URL) to an existing file at this program's
    schema. None means the full opening must come first: a server, a new file, a schema to
    upgrade, another program's database. A damaged file is refused here as the full
    opening would refuse it (`DamagedDatabaseError`), before anything is shown from it.
    """
    path = plain_sqlite_file(database_url(target))
    if path is None or not path.is_file():
        return None
    refuse_damaged(path)
    try:
        with closing(connect_read_only(path)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:  # no such table: not (yet) a database of this program
        return None
    return path if row is not None and row[0] == SCHEMA_REVISION else None


def first_attention(path: Path, today: date, *, limit: int = 50) -> Attention:
    """`secretariat.home.attention.attention` for the SQLite file at `path`, in one snapshot."""
    week_start, week_end, due_until = report_days(today)
    with closing(connect_read_only(path)) as connection:
        connection.isolation_level = None  # the BEGIN below is ours: one consistent read
        connection.execute("BEGIN")
        this_week = _meetings(
            connection,
            "meetings.date >= ? AND meetings.date <= ? AND meetings.status != ?",
            (week_start.isoformat(), week_end.isoformat(), MeetingStatus.CANCELLED.value),
            "meetings.starts_at_utc", limit)
        drafts = _meetings(
            connection,
            "meetings.status IN (?, ?) AND meetings.date <= ?",
            (*(status.value for status in DRAFT_MINUTES), today.isoformat()),
            "meetings.starts_at_utc", limit)
        names = _names(connection)
        due_soon = _commitments(
            connection, names, today, limit,
            f"{_OPEN} AND commitments.due_date >= ? AND commitments.due_date <= ?",
            (*_OPEN_CODES, today.isoformat(), due_until.isoformat()),
            count_without_join=False)
        overdue = _commitments(
            connection, names, today, limit,
            f"{_OPEN} AND commitments.due_date < ?", (*_OPEN_CODES, today.isoformat()),
            count_without_join=True)
        getting_started = GettingStarted(*(bool(value) for value in connection.execute(
            _GETTING_STARTED).fetchone()))
        connection.execute("ROLLBACK")
    return Attention(
        today=today, week_start=week_start, week_end=week_end, due_soon_until=due_until,
        meetings_this_week=this_week, due_soon=due_soon, overdue=overdue,
        draft_minutes=drafts, getting_started=getting_started,
    )


class FirstView:
    """The first report, read in a background thread while Qt loads and builds the window.

    sqlite3 lets go of the interpreter while SQLite works, so the queries run alongside
    the imports on a second core instead of after them. The thread has its own connection.
    """

    def __init__(self, path: Path, today: date, *, limit: int = 50) -> None:
        self.path, self.today, self.limit = path, today, limit
        self._report: Attention | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._read, name="first-view", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._report = first_attention(self.path, self.today, limit=self.limit)
        except Exception as error:  # handed to the page that asks, on the UI thread
            self._error = error

    def report(self, today: date, limit: int) -> Attention:
        """The report for `today`; read again if the page asks for another day or length."""
        self._thread.join()
        if (today, limit) != (self.today, self.limit):  # started just before midnight
            return first_attention(self.path, today, limit=limit)
        if self._error is not None:
            raise self._error
        if self._report is None:  # the thread died of what `except Exception` lets through
            return first_attention(self.path, today, limit=limit)
        return self._report


def _meetings(connection, where: str, parameters: tuple, order: str,
              limit: int) -> Section[AttentionMeeting]:
    results = connection.execute(_MEETINGS.format(where=where, order=order),
                                 (*parameters, limit)).fetchall()
    rows = tuple(
        AttentionMeeting(meeting_id, title, MeetingKind(kind), date.fromisoformat(day),
                         time.fromisoformat(start) if start else None, TimeZone(zone), place,
                         task_force, MeetingStatus(status))
        for meeting_id, title, kind, day, start, zone, place, task_force, status, _total
        in results)
    return Section(rows, results[0][-1] if results else 0)


def _names(connection) -> ListNames:
    return ListNames(
        dict(connection.execute("SELECT id, abbreviation FROM agencies")),
        dict(connection.execute("SELECT id, name FROM focus_areas")),
        dict(connection.execute("SELECT id, name FROM sub_task_forces")),
    )


def _commitments(connection, names: ListNames, today: date, limit: int, where: str,
                 parameters: tuple, *, count_without_join: bool) -> Section[CommitmentRow]:
    rows = tuple(
        commitment_row(_typed(values), today, names)
        for values in connection.execute(_COMMITMENTS.format(where=where), (*parameters, limit)))
    if len(rows) < limit:  # a short list is its own count
        return Section(rows, len(rows))
    # Every commitment belongs to a meeting: the overdue count skips the join, as the
    # ORM's does, because the index alone answers it ten times faster.
    source = ("commitments" if count_without_join else
              "commitments JOIN meetings ON commitments.meeting_id = meetings.id")
    total = connection.execute(f"SELECT count(*) FROM {source} WHERE {where}",
                               parameters).fetchone()[0]
    return Section(rows, total)


def _typed(values: tuple) -> tuple:
    """sqlite3's text and integers as the ORM would give them: dates, enums, booleans."""
    (cid, meeting_id, meeting_date, meeting_title, number, text, lead_id, due, status,
     progress, focus_id, sub_id, confidential, version) = values
    return (cid, meeting_id, date.fromisoformat(meeting_date), meeting_title, number, text,
            lead_id, date.fromisoformat(due) if due else None, CommitmentStatus(status),
            progress, focus_id, sub_id, bool(confidential), version)
