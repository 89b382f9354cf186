"""Demo data: a realistic Kalimantan dataset, optionally with synthetic stress data.

`fill_demo(db)` writes the seed (`seed.py`): regions, task forces, agencies and people, the
rakor reported in the sources with their commitments and follow-ups, and a planned rakor.
`fill_demo(db, scale=N)` then adds exactly N synthetic commitments (`synthetic.py`) with
their meetings and follow-ups, to try the program with years of records.

Everything is written in one unit of work: a failure leaves the database as it was. The
demo only fills an empty database, so it can never mix with real records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Agency, Commitment, ContactPerson, FollowUp, Meeting, Region, TaskForce
from secretariat.demo.seed import add_seed
from secretariat.demo.seed_data import LAST_SEED_MEETING
from secretariat.demo.synthetic import add_synthetic
from secretariat.errors import RefusedError
from secretariat.i18n import _
from secretariat.storage.database import Database, demo_is_allowed

# Fixed so that the same `scale` and `today` always give the same database.
SYNTHETIC_SEED = 20_251_202

__all__ = ["DemoSummary", "fill_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the database holds after the demo was filled."""

    regions: int
    task_forces: int
    agencies: int
    contacts: int
    meetings: int
    commitments: int
    follow_ups: int


def fill_demo(db: Database, *, scale: int = 0, today: date | None = None) -> DemoSummary:
    """Fill an empty database with the demo; `scale` adds that many synthetic commitments.

    `today` (default: the current date) anchors everything that depends on "now": the
    planned rakor, which commitments are overdue, the dates of recent follow-ups.
    """
    today = today or date.today()
    if scale < 0:
        raise ValueError("scale must not be negative")
    if today <= LAST_SEED_MEETING:
        # The seed tells of meetings up to this date; follow-ups cannot precede them.
        raise ValueError(f"the demo needs a 'today' after {LAST_SEED_MEETING.isoformat()}")
    if not demo_is_allowed(db):
        raise RefusedError(
            _("The database already holds data; the demo fills only an empty database.")
        )
    with db.unit_of_work() as session:
        add_seed(session, today)
        if scale:
            add_synthetic(session, scale=scale, today=today, seed=SYNTHETIC_SEED, actor=db.actor)
        return _summary(session)


def _summary(session: Session) -> DemoSummary:
    def count(model) -> int:
        return session.execute(select(func.count()).select_from(model)).scalar_one()

    return DemoSummary(
        regions=count(Region),
        task_forces=count(TaskForce),
        agencies=count(Agency),
        contacts=count(ContactPerson),
        meetings=count(Meeting),
        commitments=count(Commitment),
        follow_ups=count(FollowUp),
    )
