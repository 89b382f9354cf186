"""Report objects for the official documents: plain, frozen, and already in Indonesian.

One query per document builds its report; the PDF and Excel writers, the command line and
the screens all take the same object. Official documents are Indonesian whatever language
the screens use, so dates and labels here are Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
from secretariat.i18n import _
from secretariat.meetings.attendance import list_attendance
from secretariat.meetings.instants import end_date, ends_next_day
from secretariat.meetings.lifecycle import list_agenda
from secretariat.records import get_or_fail

DOCUMENT_LOCALE = "id"

ATTENDANCE_WORDS = {
    AttendanceStatus.INVITED: "",
    AttendanceStatus.PRESENT: "",  # the signature says it
    AttendanceStatus.ABSENT: "Tidak hadir",
    AttendanceStatus.EXCUSED: "Izin",
    AttendanceStatus.REPRESENTED: "Diwakili",
}


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
    remark: str  # "Izin", "Diwakili oleh ..." where not simply present


@dataclass(frozen=True)
class AttendanceSheet:
    meeting_title: str
    day_and_date: str
    time: str
    place: str
    lines: tuple[AttendanceLine, ...]
    blank: bool  # before the meeting: names pre-filled, signatures to collect
    letterhead: LetterheadSettings


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


def attendance_sheet(db, meeting_id: int, *, blank: bool = False) -> AttendanceSheet:
    """The daftar hadir: blank for signatures before the meeting, or as recorded after it."""
    with db.reading() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
        task_force = session.get(TaskForce, meeting.task_force_id)
    lines: list[AttendanceLine] = []
    for row in list_attendance(db, meeting_id):
        if not blank and row.status is AttendanceStatus.ABSENT:
            continue  # the sheet lists who came; absences are in the minutes' narrative
        agency = row.agency_abbreviation or row.agency_name  # the short name fits the column
        position = ", ".join(part for part in (row.position, agency) if part)
        remark = "" if blank else ATTENDANCE_WORDS[row.status]
        name = row.name
        if not blank and row.status is AttendanceStatus.REPRESENTED:
            # The one who came signs; the sheet says for whom.
            name, remark = row.represented_by, f"Mewakili {row.name or agency}"
        # A sheet for signing goes round the room: private mobile numbers are written
        # there by whoever wishes, not printed for all to read.
        phone = "" if blank else row.phone
        lines.append(AttendanceLine(len(lines) + 1, name, position, phone, remark))
    return AttendanceSheet(
        meeting_title=meeting.title,
        day_and_date=long_date(meeting.date, DOCUMENT_LOCALE),
        time=time_span(meeting),
        place=meeting.place,
        lines=tuple(lines),
        blank=blank,
        letterhead=get_letterhead(db, task_force.id),
    )


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
    attendance = attendance_sheet(db, meeting_id)
    if not full:
        attendance = replace(attendance, lines=tuple(replace(line, phone="")
                                                     for line in attendance.lines))
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
        city=letterhead.city,
        letterhead=letterhead,
        classification=classify(sum(1 for row in rows if row.confidential), full=full),
    )
