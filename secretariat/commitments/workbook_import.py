"""Bringing the matriks tindak lanjut of a meeting, kept in a spreadsheet, into the program.

The clerk opens the meeting (its minutes still open) and imports the workbook the
secretariat kept for it: each line becomes a commitment of that meeting, with its lead
and supporting agencies (by abbreviation or full name), due date, focus area and sub task
force. A line whose status is other than Belum Ditindaklanjuti, or which names progress or
obstacles, also gets a follow-up dated the day of the import saying so, so the history of
each commitment starts from the state the matrix recorded. The program's own matrix
workbook reads back. Every line is checked by the rules of the forms; when any is
refused nothing is written, and each refusal is named by its row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select

from models import (
    Agency,
    Commitment,
    CommitmentStatus,
    FocusArea,
    FollowUp,
    FollowUpSource,
    SubTaskForce,
)
from secretariat.commitments.recording import CommitmentDraft, _apply, _meeting_taking_commitments
from secretariat.commitments.request_letters import STATUS_WORDS
from secretariat.commitments.status import settle_status
from secretariat.dates import parse_written_date, short_date
from secretariat.errors import DomainError, RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.importing import LineProblem, run_import, summary_heading
from secretariat.validation import clean_text
from secretariat.vocabulary import label

COLUMNS: dict[str, tuple[str, ...]] = {
    "meeting": ("Rapat", "Rapat (Nomor/Tanggal)", "Meeting"),
    "text": ("Kesepakatan/Komitmen", "Kesepakatan/Komitmen/Rekomendasi", "Komitmen",
             "Kesepakatan", "Rekomendasi", "Commitment"),
    "action_plan": ("Rencana Aksi", "Rencana Tindak Lanjut", "Action Plan"),
    "lead": ("Instansi Penanggung Jawab", "Penanggung Jawab", "PJ", "Lead Agency"),
    "supporting": ("Instansi Pendukung", "Pendukung", "Supporting Agencies"),
    "due": ("Batas Waktu", "Tenggat Waktu", "Target Waktu", "Due Date"),
    "status": ("Status", "Status Tindak Lanjut"),
    "progress": ("Progres (%)", "Progres", "Capaian (%)", "Capaian", "Progress"),
    "obstacles": ("Kendala", "Obstacles"),
    "notes": ("Keterangan", "Notes"),
    "focus": ("Fokus", "Focus Area"),
    "sub_task_force": ("Sub Gugus Tugas", "Strategi RAN", "Sub Task Force"),
    "indicator": ("Indikator Keberhasilan", "Indikator"),
}
REQUIRED = ("text", "lead")
# The matrix workbook writes the days late before the notes; they are computed, not kept.
# Exactly as the matrix writes it: thousands grouped the Indonesian way ("2.166"), or not
# (workbooks of earlier versions).
_DAYS_LATE = re.compile(r"^Terlambat (?:\d{1,3}(?:\.\d{3})+|\d+) hari(?:$|\. )")


@dataclass(frozen=True)
class CommitmentImport:
    commitments_added: int = 0
    follow_ups_added: int = 0  # the states the matrix recorded
    written: bool = False


def import_commitments(db, meeting_id: int, lines: Iterable, *, today: date | None = None,
                       source: str = "", trial: bool = False) -> CommitmentImport:
    """Add the lines as commitments of the meeting (all or none); `source` names the
    workbook in the follow-ups that carry the recorded states."""
    today = today or date.today()
    lines = list(lines)
    headings = [line for line in lines if line.aside]  # e.g. a meeting's name across a row
    lines = [line for line in lines if not line.aside]

    def write(session):
        meeting = _meeting_taking_commitments(session, meeting_id)
        names = _Names(session)
        problems = _one_meeting(lines) + _one_heading(headings)
        agreed = {_key(text): number for number, text in session.execute(
            select(Commitment.number, Commitment.text)
            .where(Commitment.meeting_id == meeting_id))}
        number = session.scalar(select(func.max(Commitment.number))
                                .where(Commitment.meeting_id == meeting_id)) or 0
        added = follow_ups = 0
        for line in lines:
            try:  # everything is checked before the line is written
                draft = _draft(line.values, names)
                _refuse_twice(draft.text, agreed)
                state = _recorded_state(line.values, names.status, draft, meeting, today)
                commitment = Commitment(meeting_id=meeting_id, number=number + 1,
                                        status=CommitmentStatus.NOT_STARTED, progress=0)
                _apply(session, commitment, meeting, draft)
            except DomainError as error:
                problems.append(LineProblem(line.row, error.message))
                continue
            session.add(commitment)
            session.flush()
            number, added = number + 1, added + 1
            agreed[_key(commitment.text)] = commitment.number
            if state is not None:
                _log_state(session, commitment, state, today, source)
                follow_ups += 1
        return CommitmentImport(added, follow_ups), problems

    outcome, written = run_import(db, write, trial=trial)
    return replace(outcome, written=written)


def summary(outcome: CommitmentImport) -> str:
    lead = summary_heading(outcome.written)
    return "\n".join([lead, "- " + _("{count} commitments").format(
        count=outcome.commitments_added), "- " + _(
            "{count} of them with the state the matrix recorded, as a follow-up").format(
                count=outcome.follow_ups_added)])


def _one_meeting(lines) -> list[LineProblem]:
    """A workbook of several meetings would put all their commitments on this one."""
    first: tuple[int, str] | None = None
    problems = []
    for line in lines:
        meeting = line.values.get("meeting", "")
        if not meeting:
            continue
        if first is None:
            first = (line.row, meeting)
        elif meeting.lower() != first[1].lower():
            problems.append(LineProblem(line.row, _(
                "This line is of another meeting ({meeting}) than row {row} ({first}): "
                "import the commitments of one meeting at a time.").format(
                    meeting=meeting, row=first[0], first=first[1])))
    return problems


def _one_heading(headings) -> list[LineProblem]:
    """Lines with only a heading in them (merged across the row) name meetings: two of
    them mean two meetings' commitments in one workbook."""
    if not headings:
        return []
    first = headings[0]
    return [LineProblem(line.row, _(
        "This line is of another meeting ({meeting}) than row {row} ({first}): import the "
        "commitments of one meeting at a time.").format(meeting=line.aside, row=first.row,
                                                         first=first.aside))
            for line in headings[1:] if line.aside.lower() != first.aside.lower()]


