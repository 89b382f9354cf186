"""Benchmark of the data core on a large database; prints its figures as JSON.

    python tests/perf/bench.py [--scale 100000] [--db PATH] [--strict]

Builds a database with `secretariat demo --scale N` (timed, as a separate process, the
way an administrator runs it), then times the queries the screens depend on. The targets
come from the issues; --strict makes a missed target exit non-zero.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from models import Commitment, CommitmentStatus, Meeting
from secretariat.commitment_queries import CommitmentFilter, carry_forward, list_commitments
from secretariat.database import open_database

TARGETS_MS = {"open_commitments_page_ms": 50, "carry_forward_ms": 50}
DEMO_TARGET_S = 30


def _median_ms(action, repeats: int = 25) -> float:
    action()  # warm caches and statement compilation, as a running program would have them
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 2)


def _busiest_agency(db) -> int:
    with db.reading() as session:
        return session.execute(
            select(Commitment.lead_agency_id, func.count())
            .where(Commitment.status.in_(CommitmentStatus.open_statuses()))
            .group_by(Commitment.lead_agency_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()[0]


def _latest_meeting_of_busiest_task_force(db) -> int:
    with db.reading() as session:
        task_force = session.execute(
            select(Meeting.task_force_id, func.count())
            .group_by(Meeting.task_force_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()[0]
        return session.scalar(
            select(Meeting.id).where(Meeting.task_force_id == task_force)
            .order_by(Meeting.date.desc()).limit(1)
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--db", help="database file to (re)create; default a temporary one")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(folder.name) / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "secretariat", "--db", str(path), "demo",
                    "--scale", str(args.scale)], check=True, stdout=subprocess.DEVNULL)
    demo_seconds = round(time.perf_counter() - start, 2)

    db = open_database(path)
    today = date.today()
    agency = _busiest_agency(db)
    meeting = _latest_meeting_of_busiest_task_force(db)
    page_filter = CommitmentFilter(open_only=True, lead_agency_id=agency)
    figures = {
        "scale": args.scale,
        "demo_seconds": demo_seconds,
        "open_commitments_page_ms": _median_ms(
            lambda: list_commitments(db, page_filter, limit=200, today=today)),
        "open_commitments_page_rows": len(list_commitments(db, page_filter, limit=200,
                                                           today=today)),
        "carry_forward_ms": _median_ms(lambda: carry_forward(db, meeting, today=today)),
        "carry_forward_rows": len(carry_forward(db, meeting, today=today)),
    }
    db.close()
    folder.cleanup()

    missed = [name for name, target in TARGETS_MS.items() if figures[name] > target]
    if demo_seconds > DEMO_TARGET_S:
        missed.append("demo_seconds")
    figures["targets"] = {**TARGETS_MS, "demo_seconds": DEMO_TARGET_S}
    figures["missed"] = missed
    print(json.dumps(figures, indent=2))
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
