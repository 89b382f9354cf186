"""Follow-ups (tindak lanjut) and the status rules they move a commitment by."""

from __future__ import annotations

from datetime import date

import pytest
from factories import (
    DEFAULT_MEETING_DATE,
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

from models import Commitment, CommitmentStatus, FollowUpSource, Meeting
from secretariat.commitments.follow_ups import FollowUpDraft, list_follow_ups, record_follow_up
from secretariat.commitments.queries import get_commitment
from secretariat.commitments.status import days_late, is_overdue, settle_status
from secretariat.errors import ConflictError, NotFoundError, RefusedError, ValidationError
from secretariat.meetings.lifecycle import cancel_meeting

DAY = DEFAULT_MEETING_DATE  # the meeting that agreed the commitment
TODAY = date(2026, 2, 1)

NOT_STARTED = CommitmentStatus.NOT_STARTED
IN_PROGRESS = CommitmentStatus.IN_PROGRESS
DONE = CommitmentStatus.DONE
CANNOT = CommitmentStatus.CANNOT


@pytest.fixture
def task_force(db) -> int:
    return make_task_force(db)


@pytest.fixture
def dinsos(db) -> int:
    return make_agency(db, "Dinsos")


@pytest.fixture
def commitment(db, task_force, dinsos) -> int:
    meeting = make_meeting(db, task_force, DAY)
    return make_commitment(db, meeting, dinsos, due_date=date(2026, 1, 31))


def _record(db, commitment_id: int, status=IN_PROGRESS, *, today=TODAY, **kw) -> int:
    kw.setdefault("source", FollowUpSource.LETTER)
    if "meeting_id" not in kw:
        kw.setdefault("date", date(2026, 1, 10))
    draft = FollowUpDraft(status=status, **kw)
    return record_follow_up(db, commitment_id, draft, version_of(db, Commitment, commitment_id),
                            today=today)


def _state(db, commitment_id: int) -> tuple[CommitmentStatus, int, str]:
    detail = get_commitment(db, commitment_id, today=TODAY)
    return detail.row.status, detail.row.progress, detail.status_reason


# --- status and progress ---------------------------------------------------------------


def test_a_follow_up_moves_status_and_progress(db, commitment, dinsos):
    entry = _record(db, commitment, IN_PROGRESS, progress=40, reporting_agency_id=dinsos,
                    note="Surat edaran ke kabupaten", obstacles="Anggaran terbatas")

    assert _state(db, commitment) == (IN_PROGRESS, 40, "")
    (row,) = list_follow_ups(db, commitment)
    assert row.id == entry
    assert (row.status_after, row.progress_after) == (IN_PROGRESS, 40)
    assert (row.reporting_agency, row.note, row.obstacles) == (
        "Dinsos", "Surat edaran ke kabupaten", "Anggaran terbatas")
    assert row.date == date(2026, 1, 10)


def test_a_follow_up_bumps_the_commitments_version(db, commitment):
    before = version_of(db, Commitment, commitment)
    _record(db, commitment, IN_PROGRESS, progress=10)
    assert version_of(db, Commitment, commitment) > before


def test_done_implies_full_progress(db, commitment):
    _record(db, commitment, DONE)
    assert _state(db, commitment)[:2] == (DONE, 100)
    assert list_follow_ups(db, commitment)[0].progress_after == 100


def test_done_with_less_than_full_progress_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, DONE, progress=80)
    assert refused.value.field == "progress"
    assert _state(db, commitment)[:2] == (NOT_STARTED, 0)
    assert list_follow_ups(db, commitment) == []


def test_not_started_with_progress_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, NOT_STARTED, progress=10)
    assert refused.value.field == "progress"


def test_in_progress_at_full_progress_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=100)
    assert refused.value.field == "progress"
    assert list_follow_ups(db, commitment) == []


def test_in_progress_without_progress_keeps_the_previous_figure(db, commitment):
    _record(db, commitment, IN_PROGRESS, progress=30, date=date(2026, 1, 5))
    _record(db, commitment, IN_PROGRESS, date=date(2026, 1, 10), note="Rapat teknis")
    assert _state(db, commitment)[:2] == (IN_PROGRESS, 30)


def test_a_follow_up_that_reports_nothing_is_refused(db, commitment):
    # Given a commitment in progress at 30 %
    _record(db, commitment, IN_PROGRESS, progress=30, date=date(2026, 1, 5), note="Rapat")
    # When a follow-up arrives with no text and the same status and progress
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=30, note="  \n ", obstacles=" ")
    # Then it is refused at the note field, and the log keeps only the first entry
    assert refused.value.field == "note"
    assert len(list_follow_ups(db, commitment)) == 1


@pytest.mark.parametrize("what", [{"note": "Surat dikirim"}, {"obstacles": "Anggaran"},
                                  {"progress": 40}])
