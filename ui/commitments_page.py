"""Komitmen: every commitment of every meeting, filtered and sorted by the core, page by page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.commitments.status import OPEN_STATUSES
from secretariat.errors import DomainError, ValidationError
from secretariat.i18n import _, ngettext
from ui.commitment_filters import CommitmentFilterBar
from ui.commitment_removal import ask_and_remove
from ui.commitments_model import CommitmentsModel
from ui.context import AppContext
from ui.errors import attempt, show_error
from ui.formatting import number
from ui.icons import icon
from ui.page import Page

_WIDTHS = (260, 40, 420, 130, 100, 150, 70, 70, 200, 200)


class CommitmentsPage(Page):
    WATCHES = ("commitments", "agencies", "meetings", "catalog")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.window = None  # the last commitment window opened (a CommitmentWindow)
        self.dialog = None  # the last request dialog
        self.model = CommitmentsModel(context.db, context.today, self)
        self.filters = CommitmentFilterBar(context, self)
        self.filters.changed.connect(self.apply_filters)
        self.count = QLabel(self)
        self.count.setObjectName("commitment_count")
        clear = QPushButton(_("Clear filters"), self)
        clear.clicked.connect(self.filters.clear)
        self.request_button = QPushButton(icon("pdf"), _("Ask for a progress report…"), self)
        self.request_button.setToolTip(_(
            "Select open commitments of one lead agency (Ctrl+click, Shift+click) and write "
            "the letter asking how they stand"))
        self.request_button.clicked.connect(self.request_report)
        self.matrix_button = QPushButton(icon("pdf"), _("Matriks…"), self)
        self.matrix_button.setToolTip(_("The action matrix (PDF or Excel) of exactly this list"))
        self.matrix_button.clicked.connect(self.export_matrix)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never scan all rows
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._sort_by)
        for column, width in enumerate(_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._open_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                  self.delete_current, context=Qt.ShortcutContext.WidgetShortcut)

        title = QLabel(f"<h2>{_('Commitments')}</h2>", self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.request_button)
        top.addWidget(self.matrix_button)
        top.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        self._sort_column = 4
        self._descending = False

    def refresh(self) -> None:
        self.filters.reload_choices()
        self.apply_filters()

    def apply_filters(self) -> None:
        kept = self._selected_id()
        try:
            self.model.set_query(self.filters.current_filter())
        except DomainError as error:  # e.g. a due window that ends before it starts
            show_error(self, error)
            return
        self.count.setText(ngettext("{count} commitment", "{count} commitments",
                                    self.model.total).format(count=number(self.model.total)))
        if kept is not None:
            self._select_id(kept)
        self.loaded.emit()

    def show_filtered(self, flt, scope: str = "") -> None:
        """Open the list on exactly this filter (a bar or slice of the progress view)."""
        if self._stale:  # fill the choices first, or the filter would find no entries
            self.filters.reload_choices()
        self.filters.apply(flt, scope)

    def focus_search(self) -> bool:
        self.filters.text.setFocus()
        self.filters.text.selectAll()
        return True

    def _sort_by(self, column: int) -> None:
        sort = self.model.sort_column(column)
        header = self.table.horizontalHeader()
        if sort is not None:  # else the core cannot sort by this column: keep the order
            # A second click on the same column turns the order around.
            self._descending = column == self._sort_column and not self._descending
            self._sort_column = column
            attempt(self, lambda: self.model.set_query(sort=sort, descending=self._descending))
        header.setSortIndicator(self._sort_column, Qt.SortOrder.DescendingOrder
                                if self._descending else Qt.SortOrder.AscendingOrder)

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()).id if rows else None

    def _select_id(self, commitment_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == commitment_id:
                self.table.selectRow(row)
                return

    def _open_index(self, index) -> None:
        self.open_commitment(self.model.row_at(index.row()).id)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def delete_current(self) -> None:
        """Del: remove the commitment under the cursor, after asking (the core refuses one
        with follow-ups or of final minutes, and says why)."""
        index = self.table.currentIndex()
        if index.isValid():
            ask_and_remove(self, self.context, self.model.row_at(index.row()))

    def selected_rows(self):
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows()) if selection else []
        return [self.model.row_at(row) for row in rows]

    def open_commitment(self, commitment_id: int) -> None:
        from ui.follow_ups.commitment_window import CommitmentWindow

        ok, window = attempt(self, lambda: CommitmentWindow(self.context, commitment_id, self))
        if ok:
            self.window = window
            window.show()
            window.raise_()

    def export_matrix(self) -> None:
        scope = " · ".join(part for part in (self.filters.scope_label.text(),
                                              self.count.text()) if part)
        self.context.navigator.show_matrix(self.filters.current_filter(), scope)

    def request_report(self) -> None:
        """The letter to one agency about the selected open commitments."""
        from ui.follow_ups.request_dialog import RequestDialog

        rows = [row for row in self.selected_rows() if row.status in OPEN_STATUSES]
        if not rows:
            show_error(self, ValidationError(_(
                "Select the open commitments to ask about first (Ctrl+click to select "
                "several).")))
            return
        if len({row.lead_agency_id for row in rows}) > 1:
            show_error(self, ValidationError(_(
                "A request goes to one agency: select the commitments of one lead agency "
                "only. Filtering by lead agency and 'Only open' helps.")))
            return
        self.dialog = RequestDialog(self.context, tuple(row.id for row in rows), self)
        self.dialog.open()
