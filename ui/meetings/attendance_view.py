"""The attendance tab: who came, per invited agency and person, ticked during the meeting.

Every change is one undo step. A status is set on the selected lines with one click;
"represented" asks for the deputy's name, jabatan, unit and phone, which the daftar hadir
prints on the official's line.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import AttendanceStatus
from secretariat.agencies.register import list_agencies
from secretariat.errors import RefusedError
from secretariat.i18n import _
from secretariat.meetings.attendance import (
    AttendanceDraft,
    AttendanceRow,
    add_attendance,
    invite_members,
    list_attendance,
    mark_all_invited_present,
    remove_attendance,
    update_attendance,
)
from secretariat.meetings.lifecycle import MeetingRow
from secretariat.vocabulary import label
from ui.errors import confirm
from ui.forms import FormDialog
from ui.icons import icon
from ui.meetings.deputy_dialog import DeputyDialog
from ui.table_model import ROW_ROLE, Column, RowTableModel
from ui.undo import CoreCommand

_COLOURS = {
    AttendanceStatus.PRESENT: QColor("#d4edda"),
    AttendanceStatus.REPRESENTED: QColor("#e3f2fd"),
    AttendanceStatus.EXCUSED: QColor("#fff3cd"),
    AttendanceStatus.ABSENT: QColor("#f8d7da"),
}


def _draft(row: AttendanceRow, **changes) -> AttendanceDraft:
    draft = AttendanceDraft(agency_id=row.agency_id, person_id=row.person_id, name=row.name,
                            position=row.position, phone=row.phone, status=row.status,
                            **_deputy_of(row))
    return replace(draft, **changes)


def _deputy_of(row: AttendanceRow | AttendanceDraft) -> dict[str, str]:
    return {"represented_by": row.represented_by,
            "represented_position": row.represented_position,
            "represented_unit": row.represented_unit,
            "represented_phone": row.represented_phone}


class AttendeeDialog(FormDialog):
    """Someone who came without being on the invitation list."""

    def __init__(self, context, meeting_id: int, parent=None) -> None:
        super().__init__(_("Add attendee"), parent)
        self.context = context
        self.meeting_id = meeting_id
        self.agency = self.form.add("agency_id", _("Agency"), QComboBox(self))
        self.agency.addItem("—", None)
        for agency in list_agencies(context.db):
            self.agency.addItem(f"{agency.abbreviation} – {agency.name}", agency.id)
        self.name = self.form.add("name", _("Name"), QLineEdit(self))
        self.position = self.form.add("position", _("Position"), QLineEdit(self))
        self.phone = self.form.add("phone", _("Phone"), QLineEdit(self))
        self.resize(520, self.sizeHint().height())

    def draft(self) -> AttendanceDraft:
        return AttendanceDraft(agency_id=self.agency.currentData(), name=self.name.text(),
                               position=self.position.text(), phone=self.phone.text(),
                               status=AttendanceStatus.PRESENT)

    def save(self) -> int:
        return add_attendance(self.context.db, self.meeting_id, self.draft(),
                              today=self.context.today())


class AttendanceTab(QWidget):
    def __init__(self, context, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self.meeting: MeetingRow | None = None
        self.dialog: AttendeeDialog | None = None
        self.deputy_dialog: DeputyDialog | None = None
        self.model = RowTableModel([
            Column(_("Agency"), lambda r: r.agency_abbreviation, tooltip=lambda r: r.agency_name),
            Column(_("Name"), lambda r: r.name),
            Column(_("Position"), lambda r: r.position),
            Column(_("Status"), lambda r: label(r.status),
                   background=lambda r: _COLOURS.get(r.status)),
            Column(_("Represented by"), lambda r: r.represented_by,
                   tooltip=lambda r: r.deputy_details),
            Column(_("Phone"), lambda r: r.phone),
        ], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 260, 260, 130, 200)):
            self.table.setColumnWidth(column, width)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                  self.remove_selected, context=Qt.ShortcutContext.WidgetShortcut)
        self.count = QLabel(self)
        self.count.setObjectName("attendance_count")

        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for status in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT,
                       AttendanceStatus.EXCUSED, AttendanceStatus.REPRESENTED):
            button = QPushButton(label(status), self)
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            row.addWidget(button)
            self.buttons.append(button)
        self.all_present = QPushButton(_("All invited present"), self)
        self.all_present.clicked.connect(self.mark_all_present)
        self.invite_members_button = QPushButton(icon("add"), _("Invite the members"), self)
        self.invite_members_button.setToolTip(_(
            "Put every member agency of the task force on the list, through its focal point; "
            "agencies already on the list are left as they are."))
        self.invite_members_button.clicked.connect(self.invite_members)
        add = QPushButton(icon("add"), _("Add attendee…"), self)
        add.clicked.connect(self.add_attendee)
        remove = QPushButton(icon("delete"), _("Remove"), self)
        remove.clicked.connect(self.remove_selected)
        self.buttons += [self.all_present, self.invite_members_button, add, remove]
        row.addStretch(1)
        for button in (self.all_present, self.invite_members_button, add, remove):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def load(self, meeting: MeetingRow) -> None:
        self.meeting = meeting
        kept = {r.id for r in self.selected_rows()}
        rows = list_attendance(self.context.db, meeting.id)
        self.model.set_rows(rows)
        for number, line in enumerate(rows):
            if line.id in kept:
                self.table.selectRow(number)
        came = sum(r.status in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED)
                   for r in rows)
        self.count.setText(_("Present: {came} of {invited}").format(came=came,
                                                                    invited=len(rows)))

    def selected_rows(self) -> list[AttendanceRow]:
        model = self.table.selectionModel()
        return [index.data(ROW_ROLE) for index in model.selectedRows()] if model else []

    def _current(self, line_id: int) -> AttendanceRow:
        return next(r for r in list_attendance(self.context.db, self.meeting.id)
                    if r.id == line_id)

    def _push(self, text: str, do, undo) -> None:
        self.undo_stack.push(CoreCommand(self.context, text, do, undo,
                                         kinds=("attendance", "meetings"), parent_widget=self))

    def set_status(self, status: AttendanceStatus) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if status is AttendanceStatus.REPRESENTED:
            self.ask_deputy(rows)
            return
        self._apply_status(rows, status, AttendanceDraft())

    def ask_deputy(self, rows: list[AttendanceRow]) -> None:
        """Who came instead, with their jabatan, unit and phone; saved once accepted."""
        official = rows[0].name if len(rows) == 1 else ""
        self.deputy_dialog = DeputyDialog(official, self)
        self.deputy_dialog.accepted.connect(lambda: self._apply_status(
            rows, AttendanceStatus.REPRESENTED, self.deputy_dialog.result_value))
        self.deputy_dialog.open()

    def _apply_status(self, rows: list[AttendanceRow], status: AttendanceStatus,
                      deputy: AttendanceDraft) -> None:
        db, today = self.context.db, self.context.today()
        before = {row.id: row for row in rows}

        def do() -> None:
            for line_id in before:
                now = self._current(line_id)
                update_attendance(db, line_id, _draft(now, status=status, **_deputy_of(deputy)),
                                  now.version, today=today)

        def undo() -> None:
            for line_id, old in before.items():
                now = self._current(line_id)
                update_attendance(db, line_id, _draft(now, status=old.status,
                                                      **_deputy_of(old)),
                                  now.version, today=today)

        self._push(_("Attendance: {status}").format(status=label(status)), do, undo)

    def mark_all_present(self) -> None:
        invited = [r.id for r in self.model.rows() if r.status is AttendanceStatus.INVITED]
        if not invited:
            return
        db, meeting_id, today = self.context.db, self.meeting.id, self.context.today()

        def undo() -> None:
            for line_id in invited:
                now = self._current(line_id)
                update_attendance(db, line_id, _draft(now, status=AttendanceStatus.INVITED),
                                  now.version, today=today)

        self._push(_("All invited present"),
                   lambda: mark_all_invited_present(db, meeting_id, today=today), undo)

    def invite_members(self) -> None:
        """The task force's members on the list in one step (one undo takes them off)."""
        if self.meeting is None:
            return
        db, meeting_id, today = self.context.db, self.meeting.id, self.context.today()
        made: list[int] = []

        def do() -> None:
            made[:] = invite_members(db, meeting_id, today=today)
            if not made:
                raise RefusedError(_("Every member agency of the task force is already on "
                                     "the list."))

        def undo() -> None:
            for line_id in made:
                remove_attendance(db, line_id, self._current(line_id).version)

        self._push(_("Invite the members"), do, undo)

    def add_attendee(self) -> None:
        if self.meeting is None:
            return
        self.dialog = AttendeeDialog(self.context, self.meeting.id, self)
        self.dialog.accepted.connect(lambda: self._added(self.dialog.result_value,
                                                         self.dialog.draft()))
        self.dialog.open()

    def _added(self, line_id: int, draft: AttendanceDraft) -> None:
        # The dialog saved the line (so a refusal showed next to its field); the undo step
        # starts from there, and a redo after an undo adds it again.
        db, meeting_id, today = self.context.db, self.meeting.id, self.context.today()
        made = [line_id]

        def do() -> None:
            made[:] = [add_attendance(db, meeting_id, draft, today=today)]

        def undo() -> None:
            remove_attendance(db, made[0], self._current(made[0]).version)

        self.undo_stack.push(CoreCommand(self.context, _("Add attendee"), do, undo,
                                         kinds=("attendance", "meetings"), parent_widget=self,
                                         already_done=True))

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or not confirm(self, _("Remove"), _("Remove the selected lines from the "
                                                        "attendance list?")):
            return
        db, meeting_id, today = self.context.db, self.meeting.id, self.context.today()
        removed = {row.id: _draft(row) for row in rows}
        back: dict[int, int] = {}

        def do() -> None:
            for line_id in removed:
                current = back.get(line_id, line_id)
                remove_attendance(db, current, self._current(current).version)

        def undo() -> None:
            for line_id, draft in removed.items():
                back[line_id] = add_attendance(db, meeting_id, draft, today=today)

        self._push(_("Remove from attendance"), do, undo)
