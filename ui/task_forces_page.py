"""Gugus Tugas: every region with its task force and decree (SK).

Regions that have not formed a task force stand out in red, because tracking which
kabupaten/kota still have to form one is part of the province secretariat's job.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.enums import TimeZone
from secretariat.agencies.provinces import known_province
from secretariat.agencies.regions import (
    RegionDraft,
    RegionOverviewRow,
    TaskForceDraft,
    create_region,
    create_task_force,
    region_overview,
    update_task_force,
)
from secretariat.agencies.register import list_agencies
from secretariat.i18n import _, ngettext
from secretariat.vocabulary import label
from ui.context import AppContext
from ui.errors import attempt
from ui.formatting import short_date
from ui.forms import FormDialog, date_edit, date_value
from ui.icons import icon
from ui.page import Page
from ui.preferences.time_zone_section import ZONE_NAMES
from ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel

NOT_FORMED = QColor("#fde2e1")


def _period(row: RegionOverviewRow) -> str:
    tf = row.task_force
    if tf is None or not (tf.period_start or tf.period_end):
        return ""
    return f"{short_date(tf.period_start)} – {short_date(tf.period_end)}"


def _columns() -> list[Column[RegionOverviewRow]]:
    def tf(getter):
        return lambda row: getter(row.task_force) if row.task_force else ""

    def not_formed(row: RegionOverviewRow) -> QColor | None:
        return None if row.formed else NOT_FORMED

    return [
        Column(_("Code"), lambda r: r.region.code, background=not_formed),
        Column(_("Region"), lambda r: r.region.name, background=not_formed),
        Column(_("Level"), lambda r: label(r.region.level), background=not_formed),
        Column(_("Task force"),
               lambda r: r.task_force.name if r.formed else _("Not formed yet"),
               background=not_formed),
        Column(_("Decree (SK)"), tf(lambda t: t.decree_number), background=not_formed),
        Column(_("Decree date"), tf(lambda t: short_date(t.decree_date)),
               sort_key=lambda r: (r.task_force and r.task_force.decree_date) or "",
               background=not_formed),
        Column(_("Period"), _period, background=not_formed),
        Column(_("Secretariat"), tf(lambda t: t.secretariat_agency), background=not_formed),
        Column(_("Time zone"), lambda r: r.region.time_zone.value, background=not_formed),
    ]


class _NotFormedFilter(QSortFilterProxyModel):
    only_not_formed = False

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row: RegionOverviewRow = self.sourceModel().index(source_row, 0, source_parent).data(
            ROW_ROLE)
        if self.only_not_formed and row.formed:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class RegionDialog(FormDialog):
    """Enter a province or kabupaten/kota by its Kemendagri code, before its task force."""

    def __init__(self, parent=None, *, context: AppContext) -> None:
        super().__init__(_("Add a region"), parent)
        self.context = context
        self.code = self.form.add("code", _("Kemendagri code"), QLineEdit(self))
        self.code.setPlaceholderText(_("e.g. 63 for a province, 63.71 for a kabupaten/kota"))
        self.code.setMaxLength(5)
        self.name = self.form.add("name", _("Name"), QLineEdit(self))
        self.name.setPlaceholderText(_("e.g. Kalimantan Selatan, Kota Banjarmasin"))
        self.time_zone = self.form.add("time_zone", _("Time zone"), QComboBox(self))
        self.time_zone.addItem(_("As its province (kabupaten/kota)"), None)
        for zone in TimeZone:
            self.time_zone.addItem(_(ZONE_NAMES[zone]), zone)
        self._filled_name = ""
        self.code.textEdited.connect(self._fill_from_code)
        hint = QLabel(_("Enter the province first, then its kabupaten/kota."), self)
        hint.setWordWrap(True)
        self.form.layout.addRow(hint)
        self.resize(480, self.sizeHint().height())

    def _fill_from_code(self, code: str) -> None:
        """A known province code brings its name and time zone; a kab/kota its province's."""
        known = known_province(code)
        if known is not None:
            name, zone = known
            if self.name.text() in ("", self._filled_name):  # never over the clerk's typing
                self.name.setText(name)
                self._filled_name = name
            self.time_zone.setCurrentIndex(self.time_zone.findData(zone))
        elif "." in code:
            self.time_zone.setCurrentIndex(0)  # as its province
            if self._filled_name and self.name.text() == self._filled_name:
                # "63" brought "Kalimantan Selatan"; typing on to "63.03" means a
                # kabupaten, which must not keep its province's name.
                self.name.clear()
                self._filled_name = ""

    def save(self) -> int:
        return create_region(self.context.db, RegionDraft(
            code=self.code.text().strip(), name=self.name.text(),
            time_zone=self.time_zone.currentData()))


