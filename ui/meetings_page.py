"""Rapat: the meetings as a list and a month calendar, and one meeting's own page.

The overview reads one year at a time (a stress database holds thousands of meetings).
Opening a meeting shows its page in place; "back" returns to the overview as it was.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import MeetingStatus
from secretariat.i18n import _
from secretariat.meetings.lifecycle import MeetingRow, cancel_meeting, list_meetings, meeting_draft
from secretariat.meetings.schedule_warnings import holidays_in_month
from secretariat.vocabulary import label
from ui.context import AppContext
from ui.errors import attempt, confirm
from ui.formatting import clock, short_date
from ui.icons import icon
from ui.meeting_schedule_dialog import ScheduleDialog
from ui.meetings.meeting_view import MeetingView
from ui.page import Page
from ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel

HOLIDAY = QColor("#c62828")


def _instant(meeting: MeetingRow) -> float:
    return meeting.starts_at.timestamp()


def _columns() -> list[Column[MeetingRow]]:
    return [
        # Both sort by the instant: 09.00 WIT (07.00 WIB) comes before 08.00 WIB. A number:
        # Qt's proxy cannot compare Python tuples or dates, and left them unsorted. Ties
        # keep the list's order (the sort is stable).
        Column(_("Date"), lambda m: short_date(m.date), sort_key=_instant),
        Column(_("Time"), lambda m: clock(m.start_time, m.time_zone.value), sort_key=_instant),
        Column(_("Kind"), lambda m: label(m.kind)),
        Column(_("Title"), lambda m: m.title, tooltip=lambda m: m.title),
        Column(_("Place"), lambda m: m.place, tooltip=lambda m: m.place),
        Column(_("Task force"), lambda m: m.task_force),
        Column(_("Status"), lambda m: label(m.status)),
        Column(_("Commitments"), lambda m: str(m.commitment_count),
               sort_key=lambda m: m.commitment_count, align_right=True),
    ]


def _days_of(meeting: MeetingRow) -> tuple[date, ...]:
    """The days a meeting is held on: its date, and the next when it runs past midnight."""
    if meeting.ends_next_day:
        return meeting.date, meeting.date + timedelta(days=1)
    return (meeting.date,)


def _table(parent, model) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate((100, 90, 150, 380, 240, 200, 130)):
        table.setColumnWidth(column, width)
    return table


class MeetingsPage(Page):
    WATCHES = ("meetings", "task_forces")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: ScheduleDialog | None = None
        self._undo = QUndoStack(self)
        self.model = RowTableModel(_columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.day_model = RowTableModel(_columns(), self)

        self.year = QComboBox(self)
        this_year = context.today().year
        for year in range(this_year + 1, 2014, -1):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.year.currentIndexChanged.connect(self.refresh)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(_("Filter by title, place, task force…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        schedule = QPushButton(icon("add"), _("Schedule a meeting…"), self)
        schedule.clicked.connect(self.add_new)
        self.edit_button = QPushButton(icon("edit"), _("Change…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.cancel_button = QPushButton(icon("delete"), _("Cancel meeting…"), self)
        self.cancel_button.clicked.connect(self.cancel_selected)
        open_button = QPushButton(icon("open"), _("Open"), self)
        open_button.clicked.connect(self.open_selected)

        self.table = _table(self, self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the year as it unfolds
        self.table.doubleClicked.connect(self.open_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_table = _table(self, self.day_model)
        self.day_table.doubleClicked.connect(lambda index: self.show_meeting(
            self.day_model.row_at(index.row()).id))
        self.day_label = QLabel(self)
        self.holiday_label = QLabel(self)
        self.holiday_label.setStyleSheet("color: #c62828;")
        day_box = QWidget(self)
        day_layout = QVBoxLayout(day_box)
        day_layout.addWidget(self.day_label)
        day_layout.addWidget(self.holiday_label)
        day_layout.addWidget(self.day_table, 1)
        calendar_split = QSplitter(Qt.Orientation.Horizontal, self)
        calendar_split.addWidget(self.calendar)
        calendar_split.addWidget(day_box)
        calendar_split.setSizes([520, 700])

        self.views = QTabWidget(self)
        self.views.addTab(self.table, _("List"))
        self.views.addTab(calendar_split, _("Calendar"))

        tools = QHBoxLayout()
        tools.addWidget(QLabel(_("Year"), self))
        tools.addWidget(self.year)
        tools.addWidget(self.filter_box, 1)
        for button in (open_button, schedule, self.edit_button, self.cancel_button):
            tools.addWidget(button)
        overview = QWidget(self)
        column = QVBoxLayout(overview)
        column.addWidget(QLabel(f"<h2>{_('Meetings')}</h2>", self))
        column.addLayout(tools)
        column.addWidget(self.views, 1)

        self.view = MeetingView(context, self._undo, self)
        self.view.back_requested.connect(self.show_overview)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(overview)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- Page
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def refresh(self) -> None:
        kept = self.selected_meeting()
        ok, rows = attempt(self, lambda: list_meetings(self.context.db,
                                                       year=self.year.currentData()))
        if ok:
            self.model.set_rows(rows)
            self._mark_calendar()
            self._show_day()
            if kept is not None:
                self._select(kept.id)
        self.loaded.emit()

    def add_new(self) -> None:
        day = self.calendar.selectedDate().toPython() if self.views.currentIndex() == 1 \
            else None
        self._open_dialog(ScheduleDialog(self.context, day=day, parent=self))

    def save(self) -> None:
        if self.stack.currentWidget() is self.view:
            self.view.minutes.save()

    def focus_search(self) -> bool:
        if self.stack.currentWidget() is self.view:
            return False
        self.filter_box.setFocus()
        self.filter_box.selectAll()
        return True

    # -- the overview
    def selected_meeting(self) -> MeetingRow | None:
        if self.views.currentIndex() == 1:
            rows = self.day_table.selectionModel().selectedRows()
        else:
            rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _select(self, meeting_id: int) -> None:
        source = self.model.row_of_id(meeting_id)
        if source is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(source, 0)).row())

    def _open_dialog(self, dialog: ScheduleDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()

    def _after_save(self, dialog: ScheduleDialog) -> None:
        day = dialog.day.date()  # a date: the dialog saves no other
        if day.year != self.year.currentData():
            self.year.setCurrentIndex(self.year.findData(day.year))  # refreshes
        self.calendar.setSelectedDate(QDate(day))
        self._select(dialog.result_value)

    def edit_selected(self, *_args) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        ok, found = attempt(self, lambda: meeting_draft(self.context.db, meeting.id))
        if ok:
            draft, version = found
            self._open_dialog(ScheduleDialog(self.context, meeting_id=meeting.id, draft=draft,
                                             version=version, parent=self))

    def cancel_selected(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.status is MeetingStatus.CANCELLED:
            return
        if not confirm(self, _("Cancel meeting"), _("Cancel this meeting? It stays in the list, "
                                                    "marked as cancelled.")):
            return
        reason, given = QInputDialog.getText(self, _("Cancel meeting"), _("Reason"))
        if given and attempt(self, lambda: cancel_meeting(self.context.db, meeting.id, reason,
                                                          meeting.version))[0]:
            self.context.changes.announce("meetings")

    def open_selected(self, *_args) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.show_meeting(meeting.id)

    def show_meeting(self, meeting_id: int) -> None:
        if self.view.show_meeting(meeting_id):
            self.stack.setCurrentWidget(self.view)

    def show_overview(self) -> None:
        self.stack.setCurrentIndex(0)
        self.reload_if_stale()

    # -- the calendar
    def _page_changed(self, year: int, _month: int) -> None:
        if year != self.year.currentData() and self.year.findData(year) >= 0:
            self.year.setCurrentIndex(self.year.findData(year))
        self._mark_calendar()

    def _mark_calendar(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear earlier marks
        meeting_day = QTextCharFormat()
        meeting_day.setFontWeight(700)
        meeting_day.setBackground(QColor("#dbe9ff"))
        for meeting in self.model.rows():
            if meeting.status is not MeetingStatus.CANCELLED:
                for day in _days_of(meeting):
                    self.calendar.setDateTextFormat(QDate(day), meeting_day)
        holiday = QTextCharFormat()
        holiday.setForeground(HOLIDAY)
        for day, name in holidays_in_month(self.calendar.yearShown(),
                                           self.calendar.monthShown()).items():
            shown = self.calendar.dateTextFormat(QDate(day))
            shown.setForeground(HOLIDAY)
            shown.setToolTip(name)
            self.calendar.setDateTextFormat(QDate(day), shown)

    def _show_day(self) -> None:
        day: date = self.calendar.selectedDate().toPython()
        # In the order they start (the list's), with one from the evening before that runs
        # past midnight into this day.
        self.day_model.set_rows([m for m in self.model.rows() if day in _days_of(m)])
        self.day_label.setText(_("Meetings on {day}: {count}").format(
            day=short_date(day), count=self.day_model.rowCount()))
        name = holidays_in_month(day.year, day.month).get(day)
        self.holiday_label.setText(name or "")
