"""Contact people of the agencies and the agencies' seats in task forces."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import exists, func, select

from models import Agency, Attendance, ContactPerson, Membership, SubTaskForce, TaskForce
from secretariat.errors import DuplicateError, RefusedError, ValidationError
from secretariat.i18n import _
from secretariat.records import check_version, get_or_fail
from secretariat.validation import (
    check_date,
    check_email,
    check_nip,
    check_nrp,
    check_phone,
    clean_text,
)


@dataclass(frozen=True)
class ContactDraft:
    agency_id: int
    name: str
    position: str = ""
    rank: str = ""
    nip: str = ""
    phone: str = ""
    email: str = ""
    # None: the agency's first contact becomes its focal point (invitations go through
    # the focal point, so an agency with contacts has one unless the clerk says no).
    focal_point: bool | None = None
    nrp: str = ""  # Polri/TNI members, instead of an NIP


@dataclass(frozen=True)
class ContactRow:
    id: int
    agency_id: int
    agency_abbreviation: str
    name: str
    position: str
    rank: str
    nip: str
    phone: str
    email: str
    focal_point: bool
    active: bool
    version: int
    nrp: str = ""


@dataclass(frozen=True)
class MembershipDraft:
    task_force_id: int
    agency_id: int
    role: str
    sub_task_force_id: int | None = None
    leads_sub_task_force: bool = False
    start_date: date | None = None
    end_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class MembershipRow:
    id: int
    task_force_id: int
    agency_id: int
    agency_abbreviation: str
    agency_name: str
    role: str
    sub_task_force_id: int | None
    sub_task_force: str
    leads_sub_task_force: bool
    start_date: date | None
    end_date: date | None
    version: int


def _validated_contact(session, draft: ContactDraft, own_id: int | None = None) -> dict:
    agency = get_or_fail(session, Agency, draft.agency_id, _("Agency"))
    if not agency.active:
        raise RefusedError(_("{agency} is archived.").format(agency=agency.abbreviation))
    nip, nrp = check_nip(draft.nip), check_nrp(draft.nrp)
    if nip and nrp:
        raise ValidationError(_("A contact has an NIP (civil servant) or an NRP (Polri/TNI), "
                                "not both: clear one of them."), field="nrp")
    focal_point = draft.focal_point
    if focal_point is None:
        focal_point = not _has_other_contacts(session, draft.agency_id, own_id)
    return {
        "agency_id": draft.agency_id,
        "name": clean_text(draft.name, _("Name"), field="name", required=True, max_length=160),
        "position": clean_text(draft.position, _("Position"), field="position", max_length=200),
        "rank": clean_text(draft.rank, _("Rank/grade"), field="rank", max_length=100),
        "nip": nip,
        "nrp": nrp,
        "phone": check_phone(draft.phone),
        "email": check_email(draft.email),
        "focal_point": bool(focal_point),
    }


def _has_other_contacts(session, agency_id: int, own_id: int | None) -> bool:
    return session.scalar(select(exists().where(
        ContactPerson.agency_id == agency_id, ContactPerson.active.is_(True),
        ContactPerson.id != (own_id or -1)))) or False


def is_first_contact(db, agency_id: int) -> bool:
    """Whether a new contact would be the agency's first (the form then ticks the focal
    point box for it)."""
    with db.reading() as session:
        return not _has_other_contacts(session, agency_id, None)


def _refuse_duplicate_contact(session, values: dict, own_id: int | None) -> None:
    same = session.scalar(
        select(ContactPerson.id).where(
            ContactPerson.agency_id == values["agency_id"],
            func.lower(ContactPerson.name) == values["name"].lower(),
            ContactPerson.active.is_(True),
            ContactPerson.id != (own_id or -1),
        )
    )
    if same is not None:
        raise DuplicateError(
            _("{name} is already a contact of this agency.").format(name=values["name"]),
            field="name",
        )


def add_contact(db, draft: ContactDraft) -> int:
    with db.unit_of_work() as session:
        values = _validated_contact(session, draft)
        _refuse_duplicate_contact(session, values, None)
        contact = ContactPerson(**values, active=True)
        session.add(contact)
        session.flush()
        if contact.focal_point:
            keep_one_focal_point(session, contact)
        return contact.id


def update_contact(db, contact_id: int, draft: ContactDraft, expected_version: int) -> None:
    with db.unit_of_work() as session:
        contact = get_or_fail(session, ContactPerson, contact_id, _("Contact person"))
        check_version(contact, expected_version)
        if draft.focal_point is None:  # the first-contact rule is for new contacts only
            draft = replace(draft, focal_point=contact.focal_point)
        values = _validated_contact(session, draft, contact_id)
        _refuse_duplicate_contact(session, values, contact_id)
        for key, value in values.items():
            setattr(contact, key, value)
        if contact.focal_point:
            keep_one_focal_point(session, contact)


def keep_one_focal_point(session, contact: ContactPerson) -> None:
    """Invitations and request letters go to *the* focal point: naming one unticks the
    agency's others."""
    for other in session.scalars(select(ContactPerson).where(
            ContactPerson.agency_id == contact.agency_id, ContactPerson.focal_point.is_(True),
            ContactPerson.id != contact.id)):
        other.focal_point = False


