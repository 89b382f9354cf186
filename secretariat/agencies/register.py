"""The register of member agencies: create, edit, archive, rename, delete (when unused)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import Session

from models import (
    Agency,
    AgencyLevel,
    Attendance,
    Commitment,
    CommitmentStatus,
    ContactPerson,
    FollowUp,
    Meeting,
    Membership,
    Region,
    TaskForce,
    commitment_signatories,
    commitment_supporting_agencies,
)
from models.base import utc_now
from secretariat.errors import DuplicateError, RefusedError, ValidationError
from secretariat.i18n import _, ngettext
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_email, check_phone, clean_text


@dataclass(frozen=True)
class AgencyDraft:
    name: str
    abbreviation: str
    level: AgencyLevel
    sector: str = ""
    region_id: int | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    notes: str = ""
    office_title: str = ""  # the head's title letters go to: "Kepala Kejaksaan Tinggi …"


@dataclass(frozen=True)
class AgencyRow:
    id: int
    name: str
    abbreviation: str
    sector: str
    level: AgencyLevel
    region_id: int | None
    region_name: str
    address: str
    phone: str
    email: str
    website: str
    active: bool
    renamed_from_id: int | None
    notes: str
    version: int
    office_title: str = ""


def _label() -> str:
    return _("Agency")


def _validated(session: Session, draft: AgencyDraft, own_id: int | None) -> dict:
    name = clean_text(draft.name, _("Name"), field="name", required=True, max_length=250)
    abbreviation = clean_text(
        draft.abbreviation, _("Abbreviation"), field="abbreviation", required=True,
        max_length=40,
    )
    values = {
        "name": name,
        "abbreviation": abbreviation,
        "level": _level(draft.level),
        "sector": clean_text(draft.sector, _("Sector"), field="sector", max_length=60),
        "region_id": draft.region_id,
        "address": clean_text(draft.address, _("Address"), field="address", multiline=True,
                              max_length=1000),
        "phone": check_phone(draft.phone),
        "email": check_email(draft.email),
        "website": clean_text(draft.website, _("Website"), field="website", max_length=200),
        "notes": clean_text(draft.notes, _("Notes"), field="notes", multiline=True),
        "office_title": _office_title(draft.office_title),
    }
    if draft.region_id is not None:
        get_or_fail(session, Region, draft.region_id, _("Region"))
    _refuse_duplicate_abbreviation(session, abbreviation, own_id)
    _refuse_duplicate_name(session, name, own_id)
    return values


def _office_title(value: str) -> str:
    """The head's title as letters print it after "Yth.", which the letter adds itself."""
    title = clean_text(value, _("Head's title (letters' addressee)"), field="office_title",
                       max_length=250)
    if re.match(r"^(yth|kepada)\b", title, re.IGNORECASE):
        raise ValidationError(_("Write the title without \"Yth.\" or \"Kepada\": the letter "
                                "adds it."), field="office_title")
    if title and not title[0].isupper():
        raise ValidationError(_("The title is printed as written: begin it with a capital, "
                                "e.g. Kepala Dinas Sosial …"), field="office_title")
    return title


def _refuse_duplicate_name(session: Session, name: str, own_id: int | None) -> None:
    """One agency, one entry: the same office under a second abbreviation would split its
    commitments and attendance between two records."""
    clash = session.scalar(
        select(Agency.abbreviation).where(
            func.lower(Agency.name) == name.lower(), Agency.active.is_(True),
            Agency.id != (own_id or -1)).limit(1))
    if clash is not None:
        raise DuplicateError(
            _("{name} is already registered as {abbreviation}.").format(
                name=name, abbreviation=clash), field="name")


def _level(level) -> AgencyLevel:
    try:
        return AgencyLevel(level)
    except ValueError:
        raise ValidationError(_("Choose the level of the agency."), field="level") from None


