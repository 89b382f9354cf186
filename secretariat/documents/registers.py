"""Direktori Instansi and Jadwal Rapat: the registers the secretariat hands out as workbooks.

The directory is what a clerk phones from: every member agency with its contact people,
and which task forces it sits on in which role. The schedule lists the meetings of a
year (its "Nama Rapat" the meeting's title, its "Acara" the agenda items). Both are read
through the same queries as the screens and worded in Indonesian, as every document that
leaves the office.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time

from babel.dates import format_date
from sqlalchemy import select

from models import (
    Agency,
    AgendaItem,
    ContactPerson,
    Meeting,
    Membership,
    Region,
    SubTaskForce,
    TaskForce,
)
from secretariat.agencies.regions import list_task_forces
from secretariat.commitments.queries import task_forces_below
from secretariat.dates import clock, short_date
from secretariat.documents.classification import Classification
from secretariat.documents.letterhead import LetterheadSettings, get_letterhead
from secretariat.i18n import DOCUMENT_LANGUAGE
from secretariat.meetings.instants import ends_next_day
from secretariat.meetings.lifecycle import list_meetings
from secretariat.vocabulary import document_label


@dataclass(frozen=True)
class DirectoryLine:
    """One contact person with the agency's own columns, or an agency without contacts."""

    abbreviation: str
    agency: str
    sector: str
    level: str
    region: str
    address: str
    agency_phone: str
    agency_email: str
    active: bool
    contact: str
    position: str
    nip: str
    phone: str
    email: str
    focal_point: bool
    nrp: str = ""  # Polri/TNI, instead of an NIP


@dataclass(frozen=True)
class MembershipLine:
    task_force: str
    abbreviation: str
    agency: str
    role: str
    sub_task_force: str
    leads_sub_task_force: bool
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True)
class AgencyDirectory:
    title: str
    printed_on: str
    letterhead: LetterheadSettings
    lines: tuple[DirectoryLine, ...]
    memberships: tuple[MembershipLine, ...]
    # The circulated copy (the default) has no contact person's own NIP, mobile number or
    # e-mail: the agency's office line and address are how a reader reaches them.
    personal: bool = False
    classification: Classification = Classification()


@dataclass(frozen=True)
class ScheduleLine:
    date: date
    weekday: str  # "Selasa"
    start_time: time | None
    time_span: str  # "09.00 – 12.00 WITA", "20.00 – 01.00 WITA (hari berikutnya)"
    kind: str
    title: str  # "Nama Rapat"
    task_force: str
    place: str
    invitation_number: str
    chair: str
    note_taker: str
    status: str
    commitments: int
    agenda: str = ""  # "Acara": the agenda items, numbered, one a line


@dataclass(frozen=True)
class MeetingSchedule:
    title: str
    subtitle: str  # which year and task force
    printed_on: str
    letterhead: LetterheadSettings
    lines: tuple[ScheduleLine, ...]


def agency_directory(db, *, include_archived: bool = False, today: date | None = None,
                     full: bool = False) -> AgencyDirectory:
    """Agencies, their contact people and their seats, read in one snapshot.

    The circulated copy unless `full`: the full one, with the contact people's own
    numbers, is for the secretariat and is marked TERBATAS (UU 27/2022 PDP).

    One session for all three reads: on a shared PostgreSQL, a colleague's edit between
    them must not give a directory that contradicts itself.
    """
    agencies_query = (select(Agency, Region.name).outerjoin(Region, Agency.region_id == Region.id)
                      .order_by(Agency.abbreviation, Agency.id))
    if not include_archived:
        agencies_query = agencies_query.where(Agency.active.is_(True))
    with db.reading() as session:
        agencies = session.execute(agencies_query).all()
        contacts = defaultdict(list)
        for person in session.scalars(select(ContactPerson)
                                      .where(ContactPerson.active.is_(True))):
            contacts[person.agency_id].append(person)
        seats = session.execute(
            select(Membership, TaskForce.name, Agency.abbreviation, Agency.name, Agency.active,
                   SubTaskForce.name)
            .join(TaskForce, Membership.task_force_id == TaskForce.id)
            .join(Agency, Membership.agency_id == Agency.id)
            .outerjoin(SubTaskForce, Membership.sub_task_force_id == SubTaskForce.id)
            .order_by(TaskForce.name, Agency.abbreviation, Membership.id)).all()
    lines = []
    for agency, region in agencies:
        fixed = dict(abbreviation=agency.abbreviation, agency=agency.name, sector=agency.sector,
                     level=document_label(agency.level), region=region or "",
                     address=agency.address, agency_phone=agency.phone,
                     agency_email=agency.email, active=agency.active)
        people = sorted(contacts[agency.id], key=lambda c: (not c.focal_point, c.name.lower()))
        lines += [DirectoryLine(**fixed, contact=person.name, position=person.position,
                                nip=person.nip if full else "",
                                nrp=person.nrp if full else "",
                                phone=person.phone if full else "",
                                email=person.email if full else "",
                                focal_point=person.focal_point) for person in people]
        if not people:  # still listed: the clerk sees whom nobody can be reached at
            lines.append(DirectoryLine(**fixed, contact="", position="", nip="", phone="",
                                       email="", focal_point=False))
    memberships = [
        MembershipLine(task_force, abbreviation, name, seat.role, sub_task_force or "",
                       seat.leads_sub_task_force, seat.start_date, seat.end_date)
        for seat, task_force, abbreviation, name, active, sub_task_force in seats
        if active or include_archived
    ]
    return AgencyDirectory(
        title="Direktori Instansi Anggota Gugus Tugas PP-TPPO",
        printed_on=short_date(today or date.today(), DOCUMENT_LANGUAGE),
        letterhead=get_letterhead(db), lines=tuple(lines), memberships=tuple(memberships),
        personal=full, classification=_directory_classification(lines, full=full))


