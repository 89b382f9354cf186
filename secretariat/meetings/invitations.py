"""The surat undangan: the letter that invites the members to a meeting.

The secretariat's day before a rakor: the meeting is scheduled with its invitation number,
the invited agencies and people are on its attendance list, and the letter goes out on the
letterhead with the day, time, place and agenda, the list of invitees attached. The report
object is built here from those records, so the letter says what the program knows, and is
Indonesian whatever language the screens use.

The letter is the office's whose kop it bears: its head signs (or someone for him, a.n.,
Plt., Plh., u.b.), whoever chairs the meeting. It goes to the offices invited, by their
holder's title, the person expected after "u.p."; the host office and the signer are not
on the daftar undangan (they send it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from models import Agency, Meeting, MeetingKind, MeetingStatus, Region, TaskForce
from secretariat.dates import long_date, short_date
from secretariat.documents.letter_parts import (
    NATURES,
    Addressee,
    check_carbon_copies,
    check_nature,
    holds_office,
    office_addressee,
)
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.documents.minutes_and_attendance import time_span
from secretariat.documents.signer import Signer, check_signer, office_head
from secretariat.errors import RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.meetings.attendance import AttendanceRow, list_attendance
from secretariat.meetings.invitation_wording import closing, opening
from secretariat.meetings.lifecycle import list_agenda
from secretariat.records import get_or_fail
from secretariat.validation import check_date
from secretariat.vocabulary import document_label

DOCUMENT_LOCALE = "id"
__all__ = ["NATURES", "Invitation", "InvitationDefaults", "InvitationDraft", "Invitee",
           "InvitedPerson", "invitation_defaults", "invitation_letter"]


@dataclass(frozen=True)
class InvitationDraft:
    letter_date: date | None
    nature: str = "Penting"
    signer: Signer = field(default_factory=Signer)
    carbon_copies: str = ""  # Tembusan, one per line


@dataclass(frozen=True)
class InvitedPerson:
    name: str
    position: str


@dataclass(frozen=True)
class Invitee:
    """One line of the daftar undangan: an office (or a person invited on his own)."""

    number: int
    addressee: Addressee
    agency: str  # "" for a person invited on his own
    people: tuple[InvitedPerson, ...]


@dataclass(frozen=True)
class Invitation:
    letter_number: str  # "" when it is numbered by hand
    letter_date: str  # "25 November 2025"
    place_and_date: str  # "Banjarbaru, 25 November 2025"
    nature: str
    subject: str  # "Undangan Rapat Koordinasi (Rakor)"
    meeting_title: str
    task_force: str
    opening: str  # "Dalam rangka pelaksanaan …, bersama ini kami mengundang Bapak/Ibu …:"
    day_and_date: str
    time: str
    place: str
    agenda: tuple[str, ...]
    closing: str
    invitees: tuple[Invitee, ...]
    signer: Signer
    carbon_copies: tuple[str, ...]
    letterhead: LetterheadSettings

    @property
    def addressed_to_list(self) -> bool:
        """More than one invitee: "Yth. daftar terlampir", the names on an attached page."""
        return len(self.invitees) > 1


@dataclass(frozen=True)
class InvitationDefaults:
    """What the letter dialog starts from: the kop's office head signs, dated as asked."""

    invitation_number: str  # kept on the meeting: the notulen cite the same number
    invitee_count: int
    task_force: str
    head: Signer  # the office's head, whom a.n./Plt./Plh. refer to
    draft: InvitationDraft


@dataclass(frozen=True)
class _Setting:
    task_force_id: int
    task_force: str
    region: str
    host_agency_ids: frozenset[int]
    letterhead: LetterheadSettings


def _setting(db, session, meeting: Meeting) -> _Setting:
    task_force = session.get(TaskForce, meeting.task_force_id)
    region = session.get(Region, task_force.region_id)
    letterhead = get_letterhead(db, task_force.id)
    # The office whose kop the letter bears: the secretariat's, or the one the kop names.
    hosts = {task_force.secretariat_agency_id} if task_force.secretariat_agency_id else set()
    if letterhead.agency_line.strip():
        hosts |= set(session.scalars(select(Agency.id).where(
            func.lower(Agency.name) == letterhead.agency_line.strip().lower())))
    return _Setting(task_force.id, task_force.name, region.name if region else "",
                    frozenset(hosts), letterhead)


