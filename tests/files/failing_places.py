"""The command run as a clerk runs it, in a process of its own, for the tests of files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def program_environment(data_folder: Path) -> dict[str, str]:
    """The environment a clerk's command runs in: this tree's code, Indonesian, no debug."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("SECRETARIAT_DEBUG", "SECRETARIAT_LANG", "SECRETARIAT_DB")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["SECRETARIAT_DATA_DIR"] = str(data_folder)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "secretariat", *args]
