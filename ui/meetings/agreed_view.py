"""The tab of commitments agreed at this meeting: the list, and several new ones at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import MeetingStatus
from secretariat.agencies.register import list_agencies
from secretariat.commitments import workbook_import as commitment_import
from secretariat.commitments.queries import CommitmentFilter, get_commitment, list_commitments
from secretariat.commitments.recording import add_commitments, delete_commitment
from secretariat.errors import DomainError
from secretariat.i18n import _
from secretariat.meetings.lifecycle import MeetingRow
from secretariat.vocabulary import label
from ui.commitment_removal import ask_and_remove
from ui.formatting import short_date
from ui.icons import icon
from ui.meetings.agreed_entry import drafts
from ui.meetings.entry_grid import build_entry_grid
from ui.table_model import Column, RowTableModel
from ui.undo import CoreCommand
from ui.workbook_import import WorkbookImport


class CommitmentsTab(QWidget):
    def __init__(self, context, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self.meeting: MeetingRow | None = None
        self.model = RowTableModel([
            Column(_("No."), lambda r: str(r.number), sort_key=lambda r: r.number),
            Column(_("Commitment"), lambda r: r.text, tooltip=lambda r: r.text),
            Column(_("Lead agency"), lambda r: r.lead_agency),
            Column(_("Due date"), lambda r: short_date(r.due_date)),
            Column(_("Focus area"), lambda r: r.focus_area),
            Column(_("Sub task force"), lambda r: r.sub_task_force),
            Column(_("Status"), lambda r: label(r.status)),
        ], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in enumerate((40, 460, 140, 100, 200, 180)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: context.navigator.open_commitment(self.model.row_at(index.row()).id))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                  self.delete_selected, context=Qt.ShortcutContext.WidgetShortcut)

        agencies = list_agencies(context.db)
        self.agency_ids = {a.abbreviation.casefold(): a.id for a in agencies}
        self.entry_table = build_entry_grid(context.db, self)
        self.entry = self.entry_table.entry
        self.problem = QLabel(self)
        self.problem.setObjectName("entry_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b00020;")
        # A cell refused as it is left says so at once, under the table.
        self.entry.dataChanged.connect(lambda *_: self.problem.setText(self.entry.first_problem()))
        self.delete_button = QPushButton(icon("delete"), _("Delete commitment…"), self)
        self.delete_button.setToolTip(_("Remove the selected commitment, entered by mistake "
                                        "(Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.add_row_button = QPushButton(icon("add"), _("Add row"), self)
        self.add_row_button.clicked.connect(self.entry.add_row)
        self.save_button = QPushButton(icon("save"), _("Save all"), self)
        self.save_button.clicked.connect(self.save_all)
        # The matrix a secretariat kept in Excel for this meeting, brought in whole.
        self.import_button = QPushButton(icon("open"), _("Import from Excel…"), self)
        self.import_button.setToolTip(_(
            "Bring in this meeting's matriks tindak lanjut kept in a workbook: one line per "
            "commitment, with the columns Kesepakatan/Komitmen and Penanggung Jawab at least."))
        self.importer = WorkbookImport(
            context, self, title=_("Import commitments"), columns=commitment_import.COLUMNS,
            required=commitment_import.REQUIRED, run_import=self._import,
            summary=commitment_import.summary,
            worth_asking=lambda outcome: outcome.commitments_added,
            kinds=("commitments", "meetings"))
        self.import_button.clicked.connect(self.importer.run)
        self.locked = QLabel(self)
        self.locked.setStyleSheet("color: #7a4b00;")

        entry_box = QWidget(self)
        entry_layout = QVBoxLayout(entry_box)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(_("New commitments agreed at this meeting:"), self))
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_row_button)
        buttons.addWidget(self.save_button)
        entry_layout.addLayout(buttons)
        entry_layout.addWidget(self.entry_table, 1)
        entry_layout.addWidget(self.problem)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(entry_box)
        agreed_box = QWidget(self)
        agreed_layout = QVBoxLayout(agreed_box)
        agreed_layout.setContentsMargins(0, 0, 0, 0)
        agreed_layout.addWidget(self.table, 1)
        agreed_buttons = QHBoxLayout()
        agreed_buttons.addStretch(1)
        agreed_buttons.addWidget(self.delete_button)
        agreed_layout.addLayout(agreed_buttons)
        split.insertWidget(0, agreed_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.locked)
        layout.addWidget(split, 1)

    def load(self, meeting: MeetingRow) -> None:
        if self.meeting is not None and self.meeting.id != meeting.id:
            self.entry.clear()  # typed rows belong to the meeting they were typed for
        self.meeting = meeting
        rows = list_commitments(self.context.db, CommitmentFilter(meeting_id=meeting.id),
                                limit=None, today=self.context.today())
        # In the order agreed (as the minutes and the matrix list them), not by due date.
        self.model.set_rows(sorted(rows, key=lambda row: row.number))
        final = meeting.status in (MeetingStatus.MINUTES_FINAL, MeetingStatus.CANCELLED)
        self.locked.setText(_("The minutes are final: reopen them to add commitments.")
                            if final else "")
        self.locked.setVisible(final)
        for widget in (self.entry_table, self.add_row_button, self.save_button,
                       self.delete_button, self.import_button):
            widget.setEnabled(not final)

    def _import(self, lines, trial: bool, source: str):
        return commitment_import.import_commitments(
            self.context.db, self.meeting.id, lines, today=self.context.today(), source=source,
            trial=trial)

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.delete_button.isEnabled():
            ask_and_remove(self, self.context, self.model.row_at(rows[0].row()))

    def save_all(self) -> None:
        self.problem.clear()
        rows = self.entry.filled_rows()
        if not rows or self.meeting is None:
            return
        try:
            new = drafts(rows, self.agency_ids)
        except DomainError as error:
            self.problem.setText(error.message)
            return
        db, meeting_id = self.context.db, self.meeting.id
        made: list[int] = []

        def do() -> None:
            made[:] = add_commitments(db, meeting_id, new)

        def undo() -> None:
            for commitment_id in reversed(made):
                delete_commitment(db, commitment_id, get_commitment(db, commitment_id).row.version)

        # Made before it enters the history, so a refused row is shown on the tab with
        # every row kept as typed.
        try:
            do()
        except DomainError as error:
            self.problem.setText(error.message)
            return
        self.entry.clear()
        self.undo_stack.push(CoreCommand(
            self.context, _("Add {count} commitments").format(count=len(new)), do, undo,
            kinds=("commitments", "meetings"), parent_widget=self, already_done=True))
