"""Report objects for the official documents: plain, frozen, and already in Indonesian.

One query per document builds its report; the PDF and Excel writers, the command line and
the screens all take the same object. Official documents are Indonesian whatever language
the screens use, so dates and labels here are Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from models import (
    Agency,
    AttendanceStatus,
    Commitment,
    Meeting,
    MeetingStatus,
    TaskForce,
    commitment_supporting_agencies,
)
from secretariat.commitments.queries import CommitmentFilter, list_commitments
from secretariat.dates import clock, long_date, short_date
from secretariat.documents.classification import Classification, classify
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.meetings.attendance import list_attendance
from secretariat.meetings.instants import as_utc, end_date, ends_next_day
from secretariat.meetings.lifecycle import list_agenda
from secretariat.records import get_or_fail

DOCUMENT_LOCALE = "id"

# The Keterangan column of the daftar hadir as recorded (a deputy's line says "Mewakili …").
ATTENDANCE_WORDS = {
    AttendanceStatus.INVITED: "",  # not recorded yet
    AttendanceStatus.PRESENT: "Hadir",
    AttendanceStatus.ABSENT: "Tidak hadir",
    AttendanceStatus.EXCUSED: "Izin",
    AttendanceStatus.REPRESENTED: "Diwakili",
}
# Who was not there has no place to sign: nobody signs in their name.
NOT_THERE = (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED)
# Rows left empty on the sheet signed at the door, for those who come without invitation.
DEFAULT_BLANK_ROWS = 10
MAX_BLANK_ROWS = 200


@dataclass(frozen=True)
class AgendaEntry:
    number: int
    title: str
    presenter: str
    discussion: str
    decisions: str


@dataclass(frozen=True)
class CommitmentEntry:
    number: int
    text: str
    lead_agency: str
    supporting_agencies: str
    due_date: str
    action_plan: str = ""  # the concrete step the recommendation becomes


@dataclass(frozen=True)
class AttendanceLine:
    number: int
    name: str
    position_and_agency: str
    phone: str
    remark: str  # the Keterangan: "Hadir", "Izin", "Mewakili ...", "Tidak hadir"
    signs: bool = True  # False: not there, so no place to sign


@dataclass(frozen=True)
class AttendanceSheet:
    meeting_title: str
    day_and_date: str
    time: str
    place: str
    lines: tuple[AttendanceLine, ...]
    blank: bool  # before the meeting: names pre-filled, signatures to collect
    letterhead: LetterheadSettings
    blank_rows: int = 0  # empty rows for walk-ins, on the sheet signed at the door
    # The full copy prints the phone numbers and is marked TERBATAS; the circulated copy
    # (salinan edaran) leaves them out (UU 27/2022 PDP).
    full_copy: bool = False


@dataclass(frozen=True)
class MinutesReport:
    meeting_id: int
    title: str
    day_and_date: str
    time: str
    place: str
    invitation_number: str
    event: str  # "Acara": the agenda in one line
    chair_name: str
    chair_position: str
    chair_rank: str
    chair_nip: str
    secretary_name: str
    note_taker_name: str
    note_taker_position: str
    note_taker_nip: str
    opening: str
    agenda: tuple[AgendaEntry, ...]
    conclusions: str
    commitments: tuple[CommitmentEntry, ...]
    attendance: AttendanceSheet
    draft: bool
    city: str
    letterhead: LetterheadSettings
    # The circulated copy by default (terbatas commitments and mobile numbers left out).
    classification: Classification = Classification()


def meeting_city(place: str, letterhead_city: str) -> str:
    """The city a meeting's minutes are signed in: where it was held, not the kop's city.

    Places are written "venue, city" ("Aula Kantor Bupati Bengkayang, Bengkayang"): the last
    part names the city when it is short and holds no number (a street address such as
    "Jl. A. Yani Km. 6" does). Otherwise the letterhead's city stands.
    """
    *venue, last = [part.strip() for part in (place or "").split(",")]
    if venue and last and len(last) <= 40 and not any(ch.isdigit() for ch in last):
        return last
    return letterhead_city


def time_span(meeting: Meeting) -> str:
    """"09.00 – 12.00 WITA", "09.00 WITA – selesai", or "" when no time is set.

    A meeting that runs past midnight names the day it ends, in the letter's own words
    ("s.d.", sampai dengan), beside the "Hari/Tanggal" line that gives the day it begins:
    "20.00 WITA s.d. Selasa, 8 Juli 2025 pukul 01.00 WITA".
    """
    start = clock(meeting.start_time)
    end = clock(meeting.end_time)
    zone = meeting.time_zone.value
    if ends_next_day(meeting.start_time, meeting.end_time):
        ends_on = long_date(end_date(meeting.date, meeting.start_time, meeting.end_time),
                            DOCUMENT_LOCALE)
        return f"{start} {zone} s.d. {ends_on} pukul {end} {zone}"
    if start and end:
        return f"{start} – {end} {zone}"
    if start:
        return f"{start} {zone} – selesai"
    return ""


def attendance_sheet(db, meeting_id: int, *, blank: bool = False,
                     blank_rows: int = DEFAULT_BLANK_ROWS,
                     full_copy: bool = False) -> AttendanceSheet:
    """The daftar hadir: blank for signatures before the meeting, or as recorded after it.

    Every invited line is listed, with its Keterangan; who was excused or absent gets no
    place to sign. The blank sheet ends with `blank_rows` empty rows for walk-ins.
    """
    blank_rows = _checked_blank_rows(blank_rows) if blank else 0
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        task_force = session.get(TaskForce, meeting.task_force_id)
    lines: list[AttendanceLine] = []
    for row in list_attendance(db, meeting_id):
        agency = row.agency_abbreviation or row.agency_name  # the short name fits the column
        name, position, phone = row.name, row.position, row.phone
        if row.status is AttendanceStatus.REPRESENTED:
            # The deputy signs the line with their own jabatan and phone; the invited
            # official is named under Keterangan, never their details beside the deputy.
            name, position, phone = (row.represented_by, row.deputy_details,
                                     row.represented_phone)
            remark = f"Mewakili {row.name}".strip()
        elif blank and row.status not in NOT_THERE:
            remark = ""  # before the meeting: only an excuse sent in advance is known
        else:
            remark = ATTENDANCE_WORDS[row.status]
        position = ", ".join(part for part in (position, agency) if part)
        # The circulated copy goes round the room or the offices: private mobile numbers
        # are printed on the full copy only.
        lines.append(AttendanceLine(len(lines) + 1, name, position,
                                    phone if full_copy else "", remark,
                                    signs=row.status not in NOT_THERE))
    return AttendanceSheet(
        meeting_title=meeting.title,
        day_and_date=long_date(meeting.date, DOCUMENT_LOCALE),
        time=time_span(meeting),
        place=meeting.place,
        lines=tuple(lines),
        blank=blank,
        letterhead=get_letterhead(db, task_force.id),
        blank_rows=blank_rows,
        full_copy=full_copy,
    )


def attendance_document(db, meeting_id: int, *, blank: bool = False,
                        blank_rows: int = DEFAULT_BLANK_ROWS, full_copy: bool = False,
                        now: datetime | None = None) -> AttendanceSheet:
    """The daftar hadir printed on its own; a list "as recorded" only once the meeting
    has taken place. (The blank sheet for signing at the door is always allowed.)"""
    if not blank:
        with db.reading() as session:
            meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
            _refuse_unheld(meeting, now or datetime.now(UTC))
    return attendance_sheet(db, meeting_id, blank=blank, blank_rows=blank_rows,
                            full_copy=full_copy)


def _refuse_unheld(meeting: Meeting, now: datetime) -> None:
    if meeting.status is MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled: there is no attendance to "
                                "print. A blank sheet can still be written."), field="blank")
    if meeting.status is MeetingStatus.PLANNED:
        raise ValidationError(
            _("The meeting of {date} is still planned: a daftar hadir as recorded can be "
              "written once it is marked as held. Until then, write the blank sheet for "
              "signing at the door.").format(date=short_date(meeting.date)), field="blank")
    if as_utc(meeting.starts_at_utc) > now:
        raise ValidationError(
            _("The meeting of {date} has not begun yet: a daftar hadir as recorded can be "
              "written once it has taken place. Until then, write the blank sheet for "
              "signing at the door.").format(date=short_date(meeting.date)), field="blank")


def _checked_blank_rows(count) -> int:
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_BLANK_ROWS:
        raise ValidationError(_("The number of blank rows must be a whole number from 0 to "
                                "{most}.").format(most=MAX_BLANK_ROWS), field="blank_rows")
    return count


def _supporting_agencies(db, meeting_id: int) -> dict[int, list[str]]:
    """Supporting agencies of all the meeting's commitments in one query, not one each."""
    query = (
        select(commitment_supporting_agencies.c.commitment_id, Agency.abbreviation)
        .join(Agency, commitment_supporting_agencies.c.agency_id == Agency.id)
        .join(Commitment, commitment_supporting_agencies.c.commitment_id == Commitment.id)
        .where(Commitment.meeting_id == meeting_id)
        .order_by(Agency.abbreviation)
    )
    found: dict[int, list[str]] = {}
    with db.reading() as session:
        for commitment_id, abbreviation in session.execute(query):
            found.setdefault(commitment_id, []).append(abbreviation)
    return found


