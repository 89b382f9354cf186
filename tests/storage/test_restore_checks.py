"""Restore only a real backup: checked whole, shown, agreed, and never over nothing.

A file that only claims to be a backup (the version row and no tables, a table short of a
column, an export with a header and nothing else) is refused before anything is replaced;
what a real one holds is counted for the person to agree; a damaged database can be
replaced by its backup, the very advice the refusal gives.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from models import SCHEMA_REVISION, Agency, Commitment, FollowUp, Meeting
from secretariat.cli.main import main
from secretariat.demo import fill_demo
from secretariat.errors import DatabaseProblem, ValidationError
from secretariat.storage.backup_contents import inspect_backup
from secretariat.storage.backup_restore import backup_to, restore_from
from secretariat.storage.check import check_database
from secretariat.storage.database import open_database
from secretariat.storage.portable_export import FORMAT, FORMAT_VERSION, export_database


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    db = open_database(path)
    fill_demo(db)
    yield db
    db.close()


def _counts(db) -> tuple[int, int, int, int]:
    with db.reading() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Agency, Meeting, Commitment, FollowUp))


def _only_a_version_row(path):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (SCHEMA_REVISION,))
    connection.close()
    return path


def _program(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "secretariat", *args], env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_a_real_backup_is_counted_for_the_person(demo, tmp_path):
    copy = backup_to(demo, tmp_path / "cadangan.sqlite3")
    contents = inspect_backup(copy)
    assert (contents.agencies, contents.meetings, contents.commitments,
            contents.follow_ups) == _counts(demo)
    assert contents.kind == "sqlite" and contents.revision == SCHEMA_REVISION
    assert f"{contents.commitments} komitmen" in contents.summary()


def test_an_export_is_counted_the_same(demo, tmp_path):
    export = export_database(demo, tmp_path / "ekspor.jsonl.gz")
    contents = inspect_backup(export)
    assert contents.kind == "export"
    assert (contents.agencies, contents.meetings, contents.commitments,
            contents.follow_ups) == _counts(demo)


def test_a_file_with_only_a_version_row_is_refused_and_nothing_changes(demo, tmp_path):
    before = _counts(demo)
    claim = _only_a_version_row(tmp_path / "palsu.sqlite3")

    with pytest.raises(ValidationError) as refused:
        restore_from(demo, claim)

    assert "agencies" in str(refused.value) and "commitments" in str(refused.value)
    assert _counts(demo) == before
    assert not list((tmp_path / "backups").glob("*before-restore*"))


def test_a_table_short_of_a_column_is_refused_by_name(demo, tmp_path):
    copy = backup_to(demo, tmp_path / "cadangan.sqlite3")
    with sqlite3.connect(copy) as connection:
        connection.execute("ALTER TABLE agencies DROP COLUMN website")
    connection.close()
    with pytest.raises(ValidationError) as refused:
        inspect_backup(copy)
    assert "agencies.website" in str(refused.value)


def test_an_export_with_nothing_but_its_header_is_refused(demo, tmp_path):
    before = _counts(demo)
    empty = tmp_path / "kosong.jsonl.gz"
    with gzip.open(empty, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION,
                              "schema_revision": SCHEMA_REVISION}) + "\n")
    with pytest.raises(ValidationError) as refused:
        restore_from(demo, empty)
    assert "commitments" in str(refused.value)
    assert _counts(demo) == before


def test_the_command_refuses_a_claimed_backup_in_one_indonesian_line(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    claim = _only_a_version_row(tmp_path / "palsu.sqlite3")

    done = _program("--db", str(path), "restore", "--yes", str(claim))

    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "bukan cadangan" in done.stderr and "Traceback" not in done.stderr
    assert _program("--db", str(path), "check").returncode == 0  # the data is all there


def test_the_command_shows_what_it_restores_and_asks_first(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    copy = tmp_path / "cadangan.sqlite3"
    assert main(["--db", str(path), "backup", "-o", str(copy)]) == 0

    asked = _program("--db", str(path), "restore", str(copy))  # no terminal, no --yes
    assert asked.returncode == 1 and "--yes" in asked.stderr
    assert "komitmen" in asked.stdout  # the counts were shown before the question

    done = _program("--db", str(path), "restore", "--yes", str(copy))
    assert done.returncode == 0, done.stderr
    assert "Dipulihkan" in done.stdout or "dipulihkan" in done.stdout


def test_a_damaged_database_can_be_replaced_by_its_backup(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    copy = tmp_path / "cadangan.sqlite3"
    assert main(["--db", str(path), "backup", "-o", str(copy)]) == 0
    damaged = copy.read_bytes()[:5000]
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"sekretariat.sqlite3{suffix}").unlink(missing_ok=True)
    path.write_bytes(damaged)

    done = _program("--db", str(path), "restore", "--yes", str(copy))

    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if ".rusak-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # kept, never deleted
    assert _program("--db", str(path), "check").returncode == 0


def test_a_failed_safety_copy_cancels_the_restore(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    db = open_database(path)
    fill_demo(db)
    copy = backup_to(db, tmp_path / "cadangan.sqlite3")
    before = _counts(db)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    try:
        with pytest.raises(DatabaseProblem) as refused:
            restore_from(db, copy)
        assert "dibatalkan" in str(refused.value)
        assert _counts(db) == before
    finally:
        db.close()


def test_check_names_missing_tables_instead_of_failing(tmp_path):
    claim = _only_a_version_row(tmp_path / "palsu.sqlite3")
    db = open_database(claim, upgrade=False)
    try:
        report = check_database(db)
    finally:
        db.close()
    assert not report.healthy
    assert any("agencies" in problem and "commitments" in problem
               for problem in report.problems)
