"""A crash never locks the clerk out, and a start that fails says why in a window.

The program is started as from its shortcut (`main([])` with no command, in this process,
offscreen); what a clerk would click is clicked by a timer watching the top-level windows.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from secretariat.cli.log_file import log_path
from secretariat.cli.main import main
from secretariat.storage.database import open_database
from secretariat.storage.instance_lock import LockHolder, lock_path, read_lock
from secretariat.storage.sqlite_copies import automatic_backup
from ui.main_window import MainWindow


def _write_lock(path, *, host: str, pid: int, user: str = "Sari") -> None:
    holder = LockHolder(host=host, user=user, pid=pid, started=datetime(2026, 12, 4, 1, 30,
                                                                         tzinfo=UTC),
                        purpose="desktop", version="0.1.0")
    lock_path(path).write_text(holder.to_json(), encoding="utf-8")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


class Clerk:
    """Answers what the program shows: the boxes by their object name, the window by closing."""

    def __init__(self, answers: dict[str, str]):
        self.answers = answers  # box object name -> text of the button to click
        self.seen: dict[str, str] = {}  # box object name -> its texts
        self.window: MainWindow | None = None
        self.timer = QTimer()
        self.timer.timeout.connect(self._look)
        self.timer.start(100)

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, QMessageBox) and widget.objectName() in self.answers:
                name = widget.objectName()
                self.seen[name] = f"{widget.text()}\n{widget.informativeText()}"
                button = next(b for b in widget.buttons()
                              if b.text().replace("&", "") == self.answers[name])
                button.click()
                return
            if isinstance(widget, MainWindow):
                self.window = widget
                self.notice = widget.findChild(object, "start_notice")
                self.notice_text = self.notice.text() if self.notice is not None else None
                widget.close()
                return

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    open_database(path).close()
    return path


def test_a_crashed_programs_lock_is_taken_over_and_said_in_the_status_bar(qtbot, database):
    _write_lock(database, host=socket.gethostname(), pid=_dead_pid())
    clerk = Clerk({})
    try:
        assert main(["--db", str(database)]) == 0
    finally:
        clerk.stop()
    assert clerk.window is not None
    assert "Sari" in clerk.notice_text and "diambil alih" in clerk.notice_text
    assert not lock_path(database).exists()  # released at exit like any lock of ours
    assert "Taking over the lock" in log_path().read_text(encoding="utf-8")


def test_a_lock_from_another_pc_is_shown_and_can_be_forced_open(qtbot, database, capsys):
    _write_lock(database, host="PC-KABID-02", pid=4242, user="Budi")
    clerk = Clerk({"start_problem": "Buka paksa…", "confirm_force_open": "Buka paksa"})
    try:
        assert main(["--db", str(database)]) == 0
    finally:
        clerk.stop()
    told = clerk.seen["start_problem"]
    assert "Budi" in told and "PC-KABID-02" in told
    assert "confirm_force_open" in clerk.seen
    assert clerk.window is not None  # the program started after the confirmation
    assert not lock_path(database).exists()


def test_closing_the_box_leaves_the_other_pcs_lock_alone(qtbot, database):
    _write_lock(database, host="PC-KABID-02", pid=4242, user="Budi")
    clerk = Clerk({"start_problem": "Tutup"})
    try:
        assert main(["--db", str(database)]) == 1
    finally:
        clerk.stop()
    assert clerk.window is None
    assert read_lock(database).user == "Budi"


def test_a_damaged_database_at_start_is_told_in_a_window_without_forcing(qtbot, tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    path.write_bytes(b"Ini bukan basis data SQLite, hanya teks biasa." * 10)
    clerk = Clerk({"start_problem": "Tutup"})
    try:
        assert main(["--db", str(path)]) == 1
    finally:
        clerk.stop()
    assert "SQLite" in clerk.seen["start_problem"]
    box_buttons = clerk.seen["start_problem"]
    assert "Buka paksa" not in box_buttons
    assert path.read_bytes().startswith(b"Ini bukan")  # nothing written


def test_an_empty_database_file_is_refused_and_a_new_one_started_only_when_asked(
        qtbot, tmp_path):
    path = tmp_path / "sekretariat.sqlite3"
    path.write_bytes(b"")
    clerk = Clerk({"start_problem": "Tutup"})
    try:
        assert main(["--db", str(path)]) == 1
    finally:
        clerk.stop()
    assert "kosong" in clerk.seen["start_problem"]
    assert path.exists() and path.stat().st_size == 0  # left as it was

    clerk = Clerk({"start_problem": "Mulai basis data baru…",
                   "confirm_new_database": "Mulai basis data baru"})
    try:
        assert main(["--db", str(path)]) == 0
    finally:
        clerk.stop()
    assert clerk.window is not None
    assert path.stat().st_size > 0  # a real, new database now


def test_an_empty_file_with_backups_beside_it_names_the_newest(tmp_path, capsys):
    path = tmp_path / "sekretariat.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    automatic_backup(path, "start", now=datetime(2026, 12, 1, 8, 0, 0))  # as a start makes
    path.write_bytes(b"")
    capsys.readouterr()

    assert main(["--db", str(path), "list", "agencies"]) == 1

    said = capsys.readouterr().err
    assert "kosong" in said and "sekretariat-20261201-080000-start.sqlite3" in said
    assert path.stat().st_size == 0
