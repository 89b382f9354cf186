"""One meeting's page: its header and the tabs a secretariat works through during a rakor.

Tabs: agenda, attendance, minutes, the commitments agreed at this meeting, and the
carry-forward list of commitments still open from earlier meetings. All edits on this page
go through one undo stack (Ctrl+Z / Ctrl+Y in the Edit menu).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from secretariat.i18n import _
from secretariat.meetings.lifecycle import MeetingRow, get_meeting
from secretariat.vocabulary import label
from ui.context import AppContext
from ui.errors import attempt
from ui.formatting import long_date, time_span
from ui.icons import icon
from ui.meetings.agreed_view import CommitmentsTab
from ui.meetings.attendance_view import AttendanceTab
from ui.meetings.carried_view import CarryForwardTab
from ui.meetings.tab_agenda import AgendaTab
from ui.meetings.tab_minutes import MinutesTab


class MeetingView(QWidget):
    """Shows one meeting; `show_meeting(id)` loads it, `back_requested` returns to the list."""

    back_requested = Signal()
    loaded = Signal()

    def __init__(self, context: AppContext, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self.meeting: MeetingRow | None = None

        back = QPushButton(icon("back"), _("Back to the meetings"), self)
        back.clicked.connect(self.back_requested.emit)
        # Right after a meeting the clerk prints its papers: one click to them, not a search.
        self.documents_button = documents = QPushButton(
            icon("print"), _("Invitation, attendance, minutes…"), self)
        documents.setToolTip(_("Open Documents with this meeting chosen: surat undangan, "
                               "daftar hadir and notulen as PDF, to preview and print."))
        documents.clicked.connect(self._show_documents)
        self.title = QLabel(self)
        self.title.setObjectName("meeting_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("meeting_facts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.agenda = AgendaTab(context, undo_stack, self)
        self.attendance = AttendanceTab(context, undo_stack, self)
        self.minutes = MinutesTab(context, undo_stack, self)
        self.commitments = CommitmentsTab(context, undo_stack, self)
        self.carry_forward = CarryForwardTab(context, undo_stack, self)
        self.tabs.addTab(self.agenda, _("Agenda"))
        self.tabs.addTab(self.attendance, _("Attendance"))
        self.tabs.addTab(self.minutes, _("Minutes"))
        self.tabs.addTab(self.commitments, _("Commitments"))
        self.tabs.addTab(self.carry_forward, _("Carried forward"))

        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        top.addWidget(documents)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        context.changes.changed.connect(self._on_change)

    def _show_documents(self) -> None:
        if self.meeting is not None:
            self.context.navigator.show_meeting_documents(self.meeting.id)

    def _tabs(self):
        return (self.agenda, self.attendance, self.minutes, self.commitments, self.carry_forward)

    def show_meeting(self, meeting_id: int) -> bool:
        ok, meeting = attempt(self, lambda: get_meeting(self.context.db, meeting_id))
        if not ok:
            return False
        if self.meeting is None or self.meeting.id != meeting_id:
            self.undo_stack.clear()  # undo steps belong to the meeting they were made on
        self.meeting = meeting
        self._show_header(meeting)
        for tab in self._tabs():
            tab.load(meeting)
        self.loaded.emit()
        return True

    def _show_header(self, m: MeetingRow) -> None:
        # Plain text: a title typed with "<" or "&" must show as typed, not as markup.
        self.title.setText(m.title)
        when = long_date(m.date)
        span = time_span(m.start_time, m.end_time, m.time_zone.value,
                         next_day=m.ends_next_day)
        parts = [label(m.kind), f"{when} {span}".strip(), m.place, m.task_force,
                 label(m.status)]
        self.facts.setText(" · ".join(p for p in parts if p))

    def _on_change(self, kind: str) -> None:
        # Another tab (or an undo) changed this meeting: reload header and tabs.
        if self.meeting is not None and kind in ("meetings", "attendance", "commitments") \
                and self.isVisible():
            self.show_meeting(self.meeting.id)
