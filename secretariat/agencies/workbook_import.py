"""Bringing an agency register kept in a spreadsheet into the program.

A secretariat starts with its members in a workbook: one line per agency, or one per
contact person with the agency's columns repeated (as the program's own direktori
instansi is written). The lines are checked by the same rules as the Instansi forms and
written in one transaction: all of them, or, when any line is refused, none, with every
refusal named by its row. A trial run does the same and rolls back, so the clerk sees
what would happen before anything changes. Agencies already registered (by abbreviation)
are left as they are; their contacts not yet known are added.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select

from models import Agency, AgencyLevel, ContactPerson, Region
from secretariat.agencies.contacts import ContactDraft, keep_one_focal_point
from secretariat.agencies.contacts import _refuse_duplicate_contact as refuse_duplicate_contact
from secretariat.agencies.contacts import _validated_contact as validated_contact
from secretariat.agencies.register import AgencyDraft
from secretariat.agencies.register import _validated as validated_agency
from secretariat.errors import DomainError, RefusedError
from secretariat.i18n import _
from secretariat.importing import LineProblem, run_import, summary_heading
from secretariat.vocabulary import document_label, label

# Our column names and the headings a workbook may give them (Indonesian first: the
# program's own direktori instansi, then the words secretariats use, then English).
COLUMNS: dict[str, tuple[str, ...]] = {
    "abbreviation": ("Singkatan", "Nama Singkat", "Abbreviation"),
    "name": ("Instansi", "Nama Instansi", "Nama Lembaga", "Agency", "Name"),
    "sector": ("Sektor", "Bidang", "Sector"),
    "level": ("Tingkat", "Level"),
    "region": ("Wilayah", "Kode Wilayah", "Region"),
    "address": ("Alamat", "Alamat Instansi", "Address"),
    "agency_phone": ("Telepon Instansi", "Telepon", "Telp", "Phone"),
    "agency_email": ("Pos-el Instansi", "Email Instansi", "E-mail Instansi"),
    "website": ("Laman", "Website", "Situs"),
    "contact": ("Narahubung", "Nama Narahubung", "Contact Person", "Contact"),
    "position": ("Jabatan", "Jabatan Narahubung", "Position"),
    "nip": ("NIP",),
    "nrp": ("NRP",),
    "phone": ("No. HP", "Nomor HP", "HP", "WhatsApp", "No. WA", "Mobile"),
    "email": ("Pos-el", "Email", "E-mail", "Pos-el Narahubung", "Email Narahubung"),
    "focal_point": ("Narahubung Utama", "Focal Point"),
    "status": ("Status",),
}
REQUIRED = ("abbreviation", "name")
_AGENCY_COLUMNS = ("abbreviation", "name", "sector", "level", "region", "address",
                   "agency_phone", "agency_email", "website")
_YES = {"ya", "y", "yes", "x", "v", "1", "benar", "true", "✓", "✔"}
_ARCHIVED = {"diarsipkan", "arsip", "archived", "tidak aktif", "nonaktif"}


@dataclass(frozen=True)
class ImportOutcome:
    agencies_added: tuple[str, ...] = ()  # abbreviations
    contacts_added: int = 0
    already_registered: tuple[str, ...] = ()
    archived_skipped: tuple[str, ...] = ()
    written: bool = False


@dataclass
class _Agency:
    row: int
    values: Mapping[str, str]
    contacts: list[tuple[int, Mapping[str, str]]] = field(default_factory=list)


def import_agencies(db, lines: Iterable, *, trial: bool = False) -> ImportOutcome:
    """Write the agencies and contacts of `lines` (rows from `exports.excel.reading`).

    Raises ImportRefused when any line is refused (nothing is written), else returns what
    was written, or with `trial` what would have been.
    """
    grouped, archived, found = _group(lines)

    def write(session):
        outcome, refused = _write(session, grouped, archived)
        return outcome, found + refused

    outcome, written = run_import(db, write, trial=trial)
    return replace(outcome, written=written)


def summary(outcome: ImportOutcome) -> str:
    """What an import did (or, in a trial, would do), in a few lines for a clerk: the
    command line prints it, the Instansi page shows it before asking to go on."""
    if not (outcome.agencies_added or outcome.contacts_added):
        return _("Every agency and contact person of the workbook is registered already: "
                 "nothing to import. Changes to their details are made on the Agencies page.")
    lead = summary_heading(outcome.written)
    lines = [lead, _("{count} new agencies").format(count=len(outcome.agencies_added)),
             _("{count} new contact people").format(count=outcome.contacts_added)]
    if outcome.already_registered:
        lines.append(_("{count} agencies already registered, left as they are").format(
            count=len(outcome.already_registered)))
    if outcome.archived_skipped:
        lines.append(_("{count} archived agencies left out").format(
            count=len(outcome.archived_skipped)))
    return "\n".join(lines[:1] + [f"- {line}" for line in lines[1:]])


def _group(lines) -> tuple[list[_Agency], list[str], list[LineProblem]]:
    """One entry per abbreviation, with the contacts of all its lines; a line that
    contradicts an earlier one, or names no contact for a contact's details, is refused."""
    agencies: dict[str, _Agency] = {}
    archived: list[str] = []
    problems: list[LineProblem] = []
    above: _Agency | None = None
    for line in lines:
        if line.aside:  # a group's heading ("A. Instansi Vertikal"): no agency of its own
            above = None
            continue
        values = line.values
        abbreviation = values.get("abbreviation", "")
        if values.get("status", "").lower() in _ARCHIVED:
            archived.append(abbreviation)
            above = None
            continue
        if above is not None and values.get("contact") and not any(
                values.get(column) for column in _AGENCY_COLUMNS):
            # A clerk's list leaves the agency's cells empty on its second contact's line.
            above.contacts.append((line.row, values))
            continue
        # A line without an abbreviation stands alone, to be refused by its own row.
        key = abbreviation.lower() or f"#{line.row}"
        entry = agencies.setdefault(key, _Agency(line.row, values))
        name, first_name = values.get("name", ""), entry.values.get("name", "")
        if name and first_name and name.lower() != first_name.lower():
            problems.append(LineProblem(line.row, _(
                "The abbreviation {abbreviation} stands for {name} in row {row}: one "
                "abbreviation, one agency.").format(abbreviation=abbreviation, name=first_name,
                                                    row=entry.row)))
            continue
        above = entry
        if values.get("contact"):
            entry.contacts.append((line.row, values))
        elif any(values.get(column) for column in ("position", "nip", "nrp", "phone", "email")):
            problems.append(LineProblem(line.row, _(
                "A contact's position, NIP, mobile number or e-mail without the contact's "
                "name: fill in the name (Narahubung).")))
    return list(agencies.values()), list(dict.fromkeys(archived)), problems


