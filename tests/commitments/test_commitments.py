"""Commitments agreed at a meeting: recording, editing, deleting, and editing by two people."""

from __future__ import annotations

from datetime import date

import pytest
from factories import (
    DEFAULT_MEETING_DATE,
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

from models import Agency, Commitment, CommitmentStatus, FocusArea, Meeting, SubTaskForce
from secretariat.agencies.register import archive_agency
from secretariat.commitments.catalog import list_entries
from secretariat.commitments.queries import CommitmentFilter, get_commitment, list_commitments
from secretariat.commitments.recording import (
    CommitmentDraft,
    add_commitment,
    add_commitments,
    delete_commitment,
    update_commitment,
)
from secretariat.errors import (
    ConflictError,
    NotFoundError,
    RefusedError,
    ValidationError,
)
from secretariat.meetings.lifecycle import cancel_meeting, finalise_minutes, mark_held
from secretariat.storage.database import open_database

DAY = DEFAULT_MEETING_DATE


@pytest.fixture
def meeting(db) -> int:
    return make_meeting(db, make_task_force(db), DAY, chair_name="Husnul Hatimah")


@pytest.fixture
def dinsos(db) -> int:
    return make_agency(db, "Dinsos")


@pytest.fixture
def polda(db) -> int:
    return make_agency(db, "Polda")


def _draft(lead: int, text: str = "Membentuk posko pengaduan TPPO", **kw) -> CommitmentDraft:
    return CommitmentDraft(text=text, lead_agency_id=lead, **kw)


def _numbers(db, meeting_id: int) -> list[tuple[int, str]]:
    rows = list_commitments(db, CommitmentFilter(meeting_id=meeting_id), limit=None)
    return [(row.number, row.text) for row in sorted(rows, key=lambda r: r.number)]


def _v(db, commitment_id: int) -> int:
    return version_of(db, Commitment, commitment_id)


def _finalise(db, meeting_id: int) -> None:
    mark_held(db, meeting_id, version_of(db, Meeting, meeting_id), today=DAY)
    finalise_minutes(db, meeting_id, version_of(db, Meeting, meeting_id))


# --- add -------------------------------------------------------------------------------


def test_add_commitment_starts_not_started_at_zero(db, meeting, dinsos, polda):
    focus = list_entries(db, FocusArea)[0]
    sub = list_entries(db, SubTaskForce)[0]
    commitment = add_commitment(db, meeting, _draft(
        dinsos, due_date=date(2026, 3, 31), action_plan="Rapat teknis bulanan",
        focus_area_id=focus.id, sub_task_force_id=sub.id, supporting_agency_ids=(polda,),
        signatory_agency_ids=(dinsos, polda), indicator="1 posko", notes="Prioritas"))

    detail = get_commitment(db, commitment, today=DAY)
    assert detail.row.number == 1
    assert detail.row.status is CommitmentStatus.NOT_STARTED
    assert detail.row.progress == 0
    assert detail.row.lead_agency == "Dinsos"
    assert detail.row.due_date == date(2026, 3, 31)
    assert detail.row.focus_area == focus.name
    assert detail.row.sub_task_force == sub.name
    assert (detail.action_plan, detail.indicator, detail.notes) == (
        "Rapat teknis bulanan", "1 posko", "Prioritas")
    assert detail.supporting_agency_ids == (polda,)
    assert set(detail.signatory_agency_ids) == {dinsos, polda}


def test_commitments_are_numbered_after_the_ones_the_meeting_has(db, meeting, dinsos):
    add_commitment(db, meeting, _draft(dinsos, "Satu"))
    add_commitments(db, meeting, [_draft(dinsos, "Dua"), _draft(dinsos, "Tiga")])
    add_commitment(db, meeting, _draft(dinsos, "Empat"))

    assert _numbers(db, meeting) == [(1, "Satu"), (2, "Dua"), (3, "Tiga"), (4, "Empat")]


def test_numbering_is_per_meeting(db, meeting, dinsos):
    kaltim = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    other = make_meeting(db, kaltim, DAY)
    add_commitment(db, meeting, _draft(dinsos, "Kalsel 1"))
    add_commitment(db, meeting, _draft(dinsos, "Kalsel 2"))
    add_commitment(db, other, _draft(dinsos, "Kaltim 1"))
    assert _numbers(db, other) == [(1, "Kaltim 1")]


def test_add_commitments_returns_ids_in_the_order_given(db, meeting, dinsos):
    ids = add_commitments(db, meeting, [_draft(dinsos, "A"), _draft(dinsos, "B")])
    assert [get_commitment(db, i).row.text for i in ids] == ["A", "B"]


def test_a_batch_is_all_or_nothing(db, meeting, dinsos):
    # Given a batch whose second draft has no text
    drafts = [_draft(dinsos, "Sah"), _draft(dinsos, "   "), _draft(dinsos, "Juga sah")]

    # When it is recorded, it is refused on the second draft
    with pytest.raises(ValidationError) as refused:
        add_commitments(db, meeting, drafts)
    assert refused.value.field == "text"

    # Then not even the first draft was saved, and numbering starts at 1 afterwards
    assert _numbers(db, meeting) == []
    add_commitment(db, meeting, _draft(dinsos, "Sah"))
    assert _numbers(db, meeting) == [(1, "Sah")]


def test_a_batch_with_an_unknown_agency_saves_nothing(db, meeting, dinsos):
    with pytest.raises(NotFoundError):
        add_commitments(db, meeting, [_draft(dinsos, "Sah"), _draft(99_999, "Instansi hilang")])
    assert _numbers(db, meeting) == []


def test_due_date_before_the_meeting_is_refused_naming_both_dates(db, meeting, dinsos):
    with pytest.raises(ValidationError) as refused:
        add_commitment(db, meeting, _draft(dinsos, due_date=date(2025, 11, 30)))
    assert refused.value.field == "due_date"
    assert "30 November 2025" in refused.value.message
    assert "2 Desember 2025" in refused.value.message
    assert _numbers(db, meeting) == []


def test_due_on_the_meeting_day_is_fine(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos, due_date=DAY))
    assert get_commitment(db, commitment).row.due_date == DAY


