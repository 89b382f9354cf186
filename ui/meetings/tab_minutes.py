"""The minutes (notulen) of one meeting: opening words, what was discussed and decided on
each agenda item, and the conclusions; then making them final, or reopening them.

Text is typed freely and saved with one button (one undo step); unsaved text survives the
page's reloads and moving between agenda items. Final minutes are read-only: reopening
asks for a reason, which the core keeps and this tab shows.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models import MeetingStatus
from secretariat.errors import DomainError
from secretariat.i18n import N_, _
from secretariat.meetings.lifecycle import (
    ItemMinutes,
    MeetingRow,
    MinutesText,
    finalising_concerns,
    get_meeting,
    get_minutes,
    list_agenda,
    mark_held,
    save_minutes,
)
from ui.context import AppContext
from ui.errors import attempt, confirm, show_error
from ui.icons import icon
from ui.meetings.minutes_buffer import (
    CONCLUSIONS,
    DECISIONS,
    DISCUSSION,
    OPENING,
    MinutesBuffer,
    item_field,
)
from ui.meetings.minutes_commands import MinutesEdits
from ui.meetings.minutes_editor import UNSAVED, MinutesEditor, plain_label
from ui.meetings.minutes_reopen_dialog import ReopenMinutesDialog

EDITABLE = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT)
EXPLANATION = {
    MeetingStatus.PLANNED: N_("The meeting has not been held yet; its minutes are written "
                              "once it has been held."),
    MeetingStatus.HELD: N_("No minutes written yet. Type them below and save; they stay a "
                           "draft until they are made final."),
    MeetingStatus.MINUTES_DRAFT: N_("The minutes are a draft and can still be changed."),
    MeetingStatus.MINUTES_FINAL: N_("The minutes are final and read-only. Reopen them, with "
                                    "a reason, to correct them."),
    MeetingStatus.CANCELLED: N_("This meeting was cancelled; it has no minutes."),
}


class MinutesTab(QWidget):
    """Created by the meeting page, which calls `load(meeting)` whenever the meeting changes."""

    def __init__(self, context: AppContext, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self.edits = MinutesEdits(context, undo_stack, self)
        self.buffer = MinutesBuffer()
        self.meeting: MeetingRow | None = None
        self.minutes: MinutesText | None = None
        self.dialog: ReopenMinutesDialog | None = None

        self.status_label = plain_label(self, "minutes_status")
        self.status_label.setStyleSheet("font-weight: bold;")
        self.held_button = QPushButton(_("Mark as held"), self)
        self.held_button.clicked.connect(self.mark_held)
        self.finalise_button = QPushButton(_("Make final…"), self)
        self.finalise_button.clicked.connect(self.finalise)
        self.reopen_button = QPushButton(_("Reopen…"), self)
        self.reopen_button.clicked.connect(self.reopen)
        self.history = plain_label(self, "minutes_history")
        self.history.setStyleSheet("color: #555;")
        self.editor = MinutesEditor(self.buffer, self)
        self.editor.typed.connect(self._show_state)
        # The editor's parts, by their plain names (tests and the page reach them here).
        self.opening, self.conclusions = self.editor.opening, self.editor.conclusions
        self.discussion, self.decisions = self.editor.discussion, self.editor.decisions
        self.items, self.items_model = self.editor.items, self.editor.items_model
        self.item_heading = self.editor.item_heading
        self.unsaved_label = QLabel(_("Unsaved changes"), self)
        self.unsaved_label.setStyleSheet(f"color: {UNSAVED.name()}; font-weight: bold;")
        self.save_button = QPushButton(icon("save"), _("Save minutes"), self)
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        for button in (self.held_button, self.finalise_button, self.reopen_button):
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.unsaved_label)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.history)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)
        self._show_state()

    def load(self, meeting: MeetingRow) -> None:
        """Show the minutes of `meeting`; text typed and not saved yet stays as typed."""
        new_meeting = self.meeting is None or self.meeting.id != meeting.id
        if new_meeting:
            self.buffer.forget()
        self.meeting = meeting
        db = self.context.db
        ok, found = attempt(self, lambda: (get_minutes(db, meeting.id),
                                           list_agenda(db, meeting.id)))
        if not ok:
            return
        self.minutes, rows = found
        stored = {OPENING: self.minutes.opening, CONCLUSIONS: self.minutes.conclusions}
        for row in rows:
            stored[item_field(row.id, DISCUSSION)] = row.discussion
            stored[item_field(row.id, DECISIONS)] = row.decisions
        self.buffer.load(stored)
        self.editor.show_items(rows, new_meeting=new_meeting)
        self._show_state()

    def _show_state(self) -> None:
        status = self.meeting.status if self.meeting else None
        editable = status in EDITABLE
        self.editor.set_editable(editable)
        # The header above names the status; this line says what it means here.
        self.status_label.setText(_(EXPLANATION[status]) if status is not None else "")
        self.held_button.setVisible(status is MeetingStatus.PLANNED)
        self.finalise_button.setVisible(editable)
        self.reopen_button.setVisible(status is MeetingStatus.MINUTES_FINAL)
        reasons = self.minutes.reopen_reasons if self.minutes else ""
        self.history.setVisible(bool(reasons))
        self.history.setText(_("Reopened before. Reasons given:") + "\n" + "\n".join(
            "• " + line for line in reasons.splitlines()) if reasons else "")
        dirty = self.buffer.is_dirty()
        self.unsaved_label.setVisible(dirty)
        self.save_button.setEnabled(editable and dirty)

    def has_unsaved_changes(self) -> bool:
        return self.buffer.is_dirty()

    def field_error(self, field: str) -> str:
        return self.editor.field_error(field)

    # -- actions
    def save(self) -> bool:
        """Save every typed text in one go (one undo step); False when the core refused."""
        if self.meeting is None or not self.buffer.is_dirty():
            return True
        self.editor.clear_errors()
        buffer, meeting_id = self.buffer, self.meeting.id
        versions = {row.id: row.version for row in self.items_model.rows()}
        dirty = sorted(buffer.dirty_items())

        def texts(read) -> dict[int, tuple[str, str]]:
            return {i: (read(item_field(i, DISCUSSION)), read(item_field(i, DECISIONS)))
                    for i in dirty}
        after, before = texts(buffer.value), texts(buffer.stored)
        try:
            save_minutes(self.context.db, meeting_id, buffer.value(OPENING),
                         buffer.value(CONCLUSIONS),
                         [ItemMinutes(i, *after[i], versions[i]) for i in dirty],
                         self.minutes.version)
        except DomainError as error:
            if not self.editor.report(error):
                show_error(self, error)
            return False
        undo_to = self.edits.snapshot(buffer.stored(OPENING), buffer.stored(CONCLUSIONS), before)
        redo_to = self.edits.snapshot(buffer.value(OPENING), buffer.value(CONCLUSIONS), after)
        buffer.saved()
        self.edits.saved(meeting_id, undo_to, redo_to)  # the page reloads: cleaned text shows
        self._show_state()
        return True

    def finalise(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        ok, concerns = attempt(self, lambda: finalising_concerns(self.context.db, meeting_id))
        if not ok:
            return
        question = _("Make these minutes final? Final minutes can no longer be changed; "
                     "correcting them later means reopening them with a reason. Unsaved text "
                     "is saved first.")
        if concerns:
            question = "\n\n".join([*("• " + concern for concern in concerns), question])
        if not confirm(self, _("Make minutes final"), question):
            return
        meeting = self.meeting
        if self.buffer.is_dirty():
            if not self.save():
                return
            ok, meeting = attempt(self, lambda: get_meeting(self.context.db, meeting.id))
            if not ok:
                return
        self.edits.finalise(meeting)

    def reopen(self) -> None:
        if self.meeting is None or self.minutes is None:
            return
        self.dialog = ReopenMinutesDialog(self.context, self.meeting.id, self.minutes.version,
                                          self.minutes.reopen_reasons, self)
        self.dialog.accepted.connect(
            lambda: self.edits.reopened(self.dialog.meeting_id, self.dialog.result_value))
        self.dialog.open()

    def mark_held(self) -> None:
        """Not an undo step: the core has no way back from "held" to "planned"."""
        meeting = self.meeting
        if meeting is None:
            return
        ok, _none = attempt(self, lambda: mark_held(self.context.db, meeting.id, meeting.version,
                                                    today=self.context.today()))
        if ok:
            self.context.changes.announce("meetings")
