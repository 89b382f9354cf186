"""One file, one writer: a lock file next to the SQLite database names who has it open.

SQLite's own locking keeps single transactions apart, but two copies of the program on one
file (on this PC, or on another PC through a share) would still overwrite each other's
work and cannot coordinate migrations or backups. So the program creates
`<database>.lock` atomically (O_CREAT|O_EXCL, which SMB and NFS honour too) and writes into
it the host, user, process id, start time, program version and purpose. A second copy
finds the file and is refused with a message naming the holder.

A lock left behind by a crash on this PC (the process it names is gone) is taken over by
the program that asks for it with `take_over_stale`, and the take-over is logged: the
clerk must not be locked out by a crash. Any other lock (a program running here or on
another PC, a file that cannot be read) is refused with a message naming the holder, and
the person breaks it on purpose with `break_lock`.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from secretariat import __version__
from secretariat.dates import clock, short_date
from secretariat.errors import DatabaseProblem
from secretariat.file_errors import os_reason
from secretariat.i18n import _

LOCK_SUFFIX = ".lock"

log = logging.getLogger(__name__)

# The holder creates the file and writes it a moment later; a reader that finds it empty
# waits this long for the content before calling it garbage.
_WRITE_GRACE_SECONDS = 0.5
# A process that started this much later than the lock it supposedly wrote is another
# process that got the same id (after a reboot, say). The slack absorbs clock granularity.
_PID_REUSE_SLACK = timedelta(seconds=5)

# The locks this process holds, so that a lock naming our own pid can be told apart from
# one left by an earlier process that had the same pid (common in containers).
_held_here: set[LockHolder] = set()


@dataclass(frozen=True)
class LockHolder:
    """Who holds the lock, as written in the lock file."""

    host: str
    user: str
    pid: int
    started: datetime  # aware, UTC
    purpose: str = ""
    version: str = ""

    def is_this_host(self) -> bool:
        # Windows host names are case-insensitive; nothing is lost by folding elsewhere.
        return self.host.casefold() == socket.gethostname().casefold()

    def to_json(self) -> str:
        return json.dumps({
            "host": self.host,
            "user": self.user,
            "pid": self.pid,
            "started": self.started.isoformat(timespec="microseconds"),
            "version": self.version,
            "purpose": self.purpose,
        }, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        """The holder described by `text`, or None when it is not a lock we understand."""
        try:
            data = json.loads(text)
            pid = data["pid"]
            started = datetime.fromisoformat(data["started"])
            host, user = data["host"], data.get("user", "")
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        if (not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0
                or not isinstance(host, str) or not isinstance(user, str)):
            return None
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        try:
            started = started.astimezone(UTC)
        except OverflowError:
            return None
        return cls(host=host, user=user, pid=pid, started=started,
                   purpose=str(data.get("purpose", "")), version=str(data.get("version", "")))


class DatabaseLockedError(DatabaseProblem):
    """Another copy of the program holds the database (or a crash left its lock behind).

    `holder` is who holds it (None when the lock file cannot be read), `stale` whether the
    lock is known to be left over (same host and that process is gone, or the file is
    unreadable). A lock from another host cannot be judged, so `stale` is False there.
    """

    def __init__(self, lock_file: Path, holder: LockHolder | None, stale: bool):
        if holder is None:
            message = _("The database has a lock file that cannot be read ({path}); it is "
                        "probably left over from a crash. Break the lock to continue."
                        ).format(path=lock_file)
        elif stale:
            message = _("The database was left locked by the program of {user} on this "
                        "computer ({host}) since {when}, which is no longer running (it "
                        "probably crashed). Break the lock to continue."
                        ).format(**_describe(holder))
        else:
            message = _("The database is open in the program of {user} on {host} since "
                        "{when}. Close it there first, or, if that program crashed, break "
                        "the lock.").format(**_describe(holder))
        super().__init__(message)
        self.lock_file = lock_file
        self.holder = holder
        self.stale = stale


class InstanceLock:
    """The lock this process holds; release it (or leave the `with` block) when done."""

    def __init__(self, lock_file: Path, holder: LockHolder,
                 taken_over: LockHolder | None = None):
        self.lock_file = lock_file
        self.holder = holder
        self.taken_over = taken_over  # the crashed program's lock this one replaced
        self._released = False

    @property
    def held(self) -> bool:
        return not self._released

    def release(self) -> None:
        """Remove the lock file if it is still ours; calling it again does nothing."""
        if self._released:
            return
        self._released = True
        _held_here.discard(self.holder)
        try:
            current = _load(self.lock_file)
        except OSError:
            return  # already gone (someone broke it) or unreachable: nothing of ours to remove
        # Someone may have broken our lock and another program taken it since; that lock
        # is theirs. (Reading then removing leaves a tiny window, as any lock file does.)
        if current == self.holder:
            try:
                self.lock_file.unlink()
            except OSError:
                pass  # gone meanwhile, or the share went away: nothing more we can do

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"InstanceLock({str(self.lock_file)!r}, held={self.held})"


def default_actor() -> str:
    """Who is working: the operating system's user name, recorded in locks and changes."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service contexts; "" is still honest
        return ""