def test_implausible_due_year_is_refused(db, meeting, dinsos):
    with pytest.raises(ValidationError) as refused:
        add_commitment(db, meeting, _draft(dinsos, due_date=date(2205, 1, 1)))
    assert refused.value.field == "due_date"


def test_lead_agency_cannot_also_support(db, meeting, dinsos, polda):
    with pytest.raises(ValidationError) as refused:
        add_commitment(db, meeting, _draft(dinsos, supporting_agency_ids=(polda, dinsos)))
    assert refused.value.field == "supporting_agency_ids"
    assert "Dinsos" in refused.value.message
    assert _numbers(db, meeting) == []


def test_no_lead_chosen_is_refused_at_the_lead_field(db, meeting):
    with pytest.raises(ValidationError) as refused:
        add_commitment(db, meeting, _draft(None))
    assert refused.value.field == "lead_agency_id"


def test_archived_lead_is_refused(db, meeting, dinsos):
    archive_agency(db, dinsos, version_of(db, Agency, dinsos))
    with pytest.raises(ValidationError) as refused:
        add_commitment(db, meeting, _draft(dinsos))
    assert refused.value.field == "lead_agency_id"
    assert "Dinsos" in refused.value.message


def test_archived_supporting_agency_is_refused(db, meeting, dinsos, polda):
    archive_agency(db, polda, version_of(db, Agency, polda))
    with pytest.raises(ValidationError) as refused:
        add_commitment(db, meeting, _draft(dinsos, supporting_agency_ids=(polda,)))
    assert refused.value.field == "supporting_agency_ids"


def test_repeated_supporting_agencies_are_stored_once(db, meeting, dinsos, polda):
    commitment = add_commitment(db, meeting, _draft(dinsos, supporting_agency_ids=(polda, polda)))
    assert get_commitment(db, commitment).supporting_agency_ids == (polda,)


def test_unknown_focus_area_is_not_found(db, meeting, dinsos):
    with pytest.raises(NotFoundError):
        add_commitment(db, meeting, _draft(dinsos, focus_area_id=99_999))


