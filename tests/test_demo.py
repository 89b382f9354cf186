"""The demo data: the realistic seed, the synthetic stress data and their invariants."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import func, select

from models import (
    Agency,
    Attendance,
    Commitment,
    CommitmentStatus,
    FollowUp,
    FollowUpSource,
    Letterhead,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Region,
    RegionLevel,
    TaskForce,
    TimeZone,
    commitment_signatories,
    commitment_supporting_agencies,
)
from models.base import Base
from secretariat.demo import DemoSummary, fill_demo
from secretariat.errors import RefusedError
from secretariat.meetings.instants import starts_at_utc
from secretariat.storage.database import open_database

TODAY = date(2026, 11, 22)
SCALE = 2000


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("seed") / "demo.sqlite3")
    summary = fill_demo(db, today=TODAY)
    yield db, summary
    db.close()


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("scaled") / "demo.sqlite3")
    summary = fill_demo(db, scale=SCALE, today=TODAY)
    yield db, summary
    db.close()


def _count(db, table) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(table))


# --------------------------------------------------------------------------- the seed


def test_seed_meetings_have_their_dates_places_and_time_zones(seeded):
    db, _summary = seeded
    with db.reading() as session:
        meetings = {m.date: m for m in session.scalars(select(Meeting))}
    expected = {
        date(2020, 3, 12): ("Banjarmasin", MeetingKind.RAKOR, TimeZone.WITA),
        date(2023, 7, 7): ("Samarinda", MeetingKind.RAKOR, TimeZone.WITA),
        date(2024, 5, 16): ("Banjarbaru", MeetingKind.RAKOR, TimeZone.WITA),
        date(2025, 8, 7): ("Bengkayang", MeetingKind.SYNCHRONISATION, TimeZone.WIB),
        date(2025, 12, 2): ("Banjarbaru", MeetingKind.RAKOR, TimeZone.WITA),
    }
    for day, (town, kind, zone) in expected.items():
        meeting = meetings[day]
        assert meeting.place.endswith(town)
        assert (meeting.kind, meeting.time_zone) == (kind, zone)
        assert meeting.status is MeetingStatus.MINUTES_FINAL
        assert meeting.start_time.hour == 9 and meeting.end_time.hour == 12
        assert meeting.invitation_number.startswith("005/")
        assert meeting.chair_name and meeting.note_taker_name and meeting.opening
    assert meetings[date(2020, 3, 12)].chair_name == "Adi Santoso"
    assert meetings[date(2025, 12, 2)].chair_name == "Husnul Hatimah"
    assert "tidak disebutkan" in meetings[date(2024, 5, 16)].notes
    assert "tidak disebutkan" in meetings[date(2023, 7, 7)].notes


def test_seed_kalsel_rakor_have_agenda_and_a_full_attendance_list(seeded):
    db, _summary = seeded
    with db.reading() as session:
        kalsel = session.scalars(
            select(Meeting).join(TaskForce).join(Region)
            .where(Region.code == "63", Meeting.kind == MeetingKind.RAKOR,
                   Meeting.status != MeetingStatus.PLANNED)
        ).all()
        assert len(kalsel) == 3
        for meeting in kalsel:
            assert 2 <= len(meeting.agenda_items) <= 4
            lines = session.scalars(
                select(Attendance).where(Attendance.meeting_id == meeting.id)
            ).all()
            assert 10 <= len(lines) <= 20
            for line in lines:
                if line.represented_by:
                    assert line.status == "represented"


def test_a_planned_rakor_lies_ahead_on_a_working_day(seeded):
    db, _summary = seeded
    with db.reading() as session:
        planned = session.scalars(
            select(Meeting).where(Meeting.status == MeetingStatus.PLANNED)
        ).one()
    assert planned.date > TODAY
    assert planned.date.weekday() < 5


def test_two_kalsel_kabupaten_have_no_formed_task_force(seeded):
    db, _summary = seeded
    with db.reading() as session:
        province = session.scalars(select(Region).where(Region.code == "63")).one()
        kab_kota = session.scalars(select(Region).where(Region.parent_id == province.id)).all()
        formed = set(session.scalars(
            select(TaskForce.region_id).where(TaskForce.formed.is_(True))
        ))
        rows = {tf.region_id: tf for tf in session.scalars(select(TaskForce))}
    assert len(kab_kota) == 13
    missing = {r.name: r.id for r in kab_kota if r.id not in formed}
    assert set(missing) == {"Kabupaten Balangan", "Kabupaten Tapin"}
    # Both ways of "not formed": a row waiting for its decree, and no row at all.
    tapin = rows[missing["Kabupaten Tapin"]]
    assert tapin.formed is False and tapin.decree_number == "" and tapin.decree_date is None
    assert missing["Kabupaten Balangan"] not in rows


def test_region_codes_levels_and_time_zones(seeded):
    db, _summary = seeded
    with db.reading() as session:
        regions = {r.code: r for r in session.scalars(select(Region))}
    assert regions["63"].level is RegionLevel.PROVINCE
    assert regions["63.01"].level is RegionLevel.REGENCY
    assert regions["63.71"].level is RegionLevel.CITY
    assert regions["64.72"].level is RegionLevel.CITY
    assert regions["63.71"].parent_id == regions["63"].id
    assert regions["61"].time_zone is TimeZone.WIB
    assert regions["64"].time_zone is TimeZone.WITA


def test_renamed_agency_keeps_its_history(seeded):
    db, _summary = seeded
    with db.reading() as session:
        by_abbreviation = select(Agency).where(Agency.abbreviation == "DP3AKB Kalsel")
        current = session.scalars(by_abbreviation).one()
        old = session.get(Agency, current.renamed_from_id)
        secretariat = session.scalars(
            select(TaskForce).join(Region).where(Region.code == "63")
        ).one().secretariat_agency_id
    assert old.abbreviation == "DP3A Kalsel" and old.active is False
    assert current.active is True and secretariat == current.id


def test_seed_commitments_show_every_state(seeded):
    db, _summary = seeded
    with db.reading() as session:
        commitments = session.scalars(select(Commitment)).all()
    statuses = {c.status for c in commitments}
    assert statuses == set(CommitmentStatus)
    assert 18 <= len(commitments) <= 25
    assert any(c.status in CommitmentStatus.open_statuses() and c.due_date < TODAY
               for c in commitments)
    assert any(c.status in CommitmentStatus.open_statuses() and c.due_date >= TODAY
               for c in commitments)
    assert any(c.confidential for c in commitments)


def test_seed_letterhead(seeded):
    db, _summary = seeded
    with db.reading() as session:
        letterhead = session.scalars(select(Letterhead).where(
            Letterhead.task_force_id.is_(None))).one()
        own = {(row.government_line, row.city) for row in session.scalars(
            select(Letterhead).where(Letterhead.task_force_id.is_not(None)))}
    assert letterhead.government_line == "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
    assert letterhead.city == "Banjarbaru"
    # The Kaltim and Bengkayang task forces, which met too, print on their own letterhead.
    assert own == {("PEMERINTAH PROVINSI KALIMANTAN TIMUR", "Samarinda"),
                   ("PEMERINTAH KABUPATEN BENGKAYANG", "Bengkayang")}


def test_summary_counts_the_database(seeded):
    db, summary = seeded
    assert isinstance(summary, DemoSummary)
    assert summary.regions == _count(db, Region) >= 18
    assert summary.commitments == _count(db, Commitment)
    assert summary.follow_ups == _count(db, FollowUp)
    assert summary.agencies >= 25 and summary.contacts >= 40


# --------------------------------------------------------------------------- invariants


def _problems(db, today: date) -> list[str]:
    """Every way the demo's meetings, commitments and follow-ups could contradict themselves."""
    problems = []
    with db.reading() as session:
        for m_id, day, start, zone, stored in session.execute(select(
                Meeting.id, Meeting.date, Meeting.start_time, Meeting.time_zone,
                Meeting.starts_at_utc)):
            if stored != starts_at_utc(day, start, zone):
                problems.append(f"meeting {m_id}: starts at {stored} UTC, not {day} {start} "
                                f"{zone}")
        meetings = {
            m_id: (tf_id, day)
            for m_id, tf_id, day in session.execute(
                select(Meeting.id, Meeting.task_force_id, Meeting.date)
            )
        }
        commitments = session.execute(select(
            Commitment.id, Commitment.meeting_id, Commitment.due_date, Commitment.status,
            Commitment.progress, Commitment.status_reason,
        )).all()
        steps = defaultdict(list)
        for row in session.execute(
            select(FollowUp.commitment_id, FollowUp.date, FollowUp.status_after,
                   FollowUp.progress_after, FollowUp.source, FollowUp.meeting_id)
            .order_by(FollowUp.commitment_id, FollowUp.date, FollowUp.id)
        ):
            steps[row.commitment_id].append(row)
    for c in commitments:
        task_force, held = meetings[c.meeting_id]
        if c.due_date is None or c.due_date < held:
            problems.append(f"{c.id}: due {c.due_date} before meeting {held}")
        if c.status is CommitmentStatus.CANNOT and not c.status_reason:
            problems.append(f"{c.id}: cannot without a reason")
        if c.status is CommitmentStatus.DONE and c.progress != 100:
            problems.append(f"{c.id}: done at {c.progress}%")
        if c.status is CommitmentStatus.NOT_STARTED and c.progress != 0:
            problems.append(f"{c.id}: not started at {c.progress}%")
        previous = -1
        for step in steps[c.id]:
            if not held <= step.date <= today:
                problems.append(f"{c.id}: follow-up on {step.date} outside {held}..{today}")
            if step.progress_after < previous:
                problems.append(f"{c.id}: progress goes back")
            previous = step.progress_after
            if step.source is FollowUpSource.MEETING:
                later_tf, later_day = meetings[step.meeting_id]
                if later_tf != task_force or later_day != step.date or later_day <= held:
                    problems.append(f"{c.id}: reported at meeting {step.meeting_id} wrongly")
        if steps[c.id]:
            last = steps[c.id][-1]
            if (last.status_after, last.progress_after) != (c.status, c.progress):
                problems.append(f"{c.id}: last follow-up {last.status_after} differs")
    return problems


@pytest.mark.parametrize("filled", ["seeded", "scaled"])
def test_commitments_and_follow_ups_are_consistent(filled, request):
    db, _summary = request.getfixturevalue(filled)
    assert _problems(db, TODAY)[:10] == []


# --------------------------------------------------------------------------- refusal


def test_second_fill_is_refused_and_changes_nothing(tmp_path):
    db = open_database(tmp_path / "demo.sqlite3")
    try:
        fill_demo(db, today=TODAY)
        before = {t.name: _count(db, t) for t in Base.metadata.sorted_tables}
        with pytest.raises(RefusedError):
            fill_demo(db, scale=50, today=TODAY)
        assert {t.name: _count(db, t) for t in Base.metadata.sorted_tables} == before
    finally:
        db.close()


def test_today_must_follow_the_seed_meetings(tmp_path):
    db = open_database(tmp_path / "demo.sqlite3")
    try:
        with pytest.raises(ValueError):
            fill_demo(db, today=date(2025, 1, 1))
        assert _count(db, Region) == 0
    finally:
        db.close()


# --------------------------------------------------------------------------- synthetic


def test_scale_adds_exactly_that_many_commitments(seeded, scaled):
    seed_db, seed_summary = seeded
    db, summary = scaled
    assert summary.commitments == seed_summary.commitments + SCALE
    assert summary.regions == seed_summary.regions
    assert summary.agencies == seed_summary.agencies
    new_meetings = summary.meetings - seed_summary.meetings
    assert SCALE / 12 <= new_meetings <= SCALE / 5
    new_follow_ups = summary.follow_ups - seed_summary.follow_ups
    assert 2.5 * SCALE <= new_follow_ups <= 3.5 * SCALE


