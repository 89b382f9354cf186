"""The time zone (WIB, WITA, WIT) of each region, which its task force's meetings take.

Indonesia has three zones and a province may straddle two, so the zone is set per region.
Meetings are given their zone when scheduled; changing it here does not move them.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import TimeZone
from secretariat.agencies.regions import RegionOverviewRow, region_overview, set_time_zone
from secretariat.errors import DomainError
from secretariat.i18n import N_, _
from ui.context import AppContext
from ui.errors import attempt
from ui.forms import Form
from ui.icons import icon
from ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel

ZONE_NAMES = {
    TimeZone.WIB: N_("WIB – Western Indonesia Time (UTC+7)"),
    TimeZone.WITA: N_("WITA – Central Indonesia Time (UTC+8)"),
    TimeZone.WIT: N_("WIT – Eastern Indonesia Time (UTC+9)"),
}


def _columns() -> list[Column[RegionOverviewRow]]:
    return [
        Column(_("Code"), lambda r: r.region.code),
        Column(_("Region"), lambda r: r.region.name),
        Column(_("Task force"), lambda r: r.task_force.name if r.task_force else "—"),
        Column(_("Time zone"), lambda r: r.region.time_zone.value),
    ]


class TimeZoneSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RowTableModel(_columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        note = QLabel(_("A meeting takes the time zone of its task force's region when it is "
                        "scheduled. Meetings already scheduled keep the zone they were given."),
                      self)
        note.setWordWrap(True)
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
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 240, 380)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._show_selected_zone)

        self.form = Form(self)
        self.zone = self.form.add("time_zone", _("Time zone of the selected region"),
                                  QComboBox(self))
        for zone, name in ZONE_NAMES.items():
            self.zone.addItem(_(name), zone)
        self.apply_button = QPushButton(icon("save"), _("Set time zone"), self)
        self.apply_button.clicked.connect(self.apply)
        choice = QHBoxLayout()
        choice.addLayout(self.form.layout, 1)
        choice.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(choice)
        self._show_selected_zone()

    def refresh(self) -> None:
        keep = getattr(self.selected(), "id", None)
        ok, rows = attempt(self, lambda: region_overview(self.context.db))
        if ok:
            self.model.set_rows(rows)
            self.select(keep)
        self._show_selected_zone()

    def select(self, region_id: int | None) -> None:
        row = self.model.row_of_id(region_id) if region_id is not None else None
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected(self) -> RegionOverviewRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _show_selected_zone(self, *_args) -> None:
        row = self.selected()
        self.zone.setEnabled(row is not None)
        self.apply_button.setEnabled(row is not None)
        if row is not None:
            self.zone.setCurrentIndex(self.zone.findData(row.region.time_zone))

    def apply(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.form.clear_errors()
        try:
            set_time_zone(self.context.db, row.region.id, self.zone.currentData(),
                          row.region.version)
        except DomainError as error:
            self.form.report(error)
            self.refresh()  # a colleague's change: show what is stored now
            return
        self.refresh()
        # The Gugus Tugas page shows each region's zone.
        self.context.changes.announce("task_forces")
