"""The surat undangan: the letter that invites the members to a meeting.

The secretariat's day before a rakor: the meeting is scheduled with its invitation number,
the invited agencies and people are on its attendance list, and the letter goes out on the
letterhead with the day, time, place and agenda, the list of invitees attached. The report
object is built here from those records, so the letter says what the program knows, and is
Indonesian whatever language the screens use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models import Meeting, MeetingStatus, TaskForce
from secretariat.dates import long_date, short_date
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.documents.minutes_and_attendance import time_span
from secretariat.errors import RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.meetings.attendance import list_attendance
from secretariat.meetings.lifecycle import list_agenda
from secretariat.records import get_or_fail
from secretariat.validation import check_date, check_nip, clean_text
from secretariat.vocabulary import document_label

DOCUMENT_LOCALE = "id"
# "Sifat" of a letter in Tata Naskah Dinas, from ordinary to most urgent.
NATURES = ("Biasa", "Penting", "Segera", "Sangat Segera")


@dataclass(frozen=True)
class InvitationDraft:
    letter_date: date | None
    nature: str = "Penting"
    signer_name: str = ""
    signer_position: str = ""
    signer_rank: str = ""
    signer_nip: str = ""


@dataclass(frozen=True)
class Invitee:
    number: int
    name: str
    position: str
    agency: str


@dataclass(frozen=True)
class Invitation:
    letter_number: str
    letter_date: str  # "25 November 2025"
    place_and_date: str  # "Banjarbaru, 25 November 2025"
    nature: str
    subject: str  # "Undangan Rapat Koordinasi (Rakor)"
    meeting_title: str
    task_force: str
    day_and_date: str
    time: str
    place: str
    agenda: tuple[str, ...]
    invitees: tuple[Invitee, ...]
    signer_name: str
    signer_position: str
    signer_rank: str
    signer_nip: str
    letterhead: LetterheadSettings

    @property
    def addressed_to_list(self) -> bool:
        """More than one invitee: "Yth. daftar terlampir", the names on an attached page."""
        return len(self.invitees) > 1


@dataclass(frozen=True)
class InvitationDefaults:
    """What the letter dialog starts from: the meeting's chair signs, dated as asked."""

    invitation_number: str  # kept on the meeting: the notulen cite the same number
    invitee_count: int
    draft: InvitationDraft


def invitation_defaults(db, meeting_id: int, *, letter_date: date) -> InvitationDefaults:
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        number = meeting.invitation_number
        draft = InvitationDraft(letter_date, signer_name=meeting.chair_name,
                                signer_position=meeting.chair_position,
                                signer_rank=meeting.chair_rank, signer_nip=meeting.chair_nip)
    return InvitationDefaults(number, len(_invitees(db, meeting_id)), draft)


def _invitees(db, meeting_id: int) -> tuple[Invitee, ...]:
    invitees: list[Invitee] = []
    for row in list_attendance(db, meeting_id):
        # An agency invited without a named person is addressed to its head.
        name = row.name or ("Pimpinan " + row.agency_name if row.agency_name else "")
        if name:
            invitees.append(Invitee(len(invitees) + 1, name, row.position, row.agency_name))
    return tuple(invitees)


def invitation_letter(db, meeting_id: int, draft: InvitationDraft) -> Invitation:
    """The invitation as it will be printed; refuses a letter that could not go out."""
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        if meeting.status is MeetingStatus.CANCELLED:
            raise RefusedError(_("This meeting was cancelled."))
        task_force_id = meeting.task_force_id
        task_force = session.get(TaskForce, task_force_id).name
        number, kind = meeting.invitation_number, meeting.kind
        title, day, span, place = (meeting.title, meeting.date, time_span(meeting),
                                   meeting.place)
    letter_date = check_date(draft.letter_date, _("Letter date"), field="letter_date",
                             required=True)
    if letter_date > day:
        raise ValidationError(_("An invitation cannot be dated after the meeting ({date})."
                                ).format(date=short_date(day)), field="letter_date")
    if draft.nature not in NATURES:
        raise ValidationError(_("Choose how urgent the letter is: {natures}.").format(
            natures=", ".join(NATURES)), field="nature")
    invitees = _invitees(db, meeting_id)
    if not invitees:
        raise ValidationError(_("Nobody is invited yet: add the agencies and people to invite "
                                "on the meeting's Attendance tab first."), field="invitees")
    agenda = tuple(item.title for item in list_agenda(db, meeting_id)) or (title,)
    letterhead = get_letterhead(db, task_force_id)
    written = short_date(letter_date, DOCUMENT_LOCALE)
    return Invitation(
        letter_number=number,
        letter_date=written,
        place_and_date=f"{letterhead.city}, {written}" if letterhead.city else written,
        nature=draft.nature,
        subject="Undangan " + document_label(kind),
        meeting_title=title,
        task_force=task_force,
        day_and_date=long_date(day, DOCUMENT_LOCALE),
        time=span,
        place=place,
        agenda=agenda,
        invitees=invitees,
        # A letter goes out signed: an empty name would print a dotted line in its place.
        signer_name=clean_text(draft.signer_name, _("Signer's name"), field="signer_name",
                               required=True, max_length=160),
        signer_position=clean_text(draft.signer_position, _("Signer's position"),
                                   field="signer_position", required=True, max_length=200),
        signer_rank=clean_text(draft.signer_rank, _("Rank/grade"), field="signer_rank",
                               max_length=100),
        signer_nip=check_nip(draft.signer_nip, field="signer_nip"),
        letterhead=letterhead,
    )