def _refuse_twice(text: str, agreed: dict[str, int]) -> None:
    """The same commitment twice is a copy slip, or the same workbook imported again."""
    number = agreed.get(_key(text))
    if number is not None:
        raise ValidationError(_("The meeting already has this commitment (number "
                                "{number}).").format(number=number))


class _Names:
    """Agencies, focus areas, sub task forces and statuses by the words a matrix uses."""

    def __init__(self, session) -> None:
        self.agencies: dict[str, int] = {}
        # Archived ones too, active first: the rules then refuse them as archived, not
        # as unknown.
        for agency_id, abbreviation, name in session.execute(
                select(Agency.id, Agency.abbreviation, Agency.name)
                .order_by(Agency.active.desc(), Agency.id)):
            self.agencies.setdefault(_key(abbreviation), agency_id)
            self.agencies.setdefault(_key(name), agency_id)
        self.focus = {_key(name): entry_id for entry_id, name in session.execute(
            select(FocusArea.id, FocusArea.name).where(FocusArea.active))}
        self.sub_task_forces = {_key(name): entry_id for entry_id, name in session.execute(
            select(SubTaskForce.id, SubTaskForce.name).where(SubTaskForce.active))}
        self.status: dict[str, CommitmentStatus] = {}
        for status in CommitmentStatus:
            for word in (status.value, STATUS_WORDS[status], label(status)):
                self.status[_key(word)] = status

    def agency(self, text: str, column: str) -> int:
        try:
            return self.agencies[_key(text)]
        except KeyError:
            raise ValidationError(_("The agency {agency} ({column}) is not registered: add it "
                                    "on Instansi first, or write its abbreviation as "
                                    "registered.").format(agency=text, column=column)) from None

    def entry(self, table: dict[str, int], text: str, what: str) -> int | None:
        if not text:
            return None
        try:
            return table[_key(text)]
        except KeyError:
            raise ValidationError(_("{what} {name} is not in the list of Settings.").format(
                what=what, name=text)) from None


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _draft(values: Mapping[str, str], names: _Names) -> CommitmentDraft:
    if not values.get("lead"):
        raise ValidationError(_("The lead agency (Instansi Penanggung Jawab) is empty."))
    supporting = [part.strip() for part in re.split(r"[,;\n]", values.get("supporting", ""))
                  if part.strip()]
    try:
        due = parse_written_date(values.get("due", ""))
    except ValueError:
        raise ValidationError(_("The due date {text} is not a date; write it as 31-03-2026 "
                                "or 31 Maret 2026.").format(text=values["due"])) from None
    return CommitmentDraft(
        text=values.get("text", ""),
        lead_agency_id=names.agency(values["lead"], _("lead")),
        due_date=due,
        action_plan=values.get("action_plan", ""),
        focus_area_id=names.entry(names.focus, values.get("focus", ""), _("The focus area")),
        sub_task_force_id=names.entry(names.sub_task_forces, values.get("sub_task_force", ""),
                                      _("The sub task force")),
        supporting_agency_ids=tuple(names.agency(part, _("supporting")) for part in supporting),
        indicator=values.get("indicator", ""),
        notes=_DAYS_LATE.sub("", values.get("notes", "")),
    )