def remove_contact(db, contact_id: int, expected_version: int) -> None:
    """Remove a contact; one who attended meetings stays on record as inactive."""
    with db.unit_of_work() as session:
        contact = get_or_fail(session, ContactPerson, contact_id, _("Contact person"))
        check_version(contact, expected_version)
        attended = session.scalar(select(exists().where(Attendance.person_id == contact_id)))
        if attended:
            contact.active = False
        else:
            session.delete(contact)


def list_contacts(db, agency_id: int | None = None, *,
                  include_inactive: bool = False) -> list[ContactRow]:
    query = (
        select(ContactPerson, Agency.abbreviation)
        .join(Agency, ContactPerson.agency_id == Agency.id)
        .order_by(Agency.abbreviation, ContactPerson.focal_point.desc(), ContactPerson.name)
    )
    if agency_id is not None:
        query = query.where(ContactPerson.agency_id == agency_id)
    if not include_inactive:
        query = query.where(ContactPerson.active.is_(True))
    with db.reading() as session:
        return [
            ContactRow(c.id, c.agency_id, abbreviation, c.name, c.position, c.rank, c.nip,
                       c.phone, c.email, c.focal_point, c.active, c.version, c.nrp)
            for c, abbreviation in session.execute(query)
        ]


def _validated_membership(session, draft: MembershipDraft) -> dict:
    get_or_fail(session, TaskForce, draft.task_force_id, _("Task force"),
                field="task_force_id")
    agency = get_or_fail(session, Agency, draft.agency_id, _("Agency"))
    if not agency.active:
        raise RefusedError(_("{agency} is archived.").format(agency=agency.abbreviation))
    if draft.sub_task_force_id is not None:
        get_or_fail(session, SubTaskForce, draft.sub_task_force_id, _("Sub task force"))
    if draft.leads_sub_task_force and draft.sub_task_force_id is None:
        raise ValidationError(
            _("Choose the sub task force this agency leads."), field="sub_task_force_id"
        )
    start = check_date(draft.start_date, _("Start date"), field="start_date")
    end = check_date(draft.end_date, _("End date"), field="end_date")
    if start and end and end < start:
        raise ValidationError(_("The membership cannot end before it starts."), field="end_date")
    return {
        "task_force_id": draft.task_force_id,
        "agency_id": draft.agency_id,
        "role": clean_text(draft.role, _("Role"), field="role", required=True, max_length=100),
        "sub_task_force_id": draft.sub_task_force_id,
        "leads_sub_task_force": bool(draft.leads_sub_task_force),
        "start_date": start,
        "end_date": end,
        "notes": clean_text(draft.notes, _("Notes"), field="notes", multiline=True),
    }


def _refuse_duplicate_seat(session, values: dict, own_id: int | None) -> None:
    query = select(Membership.id).where(
        Membership.task_force_id == values["task_force_id"],
        Membership.agency_id == values["agency_id"],
        Membership.id != (own_id or -1),
    )
    if values["sub_task_force_id"] is None:
        query = query.where(Membership.sub_task_force_id.is_(None))
    else:
        query = query.where(Membership.sub_task_force_id == values["sub_task_force_id"])
    if session.scalar(query) is not None:
        raise DuplicateError(_("This agency already has this seat in the task force."))


def add_memberships(db, draft: MembershipDraft, agency_ids: tuple[int, ...]) -> list[int]:
    """The same seat for several agencies at once (after an import, every member as
    "Anggota"), in one transaction. An agency that already holds this seat is left as it
    is; an archived one refuses the whole step, naming it. Returns the new seats."""
    made = []
    with db.unit_of_work() as session:
        for agency_id in dict.fromkeys(agency_ids):
            values = _validated_membership(session, replace(draft, agency_id=agency_id))
            try:
                _refuse_duplicate_seat(session, values, None)
            except DuplicateError:
                continue  # seated already: nothing to add
            membership = Membership(**values)
            session.add(membership)
            session.flush()
            made.append(membership.id)
    return made


def add_membership(db, draft: MembershipDraft) -> int:
    with db.unit_of_work() as session:
        values = _validated_membership(session, draft)
        _refuse_duplicate_seat(session, values, None)
        membership = Membership(**values)
        session.add(membership)
        session.flush()
        return membership.id


def update_membership(db, membership_id: int, draft: MembershipDraft,
                      expected_version: int) -> None:
    with db.unit_of_work() as session:
        membership = get_or_fail(session, Membership, membership_id, _("Membership"))
        check_version(membership, expected_version)
        values = _validated_membership(session, draft)
        _refuse_duplicate_seat(session, values, membership_id)
        for key, value in values.items():
            setattr(membership, key, value)


def remove_membership(db, membership_id: int, expected_version: int) -> None:
    with db.unit_of_work() as session:
        membership = get_or_fail(session, Membership, membership_id, _("Membership"))
        check_version(membership, expected_version)
        session.delete(membership)


def list_memberships(db, task_force_id: int) -> list[MembershipRow]:
    query = (
        select(Membership, Agency, SubTaskForce.name)
        .join(Agency, Membership.agency_id == Agency.id)
        .outerjoin(SubTaskForce, Membership.sub_task_force_id == SubTaskForce.id)
        .where(Membership.task_force_id == task_force_id)
        .order_by(Agency.abbreviation, Membership.id)
    )
    with db.reading() as session:
        return [
            MembershipRow(m.id, m.task_force_id, a.id, a.abbreviation, a.name, m.role,
                          m.sub_task_force_id, sub or "", m.leads_sub_task_force, m.start_date,
                          m.end_date, m.version)
            for m, a, sub in session.execute(query)
        ]
