"""Perkembangan: for one task force and one year, who delivers and who does not.

Every figure comes from one core call (`secretariat.commitments.progress.progress_figures`),
the same the progress report uses; the page only shows it. Each bar, slice and overdue line opens
the matching list in Komitmen, so a chair goes from a number to the commitments behind it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from models import CommitmentStatus
from secretariat.agencies.regions import list_task_forces
from secretariat.commitments.progress import (
    ProgressFigures,
    default_report_year,
    progress_figures,
)
from secretariat.commitments.queries import CommitmentFilter
from secretariat.i18n import _
from secretariat.meetings.lifecycle import list_meetings
from ui.context import AppContext
from ui.errors import attempt
from ui.formatting import number
from ui.icons import icon
from ui.page import Page
from ui.progress.charts import group_chart, status_chart, trend_chart
from ui.progress.tables import attendance_columns, overdue_columns, percent, scorecard_columns
from ui.table_model import ROW_ROLE, SORT_ROLE, RowTableModel

YEARS_BACK = 6
_PART_FILTERS = {
    "done": {"statuses": (CommitmentStatus.DONE,)},
    "open": {"open_only": True},
    "overdue": {"overdue": True},
    "cannot": {"statuses": (CommitmentStatus.CANNOT,)},
}


def _table(model, parent: QWidget, *, sortable: bool = False, rows: int = 8) -> QTableView:
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(40 + 22 * rows)
    return view


def _box(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class ProgressPage(Page):
    WATCHES = ("commitments", "meetings", "attendance", "agencies", "catalog", "task_forces")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.figures: ProgressFigures | None = None
        self._year_chosen = False  # until the user picks one, the latest year with data
        self.task_force = QComboBox(self)
        self.task_force.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.task_force.setMinimumContentsLength(36)
        self.year = QComboBox(self)
        this_year = context.today().year
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.year.addItem(str(year), year)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("progress_summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.scorecard = RowTableModel(scorecard_columns(), self)
        self.scorecard_view = _table(self.scorecard, self, sortable=True, rows=8)
        self.scorecard_view.activated.connect(self._open_scorecard_row)
        self.overdue = RowTableModel(overdue_columns(), self)
        self.overdue_view = _table(self.overdue, self, rows=8)
        self.overdue_view.activated.connect(  # double-click or Enter
            lambda index: self.context.navigator.open_commitment(
                self.overdue.row_at(index.row()).commitment_id))
        self.attendance = RowTableModel(attendance_columns(), self)
        self.attendance_view = _table(self.attendance, self, sortable=True, rows=8)
        for view in (self.scorecard_view, self.attendance_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The agency takes what is left, so the rate at the right end is never cut off.
        attendance_header = self.attendance_view.horizontalHeader()
        attendance_header.setStretchLastSection(False)
        attendance_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status_chart = QWidget(self)
        self.focus_chart = QWidget(self)
        self.sub_chart = QWidget(self)
        self.trend_chart = QWidget(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{_('Progress overview')}</h2>", self))
        top.addStretch(1)
        top.addWidget(QLabel(_("Task force"), self))
        top.addWidget(self.task_force)
        top.addWidget(QLabel(_("Year of the meetings"), self))
        top.addWidget(self.year)
        self.report_button = QPushButton(icon("pdf"), _("Report…"), self)
        self.report_button.setToolTip(_("Write these figures as the progress report (PDF or "
                                        "Excel) on the Documents page"))
        self.report_button.clicked.connect(self.write_report)
        top.addWidget(self.report_button)

        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.grid.addWidget(self.status_chart, 0, 0)
        self.grid.addWidget(_box(_("At a glance"), self.summary), 0, 1)
        self.grid.addWidget(_box(_("Lead agencies: who delivers (weakest first; click a "
                                   "heading to sort, double-click to see the list)"),
                                 self.scorecard_view), 1, 0, 1, 2)
        self.grid.addWidget(self.focus_chart, 2, 0)
        self.grid.addWidget(self.sub_chart, 2, 1)
        # Full rows: the attendance table needs the width for its agency names and rate.
        self.grid.addWidget(self.trend_chart, 3, 0, 1, 2)
        # How a deputy counts, said where the rate is read (the report says it too).
        self.attendance_rule = QLabel(_(
            "Attendance = (present + represented) ÷ invited: an agency that sent a deputy "
            "counts as attending; Represented is also shown on its own."), self)
        self.attendance_rule.setWordWrap(True)
        self.attendance_rule.setObjectName("attendance_rule")
        self.grid.addWidget(_box(_("Attendance at rakor (who keeps skipping first)"),
                                 self.attendance_view, self.attendance_rule), 4, 0, 1, 2)
        self.grid.addWidget(_box(_("Overdue commitments (double-click opens one)"),
                                 self.overdue_view), 5, 0, 1, 2)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.task_force.currentIndexChanged.connect(self._chosen)
        self.year.currentIndexChanged.connect(self._chosen)

    # -- loading
    def refresh(self) -> None:
        kept = self.task_force.currentData() or self.context.settings.value("last_task_force")
        if not kept:  # first visit: the task force that met last is the one people follow
            latest = list_meetings(self.context.db, newest=1)
            kept = str(latest[0].task_force_id) if latest else ""
        self.task_force.blockSignals(True)
        self.task_force.clear()
        for row in list_task_forces(self.context.db):
            self.task_force.addItem(row.name, row.id)
        found = self.task_force.findData(int(kept)) if str(kept or "").isdigit() else -1
        self.task_force.setCurrentIndex(max(found, 0))
        self.task_force.blockSignals(False)
        if not self._year_chosen:
            self._latest_year_with_commitments()
        self.show_figures()
        self.loaded.emit()

    def _latest_year_with_commitments(self) -> None:
        """Open on the latest year that has something to show, not on an empty new year."""
        task_force = self.task_force.currentData()
        if task_force is None:
            return
        found = self.year.findData(
            default_report_year(self.context.db, task_force, self.context.today()))
        if found >= 0:
            self.year.blockSignals(True)
            self.year.setCurrentIndex(found)
            self.year.blockSignals(False)

    def _chosen(self, *_args) -> None:
        self._year_chosen = True
        if self.task_force.currentData() is not None:
            self.context.settings.set_value("last_task_force", str(self.task_force.currentData()))
        self.show_figures()

    def period(self) -> tuple[date, date]:
        year = self.year.currentData()
        return date(year, 1, 1), date(year, 12, 31)

    def show_figures(self) -> None:
        task_force = self.task_force.currentData()
        if task_force is None:
            self.figures = None
            self.summary.setText(_("No task force is recorded yet (Gugus Tugas)."))
            return
        ok, figures = attempt(self, lambda: progress_figures(
            self.context.db, task_force, *self.period(), today=self.context.today()))
        if not ok:
            return
        self.figures = figures
        self.summary.setText(self._summary_text(figures))
        self.scorecard.set_rows(figures.scorecard)
        self.overdue.set_rows(figures.overdue)
        self.overdue_view.resizeColumnsToContents()
        self.attendance.set_rows(figures.attendance)
        self._replace_chart("status_chart", status_chart(figures.by_status, self.open_status))
        self._replace_chart("focus_chart", group_chart(
            figures.focus_areas, _("Per focus area"),
            lambda part, index: self.open_group("focus_area_id", figures.focus_areas[index],
                                                part)))
        self._replace_chart("sub_chart", group_chart(
            figures.sub_task_forces, _("Per sub task force"),
            lambda part, index: self.open_group("sub_task_force_id",
                                                figures.sub_task_forces[index], part)))
        self._replace_chart("trend_chart", trend_chart(figures.trend, self.open_trend))
        # An empty chart draws bare axes that look like an error: hide it instead.
        self.status_chart.setVisible(bool(figures.total))
        self.focus_chart.setVisible(bool(figures.focus_areas))
        self.sub_chart.setVisible(bool(figures.sub_task_forces))
        self.trend_chart.setVisible(bool(figures.trend))

    def _replace_chart(self, name: str, chart: QWidget) -> None:
        old = getattr(self, name)
        self.grid.replaceWidget(old, chart)
        old.deleteLater()
        setattr(self, name, chart)

    def _summary_text(self, figures: ProgressFigures) -> str:
        if not figures.total:
            return _("No commitments were agreed at this task force's meetings in {year}.").format(
                year=figures.start.year)
        done_rate = percent(figures.done / figures.total)
        return "\n".join((
            _("{total} commitments agreed at the meetings of {year}.").format(
                total=number(figures.total), year=figures.start.year),
            _("{done} done ({rate}), {open} still open, {overdue} of them overdue.").format(
                done=number(figures.done), rate=done_rate,
                open=number(figures.by_status[CommitmentStatus.NOT_STARTED]
                            + figures.by_status[CommitmentStatus.IN_PROGRESS]),
                overdue=number(figures.overdue_count)),
            _("Click a slice, a bar or a line to see the commitments behind it."),
        ))

    # -- from a figure to its commitments
    def scope(self) -> tuple[CommitmentFilter, str]:
        start, end = self.period()
        flt = CommitmentFilter(task_force_id=self.task_force.currentData(),
                               agreed_from=start, agreed_to=end)
        return flt, _("{task_force} · meetings of {year}").format(
            task_force=self.task_force.currentText(), year=start.year)

    def _open(self, **changes) -> None:
        flt, words = self.scope()
        self.context.navigator.show_commitments(replace(flt, **changes), words)

    def write_report(self) -> None:
        task_force = self.task_force.currentData()
        if task_force is not None:
            self.context.navigator.show_progress_report(task_force, self.year.currentData())

    def open_status(self, status: CommitmentStatus) -> None:
        self._open(statuses=(CommitmentStatus(status),))

    def open_agency_commitments(self, agency_id: int) -> None:
        self._open(lead_agency_id=agency_id)

    def open_overdue(self) -> None:
        self._open(overdue=True)

    def open_group(self, field: str, group, part: str = "") -> None:
        changes = dict(_PART_FILTERS.get(part, {}))
        if group.group_id is not None:  # "(none)" has no filter of its own: the whole scope
            changes[field] = group.group_id
        self._open(**changes)

    def open_trend(self, part: str, index: int) -> None:
        point = self.figures.trend[index]
        flt, words = self.scope()
        # Everything agreed up to that rakor, whatever the year chosen above. Not filtered
        # by the bar's status: the bar counts the status of that day, the list shows today's.
        flt = replace(flt, agreed_from=None, agreed_to=point.meeting_date)
        self.context.navigator.show_commitments(flt, _("{task_force} · agreed up to {date}")
                                                .format(task_force=self.task_force.currentText(),
                                                        date=point.meeting_date.isoformat()))

    def _open_scorecard_row(self, index) -> None:
        score = index.data(ROW_ROLE)
        if score is not None:
            self.open_agency_commitments(score.agency_id)