def test_commitments_for_a_cancelled_meeting_are_refused(db, meeting, dinsos):
    cancel_meeting(db, meeting, "Banjir", version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        add_commitment(db, meeting, _draft(dinsos))
    assert _numbers(db, meeting) == []


def test_commitments_for_final_minutes_are_refused(db, meeting, dinsos):
    _finalise(db, meeting)
    with pytest.raises(RefusedError):
        add_commitment(db, meeting, _draft(dinsos))
    assert _numbers(db, meeting) == []


def test_commitment_for_a_missing_meeting_is_not_found(db, dinsos):
    with pytest.raises(NotFoundError):
        add_commitment(db, 123_456, _draft(dinsos))


# --- update ----------------------------------------------------------------------------


def test_update_changes_what_was_agreed(db, meeting, dinsos, polda):
    commitment = add_commitment(db, meeting, _draft(dinsos, supporting_agency_ids=(polda,)))
    before = _v(db, commitment)

    update_commitment(db, commitment, _draft(polda, "Patroli perairan", due_date=date(2026, 6, 30),
                                             supporting_agency_ids=(dinsos,)), before)

    detail = get_commitment(db, commitment)
    assert (detail.row.text, detail.row.lead_agency, detail.row.due_date) == (
        "Patroli perairan", "Polda", date(2026, 6, 30))
    assert detail.supporting_agency_ids == (dinsos,)
    assert detail.row.version > before
    assert detail.row.number == 1  # its place in the minutes does not move


def test_update_keeps_status_and_progress(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    make_follow_up(db, commitment, status=CommitmentStatus.IN_PROGRESS, progress=40, when=DAY)

    update_commitment(db, commitment, _draft(dinsos, "Teks baru"), _v(db, commitment))

    row = get_commitment(db, commitment).row
    assert (row.status, row.progress) == (CommitmentStatus.IN_PROGRESS, 40)


def test_update_with_a_stale_version_is_a_conflict(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    stale = _v(db, commitment)
    update_commitment(db, commitment, _draft(dinsos, "Versi pertama"), stale)

    with pytest.raises(ConflictError):
        update_commitment(db, commitment, _draft(dinsos, "Versi kedua"), stale)
    assert get_commitment(db, commitment).row.text == "Versi pertama"


def test_update_may_keep_a_lead_archived_since(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    archive_agency(db, dinsos, version_of(db, Agency, dinsos))

    update_commitment(db, commitment, _draft(dinsos, "Perbaikan ketik"), _v(db, commitment))

    assert get_commitment(db, commitment).row.text == "Perbaikan ketik"


def test_update_may_keep_a_signatory_archived_since(db, meeting, dinsos, polda):
    # Given a commitment signed by Polda, which was archived afterwards (e.g. renamed)
    commitment = add_commitment(db, meeting, _draft(dinsos, signatory_agency_ids=(dinsos, polda)))
    archive_agency(db, polda, version_of(db, Agency, polda))

    # When a typo in the text is fixed, keeping the signatories as they signed
    update_commitment(db, commitment, _draft(dinsos, "Perbaikan ketik",
                                             signatory_agency_ids=(dinsos, polda)),
                      _v(db, commitment))

    # Then the edit is saved and history still shows who signed
    detail = get_commitment(db, commitment)
    assert detail.row.text == "Perbaikan ketik"
    assert set(detail.signatory_agency_ids) == {dinsos, polda}


def test_update_to_an_archived_lead_is_refused(db, meeting, dinsos, polda):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    archive_agency(db, polda, version_of(db, Agency, polda))
    with pytest.raises(ValidationError) as refused:
        update_commitment(db, commitment, _draft(polda), _v(db, commitment))
    assert refused.value.field == "lead_agency_id"
    assert get_commitment(db, commitment).row.lead_agency == "Dinsos"


def test_update_to_a_due_date_before_the_meeting_is_refused(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos, due_date=date(2026, 1, 31)))
    with pytest.raises(ValidationError) as refused:
        update_commitment(db, commitment, _draft(dinsos, due_date=date(2025, 1, 31)),
                          _v(db, commitment))
    assert refused.value.field == "due_date"
    assert get_commitment(db, commitment).row.due_date == date(2026, 1, 31)


def test_update_of_a_commitment_in_final_minutes_is_refused(db, meeting, dinsos):
    # Final minutes are a signed text; the commitments are part of it (ensure_editable).
    commitment = add_commitment(db, meeting, _draft(dinsos, "Teks yang ditandatangani"))
    _finalise(db, meeting)

    with pytest.raises(RefusedError):
        update_commitment(db, commitment, _draft(dinsos, "Teks diubah"), _v(db, commitment))
    assert get_commitment(db, commitment).row.text == "Teks yang ditandatangani"


def test_update_of_a_missing_commitment_is_not_found(db, dinsos):
    with pytest.raises(NotFoundError):
        update_commitment(db, 424_242, _draft(dinsos), 1)


# --- delete ----------------------------------------------------------------------------


def test_delete_renumbers_the_rest(db, meeting, dinsos):
    ids = add_commitments(db, meeting, [_draft(dinsos, t) for t in ("Satu", "Dua", "Tiga")])

    delete_commitment(db, ids[0], _v(db, ids[0]))

    assert _numbers(db, meeting) == [(1, "Dua"), (2, "Tiga")]
    add_commitment(db, meeting, _draft(dinsos, "Empat"))
    assert _numbers(db, meeting)[-1] == (3, "Empat")


def test_delete_is_refused_once_there_are_follow_ups(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    make_follow_up(db, commitment, when=DAY)

    with pytest.raises(RefusedError):
        delete_commitment(db, commitment, _v(db, commitment))
    assert _numbers(db, meeting) == [(1, "Membentuk posko pengaduan TPPO")]


def test_delete_with_a_stale_version_is_a_conflict(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    stale = _v(db, commitment)
    update_commitment(db, commitment, _draft(dinsos, "Diubah"), stale)
    with pytest.raises(ConflictError):
        delete_commitment(db, commitment, stale)
    assert len(_numbers(db, meeting)) == 1


def test_delete_in_final_minutes_is_refused(db, meeting, dinsos):
    commitment = add_commitment(db, meeting, _draft(dinsos))
    _finalise(db, meeting)
    with pytest.raises(RefusedError):
        delete_commitment(db, commitment, _v(db, commitment))
    assert len(_numbers(db, meeting)) == 1


def test_delete_removes_its_agency_links(db, meeting, dinsos, polda):
    commitment = add_commitment(db, meeting, _draft(dinsos, supporting_agency_ids=(polda,),
                                                    signatory_agency_ids=(polda,)))
    delete_commitment(db, commitment, _v(db, commitment))
    with pytest.raises(NotFoundError):
        get_commitment(db, commitment)


# --- two people, one database ----------------------------------------------------------


def test_a_stale_update_by_another_user_names_who_changed_it(db_url):
    # Given Ani and Budi working on the same database, both having opened commitment 1
    ani = open_database(db_url, actor="ani")
    budi = open_database(db_url, actor="budi")
    try:
        meeting = make_meeting(ani, make_task_force(ani), DAY)
        dinsos = make_agency(ani, "Dinsos")
        commitment = make_commitment(ani, meeting, dinsos, text="Teks awal")
        seen_by_budi = version_of(budi, Commitment, commitment)

        # When Ani saves her change first
        update_commitment(ani, commitment, _draft(dinsos, "Perubahan Ani"),
                          version_of(ani, Commitment, commitment))

        # Then Budi's save of the version he opened is refused, naming Ani
        with pytest.raises(ConflictError) as conflict:
            update_commitment(budi, commitment, _draft(dinsos, "Perubahan Budi"), seen_by_budi)
        assert "ani" in conflict.value.message
        assert get_commitment(budi, commitment).row.text == "Perubahan Ani"

        # And after reloading, Budi's change goes through and is stamped with his name
        update_commitment(budi, commitment, _draft(dinsos, "Perubahan Budi"),
                          version_of(budi, Commitment, commitment))
        with ani.reading() as session:
            stored = session.get(Commitment, commitment)
            assert (stored.text, stored.changed_by) == ("Perubahan Budi", "budi")
    finally:
        ani.close()
        budi.close()
