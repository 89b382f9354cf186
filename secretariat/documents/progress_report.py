"""Laporan Perkembangan Komitmen: the chairs' progress figures as an official document.

The figures are `progress_figures`, the very object the Perkembangan screen shows; this
module adds what a laporan (Tata Naskah Dinas) needs around them: the letterhead, the
period and the date in Indonesian words, the dasar (the Perpres and the task force's SK),
the commitments of earlier meetings that are still open past their due date (outside the
period, but a laporan that kept quiet about them would not be true), a draft of the
simpulan dan saran that the clerk may rewrite, and who signs (the letterhead's signer,
else the chair of the latest rakor). The PDF and Excel writers in `exports` take the
report as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from models import Agency, Commitment, FollowUp, Meeting, MeetingKind, MeetingStatus, TaskForce
from secretariat.commitments.progress import (
    OverdueCommitment,
    ProgressFigures,
    progress_figures,
)
from secretariat.commitments.request_letters import STATUS_WORDS
from secretariat.commitments.status import OPEN_STATUSES, days_late
from secretariat.dates import short_date
from secretariat.documents.classification import Classification, classify
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.documents.progress_conclusions import Findings, draft_conclusions
from secretariat.errors import ValidationError
from secretariat.i18n import _

DOCUMENT_LOCALE = "id"
TITLE = "Laporan Perkembangan Tindak Lanjut Komitmen"
NO_GROUP = "(tidak ditentukan)"  # commitments without a focus area or sub task force
PERPRES = ("Peraturan Presiden Nomor 49 Tahun 2023 tentang Perubahan atas Peraturan Presiden "
           "Nomor 69 Tahun 2008 tentang Gugus Tugas Pencegahan dan Penanganan Tindak Pidana "
           "Perdagangan Orang")


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
    signer_rank: str = ""
    basis: tuple[str, ...] = (PERPRES,)  # Dasar: the Perpres, then the task force's SK
    # Open past their due date, agreed before the period: the period's figures leave them out.
    earlier_overdue: tuple[OverdueCommitment, ...] = ()
    without_follow_up: int = 0  # of the period's commitments: no report received at all
    conclusions_draft: str = ""  # Simpulan dan Saran drafted from the figures
    conclusions: str = ""  # as printed: the draft, or the clerk's rewording of it
    # The overdue lists as printed, each line with its number: in the circulated copy
    # without the terbatas commitments, whose numbers are skipped (the figures count them).
    overdue_lines: tuple[tuple[int, OverdueCommitment], ...] = ()
    earlier_overdue_lines: tuple[tuple[int, OverdueCommitment], ...] = ()
    classification: Classification = Classification()

    @property
    def scope(self) -> str:
        """The period as the sentences name it: "rapat tahun 2026"."""
        return self.period[0].lower() + self.period[1:]

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
                    today: date | None = None,
                    conclusions: str | None = None, full: bool = False) -> ProgressReport:
    """The report for the meetings held from `start` to `end`, as of `today`; its Simpulan
    dan Saran is `conclusions` where the clerk wrote them, else the draft.

    The circulated copy unless `full`: only the overdue lists name commitments, and the
    terbatas ones are left out of them (the figures are counts and keep them)."""
    today = today or date.today()
    figures = progress_figures(db, task_force_id, start, end, today=today)
    letterhead = get_letterhead(db, task_force_id)
    with db.reading() as session:
        name, position, rank, nip = _signer(session, task_force_id, letterhead)
        decree_number, decree_date = session.execute(
            select(TaskForce.decree_number, TaskForce.decree_date)
            .where(TaskForce.id == task_force_id)).one()
        earlier = _earlier_overdue(session, task_force_id, start, today)
        silent = _without_follow_up(session, task_force_id, start, end)
    day = short_date(today, DOCUMENT_LOCALE)
    basis = [PERPRES]
    if decree_number:
        dated = f" tanggal {short_date(decree_date, DOCUMENT_LOCALE)}" if decree_date else ""
        # Recorded as "Keputusan Gubernur … Nomor 188.44/…" or as the bare number.
        decree = (decree_number if "nomor" in decree_number.lower()
                  else f"Keputusan Nomor {decree_number}")
        basis.append(f"{decree}{dated} tentang Pembentukan {figures.task_force}")
    report = ProgressReport(
        title=TITLE,
        task_force=figures.task_force,
        period=_period(start, end),
        printed_on=day,
        place_and_date=f"{letterhead.city}, {day}" if letterhead.city else day,
        signer_name=name,
        signer_position=position or "Ketua Harian Gugus Tugas PP-TPPO",
        signer_nip=nip,
        signer_rank=rank,
        letterhead=letterhead,
        figures=figures,
        basis=tuple(basis),
        earlier_overdue=earlier,
        without_follow_up=silent,
        overdue_lines=_numbered(figures.overdue, full=full),
        earlier_overdue_lines=_numbered(earlier, full=full),
        classification=classify(sum(1 for entry in (*figures.overdue, *earlier)
                                    if entry.confidential), full=full),
    )
    draft = draft_conclusions(Findings(report.scope, figures, earlier, silent))
    return replace(report, conclusions_draft=draft,
                   conclusions=draft if conclusions is None else conclusions.strip())


def _signer(session, task_force_id: int,
            letterhead: LetterheadSettings) -> tuple[str, str, str, str]:
    """Name, position, rank and NIP: the letterhead's signer (the head of the office whose
    kop the laporan bears) where one is set, else the chair of the latest rakor."""
    if letterhead.signer_name:
        return (letterhead.signer_name, letterhead.signer_position, letterhead.signer_rank,
                letterhead.signer_nip)
    latest = session.execute(
        select(Meeting.chair_name, Meeting.chair_position, Meeting.chair_rank, Meeting.chair_nip)
        .where(Meeting.task_force_id == task_force_id, Meeting.kind == MeetingKind.RAKOR,
               Meeting.status != MeetingStatus.CANCELLED, Meeting.chair_name != "")
        .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc()).limit(1)).first()
    return tuple(latest) if latest else ("", "", "", "")


def _numbered(entries: tuple[OverdueCommitment, ...], *,
              full: bool) -> tuple[tuple[int, OverdueCommitment], ...]:
    return tuple((number, entry) for number, entry in enumerate(entries, start=1)
                 if full or not entry.confidential)


def _earlier_overdue(session, task_force_id: int, start: date,
                     today: date) -> tuple[OverdueCommitment, ...]:
    """Commitments of the task force's meetings before the period, open past their due date."""
    rows = session.execute(
        select(Commitment.id, Commitment.meeting_id, Meeting.date, Commitment.number,
               Commitment.text, Commitment.lead_agency_id, Agency.abbreviation,
               Commitment.due_date, Commitment.status, Commitment.progress,
               Commitment.confidential)
        .join(Meeting, Commitment.meeting_id == Meeting.id)
        .join(Agency, Commitment.lead_agency_id == Agency.id)
        .where(Meeting.task_force_id == task_force_id,
               Meeting.status != MeetingStatus.CANCELLED, Meeting.date < start,
               Commitment.status.in_(OPEN_STATUSES), Commitment.due_date < today))
    late = [OverdueCommitment(row.id, row.meeting_id, row.date, row.number, row.text,
                              row.lead_agency_id, row.abbreviation, row.due_date,
                              days_late(row.status, row.due_date, today), row.progress,
                              row.confidential)
            for row in rows]
    late.sort(key=lambda entry: (-entry.days_late, entry.meeting_date, entry.number))
    return tuple(late)


def _without_follow_up(session, task_force_id: int, start: date, end: date) -> int:
    """The period's open commitments on which no follow-up was ever recorded."""
    reported = select(FollowUp.id).where(FollowUp.commitment_id == Commitment.id).exists()
    return len(session.scalars(
        select(Commitment.id).join(Meeting, Commitment.meeting_id == Meeting.id)
        .where(Meeting.task_force_id == task_force_id,
               Meeting.status != MeetingStatus.CANCELLED, Meeting.date.between(start, end),
               Commitment.status.in_(OPEN_STATUSES), ~reported)).all())


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
