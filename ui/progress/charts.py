"""The charts of the progress view (QtCharts). Each bar or slice reports what was clicked;
the page turns that into the matching filtered list of commitments."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from models import CommitmentStatus
from secretariat.commitments.progress import GroupProgress, TrendPoint
from secretariat.i18n import _
from secretariat.vocabulary import label
from ui.formatting import short_date

STATUS_COLOURS = {
    CommitmentStatus.NOT_STARTED: QColor("#8a8f98"),
    CommitmentStatus.IN_PROGRESS: QColor("#d89614"),
    CommitmentStatus.DONE: QColor("#2e7d32"),
    CommitmentStatus.CANNOT: QColor("#6a4c93"),
}
OVERDUE = QColor("#c62828")
OPEN = QColor("#d89614")

# What a bar of a stacked chart stands for, as the filter it opens: "done", "open" (not
# overdue), "overdue", "cannot".
PARTS = ("done", "open", "overdue", "cannot")


def _view(chart: QChart, height: int) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins() * 0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    return view


def status_chart(counts: dict[CommitmentStatus, int],
                 clicked: Callable[[CommitmentStatus], None]) -> QChartView:
    """A ring of the commitments by status; a slice opens that status's list."""
    series = QPieSeries()
    series.setHoleSize(0.45)
    for status, count in counts.items():
        if not count:
            continue
        piece = series.append(f"{label(status)}: {count}", count)
        piece.setColor(STATUS_COLOURS[status])
        piece.setLabelVisible(False)
        piece.clicked.connect(lambda _s=status: clicked(_s))
        piece.hovered.connect(lambda on, p=piece: p.setExploded(on))
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(_("Commitments by status"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return _view(chart, 240)


def _stacked(series, categories: Sequence[str], parts: dict[str, tuple[str, QColor, list]],
             clicked: Callable[[str, int], None], title: str, horizontal: bool,
             height: int) -> QChartView:
    for part, (caption, colour, values) in parts.items():
        bar = QBarSet(caption)
        bar.setColor(colour)
        bar.append(values)
        bar.clicked.connect(lambda index, _p=part: clicked(_p, index))
        series.append(bar)
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(title)
    names = QBarCategoryAxis()
    names.append(list(categories))
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    columns = zip(*(v for _c, _k, v in parts.values()), strict=False)
    largest = max((sum(values) for values in columns),
                  default=0)
    counts.setRange(0, max(1, largest))
    counts.applyNiceNumbers()  # whole, even steps: 0, 5, 10 rather than 0, 4, 9, 13
    if horizontal:
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(counts)
    return _view(chart, height)


def group_chart(groups: Sequence[GroupProgress], title: str,
                clicked: Callable[[str, int], None]) -> QChartView:
    """Per focus area or sub task force: done, open, overdue and cannot, stacked."""
    shown = list(groups)[::-1]  # QtCharts draws the first category at the bottom
    parts = {
        "done": (_("Done"), STATUS_COLOURS[CommitmentStatus.DONE], [g.done for g in shown]),
        "open": (_("Still open"), OPEN, [g.open - g.overdue for g in shown]),
        "overdue": (_("Overdue"), OVERDUE, [g.overdue for g in shown]),
        "cannot": (label(CommitmentStatus.CANNOT), STATUS_COLOURS[CommitmentStatus.CANNOT],
                   [g.total - g.done - g.open for g in shown]),
    }
    names = [g.name if len(g.name) <= 34 else g.name[:33] + "…" for g in shown]
    return _stacked(QHorizontalStackedBarSeries(), names, parts,
                    lambda part, index: clicked(part, len(shown) - 1 - index), title,
                    horizontal=True, height=max(200, 60 + 34 * len(shown)))


def trend_chart(points: Sequence[TrendPoint], clicked: Callable[[str, int], None]) -> QChartView:
    """After each of the last rakor: how many commitments were done, open, impossible."""
    parts = {
        "done": (_("Done"), STATUS_COLOURS[CommitmentStatus.DONE], [p.done for p in points]),
        "open": (_("Still open"), OPEN, [p.open for p in points]),
        "cannot": (label(CommitmentStatus.CANNOT), STATUS_COLOURS[CommitmentStatus.CANNOT],
                   [p.cannot for p in points]),
    }
    return _stacked(QStackedBarSeries(), [short_date(p.meeting_date) for p in points], parts,
                    clicked, _("After each rakor: commitments agreed so far"),
                    horizontal=False, height=260)
