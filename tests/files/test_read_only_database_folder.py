"""A whole database in a folder the clerk may only read is not called damaged.

The program keeps its log of changes (-wal, -shm) beside the database; where it may not
write there, SQLite answered "attempt to write a readonly database" and the program said
the file was damaged, with no backup to name: a clerk would think the data lost.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from secretariat.cli.main import main
from tests.files.failing_places import command, program_environment, read_only_prefix


def test_a_database_in_a_read_only_folder_is_refused_for_what_it_is(tmp_path):
    prefix, why_not = read_only_prefix()
    if why_not:
        pytest.skip(why_not)
    folder = tmp_path / "arsip"
    path = folder / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    before = path.read_bytes()
    for part in (tmp_path, folder, path):  # readable by the user the command runs as
        os.chmod(part, 0o755 if part.is_dir() else 0o644)
    os.chmod(folder, 0o555)
    data = tmp_path / "data"
    data.mkdir(mode=0o777)
    os.chmod(data, 0o777)
    try:
        done = subprocess.run(prefix + command("--db", str(path), "list", "agencies"),
                              env=program_environment(data), capture_output=True, text=True,
                              timeout=120)
    finally:
        os.chmod(folder, 0o755)
    assert done.returncode == 1
    assert "rusak" not in done.stderr
    assert "menulis di foldernya" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
