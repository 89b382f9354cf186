"""What the clerk sees when the program cannot start: a window, never only a terminal line.

Started from a desktop shortcut there is no terminal: a refusal printed to stderr looked
like nothing happening. The reason is shown in a message box with where the log is, and
where one way on is safe behind a confirmation it is offered: *Buka paksa* for a database
locked by a program elsewhere that the clerk knows is closed (a PC switched off mid-work),
*Mulai basis data baru* for an empty database file with no backup beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from secretariat.i18n import _
from secretariat.storage.paths import APP_NAME
from ui.qt_translations import install_qt_translations

FORCE_OPEN = "force_open"
NEW_DATABASE = "new_database"


def report_start_failure(message: str, log: Path | None, *, offer: str | None = None) -> bool:
    """Show why the program did not start; True when the clerk chose and confirmed `offer`
    (FORCE_OPEN or NEW_DATABASE)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
        install_qt_translations(app)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.setObjectName("start_problem")
    box.setText(_("The program could not start."))
    where = _("The details are in the log: {path}").format(path=log) if log else ""
    box.setInformativeText(f"{message}\n\n{where}".strip())
    way_on = None
    if offer == FORCE_OPEN:
        way_on = box.addButton(_("Force open…"), QMessageBox.ButtonRole.DestructiveRole)
    elif offer == NEW_DATABASE:
        way_on = box.addButton(_("Start a new database…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if way_on is None or box.clickedButton() is not way_on:
        return False
    if offer == FORCE_OPEN:
        return _confirmed("confirm_force_open", _("Force the database open?"), _(
            "Only do this when you are sure the other program is closed. If it is still "
            "running, the two programs will overwrite each other's work."), _("Force open"))
    return _confirmed("confirm_new_database", _("Start a new, empty database here?"), _(
        "The empty file is removed and a new database is made in its place. Do this only "
        "when no data was kept here before."), _("Start a new database"))


def _confirmed(name: str, question: str, warning: str, action: str) -> bool:
    confirm = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, question)
    confirm.setObjectName(name)
    confirm.setInformativeText(warning)
    yes = confirm.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    confirm.addButton(QMessageBox.StandardButton.Cancel)
    confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
    confirm.exec()
    return confirm.clickedButton() is yes
