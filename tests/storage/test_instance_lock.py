"""One file, one writer: the lock next to the database, stale locks, and a real race."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from secretariat import __version__
from secretariat.errors import DatabaseProblem, DomainError
from secretariat.storage import instance_lock
from secretariat.storage.instance_lock import (
    DatabaseLockedError,
    InstanceLock,
    LockHolder,
    acquire_lock,
    break_lock,
    is_stale,
    lock_path,
    read_lock,
)

RACER = Path(__file__).with_name("lock_racer.py")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "sekretariat.sqlite3"


@pytest.fixture
def sleeper():
    """A running process that is not us: stands for another copy of the program."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child
    child.kill()
    child.wait()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: the id no longer names a process
    return child.pid


def _write_lock(db_path: Path, *, host: str | None = None, user: str = "Sari",
                pid: int, started: datetime | None = None) -> None:
    holder = LockHolder(host=host or socket.gethostname(), user=user, pid=pid,
                        started=started or datetime.now(UTC), purpose="gui", version="0.0.9")
    lock_path(db_path).write_text(holder.to_json(), encoding="utf-8")


def _refusal(db_path: Path) -> DatabaseLockedError:
    with pytest.raises(DatabaseLockedError) as caught:
        acquire_lock(db_path, user="Budi")
    return caught.value


def test_acquire_creates_the_lock_file_naming_host_user_and_pid(db_path):
    lock = acquire_lock(db_path, user="Budi", purpose="gui")
    try:
        path = db_path.parent / "sekretariat.sqlite3.lock"
        assert lock.lock_file == path and path.exists()
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["host"] == socket.gethostname()
        assert data["user"] == "Budi"
        assert data["pid"] == os.getpid()
        assert data["version"] == __version__
        assert data["purpose"] == "gui"
        started = datetime.fromisoformat(data["started"])
        assert started.utcoffset() == timedelta(0)
        assert abs(datetime.now(UTC) - started) < timedelta(minutes=1)
        assert read_lock(db_path) == lock.holder
    finally:
        lock.release()


def test_release_removes_the_file_and_is_idempotent(db_path):
    lock = acquire_lock(db_path, user="Budi")
    lock.release()
    assert not lock_path(db_path).exists() and not lock.held
    lock.release()  # a second release does nothing
    acquire_lock(db_path, user="Budi").release()


def test_context_manager_releases(db_path):
    with acquire_lock(db_path, user="Budi") as lock:
        assert isinstance(lock, InstanceLock) and lock_path(db_path).exists()
    assert not lock_path(db_path).exists()


def test_the_lock_is_not_reentrant_and_our_live_lock_is_not_stale(db_path):
    with acquire_lock(db_path, user="Budi"):
        refusal = _refusal(db_path)
        assert refusal.stale is False
        assert refusal.holder.pid == os.getpid()


def test_another_running_program_on_this_host_refuses(db_path, sleeper):
    _write_lock(db_path, user="Sari", pid=sleeper.pid)
    refusal = _refusal(db_path)
    assert isinstance(refusal, DomainError)
    assert refusal.stale is False
    assert refusal.holder.user == "Sari" and refusal.holder.pid == sleeper.pid
    assert "Sari" in str(refusal) and socket.gethostname() in str(refusal)
    assert lock_path(db_path).exists()  # a refusal never touches the other's lock


def test_a_lock_of_another_host_cannot_be_judged(db_path, sleeper):
    # Even a pid that is dead here says nothing about a process on another PC.
    _write_lock(db_path, host="PC-KABID-02", user="Sari", pid=_dead_pid())
    refusal = _refusal(db_path)
    assert refusal.stale is False
    assert "PC-KABID-02" in str(refusal) and "Sari" in str(refusal)


def test_a_dead_process_on_this_host_leaves_a_stale_lock(db_path):
    _write_lock(db_path, user="Sari", pid=_dead_pid())
    refusal = _refusal(db_path)
    assert refusal.stale is True
    assert refusal.holder.user == "Sari"
    assert "Sari" in str(refusal)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process start time via /proc")
def test_a_pid_reused_by_a_younger_process_is_stale(db_path, sleeper):
    _write_lock(db_path, pid=sleeper.pid, started=datetime.now(UTC) - timedelta(hours=3))
    assert _refusal(db_path).stale is True


def test_our_own_pid_in_a_lock_we_do_not_hold_is_stale(db_path):
    # A previous run that crashed with the same pid (usual in containers).
    _write_lock(db_path, pid=os.getpid())
    assert _refusal(db_path).stale is True


@pytest.mark.parametrize("content", [b"", b"not json at all", b"[1, 2]", b'{"host": "x"}',
                                     b'{"host": "x", "user": "y", "pid": -1, '
                                     b'"started": "2026-01-01T00:00:00+00:00"}',
                                     b"\xff\xfe\x00garbage"])
def test_an_unreadable_lock_counts_as_stale(db_path, content):
    lock_path(db_path).write_bytes(content)
    refusal = _refusal(db_path)
    assert refusal.stale is True and refusal.holder is None
    assert str(lock_path(db_path)) in str(refusal)
    assert read_lock(db_path) is None
    assert break_lock(db_path) is None
    assert not lock_path(db_path).exists()


def test_break_lock_then_acquire_works(db_path, sleeper):
    _write_lock(db_path, user="Sari", pid=sleeper.pid)
    removed = break_lock(db_path)
    assert removed is not None and removed.user == "Sari" and removed.pid == sleeper.pid
    assert read_lock(db_path) is None
    with acquire_lock(db_path, user="Budi") as lock:
        assert read_lock(db_path) == lock.holder


