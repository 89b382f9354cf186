"""Helper process for tests/storage/test_atomic_saves.py: save large batches until killed.

Usage: python crash_writer.py DB_PATH TASK_FORCE_ID AGENCY_ID BATCH_SIZE

Importing the program takes about a second, far longer than one batch, so this process
imports once and then serves as a launcher: for every command it reads on stdin it forks
a *writer* process, reports its pid, waits for it to end and reports that:

    run          a writer that saves batches until it is killed
    run N        a writer that saves N batches and exits (to measure a batch)
    (end of input: the launcher exits)

A writer opens the database itself (nothing is open in the launcher when it forks), then,
round after round, schedules a fresh meeting (its own use case) and records BATCH_SIZE
commitments for it in ONE use case (`add_commitments`). Every line below is flushed at
once, so the test can time a SIGKILL against it:

    READY                        launcher: imports done, waiting for commands
    WRITER <pid>                 launcher: a writer was started
    OPEN                         writer: the database is open
    START <meeting_id>           writer: the batch use case is about to begin
    WRITING <meeting_id>         writer: the first commitment row goes to the database
    COMMITTING <meeting_id>      writer: the transaction's COMMIT is about to be sent
    DONE <meeting_id> <seconds>  writer: add_commitments returned (the batch is saved)
    ENDED <pid> <status>         launcher: the writer is gone (status as os.waitpid gives it)
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from datetime import date

from sqlalchemy import event

from models import MeetingKind
from secretariat.commitments.recording import CommitmentDraft, add_commitments
from secretariat.meetings.lifecycle import MeetingDraft, schedule_meeting
from secretariat.storage.database import open_database


def say(line: str) -> None:
    # Always flushed: nothing may sit in a buffer when the writer is killed or forked.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_batches(db_path: str, task_force_id: int, agency_id: int, batch_size: int,
                  max_batches: int | None) -> None:
    db = open_database(db_path, actor="crash-writer")
    current = {"meeting": None, "writing": False}

    @event.listens_for(db.engine, "before_cursor_execute")
    def _first_insert(_conn, _cursor, statement, _params, _context, _executemany):
        if (current["meeting"] is not None and not current["writing"]
                and statement.lstrip().upper().startswith("INSERT INTO COMMITMENTS")):
            current["writing"] = True
            say(f"WRITING {current['meeting']}")

    @event.listens_for(db.engine, "commit")
    def _commit(_conn):  # dispatched before the driver's commit
        if current["meeting"] is not None:
            say(f"COMMITTING {current['meeting']}")

    say("OPEN")
    done = 0
    while max_batches is None or done < max_batches:
        meeting_id = schedule_meeting(db, MeetingDraft(
            task_force_id=task_force_id, kind=MeetingKind.RAKOR,
            title="Rapat Koordinasi GT PP-TPPO", date=date(2025, 12, 2),
        ))
        drafts = [
            CommitmentDraft(
                text=f"Komitmen {number} rapat {meeting_id}: pendataan pekerja migran "
                     "non-prosedural di wilayah perbatasan",
                lead_agency_id=agency_id,
                action_plan="Rencana aksi terpadu lintas dinas",
            )
            for number in range(1, batch_size + 1)
        ]
        current.update(meeting=meeting_id, writing=False)
        say(f"START {meeting_id}")
        began = time.perf_counter()
        add_commitments(db, meeting_id, drafts)
        elapsed = time.perf_counter() - began
        current.update(meeting=None, writing=False)
        say(f"DONE {meeting_id} {elapsed:.4f}")
        done += 1
    db.close()


def main() -> int:
    db_path = sys.argv[1]
    task_force_id, agency_id, batch_size = (int(value) for value in sys.argv[2:5])
    say("READY")
    for command in sys.stdin:
        words = command.split()
        if not words:
            continue
        if words[0] != "run":
            say(f"UNKNOWN {command.strip()}")
            continue
        max_batches = int(words[1]) if len(words) > 1 else None
        pid = os.fork()
        if pid == 0:  # the writer
            status = 0
            try:
                write_batches(db_path, task_force_id, agency_id, batch_size, max_batches)
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                sys.stderr.flush()
                os._exit(status)
        say(f"WRITER {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ENDED {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
