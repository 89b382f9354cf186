"""The minutes' text as the meeting page reads and saves it, and the agenda's order."""

from __future__ import annotations

import pytest
from factories import DEFAULT_MEETING_DATE, make_meeting, make_province, make_task_force, version_of

from models import AgendaItem, Meeting, MeetingStatus
from secretariat.errors import ConflictError, RefusedError
from secretariat.meetings.lifecycle import (
    AgendaDraft,
    ItemMinutes,
    add_agenda_item,
    finalise_minutes,
    get_minutes,
    insert_agenda_item,
    list_agenda,
    mark_held,
    move_agenda_item,
    reopen_minutes,
    save_minutes,
)


def _v(db, meeting_id: int) -> int:
    return version_of(db, Meeting, meeting_id)


@pytest.fixture
def meeting(db) -> int:
    """A held meeting with a chair and an agenda of four items."""
    meeting = make_meeting(db, make_task_force(db, make_province(db)),
                           chair_name="Husnul Hatimah")
    mark_held(db, meeting, _v(db, meeting), today=DEFAULT_MEETING_DATE)
    for title in ("Satu", "Dua", "Tiga", "Empat"):
        add_agenda_item(db, meeting, AgendaDraft(title=title, presenter="P " + title))
    return meeting


def _titles(db, meeting: int) -> list[str]:
    return [row.title for row in list_agenda(db, meeting)]


def _item(db, meeting: int, title: str):
    return next(row for row in list_agenda(db, meeting) if row.title == title)


def test_save_minutes_writes_the_text_and_the_items_at_once(db, meeting):
    dua = _item(db, meeting, "Dua")

    save_minutes(db, meeting, "Dibuka <b>&", "=1+1", [
        ItemMinutes(dua.id, "Dibahas data\n\tkorban", "Data dipadukan", dua.version),
    ], _v(db, meeting))

    text = get_minutes(db, meeting)
    assert (text.opening, text.conclusions) == ("Dibuka <b>&", "=1+1")
    assert text.status is MeetingStatus.MINUTES_DRAFT
    dua = _item(db, meeting, "Dua")
    assert (dua.discussion, dua.decisions) == ("Dibahas data\n\tkorban", "Data dipadukan")
    assert (dua.title, dua.presenter) == ("Dua", "P Dua")  # untouched


def test_a_conflict_on_one_item_saves_nothing(db, meeting):
    satu, dua = _item(db, meeting, "Satu"), _item(db, meeting, "Dua")

    with pytest.raises(ConflictError):
        save_minutes(db, meeting, "Pembukaan", "Kesimpulan", [
            ItemMinutes(satu.id, "Baru", "Baru", satu.version),
            ItemMinutes(dua.id, "Basi", "Basi", dua.version - 1),
        ], _v(db, meeting))

    assert get_minutes(db, meeting).opening == ""
    assert _item(db, meeting, "Satu").discussion == ""


def test_save_minutes_refuses_final_minutes_and_items_of_another_meeting(db, meeting):
    other = make_meeting(db, make_task_force(db, make_province(db, "64", "Kalimantan Timur")))
    stranger = add_agenda_item(db, other, AgendaDraft(title="Lain"))
    with pytest.raises(RefusedError):
        save_minutes(db, meeting, "", "", [ItemMinutes(stranger, "x", "y")], None)

    finalise_minutes(db, meeting, _v(db, meeting))
    with pytest.raises(RefusedError):
        save_minutes(db, meeting, "Ubah", "", [], _v(db, meeting))


def test_get_minutes_keeps_every_reopen_reason(db, meeting):
    finalise_minutes(db, meeting, _v(db, meeting))
    reopen_minutes(db, meeting, "Salah ketik nama peserta", _v(db, meeting))
    finalise_minutes(db, meeting, _v(db, meeting))
    reopen_minutes(db, meeting, "Tambahan komitmen Polda", _v(db, meeting))

    text = get_minutes(db, meeting)
    assert text.reopen_reasons == "Salah ketik nama peserta\nTambahan komitmen Polda"
    assert text.status is MeetingStatus.MINUTES_DRAFT


@pytest.mark.parametrize("title, position, order", [
    ("Tiga", 1, ["Tiga", "Satu", "Dua", "Empat"]),
    ("Satu", 3, ["Dua", "Tiga", "Satu", "Empat"]),
    ("Dua", 99, ["Satu", "Tiga", "Empat", "Dua"]),  # past the end: the last place
    ("Dua", 2, ["Satu", "Dua", "Tiga", "Empat"]),
])
def test_moving_an_agenda_item_renumbers_the_rest(db, meeting, title, position, order):
    item = _item(db, meeting, title)

    move_agenda_item(db, item.id, position, item.version)

    assert _titles(db, meeting) == order
    assert [row.position for row in list_agenda(db, meeting)] == [1, 2, 3, 4]


def test_moving_with_a_stale_version_is_a_conflict(db, meeting):
    item = _item(db, meeting, "Dua")
    with pytest.raises(ConflictError):
        move_agenda_item(db, item.id, 1, item.version + 1)
    assert _titles(db, meeting) == ["Satu", "Dua", "Tiga", "Empat"]


def test_insert_puts_an_item_back_at_its_number(db, meeting):
    new = insert_agenda_item(db, meeting, AgendaDraft("Kembali", "Polda", "Bahas", "Putus"), 2)

    assert _titles(db, meeting) == ["Satu", "Kembali", "Dua", "Tiga", "Empat"]
    row = _item(db, meeting, "Kembali")
    assert (row.id, row.position, row.presenter, row.discussion, row.decisions) == (
        new, 2, "Polda", "Bahas", "Putus")


def test_the_agenda_of_final_minutes_cannot_be_reordered(db, meeting):
    item = _item(db, meeting, "Dua")
    finalise_minutes(db, meeting, _v(db, meeting))
    with pytest.raises(RefusedError):
        move_agenda_item(db, item.id, 1, version_of(db, AgendaItem, item.id))
    with pytest.raises(RefusedError):
        insert_agenda_item(db, meeting, AgendaDraft("Baru"), 1)
    assert _titles(db, meeting) == ["Satu", "Dua", "Tiga", "Empat"]
