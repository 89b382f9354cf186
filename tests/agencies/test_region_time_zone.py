"""Setting the time zone of a region, which new meetings of its task force take."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_meeting, make_province, make_task_force

from models import Region, TimeZone
from secretariat.agencies.regions import list_regions, set_time_zone
from secretariat.errors import ConflictError, NotFoundError, ValidationError
from secretariat.meetings.lifecycle import get_meeting


def _zone(db, region_id: int) -> TimeZone:
    return next(r.time_zone for r in list_regions(db) if r.id == region_id)


def _version(db, region_id: int) -> int:
    return next(r.version for r in list_regions(db) if r.id == region_id)


def test_new_meetings_take_the_new_zone_and_old_ones_keep_theirs(db):
    province = make_province(db, time_zone=TimeZone.WITA)
    task_force = make_task_force(db, province)
    before = make_meeting(db, task_force, date(2025, 12, 2))

    set_time_zone(db, province, TimeZone.WIB, _version(db, province))

    assert _zone(db, province) is TimeZone.WIB
    after = make_meeting(db, task_force, date(2025, 12, 9))
    assert get_meeting(db, after).time_zone is TimeZone.WIB
    assert get_meeting(db, before).time_zone is TimeZone.WITA


def test_the_zone_may_be_given_as_its_code(db):
    province = make_province(db, time_zone=TimeZone.WITA)
    set_time_zone(db, province, "WIT", _version(db, province))
    assert _zone(db, province) is TimeZone.WIT


def test_an_unknown_zone_is_refused_next_to_the_field(db):
    province = make_province(db, time_zone=TimeZone.WITA)
    with pytest.raises(ValidationError) as refused:
        set_time_zone(db, province, "CET", _version(db, province))
    assert refused.value.field == "time_zone"
    assert _zone(db, province) is TimeZone.WITA


def test_a_stale_version_is_a_conflict_and_changes_nothing(db):
    province = make_province(db, time_zone=TimeZone.WITA)
    stale = _version(db, province)
    set_time_zone(db, province, TimeZone.WIT, stale)
    with pytest.raises(ConflictError):
        set_time_zone(db, province, TimeZone.WIB, stale)
    assert _zone(db, province) is TimeZone.WIT


def test_a_missing_region_is_reported(db):
    with pytest.raises(NotFoundError):
        set_time_zone(db, 9999, TimeZone.WIB, None)


def test_the_version_counts_up(db):
    province = make_province(db)
    with db.reading() as session:
        first = session.get(Region, province).version
    set_time_zone(db, province, TimeZone.WIT, first)
    assert _version(db, province) == first + 1
