"""The Matriks Tindak Lanjut (action matrix) report: commitments as the official table.

Filtered exactly like the Komitmen view (a `CommitmentFilter`), grouped by meeting or by
lead agency, for one task force under its own kop (`matrix_scope`), its kab/kota task
forces only when asked. The circulated copy leaves the terbatas commitments out but keeps
their numbers, so the gaps are explained by one line; the full copy holds them and is
marked TERBATAS (`secretariat.documents.classification`).

A matrix may hold 100,000 rows, so the report does not hold them: `rows()` runs the
query again each time it is called and yields plain tuples in batches, and the PDF and
Excel writers stream them to the file. Official documents are Indonesian whatever
language the screens use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from babel.numbers import format_decimal
from sqlalchemy import ColumnOperators, func, select
from sqlalchemy.orm import aliased

from models import (
    Agency,
    Commitment,
    CommitmentStatus,
    EvidenceFile,
    FocusArea,
    FollowUp,
    Meeting,
    MeetingKind,
    SubTaskForce,
    TaskForce,
    commitment_supporting_agencies,
)
from secretariat.commitments.queries import (
    CommitmentFilter,
    apply_filter,
    count_commitments,
    task_forces_below,
)
from secretariat.commitments.request_letters import STATUS_WORDS
from secretariat.commitments.status import days_late
from secretariat.dates import long_date, short_date
from secretariat.documents.classification import Classification, classify
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.documents.progress_report import report_task_force
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.records import get_or_fail

DOCUMENT_LOCALE = "id"
BATCH = 2000


class Grouping(StrEnum):
    MEETING = "meeting"
    AGENCY = "agency"


# What a line calls its meeting for short: "Rakor 16 Mei 2024 no. 2".
MEETING_SHORT_NAMES = {
    MeetingKind.RAKOR: "Rakor",
    MeetingKind.TECHNICAL: "Rapat Teknis",
    MeetingKind.FGD: "FGD",
    MeetingKind.OUTREACH: "Sosialisasi",
    MeetingKind.MONITORING: "Monev",
    MeetingKind.SYNCHRONISATION: "Rakor Sinkronisasi",
    MeetingKind.OTHER: "Rapat",
}


class MatrixRow(NamedTuple):
    """One line of the matrix; a tuple, because a matrix may have 100,000 of them."""

    number: int  # running number within its group
    group: str  # the meeting or the lead agency this line is listed under
    meeting: str  # "Rakor Triwulan III (12-08-2026)"
    text: str
    action_plan: str
    lead_agency: str
    supporting_agencies: str
    due_date: date | None
    status: CommitmentStatus
    status_text: str  # "Dalam Proses", with "terlambat N hari" when overdue
    progress: int
    evidence: str  # "3 berkas" or ""
    obstacles: str  # of the latest follow-up that reported some
    notes: str
    focus_area: str
    sub_task_force: str
    overdue: bool
    commitment_number: int  # the commitment's own number in its meeting, as the minutes
    meeting_date: date
    reference: str  # "Rakor 16 Mei 2024 no. 2": the line in any order, grouped or sorted


@dataclass(frozen=True)
class ActionMatrix:
    title: str
    subtitle: str  # what the filter chose, in words
    printed_on: str
    grouping: Grouping
    total: int
    letterhead: LetterheadSettings
    rows: Callable[[], Iterator[MatrixRow]]
    classification: Classification = Classification()


_lead = aliased(Agency, name="matrix_lead")


def _query(flt: CommitmentFilter, grouping: Grouping, today: date):
    supporting = (
        select(func.aggregate_strings(Agency.abbreviation, ", "))
        .join(commitment_supporting_agencies,
              commitment_supporting_agencies.c.agency_id == Agency.id)
        .where(commitment_supporting_agencies.c.commitment_id == Commitment.id)
        .scalar_subquery()
    )
    obstacles = (
        select(FollowUp.obstacles)
        .where(FollowUp.commitment_id == Commitment.id, FollowUp.obstacles != "")
        .order_by(FollowUp.date.desc(), FollowUp.id.desc()).limit(1)
        .scalar_subquery()
    )
    evidence = (
        select(func.count(EvidenceFile.id))
        .join(FollowUp, EvidenceFile.follow_up_id == FollowUp.id)
        .where(FollowUp.commitment_id == Commitment.id)
        .scalar_subquery()
    )
    query = (
        select(Meeting.id, Meeting.title, Meeting.date, Commitment.text, Commitment.action_plan,
               _lead.abbreviation, _lead.name, supporting, Commitment.due_date,
               Commitment.status, Commitment.progress, evidence, obstacles, Commitment.notes,
               FocusArea.name, SubTaskForce.name, Commitment.confidential,
               Commitment.number, Meeting.kind)
        .select_from(Commitment)
        .join(Meeting, Commitment.meeting_id == Meeting.id)
        .join(_lead, Commitment.lead_agency_id == _lead.id)
        .outerjoin(FocusArea, Commitment.focus_area_id == FocusArea.id)
        .outerjoin(SubTaskForce, Commitment.sub_task_force_id == SubTaskForce.id)
    )
    query = apply_filter(query, flt, today)
    order: tuple[ColumnOperators, ...]
    if grouping is Grouping.AGENCY:
        order = (func.lower(_lead.abbreviation), _lead.id, Meeting.starts_at_utc, Meeting.id,
                 Commitment.number)
    else:  # meetings in the order they were held, whatever their zones
        order = (Meeting.starts_at_utc, Meeting.id, Commitment.number)
    return query.order_by(*order)


def _task_force_labels(db, flt: CommitmentFilter) -> dict[int, str]:
    """Meeting id -> its task force's name, for a matrix over several task forces."""
    if not (flt.with_regencies and flt.task_force_id is not None):
        return {}
    with db.reading() as session:
        return dict(session.execute(
            select(Meeting.id, TaskForce.name)
            .join(TaskForce, Meeting.task_force_id == TaskForce.id)
            .where(Meeting.task_force_id.in_(task_forces_below(flt.task_force_id)))).all())