def _directory_classification(lines: list[DirectoryLine], *, full: bool) -> Classification:
    """TERBATAS when the copy holds anyone's own number; none is left out by count (the
    circulated copy says so in its title lines instead)."""
    personal = sum(1 for line in lines if line.nip or line.nrp or line.phone
                   or line.email)
    return Classification(held=personal) if full else Classification()


def _time_span(start: time | None, end: time | None, zone: str) -> str:
    if ends_next_day(start, end):  # the date stands in its own column beside it
        return f"{clock(start)} – {clock(end)} {zone} (hari berikutnya)"
    if start and end:
        return f"{clock(start)} – {clock(end)} {zone}"
    return f"{clock(start)} {zone}" if start else ""


def _agendas(db, year: int | None, task_force_id: int | None) -> dict[int, str]:
    """Each meeting's agenda items, "1. …" one a line, for the meetings the schedule lists."""
    query = (select(AgendaItem.meeting_id, AgendaItem.title)
             .join(Meeting, AgendaItem.meeting_id == Meeting.id)
             .order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id))
    if task_force_id is not None:
        query = query.where(Meeting.task_force_id == task_force_id)
    if year is not None:  # the meetings' own calendar, as list_meetings reads it
        query = query.where(Meeting.date >= date(year, 1, 1), Meeting.date <= date(year, 12, 31))
    items: dict[int, list[str]] = defaultdict(list)
    with db.reading() as session:
        for meeting_id, title in session.execute(query):
            items[meeting_id].append(f"{len(items[meeting_id]) + 1}. {title}")
    return {meeting_id: "\n".join(titles) for meeting_id, titles in items.items()}


def meeting_schedule(db, *, year: int | None = None, task_force_id: int | None = None,
                     today: date | None = None, with_regencies: bool = False) -> MeetingSchedule:
    """The meetings of a year: of one task force under its kop (with its kab/kota task
    forces when asked, each line naming its own), or of all when none is given."""
    if task_force_id is not None and with_regencies:
        with db.reading() as session:
            below = set(session.scalars(task_forces_below(task_force_id)))
        meetings = [m for m in list_meetings(db, year=year) if m.task_force_id in below]
    else:
        meetings = list_meetings(db, year=year, task_force_id=task_force_id)
    # With the kab/kota task forces, the agendas of the year's meetings of every one.
    agendas = _agendas(db, year, None if with_regencies else task_force_id)
    lines = tuple(
        ScheduleLine(m.date, format_date(m.date, "EEEE", locale=DOCUMENT_LANGUAGE),
                     m.start_time, _time_span(m.start_time, m.end_time, m.time_zone.value),
                     document_label(m.kind), m.title, m.task_force, m.place,
                     m.invitation_number, m.chair_name, m.note_taker_name,
                     document_label(m.status), m.commitment_count, agendas.get(m.id, ""))
        for m in meetings)
    scope = [f"tahun {year}" if year else "semua tahun"]
    if task_force_id is not None:
        scope.append(next((m.task_force for m in meetings if m.task_force_id == task_force_id),
                          "")
                     or next((tf.name for tf in list_task_forces(db) if tf.id == task_force_id),
                             ""))
        if with_regencies:
            scope.append("beserta gugus tugas kabupaten/kota")
    return MeetingSchedule(
        title="Jadwal Rapat Gugus Tugas PP-TPPO",
        subtitle="Rapat " + ", ".join(part for part in scope if part),
        printed_on=short_date(today or date.today(), DOCUMENT_LANGUAGE),
        letterhead=get_letterhead(db, task_force_id), lines=lines)
