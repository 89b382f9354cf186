"""The `secretariat` command line: lists, JSON, failures as one readable line, check.

These tests use SQLite files only; the command treats every URL alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from factories import make_agency, make_commitment, make_follow_up, make_meeting, make_task_force

from models import CommitmentStatus
from secretariat.cli.main import EXIT_FAILED, EXIT_OK, main
from secretariat.storage.database import open_database

TODAY = date(2026, 2, 1)


@pytest.fixture
def db_path(tmp_path):
    """A fresh, empty database file (created and migrated)."""
    path = tmp_path / "cli.sqlite3"
    open_database(path, actor="tester").close()
    return path


@pytest.fixture
def filled_path(tmp_path):
    """A database with one task force, two agencies, one meeting and three commitments."""
    path = tmp_path / "filled.sqlite3"
    db = open_database(path, actor="tester")
    try:
        dinsos = make_agency(db, "Dinsos", name="Dinas Sosial Provinsi Kalimantan Selatan")
        polda = make_agency(db, "Polda", name="Kepolisian Daerah Kalimantan Selatan")
        meeting = make_meeting(db, make_task_force(db), date(2025, 12, 2), title="Rakor TPPO")
        done = make_commitment(db, meeting, dinsos, text="Rumah aman bagi korban")
        make_commitment(db, meeting, polda, text="Patroli pelabuhan", due_date=date(2026, 1, 5))
        make_commitment(db, meeting, dinsos, text="Data terpadu", due_date=date(2026, 6, 30))
        make_follow_up(db, done, status=CommitmentStatus.DONE, when=date(2025, 12, 20),
                       today=TODAY)
    finally:
        db.close()
    return path


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _assert_one_line_failure(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("secretariat: ")
    assert "Traceback" not in err


# --- list ------------------------------------------------------------------------------


def test_list_meetings_json_on_an_empty_database_is_an_empty_list(capsys, db_path):
    code, out, err = _run(capsys, "--db", db_path, "list", "meetings", "--json")
    assert code == EXIT_OK
    assert json.loads(out) == []
    assert err == ""


def test_list_meetings_json_has_iso_dates_and_codes(capsys, filled_path):
    code, out, _err = _run(capsys, "--db", filled_path, "list", "meetings", "--json")
    assert code == EXIT_OK
    (meeting,) = json.loads(out)
    assert meeting["date"] == "2025-12-02"
    assert meeting["status"] == "planned"
    assert meeting["kind"] == "rakor"
    assert meeting["commitment_count"] == 3
    assert meeting["status_label"]  # a readable label beside the code


def test_list_commitments_by_indonesian_status_label(capsys, filled_path):
    code, out, err = _run(capsys, "--db", filled_path, "list", "commitments",
                          "--status", "selesai", "--json")
    assert code == EXIT_OK, err
    rows = json.loads(out)
    assert [(r["text"], r["status"]) for r in rows] == [("Rumah aman bagi korban", "done")]
    assert rows[0]["status_label"] == "Selesai"


@pytest.mark.parametrize("status", ["done", "Dalam Proses", "belum ditindaklanjuti"])
def test_list_commitments_by_status_code_or_label(capsys, filled_path, status):
    code, out, err = _run(capsys, "--db", filled_path, "list", "commitments",
                          "--status", status, "--json")
    assert code == EXIT_OK, err
    expected = {"done": 1, "Dalam Proses": 0, "belum ditindaklanjuti": 2}[status]
    assert len(json.loads(out)) == expected


def test_repeated_status_options_combine(capsys, filled_path):
    code, out, _err = _run(capsys, "--db", filled_path, "list", "commitments", "--json",
                           "--status", "selesai", "--status", "not_started")
    assert code == EXIT_OK
    assert len(json.loads(out)) == 3


def test_an_unknown_status_is_one_line_on_stderr(capsys, filled_path):
    code, out, err = _run(capsys, "--db", filled_path, "list", "commitments",
                          "--status", "nonsense")
    assert code == EXIT_FAILED
    assert out == ""
    _assert_one_line_failure(err)
    assert "nonsense" in err


def test_list_commitments_by_agency(capsys, filled_path):
    code, out, _err = _run(capsys, "--db", filled_path, "list", "commitments", "--json",
                           "--agency", "polda")
    assert code == EXIT_OK
    assert [r["text"] for r in json.loads(out)] == ["Patroli pelabuhan"]


def test_an_unknown_agency_fails(capsys, filled_path):
    code, out, err = _run(capsys, "--db", filled_path, "list", "commitments", "--agency", "XYZ")
    assert code == EXIT_FAILED
    assert out == ""
    _assert_one_line_failure(err)
    assert "XYZ" in err


def test_an_unknown_meeting_fails(capsys, filled_path):
    code, _out, err = _run(capsys, "--db", filled_path, "list", "commitments", "--meeting", 999)
    assert code == EXIT_FAILED
    _assert_one_line_failure(err)
    assert "999" in err


def test_list_agencies_prints_a_table(capsys, filled_path):
    code, out, err = _run(capsys, "--db", filled_path, "list", "agencies")
    assert code == EXIT_OK
    assert err == ""
    lines = out.strip().splitlines()
    # a header line, one line per agency (sorted by abbreviation), then the row count
    assert len(lines) == 4
    assert lines[1].startswith("Dinsos") and "Dinas Sosial Provinsi Kalimantan Selatan" in lines[1]
    assert lines[2].startswith("Polda") and "Kepolisian Daerah" in lines[2]
    assert "2" in lines[-1]
    # columns line up: the name column starts at the same place on every data line
    assert lines[1].index("Dinas") == lines[2].index("Kepolisian")


def test_list_agencies_json(capsys, filled_path):
    code, out, _err = _run(capsys, "--db", filled_path, "list", "agencies", "--json")
    assert code == EXIT_OK
    assert [a["abbreviation"] for a in json.loads(out)] == ["Dinsos", "Polda"]


# --- check -----------------------------------------------------------------------------


def test_check_on_a_missing_file_fails_without_creating_it(capsys, tmp_path):
    missing = tmp_path / "nowhere" / "missing.sqlite3"
    code, _out, err = _run(capsys, "--db", missing, "check")
    assert code != EXIT_OK
    _assert_one_line_failure(err)
    assert not missing.exists()


def test_check_on_a_fresh_database_is_healthy(capsys, db_path):
    code, out, err = _run(capsys, "--db", db_path, "check")
    assert code == EXIT_OK, out + err
    assert err == ""
    assert str(db_path) in out


def test_check_on_a_filled_database_is_healthy(capsys, filled_path):
    code, out, _err = _run(capsys, "--db", filled_path, "check")
    assert code == EXIT_OK, out


def test_check_on_a_file_that_is_not_a_database_fails(capsys, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    code, out, err = _run(capsys, "--db", junk, "check")
    # a damaged file is a finding of the check: reported with the others, not a crash
    assert code == EXIT_FAILED
    assert "MASALAH" in out and err == ""


def test_a_wrong_argument_is_one_line_on_stderr(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(tmp_path / "x.sqlite3"), "list", "nonsense"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "nonsense" in err


def test_a_listing_cut_short_by_its_reader_says_nothing(db_path):
    """`secretariat list agencies | head -1`: the closed pipe is no error to report."""
    # Far more than a pipe holds (64 KiB), so the writer really meets the closed pipe.
    command = (f"{sys.executable} -m secretariat --db '{db_path}' demo --scale 1500 "
               f">/dev/null && {sys.executable} -m secretariat --db '{db_path}' "
               "list commitments --json | head -1")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""
