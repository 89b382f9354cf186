"""Benchmark parts of the follow-up issue: the progress figures and a commitment's history.

`prepare` picks the task force with the most commitments and its busiest year, and gives
one of its open commitments a history of 50 follow-ups (the bench database is a throwaway
copy), so the commitment window is timed on the long story the issue names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import extract, func, select

from models import Commitment, CommitmentStatus, FollowUp, FollowUpSource, Meeting
from secretariat.commitments.follow_ups import FollowUpDraft, record_follow_up
from secretariat.commitments.progress import progress_figures

HISTORY_LENGTH = 50


@dataclass(frozen=True)
class FollowUpBench:
    task_force_id: int
    year: int
    commitment_id: int


def _busiest_task_force_year(session) -> tuple[int, int]:
    year = extract("year", Meeting.date)
    row = session.execute(
        select(Meeting.task_force_id, year, func.count())
        .join(Commitment, Commitment.meeting_id == Meeting.id)
        .group_by(Meeting.task_force_id, year)
        .order_by(func.count().desc()).limit(1)
    ).one()
    return row[0], int(row[1])


def prepare(db, today: date) -> FollowUpBench:
    with db.reading() as session:
        task_force, year = _busiest_task_force_year(session)
        commitment, agreed_on = session.execute(
            select(Commitment.id, Meeting.date)
            .join(Meeting, Commitment.meeting_id == Meeting.id)
            .where(Meeting.task_force_id == task_force,
                   Commitment.status.in_(CommitmentStatus.open_statuses()))
            .order_by(Meeting.date).limit(1)
        ).one()
        logged = session.scalar(select(func.count()).where(FollowUp.commitment_id == commitment))
    span = max(1, (today - agreed_on).days)
    for step in range(max(0, HISTORY_LENGTH - logged)):
        when = agreed_on + timedelta(days=span * (step + 1) // (HISTORY_LENGTH + 1))
        draft = FollowUpDraft(status=CommitmentStatus.IN_PROGRESS, source=FollowUpSource.PHONE,
                              date=when, progress=min(99, step + 1),
                              note=f"Laporan perkembangan ke-{step + 1} melalui WhatsApp")
        with db.reading() as session:  # an older entry leaves the version as it was
            version = session.scalar(select(Commitment.version)
                                     .where(Commitment.id == commitment))
        record_follow_up(db, commitment, draft, version, today=today)
    return FollowUpBench(task_force, year, commitment)


def progress_call(db, bench: FollowUpBench, today: date):
    """The call the progress view makes for one task force and one year."""
    return lambda: progress_figures(db, bench.task_force_id, date(bench.year, 1, 1),
                                    date(bench.year, 12, 31), today=today)
