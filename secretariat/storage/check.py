"""`secretariat check`: is the database whole, at this program's schema, and consistent?"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from models import Base, Commitment, CommitmentStatus, FollowUp, Meeting
from models.migrate import current_revision, head_revision
from models.search_index import not_search_table, out_of_step
from secretariat.i18n import _


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(db) -> CheckReport:
    report = CheckReport()
    report.facts.append(_("Database: {name}").format(name=db.display_name()))
    if db.is_sqlite:
        _check_sqlite_file(db, report)
        if not report.healthy:
            return report  # a damaged file: nothing further can be trusted
    revision, head = current_revision(db.engine), head_revision()
    report.facts.append(_("Schema: {found} (this program: {head})").format(found=revision,
                                                                            head=head))
    if revision != head:
        report.problems.append(
            _("The schema is at {found}, the program expects {head}; start the program once "
              "to upgrade it.").format(found=revision, head=head)
        )
        return report
    if _check_schema_matches_models(db, report):
        _check_records(db, report)  # only tables that are there can be counted
        _check_search_index(db, report)
    return report


def _check_search_index(db, report: CheckReport) -> None:
    with db.engine.connect() as connection:
        wrong = out_of_step(connection)
    if wrong:
        report.problems.append(_(
            "The search index does not match the records ({kinds}): searches may miss "
            "them. Rebuild it with: secretariat reindex").format(
                kinds=", ".join(wrong)))


def _check_sqlite_file(db, report: CheckReport) -> None:
    with db.engine.connect() as connection:
        result = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        if result != ["ok"]:
            report.problems.append(
                _("The database file is damaged: {detail}").format(detail="; ".join(result[:5]))
            )
            return
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            report.problems.append(
                _("{count} records point to records that no longer exist.").format(
                    count=len(broken))
            )


def differences_from_models(engine) -> tuple[list[str], list]:
    """How a database's tables differ from the models: the missing tables by name, and
    every difference (Alembic's autogenerate entries)."""
    with engine.connect() as connection, warnings.catch_warnings():
        # Expression indexes cannot be reflected; the migration creates them explicitly.
        warnings.filterwarnings("ignore", message=".*expression-based index")
        # The search index's tables are shaped per database and not in the models.
        context = MigrationContext.configure(connection, opts={"include_name": not_search_table})
        differences = compare_metadata(context, Base.metadata)
    missing = sorted(d[1].name for d in differences
                     if isinstance(d, tuple) and d[0] == "add_table")
    return missing, differences


def _check_schema_matches_models(db, report: CheckReport) -> bool:
    """Whether the tables are the models'; what differs is reported, missing tables by name."""
    missing, differences = differences_from_models(db.engine)
    if missing:
        report.problems.append(_("Tables missing: {tables}.").format(tables=", ".join(missing)))
        return False
    if differences:
        report.problems.append(
            _("The tables differ from what the program expects: {detail}").format(
                detail="; ".join(str(d) for d in differences[:5])
            )
        )
        return False
    return True


def _check_records(db, report: CheckReport) -> None:
    agreed_at = aliased(Meeting)
    rules = [
        (_("commitments due before the meeting that agreed them"),
         select(func.count()).select_from(Commitment)
         .join(Meeting, Commitment.meeting_id == Meeting.id)
         .where(Commitment.due_date < Meeting.date)),
        (_("commitments marked done without 100% progress"),
         select(func.count()).where(Commitment.status == CommitmentStatus.DONE,
                                    Commitment.progress != 100)),
        (_("commitments that cannot be followed up but have no reason"),
         select(func.count()).where(Commitment.status == CommitmentStatus.CANNOT,
                                    Commitment.status_reason == "")),
        (_("follow-ups dated before the meeting that agreed their commitment"),
         select(func.count()).select_from(FollowUp)
         .join(Commitment, FollowUp.commitment_id == Commitment.id)
         .join(agreed_at, Commitment.meeting_id == agreed_at.id)
         .where(FollowUp.date < agreed_at.date)),
    ]
    with db.reading() as session:
        for description, query in rules:
            count = session.scalar(query)
            if count:
                report.problems.append(f"{count} {description}")
        counts = {
            name: session.scalar(select(func.count()).select_from(table))
            for name, table in (("meetings", Meeting), ("commitments", Commitment),
                                ("follow_ups", FollowUp))
        }
    report.facts.append(
        _("{meetings} meetings, {commitments} commitments, {follow_ups} follow-ups").format(
            **counts)
    )
