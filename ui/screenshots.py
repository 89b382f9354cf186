"""Screenshots of the main screens for the README, taken from the real program.

    python -m ui.screenshots [--out resources/screenshots]

Builds the demonstration database in a temporary folder, opens the main window offscreen
and saves one PNG per screen, so the pictures can be renewed after every change of a screen.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path


def _settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _busiest_commitment_window(window, db):
    """The window of the open commitment with the longest follow-up story."""
    from secretariat.commitments.follow_ups import list_follow_ups
    from secretariat.commitments.queries import CommitmentFilter, list_commitments

    rows = list_commitments(db, CommitmentFilter(open_only=True), limit=None)
    busiest = max(rows, key=lambda row: len(list_follow_ups(db, row.id)))
    window.open_commitment(busiest.id)
    commitment_window = window.page("commitments").window
    commitment_window.resize(1100, 720)
    return commitment_window


def _minutes_preview(meeting_id: int, db, folder: Path):
    """The notulen of a held rakor in the program's own preview, as a clerk prints it."""
    from exports.pdf.minutes import write_minutes
    from secretariat.documents.minutes_and_attendance import minutes_report
    from ui.pdf_preview import PdfPreview

    path = write_minutes(minutes_report(db, meeting_id), folder / "Notulen.pdf")
    preview = PdfPreview(path, path.name)
    preview.resize(1000, 820)
    preview.show()
    return preview


def _new_database_home(folder: Path, out: Path, app) -> None:
    """Beranda on a new, empty database: the Memulai guide a first-time user starts from."""
    from secretariat.storage.database import open_database
    from ui.app import build_context
    from ui.main_window import MainWindow

    db = open_database(Path(folder) / "baru.sqlite3")
    window = MainWindow(build_context(db))
    window.resize(1360, 820)
    window.show()
    _settle(app)
    window.grab().save(str(out / "getting_started.png"))
    window.close()
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="resources/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = tempfile.mkdtemp(prefix="screenshots-")
    os.environ["SECRETARIAT_DATA_DIR"] = folder  # never the user's own settings or data

    from PySide6.QtWidgets import QApplication

    from secretariat.demo import fill_demo
    from secretariat.meetings.lifecycle import list_meetings
    from secretariat.storage.database import open_database
    from ui.app import build_context
    from ui.main_window import MainWindow
    from ui.qt_translations import install_qt_translations

    app = QApplication([])
    install_qt_translations(app)
    _new_database_home(Path(folder), out, app)
    db = open_database(Path(folder) / "demo.sqlite3")
    fill_demo(db)
    window = MainWindow(build_context(db))
    window.resize(1360, 820)
    window.show()
    shots = ["home", "meetings", "commitments", "progress", "agencies", "task_forces",
             "documents", "settings"]
    for key in shots:
        window.show_page(key)
        _settle(app)
        window.grab().save(str(out / f"{key}.png"))
    held = [m for m in list_meetings(db) if m.commitment_count][-1]
    window.open_meeting(held.id)
    view = window.page("meetings").view
    view.tabs.setCurrentWidget(view.minutes)
    _settle(app)
    window.grab().save(str(out / "meeting.png"))
    planned = [m for m in list_meetings(db) if m.status.value == "planned"][-1]
    window.open_meeting(planned.id)
    view.tabs.setCurrentWidget(view.carry_forward)
    _settle(app)
    window.grab().save(str(out / "carried_forward.png"))
    preview = _minutes_preview(held.id, db, Path(folder))
    _settle(app)
    preview.grab().save(str(out / "preview.png"))
    preview.close()
    commitment_window = _busiest_commitment_window(window, db)
    _settle(app)
    commitment_window.grab().save(str(out / "commitment.png"))
    commitment_window.close()
    window.close()
    db.close()
    print(f"{len(shots) + 5} screenshots written to {out}", flush=True)
    # Leave before Python's final garbage collection of Qt objects (a PySide6 crash at exit).
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
