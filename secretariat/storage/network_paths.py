"""Is the database on a network share? SQLite is not safe over network file systems.

SQLite's locking relies on the file system; over SMB and NFS byte-range locks are often
buggy or cached, so two PCs writing one file can damage it. When several PCs need one
database the shared PostgreSQL mode is the answer, and the program says so.

Detection is best-effort and never raises: a UNC path on any system, a drive letter of
type DRIVE_REMOTE on Windows, a network file system in /proc/mounts on Linux. The pure
helpers take their inputs as arguments so they are testable anywhere.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import PurePosixPath

from secretariat.i18n import _

# Linux file system types that reach another machine; "fuse.<name>" counts by its name.
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "sshfs", "9p", "afs", "ceph",
    "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "davfs2", "webdav", "ncpfs", "coda",
    "rclone", "s3fs", "gcsfuse", "juicefs", "moosefs", "mfs",
})

_DRIVE_REMOTE = 4  # GetDriveTypeW result for a mapped network drive


def network_share_warning(path: str | os.PathLike) -> str | None:
    """A warning for a database on a network share, or None when it looks local."""
    if not is_network_path(path):
        return None
    return _("The database {path} is on a network share. SQLite is not safe over network "
             "file systems: the file can be damaged when it is used from several computers. "
             "For several computers use the shared PostgreSQL mode; otherwise keep the "
             "database on this computer's own disk.").format(path=path)


def is_network_path(path: str | os.PathLike) -> bool:
    """Whether `path` lies on a network share, as far as this system can tell."""
    text = os.fspath(path)
    if is_unc_path(text):
        return True
    try:
        if sys.platform == "win32":
            return _windows_drive_is_remote(text)
        if sys.platform.startswith("linux"):
            with open("/proc/mounts", encoding="utf-8", errors="replace") as stream:
                mounts = stream.read()
            # realpath follows symlinks to where the file really lives; a file not yet
            # created is judged by its existing parents.
            return network_fs_type(os.path.realpath(text), mounts) is not None
    except OSError:
        pass  # cannot tell; a warning is advice, never a reason to fail
    return False


def is_unc_path(text: str) -> bool:
    r"""`\\server\share\...` or `//server/share/...` (also `\\?\UNC\server\...`)."""
    normal = text.replace("\\", "/")
    lowered = normal.lower()
    if lowered.startswith(("//?/unc/", "//./unc/")):
        return True
    if lowered.startswith(("//?/", "//./")):
        return False  # a long local path (\\?\C:\...) or a device, not a share
    if not normal.startswith("//") or normal.startswith("///"):
        return False
    server, _sep, rest = normal[2:].partition("/")
    return bool(server) and bool(rest.strip("/"))  # a server and a share name


def drive_root(text: str) -> str | None:
    r"""The root of a Windows drive-letter path: 'z:/data/x.sqlite3' → 'Z:\'."""
    match = re.match(r"([A-Za-z]):", text)
    return f"{match.group(1).upper()}:\\" if match else None


def parse_mounts(mounts_text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, file system type) per line of /proc/mounts, unescaped."""
    entries = []
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            entries.append((_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return entries


def network_fs_type(path: str | os.PathLike, mounts_text: str) -> str | None:
    """The network file system type `path` lives on (per `mounts_text`), or None.

    `path` should be absolute and already resolved; the longest matching mount point
    wins, and of equal ones the last mounted (it hides the earlier).
    """
    target = PurePosixPath(os.fspath(path))
    best: tuple[str, str] | None = None
    for _device, mount_point, fs_type in parse_mounts(mounts_text):
        mount = PurePosixPath(mount_point)
        if (target == mount or mount in target.parents) and (
                best is None or len(mount_point) >= len(best[0])):
            best = (mount_point, fs_type)
    if best is None:
        return None
    fs_type = best[1]
    # FUSE mounts name their driver after the dot: fuse.sshfs, fuse.glusterfs, fuse.rclone.
    name = fs_type.split(".", 1)[1] if fs_type.startswith("fuse.") else fs_type
    return fs_type if name.lower() in NETWORK_FS_TYPES else None


def _unescape(field: str) -> str:
    # The kernel writes space, tab, newline and backslash as octal escapes (\040 ...).
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _windows_drive_is_remote(text: str) -> bool:
    root = drive_root(os.path.abspath(text))
    # windll exists only on Windows; the caller asks only there, and the platform check
    # lets mypy see that.
    if root is None or sys.platform != "win32":
        return False
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE
