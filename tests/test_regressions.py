"""Defects found in review, each pinned by the behaviour a clerk should get instead."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from factories import (
    DEFAULT_MEETING_DATE,
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_task_force,
    version_of,
)

from models import Agency, AttendanceStatus, CommitmentStatus, ContactPerson, Meeting, MeetingKind
from secretariat.agencies.contacts import ContactDraft, add_contact, update_contact
from secretariat.agencies.register import delete_agency
from secretariat.cli.main import main
from secretariat.commitments.queries import CommitmentSort, list_commitments
from secretariat.errors import RefusedError, ValidationError
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.lifecycle import MeetingDraft, cancel_meeting, update_meeting
from secretariat.storage.database import open_database
from secretariat.storage.sqlite_copies import automatic_backup, sqlite_problem

TODAY = date(2026, 11, 22)


def test_cancelling_a_meeting_that_has_commitments_is_refused(db):
    meeting = make_meeting(db, make_task_force(db), date(2026, 12, 10))
    make_commitment(db, meeting, make_agency(db, "DINSOS"))
    with pytest.raises(RefusedError):
        cancel_meeting(db, meeting, "Ditunda", version_of(db, Meeting, meeting))


def test_a_meeting_cannot_move_past_the_follow_ups_of_its_commitments(db):
    task_force = make_task_force(db)
    meeting = make_meeting(db, task_force, date(2025, 12, 2))
    commitment = make_commitment(db, meeting, make_agency(db, "DINSOS"))
    make_follow_up(db, commitment, when=date(2025, 12, 10), today=TODAY)
    draft = MeetingDraft(task_force_id=task_force, kind=MeetingKind.RAKOR, title="Rakor",
                         date=date(2025, 12, 20))
    with pytest.raises(ValidationError) as refused:
        update_meeting(db, meeting, draft, version_of(db, Meeting, meeting))
    assert refused.value.field == "date"


def test_an_agency_whose_person_attended_elsewhere_is_refused_deletion_readably(db):
    # Given a person who attended for DP3A and has since moved to Dinsos
    dp3a, dinsos = make_agency(db, "DP3A"), make_agency(db, "DINSOS")
    person = add_contact(db, ContactDraft(agency_id=dp3a, name="Siti Nuriyani"))
    meeting = make_meeting(db, make_task_force(db), DEFAULT_MEETING_DATE)
    add_attendance(db, meeting, AttendanceDraft(person_id=person, status=AttendanceStatus.INVITED))
    update_contact(db, person, ContactDraft(agency_id=dinsos, name="Siti Nuriyani"),
                   version_of(db, ContactPerson, person))
    # When Dinsos is deleted, the refusal explains, instead of blaming a colleague
    with pytest.raises(RefusedError):
        delete_agency(db, dinsos, version_of(db, Agency, dinsos))


def test_status_sorts_in_follow_up_order(db):
    meeting = make_meeting(db, make_task_force(db), date(2025, 12, 2))
    lead = make_agency(db, "DINSOS")
    done = make_commitment(db, meeting, lead)
    make_follow_up(db, done, status=CommitmentStatus.DONE, progress=100, today=TODAY)
    cannot = make_commitment(db, meeting, lead)
    make_follow_up(db, cannot, status=CommitmentStatus.CANNOT,
                   status_reason="Perkara di pengadilan", today=TODAY)
    make_commitment(db, meeting, lead)
    rows = list_commitments(db, sort=CommitmentSort.STATUS, today=TODAY)
    assert [row.status for row in rows] == [CommitmentStatus.NOT_STARTED, CommitmentStatus.DONE,
                                            CommitmentStatus.CANNOT]


def test_backups_work_in_folders_whose_names_hold_uri_characters(tmp_path):
    folder = tmp_path / "Data #2 100%25 selesai"
    path = folder / "sekretariat.sqlite3"
    open_database(path).close()
    copy = automatic_backup(path, "start")
    assert sqlite_problem(copy) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # no stray database


def test_a_live_wal_database_is_not_judged_by_its_header_size(tmp_path):
    # During a checkpoint the header may announce pages the file has not grown to yet.
    path = tmp_path / "sekretariat.sqlite3"
    open_database(path).close()
    header = bytearray(path.read_bytes()[:100])
    assert header[18] == header[19] == 2  # WAL mode
    keeper = sqlite3.connect(path)  # keeps the -wal file in place, as a running program does
    keeper.execute("CREATE TABLE IF NOT EXISTS probe (x)")
    data = bytearray(path.read_bytes())
    data[28:32] = (int.from_bytes(data[28:32], "big") + 50).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    assert sqlite_problem(path, full_check=False, require_program_tables=False) is None
    keeper.close()


def test_reading_commands_neither_create_nor_upgrade_a_database(tmp_path, capsys):
    missing = tmp_path / "salah-ketik.sqlite3"
    for command in (["list", "agencies"], ["backup", "-o", str(tmp_path / "c.sqlite3")]):
        assert main(["--db", str(missing), *command]) == 1
    assert not missing.exists()
    assert "secretariat demo" in capsys.readouterr().err
