"""Starting the desktop program: Qt application, translations, context and main window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from secretariat.i18n import set_language
from secretariat.storage.paths import APP_NAME
from ui.context import AppContext
from ui.qt_translations import install_qt_translations
from ui.settings import UiSettings

if TYPE_CHECKING:
    from secretariat.home.first_view import FirstView
    from secretariat.storage.database import Database


def build_context(db: Database, settings: UiSettings | None = None) -> AppContext:
    return AppContext(db=db, settings=settings or UiSettings())


def run_gui(db: Database, *, smoke_started: float | None = None,
            language: str | None = None,
            after_first_view: Callable[[], None] | None = None,
            first_view: FirstView | None = None,
            start_notice: str | None = None) -> int:
    """Run the desktop program until its window closes.

    `first_view`: the home page's first report, being read through sqlite3 while `db`
    (then a `DeferredDatabase`) has not loaded the ORM yet. `start_notice`: what the clerk
    should know about this start (a crashed program's lock taken over), in the status bar.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    settings = UiSettings()
    # --lang and SECRETARIAT_LANG win; otherwise the language chosen in Pengaturan.
    if language is None and not os.environ.get("SECRETARIAT_LANG") and settings.language:
        set_language(settings.language)
    install_qt_translations(app)

    from ui.main_window import MainWindow  # after the language is set: labels are built once

    context = build_context(db, settings)
    context.first_view = first_view
    window = MainWindow(context)
    if start_notice:
        window.show_start_notice(start_notice)
    if after_first_view is not None:
        window.first_view_ready.connect(after_first_view)
    if smoke_started is not None:
        def report_and_quit() -> None:
            print(round((time.perf_counter() - smoke_started) * 1000))
            window.close()
            app.quit()

        window.first_view_ready.connect(report_and_quit)
        # Never hang CI: a first view that never loads fails the smoke test.
        QTimer.singleShot(60_000, lambda: (print("smoke: no data shown", file=sys.stderr),
                                           app.exit(1)))
    window.show()
    return app.exec()
