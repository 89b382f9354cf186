"""What the clerk sees when the program cannot start: a window, never only a terminal line.

Started from a desktop shortcut there is no terminal: a refusal printed to stderr looked
like nothing happening. The reason is shown in a message box with where the log is; a
database locked by a program elsewhere offers *Buka paksa* behind a confirmation, for
the case the clerk knows that program is closed (a PC switched off mid-work).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from secretariat.i18n import _
from secretariat.storage.paths import APP_NAME
from ui.qt_translations import install_qt_translations


def report_start_failure(message: str, log: Path | None, *, can_force_open: bool) -> bool:
    """Show why the program did not start; True when the clerk chose to force it open."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
        install_qt_translations(app)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.setObjectName("start_problem")
    box.setText(_("The program could not start."))
    where = _("The details are in the log: {path}").format(path=log) if log else ""
    box.setInformativeText(f"{message}\n\n{where}".strip())
    force = None
    if can_force_open:
        force = box.addButton(_("Force open…"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if force is None or box.clickedButton() is not force:
        return False
    return _force_confirmed()


def _force_confirmed() -> bool:
    confirm = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          _("Force the database open?"))
    confirm.setObjectName("confirm_force_open")
    confirm.setInformativeText(_(
        "Only do this when you are sure the other program is closed. If it is still "
        "running, the two programs will overwrite each other's work."))
    yes = confirm.addButton(_("Force open"), QMessageBox.ButtonRole.DestructiveRole)
    confirm.addButton(QMessageBox.StandardButton.Cancel)
    confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
    confirm.exec()
    return confirm.clickedButton() is yes
