"""The notice at start: commitments due within 14 days, and those that fell overdue since
the program was last opened on this PC.

A bar above the pages rather than a message box: the clerk sees it, can open either list,
and closes it when read; nothing blocks the morning's first task.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from secretariat.commitments.rows import CommitmentFilter
from secretariat.home.attention_report import DUE_SOON_DAYS, Reminders
from secretariat.i18n import _, ngettext
from ui.formatting import short_date

LAST_OPENED_KEY = "last_opened"


class ReminderBar(QFrame):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reminders: Reminders | None = None
        self.setObjectName("reminder_bar")
        self.setStyleSheet("#reminder_bar { background: #fff4d6; border: 1px solid #e0b84f;"
                           " border-radius: 4px; }")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.overdue_button = QPushButton(_("Show newly overdue"), self)
        self.overdue_button.clicked.connect(self.show_newly_overdue)
        self.due_button = QPushButton(_("Show due soon"), self)
        self.due_button.clicked.connect(self.show_due_soon)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(_("Close this notice"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.overdue_button)
        layout.addWidget(self.due_button)
        layout.addWidget(close)
        self.hide()

    def check(self) -> Reminders:
        """Read the reminders once, note today as the last opening, show what there is."""
        today = self.context.today()
        settings = self.context.settings
        try:
            last = date.fromisoformat(settings.value(LAST_OPENED_KEY, ""))
        except ValueError:  # first start here, or a value edited by hand
            last = None
        from secretariat.home.attention import (
            start_reminders,  # loads the ORM, after the first view
        )

        self.reminders = start_reminders(self.context.db, today, last)
        settings.set_value(LAST_OPENED_KEY, today.isoformat())
        self._show(self.reminders)
        return self.reminders

    def _show(self, reminders: Reminders) -> None:
        parts = []
        if reminders.newly_overdue.total:
            parts.append(ngettext(
                "{count} commitment has passed its due date since {date}.",
                "{count} commitments have passed their due date since {date}.",
                reminders.newly_overdue.total).format(count=reminders.newly_overdue.total,
                                                      date=short_date(reminders.since)))
        if reminders.due_soon.total:
            parts.append(ngettext(
                "{count} open commitment is due within {days} days.",
                "{count} open commitments are due within {days} days.",
                reminders.due_soon.total).format(count=reminders.due_soon.total,
                                                 days=DUE_SOON_DAYS))
        self.message.setText(" ".join(parts))
        self.overdue_button.setVisible(bool(reminders.newly_overdue.total))
        self.due_button.setVisible(bool(reminders.due_soon.total))
        self.setVisible(not reminders.empty)

    def show_newly_overdue(self) -> None:
        today = self.context.today()
        self.context.navigator.show_commitments(CommitmentFilter(
            open_only=True, due_from=self.reminders.since, due_to=today - timedelta(days=1)))

    def show_due_soon(self) -> None:
        today = self.context.today()
        self.context.navigator.show_commitments(CommitmentFilter(
            open_only=True, due_from=today, due_to=today + timedelta(days=DUE_SOON_DAYS)))