def test_a_follow_up_with_a_word_or_a_new_figure_is_recorded(db, commitment, what):
    _record(db, commitment, IN_PROGRESS, progress=30, date=date(2026, 1, 5), note="Rapat")
    _record(db, commitment, IN_PROGRESS, **({"progress": 30} | what))
    assert len(list_follow_ups(db, commitment)) == 2


@pytest.mark.parametrize("progress", [-1, 101, True])
def test_progress_out_of_range_is_refused(db, commitment, progress):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=progress)
    assert refused.value.field == "progress"


def test_cannot_without_a_reason_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, CANNOT, status_reason="  ")
    assert refused.value.field == "status_reason"
    assert _state(db, commitment)[0] is NOT_STARTED


def test_cannot_with_a_reason_keeps_it_until_the_status_moves_on(db, commitment):
    # Given a commitment that cannot be followed up, for a reason
    _record(db, commitment, CANNOT, status_reason="Perkara masih di pengadilan",
            date=date(2026, 1, 5))
    assert _state(db, commitment) == (CANNOT, 0, "Perkara masih di pengadilan")

    # When work resumes later, the old reason no longer applies
    _record(db, commitment, IN_PROGRESS, progress=20, date=date(2026, 1, 20),
            status_reason="Diabaikan")
    assert _state(db, commitment) == (IN_PROGRESS, 20, "")
    assert [r.status_reason for r in list_follow_ups(db, commitment)] == [
        "", "Perkara masih di pengadilan"]


def test_unknown_status_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, "finished")
    assert refused.value.field == "status"


def test_unknown_source_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=10, source="pigeon")
    assert refused.value.field == "source"


def test_unknown_reporting_agency_is_not_found(db, commitment):
    with pytest.raises(NotFoundError):
        _record(db, commitment, IN_PROGRESS, progress=10, reporting_agency_id=99_999)
    assert list_follow_ups(db, commitment) == []


def test_stale_version_is_a_conflict(db, commitment):
    stale = version_of(db, Commitment, commitment)
    _record(db, commitment, IN_PROGRESS, progress=10)
    with pytest.raises(ConflictError):
        record_follow_up(db, commitment, FollowUpDraft(
            status=DONE, source=FollowUpSource.PHONE, date=date(2026, 1, 12)), stale, today=TODAY)
    assert _state(db, commitment)[0] is IN_PROGRESS
    assert len(list_follow_ups(db, commitment)) == 1


def test_follow_up_on_a_missing_commitment_is_not_found(db):
    with pytest.raises(NotFoundError):
        record_follow_up(db, 555_555, FollowUpDraft(status=DONE, source=FollowUpSource.LETTER,
                                                    date=TODAY), 1, today=TODAY)


# --- dates -----------------------------------------------------------------------------


def test_date_before_the_agreeing_meeting_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=10, date=date(2025, 12, 1))
    assert refused.value.field == "date"
    assert "2 Desember 2025" in refused.value.message
    assert list_follow_ups(db, commitment) == []


def test_date_on_the_meeting_day_is_fine(db, commitment):
    _record(db, commitment, IN_PROGRESS, progress=10, date=DAY)
    assert list_follow_ups(db, commitment)[0].date == DAY


def test_future_date_is_refused(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=10, date=date(2026, 2, 2), today=TODAY)
    assert refused.value.field == "date"
    assert list_follow_ups(db, commitment) == []


def test_a_follow_up_dated_today_is_fine(db, commitment):
    _record(db, commitment, IN_PROGRESS, progress=10, date=TODAY, today=TODAY)
    assert list_follow_ups(db, commitment)[0].date == TODAY


def test_a_follow_up_needs_a_date_unless_a_meeting_gives_it(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=10, date=None)
    assert refused.value.field == "date"


# --- reported at a meeting -------------------------------------------------------------


def test_reported_at_a_meeting_takes_the_meetings_date(db, task_force, commitment):
    january = make_meeting(db, task_force, date(2026, 1, 15), title="Rakor Januari")

    _record(db, commitment, IN_PROGRESS, progress=50, source=FollowUpSource.MEETING,
            meeting_id=january)

    (row,) = list_follow_ups(db, commitment)
    assert (row.meeting_id, row.date, row.source) == (january, date(2026, 1, 15),
                                                      FollowUpSource.MEETING)


def test_source_meeting_requires_the_meeting(db, commitment):
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=50, source=FollowUpSource.MEETING)
    assert refused.value.field == "meeting_id"
    assert list_follow_ups(db, commitment) == []


def test_meeting_of_another_task_force_is_refused(db, commitment):
    kaltim = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    foreign = make_meeting(db, kaltim, date(2026, 1, 15))

    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=50, source=FollowUpSource.MEETING,
                meeting_id=foreign)
    assert refused.value.field == "meeting_id"
    assert list_follow_ups(db, commitment) == []


