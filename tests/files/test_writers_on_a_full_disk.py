"""Each writer on a disk that fills up part way: a fake at the OS boundary, on every system.

The file `write_atomically` opens is replaced by one whose writes fail with ENOSPC, as a
full disk's do, once a given number of bytes is in it; everything above it (openpyxl,
ReportLab, the cleanup after the failure) is the real thing. test_export_failures.py makes
a real full disk where Linux allows it; this one runs on Windows and macOS too, and a
failure half-way through a workbook, after openpyxl has begun its archive, is sure here.

Python reports an exception raised where nobody can catch it (in `__del__`, in a generator
closed by the garbage collector) through `sys.unraisablehook`, which prints "Exception
ignored in: ... Traceback" under the clerk's message: it is watched through a collection
after each write.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
from datetime import date

import pytest

import exports.files
from exports.excel.matrix import write_matrix_workbook
from exports.excel.progress import write_progress_workbook
from exports.excel.registers import write_agency_directory, write_meeting_schedule
from exports.pdf.attendance import write_attendance
from exports.pdf.matrix import write_matrix_pdf
from exports.pdf.minutes import write_minutes
from exports.pdf.progress import write_progress_pdf
from secretariat.demo import fill_demo
from secretariat.documents.action_matrix import action_matrix
from secretariat.documents.minutes_and_attendance import attendance_sheet, minutes_report
from secretariat.documents.progress_report import progress_report, report_task_force
from secretariat.documents.registers import agency_directory, meeting_schedule
from secretariat.errors import FileProblem
from secretariat.storage.database import open_database

TODAY = date(2026, 2, 1)
OLD = b"dokumen lama"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict:
    """What each writer takes, read once from the demonstration data."""
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3", actor="tester")
    try:
        fill_demo(db, today=TODAY)
        progress = progress_report(db, report_task_force(db), date(2025, 1, 1),
                                   date(2025, 12, 31), today=TODAY)
        matrix = action_matrix(db, today=TODAY)
        return {
            "notulen.pdf": (write_minutes, minutes_report(db, 1)),
            "daftar-hadir.pdf": (write_attendance, attendance_sheet(db, 1)),
            "matriks.pdf": (write_matrix_pdf, matrix),
            "matriks.xlsx": (write_matrix_workbook, matrix),
            "laporan.pdf": (write_progress_pdf, progress),
            "laporan.xlsx": (write_progress_workbook, progress),
            "direktori.xlsx": (write_agency_directory, agency_directory(db, today=TODAY)),
            "jadwal.xlsx": (write_meeting_schedule, meeting_schedule(db, today=TODAY)),
        }
    finally:
        db.close()


def full_disk_after(room: int):
    """An `open` for `write_atomically` whose file takes `room` bytes, then says ENOSPC."""
    class FillingFile(io.FileIO):
        def write(self, data) -> int:
            if self.tell() + len(data) > room:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return super().write(data)

    def fake_open(path, mode="rb", *args, **kwargs):
        assert mode == "wb"
        return io.BufferedWriter(FillingFile(path, mode))
    return fake_open


@pytest.fixture
def unraisable(monkeypatch) -> list:
    caught: list = []
    monkeypatch.setattr(sys, "unraisablehook", caught.append)
    return caught


@pytest.mark.parametrize("room", [0, 4096], ids=["full-at-once", "full-after-4-KB"])
@pytest.mark.parametrize("name", ["notulen.pdf", "daftar-hadir.pdf", "matriks.pdf",
                                  "matriks.xlsx", "laporan.pdf", "laporan.xlsx",
                                  "direktori.xlsx", "jadwal.xlsx"])
def test_a_disk_that_fills_up_leaves_the_old_file_and_nothing_else(
        reports, tmp_path, monkeypatch, unraisable, name, room):
    write, report = reports[name]
    target = tmp_path / name
    target.write_bytes(OLD)
    monkeypatch.setattr(exports.files, "open", full_disk_after(room), raising=False)

    with pytest.raises(FileProblem) as refused:
        write(report, target)
    gc.collect()

    assert refused.value.message == (f"{target} tidak dapat ditulis: disk penuh (kosongkan "
                                     "sebagian ruang, lalu coba lagi)")
    assert unraisable == []  # nothing complained after the fact
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == [name]


def test_a_workbook_that_fails_leaves_none_of_openpyxl_s_temporary_files(
        reports, tmp_path, monkeypatch, unraisable):
    # A write-only sheet keeps its rows in a temporary file until the workbook is saved.
    temporary = tmp_path / "temp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    monkeypatch.setattr(exports.files, "open", full_disk_after(4096), raising=False)
    write, report = reports["laporan.xlsx"]

    with pytest.raises(FileProblem):
        write(report, tmp_path / "laporan.xlsx")
    gc.collect()

    assert unraisable == [] and os.listdir(temporary) == []
