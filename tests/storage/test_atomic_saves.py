"""A crash in the middle of a save leaves the database as it was before the save.

A writer process (tests/storage/crash_writer.py) saves batches of 500 commitments, each batch ONE
use case, into a real SQLite file, and is killed with SIGKILL at random moments: while
the batch is being built and written, and right at its COMMIT. After every kill the file
must pass SQLite's integrity check and every meeting must hold either none of its batch or
all of it, numbered 1..500; a batch the writer reported saved must still be there.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from factories import make_agency, make_province, make_task_force

from secretariat.meetings.lifecycle import get_meeting
from secretariat.storage.database import open_database

CRASH_WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 30  # at least 30 crashes
# Where a kill lands depends on the machine's timing: on a busy machine more of them fall
# between batches. The test kills on (up to this many) until enough hit a batch in flight,
# so the check below is never vacuous and never fails for the machine's load alone.
MAX_KILLS = 3 * KILLS
BATCH_SIZE = 500
SEED = 20251202
LINE_TIMEOUT = 30.0  # seconds to wait for one line from the writer before giving up

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
    reason="needs fork() and SIGKILL (POSIX)",
)


class Launcher:
    """The crash_writer.py process: starts writers on request, reports their lines."""

    def __init__(self, db_path: Path, task_force_id: int, agency_id: int, stderr_path: Path):
        self.stderr_path = stderr_path
        self._stderr = stderr_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(CRASH_WRITER), str(db_path), str(task_force_id),
             str(agency_id), str(BATCH_SIZE)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            text=True, bufsize=1,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.expect("READY")

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self) -> str:
        try:
            line = self.lines.get(timeout=LINE_TIMEOUT)
        except queue.Empty:
            pytest.fail(f"crash_writer.py said nothing for {LINE_TIMEOUT} s; "
                        f"stderr:\n{self.stderr()}")
        if line is None:
            pytest.fail(f"crash_writer.py ended unexpectedly; stderr:\n{self.stderr()}")
        return line

    def expect(self, word: str) -> list[str]:
        line = self.next_line()
        words = line.split()
        assert words[0] == word, f"expected {word}, got {line!r}; stderr:\n{self.stderr()}"
        return words

    def send(self, command: str) -> None:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")[-4000:]

    def close(self) -> None:
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        finally:
            self._stderr.close()


class Log:
    """What the writers reported about their batches."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.writing: set[int] = set()
        self.committing: set[int] = set()
        self.done: dict[int, float] = {}

    def note(self, line: str) -> None:
        words = line.split()
        if words[0] == "START":
            self.started.append(int(words[1]))
        elif words[0] == "WRITING":
            self.writing.add(int(words[1]))
        elif words[0] == "COMMITTING":
            self.committing.add(int(words[1]))
        elif words[0] == "DONE":
            self.done[int(words[1])] = float(words[2])


def check_file(path: Path) -> dict[int, int]:
    """The file is sound and every meeting holds 0 or a whole batch; returns the counts."""
    connection = sqlite3.connect(path)  # a fresh connection recovers the WAL like the app
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = connection.execute(
            "SELECT m.id, COUNT(c.id), MIN(c.number), MAX(c.number), COUNT(DISTINCT c.number)"
            " FROM meetings m LEFT JOIN commitments c ON c.meeting_id = m.id GROUP BY m.id"
        ).fetchall()
        orphans = connection.execute(
            "SELECT COUNT(*) FROM commitments WHERE meeting_id NOT IN (SELECT id FROM meetings)"
        ).fetchone()[0]
    finally:
        connection.close()
    assert orphans == 0
    counts = {}
    for meeting_id, count, low, high, distinct in rows:
        assert count in (0, BATCH_SIZE), f"meeting {meeting_id} holds a partial batch: {count}"
        if count:
            assert (low, high, distinct) == (1, BATCH_SIZE, BATCH_SIZE), (
                f"meeting {meeting_id} is numbered {low}..{high} with {distinct} distinct numbers"
            )
        counts[meeting_id] = count
    return counts


