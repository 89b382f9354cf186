"""Search results: the agencies, meetings and commitments the main search box found.

One table, grouped by kind (agencies, then meetings, then commitments) with the kind in
its first column, and tabs above it that narrow it to one kind with the number found; a
double-click or Enter opens the record. The page repeats its search when records change,
so an edited title is never shown stale.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.home.search import SearchHit, SearchKind, SearchResults, search
from secretariat.i18n import N_, _
from ui.context import AppContext
from ui.errors import attempt
from ui.formatting import number, short_date
from ui.page import Page
from ui.table_model import ROW_ROLE, Column, RowTableModel

LIMIT = 50
_KIND_LABELS = {
    SearchKind.AGENCY: N_("Agency"),
    SearchKind.MEETING: N_("Meeting"),
    SearchKind.COMMITMENT: N_("Commitment"),
}
_PLURALS = {
    SearchKind.AGENCY: N_("Agencies"),
    SearchKind.MEETING: N_("Meetings"),
    SearchKind.COMMITMENT: N_("Commitments"),
}
# The tabs: everything, then one per kind.
_TABS: tuple[SearchKind | None, ...] = (None, SearchKind.AGENCY, SearchKind.MEETING,
                                        SearchKind.COMMITMENT)


class _KindFilter(QSortFilterProxyModel):
    kind: SearchKind | None = None

    def set_kind(self, kind: SearchKind | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 deprecates invalidateFilter
            self.beginFilterChange()
            self.kind = kind
            self.endFilterChange()
        else:
            self.kind = kind
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self.kind is None:
            return True
        hit: SearchHit = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return hit.kind is self.kind


def _columns() -> list[Column[SearchHit]]:
    return [
        Column(_("Kind"), lambda h: _(_KIND_LABELS[h.kind])),
        Column(_("Found"), lambda h: h.title, tooltip=lambda h: h.title),
        # Why the record was found: the words around the match, often in a follow-up or
        # the minutes rather than in the title.
        Column(_("Excerpt"), lambda h: h.excerpt, tooltip=lambda h: h.excerpt),
        Column(_("Details"), lambda h: h.subtitle, tooltip=lambda h: h.subtitle),
        Column(_("Date"), lambda h: short_date(h.when)),
    ]


class SearchPage(Page):
    WATCHES = ("agencies", "meetings", "commitments")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.text = ""
        self.results: SearchResults | None = None
        self.model = RowTableModel(_columns(), self)
        self.proxy = _KindFilter(self)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel(self)
        self.heading.setObjectName("search_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # the words are the user's
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.tabs = QTabBar(self)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        for _kind in _TABS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._show_kind)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setToolTip(_("Double-click or press Enter to open."))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((100, 360, 360, 300, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # `activated` is the platform's "open": double-click, and Enter on the current row.
        self.table.activated.connect(self.open_hit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addStretch()  # keeps the heading on top while the table is hidden

    def search(self, text: str) -> None:
        """Show what the search box found for `text`."""
        self.text = text.strip()
        self._stale = False
        self.tabs.setCurrentIndex(0)
        self.refresh()
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def refresh(self) -> None:
        if not self.text:
            self.heading.setText(_("Search results"))
            self.summary.setText(_("Type words in the search box above and press Enter."))
            self.summary.show()
            self.model.set_rows([])
            self.table.hide()
            self.tabs.hide()
            self.loaded.emit()
            return
        self.heading.setText(_("Search results for “{text}”").format(text=self.text))
        ok, results = attempt(self, lambda: search(self.context.db, self.text, limit=LIMIT))
        if ok:
            selected = self.selected_hit()
            self.results = results
            self.model.set_rows(results.hits)
            self.summary.setText(self._summary(results))
            self.summary.setVisible(bool(self.summary.text()))
            self._label_tabs(results)
            self.table.setVisible(bool(results.hits))
            self.tabs.setVisible(bool(results.hits))
            if selected is not None:
                self._select(selected.kind, selected.id)
        self.loaded.emit()

    def _summary(self, results: SearchResults) -> str:
        if not results.hits:
            return _("Nothing found. Check the spelling, or search for fewer or shorter words.")
        if results.truncated:
            return _("Only the first {limit} of each kind are shown; add a word to narrow "
                     "the search.").format(limit=LIMIT)
        return ""

    def _label_tabs(self, results: SearchResults) -> None:
        def count(kind: SearchKind | None) -> str:
            hits = results.hits if kind is None else results.of_kind(kind)
            more = kind in results.truncated or (kind is None and results.truncated)
            return number(len(hits)) + ("+" if more else "")

        names = {None: _("All"), **{kind: _(name) for kind, name in _PLURALS.items()}}
        for tab, kind in enumerate(_TABS):
            self.tabs.setTabText(tab, f"{names[kind]} ({count(kind)})")
            self.tabs.setTabEnabled(tab, kind is None or bool(results.of_kind(kind)))
        if not self.tabs.isTabEnabled(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)

    def _show_kind(self, tab: int) -> None:
        self.proxy.set_kind(_TABS[tab])

    def selected_hit(self) -> SearchHit | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _select(self, kind: SearchKind, record_id: int) -> None:
        """Select the hit again after a reload (the rows are new objects)."""
        for row in range(self.proxy.rowCount()):
            hit: SearchHit = self.proxy.index(row, 0).data(ROW_ROLE)
            if (hit.kind, hit.id) == (kind, record_id):
                self.table.selectRow(row)
                return

    def open_hit(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit: SearchHit = index.data(ROW_ROLE)
        navigator = self.context.navigator
        {
            SearchKind.AGENCY: navigator.open_agency,
            SearchKind.MEETING: navigator.open_meeting,
            SearchKind.COMMITMENT: navigator.open_commitment,
        }[hit.kind](hit.id)
