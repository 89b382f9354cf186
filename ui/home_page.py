"""Beranda: what needs attention today, the first page the program shows.

Four short lists from one core report (`secretariat.home.attention`): meetings this week,
commitments due in the next 14 days, overdue commitments and minutes still in draft.
Each entry opens its record with a double-click or Enter; a list that leaves entries out
says how many and leads to the full page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.commitments.rows import CommitmentRow
from secretariat.home.attention_report import DUE_SOON_DAYS, Attention, AttentionMeeting, Section
from secretariat.i18n import _, ngettext
from secretariat.vocabulary import label
from ui.context import AppContext
from ui.errors import attempt
from ui.formatting import clock, long_date, number, short_date
from ui.getting_started import HIDDEN_KEY, GettingStartedBox
from ui.page import Page
from ui.table_model import ROW_ROLE, Column, RowTableModel

LATE = QColor("#b00020")
DUE_TODAY = QColor("#9a5b00")


def _weekday_date(value: date) -> str:
    """"Kam, 26 Nov": within one week the weekday matters more than the year."""
    return QLocale().toString(QDate(value), "ddd, d MMM")


def _due_in(row: CommitmentRow, today: date) -> str:
    days = (row.due_date - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in {count} day", "in {count} days", days).format(count=days)


def _days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=number(count))


def _meeting_columns() -> list[Column[AttentionMeeting]]:
    return [
        Column(_("Date"), lambda m: _weekday_date(m.date)),
        Column(_("Time"), lambda m: clock(m.start_time, m.time_zone.value)),
        Column(_("Meeting"), lambda m: m.title, tooltip=lambda m: m.title),
        Column(_("Place"), lambda m: m.place, tooltip=lambda m: m.place),
    ]


def _draft_columns(today: Callable[[], date]) -> list[Column[AttentionMeeting]]:
    return [
        Column(_("Waiting"), lambda m: _days((today() - m.date).days), align_right=True,
               tooltip=lambda m: long_date(m.date)),
        Column(_("Meeting"), lambda m: m.title, tooltip=lambda m: m.title),
        Column(_("Status"), lambda m: label(m.status)),
    ]


def _due_columns(today: Callable[[], date]) -> list[Column[CommitmentRow]]:
    def today_colour(row: CommitmentRow) -> QColor | None:
        return DUE_TODAY if row.due_date == today() else None

    return [
        Column(_("Due"), lambda r: _due_in(r, today()), foreground=today_colour,
               tooltip=lambda r: long_date(r.due_date)),
        Column(_("Commitment"), lambda r: r.text, tooltip=lambda r: r.text),
        Column(_("Lead"), lambda r: r.lead_agency),
    ]


def _overdue_columns() -> list[Column[CommitmentRow]]:
    return [
        Column(_("Late"), lambda r: _days(r.days_late), align_right=True,
               foreground=lambda r: LATE, tooltip=lambda r: long_date(r.due_date)),
        Column(_("Commitment"), lambda r: r.text, tooltip=lambda r: r.text),
        Column(_("Lead"), lambda r: r.lead_agency),
    ]


class AttentionBox(QGroupBox):
    """One list of the home page: heading with its count, a short table, what is left out."""

    def __init__(self, heading: str, columns: Sequence[Column], widths: Sequence[int],
                 empty_text: str, on_open: Callable[[object], None],
                 on_show_all: Callable[[], None], parent: QWidget | None = None) -> None:
        """`widths` has one entry per column; the title column (width 0) takes the rest."""
        super().__init__(parent)
        self._heading = heading
        self.title_column = list(widths).index(0)
        self._on_open = on_open
        self.setTitle(heading)
        self.model = RowTableModel(columns, self)
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setStyleSheet("color: palette(placeholder-text)")
        self.empty = QLabel(empty_text, self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.more = QLabel(self)
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.show_all = QPushButton(_("Show all…"), self)
        self.show_all.setFlat(True)
        self.show_all.clicked.connect(on_show_all)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setToolTip(_("Double-click or press Enter to open."))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(self.title_column, QHeaderView.ResizeMode.Stretch)
        # `activated` is the platform's "open": double-click, and Enter on the current row.
        self.table.activated.connect(self._open)

        footer = QHBoxLayout()
        footer.addWidget(self.more, 1)
        footer.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(footer)

    def set_section(self, section: Section, caption: str) -> None:
        selected = self.table.selectionModel().selectedRows()
        selected_id = selected[0].data(ROW_ROLE).id if selected else None
        self.setTitle(f"{self._heading} ({number(section.total)})")
        self.caption.setText(caption)
        self.model.set_rows(section.rows)
        row = self.model.row_of_id(selected_id) if selected_id is not None else None
        if row is not None:
            self.table.selectRow(row)
        has_rows = bool(section.rows)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.more.setText(ngettext("{count} more not shown.", "{count} more not shown.",
                                   section.more).format(count=number(section.more))
                          if section.more else "")
        self.show_all.setVisible(section.more > 0)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self._on_open(index.data(ROW_ROLE))


class HomePage(Page):
    WATCHES = ("meetings", "commitments", "attendance", "agencies", "task_forces", "letterhead")
    LIMIT = 50  # entries per list: the start must stay fast on 100,000 commitments

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.report: Attention | None = None
        self._shown_for: date | None = None

        # Looked up at each call: the main window becomes the navigator after start.
        def open_meeting(row) -> None:
            context.navigator.open_meeting(row.id)

        def open_commitment(row) -> None:
            context.navigator.open_commitment(row.id)

        def show(key: str) -> Callable[[], None]:
            return lambda: context.navigator.show_page(key)

        title = QLabel(f"<h2>{_('Home')}</h2>", self)
        self.greeting = QLabel(self)
        self.greeting.setObjectName("greeting")
        self.greeting.setTextFormat(Qt.TextFormat.PlainText)
        self.this_week = AttentionBox(
            _("Meetings this week"), _meeting_columns(), (85, 85, 0, 140),
            _("No meetings this week."), open_meeting, show("meetings"), self)
        self.draft_minutes = AttentionBox(
            _("Minutes still in draft"), _draft_columns(self.report_day), (75, 0, 140),
            _("All minutes of held meetings are final."), open_meeting, show("meetings"), self)
        self.due_soon = AttentionBox(
            _("Due in the next {days} days").format(days=DUE_SOON_DAYS),
            _due_columns(self.report_day), (90, 0, 120),
            _("No open commitment falls due in the next {days} days.").format(
                days=DUE_SOON_DAYS),
            open_commitment, show("commitments"), self)
        self.overdue = AttentionBox(
            _("Overdue"), _overdue_columns(), (80, 0, 120),
            _("No commitment is overdue."), open_commitment, show("commitments"), self)

        self.getting_started = GettingStartedBox(
            lambda key: context.navigator.show_page(key), self._hide_getting_started, self)
        self.getting_started.hide()  # until the report says what is still to do

        grid = QGridLayout()
        grid.addWidget(self.this_week, 0, 0)
        grid.addWidget(self.draft_minutes, 0, 1)
        grid.addWidget(self.due_soon, 1, 0)
        grid.addWidget(self.overdue, 1, 1)
        # The page scrolls rather than holding the window taller than a laptop's screen:
        # four lists and the Memulai steps need more height than 768 pixels leave.
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addWidget(self.greeting)
        column.addWidget(self.getting_started)
        column.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def report_day(self) -> date:
        """The day the lists were computed for ("today", "in 3 days" count from it)."""
        return self.report.today if self.report else self.context.today()

    def refresh(self) -> None:
        today = self.context.today()
        self._shown_for = today
        self.greeting.setText(_("Welcome. Today is {date}.").format(date=long_date(today)))
        ok, report = attempt(self, lambda: self._attention(today))
        if ok:
            self.report = report
            week = f"{short_date(report.week_start)} – {short_date(report.week_end)}"
            self.this_week.set_section(report.meetings_this_week, week)
            self.draft_minutes.set_section(
                report.draft_minutes, _("Held meetings whose minutes are not final yet"))
            self.due_soon.set_section(report.due_soon, _("From today until {date}").format(
                date=short_date(report.due_soon_until)))
            self.overdue.set_section(
                report.overdue, _("Open commitments past their due date, longest first"))
            self.getting_started.set_progress(report.getting_started)
            self.getting_started.setVisible(
                not report.getting_started.complete
                and self.context.settings.value(HIDDEN_KEY) != "yes")
        self.loaded.emit()

    def _hide_getting_started(self) -> None:
        self.context.settings.set_value(HIDDEN_KEY, "yes")
        self.getting_started.hide()

    def _attention(self, today: date) -> Attention:
        first_view, self.context.first_view = self.context.first_view, None
        if first_view is not None:
            # The program's first view: the same report through sqlite3, before the ORM loads.
            return first_view.report(today, self.LIMIT)
        from secretariat.home.attention import attention  # loads the ORM

        return attention(self.context.db, today, limit=self.LIMIT)

    def showEvent(self, event) -> None:
        # Left open overnight, the page would still show yesterday's "today".
        if self._shown_for is not None and self._shown_for != self.context.today():
            self._stale = True
        super().showEvent(event)