def lock_path(db_path: Path) -> Path:
    """The lock file of a database: `sekretariat.sqlite3` → `sekretariat.sqlite3.lock`."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def acquire_lock(db_path: Path, *, user: str, purpose: str = "",
                 take_over_stale: bool = False) -> InstanceLock:
    """Take the lock of the database at `db_path` for this process.

    With `take_over_stale`, a lock of a program of this PC that is no longer running is
    replaced (and logged). Raises DatabaseLockedError when any other lock exists (even one
    of this very process: the lock is not re-entrant) and DatabaseProblem when the lock file
    cannot be written.
    """
    path = lock_path(db_path)
    holder = LockHolder(host=socket.gethostname(), user=user, pid=os.getpid(),
                        started=datetime.now(UTC), purpose=purpose, version=__version__)
    taken_over: LockHolder | None = None
    for _attempt in range(3):  # retried when the existing lock vanishes or is taken over
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o644)
        except FileExistsError:
            pass
        except PermissionError as exc:
            # Windows answers "access denied" for a file being deleted; otherwise the
            # folder is not ours to write in.
            if not path.exists():
                raise _write_problem(path, exc) from exc
        except OSError as exc:
            raise _write_problem(path, exc) from exc
        else:
            _write_holder(fd, path, holder)
            _held_here.add(holder)
            return InstanceLock(path, holder, taken_over)
        try:
            existing = _load_waiting(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _write_problem(path, exc) from exc
        stale = is_stale(existing)
        if (take_over_stale and stale and existing is not None and existing.is_this_host()
                and taken_over is None):
            log.warning("Taking over the lock %s left by %s (pid %s, since %s), which is no "
                        "longer running", path, existing.user, existing.pid,
                        existing.started.isoformat(timespec="seconds"))
            break_lock(db_path)
            taken_over = existing
            continue
        raise DatabaseLockedError(path, existing, stale)
    raise DatabaseLockedError(path, None, False)  # it keeps appearing and vanishing


def read_lock(db_path: Path) -> LockHolder | None:
    """Who holds the database's lock; None when there is no lock file or it is unreadable.

    `lock_path(db_path).exists()` tells an unreadable lock from none.
    """
    try:
        return _load(lock_path(db_path))
    except OSError:
        return None


def break_lock(db_path: Path) -> LockHolder | None:
    """Remove the lock on purpose (after the person confirmed); returns who held it."""
    path = lock_path(db_path)
    try:
        holder = _load(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _write_problem(path, exc) from exc
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DatabaseProblem(
            _("The lock file {path} cannot be removed: {reason}").format(
                path=path, reason=os_reason(exc))
        ) from exc
    _held_here.discard(holder)
    return holder


def is_stale(holder: LockHolder | None) -> bool:
    """Whether a lock is known to be left over; a lock of another host cannot be judged."""
    if holder is None:
        return True
    if not holder.is_this_host():
        return False
    if holder.pid == os.getpid():
        return holder not in _held_here
    alive, process_started = _process_status(holder.pid)
    if not alive:
        return True
    # The id is in use, but by a process younger than the lock: the id was reused.
    return process_started is not None and process_started > holder.started + _PID_REUSE_SLACK


# --- the lock file ----------------------------------------------------------------------

_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate newlines


def _write_holder(fd: int, path: Path, holder: LockHolder) -> None:
    try:
        try:
            os.write(fd, holder.to_json().encode("utf-8"))
            os.fsync(fd)  # the holder must be readable by others even after our crash
        finally:
            os.close(fd)
    except OSError as exc:
        try:
            path.unlink()  # a half-written lock of ours would only confuse the next start
        except OSError:
            pass
        raise _write_problem(path, exc) from exc


def _load(path: Path) -> LockHolder | None:
    """The holder in `path` (None if garbage); FileNotFoundError when there is no lock."""
    with open(path, "rb") as stream:
        raw = stream.read(64 * 1024)
    return LockHolder.from_json(raw.decode("utf-8", errors="replace"))


def _load_waiting(path: Path) -> LockHolder | None:
    deadline = time.monotonic() + _WRITE_GRACE_SECONDS
    while True:
        holder = _load(path)
        if holder is not None or time.monotonic() >= deadline:
            return holder
        time.sleep(0.05)


def _write_problem(path: Path, exc: OSError) -> DatabaseProblem:
    return DatabaseProblem(
        _("The lock file {path} cannot be written: {reason}. Check that the database folder "
          "exists and that you may write in it.").format(path=path, reason=os_reason(exc))
    )


def taken_over_notice(holder: LockHolder) -> str:
    """The line the clerk reads after the program took over a crashed program's lock."""
    return _("The program of {user} on this computer, open since {when}, had stopped without "
             "closing (a crash or a power cut); its lock was taken over.").format(
                 **_describe(holder))