class TaskForceDialog(FormDialog):
    """Form or record the task force of one region."""

    def __init__(self, context: AppContext, row: RegionOverviewRow, parent=None) -> None:
        super().__init__(_("Task force of {region}").format(region=row.region.name), parent)
        self.context = context
        self.row = row
        tf = row.task_force
        default_name = _("GT PP-TPPO {region}").format(region=row.region.name)
        self.name = self.form.add("name", _("Name"), QLineEdit(tf.name if tf else default_name))
        self.formed = self.form.add("formed", _("Formed"), QCheckBox(_("Formed by a decree")))
        self.formed.setChecked(tf.formed if tf else True)
        self.decree_number = self.form.add("decree_number", _("Decree number"),
                                           QLineEdit(tf.decree_number if tf else ""))
        self.decree_date = self.form.add(
            "decree_date", _("Decree date"),
            date_edit(self, tf.decree_date if tf else None, optional=True))
        self.period_start = self.form.add(
            "period_start", _("Period start"),
            date_edit(self, tf.period_start if tf else None, optional=True))
        self.period_end = self.form.add(
            "period_end", _("Period end"),
            date_edit(self, tf.period_end if tf else None, optional=True))
        self.secretariat = self.form.add("secretariat_agency_id", _("Secretariat"),
                                         QComboBox(self))
        agencies = list_agencies(context.db)
        # On a new database the task force comes before its agencies: say when to choose.
        self.secretariat.addItem("—" if agencies else _(
            "— (register the agencies first, then change the task force to choose)"), None)
        for agency in agencies:
            self.secretariat.addItem(f"{agency.abbreviation} – {agency.name}", agency.id)
        if tf and tf.secretariat_agency:
            self.secretariat.setCurrentIndex(
                max(0, self.secretariat.findText(tf.secretariat_agency + " –",
                                                 Qt.MatchFlag.MatchStartsWith)))
        self.notes = self.form.add("notes", _("Notes"), QPlainTextEdit(self))
        self.notes.setPlainText(tf.notes if tf else "")
        self.resize(520, self.sizeHint().height())

    def draft(self) -> TaskForceDraft:
        return TaskForceDraft(
            region_id=self.row.region.id,
            name=self.name.text(),
            formed=self.formed.isChecked(),
            decree_number=self.decree_number.text(),
            decree_date=date_value(self.decree_date),
            period_start=date_value(self.period_start),
            period_end=date_value(self.period_end),
            secretariat_agency_id=self.secretariat.currentData(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> int:
        tf = self.row.task_force
        if tf is None:
            return create_task_force(self.context.db, self.draft())
        update_task_force(self.context.db, tf.id, self.draft(), tf.version)
        return tf.id


class TaskForcesPage(Page):
    WATCHES = ("task_forces", "agencies")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: TaskForceDialog | None = None
        self.model = RowTableModel(_columns(), self)
        self.proxy = _NotFormedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        title = QLabel(f"<h2>{_('Task forces')}</h2>", self)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(_("Filter by region or decree…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.only_not_formed = QCheckBox(_("Only regions without a task force"), self)
        self.only_not_formed.toggled.connect(self._filter_not_formed)
        self.edit_button = QPushButton(icon("edit"), _("Record task force…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.add_button = QPushButton(icon("add"), _("Add region…"), self)
        self.add_button.setToolTip(
            _("A province or kabupaten/kota by its Kemendagri code (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_new)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)  # the red rows must stay readable
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 200, 90, 260, 220, 110, 200, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self.edit_selected)

        tools = QHBoxLayout()
        tools.addWidget(self.filter_box, 1)
        tools.addWidget(self.only_not_formed)
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        ok, rows = attempt(self, lambda: region_overview(self.context.db))
        if ok:
            self.model.set_rows(rows)
            missing = [r for r in rows if not r.formed and r.region.parent_id is not None]
            if not rows:  # a new database: say where to begin
                self.summary.setText(_(
                    "No region yet. Add your province by its Kemendagri code (e.g. 63), then "
                    "its kabupaten/kota, and record the task force of each."))
            else:
                self.summary.setText(ngettext(
                    "{count} kabupaten/kota has not formed a task force yet.",
                    "{count} kabupaten/kota have not formed a task force yet.",
                    len(missing)).format(count=len(missing)))
        self.loaded.emit()

    def focus_search(self) -> bool:
        self.filter_box.setFocus()
        self.filter_box.selectAll()
        return True

    def selected_row(self) -> RegionOverviewRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _filter_not_formed(self, checked: bool) -> None:
        if hasattr(self.proxy, "beginFilterChange"):  # Qt 6.9 and later
            self.proxy.beginFilterChange()
            self.proxy.only_not_formed = checked
            self.proxy.endFilterChange()
        else:
            self.proxy.only_not_formed = checked
            self.proxy.invalidateFilter()

    def edit_selected(self, *_args) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.dialog = TaskForceDialog(self.context, row, self)
        self.dialog.accepted.connect(lambda: self.context.changes.announce("task_forces"))
        self.dialog.open()

    def add_new(self) -> None:
        self.region_dialog = RegionDialog(self, context=self.context)
        self.region_dialog.accepted.connect(self._region_added)
        self.region_dialog.open()

    def _region_added(self) -> None:
        region_id = self.region_dialog.result_value
        self.context.changes.announce("task_forces")
        self.reload_if_stale()  # announced while hidden (tests): the list must show it now
        # The new region is selected, so recording its task force is the next click.
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).region.id == region_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                break
