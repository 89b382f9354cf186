"""Who was invited to a meeting and who came: the lines of the daftar hadir."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select

from models import (
    Agency,
    Attendance,
    AttendanceStatus,
    ContactPerson,
    Meeting,
    MeetingStatus,
    Membership,
)
from secretariat.dates import short_date
from secretariat.errors import DuplicateError, RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.meetings.lifecycle import ensure_editable
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_phone, clean_text


@dataclass(frozen=True)
class AttendanceDraft:
    agency_id: int | None = None
    person_id: int | None = None
    name: str = ""  # filled from the contact person when empty
    position: str = ""
    phone: str = ""
    status: AttendanceStatus = AttendanceStatus.INVITED
    # Who came instead, with their own jabatan, unit and phone (they sign the daftar hadir).
    represented_by: str = ""
    represented_position: str = ""
    represented_unit: str = ""
    represented_phone: str = ""


_DEPUTY_FIELDS = ("represented_by", "represented_position", "represented_unit",
                  "represented_phone")


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    meeting_id: int
    agency_id: int | None
    agency_abbreviation: str
    agency_name: str
    person_id: int | None
    name: str
    position: str
    phone: str
    status: AttendanceStatus
    represented_by: str
    version: int
    represented_position: str = ""
    represented_unit: str = ""
    represented_phone: str = ""

    @property
    def deputy_details(self) -> str:
        """The deputy's jabatan and unit, as one line."""
        return ", ".join(part for part in (self.represented_position, self.represented_unit)
                         if part)


def _open_meeting(session, meeting_id: int, status: AttendanceStatus, today: date) -> Meeting:
    meeting = get_or_fail(session, Meeting, meeting_id, _("Meeting"))
    if meeting.status is MeetingStatus.CANCELLED:
        raise RefusedError(_("This meeting was cancelled; attendance cannot be recorded."))
    ensure_editable(meeting)
    if status is not AttendanceStatus.INVITED and meeting.date > today:
        raise RefusedError(
            _("Attendance can be recorded from the day of the meeting on; it is on {date}.")
            .format(date=short_date(meeting.date))
        )
    return meeting


def _deputy_values(draft: AttendanceDraft) -> dict[str, str]:
    return {
        "represented_by": clean_text(draft.represented_by, _("Represented by"),
                                     field="represented_by", max_length=160),
        "represented_position": clean_text(draft.represented_position, _("Position"),
                                           field="represented_position", max_length=200),
        "represented_unit": clean_text(draft.represented_unit, _("Unit"),
                                       field="represented_unit", max_length=200),
        "represented_phone": check_phone(draft.represented_phone, field="represented_phone"),
    }


def check_deputy(draft: AttendanceDraft) -> AttendanceDraft:
    """The deputy's details as they will be saved, or the refusal of one of them."""
    values = _deputy_values(draft)
    return replace(draft, represented_by=values["represented_by"],
                   represented_position=values["represented_position"],
                   represented_unit=values["represented_unit"],
                   represented_phone=values["represented_phone"])


def _validated(session, draft: AttendanceDraft) -> dict:
    try:
        status = AttendanceStatus(draft.status)
    except ValueError:
        raise ValidationError(_("Choose present, absent, excused or represented."),
                              field="status") from None
    values: dict[str, Any] = {  # the attendance row's columns, each of its own type
        "agency_id": draft.agency_id,
        "person_id": draft.person_id,
        "name": clean_text(draft.name, _("Name"), field="name", max_length=160),
        "position": clean_text(draft.position, _("Position"), field="position", max_length=200),
        "phone": check_phone(draft.phone),
        "status": status,
        **_deputy_values(draft),
    }
    if draft.person_id is not None:
        person = get_or_fail(session, ContactPerson, draft.person_id, _("Contact person"))
        values["agency_id"] = values["agency_id"] or person.agency_id
        values["name"] = values["name"] or person.name
        values["position"] = values["position"] or person.position
        values["phone"] = values["phone"] or person.phone
    if values["agency_id"] is not None:
        get_or_fail(session, Agency, values["agency_id"], _("Agency"))
    if values["agency_id"] is None and not values["name"]:
        raise ValidationError(_("Choose an agency or enter a name."), field="name")
    if status is AttendanceStatus.REPRESENTED and not values["represented_by"]:
        raise ValidationError(
            _("Enter who represented them."), field="represented_by"
        )
    if status is not AttendanceStatus.REPRESENTED:
        values.update(dict.fromkeys(_DEPUTY_FIELDS, ""))
    return values


def _refuse_duplicate(session, meeting_id: int, values: dict, own_id: int | None) -> None:
    query = select(Attendance.id).where(
        Attendance.meeting_id == meeting_id, Attendance.id != (own_id or -1)
    )
    if values["person_id"] is not None:
        query = query.where(Attendance.person_id == values["person_id"])
    else:
        agency = Attendance.agency_id
        query = query.where(
            agency.is_(None) if values["agency_id"] is None else agency == values["agency_id"],
            func.lower(Attendance.name) == values["name"].lower(),
        )
    if session.scalar(query.limit(1)) is not None:
        raise DuplicateError(
            _("{name} is already on the attendance list of this meeting.").format(
                name=values["name"] or _("This agency")
            )
        )


