"""Regions (Kemendagri codes) and the task force of each region."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from factories import make_agency, make_district, make_province, make_task_force, version_of

from models import RegionLevel, TaskForce, TimeZone
from secretariat.agencies.regions import (
    RegionDraft,
    TaskForceDraft,
    create_region,
    create_task_force,
    level_of_code,
    list_regions,
    list_task_forces,
    regions_without_task_force,
    update_task_force,
)
from secretariat.errors import ConflictError, DuplicateError, NotFoundError, ValidationError
from secretariat.storage.database import open_database

# --- Kemendagri codes ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("63", RegionLevel.PROVINCE),
        ("63.01", RegionLevel.REGENCY),
        ("63.69", RegionLevel.REGENCY),
        ("63.71", RegionLevel.CITY),
        ("63.99", RegionLevel.CITY),
    ],
)
def test_level_of_code_reads_province_kabupaten_and_kota(code, level):
    assert level_of_code(code) is level


@pytest.mark.parametrize("code", ["6", "630", "63.00", "63.70", "63.7", "63-71", "63.710", "ab",
                                  ""])
def test_level_of_code_refuses_what_is_not_a_kemendagri_code(code):
    with pytest.raises(ValidationError) as caught:
        level_of_code(code)
    assert caught.value.field == "code"


# --- create_region ------------------------------------------------------------------------

def test_create_province_stores_code_name_level_and_zone(db):
    province_id = create_region(
        db, RegionDraft(code=" 63 ", name="Kalimantan Selatan", time_zone=TimeZone.WITA)
    )

    (row,) = list_regions(db)
    assert row.id == province_id
    assert row.code == "63"  # whitespace typed around the code is dropped
    assert row.name == "Kalimantan Selatan"
    assert row.level is RegionLevel.PROVINCE
    assert row.parent_id is None
    assert row.time_zone is TimeZone.WITA
    assert row.version == 1


@pytest.mark.parametrize(
    ("code", "level"),
    [("63.01", RegionLevel.REGENCY), ("63.69", RegionLevel.REGENCY),
     ("63.71", RegionLevel.CITY), ("63.99", RegionLevel.CITY)],
)
def test_kabupaten_and_kota_hang_under_their_province_and_take_its_zone(db, code, level):
    province_id = make_province(db, "63", time_zone=TimeZone.WITA)

    region_id = create_region(db, RegionDraft(code=code, name="Daerah Uji"))

    row = next(r for r in list_regions(db) if r.id == region_id)
    assert row.level is level
    assert row.parent_id == province_id
    assert row.time_zone is TimeZone.WITA


def test_kabupaten_may_have_its_own_time_zone(db):
    make_province(db, "63", time_zone=TimeZone.WITA)
    region_id = create_region(db, RegionDraft("63.02", "Kabupaten Uji", TimeZone.WIB))
    assert next(r for r in list_regions(db) if r.id == region_id).time_zone is TimeZone.WIB


@pytest.mark.parametrize("code", ["63.00", "63.70", "6301", "63.1", "x"])
def test_create_region_refuses_a_malformed_code(db, code):
    make_province(db, "63")
    with pytest.raises(ValidationError) as caught:
        create_region(db, RegionDraft(code=code, name="Salah", time_zone=TimeZone.WITA))
    assert caught.value.field == "code"
    assert code in str(caught.value)
    assert len(list_regions(db)) == 1


def test_create_region_refuses_kabupaten_before_its_province(db):
    make_province(db, "63")
    with pytest.raises(ValidationError) as caught:
        create_region(db, RegionDraft(code="64.01", name="Kabupaten Paser"))
    assert caught.value.field == "code"
    assert "64" in str(caught.value)
    assert [r.code for r in list_regions(db)] == ["63"]


def test_create_region_refuses_a_duplicate_code(db):
    make_province(db, "63")
    make_district(db, "63.71", "Kota Banjarmasin")
    with pytest.raises(DuplicateError) as caught:
        create_region(db, RegionDraft(code="63.71", name="Banjarmasin lagi"))
    assert caught.value.field == "code"
    assert "63.71" in str(caught.value)
    with pytest.raises(DuplicateError):
        make_province(db, "63", name="Kalsel lagi")


def test_a_province_not_among_the_38_needs_a_time_zone(db):
    with pytest.raises(ValidationError) as caught:
        create_region(db, RegionDraft(code="97", name="Provinsi Baru"))
    assert caught.value.field == "time_zone"
    assert list_regions(db) == []


def test_one_of_the_38_provinces_takes_its_own_time_zone_unless_told(db):
    create_region(db, RegionDraft(code="64", name="Kalimantan Timur"))
    create_region(db, RegionDraft(code="62", name="Kalimantan Tengah"))
    create_region(db, RegionDraft(code="82", name="Maluku Utara", time_zone=TimeZone.WITA))
    zones = {row.code: row.time_zone for row in list_regions(db)}
    assert zones == {"64": TimeZone.WITA, "62": TimeZone.WIB, "82": TimeZone.WITA}


def test_create_region_refuses_an_unknown_time_zone_with_a_domain_error(db):
    # The zone normally comes from a choice list; a wrong value must still be a readable
    # refusal, not a bare ValueError.
    with pytest.raises(ValidationError) as caught:
        create_region(db, RegionDraft(code="64", name="Kalimantan Timur", time_zone="GMT"))
    assert caught.value.field == "time_zone"


@pytest.mark.parametrize(("name", "field"), [("", "name"), ("   ", "name"), ("x" * 121, "name")])
def test_create_region_checks_the_name(db, name, field):
    with pytest.raises(ValidationError) as caught:
        create_region(db, RegionDraft(code="63", name=name, time_zone=TimeZone.WITA))
    assert caught.value.field == field


def test_list_regions_of_one_province(db):
    kalsel = make_province(db, "63", "Kalimantan Selatan")
    kaltim = make_province(db, "64", "Kalimantan Timur")
    make_district(db, "63.71", "Kota Banjarmasin")
    make_district(db, "63.01", "Kabupaten Tanah Laut")
    make_district(db, "64.72", "Kota Samarinda")

    assert [r.code for r in list_regions(db, province_id=kalsel)] == ["63", "63.01", "63.71"]
    assert [r.code for r in list_regions(db, province_id=kaltim)] == ["64", "64.72"]
    assert len(list_regions(db)) == 5


# --- task forces --------------------------------------------------------------------------

def _draft(region_id: int, **kw) -> TaskForceDraft:
    values = dict(
        region_id=region_id, name="GT PP-TPPO Provinsi Kalimantan Selatan", formed=True,
        decree_number="188.44/0123/KUM/2024", decree_date=date(2024, 3, 1),
        period_start=date(2024, 3, 1), period_end=date(2029, 2, 28),
    )
    values.update(kw)
    return TaskForceDraft(**values)


def test_create_formed_task_force_with_its_decree_and_secretariat(db):
    province = make_province(db)
    dp3a = make_agency(db, "DP3AKB")

    task_force_id = create_task_force(db, _draft(province, secretariat_agency_id=dp3a,
                                                 notes="SK Gubernur\nperiode 5 tahun"))

    (row,) = list_task_forces(db)
    assert row.id == task_force_id
    assert row.region_code == "63"
    assert row.region_name == "Kalimantan Selatan"
    assert row.formed is True
    assert row.decree_number == "188.44/0123/KUM/2024"
    assert row.decree_date == date(2024, 3, 1)
    assert (row.period_start, row.period_end) == (date(2024, 3, 1), date(2029, 2, 28))
    assert row.secretariat_agency == "DP3AKB"
    assert row.time_zone is TimeZone.WITA
    assert row.version == 1


def test_a_task_force_not_yet_formed_needs_no_decree(db):
    province = make_province(db)
    create_task_force(db, TaskForceDraft(region_id=province, name="GT PP-TPPO (rencana)"))
    (row,) = list_task_forces(db)
    assert row.formed is False
    assert row.decree_number == "" and row.decree_date is None
    assert row.secretariat_agency == ""


@pytest.mark.parametrize(
    "missing", [dict(decree_number=""), dict(decree_date=None),
                dict(decree_number="", decree_date=None)],
)
def test_a_formed_task_force_needs_decree_number_and_date(db, missing):
    province = make_province(db)
    with pytest.raises(ValidationError) as caught:
        create_task_force(db, _draft(province, **missing))
    assert caught.value.field == "decree_number"
    assert list_task_forces(db) == []


def test_a_decree_dated_in_the_future_is_refused(db):
    province = make_province(db)
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        create_task_force(db, _draft(province, decree_date=tomorrow, period_start=None,
                                     period_end=None))
    assert caught.value.field == "decree_date"


def test_a_decree_dated_today_is_accepted(db):
    province = make_province(db)
    create_task_force(db, _draft(province, decree_date=date.today(), period_start=None,
                                 period_end=None))
    assert list_task_forces(db)[0].decree_date == date.today()


@pytest.mark.parametrize("end", [date(2024, 3, 1), date(2023, 12, 31)])
def test_the_period_must_end_after_it_starts(db, end):
    province = make_province(db)
    with pytest.raises(ValidationError) as caught:
        create_task_force(db, _draft(province, period_start=date(2024, 3, 1), period_end=end))
    assert caught.value.field == "period_end"


def test_an_implausible_period_year_is_refused(db):
    province = make_province(db)
    with pytest.raises(ValidationError) as caught:
        create_task_force(db, _draft(province, period_end=date(2229, 2, 28)))
    assert caught.value.field == "period_end"
    assert "2229" in str(caught.value)


def test_one_task_force_per_region(db):
    province = make_province(db)
    make_task_force(db, province)
    with pytest.raises(DuplicateError) as caught:
        create_task_force(db, _draft(province, name="GT kedua"))
    assert caught.value.field == "region_id"
    assert len(list_task_forces(db)) == 1


def test_task_force_for_a_missing_region_or_secretariat_is_refused(db):
    province = make_province(db)
    with pytest.raises(NotFoundError):
        create_task_force(db, _draft(province + 999))
    with pytest.raises(NotFoundError):
        create_task_force(db, _draft(province, secretariat_agency_id=424242))
    assert list_task_forces(db) == []


def test_update_task_force_records_its_formation(db):
    # Given a kota whose task force is planned but not formed
    make_province(db)
    kota = make_district(db, "63.72", "Kota Banjarbaru")
    task_force_id = create_task_force(db, TaskForceDraft(region_id=kota, name="GT Banjarbaru"))

    # When the decree arrives and the clerk records it
    update_task_force(
        db, task_force_id,
        _draft(kota, name="GT PP-TPPO Kota Banjarbaru", decree_number="100/45/2024",
               decree_date=date(2024, 6, 10)),
        expected_version=1,
    )

    # Then the task force is formed, carries the decree, and its version moved on
    (row,) = list_task_forces(db)
    assert row.formed is True
    assert row.name == "GT PP-TPPO Kota Banjarbaru"
    assert row.decree_number == "100/45/2024"
    assert row.version == 2


def test_update_task_force_validates_like_create(db):
    province = make_province(db)
    task_force_id = make_task_force(db, province)
    with pytest.raises(ValidationError) as caught:
        update_task_force(db, task_force_id, _draft(province, decree_number=""), 1)
    assert caught.value.field == "decree_number"
    assert list_task_forces(db)[0].decree_number == "188.44/0123/KUM/2024"


def test_update_task_force_cannot_move_onto_a_region_that_has_one(db):
    make_province(db)
    banjarmasin = make_district(db, "63.71", "Kota Banjarmasin")
    banjarbaru = make_district(db, "63.72", "Kota Banjarbaru")
    make_task_force(db, banjarmasin, name="GT Banjarmasin")
    second = make_task_force(db, banjarbaru, name="GT Banjarbaru")

    with pytest.raises(DuplicateError) as caught:
        update_task_force(db, second, _draft(banjarmasin, name="GT Banjarbaru"), 1)
    assert caught.value.field == "region_id"


def test_update_missing_task_force_is_not_found(db):
    province = make_province(db)
    with pytest.raises(NotFoundError):
        update_task_force(db, 9999, _draft(province), 1)


def test_update_task_force_with_a_stale_version_names_who_changed_it(db_url):
    # Given Ani and Budi both opened the same task force (version 1)
    ani = open_database(db_url, actor="ani")
    budi = open_database(db_url, actor="budi")
    try:
        province = make_province(ani)
        task_force_id = make_task_force(ani, province)
        draft = _draft(province)

        # When Budi saves first
        update_task_force(budi, task_force_id, replace(draft, notes="oleh Budi"), 1)

        # Then Ani's save over version 1 is refused and tells her it was Budi
        with pytest.raises(ConflictError) as caught:
            update_task_force(ani, task_force_id, replace(draft, notes="oleh Ani"), 1)
        assert "budi" in str(caught.value)
        assert version_of(ani, TaskForce, task_force_id) == 2
    finally:
        ani.close()
        budi.close()


# --- which kabupaten/kota still lack a task force ---------------------------------------

def test_regions_without_task_force_lists_kabkota_not_yet_formed(db):
    # Given a province with four kab/kota: one formed, one planned, two with nothing
    province = make_province(db, "63")
    make_task_force(db, province)
    tanah_laut = make_district(db, "63.01", "Kabupaten Tanah Laut")
    kotabaru = make_district(db, "63.02", "Kabupaten Kotabaru")
    banjarmasin = make_district(db, "63.71", "Kota Banjarmasin")
    banjarbaru = make_district(db, "63.72", "Kota Banjarbaru")
    make_task_force(db, banjarmasin, name="GT Banjarmasin")
    make_task_force(db, kotabaru, name="GT Kotabaru", formed=False)
    # and a kota of another province
    make_province(db, "64", "Kalimantan Timur")
    make_district(db, "64.72", "Kota Samarinda")

    # When the secretariat asks which still lack a formed task force
    rows = regions_without_task_force(db, province)

    # Then it gets the planned and the missing ones, in code order, not the province itself
    assert [r.id for r in rows] == [tanah_laut, kotabaru, banjarbaru]
    assert all(r.level is not RegionLevel.PROVINCE for r in rows)


def test_regions_without_task_force_is_empty_when_all_are_formed(db):
    province = make_province(db)
    kota = make_district(db, "63.71", "Kota Banjarmasin")
    make_task_force(db, kota, name="GT Banjarmasin")
    assert regions_without_task_force(db, province) == []


def test_the_province_table_holds_the_38_provinces_in_three_zones():
    from secretariat.agencies.provinces import PROVINCES, known_province

    assert len(PROVINCES) == 38 and len({name for name, _zone in PROVINCES.values()}) == 38
    assert all(level_of_code(code) is RegionLevel.PROVINCE for code in PROVINCES)
    def zones(*prefixes: str) -> set[TimeZone]:
        return {zone for code, (_name, zone) in PROVINCES.items() if code.startswith(prefixes)}

    # Sumatra, Java and West/Central Kalimantan keep WIB; Bali, Nusa Tenggara, South/East/
    # North Kalimantan and Sulawesi WITA; Maluku and Papua WIT.
    assert zones("1", "2", "3", "61", "62") == {TimeZone.WIB}
    assert zones("5", "63", "64", "65", "7") == {TimeZone.WITA}
    assert zones("8", "9") == {TimeZone.WIT}
    assert known_province(" 63 ") == ("Kalimantan Selatan", TimeZone.WITA)
    assert known_province("63.71") is None
