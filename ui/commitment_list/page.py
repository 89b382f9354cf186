"""Komitmen: all commitments of all meetings in one table, filtered and sorted by the core.

The table reads 200 rows at a time (see `model.py`), so it opens as fast on 100,000
commitments as on 100. A double click or Enter opens the commitment itself.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout

from secretariat.commitments import delete_commitment
from secretariat.errors import DomainError
from secretariat.i18n import _
from ui.commitment_list.commitment_dialog import CommitmentDialog
from ui.commitment_list.filter_bar import CommitmentFilterBar
from ui.commitment_list.model import COLUMNS, CommitmentListModel
from ui.context import AppContext
from ui.errors import attempt, confirm
from ui.forms import ERROR_STYLE
from ui.page import Page

# Widths in pixels of the columns, in the order of `COLUMNS` (Interactive: the clerk may
# drag them; never ResizeToContents, which would measure every loaded row).
COLUMN_WIDTHS = (210, 40, 380, 110, 95, 120, 75, 90, 160, 150)
CHOICE_KINDS = {"agencies", "meetings", "catalog"}


class CommitmentsPage(Page):
    WATCHES = ("commitments", "agencies", "meetings", "catalog")

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(context, parent)
        self.dialog: CommitmentDialog | None = None
        self._choices_stale = False

        title = QLabel(_("Commitments"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.filters = CommitmentFilterBar(context, self)
        self.filter_error = QLabel(self)
        self.filter_error.setTextFormat(Qt.TextFormat.PlainText)
        self.filter_error.setStyleSheet(ERROR_STYLE)
        self.filter_error.hide()

        self.model = CommitmentListModel(context.db, context.today, self)
        self.table = QTableView(self)
        self.table.setObjectName("commitments_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # One fixed row height: the view never measures rows, whatever their number.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        # Sorting is the core's ORDER BY: the header only asks for it (see _on_header).
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._on_header)
        self._show_sort_indicator()

        self.table.doubleClicked.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(lambda: self._open_index(self.table.currentIndex()))
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.delete_selected)

        self.filters.changed.connect(self.apply_filters)
        self.model.rowsInserted.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.filters)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.table, 1)

    # -- Page
    def refresh(self) -> None:
        if self._choices_stale:
            self._choices_stale = False
            self.filters.load_choices()
        self.apply_filters()
        self.loaded.emit()

    def _on_change(self, kind: str) -> None:
        if kind in CHOICE_KINDS:
            self._choices_stale = True
        super()._on_change(kind)

    def focus_search(self) -> bool:
        self.filters.text.setFocus()
        self.filters.text.selectAll()
        return True

    # -- querying
    def apply_filters(self) -> None:
        """Query the core again with the bar's filters, keeping the selected commitment."""
        kept = self.selected_id()
        try:
            self.model.run(self.filters.current_filter())
        except DomainError as error:  # e.g. a due window ending before it starts
            self.filter_error.setText(error.message)
            self.filter_error.show()
            return
        self.filter_error.hide()
        row = self.model.row_of_id(kept) if kept is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _on_header(self, column: int) -> None:
        sort = COLUMNS[column].sort
        if sort is not None:
            descending = not self.model.descending if sort is self.model.sort else False
            self.model.run(sort=sort, descending=descending)
            self.table.scrollToTop()
        self._show_sort_indicator()  # unsortable columns leave the current order shown

    def _show_sort_indicator(self) -> None:
        column = next(i for i, c in enumerate(COLUMNS) if c.sort is self.model.sort)
        order = (Qt.SortOrder.DescendingOrder if self.model.descending
                 else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _show_count(self, *_args) -> None:
        self.filters.show_count(self.model.total)

    # -- opening and deleting
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_commitment(self.model.row_at(index.row()).id)

    def open_commitment(self, commitment_id: int) -> None:
        """Show one commitment (the navigator's "open commitment" lands here)."""
        ok, dialog = attempt(self, lambda: CommitmentDialog(self.context, commitment_id, self))
        if ok:
            self.dialog = dialog
            dialog.open()

    def delete_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        if not confirm(self, _("Delete commitment"),
                       _("Delete commitment no. {number} of this meeting?").format(
                           number=row.number)):
            return
        done, _result = attempt(self, lambda: delete_commitment(self.context.db, row.id,
                                                                row.version))
        if done:
            self.context.changes.announce("commitments")
