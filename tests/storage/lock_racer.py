"""Helper process for tests/storage/test_instance_lock.py: race for a database lock.

Usage: python lock_racer.py DB_PATH GO_FILE NAME
Waits until GO_FILE exists (so all racers start together), tries to take the lock and
prints one line: "WON <pid>" or "LOST <stale>". The winner exits without releasing, so the
lock stays for the test to inspect (as after a crash).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from secretariat.storage.instance_lock import DatabaseLockedError, acquire_lock


def main() -> int:
    db_path, go_file, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    print("READY", flush=True)
    deadline = time.monotonic() + 30
    while not go_file.exists():  # spin rather than sleep: the start must be simultaneous
        if time.monotonic() > deadline:
            print("TIMEOUT", flush=True)
            return 2
    try:
        acquire_lock(db_path, user=name, purpose="race")
    except DatabaseLockedError as error:
        print(f"LOST {error.stale}", flush=True)
        return 1
    print(f"WON {os.getpid()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