def _describe(holder: LockHolder) -> dict[str, str]:
    local = holder.started.astimezone()  # the reader's own clock time
    return {
        "user": holder.user or _("an unknown user"),
        "host": holder.host,
        "when": f"{short_date(local.date())} {clock(local.time())}",
    }


# --- is that process still running? ---------------------------------------------------------

def _process_status(pid: int) -> tuple[bool, datetime | None]:
    """Whether process `pid` runs on this host, and when it started (None if unknown)."""
    if sys.platform == "win32":
        return _windows_process_status(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks; on Windows os.kill would terminate instead
    except ProcessLookupError:
        return False, None
    except PermissionError:
        return True, None  # it exists, under another user
    except OSError:
        return True, None  # cannot tell: keep the lock rather than break a live one
    return True, _linux_process_started(pid)


def _linux_process_started(pid: int) -> datetime | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stream:
            stat = stream.read()
        with open("/proc/stat", encoding="ascii", errors="replace") as stream:
            boot = next(int(line.split()[1]) for line in stream if line.startswith("btime "))
        # The command name in parentheses may hold spaces; fields resume after the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        ticks = int(fields[19])  # field 22 of proc(5), "starttime", in clock ticks after boot
        return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), UTC)
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _windows_process_status(pid: int) -> tuple[bool, datetime | None]:
    if sys.platform != "win32":  # WinDLL exists only there; the check lets mypy see that
        raise NotImplementedError("only on Windows")
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    error_access_denied = 5
    still_active = 259

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    filetime_p = ctypes.POINTER(wintypes.FILETIME)
    kernel32.GetProcessTimes.argtypes = (wintypes.HANDLE, filetime_p, filetime_p,
                                         filetime_p, filetime_p)

    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        # Access denied means it exists (another user's or a protected process).
        return ctypes.get_last_error() == error_access_denied, None
    try:
        code = wintypes.DWORD()
        # A handle held open elsewhere keeps an exited process object around.
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != still_active:
            return False, None
        created, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
        if not kernel32.GetProcessTimes(handle, ctypes.byref(created), ctypes.byref(exited),
                                        ctypes.byref(kernel), ctypes.byref(user)):
            return True, None
        hundred_ns = (created.dwHighDateTime << 32) | created.dwLowDateTime
        return True, datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=hundred_ns // 10)
    finally:
        kernel32.CloseHandle(handle)
