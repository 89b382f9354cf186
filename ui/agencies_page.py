"""Instansi: the register of member agencies, their contact people and their seats.

Agencies are archived rather than deleted once they have history; the core refuses to
archive one that still leads open commitments, and says so.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import AgencyLevel
from secretariat.agencies import workbook_import as agency_import
from secretariat.agencies.contacts import (
    ContactRow,
    list_contacts,
    list_memberships,
    remove_contact,
)
from secretariat.agencies.regions import list_task_forces
from secretariat.agencies.register import (
    AgencyRow,
    archive_agency,
    delete_agency,
    list_agencies,
    restore_agency,
)
from secretariat.i18n import _
from secretariat.vocabulary import label
from ui.agency_dialogs import AgencyDialog, ContactDialog, MembershipDialog
from ui.context import AppContext
from ui.errors import attempt, confirm
from ui.icons import icon
from ui.page import Page
from ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel
from ui.workbook_import import WorkbookImport


def _table(parent, model, widths) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


class AgenciesPage(Page):
    WATCHES = ("agencies", "task_forces")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog = None
        self.model = RowTableModel([
            Column(_("Abbreviation"), lambda a: a.abbreviation),
            Column(_("Name"), lambda a: a.name, tooltip=lambda a: a.name),
            Column(_("Sector"), lambda a: a.sector),
            Column(_("Level"), lambda a: label(a.level)),
            Column(_("Region"), lambda a: a.region_name),
            Column(_("Phone"), lambda a: a.phone),
            Column(_("Status"), lambda a: _("Active") if a.active else _("Archived")),
        ], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(_("Filter by name or abbreviation…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.sector = QComboBox(self)
        self.level = QComboBox(self)
        self.level.addItem(_("(all levels)"), None)
        for level in AgencyLevel:
            self.level.addItem(label(level), level)
        self.archived = QCheckBox(_("Show archived"), self)
        for signal in (self.sector.currentIndexChanged, self.level.currentIndexChanged,
                       self.archived.toggled):
            signal.connect(self.refresh)

        self.table = _table(self, self.proxy, (130, 380, 120, 110, 200, 120))
        # Several agencies can be chosen at once, to give them all the same seat.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.table.doubleClicked.connect(self.edit_selected)

        add = QPushButton(icon("add"), _("New agency…"), self)
        add.clicked.connect(self.add_new)
        edit = QPushButton(icon("edit"), _("Change…"), self)
        edit.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton(icon("archive"), _("Archive"), self)
        self.archive_button.clicked.connect(self.archive_or_restore)
        delete = QPushButton(icon("delete"), _("Delete…"), self)
        delete.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(icon("open"), _("Import from Excel…"), self)
        self.import_button.setToolTip(_("Bring in a register kept in a workbook: one line per "
                                        "agency or per contact person, with the columns "
                                        "Singkatan and Instansi at least."))
        self.importer = WorkbookImport(
            context, self, title=_("Import agencies"), columns=agency_import.COLUMNS,
            required=agency_import.REQUIRED,
            run_import=lambda lines, trial, _source: agency_import.import_agencies(
                context.db, lines, trial=trial),
            summary=agency_import.summary,
            worth_asking=lambda outcome: outcome.agencies_added or outcome.contacts_added,
            kinds=("agencies",))
        self.import_button.clicked.connect(self.importer.run)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        tools = QHBoxLayout()
        for widget in (self.filter_box, self.sector, self.level, self.archived, add, edit,
                       self.archive_button, delete):
            tools.addWidget(widget, 1 if widget is self.filter_box else 0)

        self.contacts = RowTableModel([
            Column(_("Name"), lambda c: c.name),
            Column(_("Position"), lambda c: c.position, tooltip=lambda c: c.position),
            Column(_("Rank/grade"), lambda c: c.rank),
            Column(_("NIP/NRP"), lambda c: f"NRP {c.nrp}" if c.nrp else c.nip),
            Column(_("Phone"), lambda c: c.phone),
            Column(_("E-mail"), lambda c: c.email),
            Column(_("Focal point"), lambda c: "✓" if c.focal_point else ""),
        ], self)
        self.contact_table = _table(self, self.contacts, (200, 220, 120, 160, 120, 180))
        self.seats = RowTableModel([
            Column(_("Task force"), lambda m: m[0]),
            Column(_("Role"), lambda m: m[1].role),
            Column(_("Sub task force"), lambda m: m[1].sub_task_force),
        ], self)
        self.seat_table = _table(self, self.seats, (320, 140))
        add_contact = QPushButton(icon("add"), _("Add contact…"), self)
        add_contact.clicked.connect(self.add_contact)
        remove_contact_button = QPushButton(icon("delete"), _("Remove contact"), self)
        remove_contact_button.clicked.connect(self.remove_contact)
        self.add_seat_button = add_seat = QPushButton(icon("add"), _("Add seat…"), self)
        add_seat.clicked.connect(self.add_seat)
        self.detail_title = QLabel(self)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setStyleSheet("font-weight: bold;")
        detail = QWidget(self)
        column = QVBoxLayout(detail)
        column.addWidget(self.detail_title)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Contact people"), self), 1)
        row.addWidget(add_contact)
        row.addWidget(remove_contact_button)
        column.addLayout(row)
        column.addWidget(self.contact_table, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Seats in task forces"), self), 1)
        row.addWidget(add_seat)
        column.addLayout(row)
        column.addWidget(self.seat_table, 1)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([420, 300])
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(f"<h2>{_('Agencies')}</h2>", self), 1)
        heading.addWidget(self.import_button)  # once, at the start: apart from daily tools
        layout.addLayout(heading)
        layout.addLayout(tools)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        kept = self.selected_agency()
        sectors = sorted({a.sector for a in list_agencies(self.context.db, active=None)
                          if a.sector})
        chosen = self.sector.currentData()
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem(_("(all sectors)"), None)
        for sector in sectors:
            self.sector.addItem(sector, sector)
        self.sector.setCurrentIndex(max(0, self.sector.findData(chosen)))
        self.sector.blockSignals(False)
        ok, rows = attempt(self, lambda: list_agencies(
            self.context.db, active=None if self.archived.isChecked() else True,
            sector=self.sector.currentData(), level=self.level.currentData()))
        if ok:
            self.model.set_rows(rows)
            if kept is not None:
                self._select(kept.id)
        self._show_detail()
        self.loaded.emit()

    def focus_search(self) -> bool:
        self.filter_box.setFocus()
        self.filter_box.selectAll()
        return True

    def selected_agency(self) -> AgencyRow | None:
        """The agency the detail shows: the current line, if it is selected."""
        model = self.table.selectionModel()
        current = self.table.currentIndex()
        if current.isValid() and model.isRowSelected(current.row(), current.parent()):
            return self.proxy.index(current.row(), 0).data(ROW_ROLE)
        rows = model.selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_agencies(self) -> list[AgencyRow]:
        return [index.data(ROW_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _select(self, agency_id: int) -> bool:
        source = self.model.row_of_id(agency_id)
        if source is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def show_agency(self, agency_id: int) -> None:
        self.reload_if_stale()
        if not self._select(agency_id):  # hidden by a filter: show everything, then select
            self.filter_box.clear()
            self.sector.setCurrentIndex(0)
            self.level.setCurrentIndex(0)
            self.archived.setChecked(True)
            self._select(agency_id)

    def _show_detail(self, *_args) -> None:
        chosen = len(self.selected_agencies())
        self.add_seat_button.setText(_("Add seat for {count} agencies…").format(count=chosen)
                                     if chosen > 1 else _("Add seat…"))
        agency = self.selected_agency()
        self.archive_button.setText(_("Restore") if agency and not agency.active
                                    else _("Archive"))
        if agency is None:
            self.detail_title.clear()
            self.contacts.set_rows([])
            self.seats.set_rows([])
            return
        self.detail_title.setText(f"{agency.abbreviation} – {agency.name}")
        self.contacts.set_rows(list_contacts(self.context.db, agency.id))
        self.seats.set_rows([(tf.name, seat) for tf in list_task_forces(self.context.db)
                             for seat in list_memberships(self.context.db, tf.id)
                             if seat.agency_id == agency.id])

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    def add_new(self) -> None:
        self._open(AgencyDialog(self.context, parent=self))

    def edit_selected(self, *_args) -> None:
        agency = self.selected_agency()
        if agency is not None:
            self._open(AgencyDialog(self.context, agency, parent=self))

    def archive_or_restore(self) -> None:
        agency = self.selected_agency()
        if agency is None:
            return
        if agency.active:
            if not confirm(self, _("Archive"), _("Archive {name}? It keeps its history but is "
                                                 "no longer offered as a choice.").format(
                                                     name=agency.abbreviation)):
                return
            action = lambda: archive_agency(self.context.db, agency.id, agency.version)  # noqa: E731
        else:
            action = lambda: restore_agency(self.context.db, agency.id, agency.version)  # noqa: E731
        if attempt(self, action)[0]:
            self.context.changes.announce("agencies")

    def delete_selected(self) -> None:
        """Only an agency entered by mistake is deleted; the core refuses one with history."""
        agency = self.selected_agency()
        if agency is None or not confirm(self, _("Delete"), _(
                "Delete {name}? Agencies with meetings, commitments or seats cannot be deleted; "
                "archive them instead.").format(name=agency.abbreviation)):
            return
        if attempt(self, lambda: delete_agency(self.context.db, agency.id, agency.version))[0]:
            self.context.changes.announce("agencies")

    def add_contact(self) -> None:
        agency = self.selected_agency()
        if agency is not None:
            self._open(ContactDialog(self.context, agency.id, parent=self))

    def remove_contact(self) -> None:
        rows = self.contact_table.selectionModel().selectedRows()
        if not rows:
            return
        contact: ContactRow = rows[0].data(ROW_ROLE)
        if confirm(self, _("Remove contact"), _("Remove {name} from the contact people?").format(
                name=contact.name)) and attempt(self, lambda: remove_contact(
                    self.context.db, contact.id, contact.version))[0]:
            self.context.changes.announce("agencies")

    def add_seat(self) -> None:
        # Several selected (Ctrl/Shift+click): the same seat for each, e.g. after an import.
        agencies = self.selected_agencies()
        if agencies:
            self._open(MembershipDialog(self.context, tuple(a.id for a in agencies),
                                        parent=self))