def test_cancelled_meeting_is_refused(db, task_force, commitment):
    january = make_meeting(db, task_force, date(2026, 1, 15))
    cancel_meeting(db, january, "Banjir", version_of(db, Meeting, january))
    with pytest.raises(RefusedError):
        _record(db, commitment, IN_PROGRESS, progress=50, source=FollowUpSource.MEETING,
                meeting_id=january)


def test_reporting_meeting_in_the_future_is_refused(db, task_force, commitment):
    march = make_meeting(db, task_force, date(2026, 3, 1))
    with pytest.raises(ValidationError) as refused:
        _record(db, commitment, IN_PROGRESS, progress=50, source=FollowUpSource.MEETING,
                meeting_id=march, today=TODAY)
    assert refused.value.field == "date"


def test_unknown_reporting_meeting_is_not_found(db, commitment):
    with pytest.raises(NotFoundError):
        _record(db, commitment, IN_PROGRESS, progress=50, source=FollowUpSource.MEETING,
                meeting_id=777_777)


# --- order of reports ------------------------------------------------------------------


def test_an_older_report_entered_late_does_not_overwrite_a_newer_status(db, commitment):
    # Given the commitment was reported done on 20 January
    _record(db, commitment, DONE, date=date(2026, 1, 20))

    # When a report of 5 January (in progress, 40%) is entered afterwards
    _record(db, commitment, IN_PROGRESS, progress=40, date=date(2026, 1, 5))

    # Then the commitment stays done, and the log holds both in date order
    assert _state(db, commitment)[:2] == (DONE, 100)
    assert [(r.date, r.status_after) for r in list_follow_ups(db, commitment)] == [
        (date(2026, 1, 20), DONE), (date(2026, 1, 5), IN_PROGRESS)]


def test_a_newer_report_does_overwrite(db, commitment):
    _record(db, commitment, IN_PROGRESS, progress=40, date=date(2026, 1, 5))
    _record(db, commitment, DONE, date=date(2026, 1, 20))
    assert _state(db, commitment)[:2] == (DONE, 100)


def test_the_last_entered_report_of_the_same_day_wins(db, commitment):
    _record(db, commitment, IN_PROGRESS, progress=40, date=date(2026, 1, 5))
    _record(db, commitment, IN_PROGRESS, progress=60, date=date(2026, 1, 5))
    assert _state(db, commitment)[:2] == (IN_PROGRESS, 60)


def test_list_follow_ups_newest_first(db, commitment):
    first = _record(db, commitment, IN_PROGRESS, progress=10, date=date(2026, 1, 3))
    third = _record(db, commitment, IN_PROGRESS, progress=50, date=date(2026, 1, 25))
    second = _record(db, commitment, IN_PROGRESS, progress=30, date=date(2026, 1, 12))
    same_day = _record(db, commitment, IN_PROGRESS, progress=60, date=date(2026, 1, 25))

    assert [r.id for r in list_follow_ups(db, commitment)] == [same_day, third, second, first]


def test_list_follow_ups_of_a_commitment_without_any(db, commitment):
    assert list_follow_ups(db, commitment) == []


# --- overdue (pure rules) --------------------------------------------------------------


DUE = date(2026, 1, 31)


@pytest.mark.parametrize("status", [NOT_STARTED, IN_PROGRESS])
def test_open_commitment_past_its_due_date_is_overdue(status):
    assert is_overdue(status, DUE, date(2026, 2, 10))
    assert days_late(status, DUE, date(2026, 2, 10)) == 10


@pytest.mark.parametrize("status", [NOT_STARTED, IN_PROGRESS])
def test_not_overdue_on_the_due_date_itself(status):
    assert not is_overdue(status, DUE, DUE)
    assert days_late(status, DUE, DUE) == 0


@pytest.mark.parametrize("status", [DONE, CANNOT])
def test_closed_commitments_are_never_overdue(status):
    assert not is_overdue(status, DUE, date(2027, 1, 1))
    assert days_late(status, DUE, date(2027, 1, 1)) == 0


def test_without_due_date_nothing_is_overdue():
    assert not is_overdue(IN_PROGRESS, None, date(2030, 1, 1))
    assert days_late(IN_PROGRESS, None, date(2030, 1, 1)) == 0


def test_settle_status_fills_implied_progress():
    assert settle_status(DONE, None, "", previous_progress=40) == (DONE, 100, "")
    assert settle_status(NOT_STARTED, None, "", previous_progress=40) == (NOT_STARTED, 0, "")
    assert settle_status("in_progress", None, "", previous_progress=40) == (IN_PROGRESS, 40, "")
    assert settle_status(CANNOT, None, " Force majeure ", previous_progress=40) == (
        CANNOT, 40, "Force majeure")
