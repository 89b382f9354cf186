"""Meetings: scheduling, editing, cancelling, the minutes' life cycle and the agenda."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories import (
    DEFAULT_MEETING_DATE,
    make_agency,
    make_commitment,
    make_district,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

from models import AgendaItem, Meeting, MeetingKind, MeetingStatus, TimeZone
from secretariat.errors import ConflictError, NotFoundError, RefusedError, ValidationError
from secretariat.meetings.lifecycle import (
    AgendaDraft,
    MeetingDraft,
    add_agenda_item,
    cancel_meeting,
    finalise_minutes,
    get_meeting,
    list_agenda,
    list_meetings,
    mark_held,
    remove_agenda_item,
    reopen_minutes,
    schedule_meeting,
    update_agenda_item,
    update_meeting,
    write_minutes,
)

DAY = DEFAULT_MEETING_DATE  # Tue 2 Dec 2025, the Kalsel rakor
AFTER = date(2025, 12, 3)


def _draft(task_force_id: int, **kw) -> MeetingDraft:
    values = {
        "task_force_id": task_force_id,
        "kind": MeetingKind.RAKOR,
        "title": "Rakor GT PP-TPPO Provinsi Kalimantan Selatan",
        "date": DAY,
        "start_time": time(9, 0),
        "end_time": time(12, 0),
        "place": "Banjarbaru",
    }
    values.update(kw)
    return MeetingDraft(**values)


def _v(db, meeting_id: int) -> int:
    return version_of(db, Meeting, meeting_id)


def _status(db, meeting_id: int) -> MeetingStatus:
    return get_meeting(db, meeting_id).status


def _read(db, meeting_id: int) -> Meeting:
    with db.reading() as session:
        return session.get(Meeting, meeting_id)


@pytest.fixture
def task_force(db) -> int:
    return make_task_force(db, make_province(db, time_zone=TimeZone.WITA))


def _held(db, task_force: int, **kw) -> int:
    meeting = make_meeting(db, task_force, DAY, **kw)
    mark_held(db, meeting, _v(db, meeting), today=DAY)
    return meeting


def _final(db, task_force: int) -> int:
    meeting = _held(db, task_force, chair_name="Husnul Hatimah")
    finalise_minutes(db, meeting, _v(db, meeting))
    return meeting


# --- schedule --------------------------------------------------------------------------


def test_schedule_stores_the_meeting_as_planned(db, task_force):
    meeting_id = schedule_meeting(db, _draft(task_force))

    row = get_meeting(db, meeting_id)
    assert row.status is MeetingStatus.PLANNED
    assert row.title == "Rakor GT PP-TPPO Provinsi Kalimantan Selatan"
    assert row.date == DAY
    assert (row.start_time, row.end_time) == (time(9, 0), time(12, 0))
    assert row.place == "Banjarbaru"
    assert row.commitment_count == 0
    assert row.task_force_id == task_force


def test_schedule_takes_the_time_zone_of_the_task_forces_region(db):
    kalbar = make_task_force(db, make_province(db, "61", "Kalimantan Barat", TimeZone.WIB),
                             name="GT PP-TPPO Kalbar")
    kaltim = make_task_force(db, make_province(db, "64", "Kalimantan Timur", TimeZone.WITA),
                             name="GT PP-TPPO Kaltim")

    assert get_meeting(db, schedule_meeting(db, _draft(kalbar))).time_zone is TimeZone.WIB
    assert get_meeting(db, schedule_meeting(db, _draft(kaltim))).time_zone is TimeZone.WITA


def test_schedule_of_a_kabupaten_task_force_takes_the_province_zone(db):
    make_province(db, "63", time_zone=TimeZone.WITA)
    banjarmasin = make_task_force(db, make_district(db, "63.71"), name="GT PP-TPPO Banjarmasin")

    meeting = schedule_meeting(db, _draft(banjarmasin))

    assert get_meeting(db, meeting).time_zone is TimeZone.WITA


def test_schedule_keeps_an_explicit_time_zone(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force, time_zone=TimeZone.WIT))
    assert get_meeting(db, meeting).time_zone is TimeZone.WIT


def test_schedule_refuses_an_end_time_equal_to_the_start(db, task_force):
    # An earlier end is the next day; an equal one would be a meeting of no time, or of 24 h.
    with pytest.raises(ValidationError) as refused:
        schedule_meeting(db, _draft(task_force, start_time=time(9, 0), end_time=time(9, 0)))
    assert refused.value.field == "end_time"
    assert list_meetings(db) == []


def test_schedule_accepts_a_start_time_without_end_time(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force, end_time=None))
    assert get_meeting(db, meeting).end_time is None


@pytest.mark.parametrize("title", ["", "   ", "\t\x00"])
def test_schedule_requires_a_title(db, task_force, title):
    with pytest.raises(ValidationError) as refused:
        schedule_meeting(db, _draft(task_force, title=title))
    assert refused.value.field == "title"
    assert list_meetings(db) == []


@pytest.mark.parametrize("year", [1925, 2205])
def test_schedule_refuses_an_implausible_year(db, task_force, year):
    with pytest.raises(ValidationError) as refused:
        schedule_meeting(db, _draft(task_force, date=date(year, 12, 2)))
    assert refused.value.field == "date"
    assert str(year) in refused.value.message


def test_schedule_requires_a_date(db, task_force):
    with pytest.raises(ValidationError) as refused:
        schedule_meeting(db, _draft(task_force, date=None))
    assert refused.value.field == "date"


def test_schedule_refuses_an_unknown_kind(db, task_force):
    with pytest.raises(ValidationError) as refused:
        schedule_meeting(db, _draft(task_force, kind="arisan"))
    assert refused.value.field == "kind"


def test_schedule_for_a_missing_task_force_is_not_found(db):
    with pytest.raises(NotFoundError):
        schedule_meeting(db, _draft(999_999))


def test_schedule_refuses_a_malformed_chair_nip(db, task_force):
    with pytest.raises(ValidationError) as refused:
        schedule_meeting(db, _draft(task_force, chair_nip="12345"))
    assert refused.value.field == "chair_nip"


# --- update ----------------------------------------------------------------------------


def test_update_changes_the_meeting_and_its_version(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force))
    before = _v(db, meeting)

    update_meeting(db, meeting, _draft(task_force, title="Rakor TPPO 2025", place="Banjarmasin",
                                       date=date(2025, 12, 4)), before)

    row = get_meeting(db, meeting)
    assert (row.title, row.place, row.date) == ("Rakor TPPO 2025", "Banjarmasin",
                                                date(2025, 12, 4))
    assert row.version > before


def test_update_with_a_stale_version_is_a_conflict(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force))
    stale = _v(db, meeting)
    update_meeting(db, meeting, _draft(task_force, place="Banjarmasin"), stale)

    with pytest.raises(ConflictError):
        update_meeting(db, meeting, _draft(task_force, place="Martapura"), stale)
    assert _read(db, meeting).place == "Banjarmasin"


def test_update_refuses_a_cancelled_meeting(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force))
    cancel_meeting(db, meeting, "Bertepatan dengan banjir", _v(db, meeting))

    with pytest.raises(RefusedError):
        update_meeting(db, meeting, _draft(task_force, title="Baru"), _v(db, meeting))
    assert get_meeting(db, meeting).title != "Baru"


def test_update_refuses_final_minutes(db, task_force):
    meeting = _final(db, task_force)

    with pytest.raises(RefusedError):
        update_meeting(db, meeting, _draft(task_force, title="Baru", chair_name="X"),
                       _v(db, meeting))
    assert get_meeting(db, meeting).title != "Baru"


def test_update_refuses_a_date_after_a_commitments_due_date(db, task_force):
    # Given a meeting on 2 Dec with a commitment due on 10 Dec
    meeting = schedule_meeting(db, _draft(task_force))
    make_commitment(db, meeting, make_agency(db, "Dinsos"), due_date=date(2025, 12, 10))

    # When the meeting is moved to 11 Dec, it is refused and the date stays
    with pytest.raises(ValidationError) as refused:
        update_meeting(db, meeting, _draft(task_force, date=date(2025, 12, 11)), _v(db, meeting))
    assert refused.value.field == "date"
    assert get_meeting(db, meeting).date == DAY

    # Moving it up to the due date itself is fine
    update_meeting(db, meeting, _draft(task_force, date=date(2025, 12, 10)), _v(db, meeting))
    assert get_meeting(db, meeting).date == date(2025, 12, 10)


def test_update_refuses_moving_to_another_task_force(db, task_force):
    other = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    meeting = schedule_meeting(db, _draft(task_force))

    with pytest.raises(RefusedError):
        update_meeting(db, meeting, _draft(other), _v(db, meeting))
    assert get_meeting(db, meeting).task_force_id == task_force


# --- cancel ----------------------------------------------------------------------------


def test_cancel_a_planned_meeting_keeps_the_reason_in_the_notes(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force, notes="Undangan sudah dikirim"))

    cancel_meeting(db, meeting, "Pimpinan berhalangan", _v(db, meeting))

    stored = _read(db, meeting)
    assert stored.status is MeetingStatus.CANCELLED
    assert "Undangan sudah dikirim" in stored.notes
    assert "Pimpinan berhalangan" in stored.notes


@pytest.mark.parametrize("reason", ["", "   "])
def test_cancel_needs_a_reason(db, task_force, reason):
    meeting = schedule_meeting(db, _draft(task_force))
    with pytest.raises(ValidationError) as refused:
        cancel_meeting(db, meeting, reason, _v(db, meeting))
    assert refused.value.field == "reason"
    assert _status(db, meeting) is MeetingStatus.PLANNED


def test_cancel_refuses_a_held_meeting(db, task_force):
    meeting = _held(db, task_force)
    with pytest.raises(RefusedError):
        cancel_meeting(db, meeting, "Salah input", _v(db, meeting))
    assert _status(db, meeting) is MeetingStatus.HELD


def test_cancel_refuses_an_already_cancelled_meeting(db, task_force):
    meeting = schedule_meeting(db, _draft(task_force))
    cancel_meeting(db, meeting, "Banjir", _v(db, meeting))
    with pytest.raises(RefusedError):
        cancel_meeting(db, meeting, "Lagi", _v(db, meeting))


# --- mark held -------------------------------------------------------------------------


def test_mark_held_on_or_after_the_meeting_date(db, task_force):
    on_the_day = make_meeting(db, task_force, DAY)
    later = make_meeting(db, task_force, DAY)

    mark_held(db, on_the_day, _v(db, on_the_day), today=DAY)
    mark_held(db, later, _v(db, later), today=date(2026, 1, 5))

    assert _status(db, on_the_day) is MeetingStatus.HELD
    assert _status(db, later) is MeetingStatus.HELD


def test_mark_held_before_its_date_is_refused(db, task_force):
    meeting = make_meeting(db, task_force, DAY)
    with pytest.raises(RefusedError):
        mark_held(db, meeting, _v(db, meeting), today=date(2025, 12, 1))
    assert _status(db, meeting) is MeetingStatus.PLANNED


def test_mark_held_refuses_a_cancelled_meeting(db, task_force):
    meeting = make_meeting(db, task_force, DAY)
    cancel_meeting(db, meeting, "Banjir", _v(db, meeting))
    with pytest.raises(RefusedError):
        mark_held(db, meeting, _v(db, meeting), today=AFTER)
    assert _status(db, meeting) is MeetingStatus.CANCELLED


def test_mark_held_with_a_stale_version_is_a_conflict(db, task_force):
    meeting = make_meeting(db, task_force, DAY)
    stale = _v(db, meeting)
    update_meeting(db, meeting, _draft(task_force, place="Banjarmasin"), stale)
    with pytest.raises(ConflictError):
        mark_held(db, meeting, stale, today=AFTER)


# --- minutes ---------------------------------------------------------------------------


def test_write_minutes_of_a_held_meeting_makes_a_draft(db, task_force):
    meeting = _held(db, task_force)

    write_minutes(db, meeting, "Dibuka oleh Asisten III", "1. Data terpadu\n2. Posko",
                  _v(db, meeting))

    stored = _read(db, meeting)
    assert stored.status is MeetingStatus.MINUTES_DRAFT
    assert stored.opening == "Dibuka oleh Asisten III"
    assert stored.conclusions == "1. Data terpadu\n2. Posko"  # line breaks kept


def test_write_minutes_while_planned_is_refused(db, task_force):
    meeting = make_meeting(db, task_force, DAY)
    with pytest.raises(RefusedError):
        write_minutes(db, meeting, "Pembukaan", "Kesimpulan", _v(db, meeting))
    stored = _read(db, meeting)
    assert stored.status is MeetingStatus.PLANNED
    assert stored.opening == ""


def test_write_minutes_refuses_final_minutes(db, task_force):
    meeting = _final(db, task_force)
    with pytest.raises(RefusedError):
        write_minutes(db, meeting, "Ubah", "Ubah", _v(db, meeting))
    assert _status(db, meeting) is MeetingStatus.MINUTES_FINAL


def test_finalise_minutes_with_a_chair(db, task_force):
    meeting = _held(db, task_force, chair_name="Husnul Hatimah")
    write_minutes(db, meeting, "Pembukaan", "Kesimpulan", _v(db, meeting))

    finalise_minutes(db, meeting, _v(db, meeting))

    assert _status(db, meeting) is MeetingStatus.MINUTES_FINAL


def test_finalise_minutes_needs_the_chairs_name(db, task_force):
    meeting = _held(db, task_force)  # no chair entered
    with pytest.raises(ValidationError) as refused:
        finalise_minutes(db, meeting, _v(db, meeting))
    assert refused.value.field == "chair_name"
    assert _status(db, meeting) is MeetingStatus.HELD


def test_finalise_minutes_of_a_planned_meeting_is_refused(db, task_force):
    meeting = make_meeting(db, task_force, DAY, chair_name="Husnul Hatimah")
    with pytest.raises(RefusedError):
        finalise_minutes(db, meeting, _v(db, meeting))
    assert _status(db, meeting) is MeetingStatus.PLANNED


def test_reopen_final_minutes_keeps_every_reason(db, task_force):
    # Given final minutes
    meeting = _final(db, task_force)

    # When they are reopened, finalised and reopened again
    reopen_minutes(db, meeting, "Salah ketik nama peserta", _v(db, meeting))
    assert _status(db, meeting) is MeetingStatus.MINUTES_DRAFT
    finalise_minutes(db, meeting, _v(db, meeting))
    reopen_minutes(db, meeting, "Tambahan komitmen Polda", _v(db, meeting))

    # Then both reasons are on record, in order
    reason = _read(db, meeting).reopen_reason
    assert "Salah ketik nama peserta" in reason
    assert "Tambahan komitmen Polda" in reason
    assert reason.index("Salah ketik") < reason.index("Tambahan")


@pytest.mark.parametrize("reason", ["", "  \n "])
def test_reopen_needs_a_reason(db, task_force, reason):
    meeting = _final(db, task_force)
    with pytest.raises(ValidationError) as refused:
        reopen_minutes(db, meeting, reason, _v(db, meeting))
    assert refused.value.field == "reason"
    assert _status(db, meeting) is MeetingStatus.MINUTES_FINAL


def test_reopen_refuses_minutes_that_are_not_final(db, task_force):
    meeting = _held(db, task_force)
    with pytest.raises(RefusedError):
        reopen_minutes(db, meeting, "Alasan", _v(db, meeting))
    assert _read(db, meeting).reopen_reason == ""


# --- agenda ----------------------------------------------------------------------------


def _titles(db, meeting: int) -> list[tuple[int, str]]:
    return [(row.position, row.title) for row in list_agenda(db, meeting)]


def test_agenda_items_are_numbered_in_order(db, task_force):
    meeting = make_meeting(db, task_force)
    for title in ("Pembukaan", "Paparan data TPPO", "Penandatanganan komitmen"):
        add_agenda_item(db, meeting, AgendaDraft(title=title))

    assert _titles(db, meeting) == [
        (1, "Pembukaan"), (2, "Paparan data TPPO"), (3, "Penandatanganan komitmen"),
    ]


def test_agenda_item_needs_a_title(db, task_force):
    meeting = make_meeting(db, task_force)
    with pytest.raises(ValidationError) as refused:
        add_agenda_item(db, meeting, AgendaDraft(title=" "))
    assert refused.value.field == "title"
    assert list_agenda(db, meeting) == []


def test_update_agenda_item(db, task_force):
    meeting = make_meeting(db, task_force)
    item = add_agenda_item(db, meeting, AgendaDraft(title="Paparan"))

    update_agenda_item(db, item, AgendaDraft(title="Paparan data", presenter="Polda Kalsel",
                                             decisions="Data dipadukan"),
                       version_of(db, AgendaItem, item))

    (row,) = list_agenda(db, meeting)
    assert (row.title, row.presenter, row.decisions) == ("Paparan data", "Polda Kalsel",
                                                        "Data dipadukan")
    assert row.position == 1


def test_update_agenda_item_with_stale_version_is_a_conflict(db, task_force):
    meeting = make_meeting(db, task_force)
    item = add_agenda_item(db, meeting, AgendaDraft(title="Paparan"))
    stale = version_of(db, AgendaItem, item)
    update_agenda_item(db, item, AgendaDraft(title="Paparan A"), stale)
    with pytest.raises(ConflictError):
        update_agenda_item(db, item, AgendaDraft(title="Paparan B"), stale)
    assert list_agenda(db, meeting)[0].title == "Paparan A"


@pytest.mark.parametrize("removed, left", [
    (0, [(1, "Dua"), (2, "Tiga"), (3, "Empat")]),
    (1, [(1, "Satu"), (2, "Tiga"), (3, "Empat")]),
    (3, [(1, "Satu"), (2, "Dua"), (3, "Tiga")]),
])
def test_removing_an_agenda_item_renumbers_the_rest(db, task_force, removed, left):
    meeting = make_meeting(db, task_force)
    items = [add_agenda_item(db, meeting, AgendaDraft(title=t))
             for t in ("Satu", "Dua", "Tiga", "Empat")]

    remove_agenda_item(db, items[removed], version_of(db, AgendaItem, items[removed]))

    assert _titles(db, meeting) == left
    # A new item goes after the renumbered ones
    add_agenda_item(db, meeting, AgendaDraft(title="Lima"))
    assert _titles(db, meeting)[-1] == (4, "Lima")


def test_agenda_of_final_minutes_is_closed(db, task_force):
    meeting = _held(db, task_force, chair_name="Husnul Hatimah")
    item = add_agenda_item(db, meeting, AgendaDraft(title="Pembukaan"))
    finalise_minutes(db, meeting, _v(db, meeting))
    version = version_of(db, AgendaItem, item)

    with pytest.raises(RefusedError):
        add_agenda_item(db, meeting, AgendaDraft(title="Baru"))
    with pytest.raises(RefusedError):
        update_agenda_item(db, item, AgendaDraft(title="Ubah"), version)
    with pytest.raises(RefusedError):
        remove_agenda_item(db, item, version)
    assert _titles(db, meeting) == [(1, "Pembukaan")]


def test_agenda_of_a_cancelled_meeting_is_closed(db, task_force):
    meeting = make_meeting(db, task_force)
    cancel_meeting(db, meeting, "Banjir", _v(db, meeting))
    with pytest.raises(RefusedError):
        add_agenda_item(db, meeting, AgendaDraft(title="Pembukaan"))


# --- listing ---------------------------------------------------------------------------


def test_list_meetings_in_date_order_with_commitment_counts(db, task_force):
    dinsos = make_agency(db, "Dinsos")
    december = make_meeting(db, task_force, date(2025, 12, 2), title="Rakor Desember")
    march = make_meeting(db, task_force, date(2025, 3, 12), title="Rakor Maret")
    make_commitment(db, december, dinsos)
    make_commitment(db, december, dinsos)

    rows = list_meetings(db)

    assert [r.id for r in rows] == [march, december]
    assert {r.id: r.commitment_count for r in rows} == {march: 0, december: 2}
    assert rows[0].task_force == "GT PP-TPPO Provinsi Kalimantan Selatan"


def test_list_meetings_filters(db, task_force):
    other = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    kalsel_2024 = make_meeting(db, task_force, date(2024, 5, 16))
    kalsel_2025 = make_meeting(db, task_force, date(2025, 12, 2))
    kaltim_2025 = make_meeting(db, other, date(2025, 7, 7))
    cancel_meeting(db, kaltim_2025, "Banjir", _v(db, kaltim_2025))

    assert [r.id for r in list_meetings(db, task_force_id=task_force)] == [kalsel_2024, kalsel_2025]
    assert [r.id for r in list_meetings(db, year=2025)] == [kaltim_2025, kalsel_2025]
    assert [r.id for r in list_meetings(db, year=2024)] == [kalsel_2024]
    assert [r.id for r in list_meetings(db, status=MeetingStatus.CANCELLED)] == [kaltim_2025]
    assert list_meetings(db, task_force_id=other, year=2024) == []


def test_list_meetings_same_day_by_start_time(db, task_force):
    afternoon = make_meeting(db, task_force, DAY, start_time=time(14, 0))
    morning = make_meeting(db, task_force, DAY, start_time=time(9, 0))
    assert [r.id for r in list_meetings(db)] == [morning, afternoon]


def test_get_meeting_that_does_not_exist(db):
    with pytest.raises(NotFoundError):
        get_meeting(db, 424242)



def test_the_newest_meetings_only_for_choice_lists(db):
    from secretariat.meetings.lifecycle import list_meetings, recent_meetings

    task_force = make_task_force(db)
    days = [date(2025, month, 10) for month in (3, 1, 7, 5)]
    for day in days:
        make_meeting(db, task_force, day, title=f"Rapat {day.isoformat()}")

    newest = list_meetings(db, newest=2)

    assert [m.date for m in newest] == [date(2025, 5, 10), date(2025, 7, 10)]  # oldest first
    assert [day for _id, day, _title in recent_meetings(db, limit=2)] == [
        date(2025, 7, 10), date(2025, 5, 10)]
    assert len(list_meetings(db)) == 4