def _recorded_state(values: Mapping[str, str], statuses: dict[str, CommitmentStatus],
                    draft: CommitmentDraft, meeting,
                    today: date) -> tuple[CommitmentStatus, int, str, str] | None:
    """The state the matrix recorded beyond "not yet followed up": status, progress,
    reason and obstacles, checked by the follow-up rules; None when there is none."""
    written = values.get("status", "")
    if written and _key(written) not in statuses:
        raise ValidationError(_("The status {status} is not known: write Belum "
                                "Ditindaklanjuti, Dalam Proses, Selesai or Tidak Dapat "
                                "Ditindaklanjuti.").format(status=written))
    status = statuses.get(_key(written), CommitmentStatus.NOT_STARTED)
    progress = _percent(values.get("progress", ""))
    obstacles = clean_text(values.get("obstacles", ""), _("Obstacles"), field="obstacles",
                           multiline=True, max_length=10_000)
    if status is CommitmentStatus.NOT_STARTED and not progress and not obstacles:
        return None
    if meeting.date > today:
        raise RefusedError(_("The meeting is on {date}, still ahead: its commitments have no "
                             "follow-up yet. Leave Status, Progres and Kendala empty, or "
                             "import the matrix into the meeting that agreed it.").format(
                                 date=short_date(meeting.date)))
    # "Cannot be followed up" takes its reason from the line's notes (Keterangan).
    reason = draft.notes if status is CommitmentStatus.CANNOT else ""
    status, progress, reason = settle_status(status, progress, reason, previous_progress=0)
    return status, progress, reason, obstacles


def _log_state(session, commitment: Commitment, state, today: date, source: str) -> None:
    status, progress, reason, obstacles = state
    note = (_("State as recorded in the imported matrix ({file}).").format(file=source)
            if source else _("State as recorded in the imported matrix."))
    session.add(FollowUp(commitment_id=commitment.id, date=today, source=FollowUpSource.REPORT,
                         reporting_agency_id=commitment.lead_agency_id, note=note,
                         obstacles=obstacles, status_after=status, progress_after=progress,
                         status_reason=reason))
    commitment.status, commitment.progress, commitment.status_reason = status, progress, reason


def _percent(text: str) -> int | None:
    """"45", "45%", "45,5 %" or a percent cell (read as "45%") -> 45; "" -> None.
    A bare fraction below 1 ("0.45") is Excel's 45% without its format."""
    text = text.strip()
    if not text:
        return None
    signed = text.endswith("%")
    number = text.rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(number)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ValidationError(_("The progress {text} is not a percentage.").format(text=text))
    if not signed and 0 < value < 1 and "." in number:
        value *= 100
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))  # 44.5 -> 45, as taught
