"""The SQLite files this process has open, and keeping SQLite's locks on them.

On POSIX, closing *any* descriptor of a file drops every lock the process holds on it,
SQLite's included ("How To Corrupt An SQLite Database File", §2.2). A plain `open()` and
`close()` of the live database, by us or by a library reading the file to tell its type,
leaves the program's connections without their shared lock; the next outside connection
that closes then believes it is the last, checkpoints and deletes the WAL the program still
writes into, and a crash loses everything written since.

So: a file is *held* from just before its engine connects until the engine is disposed,
and while it is held nothing of ours reads it with plain file I/O (`read_header` says
so, and the caller goes through SQLite instead). Before each write, `lost_lock` asks the
kernel (`/proc/locks`, Linux) whether the process still holds a lock on the file; the
database reconnects when it does not, so nothing is written into a log another process
may delete. On Windows a handle's close drops only that handle's locks: nothing to guard.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import Counter
from pathlib import Path

PROC_LOCKS = Path("/proc/locks")

# One mutex for holding a file and for plain reads of a file not held: a header read in
# one thread can never close its descriptor after another thread's engine has connected.
_mutex = threading.Lock()
_held: Counter[tuple[int, int]] = Counter()


def _identity(path: Path) -> tuple[int, int] | None:
    """The file as the kernel knows it (device, inode), whatever path names it."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def is_held(path: Path) -> bool:
    identity = _identity(path)
    with _mutex:
        return identity is not None and _held[identity] > 0


def hold(path: Path) -> tuple[int, int] | None:
    """Mark `path` held until `release` is called with what this returns."""
    with _mutex:
        identity = _identity(path)
        if identity is not None:
            _held[identity] += 1
        return identity


def release(identity: tuple[int, int] | None) -> None:
    if identity is None:
        return
    with _mutex:
        _held[identity] -= 1
        if _held[identity] <= 0:
            del _held[identity]


def read_header(path: Path, size: int = 100) -> bytes | None:
    """The first bytes of a file this process does not hold; None when it holds it.

    Raises OSError as `open` does.
    """
    with _mutex:
        identity = _identity(path)
        if identity is not None and _held[identity] > 0:
            return None
        with open(path, "rb") as file:
            return file.read(size)


def is_database_file(path: Path) -> bool:
    """Is `path` a held database, or the -wal/-shm/-journal beside one?"""
    for suffix in ("-wal", "-shm", "-journal"):
        if path.name.endswith(suffix):
            path = path.with_name(path.name[: -len(suffix)])
            break
    return is_held(path)


def lost_lock(path: Path) -> bool:
    """True when the kernel shows this process without its lock on `path` or its -shm.

    An idle WAL connection keeps a shared lock on the database file (so that no other
    process deletes the WAL) and one on the -shm's first byte (so that none rebuilds the
    index under it). False while both are held, and where the platform cannot tell (not
    Linux, no /proc): the guard then stays out of the way instead of reconnecting for
    nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    files = [identity for identity in (_identity(path), _identity(Path(f"{path}-shm")))
             if identity is not None]
    if not files:
        return False
    try:
        table = PROC_LOCKS.read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return not _locked_by_me(table, files)


def _locked_by_me(table: str, files: list[tuple[int, int]]) -> bool:
    wanted = {f"{os.major(device):02x}:{os.minor(device):02x}:{inode}"
              for device, inode in files}
    pid = str(os.getpid())
    # "1: POSIX  ADVISORY  READ 4242 08:01:1312 1073741826 1073742335"; "->" marks waiters.
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[1] != "->" and fields[4] == pid:
            wanted.discard(fields[5])
    return not wanted


def wal_deleted(path: Path) -> bool:
    """Does this process still write into a WAL that another process deleted? (Linux)"""
    folder = Path("/proc/self/fd")
    wanted = f"{path.resolve()}-wal (deleted)"
    try:
        return any(os.readlink(folder / fd) == wanted for fd in os.listdir(folder))
    except OSError:
        return False