def test_synthetic_commitments_have_helpers_signatories_and_realistic_states(seeded, scaled):
    _seed_db, seed_summary = seeded
    db, _summary = scaled
    first_synthetic = seed_summary.commitments + 1
    with db.reading() as session:
        def per_commitment(table):
            return dict(session.execute(
                select(table.c.commitment_id, func.count())
                .where(table.c.commitment_id >= first_synthetic)
                .group_by(table.c.commitment_id)
            ).all())

        helpers = per_commitment(commitment_supporting_agencies)
        signers = per_commitment(commitment_signatories)
        rows = session.execute(
            select(Commitment.status, Commitment.due_date, Meeting.date)
            .join(Meeting, Commitment.meeting_id == Meeting.id)
            .where(Commitment.id >= first_synthetic)
        ).all()
        attendance = session.scalar(select(func.count()).select_from(Attendance))
        at_meetings = session.scalar(
            select(func.count()).select_from(FollowUp)
            .where(FollowUp.source == FollowUpSource.MEETING)
            .where(FollowUp.commitment_id >= first_synthetic)
        )
    assert len(helpers) == SCALE and set(helpers.values()) <= {1, 2}
    assert len(signers) == SCALE and set(signers.values()) <= {2, 3, 4}
    old = [r.status for r in rows if r.date.year <= 2021]
    recent = [r.status for r in rows if (TODAY - r.date).days <= 90]
    assert old.count(CommitmentStatus.DONE) > 0.8 * len(old)
    assert recent.count(CommitmentStatus.DONE) < 0.5 * len(recent)
    assert any(r.status in CommitmentStatus.open_statuses() and r.due_date < TODAY for r in rows)
    assert any(r.status is CommitmentStatus.CANNOT for r in rows)
    assert attendance > SCALE / 8 * 3
    assert at_meetings > 0.05 * SCALE  # progress reported at later meetings


