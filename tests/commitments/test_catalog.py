"""The editable catalogues: sub task forces and focus areas."""

from __future__ import annotations

import pytest

from models import FocusArea, SubTaskForce
from secretariat.commitments.catalog import (
    DEFAULT_FOCUS_AREAS,
    DEFAULT_SUB_TASK_FORCES,
    add_entry,
    install_defaults,
    list_entries,
    rename_entry,
    set_entry_active,
)
from secretariat.errors import ConflictError, DuplicateError, NotFoundError, ValidationError
from secretariat.storage.database import open_database

BOTH = pytest.mark.parametrize("model", [SubTaskForce, FocusArea], ids=["sub", "focus"])


def test_a_new_database_has_the_six_sub_task_forces_and_four_focus_areas(db):
    subs = list_entries(db, SubTaskForce)
    focus = list_entries(db, FocusArea)

    assert [e.name for e in subs] == [
        "Pencegahan",
        "Rehabilitasi Kesehatan",
        "Rehabilitasi Sosial, Pemulangan dan Reintegrasi",
        "Pengembangan Norma Hukum",
        "Penegakan Hukum",
        "Koordinasi dan Kerja Sama",
    ]
    assert [e.position for e in subs] == [1, 2, 3, 4, 5, 6]
    assert [e.name for e in focus] == list(DEFAULT_FOCUS_AREAS)
    assert len(focus) == 4
    assert all(e.active and e.version == 1 for e in subs + focus)


def test_installing_defaults_again_adds_nothing(db):
    install_defaults(db)
    assert len(list_entries(db, SubTaskForce)) == len(DEFAULT_SUB_TASK_FORCES)
    assert len(list_entries(db, FocusArea)) == len(DEFAULT_FOCUS_AREAS)


def test_reopening_a_database_keeps_the_catalogue_as_edited(db):
    # Given a clerk renamed a focus area
    entry = list_entries(db, FocusArea)[0]
    rename_entry(db, FocusArea, entry.id, "Deteksi dini", entry.version)

    # When the database is opened again (as at the next start of the program)
    again = open_database(db.url, actor="ani")
    try:
        # Then the defaults were not reinstalled on top of the edit
        names = [e.name for e in list_entries(again, FocusArea)]
        assert names[0] == "Deteksi dini"
        assert len(names) == len(DEFAULT_FOCUS_AREAS)
    finally:
        again.close()


@BOTH
def test_add_entry_goes_to_the_end(db, model):
    before = list_entries(db, model)
    entry_id = add_entry(db, model, "  Pendataan   terpadu ")
    after = list_entries(db, model)
    assert after[-1].id == entry_id
    assert after[-1].name == "Pendataan terpadu"
    assert after[-1].position == before[-1].position + 1


@BOTH
@pytest.mark.parametrize("spelling", ["same", "upper", "lower"])
def test_a_duplicate_name_is_refused_ignoring_case(db, model, spelling):
    existing = list_entries(db, model)[0].name
    name = {"same": existing, "upper": existing.upper(), "lower": existing.lower()}[spelling]
    with pytest.raises(DuplicateError) as caught:
        add_entry(db, model, name)
    assert caught.value.field == "name"
    assert name in str(caught.value)


@BOTH
@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_name_is_required_and_limited(db, model, name):
    with pytest.raises(ValidationError) as caught:
        add_entry(db, model, name)
    assert caught.value.field == "name"


@BOTH
def test_rename_entry(db, model):
    entry = list_entries(db, model)[0]
    rename_entry(db, model, entry.id, "Pencegahan dan Deteksi Dini", entry.version)
    renamed = list_entries(db, model)[0]
    assert renamed.name == "Pencegahan dan Deteksi Dini"
    assert renamed.version == entry.version + 1


def test_rename_may_change_only_the_case_of_its_own_name(db):
    entry = list_entries(db, SubTaskForce)[0]
    rename_entry(db, SubTaskForce, entry.id, "PENCEGAHAN", entry.version)
    assert list_entries(db, SubTaskForce)[0].name == "PENCEGAHAN"


@BOTH
def test_rename_to_another_entrys_name_is_refused(db, model):
    first, second = list_entries(db, model)[:2]
    with pytest.raises(DuplicateError) as caught:
        rename_entry(db, model, second.id, first.name.upper(), second.version)
    assert caught.value.field == "name"
    assert list_entries(db, model)[1].name == second.name


def test_a_retired_entry_still_blocks_its_name(db):
    entry = list_entries(db, FocusArea)[0]
    set_entry_active(db, FocusArea, entry.id, False, entry.version)
    with pytest.raises(DuplicateError):
        add_entry(db, FocusArea, entry.name)


@BOTH
def test_retire_and_bring_back_an_entry(db, model):
    entry = list_entries(db, model)[-1]

    set_entry_active(db, model, entry.id, False, entry.version)
    assert entry.id not in [e.id for e in list_entries(db, model)]
    (retired,) = [e for e in list_entries(db, model, include_inactive=True) if e.id == entry.id]
    assert retired.active is False

    set_entry_active(db, model, entry.id, True, retired.version)
    assert list_entries(db, model)[-1].id == entry.id


@BOTH
def test_stale_versions_and_missing_entries_are_refused(db, model):
    entry = list_entries(db, model)[0]
    rename_entry(db, model, entry.id, "Nama Baru", entry.version)
    with pytest.raises(ConflictError) as caught:
        rename_entry(db, model, entry.id, "Nama Lain", entry.version)
    assert "tester" in str(caught.value)
    with pytest.raises(ConflictError):
        set_entry_active(db, model, entry.id, False, entry.version)
    with pytest.raises(NotFoundError):
        rename_entry(db, model, 9999, "Tidak ada", 1)
