"""Instansi → Impor dari Excel…: the register a secretariat kept in a workbook, brought in.

First a trial run tells what would be added and which lines are refused (by row, in
words); only after the clerk agrees is anything written, all lines or none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from exports.excel.reading import read_table
from secretariat.agency_import import (
    COLUMNS,
    REQUIRED,
    ImportRefused,
    import_agencies,
    summary,
)
from secretariat.i18n import _
from ui.context import AppContext
from ui.errors import attempt

PROBLEMS_SHOWN = 15  # the rest are counted; a clerk fixes the file and tries again


class AgencyImport:
    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent

    def ask_source(self) -> str:
        """The workbook to read ("" when cancelled); tests replace this."""
        folder = self.context.settings.value("export_folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self.parent, _("Import agencies from a workbook"), folder,
            _("Excel workbooks (*.xlsx)"))
        return path

    def run(self) -> bool:
        """True when agencies or contacts were written."""
        source = self.ask_source()
        if not source:
            return False
        ok, lines = attempt(self.parent, lambda: read_table(Path(source), COLUMNS,
                                                            required=REQUIRED))
        if not ok:
            return False
        try:
            trial = import_agencies(self.context.db, lines, trial=True)
        except ImportRefused as refused:
            self._show_refusal(refused)
            return False
        if not (trial.agencies_added or trial.contacts_added):
            QMessageBox.information(self.parent, _("Import agencies"), summary(trial))
            return False
        answer = QMessageBox.question(
            self.parent, _("Import agencies"), summary(trial) + "\n\n" + _("Import them now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        ok, _outcome = attempt(self.parent, lambda: import_agencies(self.context.db, lines))
        if ok:
            self.context.changes.announce("agencies")
        return ok

    def _show_refusal(self, refused: ImportRefused) -> None:
        problems = refused.problems
        lines = [_("Row {row}: {message}").format(row=problem.row, message=problem.message)
                 for problem in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            lines.append(_("… and {count} more.").format(count=len(problems) - PROBLEMS_SHOWN))
        QMessageBox.warning(self.parent, _("Import agencies"), refused.message + "\n\n" +
                            "\n".join(lines) + "\n\n" +
                            _("Correct these lines in the workbook and import it again."))
