"""The Lembar Komitmen Bersama: what a meeting agreed, signed by the agencies named.

At the end of a rakor the agencies, religious leaders and community bodies sign the
commitments together (*penandatanganan kesepakatan dan komitmen bersama*). The sheet names
the meeting, numbers the commitments with their lead agency, and gives each signatory
agency a box: the name and position of whoever attended for it at that meeting, or blank
lines to fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models import Agency, AttendanceStatus, Commitment, Meeting, commitment_signatories
from secretariat.dates import long_date, short_date
from secretariat.documents.classification import Classification, classify
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.documents.minutes_and_attendance import (
    DOCUMENT_LOCALE,
    meeting_city,
    time_span,
)
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.meetings.attendance import list_attendance
from secretariat.records import get_or_fail


@dataclass(frozen=True)
class AgreedItem:
    number: int
    text: str
    lead_agency: str  # the full name: the sheet is signed, not a working list
    due_date: str  # "" when none was set


@dataclass(frozen=True)
class SignatoryBox:
    agency_name: str
    agency_abbreviation: str
    person_name: str  # "" when nobody was recorded for the agency: written by hand
    person_position: str


@dataclass(frozen=True)
class JointCommitmentSheet:
    meeting_id: int
    meeting_title: str
    day_and_date: str  # "Kamis, 7 Agustus 2025"
    time: str
    place: str
    commitments: tuple[AgreedItem, ...]
    signatories: tuple[SignatoryBox, ...]
    place_and_date: str  # "Bengkayang, 7 Agustus 2025" above the signatures
    letterhead: LetterheadSettings
    classification: Classification = Classification()


def _signing_agencies(session, meeting_id: int) -> list[Agency]:
    """The signatories of all the meeting's commitments, each once: in the order they
    first sign (commitment 1's lead first), so the sheet reads like the agreement."""
    query = (select(Agency, Commitment.number, Commitment.lead_agency_id)
             .join(commitment_signatories, commitment_signatories.c.agency_id == Agency.id)
             .join(Commitment, commitment_signatories.c.commitment_id == Commitment.id)
             .where(Commitment.meeting_id == meeting_id))
    rows = sorted(session.execute(query).all(),
                  key=lambda row: (row[1], row[0].id != row[2], row[0].name.lower()))
    first: dict[int, Agency] = {}
    for agency, *_rest in rows:
        first.setdefault(agency.id, agency)
    return list(first.values())


def _attended_for(db, meeting_id: int) -> dict[int, tuple[str, str]]:
    """Name and position of who came for each agency: the first present, else a deputy."""
    found: dict[int, tuple[str, str]] = {}
    deputies: dict[int, tuple[str, str]] = {}
    for row in list_attendance(db, meeting_id):
        if row.agency_id is None:
            continue
        if row.status is AttendanceStatus.PRESENT and row.name:
            found.setdefault(row.agency_id, (row.name, row.position))
        elif row.status is AttendanceStatus.REPRESENTED and row.represented_by:
            deputies.setdefault(row.agency_id, (row.represented_by, row.represented_position))
    return {**deputies, **found}


def joint_commitment(db, meeting_id: int, *, full: bool = False) -> JointCommitmentSheet:
    """The Lembar Komitmen Bersama of one meeting (refused when there is nothing to sign).

    Community bodies sign it and take it home: by default it is the circulated copy, its
    terbatas commitments left out (their numbers kept, a line saying how many); the full
    copy, marked TERBATAS, only when asked."""
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        agreed = session.execute(
            select(Commitment.number, Commitment.text, Agency.name, Commitment.due_date,
                   Commitment.confidential)
            .join(Agency, Commitment.lead_agency_id == Agency.id)
            .where(Commitment.meeting_id == meeting_id)
            .order_by(Commitment.number)).all()
        signing = _signing_agencies(session, meeting_id)
    if not agreed:
        raise ValidationError(_("No commitments are recorded for this meeting yet: record "
                                "them on the meeting's Commitments tab first."))
    if not signing:
        raise ValidationError(_("The commitments of this meeting have no signatories: choose "
                                "them in each commitment's form."))
    terbatas = sum(1 for *_values, confidential in agreed if confidential)
    shown = [values for *values, confidential in agreed if full or not confidential]
    if not shown:
        raise ValidationError(_("Every commitment of this meeting is confidential (terbatas): "
                                "only the full copy, marked TERBATAS, can be written."))
    attended = _attended_for(db, meeting_id)
    letterhead = get_letterhead(db, meeting.task_force_id)
    day = short_date(meeting.date, DOCUMENT_LOCALE)
    city = meeting_city(meeting.place, letterhead.city)  # signed where the rakor was held
    return JointCommitmentSheet(
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        day_and_date=long_date(meeting.date, DOCUMENT_LOCALE),
        time=time_span(meeting),
        place=meeting.place,
        commitments=tuple(AgreedItem(number, text, lead, short_date(due, DOCUMENT_LOCALE))
                          for number, text, lead, due in shown),
        signatories=tuple(SignatoryBox(agency.name, agency.abbreviation,
                                       *attended.get(agency.id, ("", "")))
                          for agency in signing),
        place_and_date=f"{city}, {day}" if city else day,
        letterhead=letterhead,
        classification=classify(terbatas, full=full),
    )
