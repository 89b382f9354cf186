"""The Komitmen page's filter bar: each choice becomes one field of a CommitmentFilter."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from models import CommitmentStatus, FocusArea, SubTaskForce
from secretariat.agencies.register import list_agencies
from secretariat.commitments.catalog import list_entries
from secretariat.commitments.queries import CommitmentFilter
from secretariat.i18n import _
from secretariat.meetings.lifecycle import recent_meetings
from secretariat.vocabulary import label
from ui.formatting import short_date
from ui.forms import date_edit


class CommitmentFilterBar(QWidget):
    changed = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(_("Words in the commitment or its action plan…"))
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.lead = QComboBox(self)
        self.focus = QComboBox(self)
        self.sub_task_force = QComboBox(self)
        self.meeting = QComboBox(self)
        self.due_from = date_edit(self, optional=True)
        self.due_to = date_edit(self, optional=True)
        self.overdue = QCheckBox(_("Only overdue"), self)
        self.open_only = QCheckBox(_("Only open"), self)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        cells = ((_("Search"), self.text), (_("Status"), self.status),
                 (_("Lead agency"), self.lead), (_("Focus area"), self.focus),
                 (_("Sub task force"), self.sub_task_force), (_("Meeting"), self.meeting),
                 (_("Due from"), self.due_from), (_("Due until"), self.due_to))
        self.due_from.label, self.due_to.label = _("Due from"), _("Due until")  # in refusals
        for number, (caption, widget) in enumerate(cells):
            row, column = divmod(number, 4)
            grid.addWidget(QLabel(caption, self), row * 2, column)
            grid.addWidget(widget, row * 2 + 1, column)
        grid.addWidget(self.overdue, 4, 0)
        grid.addWidget(self.open_only, 4, 1)
        # A list opened from the progress view keeps its task force and period, which have
        # no control of their own here: they are named, and removable, beside the boxes.
        self._scope = CommitmentFilter()
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("filter_scope")
        self.scope_label.setStyleSheet("color: #1d4f91; font-weight: bold")
        self.scope_clear = QToolButton(self)
        self.scope_clear.setText("✕")
        self.scope_clear.setToolTip(_("Show all task forces and periods again"))
        self.scope_clear.clicked.connect(self.clear_scope)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_label)
        scope_row.addWidget(self.scope_clear)
        scope_row.addStretch(1)
        grid.addLayout(scope_row, 4, 2, 1, 2)
        self._show_scope("")

        # Typing waits for a pause, so a filter is not re-run for every letter.
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self._announce)
        self.text.textChanged.connect(self._typing.start)
        for combo in (self.status, self.lead, self.focus, self.sub_task_force, self.meeting):
            # Long agency and meeting names must not widen the window beyond the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._announce)
        for edit in (self.due_from, self.due_to):
            edit.textChanged.connect(self._typing.start)  # a date is typed, like a word
        for box in (self.overdue, self.open_only):
            box.toggled.connect(self._announce)
        # The choices are filled by the page's first refresh, when it is shown.

    def _announce(self, *_args) -> None:
        self.changed.emit()

    def reload_choices(self) -> None:
        """Fill the combos from the core, keeping what was chosen."""
        db = self.context.db
        self.blockSignals(True)
        self._fill(self.status, [(label(s), s) for s in CommitmentStatus])
        self._fill(self.lead, [(f"{a.abbreviation} – {a.name}", a.id)
                               for a in list_agencies(db, active=None)])
        self._fill(self.focus, [(e.name, e.id) for e in list_entries(db, FocusArea)])
        self._fill(self.sub_task_force, [(e.name, e.id) for e in list_entries(db, SubTaskForce)])
        self._fill(self.meeting, [(f"{short_date(day)} · {title}", meeting_id)
                                  for meeting_id, day, title in recent_meetings(db)])
        self.blockSignals(False)

    @staticmethod
    def _fill(combo: QComboBox, choices) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("(all)"), None)
        for text, value in choices:
            combo.addItem(text, value)
        found = combo.findData(kept) if kept is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def current_filter(self) -> CommitmentFilter:
        status = self.status.currentData()
        return replace(
            self._scope,
            statuses=(status,) if status else (),
            open_only=self.open_only.isChecked(),
            overdue=self.overdue.isChecked(),
            lead_agency_id=self.lead.currentData(),
            meeting_id=self.meeting.currentData(),
            focus_area_id=self.focus.currentData(),
            sub_task_force_id=self.sub_task_force.currentData(),
            # A text that is no date filters nothing; the field says so in red beside it.
            due_from=self.due_from.date(),
            due_to=self.due_to.date(),
            text=self.text.text(),
        )

    def apply(self, flt: CommitmentFilter, scope: str = "") -> None:
        """Show exactly `flt`: the boxes it can fill, and `scope` naming the rest."""
        self.blockSignals(True)
        self.clear()
        self._scope = CommitmentFilter(task_force_id=flt.task_force_id,
                                       agreed_from=flt.agreed_from, agreed_to=flt.agreed_to)
        self._show_scope(scope)
        for combo, value in ((self.status, flt.statuses[0] if flt.statuses else None),
                             (self.lead, flt.lead_agency_id), (self.focus, flt.focus_area_id),
                             (self.sub_task_force, flt.sub_task_force_id),
                             (self.meeting, flt.meeting_id)):
            if value is not None:
                found = combo.findData(value)
                if found < 0 and combo is self.meeting:  # older than the latest meetings
                    combo.addItem(_("Meeting {id}").format(id=value), value)
                    found = combo.count() - 1
                combo.setCurrentIndex(max(found, 0))
        for edit, value in ((self.due_from, flt.due_from), (self.due_to, flt.due_to)):
            if value is not None:
                edit.set_date(value)
        self.overdue.setChecked(flt.overdue)
        self.open_only.setChecked(flt.open_only)
        self.text.setText(flt.text)
        self._typing.stop()
        self.blockSignals(False)
        self.changed.emit()

    def _show_scope(self, text: str) -> None:
        self.scope_label.setText(text)
        self.scope_label.setVisible(bool(text))
        self.scope_clear.setVisible(bool(text))

    def clear_scope(self) -> None:
        self._scope = CommitmentFilter()
        self._show_scope("")
        self.changed.emit()

    def clear(self) -> None:
        self.blockSignals(True)
        self.text.clear()
        for combo in (self.status, self.lead, self.focus, self.sub_task_force, self.meeting):
            combo.setCurrentIndex(0)
        for edit in (self.due_from, self.due_to):
            edit.clear()
        self.overdue.setChecked(False)
        self.open_only.setChecked(False)
        self._scope = CommitmentFilter()
        self._show_scope("")
        self._typing.stop()  # the boxes just emptied: the list is refreshed once, below
        self.blockSignals(False)
        self.changed.emit()