def test_break_lock_without_a_lock_returns_none(db_path):
    assert break_lock(db_path) is None
    assert read_lock(db_path) is None


def test_release_leaves_a_lock_someone_else_took_after_breaking_ours(db_path, sleeper):
    ours = acquire_lock(db_path, user="Budi")
    break_lock(db_path)
    _write_lock(db_path, user="Sari", pid=sleeper.pid)
    ours.release()
    holder = read_lock(db_path)
    assert holder is not None and holder.user == "Sari"


def test_release_after_our_lock_was_broken_does_nothing(db_path):
    ours = acquire_lock(db_path, user="Budi")
    break_lock(db_path)
    ours.release()
    assert not lock_path(db_path).exists()


def test_a_missing_folder_is_created(tmp_path):
    with acquire_lock(tmp_path / "new" / "db.sqlite3", user="Budi") as lock:
        assert lock.lock_file.exists()


def test_a_folder_that_cannot_be_written_is_a_domain_error(db_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(instance_lock.os, "open", refuse)
    with pytest.raises(DatabaseProblem) as caught:
        acquire_lock(db_path, user="Budi")
    assert not isinstance(caught.value, DatabaseLockedError)
    assert str(lock_path(db_path)) in str(caught.value)


def test_a_path_under_a_file_is_a_domain_error(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(DatabaseProblem):
        acquire_lock(tmp_path / "afile" / "db.sqlite3", user="Budi")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions and a user that is not root")
def test_a_read_only_folder_is_a_domain_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            acquire_lock(folder / "db.sqlite3", user="Budi")
        assert not isinstance(caught.value, DatabaseLockedError)
    finally:
        folder.chmod(0o755)


def test_a_lock_being_written_is_waited_for(db_path, sleeper, monkeypatch):
    # The holder creates the file empty and fills it a moment later.
    lock_path(db_path).write_bytes(b"")
    holder = LockHolder(host=socket.gethostname(), user="Sari", pid=sleeper.pid,
                        started=datetime.now(UTC))
    real_load = instance_lock._load
    calls = []

    def load_then_fill(path):
        calls.append(path)
        if len(calls) == 2:
            path.write_text(holder.to_json(), encoding="utf-8")
        return real_load(path)

    monkeypatch.setattr(instance_lock, "_load", load_then_fill)
    refusal = _refusal(db_path)
    assert refusal.holder == holder and refusal.stale is False


def test_is_stale_on_holders():
    assert is_stale(None) is True
    other = LockHolder(host="elsewhere", user="x", pid=_dead_pid(), started=datetime.now(UTC))
    assert is_stale(other) is False


def test_holder_json_round_trip():
    holder = LockHolder(host="PC-01", user="Sari Dewi", pid=1234,
                        started=datetime(2026, 11, 22, 2, 3, 4, 5, tzinfo=UTC),
                        purpose="backup", version="1.2.3")
    assert LockHolder.from_json(holder.to_json()) == holder


def test_a_naive_start_time_is_taken_as_utc():
    text = json.dumps({"host": "h", "user": "u", "pid": 5, "started": "2026-01-02T03:04:05"})
    holder = LockHolder.from_json(text)
    assert holder.started == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert holder.purpose == "" and holder.version == ""


def test_racing_processes_exactly_one_wins(tmp_path):
    # Given several programs started on the same file at the same moment
    db_path = tmp_path / "sekretariat.sqlite3"
    go_file = tmp_path / "go"
    racers = [
        subprocess.Popen([sys.executable, str(RACER), str(db_path), str(go_file), f"racer{n}"],
                         stdout=subprocess.PIPE, text=True)
        for n in range(6)
    ]
    try:
        for racer in racers:  # every racer is imported and spinning before the start
            assert racer.stdout.readline().strip() == "READY"
        # When the start is given
        go_file.touch()
        outputs = [racer.communicate(timeout=60)[0].split() for racer in racers]
    finally:
        for racer in racers:
            if racer.poll() is None:
                racer.kill()
                racer.wait()

    # Then exactly one took the lock and the file names it
    winners = [out for out in outputs if out[0] == "WON"]
    losers = [out for out in outputs if out[0] == "LOST"]
    assert len(winners) == 1, outputs
    assert len(losers) == len(racers) - 1, outputs
    holder = read_lock(db_path)
    assert holder is not None and holder.pid == int(winners[0][1])
    assert holder.user.startswith("racer")
    # and, the winner having exited without releasing, its lock is now stale
    deadline = time.monotonic() + 5
    while not is_stale(holder) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _refusal(db_path).stale is True


def test_a_crashed_programs_lock_on_this_host_is_taken_over_when_asked(db_path, caplog):
    _write_lock(db_path, user="Sari", pid=_dead_pid())
    with acquire_lock(db_path, user="Budi", take_over_stale=True) as lock:
        assert lock.taken_over.user == "Sari"
        assert read_lock(db_path).user == "Budi"
    assert "Taking over the lock" in caplog.text


@pytest.mark.parametrize("left", ["other host", "running here", "unreadable"])
def test_no_other_lock_is_taken_over(db_path, sleeper, left):
    if left == "other host":
        _write_lock(db_path, host="PC-KABID-02", pid=_dead_pid())
    elif left == "running here":
        _write_lock(db_path, pid=sleeper.pid)  # written after the process started
    else:
        lock_path(db_path).write_text("{not json", encoding="utf-8")
    with pytest.raises(DatabaseLockedError):
        acquire_lock(db_path, user="Budi", take_over_stale=True)
    assert lock_path(db_path).exists()
