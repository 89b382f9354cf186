"""Every export the command line offers, on every way writing its file commonly fails.

A read-only folder, a read-only disk and a full disk are made for real (failing_places.py)
and the command runs in a process of its own, as a clerk runs it. A folder in the file's
place and a missing folder need nothing of the system: those run through `main` here, with
the garbage collected before stderr is read, so that whatever a library left open would
complain into it. Each test asserts what the clerk sees and what is left: a non-zero exit,
exactly one Indonesian line on stderr with no traceback and no English words of the
system, the old file as it was, and no partial file beside it.
"""

from __future__ import annotations

import errno
import gc
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from failing_places import (
    command,
    own_disk_unavailable,
    program_environment,
    read_only_prefix,
    run_on_small_disk,
)

from secretariat.cli.main import EXIT_FAILED, main

OLD = "dokumen lama"
DOCUMENTS = {  # the file written -> the sub-command that writes it
    "notulen.pdf": ("minutes", "1"),
    "daftar-hadir.pdf": ("attendance", "1"),
    "undangan.pdf": ("invitation", "1", "--date", "2020-03-01"),
    "matriks.pdf": ("actions",),
    "matriks.xlsx": ("actions",),
    "laporan.pdf": ("progress", "--year", "2025"),
    "laporan.xlsx": ("progress", "--year", "2025"),
    "direktori.xlsx": ("agencies",),
    "jadwal.xlsx": ("meetings",),
}
# A process per document and failure costs about a second, so each failure the system makes
# is tried on each writer once: the daftar hadir and the undangan are laid out by the same
# code as the notulen (`write_portrait`), and a read-only disk differs from a read-only
# folder only in the reason the system gives, tried on one PDF and one workbook.
ONE_PER_WRITER = ("notulen.pdf", "matriks.pdf", "matriks.xlsx", "laporan.pdf", "laporan.xlsx",
                  "direktori.xlsx", "jadwal.xlsx")
SYSTEM_FAILURES = {  # how writing fails -> the words the clerk reads, the documents tried
    "read-only folder": ("akses ditolak", ONE_PER_WRITER),
    "full disk": ("disk penuh", ONE_PER_WRITER),
    "read-only disk": ("disk atau foldernya hanya-baca", ("matriks.pdf", "matriks.xlsx")),
}
SYSTEM_CASES = [(failure, name) for failure, (_words, names) in SYSTEM_FAILURES.items()
                for name in names]
SMALL_DISK_STATES = {"read-only disk": "read-only", "full disk": "full"}
# What must never reach the clerk: the system's English, a traceback, a library's complaint.
ENGLISH = [os.strerror(number) for number in (
    errno.EROFS, errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOENT,
    errno.ENOTDIR, errno.ENAMETOOLONG, errno.EINVAL, errno.EBUSY)] + [
    "Errno", "unable to open", "Traceback", "Exception ignored", "Error:"]


def assert_one_indonesian_line(code: int, out: str, err: str, words: str) -> None:
    assert code == EXIT_FAILED
    assert out == ""  # not "Ditulis ke ..."
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("secretariat: ") and words in lines[0], lines[0]
    for english in ENGLISH:
        assert english not in err


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory, data_folder) -> Path:
    path = tmp_path_factory.mktemp("demo") / "sekretariat.sqlite3"
    made = subprocess.run(command("--db", str(path), "demo"), capture_output=True, text=True,
                          env=program_environment(data_folder), timeout=300)
    assert made.returncode == 0, made.stderr
    return path


def _read_only_folder(folder: Path, name: str, argv: list[str], env) -> dict | str:
    prefix, why_not = read_only_prefix()
    if why_not:
        return why_not
    (folder / name).write_text(OLD)
    folder.chmod(0o555)
    try:
        ran = subprocess.run(prefix + argv, capture_output=True, text=True, env=env,
                             timeout=120)
    finally:
        folder.chmod(0o755)
    return {"returncode": ran.returncode, "stdout": ran.stdout, "stderr": ran.stderr,
            "files": sorted(os.listdir(folder)), "target": (folder / name).read_text()}


