"""Letters asking one agency for a progress update on its open commitments.

Most member agencies never open the program. The secretariat selects an agency's open
commitments, prints a letter on the letterhead listing them with their due dates, and
records that it was sent; the answer is later entered as follow-ups. The letter is an
official document, so its report object is Indonesian whatever language the screens use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from models import (
    Agency,
    Commitment,
    CommitmentStatus,
    ContactPerson,
    Meeting,
    MeetingKind,
    MeetingStatus,
    ProgressRequest,
    TaskForce,
    progress_request_items,
)
from secretariat.commitments.status import OPEN_STATUSES
from secretariat.dates import long_date, short_date
from secretariat.documents.classification import Classification, classify
from secretariat.documents.letter_parts import (
    Addressee,
    check_carbon_copies,
    check_nature,
    holds_office,
    office_addressee,
)
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.documents.signer import Signer, check_signer, office_head
from secretariat.errors import RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.validation import check_date, clean_text

DOCUMENT_LOCALE = "id"

# The follow-up statuses as Peraturan BPK 2/2017 names them, for official documents.
STATUS_WORDS = {
    CommitmentStatus.NOT_STARTED: "Belum Ditindaklanjuti",
    CommitmentStatus.IN_PROGRESS: "Dalam Proses",
    CommitmentStatus.DONE: "Selesai",
    CommitmentStatus.CANNOT: "Tidak Dapat Ditindaklanjuti",
}


@dataclass(frozen=True)
class RequestDraft:
    commitment_ids: tuple[int, ...]
    letter_number: str
    sent_on: date | None
    reply_by: date | None = None
    signer: Signer = field(default_factory=Signer)
    note: str = ""
    nature: str = "Biasa"  # Sifat: a routine request; Segera when the rakor is near
    carbon_copies: str = ""  # Tembusan, one per line
    # A terbatas commitment is quoted (and the letter marked TERBATAS) unless left out.
    include_confidential: bool = True


@dataclass(frozen=True)
class RequestedCommitment:
    number: int
    meeting: str  # "Rakor GT PP-TPPO Triwulan III, 12 Agustus 2026"
    text: str
    due_date: str
    status: str
    progress: int


@dataclass(frozen=True)
class RequestLetter:
    letter_number: str  # "" when it is numbered by hand
    place_and_date: str
    nature: str
    addressee: Addressee  # the lead agency's head, u.p. its focal point
    agency_name: str
    task_force: str
    commitments: tuple[RequestedCommitment, ...]
    reply_by: str
    signer: Signer
    carbon_copies: tuple[str, ...]
    letterhead: LetterheadSettings
    classification: Classification = Classification()


@dataclass(frozen=True)
class RequestRow:
    id: int
    sent_on: date
    letter_number: str
    reply_by: date | None
    agency: str


@dataclass(frozen=True)
class _Checked:
    agency: Agency
    task_force: TaskForce
    rows: list[tuple[Commitment, Meeting]]
    letter_number: str
    sent_on: date
    reply_by: date | None


def _check(session, draft: RequestDraft, today: date) -> _Checked:
    ids = tuple(dict.fromkeys(draft.commitment_ids))
    if not ids:
        raise ValidationError(_("Select at least one open commitment."), field="commitments")
    rows = session.execute(
        select(Commitment, Meeting).join(Meeting, Commitment.meeting_id == Meeting.id)
        .where(Commitment.id.in_(ids))
        .order_by(Meeting.starts_at_utc, Meeting.id, Commitment.number)
    ).all()
    if len(rows) != len(ids):
        raise RefusedError(_("A selected commitment was deleted meanwhile; reload the list."))
    if not draft.include_confidential:
        rows = [(commitment, meeting) for commitment, meeting in rows
                if not commitment.confidential]
        if not rows:
            raise ValidationError(_("Every selected commitment is confidential: a letter "
                                    "without them would ask about nothing."),
                                  field="commitments")
    leads = {commitment.lead_agency_id for commitment, _meeting in rows}
    if len(leads) > 1:
        raise ValidationError(_("A request goes to one agency: select the commitments of one "
                                "lead agency only."), field="commitments")
    closed = [commitment for commitment, _meeting in rows if commitment.status not in OPEN_STATUSES]
    if closed:
        raise ValidationError(_("Only open commitments can be asked about; {count} of the "
                                "selected are closed.").format(count=len(closed)),
                              field="commitments")
    task_forces = {meeting.task_force_id for _commitment, meeting in rows}
    if len(task_forces) > 1:
        raise ValidationError(_("The selected commitments belong to different task forces."),
                              field="commitments")
    sent_on = check_date(draft.sent_on, _("Letter date"), field="sent_on", required=True)
    if sent_on > today:
        raise ValidationError(_("A letter cannot be dated in the future."), field="sent_on")
    reply_by = check_date(draft.reply_by, _("Reply by"), field="reply_by")
    if reply_by is not None and reply_by < sent_on:
        raise ValidationError(_("The reply date lies before the letter's date."),
                              field="reply_by")
    number = clean_text(draft.letter_number, _("Letter number"), field="letter_number",
                        max_length=120)
    return _Checked(session.get(Agency, leads.pop()), session.get(TaskForce, task_forces.pop()),
                    rows, number, sent_on, reply_by)


def request_letter(db, draft: RequestDraft, *, today: date | None = None) -> RequestLetter:
    """The letter as it will be printed; refuses what `record_request` would refuse."""
    today = today or date.today()
    with db.reading() as session:
        checked = _check(session, draft, today)
        commitments = tuple(
            RequestedCommitment(
                commitment.number,
                f"{meeting.title}, {long_date(meeting.date, DOCUMENT_LOCALE).split(', ', 1)[-1]}",
                commitment.text, short_date(commitment.due_date, DOCUMENT_LOCALE) or "-",
                STATUS_WORDS[commitment.status], commitment.progress)
            for commitment, meeting in checked.rows)
        terbatas = sum(1 for commitment, _meeting in checked.rows if commitment.confidential)
        agency_name, task_force = checked.agency.name, checked.task_force.name
        task_force_id = checked.task_force.id
        addressee = office_addressee(checked.agency.office_title, agency_name,
                                     _focal_point(session, checked.agency))
    nature = check_nature(draft.nature)
    signer = check_signer(draft.signer)
    carbon_copies = check_carbon_copies(draft.carbon_copies)
    letterhead = get_letterhead(db, task_force_id)
    day = long_date(checked.sent_on, DOCUMENT_LOCALE).split(", ", 1)[-1]
    return RequestLetter(
        letter_number=checked.letter_number,
        place_and_date=f"{letterhead.city}, {day}" if letterhead.city else day,
        nature=nature,
        addressee=addressee,
        agency_name=agency_name,
        task_force=task_force,
        commitments=commitments,
        reply_by=(long_date(checked.reply_by, DOCUMENT_LOCALE).split(", ", 1)[-1]
                  if checked.reply_by else ""),
        signer=signer,
        carbon_copies=carbon_copies,
        letterhead=letterhead,
        # Addressed to the agency that leads them, the letter is no circulated copy: what
        # it quotes of a terbatas commitment makes it TERBATAS, left out it is not there.
        classification=classify(terbatas, full=True),
    )


def _focal_point(session, agency: Agency) -> str:
    """"u.p.": the position of the agency's focal point for the task force, if it has one."""
    person = session.scalar(
        select(ContactPerson).where(ContactPerson.agency_id == agency.id,
                                    ContactPerson.active.is_(True),
                                    ContactPerson.focal_point.is_(True))
        .order_by(ContactPerson.id).limit(1))
    if person is None or holds_office(person.position, agency.office_title):
        return ""
    return person.position or person.name