def test_synthetic_rows_work_with_the_orm_afterwards(tmp_path):
    db = open_database(tmp_path / "demo.sqlite3")
    try:
        fill_demo(db, scale=40, today=TODAY)
        with db.unit_of_work() as session:
            last = session.scalars(select(Commitment).order_by(Commitment.id.desc())).first()
            last.notes = "Diperbarui"
            meeting = Meeting(task_force_id=1, kind=MeetingKind.RAKOR, title="Rapat baru",
                              date=TODAY, time_zone=TimeZone.WITA,
                              starts_at_utc=starts_at_utc(TODAY, None, TimeZone.WITA))
            session.add(meeting)
            session.flush()
            # Ids continue after the bulk-inserted rows (PostgreSQL: the sequence moved on).
            assert meeting.id == session.scalar(select(func.max(Meeting.id)))
        with db.reading() as session:
            assert session.get(Commitment, last.id).version == 2
    finally:
        db.close()


def test_the_same_scale_and_today_give_the_same_data(tmp_path):
    def fingerprint(path):
        db = open_database(path)
        try:
            fill_demo(db, scale=100, today=TODAY)
            with db.reading() as session:
                return session.execute(
                    select(Commitment.text, Commitment.status, Commitment.progress,
                           Commitment.due_date, FollowUp.date, FollowUp.progress_after)
                    .outerjoin(FollowUp).order_by(Commitment.id, FollowUp.id)
                ).all()
        finally:
            db.close()

    assert fingerprint(tmp_path / "a.sqlite3") == fingerprint(tmp_path / "b.sqlite3")