def _one_case(failure: str, folder: Path, name: str, argv: list[str], env) -> dict | str:
    if failure == "read-only folder":
        return _read_only_folder(folder, name, argv, env)
    why_not = own_disk_unavailable()
    if why_not:
        return why_not
    return run_on_small_disk(SMALL_DISK_STATES[failure], folder, name, OLD, argv, env)


@pytest.fixture(scope="module")
def system_failures(tmp_path_factory, demo_database, data_folder) -> dict:
    """Every document on every failure the system makes, started together: each is a
    process of about a second. The outcome of each, or why it cannot be made here."""
    base = tmp_path_factory.mktemp("failures")
    env = program_environment(data_folder)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {}
        for failure, name in SYSTEM_CASES:
            folder = base / failure.replace(" ", "-") / name
            folder.mkdir(parents=True)
            argv = command("--db", str(demo_database), "export", *DOCUMENTS[name],
                           "-o", str(folder / name))
            futures[failure, name] = pool.submit(_one_case, failure, folder, name, argv, env)
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.parametrize(("failure", "name"), SYSTEM_CASES,
                         ids=[f"{failure}-{name}" for failure, name in SYSTEM_CASES])
def test_a_folder_or_disk_that_refuses_the_file_is_one_line_and_changes_nothing(
        system_failures, failure, name):
    outcome = system_failures[failure, name]
    if isinstance(outcome, str):
        pytest.skip(outcome)
    assert_one_indonesian_line(outcome["returncode"], outcome["stdout"], outcome["stderr"],
                               f"tidak dapat ditulis: {SYSTEM_FAILURES[failure][0]}")
    assert outcome["target"] == OLD
    assert outcome["files"] == [name]  # no partial file beside it


def _export(demo_database: Path, name: str, target: Path) -> int:
    code = main(["--db", str(demo_database), "export", *DOCUMENTS[name], "-o", str(target)])
    gc.collect()  # a workbook or canvas left open would complain now, into the capture
    return code


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_folder_in_the_file_s_place_is_left_as_it_was(demo_database, tmp_path, capfd, name):
    target = tmp_path / name
    target.mkdir()
    (target / "isi.txt").write_text(OLD)

    code = _export(demo_database, name, target)

    out, err = capfd.readouterr()
    assert_one_indonesian_line(code, out, err, "tidak dapat ditulis: itu sebuah folder")
    assert os.listdir(tmp_path) == [name]
    assert os.listdir(target) == ["isi.txt"] and (target / "isi.txt").read_text() == OLD


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_missing_folder_is_refused_not_created(demo_database, tmp_path, capfd, name):
    typo = tmp_path / "Dokumne"

    code = _export(demo_database, name, typo / name)

    out, err = capfd.readouterr()
    assert_one_indonesian_line(code, out, err, f"Folder {typo} tidak ada")
    assert os.listdir(tmp_path) == []


def test_the_command_refuses_a_missing_folder_as_a_clerk_runs_it(demo_database, data_folder,
                                                                  tmp_path):
    ran = subprocess.run(command("--db", str(demo_database), "export", "actions", "-o",
                                 str(tmp_path / "Dokumne" / "matriks.xlsx")),
                         capture_output=True, text=True, env=program_environment(data_folder),
                         timeout=120)
    assert_one_indonesian_line(ran.returncode, ran.stdout, ran.stderr, "tidak ada")
    assert os.listdir(tmp_path) == []


def test_the_refusal_is_english_when_asked(demo_database, data_folder, tmp_path):
    (tmp_path / "matriks.xlsx").mkdir()
    ran = subprocess.run(command("--lang", "en", "--db", str(demo_database), "export",
                                 "actions", "-o", str(tmp_path / "matriks.xlsx")),
                         capture_output=True, text=True, env=program_environment(data_folder),
                         timeout=120)
    assert ran.returncode == EXIT_FAILED
    assert ran.stderr.splitlines() == [
        f"secretariat: {tmp_path / 'matriks.xlsx'} cannot be written: it is a folder, not a "
        "file"]