def _write(session, agencies: list[_Agency],
           archived: list[str]) -> tuple[ImportOutcome, list[LineProblem]]:
    regions = _regions(session)
    usual = Counter(session.scalars(select(Agency.level).where(Agency.active))).most_common(1)
    default_level = usual[0][0] if usual else AgencyLevel.PROVINCE
    added, known, problems, contacts = [], [], [], 0
    for entry in agencies:
        values = entry.values
        existing = session.scalar(select(Agency).where(
            func.lower(Agency.abbreviation) == values.get("abbreviation", "").lower(),
            Agency.active).limit(1)) if values.get("abbreviation") else None
        try:
            if existing is None:
                agency = Agency(**validated_agency(session, _agency_draft(
                    values, regions, default_level), None), active=True)
                session.add(agency)
                session.flush()
                added.append(agency.abbreviation)
            else:
                agency = existing
                known.append(agency.abbreviation)
        except DomainError as error:  # named, so the clerk finds the line at once
            named = values.get("name") or values.get("abbreviation")
            problems.append(LineProblem(entry.row, f"{named}: {error.message}" if named
                                        else error.message))
            continue
        # A workbook that names no focal point for the agency leaves it to the first-contact
        # rule; one that names any, says who is and who is not.
        focal_named = any(_focal(contact) for _row, contact in entry.contacts)
        for row, contact in entry.contacts:
            try:
                contacts += _add_contact(session, agency, contact, focal_named=focal_named)
            except DomainError as error:
                problems.append(LineProblem(row, error.message))
    return ImportOutcome(tuple(added), contacts, tuple(known), tuple(archived)), problems


