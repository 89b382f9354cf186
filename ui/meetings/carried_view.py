"""The tab of commitments carried forward: still open from earlier meetings of the task force.

During the rakor each lead agency reports; the secretariat records the new status here as
a follow-up linked to this meeting. The core keeps follow-ups as a log that is never
rewritten, so recording one is not an undo step: a mistaken report is corrected by the next.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import CommitmentStatus, FollowUpSource
from secretariat.commitments.follow_ups import FollowUpDraft, record_follow_up
from secretariat.commitments.queries import CommitmentRow, carry_forward
from secretariat.i18n import _
from secretariat.meetings.lifecycle import MeetingRow
from secretariat.vocabulary import label
from ui.formatting import short_date
from ui.forms import FormDialog
from ui.icons import icon
from ui.table_model import ROW_ROLE, Column, RowTableModel

LATE = QColor("#b00020")


class StatusUpdateDialog(FormDialog):
    def __init__(self, context, meeting: MeetingRow, row: CommitmentRow, parent=None) -> None:
        super().__init__(_("Progress reported at this meeting"), parent)
        self.context = context
        self.meeting = meeting
        self.row = row
        what = QLabel(row.text, self)
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        self.form.layout.addRow(_("Commitment"), what)
        self.status = self.form.add("status", _("New status"), QComboBox(self))
        for status in CommitmentStatus:
            self.status.addItem(label(status), status)
        self.status.setCurrentIndex(self.status.findData(CommitmentStatus.IN_PROGRESS))
        self.progress = self.form.add("progress", _("Progress (%)"), QSpinBox(self))
        self.progress.setRange(0, 100)
        self.progress.setValue(row.progress)
        self.note = self.form.add("note", _("What was done"), QPlainTextEdit(self))
        self.reason = self.form.add("status_reason", _("Reason (when it cannot be followed up)"),
                                    QPlainTextEdit(self))
        for edit in (self.note, self.reason):
            edit.setMaximumHeight(80)
        self.resize(560, self.sizeHint().height())

    def save(self) -> int:
        # Qt hands the enum back as its plain string value: turn it into the status again.
        status = CommitmentStatus(self.status.currentData())
        draft = FollowUpDraft(
            status=status, source=FollowUpSource.MEETING, meeting_id=self.meeting.id,
            progress=self.progress.value() if status is CommitmentStatus.IN_PROGRESS else None,
            reporting_agency_id=self.row.lead_agency_id, note=self.note.toPlainText(),
            status_reason=self.reason.toPlainText())
        made = record_follow_up(self.context.db, self.row.id, draft, self.row.version,
                                today=self.context.today())
        self.context.changes.announce("commitments")
        return made


class CarryForwardTab(QWidget):
    def __init__(self, context, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: MeetingRow | None = None
        self.dialog: StatusUpdateDialog | None = None
        self.model = RowTableModel([
            Column(_("Meeting"), lambda r: short_date(r.meeting_date),
                   sort_key=lambda r: r.meeting_date),
            Column(_("No."), lambda r: str(r.number)),
            Column(_("Commitment"), lambda r: r.text, tooltip=lambda r: r.text),
            Column(_("Lead agency"), lambda r: r.lead_agency),
            Column(_("Due date"), lambda r: short_date(r.due_date)),
            Column(_("Status"), lambda r: label(r.status)),
            Column(_("Progress"), lambda r: f"{r.progress} %"),
            Column(_("Days late"), lambda r: str(r.days_late) if r.overdue else "",
                   foreground=lambda r: LATE if r.overdue else None),
        ], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in enumerate((100, 40, 480, 140, 100, 150, 70)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.update_selected)
        self.summary = QLabel(self)
        update = QPushButton(icon("edit"), _("Record progress…"), self)
        update.clicked.connect(self.update_selected)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(update)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def load(self, meeting: MeetingRow) -> None:
        self.meeting = meeting
        rows = carry_forward(self.context.db, meeting.id, today=self.context.today())
        kept = self.selected_row()
        self.model.set_rows(rows)
        if kept is not None and (number := self.model.row_of_id(kept.id)) is not None:
            self.table.selectRow(number)
        late = sum(r.overdue for r in rows)
        self.summary.setText(_("{count} commitments still open from earlier meetings, {late} "
                               "of them overdue.").format(count=len(rows), late=late))

    def selected_row(self) -> CommitmentRow | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return rows[0].data(ROW_ROLE) if rows else None

    def update_selected(self, *_args) -> None:
        row = self.selected_row()
        if row is None or self.meeting is None:
            return
        self.dialog = StatusUpdateDialog(self.context, self.meeting, row, self)
        self.dialog.open()
