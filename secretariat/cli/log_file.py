"""The program's log: one file in the data folder that a clerk can send to whoever helps.

The clerk reads one line in their language; the log keeps the English detail behind it
(tracebacks, the driver's own words, take-overs of crashed programs' locks). Configured
once per process by the command line, the composition root; the core only logs.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from secretariat.storage.paths import data_dir

LOG_NAME = "sekretariat.log"


class _ProgramLog(RotatingFileHandler):
    """The handler this module installs, told apart from any other."""

_MAX_BYTES = 1_000_000
_KEPT = 3


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def start_logging() -> Path | None:
    """Write warnings and errors of the whole program to the log; where it is, or None."""
    root = logging.getLogger()
    path = log_path()
    for old in [h for h in root.handlers if isinstance(h, _ProgramLog)]:
        if Path(old.baseFilename) == path:
            return path  # this process logs there already
        root.removeHandler(old)  # another data folder (tests, --db elsewhere): follow it
        old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _ProgramLog(path, maxBytes=_MAX_BYTES, backupCount=_KEPT,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None  # a data folder that cannot be written is reported where it is used
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path
