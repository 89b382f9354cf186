"""The agenda (susunan acara) of one meeting: numbered items with who presents them.

Items are added and edited in a small dialog, removed after a confirmation and moved up
or down; every change is one step on the meeting page's undo stack. What was discussed
and decided on each item is written in the Minutes tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
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

from models import MeetingStatus
from secretariat.i18n import N_, _
from secretariat.meetings.lifecycle import AgendaRow, MeetingRow, list_agenda
from ui.context import AppContext
from ui.errors import attempt, confirm
from ui.icons import icon
from ui.meetings.agenda_commands import AgendaEdits
from ui.meetings.agenda_dialog import AgendaItemDialog
from ui.table_model import Column, RowTableModel

# Why the agenda cannot be changed (the core refuses it too; this says so up front).
CLOSED_NOTICE = {
    MeetingStatus.MINUTES_FINAL: N_("The minutes are final, so the agenda is closed. Reopen "
                                    "the minutes (Minutes tab) to change it."),
    MeetingStatus.CANCELLED: N_("This meeting was cancelled; its agenda cannot be changed."),
}


def _columns() -> list[Column[AgendaRow]]:
    return [
        Column(_("No."), lambda r: str(r.position), align_right=True),
        Column(_("Agenda item"), lambda r: r.title, tooltip=lambda r: r.title),
        Column(_("Presenter"), lambda r: r.presenter, tooltip=lambda r: r.presenter),
    ]


class AgendaTab(QWidget):
    """Created by the meeting page, which calls `load(meeting)` whenever the meeting changes."""

    def __init__(self, context: AppContext, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self.edits = AgendaEdits(context, undo_stack, self)
        self.meeting: MeetingRow | None = None
        self.dialog: AgendaItemDialog | None = None
        self.model = RowTableModel(_columns(), self)

        self.table = QTableView(self)
        self.table.setObjectName("agenda_table")
        # Not sortable: the order of the rows is the order of the meeting.
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 520)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(icon("add"), _("Add item…"), self)
        self.add_button.clicked.connect(self.add_new)
        self.edit_button = QPushButton(icon("edit"), _("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(icon("delete"), _("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton(icon("up"), _("Move up"), self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(icon("down"), _("Move down"), self)
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self._table_shortcut(QKeySequence.StandardKey.Delete, self.remove_selected)
        self._table_shortcut(QKeySequence("Alt+Up"), lambda: self.move_selected(-1))
        self._table_shortcut(QKeySequence("Alt+Down"), lambda: self.move_selected(+1))
        native = QKeySequence.SequenceFormat.NativeText
        self.up_button.setToolTip(QKeySequence("Alt+Up").toString(native))
        self.down_button.setToolTip(QKeySequence("Alt+Down").toString(native))

        self.notice = QLabel(self)
        self.notice.setObjectName("agenda_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()

        tools = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button,
                       self.up_button, self.down_button):
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def _table_shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, slot) -> None:
        action = QAction(self.table)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)

    # -- loading
    def load(self, meeting: MeetingRow) -> None:
        """Show the agenda of `meeting`, keeping the selected item selected."""
        same_meeting = self.meeting is not None and self.meeting.id == meeting.id
        selected = self.selected_row() if same_meeting else None
        self.meeting = meeting
        ok, rows = attempt(self, lambda: list_agenda(self.context.db, meeting.id))
        self.model.set_rows(rows if ok else [])
        if selected is not None:
            self.select_item(selected.id)
        notice = CLOSED_NOTICE.get(meeting.status)
        self.notice.setText(_(notice) if notice else "")
        self.notice.setVisible(notice is not None)
        self._update_buttons()

    def is_open(self) -> bool:
        return self.meeting is not None and self.meeting.status not in CLOSED_NOTICE

    def selected_row(self) -> AgendaRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of_id(item_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self, *_args) -> None:
        row = self.selected_row()
        editable = self.is_open()
        self.add_button.setEnabled(editable)
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(editable and row is not None)
        self.up_button.setEnabled(editable and row is not None and row.position > 1)
        self.down_button.setEnabled(editable and row is not None
                                    and row.position < self.model.rowCount())

    # -- editing
    def add_new(self) -> None:
        if not self.is_open():
            return
        self.dialog = AgendaItemDialog(self.context, self.meeting.id, None, self)
        self.dialog.accepted.connect(self._added)
        self.dialog.open()

    def _added(self) -> None:
        dialog = self.dialog
        self.edits.added(dialog.meeting_id, dialog.result_value, dialog.draft())
        self.select_item(dialog.result_value)

    def edit_selected(self, *_args) -> None:
        row = self.selected_row()
        if row is None or not self.is_open():
            return
        self.dialog = AgendaItemDialog(self.context, self.meeting.id, row, self)
        self.dialog.accepted.connect(self._edited)
        self.dialog.open()

    def _edited(self) -> None:
        dialog = self.dialog
        self.edits.edited(dialog.meeting_id, dialog.row.id, dialog.row, dialog.draft())

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.is_open():
            return
        # The number, not the title: a message box could read a typed "<b>" as markup.
        question = _("Remove agenda item {number} and what the minutes say about it? "
                     "Undo (Ctrl+Z) brings it back.").format(number=row.position)
        if confirm(self, _("Remove agenda item"), question):
            self.edits.remove(row)

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not self.is_open():
            return
        position = row.position + step
        if 1 <= position <= self.model.rowCount():
            self.edits.move(row, position)
            self.select_item(row.id)
