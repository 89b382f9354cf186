"""Cadangan: the backups the program keeps, and restoring one from the window.

The program copies the database when it starts, when it closes, before an upgrade and
before a restore; this tab lists them (when, why, what they hold) with the folder they
are kept in, and restores one with the same checks as `secretariat restore`: the backup
is inspected whole, what it holds is shown, and nothing happens without a yes. The
current data is saved first, so a restore can itself be undone from this same list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.dates import clock, short_date
from secretariat.i18n import N_, _
from secretariat.storage.backup_contents import KeptBackup, inspect_backup, kept_backups
from secretariat.storage.paths import data_dir
from secretariat.storage.sqlite_copies import backup_folder
from ui.context import AppContext
from ui.errors import attempt, confirm
from ui.file_dialogs import ask_open_file
from ui.table_model import ROW_ROLE, Column, RowTableModel

REASONS = {
    "start": N_("when the program started"),
    "exit": N_("when the program closed"),
    "before-upgrade": N_("before a program update"),
    "before-restore": N_("before a restore (the data replaced then)"),
}

# Every kind of record a restore replaces: all screens reload.
EVERYTHING = ("agencies", "task_forces", "meetings", "attendance", "commitments", "catalog",
              "letterhead")


def _count(kept: KeptBackup, index: int) -> str:
    return str(kept.counts[index]) if kept.counts is not None else "—"


def _columns() -> list[Column[KeptBackup]]:
    return [
        Column(_("Made"), lambda k: f"{short_date(k.made_at.date())} {clock(k.made_at.time())}",
               sort_key=lambda k: k.made_at),
        Column(_("Why"), lambda k: _(REASONS[k.reason]) if k.reason in REASONS else k.reason),
        Column(_("Agencies"), lambda k: _count(k, 0), align_right=True),
        Column(_("Meetings"), lambda k: _count(k, 1), align_right=True),
        Column(_("Commitments"), lambda k: _count(k, 2), align_right=True),
        Column(_("Follow-ups"), lambda k: _count(k, 3), align_right=True),
        Column(_("File"), lambda k: k.path.name),
    ]


class BackupSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backup_folder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RowTableModel[KeptBackup] = RowTableModel(_columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_a: self.restore_selected())

        self.restore_button = QPushButton(_("Restore this backup…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button = QPushButton(_("Restore from another file…"), self)
        self.other_button.clicked.connect(self.restore_other)
        self.open_folder = QPushButton(_("Open the folder"), self)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder()))))
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.other_button, self.open_folder):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def folder(self) -> Path:
        path = self.context.db.sqlite_path
        return backup_folder(path) if path is not None else data_dir() / "backups"

    def refresh(self) -> None:
        self.folder_label.setText(_(
            "The program keeps a copy of the data when it starts and closes, before an "
            "update and before a restore, in {folder}. Restoring one first saves the "
            "current data there too.").format(folder=self.folder()))
        ok, kept = attempt(self, lambda: kept_backups(self.context.db.sqlite_path,
                                                      data_dir() / "backups"))
        self.model.set_rows(kept or [])
        self.restore_button.setEnabled(bool(kept))
        if kept:
            self.table.selectRow(0)  # the newest, the one a clerk usually means

    def selected(self) -> KeptBackup | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def restore_selected(self) -> bool:
        kept = self.selected()
        return kept is not None and self.restore(kept.path)

    def ask_backup_path(self) -> str:
        """The backup file to restore ("" when cancelled); tests replace this."""
        return ask_open_file(self, _("Restore from a backup"), str(self.folder()),
                             _("Backups (*.sqlite3 *.jsonl.gz)"))

    def restore_other(self) -> bool:
        chosen = self.ask_backup_path()
        return bool(chosen) and self.restore(Path(chosen))

    def restore(self, source: Path) -> bool:
        """Inspect, show, ask, restore; the screens then show the restored data."""
        ok, contents = attempt(self, lambda: inspect_backup(source))
        if not ok or contents is None:
            return False
        if not confirm(self, _("Restore"), _(
                "{summary}\n\nReplace all current data with this backup? The current data "
                "is saved as a backup first.").format(summary=contents.summary())):
            return False
        from secretariat.storage.backup_restore import restore_from

        ok, result = attempt(self, lambda: restore_from(self.context.db, source,
                                                        contents=contents))
        if not ok or result is None:
            self.refresh()
            return False
        self.context.db, saved = result
        self.context.changes.announce(*EVERYTHING)
        self.refresh()
        told = _("Restored from {path}.").format(path=source.name)
        if saved is not None:
            told += "\n" + _("The previous data was saved to {path}.").format(path=saved)
        QMessageBox.information(self, _("Restore"), told)
        return True
