"""A program session: the lock while it runs, backups when it starts and closes."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from secretariat.cli.app_session import writer_lock
from secretariat.cli.main import main
from secretariat.storage.database import open_database
from secretariat.storage.instance_lock import lock_path, read_lock
from secretariat.storage.sqlite_copies import list_backups, sqlite_problem


def _program(*args: str) -> subprocess.CompletedProcess:
    """The real program in its own process, offscreen, as CI and users start it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "secretariat", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_desktop_program_backs_up_on_start_and_exit_and_leaves_no_lock(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0

    started = _program("--db", str(path), "--smoke")

    assert started.returncode == 0, started.stderr
    assert int(started.stdout.strip().splitlines()[-1]) > 0  # milliseconds to the first view
    assert not lock_path(path).exists()
    reasons = sorted(reason for _when, reason, _path in list_backups(path))
    assert reasons == ["exit", "start"]
    assert all(sqlite_problem(copy) is None for _w, _r, copy in list_backups(path))


def test_while_the_program_is_open_reading_works_and_writing_is_refused(tmp_path, capsys):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    with writer_lock(str(path), purpose="desktop"):
        assert read_lock(path).purpose == "desktop"
        assert main(["--db", str(path), "list", "meetings", "--json"]) == 0
        assert main(["--db", str(path), "backup", "-o", str(tmp_path / "copy.sqlite3")]) == 0
        assert main(["--db", str(path), "demo"]) == 1
        assert main(["--db", str(path), "restore", str(tmp_path / "copy.sqlite3")]) == 1
    assert not lock_path(path).exists()


def test_a_second_program_is_told_who_has_the_database_open(tmp_path, capsys):
    path = tmp_path / "sekretariat.sqlite3"
    open_database(path).close()
    # Another program holds the lock (a real second process)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; "
         "from secretariat.storage.instance_lock import acquire_lock; "
         "lock = acquire_lock(Path(sys.argv[1]), user='budi', purpose='desktop'); "
         "print('locked', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["--db", str(path), "restore", str(path)]) == 1
        err = capsys.readouterr().err
        assert "budi" in err and len(err.strip().splitlines()) == 1
    finally:
        holder.kill()
        holder.wait()
    # After a crash the lock stays; breaking it on purpose lets work go on
    time.sleep(0.1)
    assert lock_path(path).exists()
    assert main(["--db", str(path), "unlock"]) == 0
    assert "budi" in capsys.readouterr().out
    assert main(["--db", str(path), "demo"]) == 0


def test_a_killed_desktop_program_starts_again_without_a_word_at_a_prompt(tmp_path):
    """Killed mid-session (a crash, a power cut), the program starts again as from its
    shortcut: the lock the dead process left is taken over, not a refusal on stderr."""
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    running = subprocess.Popen([sys.executable, "-m", "secretariat", "--db", str(path)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while read_lock(path) is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert read_lock(path).pid == running.pid
    finally:
        running.kill()
        running.wait()

    started = _program("--db", str(path), "--smoke")

    assert started.returncode == 0, started.stderr
    assert not lock_path(path).exists()
