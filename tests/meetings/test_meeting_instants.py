"""Meetings in WIB, WITA and WIT in the order they happen, and meetings past midnight.

09.00 WIT is 07.00 WIB: by the wall clock it comes after 08.00 WIB, by the instant first.
Lists, "earlier meeting" comparisons and clashes go by the instant
(`secretariat.meetings.instants`); a year or a week still goes by the meetings' own dates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

from models import Commitment, CommitmentStatus, FollowUpSource, Meeting, TimeZone
from secretariat.cli.main import EXIT_OK, main
from secretariat.commitments.follow_ups import FollowUpDraft, record_follow_up, report_meetings
from secretariat.commitments.queries import CommitmentFilter, carry_forward, list_commitments
from secretariat.commitments.rows import CommitmentSort
from secretariat.documents.action_matrix import action_matrix
from secretariat.errors import ValidationError
from secretariat.home.attention import attention
from secretariat.meetings.lifecycle import (
    get_meeting,
    list_meetings,
    meeting_draft,
    recent_meetings,
    update_meeting,
)

DAY = date(2025, 7, 7)  # a Monday
EVE = date(2025, 7, 6)
TODAY = date(2025, 7, 9)


@dataclass(frozen=True)
class TaskForces:
    kalbar: int  # WIB
    kalsel: int  # WITA
    papua: int  # WIT


@pytest.fixture
def task_forces(db) -> TaskForces:
    return TaskForces(
        make_task_force(db, make_province(db, "61", "Kalimantan Barat", TimeZone.WIB),
                        name="GT PP-TPPO Provinsi Kalimantan Barat"),
        make_task_force(db, make_province(db, "63", "Kalimantan Selatan", TimeZone.WITA),
                        name="GT PP-TPPO Provinsi Kalimantan Selatan"),
        make_task_force(db, make_province(db, "94", "Papua", TimeZone.WIT),
                        name="GT PP-TPPO Provinsi Papua"),
    )


@pytest.fixture
def spread(db, task_forces) -> list[int]:
    """Kalsel meets at 09.00 in each zone; others near those instants. In instant order."""
    tf = task_forces

    def meeting(task_force, day, start, zone, title):
        return make_meeting(db, task_force, day, start_time=start, time_zone=zone, title=title)

    # Scheduled out of order, so ids say nothing about the order expected.
    wib = meeting(tf.kalsel, DAY, time(9, 0), TimeZone.WIB, "Kalsel 09.00 WIB")  # 02.00 UTC
    papua = meeting(tf.papua, DAY, time(10, 30), None, "Papua 10.30 WIT")  # 01.30 UTC
    wita = meeting(tf.kalsel, DAY, time(9, 0), None, "Kalsel 09.00 WITA")  # 01.00 UTC
    early = meeting(tf.kalbar, DAY, time(7, 30), None, "Kalbar 07.30 WIB")  # 00.30 UTC
    wit = meeting(tf.kalsel, DAY, time(9, 0), TimeZone.WIT, "Kalsel 09.00 WIT")  # 00.00 UTC
    late = meeting(tf.kalbar, EVE, time(23, 30), None, "Kalbar 23.30 WIB, eve")  # 16.30 UTC
    unset = meeting(tf.kalsel, DAY, None, None, "Kalsel, hour not fixed")  # 00.00 WITA, 16.00
    return [unset, late, wit, early, wita, papua, wib]


def test_meetings_are_listed_by_the_instant_they_start_not_by_the_wall_clock(db, spread):
    rows = list_meetings(db)
    assert [row.id for row in rows] == spread
    assert rows[2].starts_at == datetime(2025, 7, 7, 0, 0, tzinfo=UTC)  # 09.00 WIT
    assert rows[0].starts_at == datetime(2025, 7, 6, 16, 0, tzinfo=UTC)  # 00.00 WITA


def test_one_task_force_the_newest_and_the_choice_lists_go_by_the_instant(db, task_forces,
                                                                         spread):
    unset, _late, wit, _early, wita, _papua, wib = spread
    assert [row.id for row in list_meetings(db, task_force_id=task_forces.kalsel)] == [
        unset, wit, wita, wib]
    assert [row.id for row in list_meetings(db, newest=2)] == spread[-2:]
    assert [meeting_id for meeting_id, _day, _title in recent_meetings(db, limit=3)] == \
        spread[:-4:-1]
    # A year is the meetings' own calendar: the eve's meeting is of its own date.
    assert [row.id for row in list_meetings(db, year=2025)] == spread


def test_the_command_line_lists_meetings_by_instant_with_the_utc_start(db, spread, capsys):
    assert main(["--db", db.url, "list", "meetings", "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert [meeting["id"] for meeting in listed] == spread
    wit = listed[2]
    assert (wit["date"], wit["start_time"], wit["time_zone"]) == ("2025-07-07", "09:00", "WIT")
    assert wit["starts_at"] == "2025-07-07T00:00:00+00:00"
    assert wit["ends_next_day"] is False


def test_this_weeks_meetings_on_the_home_page_go_by_the_instant(db, spread):
    # The week is Monday 7 to Sunday 13 July by the meetings' dates: the eve is not in it.
    report = attention(db, DAY)
    assert [row.id for row in report.meetings_this_week.rows] == [
        meeting for meeting in spread if meeting != spread[1]]


def test_earlier_meetings_are_earlier_by_the_instant(db, task_forces):
    # Given Kalsel's rakor at 09.00 WIT and its follow-up meeting at 08.30 WIB the same day
    # (01.30 UTC, an hour and a half later although its clock shows an earlier hour)
    dinsos = make_agency(db, "Dinsos")
    first = make_meeting(db, task_forces.kalsel, DAY, start_time=time(9, 0),
                         time_zone=TimeZone.WIT, title="Rakor pagi")
    second = make_meeting(db, task_forces.kalsel, DAY, start_time=time(8, 30),
                          time_zone=TimeZone.WIB, title="Rapat lanjutan")
    agreed_first = make_commitment(db, first, dinsos, text="Dari rakor pagi")
    agreed_second = make_commitment(db, second, dinsos, text="Dari rapat lanjutan")

    # Then the first's open commitment is carried to the second, never the reverse
    assert [row.id for row in carry_forward(db, second, today=TODAY)] == [agreed_first]
    assert carry_forward(db, first, today=TODAY) == []
    # and progress on the second's commitment cannot be reported at the first
    assert [meeting for meeting, _day, _title in report_meetings(db, agreed_second,
                                                                  today=TODAY)] == [second]
    with pytest.raises(ValidationError) as refused:
        record_follow_up(db, agreed_second, FollowUpDraft(
            CommitmentStatus.IN_PROGRESS, FollowUpSource.MEETING, meeting_id=first, progress=10),
            version_of(db, Commitment, agreed_second), today=TODAY)
    assert refused.value.field == "meeting_id"


def test_the_action_matrix_and_commitment_lists_take_meetings_in_instant_order(db, spread):
    dinsos = make_agency(db, "Dinsos")
    for meeting in reversed(spread):  # agreed in the opposite order
        make_commitment(db, meeting, dinsos, text=f"Komitmen rapat {meeting}")
    matrix = action_matrix(db, CommitmentFilter(), today=TODAY)
    expected = [f"Komitmen rapat {meeting}" for meeting in spread]
    assert [row.text for row in matrix.rows()] == expected
    by_meeting = list_commitments(db, sort=CommitmentSort.MEETING, today=TODAY)
    assert [row.text for row in by_meeting] == expected


def test_a_meeting_from_20_to_01_ends_the_next_day(db, task_forces):
    evening = make_meeting(db, task_forces.kalsel, DAY, start_time=time(20, 0),
                           end_time=time(1, 0), title="Rapat malam")
    morning_after = make_meeting(db, task_forces.kalsel, date(2025, 7, 8),
                                 start_time=time(0, 30), title="Rapat dini hari")

    row = get_meeting(db, evening)
    assert (row.date, row.start_time, row.end_time) == (DAY, time(20, 0), time(1, 0))
    assert row.ends_next_day and not get_meeting(db, morning_after).ends_next_day
    assert row.starts_at == datetime(2025, 7, 7, 12, 0, tzinfo=UTC)
    assert [m.id for m in list_meetings(db)] == [evening, morning_after]


def test_changing_the_zone_or_the_time_moves_the_instant(db, task_forces):
    meeting = make_meeting(db, task_forces.kalsel, DAY, start_time=time(9, 0))
    draft, version = meeting_draft(db, meeting)
    update_meeting(db, meeting, replace(draft, time_zone=TimeZone.WIT, start_time=time(10, 0)),
                   version)
    assert get_meeting(db, meeting).starts_at == datetime(2025, 7, 7, 1, 0, tzinfo=UTC)
    with db.reading() as session:
        assert session.get(Meeting, meeting).version == version + 1


@pytest.mark.parametrize(("start", "end"), [(time(9, 0), time(8, 0)), (time(12, 0), time(0, 30))])
def test_an_end_that_would_make_a_meeting_last_past_half_a_day_is_refused(db, task_forces,
                                                                          start, end):
    """09.00 to 08.00 is a slip of the keyboard, not a 23-hour rakor: said, not saved."""
    with pytest.raises(ValidationError) as refused:
        make_meeting(db, task_forces.kalsel, DAY, start_time=start, end_time=end)
    assert refused.value.field == "end_time"
    assert "Periksa waktu selesai" in str(refused.value)
    assert list_meetings(db) == []