def _refuse_duplicate_abbreviation(session: Session, abbreviation: str, own_id: int | None) -> None:
    clash = session.scalar(
        select(Agency.name).where(
            func.lower(Agency.abbreviation) == abbreviation.lower(),
            Agency.active.is_(True),
            Agency.id != (own_id or -1),
        )
    )
    if clash is not None:
        raise DuplicateError(
            _("The abbreviation {abbreviation} is already used by {agency}.").format(
                abbreviation=abbreviation, agency=clash
            ),
            field="abbreviation",
        )


def create_agency(db, draft: AgencyDraft) -> int:
    with db.unit_of_work() as session:
        agency = Agency(**_validated(session, draft, None), active=True)
        session.add(agency)
        session.flush()
        return agency.id


def update_agency(db, agency_id: int, draft: AgencyDraft, expected_version: int) -> None:
    with db.unit_of_work() as session:
        agency = get_or_fail(session, Agency, agency_id, _label())
        check_version(agency, expected_version)
        for key, value in _validated(session, draft, agency_id).items():
            setattr(agency, key, value)


def get_agency(db, agency_id: int) -> AgencyRow:
    with db.reading() as session:
        get_or_fail(session, Agency, agency_id, _label())
        return _rows(session, select(Agency).where(Agency.id == agency_id))[0]


def find_agency_by_abbreviation(db, abbreviation: str) -> AgencyRow | None:
    """The active agency with this abbreviation (any case), else the newest archived one."""
    query = (
        select(Agency)
        .where(func.lower(Agency.abbreviation) == abbreviation.strip().lower())
        .order_by(Agency.active.desc(), Agency.id.desc())
        .limit(1)
    )
    with db.reading() as session:
        rows = _rows(session, query)
        return rows[0] if rows else None


def list_agencies(
    db,
    *,
    active: bool | None = True,
    sector: str | None = None,
    level: AgencyLevel | None = None,
    text: str | None = None,
) -> list[AgencyRow]:
    query = select(Agency).order_by(Agency.abbreviation, Agency.id)
    if active is not None:
        query = query.where(Agency.active.is_(active))
    if sector:
        query = query.where(Agency.sector == sector)
    if level:
        query = query.where(Agency.level == AgencyLevel(level))
    if text:
        wanted = text.strip().lower()
        # autoescape: a "%" or "_" typed by the user is a character, not a wildcard.
        query = query.where(
            or_(func.lower(Agency.name).contains(wanted, autoescape=True),
                func.lower(Agency.abbreviation).contains(wanted, autoescape=True))
        )
    with db.reading() as session:
        return _rows(session, query)


def _rows(session: Session, query) -> list[AgencyRow]:
    region_names = dict(session.execute(select(Region.id, Region.name)).tuples().all())
    return [
        AgencyRow(
            a.id, a.name, a.abbreviation, a.sector, a.level, a.region_id,
            region_names.get(a.region_id, ""), a.address, a.phone, a.email, a.website, a.active,
            a.renamed_from_id, a.notes, a.version, a.office_title,
        )
        for a in session.scalars(query)
    ]


def _open_lead_count(session: Session, agency_id: int) -> int:
    return session.execute(
        select(func.count()).where(
            Commitment.lead_agency_id == agency_id,
            Commitment.status.in_(CommitmentStatus.open_statuses()),
        )
    ).scalar_one()


def archive_agency(db, agency_id: int, expected_version: int) -> None:
    """Archive an agency: it leaves the choices but keeps its history."""
    with db.unit_of_work() as session:
        agency = get_or_fail(session, Agency, agency_id, _label())
        check_version(agency, expected_version)
        agency.active = False


def restore_agency(db, agency_id: int, expected_version: int) -> None:
    with db.unit_of_work() as session:
        agency = get_or_fail(session, Agency, agency_id, _label())
        check_version(agency, expected_version)
        _refuse_duplicate_abbreviation(session, agency.abbreviation, agency_id)
        agency.active = True


