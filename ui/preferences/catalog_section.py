"""Focus areas and sub task forces: the lists commitments are classified by.

Entries are never deleted (commitments keep the name they were given): an entry no longer
wanted is deactivated, so new commitments are no longer offered it, and can be reactivated.
The core refuses duplicates and says so next to the name.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

# The catalogue functions take the model class as the list's name; the classes are only
# passed through, never queried here.
from models import FocusArea, SubTaskForce
from secretariat.commitments.catalog import (
    CatalogEntry,
    CatalogModel,
    add_entry,
    list_entries,
    rename_entry,
    set_entry_active,
)
from secretariat.i18n import _
from ui.context import AppContext
from ui.errors import attempt
from ui.forms import FormDialog
from ui.icons import icon
from ui.preferences.plain_text import plain_field_messages
from ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel

INACTIVE = QColor("#8a8a8a")


def _columns() -> list[Column[CatalogEntry]]:
    def grey(entry: CatalogEntry) -> QColor | None:
        return None if entry.active else INACTIVE

    return [
        Column(_("No."), lambda e: str(e.position), sort_key=lambda e: e.position,
               align_right=True, foreground=grey),
        Column(_("Name"), lambda e: e.name, foreground=grey),
        Column(_("Status"), lambda e: _("Active") if e.active else _("Inactive"),
               foreground=grey),
    ]


class CatalogEntryDialog(FormDialog):
    """The name of a new entry, or the new name of an existing one."""

    def __init__(self, context: AppContext, model: CatalogModel, title: str,
                 entry: CatalogEntry | None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.context = context
        self.model = model
        self.entry = entry
        self.name = self.form.add("name", _("Name"), QLineEdit(entry.name if entry else ""))
        plain_field_messages(self)  # the duplicate message repeats the typed name
        self.resize(480, self.sizeHint().height())

    def save(self) -> int:
        if self.entry is None:
            return add_entry(self.context.db, self.model, self.name.text())
        rename_entry(self.context.db, self.model, self.entry.id, self.name.text(),
                     self.entry.version)
        return self.entry.id


class CatalogList(QGroupBox):
    """One catalogue: its entries in order, with add, rename, deactivate and reactivate."""

    def __init__(self, context: AppContext, model: CatalogModel, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.context = context
        self.model_class = model
        self.dialog: CatalogEntryDialog | None = None
        self.model = RowTableModel(_columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(2, 110)
        self.table.doubleClicked.connect(self.rename_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(icon("add"), _("Add…"), self)
        self.add_button.clicked.connect(self.add_new)
        self.rename_button = QPushButton(icon("edit"), _("Rename…"), self)
        self.rename_button.clicked.connect(self.rename_selected)
        self.active_button = QPushButton(self)
        self.active_button.clicked.connect(self.toggle_selected)
        # Del deactivates the entry: nothing is deleted and it can be reactivated.
        deactivate = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        deactivate.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        deactivate.activated.connect(self.deactivate_selected)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        ok, entries = attempt(self, lambda: list_entries(
            self.context.db, self.model_class, include_inactive=True))
        if ok:
            self.model.set_rows(entries)
            self.select(keep)
        self._update_buttons()

    def select(self, entry_id: int | None) -> None:
        row = self.model.row_of_id(entry_id) if entry_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected(self) -> CatalogEntry | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def names(self) -> list[str]:
        """The names as the table shows them, top to bottom (for tests)."""
        return [self.proxy.index(row, 1).data() for row in range(self.proxy.rowCount())]

    def _update_buttons(self, *_args) -> None:
        entry = self.selected()
        self.rename_button.setEnabled(entry is not None)
        self.active_button.setEnabled(entry is not None)
        if entry is not None and not entry.active:
            self.active_button.setText(_("Reactivate"))
            self.active_button.setIcon(icon("undo"))
        else:
            self.active_button.setText(_("Deactivate"))
            self.active_button.setIcon(icon("archive"))

    # -- actions
    def add_new(self) -> None:
        self._open_dialog(None, _("New entry in {list}").format(list=self.title()))

    def rename_selected(self, *_args) -> None:
        entry = self.selected()
        if entry is not None:
            self._open_dialog(entry, _("Rename entry in {list}").format(list=self.title()))

    def _open_dialog(self, entry: CatalogEntry | None, title: str) -> None:
        self.dialog = CatalogEntryDialog(self.context, self.model_class, title, entry, self)
        self.dialog.accepted.connect(self._dialog_saved)
        self.dialog.open()

    def _dialog_saved(self) -> None:
        self.refresh(select_id=self.dialog.result_value)
        self.context.changes.announce("catalog")

    def toggle_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._set_active(entry, not entry.active)

    def deactivate_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.active:
            self._set_active(entry, False)

    def _set_active(self, entry: CatalogEntry, active: bool) -> None:
        ok, _result = attempt(self, lambda: set_entry_active(
            self.context.db, self.model_class, entry.id, active, entry.version))
        self.refresh(select_id=entry.id)  # after a conflict too: show what is stored now
        if ok:
            self.context.changes.announce("catalog")


class CatalogSection(QWidget):
    """Both catalogues side by side."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus_areas = CatalogList(context, FocusArea, _("Focus areas"), self)
        self.sub_task_forces = CatalogList(context, SubTaskForce, _("Sub task forces"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.focus_areas)
        layout.addWidget(self.sub_task_forces)

    def refresh(self) -> None:
        self.focus_areas.refresh()
        self.sub_task_forces.refresh()

    def add_new(self) -> None:
        """Ctrl+N: a new entry in the list the clerk is working in (focus areas otherwise)."""
        working_in = QApplication.focusWidget()
        chosen = self.sub_task_forces if working_in is not None and \
            self.sub_task_forces.isAncestorOf(working_in) else self.focus_areas
        chosen.add_new()
