"""Bringing a register kept in a workbook into the program, the same way for every kind.

The clerk picks the workbook; a trial run tells what would be added and which lines are
refused (by row, in words); only after the clerk agrees is anything written, all lines or
none. Instansi imports agencies with it, a meeting's Komitmen tab its matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from exports.excel.reading import read_table
from secretariat.errors import DomainError
from secretariat.i18n import _
from secretariat.importing import ImportRefused
from ui.context import AppContext
from ui.errors import attempt, show_error
from ui.file_dialogs import ask_open_file

PROBLEMS_SHOWN = 15  # the rest are counted; a clerk fixes the file and tries again


class WorkbookImport:
    """`run_import(lines, trial, source)` writes (or tries) and returns an outcome that
    `summary` words and `worth_asking` says has anything to add."""

    def __init__(self, context: AppContext, parent: QWidget, *, title: str,
                 columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...],
                 run_import: Callable, summary: Callable, worth_asking: Callable,
                 kinds: tuple[str, ...]) -> None:
        self.context = context
        self.parent = parent
        self.title = title
        self.columns, self.required = columns, required
        self.run_import, self.summary, self.worth_asking = run_import, summary, worth_asking
        self.kinds = kinds

    def ask_source(self) -> str:
        """The workbook to read ("" when cancelled); tests replace this."""
        folder = self.context.settings.value("export_folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return ask_open_file(self.parent, self.title, folder, _("Excel workbooks (*.xlsx)"))

    def run(self) -> bool:
        """True when something was written."""
        source = self.ask_source()
        if not source:
            return False
        path = Path(source)
        ok, lines = attempt(self.parent, lambda: read_table(path, self.columns,
                                                            required=self.required))
        if not ok:
            return False
        try:
            trial = self.run_import(lines, True, path.name)
        except ImportRefused as refused:
            self._show_refusal(refused)
            return False
        except DomainError as error:  # the whole step refused (e.g. final minutes)
            show_error(self.parent, error)
            return False
        if not self.worth_asking(trial):
            QMessageBox.information(self.parent, self.title, self.summary(trial))
            return False
        answer = QMessageBox.question(
            self.parent, self.title, self.summary(trial) + "\n\n" + _("Import them now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        ok, _outcome = attempt(self.parent, lambda: self.run_import(lines, False, path.name))
        if ok:
            self.context.changes.announce(*self.kinds)
        return ok

    def _show_refusal(self, refused: ImportRefused) -> None:
        problems = refused.problems
        lines = [_("Row {row}: {message}").format(row=problem.row, message=problem.message)
                 for problem in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            lines.append(_("… and {count} more.").format(count=len(problems) - PROBLEMS_SHOWN))
        QMessageBox.warning(self.parent, self.title, refused.message + "\n\n" +
                            "\n".join(lines) + "\n\n" +
                            _("Correct these lines in the workbook and import it again."))
