"""The filters above the Komitmen table: status, agencies, catalogues, meeting, due window.

Every choice becomes one `CommitmentFilter` for the core; the bar itself decides nothing.
Typing in the text box waits for a pause (250 ms) so each keystroke does not re-query
100,000 rows.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from models import CommitmentStatus, FocusArea, SubTaskForce
from secretariat.agencies import list_agencies
from secretariat.catalog import list_entries
from secretariat.commitment_queries import CommitmentFilter
from secretariat.i18n import _, ngettext
from secretariat.meetings import recent_meetings
from secretariat.vocabulary import label
from ui.formatting import number, short_date
from ui.forms import date_edit, date_value

TEXT_PAUSE_MS = 250
MEETING_CHOICES = 300  # a stress database has thousands of meetings; recent ones matter


def _fill(combo: QComboBox, everything: str, choices: list[tuple[object, str]]) -> None:
    """Refill a choice list keeping what was chosen (when it still exists)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for value, text in choices:
        combo.addItem(text, value)
    found = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


class CommitmentFilterBar(QWidget):
    changed = Signal()  # the user changed a filter: query again

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.status = QComboBox(self)
        self.lead = QComboBox(self)
        self.focus_area = QComboBox(self)
        self.sub_task_force = QComboBox(self)
        self.meeting = QComboBox(self)
        self.meeting.setMinimumContentsLength(24)
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.due_from: QDateEdit = date_edit(self, optional=True)
        self.due_to: QDateEdit = date_edit(self, optional=True)
        self.overdue = QCheckBox(_("Only overdue"), self)
        self.open_only = QCheckBox(_("Only open"), self)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(_("Search in commitments… (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("commitment_count")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = (
            ((_("Status"), self.status), (_("Lead agency"), self.lead),
             (_("Focus area"), self.focus_area), (_("Sub task force"), self.sub_task_force)),
            ((_("Meeting"), self.meeting), (_("Due from"), self.due_from),
             (_("Due until"), self.due_to), (None, self.overdue)),
        )
        for row_number, row in enumerate(rows):
            for pair_number, (caption, widget) in enumerate(row):
                if caption:
                    grid.addWidget(QLabel(caption, self), row_number, pair_number * 2)
                grid.addWidget(widget, row_number, pair_number * 2 + 1)
        grid.addWidget(self.text, 2, 0, 1, 5)
        grid.addWidget(self.open_only, 2, 5)
        grid.addWidget(self.count, 2, 7)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TEXT_PAUSE_MS)
        self._pause.timeout.connect(self.changed)
        self.text.textChanged.connect(self._pause.start)
        for combo in (self.status, self.lead, self.focus_area, self.sub_task_force, self.meeting):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.due_from, self.due_to):
            edit.dateChanged.connect(self.changed)
        for box in (self.overdue, self.open_only):
            box.toggled.connect(self.changed)
        _fill(self.status, _("All statuses"),
              [(status, label(status)) for status in CommitmentStatus])
        self.load_choices()

    def load_choices(self) -> None:
        """Read the agencies, catalogues and meetings again (after others changed them)."""
        db = self._context.db
        # Archived agencies still lead old commitments, so they stay choosable here.
        _fill(self.lead, _("All agencies"),
              [(a.id, a.abbreviation) for a in list_agencies(db, active=None)])
        _fill(self.focus_area, _("All focus areas"),
              [(e.id, e.name) for e in list_entries(db, FocusArea, include_inactive=True)])
        _fill(self.sub_task_force, _("All sub task forces"),
              [(e.id, e.name) for e in list_entries(db, SubTaskForce, include_inactive=True)])
        _fill(self.meeting, _("All meetings"),
              [(meeting_id, "{date} · {title}".format(date=short_date(day), title=title))
               for meeting_id, day, title in recent_meetings(db, limit=MEETING_CHOICES)])

    def current_filter(self) -> CommitmentFilter:
        status = self.status.currentData()
        return CommitmentFilter(
            statuses=(status,) if status is not None else (),
            open_only=self.open_only.isChecked(),
            overdue=self.overdue.isChecked(),
            lead_agency_id=self.lead.currentData(),
            meeting_id=self.meeting.currentData(),
            focus_area_id=self.focus_area.currentData(),
            sub_task_force_id=self.sub_task_force.currentData(),
            due_from=date_value(self.due_from),
            due_to=date_value(self.due_to),
            text=self.text.text(),
        )

    def show_count(self, total: int) -> None:
        self.count.setText(ngettext("{count} commitment", "{count} commitments", total)
                           .format(count=number(total)))