def run_writer(launcher: Launcher, log: Log, command: str, trigger=None) -> int:
    """Start a writer; with `trigger` (word, occurrence, delay) kill it then. Returns status."""
    launcher.send(command)
    pid = int(launcher.expect("WRITER")[1])
    seen = 0
    while True:
        line = launcher.next_line()
        if line.startswith("ENDED"):
            return int(line.split()[2])
        log.note(line)
        if trigger is not None and line.split()[0] == trigger[0]:
            seen += 1
            if seen == trigger[1]:
                time.sleep(trigger[2])
                os.kill(pid, signal.SIGKILL)
                trigger = None  # then read on until the launcher has reaped it


def test_a_killed_save_leaves_all_or_nothing(sqlite_db, tmp_path):
    began = time.perf_counter()
    path = sqlite_db.sqlite_path
    task_force = make_task_force(sqlite_db, make_province(sqlite_db))
    agency = make_agency(sqlite_db)
    sqlite_db.close()
    rng = random.Random(SEED)
    log = Log()
    launcher = Launcher(path, task_force, agency, tmp_path / "crash_writer.stderr")
    try:
        # Measure a batch: two writes left to finish.
        status = run_writer(launcher, log, "run 2")
        assert status == 0, launcher.stderr()
        assert len(log.done) == 2
        batch_seconds = max(log.done.values())
        assert all(count == BATCH_SIZE for count in check_file(path).values())

        interrupted: list[int] = []  # batches that had started but not returned at the kill
        interrupted_while_writing: list[int] = []
        for kill in range(MAX_KILLS):
            if kill >= KILLS and len(interrupted) >= KILLS // 2 \
                    and len(interrupted_while_writing) >= KILLS // 3:
                break
            if kill % 4 == 3:
                # Right at the COMMIT: either the whole batch or nothing may survive.
                trigger = ("COMMITTING", 1, rng.uniform(0.0, 0.004))
            else:
                # Anywhere in this writer's first batch, now and then in its second (so
                # earlier batches of the same writer are complete).
                occurrence = 2 if rng.random() < 0.25 else 1
                trigger = ("START", occurrence, rng.uniform(0.0, batch_seconds))
            status = run_writer(launcher, log, "run", trigger)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"the writer was not killed but ended with status {status}:\n"
                f"{launcher.stderr()}"
            )
            counts = check_file(path)
            last = log.started[-1]
            if last not in log.done:
                interrupted.append(last)
                if last in log.writing:
                    interrupted_while_writing.append(last)
            # What a writer reported saved stays saved.
            lost = [m for m in log.done if counts.get(m) != BATCH_SIZE]
            assert not lost, f"saved batches lost after kill {kill + 1}: {lost}"
    finally:
        launcher.close()

    # Not vacuous: many kills hit a batch in flight, rows had reached the database, and
    # such batches were rolled back as a whole (meetings left with none of their batch).
    counts = check_file(path)
    assert len(log.started) > len(log.done)
    assert len(interrupted) >= KILLS // 2, (len(interrupted), KILLS)
    assert len(interrupted_while_writing) >= KILLS // 3, (len(interrupted_while_writing), KILLS)
    assert any(counts[m] == 0 for m in interrupted_while_writing)
    assert sum(1 for count in counts.values() if count == BATCH_SIZE) >= len(log.done)

    # The program itself still opens the file and sees the same.
    db = open_database(path, actor="tester")
    try:
        for meeting_id, count in counts.items():
            assert get_meeting(db, meeting_id).commitment_count == count
    finally:
        db.close()
    elapsed = time.perf_counter() - began
    print(f"\n{KILLS} kills: {len(interrupted)} mid-batch "
          f"({len(interrupted_while_writing)} after rows were written, "
          f"{sum(1 for m in interrupted if m in log.committing)} at COMMIT); "
          f"{len(log.done)} batches saved; batch {batch_seconds:.2f} s; {elapsed:.1f} s")
