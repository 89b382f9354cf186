"""What the operating system says when a file cannot be used, in the clerk's words.

The system's own text ("No space left on device") is English whatever the language of the
program, so the reason is chosen by the error's number instead. The original goes to the
log, where whoever investigates wants it word for word.
"""

from __future__ import annotations

import errno
import logging
import os

from secretariat.errors import FileProblem
from secretariat.i18n import _

log = logging.getLogger(__name__)

# Windows's own codes where its errno mapping loses the meaning: a file open in Excel
# comes out as EACCES, a write-protected stick too, a path over 260 characters as ENOENT.
WINDOWS_WRITE_PROTECT, WINDOWS_DISK_FULL = 19, 112
WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION = 32, 33
WINDOWS_INVALID_NAME, WINDOWS_NAME_TOO_LONG = 123, 206


def _reason_by_windows_code(code: int) -> str | None:
    if code in (WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION):
        return _in_use()
    if code == WINDOWS_WRITE_PROTECT:
        return _read_only()
    if code == WINDOWS_DISK_FULL:
        return _disk_full()
    if code == WINDOWS_INVALID_NAME:
        return _invalid_name()
    if code == WINDOWS_NAME_TOO_LONG:
        return _name_too_long()
    return None


def reason_for_errno(number: int | None) -> str | None:
    """The reason in words for an `errno` number, or None for one without words here."""
    if number == errno.EROFS:
        return _read_only()
    # EDQUOT: the account's share of the disk is used up; ETXTBSY: a program being run.
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _disk_full()
    if number in (errno.EACCES, errno.EPERM):
        return _("access was refused: you may not have the right to it, or another program "
                 "has the file open")
    if number in (errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY)):
        return _in_use()
    if number == errno.EISDIR:
        return _("it is a folder, not a file")
    if number == errno.ENOTDIR:
        return _("a part of the path is a file, not a folder")
    if number == errno.ENOENT:
        return _("the file or its folder does not exist")
    if number == errno.ENAMETOOLONG:
        return _name_too_long()
    if number == errno.EINVAL:
        return _invalid_name()
    if number == errno.EIO:
        return _("the disk could not be read or written (it may be damaged or disconnected)")
    return None


def os_reason(error: OSError) -> str:
    """Why, in the clerk's language: by the error's number, never the system's text."""
    windows_code = getattr(error, "winerror", None)  # set on Windows only
    reason = _reason_by_windows_code(windows_code) if windows_code else None
    if reason is None:
        reason = reason_for_errno(error.errno)
    if reason is None:  # a rare one: its code, which whoever helps can look up
        code = errno.errorcode.get(error.errno, str(error.errno)) if error.errno else "?"
        reason = _("the system refused it (error {code})").format(code=code)
    return reason


def cannot_write(path: str | os.PathLike, error: OSError) -> FileProblem:
    """The refusal to give when `path` could not be written, its cause logged as it was."""
    # INFO, not WARNING: with no logging set up, Python prints warnings on stderr, and the
    # clerk is told already, in words.
    log.info("Could not write %s: %r", path, error)
    return FileProblem(_("{path} cannot be written: {reason}").format(
        path=path, reason=os_reason(error)))


def cannot_read(path: str | os.PathLike, error: OSError) -> FileProblem:
    """The refusal to give when `path` could not be read, its cause logged as it was."""
    log.info("Could not read %s: %r", path, error)
    return FileProblem(_("{path} cannot be read: {reason}").format(
        path=path, reason=os_reason(error)))


def cannot_use(error: OSError) -> FileProblem:
    """The refusal for an OSError caught far from the file it was about."""
    log.info("A file could not be used: %r", error)
    if error.filename is None:
        return FileProblem(_("A file cannot be used: {reason}").format(reason=os_reason(error)))
    return FileProblem(_("{path} cannot be used: {reason}").format(
        path=error.filename, reason=os_reason(error)))


def _read_only() -> str:
    return _("the disk or folder is read-only")


def _disk_full() -> str:
    return _("the disk is full (free some space and try again)")


def _in_use() -> str:
    return _("the file is in use by another program (close it there and try again)")


def _invalid_name() -> str:
    return _("the name is not valid there")


def _name_too_long() -> str:
    return _("the name or the path is too long")
