"""Real places where writing a file fails, for the tests of every export.

- A read-only folder: chmod 555. Root writes there all the same, so for root the command
  is started in a user namespace of its own without a user mapping (`unshare --user`):
  the kernel then judges root's access to its own files by their mode like anyone's.
- A full disk and a read-only disk: a tmpfs of 256 KB, filled or remounted read-only, in
  a user and mount namespace of the command's own (see small_disk.py).

Where the system offers neither (not Linux, no `unshare`, user namespaces switched off),
the tests that need them are skipped and say why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMALL_DISK = Path(__file__).with_name("small_disk.py")


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


def _runs(argv: list[str]) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(argv, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None


@cache
def read_only_prefix() -> tuple[list[str], str]:
    """What to start a command with so that a chmod 555 folder stops it; else why not."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return [], ""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return [], "running as root, and no user namespace to make chmod bind root"
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o555)
        try:
            probe = _runs(["unshare", "--user", sys.executable, "-c",
                           "import sys; open(sys.argv[1] + '/probe', 'w')", folder])
        finally:
            os.chmod(folder, 0o755)
        refused = probe is not None and b"PermissionError" in probe.stderr
    if not refused:
        return [], "running as root, and `unshare --user` does not make chmod bind root"
    return ["unshare", "--user"], ""


@cache
def own_disk_unavailable() -> str:
    """Why a disk of the command's own cannot be mounted here, or "" when it can."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return "needs Linux's user and mount namespaces (unshare)"
    with tempfile.TemporaryDirectory() as folder:
        probe = _runs(["unshare", "--map-root-user", "--mount", "mount", "-t", "tmpfs",
                       "-o", "size=16k", "tmpfs", folder])
    if probe is None or probe.returncode != 0:
        return "user namespaces are not allowed here, so no tmpfs of a test's own"
    return ""


def run_on_small_disk(state: str, folder: Path, target_name: str, old_content: str,
                      argv: list[str], env: dict[str, str]) -> dict:
    """Run `argv` with `folder` a small disk that is full or read-only; what it left."""
    ran = subprocess.run(["unshare", "--map-root-user", "--mount", sys.executable,
                          str(SMALL_DISK), state, str(folder), target_name, old_content,
                          "--", *argv], capture_output=True, text=True, env=env, timeout=180)
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)
