"""The live database keeps SQLite's locks, whatever the program does beside its writes.

Each test runs a program path in a process that has the database open (lock_keeper.py),
lets another process open and close a read-write connection (as a `secretariat list` in a
terminal does), saves 47 more rows, kills the process with SIGKILL and counts: every
committed row must be in the file. Had the path dropped the process's locks, the other
process would have deleted the WAL and the 47 rows would be lost (the raw control shows
it happens). POSIX only: on Windows, closing a handle drops no other handle's locks.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.storage.live_files import lost_lock

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the lost locks are a POSIX matter, checked on Linux")

KEEPER = Path(__file__).with_name("lock_keeper.py")
LATER_ROWS = 47


def _other_process_opens_and_closes(path: Path) -> None:
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM sqlite_master').fetchone(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)


def _run_and_kill(path: Path, name: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    keeper = subprocess.Popen([sys.executable, str(KEEPER), str(path), name], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert keeper.stdout.readline().strip() == "READY", keeper.stderr.read()
        _other_process_opens_and_closes(path)
        keeper.stdin.write("GO\n")
        keeper.stdin.flush()
        assert keeper.stdout.readline().strip() == "DONE", keeper.stderr.read()
    finally:
        keeper.send_signal(signal.SIGKILL)
        keeper.wait(timeout=30)


def _count(path: Path, sql: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


@pytest.mark.parametrize("name", ["plain-open", "header-check", "second-database",
                                  "first-view", "backup", "check", "restore-refused",
                                  "exports", "file-dialogs"])
def test_every_committed_row_survives_a_kill(tmp_path, name):
    path = tmp_path / "sekretariat.sqlite3"
    _run_and_kill(path, name)
    expected = 1 + LATER_ROWS + (1 if name == "second-database" else 0)
    assert _count(path, "SELECT count(*) FROM agencies") == expected


def test_the_scenario_loses_rows_when_nothing_guards_the_locks(tmp_path):
    """The control: a plain sqlite3 writer whose locks a plain open()/close() dropped."""
    path = tmp_path / "raw.sqlite3"
    _run_and_kill(path, "raw-control")
    assert _count(path, "SELECT count(*) FROM rows") < 1 + LATER_ROWS


def test_the_guard_sees_a_lock_dropped_in_this_process(sqlite_db):
    path = sqlite_db.sqlite_path
    with sqlite_db.unit_of_work():
        pass
    assert not lost_lock(path)
    with open(path, "rb"):  # closing it drops the process's locks on the file
        pass
    assert lost_lock(path)
    with sqlite_db.unit_of_work():  # reconnects first
        pass
    assert not lost_lock(path)