def minutes_report(db, meeting_id: int, *, full: bool = False) -> MinutesReport:
    """The notulen rapat of one meeting, with its commitments and daftar hadir.

    The circulated copy unless `full`: without the terbatas commitments (their numbers
    kept, so the gaps show) and without the participants' mobile numbers, which the copy
    that goes round to every member agency does not need (UU 27/2022 PDP)."""
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
    agenda = tuple(AgendaEntry(a.position, a.title, a.presenter, a.discussion, a.decisions)
                   for a in list_agenda(db, meeting_id))
    rows = list_commitments(db, CommitmentFilter(meeting_id=meeting_id), limit=None)
    rows = sorted(rows, key=lambda row: row.number)
    shown = [row for row in rows if full or not row.confidential]
    supporting = _supporting_agencies(db, meeting_id)
    with db.reading() as session:
        plans = dict(session.execute(select(Commitment.id, Commitment.action_plan)
                                     .where(Commitment.meeting_id == meeting_id)).all())
    commitments = [
        CommitmentEntry(row.number, row.text, row.lead_agency,
                        ", ".join(supporting.get(row.id, ())),
                        short_date(row.due_date, DOCUMENT_LOCALE), plans.get(row.id) or "")
        for row in shown
    ]
    letterhead = get_letterhead(db, meeting.task_force_id)
    attendance = attendance_sheet(db, meeting_id, full_copy=full)  # its phones go with it
    return MinutesReport(
        meeting_id=meeting.id,
        title=meeting.title,
        day_and_date=long_date(meeting.date, DOCUMENT_LOCALE),
        time=time_span(meeting),
        place=meeting.place,
        invitation_number=meeting.invitation_number,
        event="; ".join(entry.title for entry in agenda),
        chair_name=meeting.chair_name,
        chair_position=meeting.chair_position,
        chair_rank=meeting.chair_rank,
        chair_nip=meeting.chair_nip,
        secretary_name=meeting.secretary_name,
        note_taker_name=meeting.note_taker_name,
        note_taker_position=meeting.note_taker_position,
        note_taker_nip=meeting.note_taker_nip,
        opening=meeting.opening,
        agenda=agenda,
        conclusions=meeting.conclusions,
        commitments=tuple(commitments),
        attendance=attendance,
        draft=meeting.status is not MeetingStatus.MINUTES_FINAL,
        city=meeting_city(meeting.place, letterhead.city),
        letterhead=letterhead,
        classification=classify(sum(1 for row in rows if row.confidential), full=full),
    )