def add_attendance(db, meeting_id: int, draft: AttendanceDraft, *,
                   today: date | None = None) -> int:
    with db.unit_of_work() as session:
        values = _validated(session, draft)
        _open_meeting(session, meeting_id, values["status"], today or date.today())
        _refuse_duplicate(session, meeting_id, values, None)
        line = Attendance(meeting_id=meeting_id, **values)
        session.add(line)
        session.flush()
        return line.id


def update_attendance(
    db, attendance_id: int, draft: AttendanceDraft, expected_version: int,
    *, today: date | None = None,
) -> None:
    with db.unit_of_work() as session:
        line = get_or_fail(session, Attendance, attendance_id, _("Attendance"))
        check_version(line, expected_version)
        values = _validated(session, draft)
        _open_meeting(session, line.meeting_id, values["status"], today or date.today())
        _refuse_duplicate(session, line.meeting_id, values, attendance_id)
        for key, value in values.items():
            setattr(line, key, value)


def mark_all_invited_present(db, meeting_id: int, *, today: date | None = None) -> int:
    """The quick "all invited present": every line still 'invited' becomes 'present'."""
    with db.unit_of_work() as session:
        _open_meeting(session, meeting_id, AttendanceStatus.PRESENT, today or date.today())
        lines = session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id,
                Attendance.status == AttendanceStatus.INVITED,
            )
        ).all()
        for line in lines:
            line.status = AttendanceStatus.PRESENT
        return len(lines)


_ROLE_ORDER = ("ketua", "ketua harian", "wakil ketua", "sekretaris")


def _role_rank(role: str) -> int:
    role = " ".join(role.lower().split())
    return _ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER)


def invite_members(db, meeting_id: int, *, today: date | None = None) -> list[int]:
    """Invite every member agency of the meeting's task force, through its focal point.

    An agency holds a seat on the meeting's day (an ended or later seat does not count)
    and is active; one holding several seats is invited once, and one already on the list
    (by any person) is left as the clerk put it. The invitation goes to the agency's focal
    point, else its first active contact, else to the agency itself (its head). Returns the
    new lines, chairs first and then by name, so the step can be taken back.
    """
    with db.unit_of_work() as session:
        meeting = _open_meeting(session, meeting_id, AttendanceStatus.INVITED,
                                today or date.today())
        seats = session.execute(
            select(Membership.agency_id, Membership.role, Agency.name)
            .join(Agency, Membership.agency_id == Agency.id)
            .where(Membership.task_force_id == meeting.task_force_id, Agency.active,
                   or_(Membership.start_date.is_(None), Membership.start_date <= meeting.date),
                   or_(Membership.end_date.is_(None), Membership.end_date >= meeting.date))
            .order_by(Membership.id)).all()
        # The list reads as invitation lists do: the chairs and the secretary first, then
        # the members by name (an agency with several seats takes its highest).
        seated = [agency for agency, role, name in sorted(
            seats, key=lambda seat: (_role_rank(seat.role), seat.name.lower()))]
        if not seated:
            raise RefusedError(_("The task force has no member agencies on the day of the "
                                 "meeting: on the Agencies page select them (Ctrl+A for "
                                 "all) and give them their seat with Add seat…, then invite "
                                 "again."))
        listed = set(session.scalars(select(Attendance.agency_id).where(
            Attendance.meeting_id == meeting_id, Attendance.agency_id.is_not(None))))
        wanted = [agency for agency in dict.fromkeys(seated) if agency not in listed]
        contacts: dict[int, ContactPerson] = {}
        for person in session.scalars(
                select(ContactPerson).where(ContactPerson.agency_id.in_(wanted),
                                            ContactPerson.active)
                .order_by(ContactPerson.focal_point.desc(), ContactPerson.id)):
            contacts.setdefault(person.agency_id, person)  # the focal point comes first
        lines = []
        for agency_id in wanted:
            person = contacts.get(agency_id)
            lines.append(Attendance(
                meeting_id=meeting_id, agency_id=agency_id,
                person_id=person.id if person else None, name=person.name if person else "",
                position=person.position if person else "",
                phone=person.phone if person else "", status=AttendanceStatus.INVITED))
        session.add_all(lines)
        session.flush()
        return [line.id for line in lines]


def remove_attendance(db, attendance_id: int, expected_version: int) -> None:
    with db.unit_of_work() as session:
        line = get_or_fail(session, Attendance, attendance_id, _("Attendance"))
        check_version(line, expected_version)
        _open_meeting(session, line.meeting_id, AttendanceStatus.INVITED, date.max)
        session.delete(line)


def list_attendance(db, meeting_id: int) -> list[AttendanceRow]:
    query = (
        select(Attendance, Agency.abbreviation, Agency.name)
        .outerjoin(Agency, Attendance.agency_id == Agency.id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.id)
    )
    with db.reading() as session:
        return [
            AttendanceRow(a.id, a.meeting_id, a.agency_id, abbreviation or "", agency or "",
                          a.person_id, a.name, a.position, a.phone, a.status, a.represented_by,
                          a.version, a.represented_position, a.represented_unit,
                          a.represented_phone)
            for a, abbreviation, agency in session.execute(query)
        ]
