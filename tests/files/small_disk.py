"""Run one command with a small disk of its own on a folder: a full disk, or a read-only one.

The tests start it inside a new user and mount namespace (`unshare --map-root-user --mount
python small_disk.py ...`), which any user may make where the kernel allows unprivileged
user namespaces: the tmpfs mounted there is seen by this process and its children only and
goes away with them. So the disk is real (the kernel itself says ENOSPC or EROFS), and what
the tests check afterwards, what the disk held when the command ended, is printed as JSON.

    python small_disk.py full|read-only FOLDER TARGET_NAME OLD_CONTENT -- COMMAND...
"""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from pathlib import Path

SIZE = "256k"
FILLER = "filler"


def _fill(path: Path) -> None:
    """Write until the disk refuses: page by page, as tmpfs hands out space."""
    block = b"\0" * 4096
    with open(path, "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(block)
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise


def main(argv: list[str]) -> int:
    state, folder_name, target_name, old_content, separator, *command = argv
    assert state in ("full", "read-only") and separator == "--", argv
    folder = Path(folder_name)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(folder)],
                   check=True)
    target = folder / target_name
    target.write_text(old_content)
    if state == "full":
        _fill(folder / FILLER)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    ran = subprocess.run(command, capture_output=True, text=True, timeout=120)
    print(json.dumps({
        "returncode": ran.returncode, "stdout": ran.stdout, "stderr": ran.stderr,
        "files": sorted(path.name for path in folder.iterdir() if path.name != FILLER),
        "target": target.read_text() if target.is_file() else None,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
