"""Regions with their Kemendagri codes, and the task force (GT PP-TPPO) of each region."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from models import Agency, Region, RegionLevel, TaskForce, TimeZone
from secretariat.agencies.provinces import known_province
from secretariat.errors import DuplicateError, ValidationError
from secretariat.i18n import _
from secretariat.records import check_version, get_or_fail
from secretariat.validation import check_date, clean_text

_PROVINCE_CODE = re.compile(r"^\d{2}$")
_DISTRICT_CODE = re.compile(r"^(\d{2})\.(\d{2})$")


@dataclass(frozen=True)
class RegionDraft:
    code: str
    name: str
    time_zone: TimeZone | None = None  # kab/kota take their province's zone when empty


@dataclass(frozen=True)
class RegionRow:
    id: int
    code: str
    name: str
    level: RegionLevel
    parent_id: int | None
    time_zone: TimeZone
    version: int


@dataclass(frozen=True)
class TaskForceDraft:
    region_id: int
    name: str
    formed: bool = False
    decree_number: str = ""
    decree_date: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    secretariat_agency_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class TaskForceRow:
    id: int
    region_id: int
    region_code: str
    region_name: str
    name: str
    formed: bool
    decree_number: str
    decree_date: date | None
    period_start: date | None
    period_end: date | None
    secretariat_agency: str
    time_zone: TimeZone
    version: int
    notes: str = ""


def level_of_code(code: str) -> RegionLevel:
    """'63' is a province; '63.01'-'63.69' a kabupaten; '63.71'-'63.99' a kota."""
    if _PROVINCE_CODE.match(code):
        return RegionLevel.PROVINCE
    match = _DISTRICT_CODE.match(code)
    if not match or match.group(2) == "00" or match.group(2) == "70":
        raise ValidationError(
            _("'{code}' is not a Kemendagri region code (e.g. 63 or 63.71).").format(code=code),
            field="code",
        )
    return RegionLevel.CITY if int(match.group(2)) >= 71 else RegionLevel.REGENCY


def create_region(db, draft: RegionDraft) -> int:
    with db.unit_of_work() as session:
        code = clean_text(draft.code, _("Region code"), field="code", required=True)
        level = level_of_code(code)
        name = clean_text(draft.name, _("Name"), field="name", required=True, max_length=120)
        if session.scalar(select(Region.id).where(Region.code == code)) is not None:
            raise DuplicateError(
                _("A region with code {code} already exists.").format(code=code), field="code"
            )
        parent = None
        if level is not RegionLevel.PROVINCE:
            parent = session.scalar(select(Region).where(Region.code == code[:2]))
            if parent is None:
                raise ValidationError(
                    _("Enter the province {code} before its kabupaten/kota.").format(code=code[:2]),
                    field="code",
                )
        known = known_province(code) if parent is None else None
        zone = (draft.time_zone or (parent.time_zone if parent else None)
                or (known[1] if known else None))
        try:
            if zone is None:
                raise ValueError("no time zone given or known")
            time_zone = TimeZone(zone)
        except ValueError:
            raise ValidationError(_("Choose the time zone (WIB, WITA or WIT)."),
                                  field="time_zone") from None
        region = Region(
            code=code, name=name, level=level, parent_id=parent.id if parent else None,
            time_zone=time_zone,
        )
        session.add(region)
        session.flush()
        return region.id


def list_regions(db, *, province_id: int | None = None) -> list[RegionRow]:
    query = select(Region).order_by(Region.code)
    if province_id is not None:
        query = query.where((Region.parent_id == province_id) | (Region.id == province_id))
    with db.reading() as session:
        return [
            RegionRow(r.id, r.code, r.name, r.level, r.parent_id, r.time_zone, r.version)
            for r in session.scalars(query)
        ]


def _validated_task_force(session, draft: TaskForceDraft) -> dict:
    get_or_fail(session, Region, draft.region_id, _("Region"))
    values: dict[str, Any] = {  # the task force's columns, each of its own type
        "region_id": draft.region_id,
        "name": clean_text(draft.name, _("Name"), field="name", required=True, max_length=200),
        "formed": bool(draft.formed),
        "decree_number": clean_text(
            draft.decree_number, _("Decree number"), field="decree_number", max_length=120
        ),
        "decree_date": check_date(draft.decree_date, _("Decree date"), field="decree_date"),
        "period_start": check_date(draft.period_start, _("Period start"), field="period_start"),
        "period_end": check_date(draft.period_end, _("Period end"), field="period_end"),
        "secretariat_agency_id": draft.secretariat_agency_id,
        "notes": clean_text(draft.notes, _("Notes"), field="notes", multiline=True),
    }
    if values["formed"] and not (values["decree_number"] and values["decree_date"]):
        raise ValidationError(
            _("A formed task force needs the number and date of its decree (SK)."),
            field="decree_number",
        )
    if values["decree_date"] and values["decree_date"] > date.today():
        raise ValidationError(_("The decree date lies in the future."), field="decree_date")
    start, end = values["period_start"], values["period_end"]
    if start and end and end <= start:
        raise ValidationError(_("The period must end after it starts."), field="period_end")
    if draft.secretariat_agency_id is not None:
        get_or_fail(session, Agency, draft.secretariat_agency_id, _("Agency"))
    return values


def create_task_force(db, draft: TaskForceDraft) -> int:
    with db.unit_of_work() as session:
        values = _validated_task_force(session, draft)
        if session.scalar(select(TaskForce.id).where(TaskForce.region_id == draft.region_id)):
            raise DuplicateError(_("This region already has a task force."), field="region_id")
        task_force = TaskForce(**values)
        session.add(task_force)
        session.flush()
        return task_force.id


def update_task_force(db, task_force_id: int, draft: TaskForceDraft, expected_version: int) -> None:
    with db.unit_of_work() as session:
        task_force = get_or_fail(session, TaskForce, task_force_id, _("Task force"))
        check_version(task_force, expected_version)
        values = _validated_task_force(session, draft)
        clash = session.scalar(
            select(TaskForce.id).where(
                TaskForce.region_id == draft.region_id, TaskForce.id != task_force_id
            )
        )
        if clash:
            raise DuplicateError(_("This region already has a task force."), field="region_id")
        for key, value in values.items():
            setattr(task_force, key, value)


def list_task_forces(db) -> list[TaskForceRow]:
    secretariat = aliased(Agency)
    query = (
        select(TaskForce, Region, secretariat.abbreviation)
        .join(Region, TaskForce.region_id == Region.id)
        .outerjoin(secretariat, TaskForce.secretariat_agency_id == secretariat.id)
        .order_by(Region.code)
    )
    with db.reading() as session:
        return [
            TaskForceRow(
                tf.id, region.id, region.code, region.name, tf.name, tf.formed, tf.decree_number,
                tf.decree_date, tf.period_start, tf.period_end, abbreviation or "",
                region.time_zone, tf.version, tf.notes,
            )
            for tf, region, abbreviation in session.execute(query)
        ]


def regions_without_task_force(db, province_id: int) -> list[RegionRow]:
    """The kabupaten/kota of a province that have not (yet) formed a task force."""
    formed = select(TaskForce.region_id).where(TaskForce.formed.is_(True))
    query = (
        select(Region)
        .where(Region.parent_id == province_id, Region.id.not_in(formed))
        .order_by(Region.code)
    )
    with db.reading() as session:
        return [
            RegionRow(r.id, r.code, r.name, r.level, r.parent_id, r.time_zone, r.version)
            for r in session.scalars(query)
        ]


@dataclass(frozen=True)
class RegionOverviewRow:
    """A region with its task force, if any: the Gugus Tugas page shows one per line."""

    region: RegionRow
    task_force: TaskForceRow | None

    @property
    def id(self) -> int:
        return self.region.id

    @property
    def formed(self) -> bool:
        return self.task_force is not None and self.task_force.formed


def region_overview(db) -> list[RegionOverviewRow]:
    """Every region in code order, each with its task force (None where there is none)."""
    by_region = {row.region_id: row for row in list_task_forces(db)}
    return [RegionOverviewRow(region, by_region.get(region.id)) for region in list_regions(db)]


def set_time_zone(db, region_id: int, zone: TimeZone | str, expected_version: int | None) -> None:
    """Set the time zone of a region: new meetings of its task force take this zone.

    Meetings already scheduled keep the zone they were given, so their times stay as agreed.
    """
    with db.unit_of_work() as session:
        region = get_or_fail(session, Region, region_id, _("Region"))
        check_version(region, expected_version)
        try:
            region.time_zone = TimeZone(zone)
        except ValueError:
            raise ValidationError(_("Choose the time zone (WIB, WITA or WIT)."),
                                  field="time_zone") from None