def _focal(values: Mapping[str, str]) -> bool:
    return values.get("focal_point", "").lower() in _YES


def _add_contact(session, agency: Agency, values: Mapping[str, str], *,
                 focal_named: bool) -> int:
    """1 when the contact is new to the agency, 0 when it is already known."""
    name = values["contact"].strip()
    known = session.scalar(select(ContactPerson.id).where(
        ContactPerson.agency_id == agency.id, ContactPerson.active,
        func.lower(ContactPerson.name) == name.lower()).limit(1))
    if known is not None:
        return 0
    draft = ContactDraft(agency.id, name, position=values.get("position", ""),
                         nip=values.get("nip", ""), nrp=values.get("nrp", ""),
                         phone=_phone(values.get("phone", "")), email=values.get("email", ""),
                         focal_point=_focal(values) if focal_named else None)
    checked = validated_contact(session, draft)
    refuse_duplicate_contact(session, checked, None)
    person = ContactPerson(**checked, active=True)
    session.add(person)
    session.flush()  # the next line of the same agency sees it
    if person.focal_point:
        keep_one_focal_point(session, person)
    return 1


def _agency_draft(values: Mapping[str, str], regions: dict[str, int],
                  default_level: AgencyLevel) -> AgencyDraft:
    return AgencyDraft(
        name=values.get("name", ""), abbreviation=values.get("abbreviation", ""),
        level=_level(values.get("level", ""), default_level),
        sector=values.get("sector", ""), region_id=_region(values.get("region", ""), regions),
        address=values.get("address", ""), phone=_phone(values.get("agency_phone", "")),
        email=values.get("agency_email", ""), website=values.get("website", ""))


def _phone(text: str) -> str:
    """A number Excel stored as a number lost its leading 0 ("81350509044"): put it back.
    Indonesian numbers are written from 0 at home, or from 62 abroad."""
    if text.isdigit() and not text.startswith(("0", "62")) and 8 <= len(text) <= 12:
        return "0" + text
    return text


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def _level(text: str, default: AgencyLevel) -> AgencyLevel:
    if not text.strip():
        return default
    words = {AgencyLevel.NATIONAL: ("pusat",), AgencyLevel.REGENCY: ("kabupaten", "kota"),
             AgencyLevel.PROVINCE: (), AgencyLevel.COMMUNITY: ("lsm", "ormas")}
    for level, extra in words.items():
        if _key(text) in {_key(level.value), _key(document_label(level)), _key(label(level)),
                          *extra}:
            return level
    raise RefusedError(_("The level {level} is not known: write Nasional, Provinsi, "
                         "Kabupaten/Kota or Masyarakat.").format(level=text))


def _regions(session) -> dict[str, int]:
    """Region ids by code and by name, with or without "Provinsi"."""
    found: dict[str, int] = {}
    for region_id, code, name in session.execute(select(Region.id, Region.code, Region.name)):
        for key in (code, name, f"Provinsi {name}"):
            found[_key(key)] = region_id
    return found


def _region(text: str, regions: dict[str, int]) -> int | None:
    if not text.strip():
        return None
    try:
        return regions[_key(text)]
    except KeyError:
        raise RefusedError(_("The region {region} is not recorded: add it on Gugus Tugas "
                             "first, or leave the cell empty.").format(region=text)) from None
