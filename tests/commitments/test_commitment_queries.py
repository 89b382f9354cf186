"""Reading commitments: filters, sorting, paging, counting, carry-forward and the detail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_province,
    make_task_force,
)

from models import CommitmentStatus, FocusArea, SubTaskForce
from secretariat.commitments.catalog import list_entries
from secretariat.commitments.queries import (
    CommitmentFilter,
    CommitmentSort,
    carry_forward,
    count_commitments,
    get_commitment,
    list_commitments,
)
from secretariat.errors import NotFoundError, ValidationError

TODAY = date(2026, 2, 1)

NOT_STARTED = CommitmentStatus.NOT_STARTED
IN_PROGRESS = CommitmentStatus.IN_PROGRESS
DONE = CommitmentStatus.DONE
CANNOT = CommitmentStatus.CANNOT


@dataclass
class World:
    kalsel: int
    kaltim: int
    dinsos: int
    polda: int
    kejati: int
    march: int  # Kalsel meetings, oldest first
    july: int
    december: int
    january: int
    kaltim_may: int
    focus: int
    sub: int
    # commitments, by what makes them different
    data: int  # march, Dinsos, due 2025-06-30 (overdue), not started, focus
    patrol: int  # march, Polda, due 2026-03-31, in progress 40%, sub
    shelter: int  # march, Dinsos, no due date, done
    court: int  # july, Kejati, due 2025-09-30, cannot
    hotline: int  # july, Dinsos, due 2026-01-31 (overdue by 1 day), in progress 70%, confidential
    posko: int  # december, Polda, due 2026-02-01 (due today), not started
    later: int  # january 2026, Dinsos, not started
    samarinda: int  # Kaltim, Dinsos, due 2025-06-30, not started


@pytest.fixture
def world(db) -> World:
    kalsel = make_task_force(db, make_province(db, "63", "Kalimantan Selatan"))
    kaltim = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    dinsos, polda, kejati = (make_agency(db, a) for a in ("Dinsos", "Polda", "Kejati"))
    march = make_meeting(db, kalsel, date(2025, 3, 12), title="Rakor Maret")
    july = make_meeting(db, kalsel, date(2025, 7, 7), title="Rakor Juli")
    december = make_meeting(db, kalsel, date(2025, 12, 2), title="Rakor Desember")
    january = make_meeting(db, kalsel, date(2026, 1, 20), title="Rakor Januari")
    kaltim_may = make_meeting(db, kaltim, date(2025, 5, 1), title="Rakor Kaltim")
    focus = list_entries(db, FocusArea)[0].id
    sub = list_entries(db, SubTaskForce)[4].id

    data = make_commitment(db, march, dinsos, text="Menyusun data terpadu korban TPPO",
                           due_date=date(2025, 6, 30), focus_area_id=focus)
    patrol = make_commitment(db, march, polda, text="Patroli pelabuhan Trisakti",
                             action_plan="Operasi gabungan dengan KSOP",
                             due_date=date(2026, 3, 31), sub_task_force_id=sub,
                             supporting_agency_ids=(dinsos, kejati),
                             signatory_agency_ids=(polda, dinsos))
    shelter = make_commitment(db, march, dinsos, text="Rumah aman bagi korban")
    court = make_commitment(db, july, kejati, text="Tuntutan maksimal pelaku",
                            due_date=date(2025, 9, 30))
    hotline = make_commitment(db, july, dinsos, text="Layanan pengaduan 24 jam",
                              due_date=date(2026, 1, 31), confidential=True)
    posko = make_commitment(db, december, polda, text="Posko terpadu di Banjarbaru",
                            due_date=date(2026, 2, 1))
    later = make_commitment(db, january, dinsos, text="Sosialisasi di sekolah",
                            due_date=date(2026, 6, 30))
    samarinda = make_commitment(db, kaltim_may, dinsos, text="Pendataan PMI Samarinda",
                                due_date=date(2025, 6, 30))

    make_follow_up(db, patrol, status=IN_PROGRESS, progress=40, when=date(2025, 4, 1),
                   today=TODAY)
    make_follow_up(db, shelter, status=DONE, when=date(2025, 5, 1), today=TODAY)
    make_follow_up(db, court, status=CANNOT, status_reason="Terdakwa meninggal",
                   when=date(2025, 8, 1), today=TODAY)
    make_follow_up(db, hotline, status=IN_PROGRESS, progress=70, when=date(2025, 8, 1),
                   today=TODAY)
    return World(kalsel, kaltim, dinsos, polda, kejati, march, july, december, january,
                 kaltim_may, focus, sub, data, patrol, shelter, court, hotline, posko, later,
                 samarinda)


ALL = CommitmentFilter()


def _ids(db, flt: CommitmentFilter = ALL, **kw) -> list[int]:
    kw.setdefault("today", TODAY)
    return [row.id for row in list_commitments(db, flt, limit=None, **kw)]


def _set(db, flt: CommitmentFilter = ALL, **kw) -> set[int]:
    ids = _ids(db, flt, **kw)
    # the count must agree with the unpaged list for every filter
    assert count_commitments(db, flt, today=kw.get("today", TODAY)) == len(ids)
    return set(ids)


# --- filters ---------------------------------------------------------------------------


def test_without_filter_every_commitment_is_listed(db, world):
    assert len(_set(db)) == 8


def test_filter_by_statuses(db, world):
    w = world
    assert _set(db, CommitmentFilter(statuses=(DONE,))) == {w.shelter}
    assert _set(db, CommitmentFilter(statuses=(DONE, CANNOT))) == {w.shelter, w.court}
    assert _set(db, CommitmentFilter(statuses=("in_progress",))) == {w.patrol, w.hotline}


def test_open_only(db, world):
    w = world
    assert _set(db, CommitmentFilter(open_only=True)) == {
        w.data, w.patrol, w.hotline, w.posko, w.later, w.samarinda}


def test_overdue_is_open_and_strictly_past_due(db, world):
    w = world
    # due today (posko) is not overdue; the cannot one (court) and the done one are not either
    assert _set(db, CommitmentFilter(overdue=True)) == {w.data, w.hotline, w.samarinda}
    assert _set(db, CommitmentFilter(overdue=True), today=date(2025, 7, 1)) == {
        w.data, w.samarinda}


def test_rows_carry_overdue_and_days_late(db, world):
    rows = {r.id: r for r in list_commitments(db, today=TODAY)}
    assert (rows[world.data].overdue, rows[world.data].days_late) == (True, 216)
    assert (rows[world.hotline].overdue, rows[world.hotline].days_late) == (True, 1)
    assert (rows[world.posko].overdue, rows[world.posko].days_late) == (False, 0)
    assert (rows[world.court].overdue, rows[world.court].days_late) == (False, 0)


def test_filter_by_lead_agency(db, world):
    w = world
    assert _set(db, CommitmentFilter(lead_agency_id=w.polda)) == {w.patrol, w.posko}
    assert _set(db, CommitmentFilter(lead_agency_id=w.kejati)) == {w.court}


def test_filter_by_meeting(db, world):
    w = world
    assert _set(db, CommitmentFilter(meeting_id=w.march)) == {w.data, w.patrol, w.shelter}


def test_filter_by_task_force(db, world):
    w = world
    assert _set(db, CommitmentFilter(task_force_id=w.kaltim)) == {w.samarinda}
    assert w.samarinda not in _set(db, CommitmentFilter(task_force_id=w.kalsel))
    assert len(_set(db, CommitmentFilter(task_force_id=w.kalsel))) == 7


def test_filter_by_focus_area_and_sub_task_force(db, world):
    w = world
    assert _set(db, CommitmentFilter(focus_area_id=w.focus)) == {w.data}
    assert _set(db, CommitmentFilter(sub_task_force_id=w.sub)) == {w.patrol}


def test_filter_by_due_window_includes_both_ends(db, world):
    w = world
    window = CommitmentFilter(due_from=date(2025, 9, 30), due_to=date(2026, 2, 1))
    assert _set(db, window) == {w.court, w.hotline, w.posko}
    assert _set(db, CommitmentFilter(due_from=date(2026, 3, 1))) == {w.patrol, w.later}
    assert _set(db, CommitmentFilter(due_to=date(2025, 6, 30))) == {w.data, w.samarinda}


def test_a_reversed_due_window_is_refused(db, world):
    reversed_window = CommitmentFilter(due_from=date(2026, 2, 1), due_to=date(2026, 1, 1))
    with pytest.raises(ValidationError) as refused:
        list_commitments(db, reversed_window, today=TODAY)
    assert refused.value.field == "due_to"
    with pytest.raises(ValidationError):
        count_commitments(db, reversed_window, today=TODAY)


def test_text_search_in_text_and_action_plan_any_case(db, world):
    w = world
    assert _set(db, CommitmentFilter(text="  KORBAN ")) == {w.data, w.shelter}
    assert _set(db, CommitmentFilter(text="ksop")) == {w.patrol}
    assert _set(db, CommitmentFilter(text="tidak ada")) == set()


def test_text_search_takes_percent_and_underscore_literally(db, world):
    # A clerk searching "100%" means the characters, not "100 followed by anything"
    literal = make_commitment(db, world.december, world.dinsos, text="Cakupan 100% desa")
    make_commitment(db, world.december, world.dinsos, text="Sebanyak 100 desa dilatih")
    snake = make_commitment(db, world.december, world.dinsos, text="Kode kegiatan A_1")
    make_commitment(db, world.december, world.dinsos, text="Kode kegiatan AB1")

    assert _set(db, CommitmentFilter(text="100%")) == {literal}
    assert _set(db, CommitmentFilter(text="a_1")) == {snake}


def test_confidential_commitments_can_be_left_out(db, world):
    everything = _set(db)
    public = _set(db, CommitmentFilter(include_confidential=False))
    assert everything - public == {world.hotline}


def test_filters_combine(db, world):
    w = world
    flt = CommitmentFilter(lead_agency_id=w.dinsos, open_only=True, task_force_id=w.kalsel,
                           include_confidential=False)
    assert _set(db, flt) == {w.data, w.later}


def test_empty_database_lists_nothing(db):
    assert list_commitments(db, today=TODAY) == []
    assert count_commitments(db, today=TODAY) == 0


# --- sorting and paging ----------------------------------------------------------------


def test_default_sort_is_by_due_date_with_undated_last(db, world):
    w = world
    ids = _ids(db)
    assert ids[-1] == w.shelter  # no due date
    # equal due dates keep agreement order: the March meeting before the Kaltim one (May)
    assert ids[:2] == [w.data, w.samarinda]
    assert ids[2:7] == [w.court, w.hotline, w.posko, w.patrol, w.later]


def test_descending_due_date_still_puts_undated_last(db, world):
    w = world
    ids = _ids(db, descending=True)
    assert ids[0] == w.later
    assert ids[-1] == w.shelter


def test_sort_by_meeting(db, world):
    w = world
    assert _ids(db, sort=CommitmentSort.MEETING) == [
        w.data, w.patrol, w.shelter, w.samarinda, w.court, w.hotline, w.posko, w.later]
    assert _ids(db, sort=CommitmentSort.MEETING, descending=True)[0] == w.later


def test_sort_by_lead_agency(db, world):
    leads = [r.lead_agency for r in list_commitments(db, sort=CommitmentSort.LEAD_AGENCY,
                                                      limit=None, today=TODAY)]
    assert leads == ["Dinsos"] * 5 + ["Kejati"] + ["Polda"] * 2


def test_sort_by_progress(db, world):
    progress = [r.progress for r in list_commitments(db, sort="progress", descending=True,
                                                      limit=None, today=TODAY)]
    assert progress == sorted(progress, reverse=True)
    assert progress[:3] == [100, 70, 40]


def test_sort_by_status_groups_statuses(db, world):
    statuses = [r.status for r in list_commitments(db, sort=CommitmentSort.STATUS, limit=None,
                                                    today=TODAY)]
    # each status forms one block, and descending reverses the blocks
    blocks = [s for i, s in enumerate(statuses) if i == 0 or statuses[i - 1] != s]
    assert len(blocks) == len(set(statuses)) == 4
    backwards = [r.status for r in list_commitments(db, sort=CommitmentSort.STATUS,
                                                     descending=True, limit=None, today=TODAY)]
    assert [s for i, s in enumerate(backwards) if i == 0 or backwards[i - 1] != s] == blocks[::-1]


def test_paging_walks_the_same_order(db, world):
    everything = _ids(db)
    pages = [
        [r.id for r in list_commitments(db, offset=offset, limit=3, today=TODAY)]
        for offset in (0, 3, 6)
    ]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert sum(pages, []) == everything
    assert list_commitments(db, offset=8, limit=3, today=TODAY) == []


def test_count_ignores_paging(db, world):
    flt = CommitmentFilter(open_only=True)
    assert len(list_commitments(db, flt, limit=2, today=TODAY)) == 2
    assert count_commitments(db, flt, today=TODAY) == 6


# --- carry forward ---------------------------------------------------------------------


def test_carry_forward_brings_open_commitments_of_earlier_meetings(db, world):
    w = world
    rows = carry_forward(db, w.december, today=TODAY)

    # open ones from March and July, oldest meeting first, in agreement order; not the done
    # (shelter) or cannot (court) ones, not December's own, not January's, not Kaltim's
    assert [r.id for r in rows] == [w.data, w.patrol, w.hotline]
    assert [r.meeting_title for r in rows] == ["Rakor Maret", "Rakor Maret", "Rakor Juli"]
    assert rows[0].overdue and rows[0].days_late == 216


def test_carry_forward_for_the_latest_meeting(db, world):
    w = world
    assert [r.id for r in carry_forward(db, w.january, today=TODAY)] == [
        w.data, w.patrol, w.hotline, w.posko]


def test_carry_forward_for_the_first_meeting_is_empty(db, world):
    assert carry_forward(db, world.march, today=TODAY) == []


def test_carry_forward_stays_within_the_task_force(db, world):
    w = world
    kaltim_june = make_meeting(db, w.kaltim, date(2025, 6, 1))
    assert [r.id for r in carry_forward(db, kaltim_june, today=TODAY)] == [w.samarinda]


def test_carry_forward_drops_a_commitment_once_it_is_done(db, world):
    w = world
    make_follow_up(db, w.data, status=DONE, when=date(2025, 11, 1), today=TODAY)
    assert w.data not in [r.id for r in carry_forward(db, w.december, today=TODAY)]


def test_carry_forward_of_a_missing_meeting_is_not_found(db):
    with pytest.raises(NotFoundError):
        carry_forward(db, 313_131, today=TODAY)


# --- detail ----------------------------------------------------------------------------


def test_get_commitment_with_supporting_and_signatory_agencies(db, world):
    w = world
    detail = get_commitment(db, w.patrol, today=TODAY)

    assert detail.row.id == w.patrol
    assert (detail.row.number, detail.row.meeting_id, detail.row.meeting_date) == (
        2, w.march, date(2025, 3, 12))
    assert (detail.row.lead_agency_id, detail.row.lead_agency) == (w.polda, "Polda")
    assert (detail.row.status, detail.row.progress) == (IN_PROGRESS, 40)
    assert detail.action_plan == "Operasi gabungan dengan KSOP"
    assert detail.sub_task_force_id == w.sub
    assert detail.row.sub_task_force != ""
    assert detail.supporting_agencies == ("Dinsos", "Kejati")
    assert detail.supporting_agency_ids == (w.dinsos, w.kejati)
    assert detail.signatory_agencies == ("Dinsos", "Polda")
    assert detail.signatory_agency_ids == (w.dinsos, w.polda)


def test_get_commitment_keeps_the_reason_it_cannot_be_followed_up(db, world):
    detail = get_commitment(db, world.court, today=TODAY)
    assert detail.row.status is CANNOT
    assert detail.status_reason == "Terdakwa meninggal"
    assert detail.supporting_agencies == ()


def test_get_commitment_that_does_not_exist(db):
    with pytest.raises(NotFoundError):
        get_commitment(db, 404_404, today=TODAY)
