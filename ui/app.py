"""Starting the desktop program.

Until the full main window lands this shows the database in use and what it holds, so a
clerk who starts the program sees that it works and where their data is.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from secretariat.check import check_database
from secretariat.i18n import _, current_language
from secretariat.network_paths import network_share_warning


def _install_qt_translations(app: QApplication) -> None:
    """Qt's own catalogue, so stock buttons and dialogs speak the user's language."""
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(current_language()), "qtbase", "_", path):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(current_language()))


class StartWindow(QMainWindow):
    def __init__(self, db) -> None:
        super().__init__()
        self.setWindowTitle(_("Secretariat GT PP-TPPO"))
        report = check_database(db)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        heading = QLabel(f"<h2>{_('Secretariat GT PP-TPPO')}</h2>", body)
        layout.addWidget(heading)
        for line in report.facts:
            layout.addWidget(QLabel(line, body))
        warning = network_share_warning(db.sqlite_path) if db.sqlite_path else None
        if warning:
            notice = QLabel(warning, body)
            notice.setWordWrap(True)
            notice.setStyleSheet("color: #a00000; font-weight: bold")
            layout.addWidget(notice)
        layout.addStretch(1)
        self.setCentralWidget(body)
        self.resize(640, 360)


def run_gui(db, *, smoke_started: float | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sekretariat GT PP-TPPO")
    _install_qt_translations(app)
    window = StartWindow(db)
    window.show()
    if smoke_started is not None:
        def report_and_quit() -> None:
            # Runs once the event loop has painted the window with its data.
            print(round((time.perf_counter() - smoke_started) * 1000))
            app.quit()

        QTimer.singleShot(0, report_and_quit)
    return app.exec()