def confidential_among(db, commitment_ids: tuple[int, ...]) -> int:
    """How many of these commitments are terbatas: the letter's dialog offers to leave
    them out."""
    if not commitment_ids:
        return 0
    with db.reading() as session:
        return len(session.scalars(select(Commitment.id).where(
            Commitment.id.in_(commitment_ids), Commitment.confidential.is_(True))).all())


def record_request(db, draft: RequestDraft, *, today: date | None = None) -> int:
    """Record that the letter went out, with the commitments it asked about."""
    today = today or date.today()
    with db.unit_of_work() as session:
        checked = _check(session, draft, today)
        request = ProgressRequest(
            agency_id=checked.agency.id, letter_number=checked.letter_number,
            sent_on=checked.sent_on, reply_by=checked.reply_by,
            note=clean_text(draft.note, _("Note"), field="note", multiline=True),
        )
        request.commitments = [commitment for commitment, _meeting in checked.rows]
        session.add(request)
        session.flush()
        return request.id


def list_requests(db, commitment_id: int) -> list[RequestRow]:
    """Letters that asked about this commitment, newest first."""
    query = (
        select(ProgressRequest.id, ProgressRequest.sent_on, ProgressRequest.letter_number,
               ProgressRequest.reply_by, Agency.abbreviation)
        .join(progress_request_items,
              progress_request_items.c.request_id == ProgressRequest.id)
        .join(Agency, ProgressRequest.agency_id == Agency.id)
        .where(progress_request_items.c.commitment_id == commitment_id)
        .order_by(ProgressRequest.sent_on.desc(), ProgressRequest.id.desc())
    )
    with db.reading() as session:
        return [RequestRow(*values) for values in session.execute(query)]


@dataclass(frozen=True)
class RequestDefaults:
    """What the letter's dialog starts from: the kop's office head signs, the kop's
    Tembusan; the task force and the head for the a.n./Plt. suggestions."""

    signer: Signer
    carbon_copies: str
    task_force: str


def request_defaults(db, commitment_ids: tuple[int, ...]) -> RequestDefaults:
    if not commitment_ids:
        return RequestDefaults(Signer(), "", "")
    with db.reading() as session:
        task_force = session.execute(
            select(TaskForce.id, TaskForce.name)
            .join(Meeting, Meeting.task_force_id == TaskForce.id)
            .join(Commitment, Commitment.meeting_id == Meeting.id)
            .where(Commitment.id == commitment_ids[0])).first()
    if task_force is None:
        return RequestDefaults(Signer(), "", "")
    return RequestDefaults(office_head(db, task_force.id),
                           get_letterhead(db, task_force.id).carbon_copies, task_force.name)


def default_signer(db, commitment_ids: tuple[int, ...]) -> Signer:
    """The head of the office whose kop the letter bears (the task force's letterhead)."""
    return request_defaults(db, commitment_ids).signer


def latest_rakor_chair(session, task_force_id: int | None) -> tuple[str, str, str]:
    """Name, position and NIP of whoever chaired the task force's latest rakor."""
    latest = session.execute(
        select(Meeting.chair_name, Meeting.chair_position, Meeting.chair_nip)
        .where(Meeting.task_force_id == task_force_id, Meeting.kind == MeetingKind.RAKOR,
               Meeting.status != MeetingStatus.CANCELLED, Meeting.chair_name != "")
        .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc()).limit(1)).first()
    return tuple(latest) if latest else ("", "", "")
