"""The charts of the progress view (QtCharts). Each bar or slice reports what was clicked;
the page turns that into the matching filtered list of commitments."""

from __future__ import annotations

import html
import itertools
import textwrap
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

# A category's name on a bar chart, in lines of this many characters: QtCharts gives the
# names at most about a third of a half-width chart (some 190 pixels) and cuts the rest.
LABEL_CHARACTERS = 24
LABEL_LINES = 3
# No more ticks on a count axis than a small chart can label legibly.
MOST_TICKS = 6


def wrapped_label(name: str) -> str:
    """The name in up to three short lines (QtCharts labels are rich text, lines joined
    by <br>), the last one shortened with "…" when the name is longer still."""
    lines = textwrap.wrap(name, LABEL_CHARACTERS, break_long_words=True) or [""]
    if len(lines) > LABEL_LINES:
        last = " ".join(lines[LABEL_LINES - 1:])
        lines = lines[:LABEL_LINES - 1] + [last[:LABEL_CHARACTERS - 1].rstrip() + "…"]
    return "<br>".join(html.escape(line) for line in lines)


def count_axis(largest: int) -> QValueAxis:
    """An axis of counts whose every tick is a whole number: 0 1 for one commitment, not
    0 0,2 0,4 … shown as "0 0 0 0 0 1"; steps of 1, 2 or 5 times a power of ten."""
    step = next(factor * 10 ** power for power in itertools.count() for factor in (1, 2, 5)
                if -(-largest // (factor * 10 ** power)) <= MOST_TICKS - 1)
    top = max(1, -(-largest // step)) * step
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, top)
    axis.setTickCount(top // step + 1)
    axis.setMinorTickCount(0)
    return axis


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
    columns = zip(*(v for _c, _k, v in parts.values()), strict=False)
    counts = count_axis(max((sum(values) for values in columns), default=0))
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
    names = [wrapped_label(g.name) for g in shown]
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    return _stacked(QHorizontalStackedBarSeries(), names, parts,
                    lambda part, index: clicked(part, len(shown) - 1 - index), title,
                    horizontal=True, height=max(200, 60 + (18 + 16 * lines) * len(shown)))


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
