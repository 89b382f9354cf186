"""`secretariat backup -o FILE` fails like the exports: one Indonesian line, nothing left.

SQLite's own "unable to open database file" said nothing of why; the copy's file is now
made by the program first, so the system's reason is told in words. Made for real as in
test_export_failures.py (see failing_places.py).
"""

from __future__ import annotations

import os
import subprocess

import pytest
from failing_places import (
    command,
    own_disk_unavailable,
    program_environment,
    read_only_prefix,
    run_on_small_disk,
)

from secretariat.cli.main import EXIT_FAILED, main

OLD = "cadangan lama"


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> tuple:
    path = tmp_path_factory.mktemp("demo") / "sekretariat.sqlite3"
    env = program_environment(tmp_path_factory.mktemp("data"))
    made = subprocess.run(command("--db", str(path), "demo"), capture_output=True, text=True,
                          env=env, timeout=300)
    assert made.returncode == 0, made.stderr
    return path, env


def _assert_one_line(code: int, err: str, words: str) -> None:
    assert code == EXIT_FAILED
    assert len(err.splitlines()) == 1 and words in err, err
    assert "unable to open" not in err and "Traceback" not in err and "Errno" not in err


def test_a_backup_into_a_read_only_folder(demo_database, tmp_path):
    prefix, why_not = read_only_prefix()
    if why_not:
        pytest.skip(why_not)
    path, env = demo_database
    (tmp_path / "cadangan.sqlite3").write_text(OLD)
    tmp_path.chmod(0o555)
    try:
        ran = subprocess.run(prefix + command("--db", str(path), "backup", "-o",
                                              str(tmp_path / "cadangan.sqlite3")),
                             capture_output=True, text=True, env=env, timeout=120)
    finally:
        tmp_path.chmod(0o755)
    _assert_one_line(ran.returncode, ran.stderr, "tidak dapat ditulis ke")
    assert "akses ditolak" in ran.stderr
    assert os.listdir(tmp_path) == ["cadangan.sqlite3"]
    assert (tmp_path / "cadangan.sqlite3").read_text() == OLD


def test_a_backup_onto_a_full_disk(demo_database, tmp_path):
    why_not = own_disk_unavailable()
    if why_not:
        pytest.skip(why_not)
    path, env = demo_database
    outcome = run_on_small_disk("full", tmp_path, "cadangan.sqlite3", OLD, command(
        "--db", str(path), "backup", "-o", str(tmp_path / "cadangan.sqlite3")), env)
    _assert_one_line(outcome["returncode"], outcome["stderr"], "disk penuh")
    assert outcome["files"] == ["cadangan.sqlite3"] and outcome["target"] == OLD


def test_a_backup_into_a_missing_folder_is_refused_not_created(demo_database, tmp_path, capfd):
    path, _env = demo_database
    code = main(["--db", str(path), "backup", "-o", str(tmp_path / "Cadngan" / "x.sqlite3")])
    _assert_one_line(code, capfd.readouterr().err, "tidak ada; tidak ada yang ditulis")
    assert os.listdir(tmp_path) == []