def invitation_defaults(db, meeting_id: int, *, letter_date: date) -> InvitationDefaults:
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        number = meeting.invitation_number
        setting = _setting(db, session, meeting)
    head = office_head(db, setting.task_force_id)
    draft = InvitationDraft(letter_date, signer=head,
                            carbon_copies=setting.letterhead.carbon_copies)
    invitees = _invitees(db, meeting_id, setting.host_agency_ids, head)
    return InvitationDefaults(number, len(invitees), setting.task_force, head, draft)


def _invitees(db, meeting_id: int, hosts: frozenset[int], signer: Signer
              ) -> tuple[Invitee, ...]:
    """The daftar undangan: one line per office invited, in the order first invited."""
    signer_name = " ".join(signer.name.split()).casefold()
    groups: dict[object, list[AttendanceRow]] = {}
    for row in list_attendance(db, meeting_id):
        if row.agency_id in hosts or (signer_name and
                                      " ".join(row.name.split()).casefold() == signer_name):
            continue  # the letter's sender is not among those it invites
        if row.agency_id is None and not row.name:
            continue
        groups.setdefault(row.agency_id if row.agency_id is not None else ("person", row.id),
                          []).append(row)
    titles = _office_titles(db, {key for key in groups if isinstance(key, int)})
    invitees: list[Invitee] = []
    for key, rows in groups.items():
        people = tuple(InvitedPerson(row.name, row.position) for row in rows if row.name)
        if isinstance(key, int):
            agency = rows[0].agency_name
            title = titles.get(key, "")
            # The holder of the office is its addressee; the others are expected "u.p.".
            people = tuple(person for person in people
                           if not holds_office(person.position, title))
            addressee = office_addressee(title, agency, _attention(people))
        else:
            agency = ""
            person = people[0]
            addressee = Addressee(", ".join(part for part in (person.name, person.position)
                                            if part))
        invitees.append(Invitee(len(invitees) + 1, addressee, agency, people))
    return tuple(invitees)


def _office_titles(db, agency_ids: set[int]) -> dict[int, str]:
    if not agency_ids:
        return {}
    with db.reading() as session:
        return dict(session.execute(select(Agency.id, Agency.office_title)
                                    .where(Agency.id.in_(agency_ids))).tuples().all())


def _attention(people: tuple[InvitedPerson, ...]) -> str:
    """"u.p.": the positions (else names) of those expected."""
    expected = list(dict.fromkeys(person.position or person.name for person in people))
    if len(expected) > 1:
        return ", ".join(expected[:-1]) + " dan " + expected[-1]
    return expected[0] if expected else ""


def invitation_letter(db, meeting_id: int, draft: InvitationDraft) -> Invitation:
    """The invitation as it will be printed; refuses a letter that could not go out."""
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        if meeting.status is MeetingStatus.CANCELLED:
            raise RefusedError(_("This meeting was cancelled."))
        setting = _setting(db, session, meeting)
        number, kind = meeting.invitation_number, MeetingKind(meeting.kind)
        title, day, span, place = (meeting.title, meeting.date, time_span(meeting),
                                   meeting.place)
    letter_date = check_date(draft.letter_date, _("Letter date"), field="letter_date",
                             required=True)
    if letter_date > day:
        raise ValidationError(_("An invitation cannot be dated after the meeting ({date})."
                                ).format(date=short_date(day)), field="letter_date")
    nature = check_nature(draft.nature)
    signer = check_signer(draft.signer)
    carbon_copies = check_carbon_copies(draft.carbon_copies)
    invitees = _invitees(db, meeting_id, setting.host_agency_ids, signer)
    if not invitees:
        if list_attendance(db, meeting_id):
            raise ValidationError(_("Everyone on the attendance list belongs to the office "
                                    "that sends the letter (or signs it): add the agencies "
                                    "to invite on the meeting's Attendance tab."),
                                  field="invitees")
        raise ValidationError(_("Nobody is invited yet: add the agencies and people to invite "
                                "on the meeting's Attendance tab first."), field="invitees")
    agenda = tuple(item.title for item in list_agenda(db, meeting_id)) or (title,)
    letterhead = setting.letterhead
    written = short_date(letter_date, DOCUMENT_LOCALE)
    return Invitation(
        letter_number=number,
        letter_date=written,
        place_and_date=f"{letterhead.city}, {written}" if letterhead.city else written,
        nature=nature,
        subject="Undangan " + document_label(kind),
        meeting_title=title,
        task_force=setting.task_force,
        opening=opening(kind, title, task_force=setting.task_force, region=setting.region),
        day_and_date=long_date(day, DOCUMENT_LOCALE),
        time=span,
        place=place,
        agenda=agenda,
        closing=closing(kind, nature),
        invitees=invitees,
        signer=signer,
        carbon_copies=carbon_copies,
        letterhead=letterhead,
    )
