"""Backups, restores and damaged files: nothing a secretariat enters is ever lost."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime, timedelta

import pytest
from factories import make_agency, make_commitment, make_meeting, make_task_force
from sqlalchemy import func, select

from models import Agency, AgencyLevel, Commitment
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.demo import fill_demo
from secretariat.errors import DatabaseProblem, ValidationError
from secretariat.storage.backup_restore import backup_to, restore_from
from secretariat.storage.database import DamagedDatabaseError, open_database
from secretariat.storage.portable_export import export_database
from secretariat.storage.sqlite_copies import (
    BackupPolicy,
    automatic_backup,
    copy_sqlite,
    list_backups,
    rotate,
    sqlite_problem,
)

TODAY = date(2026, 11, 22)


def _count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def _agency(db, abbreviation: str) -> int:
    return create_agency(db, AgencyDraft(name=f"Instansi {abbreviation}",
                                         abbreviation=abbreviation, level=AgencyLevel.PROVINCE))


# ----------------------------------------------------------------------------- copies


def test_automatic_backup_is_a_verified_self_contained_copy(sqlite_db):
    _agency(sqlite_db, "DINSOS")
    copy = automatic_backup(sqlite_db.sqlite_path, "start")
    assert copy.parent.name == "backups"
    assert sqlite_problem(copy) is None
    assert not list(copy.parent.glob("*.partial"))
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT abbreviation FROM agencies").fetchall() == [("DINSOS",)]
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


def test_backup_while_another_connection_writes(sqlite_db):
    # Given a colleague's program writing agencies continuously
    stop = threading.Event()
    written = []

    def keep_writing():
        writer = open_database(sqlite_db.url, actor="ani")
        number = 0
        while not stop.is_set():
            number += 1
            written.append(_agency(writer, f"A{number}"))
        writer.close()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        # When backups are taken meanwhile
        copies = [automatic_backup(sqlite_db.sqlite_path, "start",
                                   now=datetime(2026, 11, 22, 9, 0, second)) for second in range(3)]
    finally:
        stop.set()
        thread.join()
    # Then each is whole and consistent, holding some prefix of what was written
    assert written
    for copy in copies:
        assert sqlite_problem(copy) is None
        with sqlite3.connect(copy) as connection:
            ids = [row[0] for row in connection.execute("SELECT id FROM agencies ORDER BY id")]
        connection.close()
        assert ids == written[: len(ids)]


def test_a_failed_copy_leaves_no_file_that_looks_like_a_backup(sqlite_db, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backups folder should be")
    with pytest.raises(DatabaseProblem):
        copy_sqlite(sqlite_db.sqlite_path, blocker / "copy.sqlite3")
    assert blocker.read_text().startswith("a file")


def test_rotation_keeps_the_newest_and_one_per_week(sqlite_db):
    start = datetime(2026, 1, 5, 8, 0)  # a Monday
    for day in range(60):  # two backups a day for sixty days
        for hour in (8, 17):
            automatic_backup(sqlite_db.sqlite_path, "start",
                             now=start + timedelta(days=day, hours=hour - 8),
                             policy=BackupPolicy(keep_last=1000, keep_weeks=1000))
    automatic_backup(sqlite_db.sqlite_path, "before-upgrade", now=start - timedelta(days=1))

    rotate(sqlite_db.sqlite_path.parent / "backups", sqlite_db.sqlite_path.stem,
           BackupPolicy(keep_last=10, keep_weeks=4))

    kept = list_backups(sqlite_db.sqlite_path)
    routine = [when for when, reason, _path in kept if reason == "start"]
    newest = sorted(routine, reverse=True)
    # the ten newest, plus the newest of each of the four newest weeks (some overlap)
    assert newest[:10] == sorted(routine, reverse=True)[:10]
    weeks = {tuple(when.isocalendar())[:2] for when in routine}
    assert len(weeks) == 4
    assert 10 <= len(routine) <= 13
    # copies made before an upgrade are never rotated away
    assert [reason for _w, reason, _p in kept].count("before-upgrade") == 1


# ----------------------------------------------------------------------------- damage


def test_a_truncated_database_is_refused_untouched_and_the_newest_good_backup_named(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    db = open_database(path)
    fill_demo(db, today=TODAY)
    db.close()
    good = automatic_backup(path, "exit")
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    damaged = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(path)

    assert refused.value.newest_backup == good
    assert str(good) in refused.value.message
    assert path.read_bytes() == damaged


@pytest.mark.parametrize("content", [b"garbage" * 500, b"SQLite format 3\x00" + b"\xff" * 2000])
def test_garbage_is_refused_as_damaged(tmp_path, content):
    path = tmp_path / "sekretariat.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseProblem):
        open_database(path)
    assert path.read_bytes() == content


def test_an_emptied_file_with_backups_is_not_taken_for_a_new_database(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    db = open_database(path)
    _agency(db, "DINSOS")
    db.close()
    automatic_backup(path, "exit")
    path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError):
        open_database(path)
    assert path.read_bytes() == b""


def test_check_reports_a_damaged_file(tmp_path, capsys):
    from secretariat.cli.main import main

    path = tmp_path / "sekretariat.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    assert main(["--db", str(path), "check"]) == 1
    assert "MASALAH" in capsys.readouterr().out


# ----------------------------------------------------------------------------- restore


def test_restore_brings_back_the_data_and_saves_the_replaced_data_first(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    db = open_database(path)
    fill_demo(db, today=TODAY)
    before = _count(db, Commitment)
    copy = backup_to(db, tmp_path / "salinan.sqlite3")
    _agency(db, "BARU")  # work done after the backup

    db, saved = restore_from(db, copy)

    assert _count(db, Commitment) == before
    with db.reading() as session:
        assert session.scalar(select(Agency.id).where(Agency.abbreviation == "BARU")) is None
    # the replaced data is itself a backup that could be restored again
    assert saved is not None and sqlite_problem(saved) is None
    with sqlite3.connect(saved) as connection:
        assert connection.execute(
            "SELECT count(*) FROM agencies WHERE abbreviation = 'BARU'").fetchone()[0] == 1
    connection.close()
    db.close()


def test_restore_refuses_damaged_foreign_and_newer_files_and_changes_nothing(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    db = open_database(path)
    _agency(db, "DINSOS")
    good = backup_to(db, tmp_path / "good.sqlite3")

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(good.read_bytes()[:5000])
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("bukan cadangan")

    for candidate in (damaged, foreign, newer, text_file):
        with pytest.raises(ValidationError):
            restore_from(db, candidate)
    assert [a.abbreviation for a in _abbreviations(db)] == ["DINSOS"]
    assert not [p for p in (tmp_path / "backups").glob("*before-restore*")] \
        if (tmp_path / "backups").exists() else True
    db.close()


def _abbreviations(db):
    with db.reading() as session:
        return list(session.scalars(select(Agency).order_by(Agency.id)))


def test_portable_export_round_trip_on_both_databases(db, tmp_path):
    # Given some records, exported
    task_force = make_task_force(db)
    meeting = make_meeting(db, task_force, date(2025, 12, 2))
    lead = make_agency(db, "DINSOS")
    make_commitment(db, meeting, lead, text="Komitmen <penting> & \"khusus\"")
    export = export_database(db, tmp_path / "ekspor.jsonl.gz")
    make_agency(db, "SESUDAH")

    # When it is restored
    db, saved = restore_from(db, export)

    # Then the data is as exported, and new records still get fresh ids
    assert [a.abbreviation for a in _abbreviations(db)] == ["DINSOS"]
    with db.reading() as session:
        assert session.scalar(select(Commitment.text)) == 'Komitmen <penting> & "khusus"'
    new_id = make_agency(db, "BARU")
    assert new_id > lead
    assert saved is not None and saved.exists()


def test_an_export_moves_data_into_a_new_sqlite_database(db, tmp_path):
    make_agency(db, "POLDA")
    export = export_database(db, tmp_path / "ekspor.jsonl.gz")
    target = open_database(tmp_path / "tujuan.sqlite3")
    target, _saved = restore_from(target, export)
    assert [a.abbreviation for a in _abbreviations(target)] == ["POLDA"]
    target.close()


def test_a_damaged_export_restores_nothing(db, tmp_path):
    make_agency(db, "POLDA")
    export = export_database(db, tmp_path / "ekspor.jsonl.gz")
    broken = tmp_path / "rusak.jsonl.gz"
    broken.write_bytes(export.read_bytes()[:-40])
    with pytest.raises(ValidationError):
        restore_from(db, broken)
    assert [a.abbreviation for a in _abbreviations(db)] == ["POLDA"]


# ----------------------------------------------------------------------------- the commands


def test_backup_and_restore_commands(tmp_path, capsys):
    from secretariat.cli.main import main

    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    copy = tmp_path / "cadangan.sqlite3"
    assert main(["--db", str(path), "backup", "-o", str(copy)]) == 0
    assert sqlite_problem(copy) is None
    assert main(["--db", str(path), "restore", "--yes", str(copy)]) == 0
    out = capsys.readouterr().out
    assert str(copy) in out
    assert main(["--db", str(path), "restore", str(tmp_path / "tidak-ada.sqlite3")]) == 1
