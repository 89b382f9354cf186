"""Helper process for tests/storage/test_live_locks.py: a program that must keep its locks.

Usage: python lock_keeper.py DB_PATH PATH_NAME

Opens the database as the program does, saves one agency, runs one of the program's
paths (PATH_NAME, see PATHS) and says READY. The test then opens and closes a read-write
connection from another process, as a `secretariat list` in a terminal would, and says GO
on stdin; this process saves 47 more agencies, each in its own unit of work, says DONE
and waits to be killed. Every line is flushed at once.

The path `raw-control` bypasses the program: it writes through a plain sqlite3 connection
and drops the locks with a plain open()/close(), to show that the scenario really loses
committed rows when nothing guards them.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

from models import AgencyLevel
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.storage.database import Database, open_database

LATER_ROWS = 47


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def save_agency(db: Database, number: int) -> None:
    create_agency(db, AgencyDraft(name=f"Instansi Uji {number}", abbreviation=f"IU{number}",
                                  level=AgencyLevel.PROVINCE))


def header_check(db: Database, path: Path) -> None:
    from secretariat.storage.sqlite_copies import refuse_damaged, sqlite_problem

    refuse_damaged(path)
    assert sqlite_problem(path) is None
    assert sqlite_problem(path, full_check=False, require_program_tables=False) is None


def second_database(db: Database, path: Path) -> None:
    other = open_database(path)
    save_agency(other, 900)
    other.close()


def first_view(db: Database, path: Path) -> None:
    from secretariat.home.first_view import first_attention

    first_attention(path, date.today())


def backup(db: Database, path: Path) -> None:
    from secretariat.storage.backup_restore import backup_to
    from secretariat.storage.sqlite_copies import automatic_backup, list_backups

    backup_to(db, path.parent / "cadangan.sqlite3")
    automatic_backup(path, "test")
    list_backups(path)


def check(db: Database, path: Path) -> None:
    from secretariat.storage.check import check_database

    check_database(db)


def restore_refused(db: Database, path: Path) -> None:
    """Restoring the live file itself is refused before anything reads it."""
    from secretariat.errors import ValidationError
    from secretariat.storage.backup_restore import restore_from

    try:
        restore_from(db, path)
    except ValidationError:
        return
    raise AssertionError("the live database was accepted as a backup")


def exports(db: Database, path: Path) -> None:
    from exports.excel.matrix import write_matrix_workbook
    from exports.pdf.matrix import write_matrix_pdf
    from secretariat.documents.action_matrix import action_matrix

    report = action_matrix(db)
    write_matrix_pdf(report, path.parent / "matriks.pdf")
    write_matrix_workbook(report, path.parent / "matriks.xlsx")


def file_dialogs(db: Database, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.file_dialogs import _dialog

    app = QApplication.instance() or QApplication([])
    for name_filter in ("PDF (*.pdf)", "*"):
        dialog = _dialog(None, "Simpan", str(path.parent), name_filter)
        dialog.show()
        ends = time.monotonic() + 1.5  # the dialog's file gatherer works in a thread
        while time.monotonic() < ends:
            app.processEvents()
            time.sleep(0.02)
        dialog.close()


PATHS = {
    "header-check": header_check,
    "second-database": second_database,
    "first-view": first_view,
    "backup": backup,
    "check": check,
    "restore-refused": restore_refused,
    "exports": exports,
    "file-dialogs": file_dialogs,
    "plain-open": lambda db, path: path.read_bytes(),  # a library reading the file anyhow
}


def raw_control(path: Path) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS rows (n INTEGER)")
    connection.execute("INSERT INTO rows VALUES (0)")
    path.read_bytes()
    say("READY")
    sys.stdin.readline()
    for number in range(1, LATER_ROWS + 1):
        connection.execute("INSERT INTO rows VALUES (?)", (number,))
    say("DONE")


def main() -> None:
    path, name = Path(sys.argv[1]), sys.argv[2]
    if name == "raw-control":
        raw_control(path)
    else:
        db = open_database(path, actor="lock-keeper")
        save_agency(db, 0)
        PATHS[name](db, path)
        say("READY")
        sys.stdin.readline()
        for number in range(1, LATER_ROWS + 1):
            save_agency(db, number)
        say("DONE")
    time.sleep(600)  # killed by the test


if __name__ == "__main__":
    main()