def _rows(db, flt: CommitmentFilter, grouping: Grouping, today: date, *,
          circulated: bool) -> Iterator[MatrixRow]:
    # The circulated copy reads the terbatas commitments too, only to count them in the
    # numbering: the gap they leave is the one the copy's note explains.
    query = _query(flt, grouping, today)
    labels = _task_force_labels(db, flt)
    current_group, number = None, 0
    with db.reading() as session:
        result = session.execute(query.execution_options(yield_per=BATCH))
        for (meeting_id, title, day, text, plan, lead, lead_name, supporting, due, status,
             progress, evidence, obstacles, notes, focus, sub, confidential, own_number,
             kind) in result:
            meeting = f"{title} ({short_date(day, DOCUMENT_LOCALE)})"
            if labels:  # lines of several task forces each say whose they are
                meeting += f" – {labels.get(meeting_id, '')}"
            group = meeting if grouping is Grouping.MEETING else f"{lead} – {lead_name}"
            if group != current_group:
                current_group, number = group, 0
            number += 1
            if circulated and confidential:
                continue
            late = days_late(status, due, today)
            words = STATUS_WORDS[status] + (f", terlambat {_count(late)} hari" if late else "")
            reference = (f"{MEETING_SHORT_NAMES[MeetingKind(kind)]} "
                         f"{short_date(day, DOCUMENT_LOCALE)} no. {own_number}")
            yield MatrixRow(number, group, meeting, text, plan, lead, supporting or "", due,
                            status, words, progress,
                            f"{_count(evidence)} berkas" if evidence else "", obstacles or "",
                            notes, focus or "", sub or "", late > 0, own_number, day,
                            reference)


def _count(value: int) -> str:
    """A number as Indonesian documents write it: "2.166"."""
    return format_decimal(value, locale=DOCUMENT_LOCALE)


def _describe(flt: CommitmentFilter) -> str:
    parts = []
    if flt.statuses:
        parts.append("status " + ", ".join(STATUS_WORDS[s] for s in flt.statuses))
    if flt.open_only:
        parts.append("belum selesai")
    if flt.overdue:
        parts.append("melewati batas waktu")
    if flt.agreed_from or flt.agreed_to:
        parts.append("rapat " + " s.d. ".join(
            long_date(day, DOCUMENT_LOCALE).split(", ", 1)[-1]
            for day in (flt.agreed_from, flt.agreed_to) if day))
    if flt.due_from or flt.due_to:
        parts.append("batas waktu " + " s.d. ".join(
            short_date(day, DOCUMENT_LOCALE) for day in (flt.due_from, flt.due_to) if day))
    return "; ".join(parts)


def matrix_scope(db, flt: CommitmentFilter, task_force_id: int | None = None, *,
                 with_regencies: bool = False) -> CommitmentFilter:
    """`flt` for one task force: a meeting's own, else the one the filter names, else
    `task_force_id`, else the one that met last (as the progress report). A matrix never
    mixes task forces under one kop; a province's kab/kota come in only when asked."""
    if flt.meeting_id is not None:
        with db.reading() as session:
            meeting = get_or_fail(session, Meeting, flt.meeting_id, _("Meeting"))
            if task_force_id is not None and task_force_id != meeting.task_force_id \
                    and not with_regencies:
                raise ValidationError(_("This meeting belongs to another task force."),
                                      field="task_force")
            return replace(flt, task_force_id=meeting.task_force_id, with_regencies=False)
    chosen = report_task_force(db, flt.task_force_id if flt.task_force_id is not None
                               else task_force_id)
    return replace(flt, task_force_id=chosen,
                   with_regencies=with_regencies or flt.with_regencies)


def _scope_words(db, flt: CommitmentFilter) -> str:
    if flt.task_force_id is None:
        return ""
    with db.reading() as session:
        name = session.scalar(select(TaskForce.name).where(TaskForce.id == flt.task_force_id))
    return (name or "") + (" beserta gugus tugas kabupaten/kota" if flt.with_regencies else "")


def action_matrix(db, flt: CommitmentFilter = CommitmentFilter(), *,
                  grouping: Grouping = Grouping.MEETING, title: str = "",
                  today: date | None = None, full: bool = False) -> ActionMatrix:
    """The matrix for `flt`; `title` names it (e.g. the meeting or the agency chosen).

    The circulated copy by default; `full` (asked for) holds the terbatas commitments."""
    today = today or date.today()
    grouping = Grouping(grouping)
    # Which copy is `full`'s to say: the query reads every commitment, and the circulated
    # copy skips the terbatas ones as it writes.
    flt = replace(flt, include_confidential=True)
    shown = count_commitments(db, flt, today=today)
    public = count_commitments(db, replace(flt, include_confidential=False), today=today)
    classification = classify(shown - public, full=full)
    circulated = not full
    return ActionMatrix(
        title=title or "MATRIKS TINDAK LANJUT KOMITMEN",
        subtitle="; ".join(part for part in (_scope_words(db, flt), _describe(flt)) if part),
        printed_on=long_date(today, DOCUMENT_LOCALE).split(", ", 1)[-1],
        grouping=grouping,
        total=public if circulated else shown,
        letterhead=get_letterhead(db, flt.task_force_id),
        rows=lambda: _rows(db, flt, grouping, today, circulated=circulated),
        classification=classification,
    )
