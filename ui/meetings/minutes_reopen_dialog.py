"""Asks why final minutes are reopened; the reason is kept with the meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from secretariat.i18n import _
from secretariat.meetings.lifecycle import reopen_minutes
from ui.context import AppContext
from ui.forms import FormDialog


class ReopenMinutesDialog(FormDialog):
    """An empty reason is refused by the core and the refusal shows under the field."""

    def __init__(self, context: AppContext, meeting_id: int, version: int,
                 earlier_reasons: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Reopen minutes"), parent)
        self.context = context
        self.meeting_id = meeting_id
        self.version = version
        explanation = QLabel(_("Final minutes are reopened only to correct them. Say why: "
                               "the reason is kept with the meeting."), self)
        explanation.setWordWrap(True)
        self.form.layout.insertRow(0, explanation)
        if earlier_reasons:
            # Typed by users: plain text, never markup.
            self.earlier = QLabel(earlier_reasons, self)
            self.earlier.setTextFormat(Qt.TextFormat.PlainText)
            self.earlier.setWordWrap(True)
            self.form.layout.insertRow(1, _("Reopened before"), self.earlier)
        self.reason = self.form.add("reason", _("Reason"), QPlainTextEdit(self))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("e.g. A participant's name was misspelt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Reopen"))
        self.resize(520, 300)

    def save(self) -> str:
        reason = self.reason.toPlainText()
        reopen_minutes(self.context.db, self.meeting_id, reason, self.version)
        return reason