def delete_agency(db, agency_id: int, expected_version: int) -> None:
    """Delete an agency entered by mistake. Agencies with any history are archived instead."""
    with db.unit_of_work() as session:
        agency = get_or_fail(session, Agency, agency_id, _label())
        check_version(agency, expected_version)
        open_count = _open_lead_count(session, agency_id)
        if open_count:
            raise RefusedError(
                ngettext(
                    "{agency} still leads {count} open commitment; it cannot be deleted. "
                    "Archive it instead.",
                    "{agency} still leads {count} open commitments; it cannot be deleted. "
                    "Archive it instead.",
                    open_count,
                ).format(agency=agency.abbreviation, count=open_count)
            )
        if _has_history(session, agency_id):
            raise RefusedError(
                _("{agency} appears in meetings, commitments or follow-ups; it cannot be "
                  "deleted. Archive it instead.").format(agency=agency.abbreviation)
            )
        for contact in list(agency.contacts):
            session.delete(contact)
        memberships = select(Membership).where(Membership.agency_id == agency_id)
        for membership in session.scalars(memberships):
            session.delete(membership)
        session.delete(agency)


def _has_history(session: Session, agency_id: int) -> bool:
    checks = (
        select(Commitment.id).where(Commitment.lead_agency_id == agency_id),
        select(Attendance.id).where(Attendance.agency_id == agency_id),
        select(FollowUp.id).where(FollowUp.reporting_agency_id == agency_id),
        select(commitment_supporting_agencies.c.agency_id).where(
            commitment_supporting_agencies.c.agency_id == agency_id
        ),
        select(commitment_signatories.c.agency_id).where(
            commitment_signatories.c.agency_id == agency_id
        ),
        select(Agency.id).where(Agency.renamed_from_id == agency_id),
        select(Meeting.id).where(Meeting.organiser_agency_id == agency_id),
        # Its people may have attended for another agency before they moved here.
        select(Attendance.id).where(Attendance.person_id.in_(
            select(ContactPerson.id).where(ContactPerson.agency_id == agency_id))),
        select(TaskForce.id).where(TaskForce.secretariat_agency_id == agency_id),
    )
    return any(session.scalar(select(exists(query))) for query in checks)


def rename_agency(
    db, agency_id: int, new_name: str, new_abbreviation: str, expected_version: int
) -> int:
    """An agency renamed by regulation: a successor takes over its open work, its people,
    its seats and any secretariat it runs.

    The old record is archived and keeps its past meetings and closed commitments, so old
    minutes still show the name the agency had then.
    """
    with db.unit_of_work() as session:
        old = get_or_fail(session, Agency, agency_id, _label())
        check_version(old, expected_version)
        if not old.active:
            raise RefusedError(_("An archived agency cannot be renamed."))
        old.active = False
        session.flush()  # frees the abbreviation for the successor
        draft = AgencyDraft(
            name=new_name, abbreviation=new_abbreviation, level=old.level, sector=old.sector,
            region_id=old.region_id, address=old.address, phone=old.phone, email=old.email,
            website=old.website, notes=old.notes,
        )  # not its head's title: renamed, the office's head is renamed too ("Kepala …")
        successor = Agency(**_validated(session, draft, None), active=True, renamed_from_id=old.id)
        session.add(successor)
        session.flush()
        # Bulk updates skip the ORM's change stamping, so stamp version, time and editor here.
        stamp = {"changed_by": session.info.get("actor", ""), "updated_at": utc_now()}
        session.execute(
            update(Commitment)
            .where(
                Commitment.lead_agency_id == old.id,
                Commitment.status.in_(CommitmentStatus.open_statuses()),
            )
            .values(lead_agency_id=successor.id, version=Commitment.version + 1, **stamp)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(TaskForce)
            .where(TaskForce.secretariat_agency_id == old.id)
            .values(secretariat_agency_id=successor.id, version=TaskForce.version + 1, **stamp)
            .execution_options(synchronize_session=False)
        )
        for table in (ContactPerson, Membership):
            session.execute(
                update(table)
                .where(table.agency_id == old.id)
                .values(agency_id=successor.id, version=table.version + 1, **stamp)
                .execution_options(synchronize_session=False)
            )
        return successor.id


__all__ = [
    "AgencyDraft", "AgencyRow", "archive_agency", "create_agency", "delete_agency",
    "find_agency_by_abbreviation", "get_agency", "list_agencies", "rename_agency",
    "restore_agency", "update_agency",
]
