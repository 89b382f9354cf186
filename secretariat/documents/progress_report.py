"""Laporan Perkembangan Komitmen: the chairs' progress figures as an official document.

The figures are `progress_figures`, the very object the Perkembangan screen shows; this
module only adds what a document needs around them: the letterhead, the period and the
date in Indonesian words, and who signs. The PDF and Excel writers in `exports` take the
report as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from models import Meeting, MeetingStatus, TaskForce
from secretariat.commitments.progress import OverdueCommitment, ProgressFigures, progress_figures
from secretariat.commitments.request_letters import STATUS_WORDS, latest_rakor_chair
from secretariat.dates import short_date
from secretariat.documents.classification import Classification, classify
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.errors import ValidationError
from secretariat.i18n import _

DOCUMENT_LOCALE = "id"
TITLE = "Laporan Perkembangan Tindak Lanjut Komitmen"
NO_GROUP = "(tidak ditentukan)"  # commitments without a focus area or sub task force


@dataclass(frozen=True)
class ProgressReport:
    title: str
    task_force: str
    period: str  # "Rapat tahun 2026" or "Rapat 1 Maret 2026 s.d. 30 Juni 2026"
    printed_on: str  # "25 November 2026"
    place_and_date: str  # above the signature: "Kupang, 25 November 2026"
    signer_name: str
    signer_position: str
    signer_nip: str
    letterhead: LetterheadSettings
    figures: ProgressFigures
    # The overdue list as printed, each with its number: in the circulated copy without
    # the terbatas commitments, whose numbers are skipped (the figures still count them).
    overdue_lines: tuple[tuple[int, OverdueCommitment], ...] = ()
    classification: Classification = Classification()

    def status_words(self):
        """(status in words, count) in the order of the lifecycle."""
        return [(STATUS_WORDS[status], count) for status, count in self.figures.by_status.items()]

    @staticmethod
    def group_name(group) -> str:
        return group.name if group.group_id is not None else NO_GROUP


def _period(start: date, end: date) -> str:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"Rapat tahun {start.year}"
    return (f"Rapat {short_date(start, DOCUMENT_LOCALE)} s.d. "
            f"{short_date(end, DOCUMENT_LOCALE)}")


def progress_report(db, task_force_id: int, start: date, end: date, *,
                    today: date | None = None, full: bool = False) -> ProgressReport:
    """The report for the chairs; the circulated copy unless `full` (see `Classification`).

    Only the overdue list names commitments: the terbatas ones are left out of it in the
    circulated copy; the figures are counts and keep them."""
    today = today or date.today()
    figures = progress_figures(db, task_force_id, start, end, today=today)
    numbered = list(enumerate(figures.overdue, start=1))
    letterhead = get_letterhead(db, task_force_id)
    with db.reading() as session:
        name, position, nip = latest_rakor_chair(session, task_force_id)
    day = short_date(today, DOCUMENT_LOCALE)
    return ProgressReport(
        title=TITLE,
        task_force=figures.task_force,
        period=_period(start, end),
        printed_on=day,
        place_and_date=f"{letterhead.city}, {day}" if letterhead.city else day,
        signer_name=name,
        signer_position=position or "Ketua Harian Gugus Tugas PP-TPPO",
        signer_nip=nip,
        letterhead=letterhead,
        figures=figures,
        overdue_lines=tuple((number, entry) for number, entry in numbered
                            if full or not entry.confidential),
        classification=classify(sum(1 for entry in figures.overdue if entry.confidential),
                                full=full),
    )


def report_task_force(db, task_force_id: int | None = None) -> int:
    """The task force a report is about: the one asked for, else the one that met last.

    The same default as the Perkembangan screen's first visit, so the command line and the
    screen agree on what "the" task force is when nobody says.
    """
    with db.reading() as session:
        if task_force_id is not None:
            if session.get(TaskForce, task_force_id) is None:
                raise ValidationError(_("There is no task force with number {id}.").format(
                    id=task_force_id), field="task_force")
            return task_force_id
        latest = session.scalar(
            select(Meeting.task_force_id).where(Meeting.status != MeetingStatus.CANCELLED)
            .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc()).limit(1))
        if latest is None:
            latest = session.scalar(select(TaskForce.id).order_by(TaskForce.id).limit(1))
    if latest is None:
        raise ValidationError(_("No task force is recorded yet."), field="task_force")
    return latest
