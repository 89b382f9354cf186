"""Laporan Perkembangan Komitmen as PDF: the chairs' figures on paper, with charts.

Portrait, on the letterhead: a summary with the status ring, the lead agencies' scorecard
(weakest first, as on the screen), progress per focus area (with a bar chart) and per sub
task force, the trend after each rakor (with a line chart), the overdue commitments and
rakor attendance per agency, then the signature. A long overdue list is cut at
`OVERDUE_LISTED` most-late rows with a line saying how many more there are: the action
matrix is the document that lists them all.
"""

from __future__ import annotations

import math
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.pdf.fonts import BOLD, REGULAR
from exports.pdf.layout import (
    LATE,
    STATUS_COLOURS,
    Styles,
    letterhead,
    signature,
    text,
    write_portrait,
)
from secretariat.dates import abbreviated_date, short_date
from secretariat.documents.progress_report import ProgressReport

OVERDUE_LISTED = 200
DONE_COLOUR = STATUS_COLOURS["Selesai"]
OPEN_COLOUR = STATUS_COLOURS["Dalam Proses"]
HEAD_FILL = colors.Color(0.9, 0.9, 0.9)


def percent(rate: float | None) -> str:
    return "-" if rate is None else f"{round(rate * 100)}%"


def _table(rows: list[list], shares: tuple[float, ...], styles: Styles, width: float, *,
           numeric_from: int = 2) -> LongTable:
    """A ruled table: header row shaded and repeated, numbers right-aligned.

    The headings are set small with little padding so that words like "Terlambat" fit a
    narrow number column instead of breaking mid-word. A cell given as a Paragraph is kept.
    """
    head = ParagraphStyle("head", parent=styles.small, fontName=BOLD, fontSize=7.5, leading=9)
    right = ParagraphStyle("right", parent=styles.small, alignment=TA_RIGHT)

    def cell(value, style):
        return value if isinstance(value, Flowable) else Paragraph(text(str(value)), style)

    cells = [[cell(value, head) for value in rows[0]]]
    for row in rows[1:]:
        cells.append([cell(value, right if index >= numeric_from else styles.small)
                      for index, value in enumerate(row)])
    table = LongTable(cells, colWidths=[width * share for share in shares], repeatRows=1,
                      splitInRow=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _status_ring(report: ProgressReport) -> Drawing:
    drawing = Drawing(170, 130)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 10, 10, 110, 110
    counts = [count for _word, count in report.status_words()]
    pie.data = counts if any(counts) else [1]
    pie.innerRadiusFraction = 0.5
    pie.slices.strokeColor = colors.white
    for index, (word, _count) in enumerate(report.status_words()):
        pie.slices[index].fillColor = STATUS_COLOURS[word] if any(counts) else HEAD_FILL
    drawing.add(pie)
    return drawing


def _summary(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    figures = report.figures
    if not figures.total:
        task_force = text(report.task_force)
        return [Paragraph(f"Tidak ada komitmen yang disepakati dalam rapat {task_force} "
                          "pada periode ini.", styles.body)]
    # A swatch before each word is the ring's legend, readable in grey print too.
    lines = [["Status", "Jumlah", "%"]] + [
        [Paragraph(f'<font color="#{STATUS_COLOURS[word].hexval()[2:]}">\u25a0</font> '
                   f"{text(word)}", styles.small), count, percent(count / figures.total)]
        for word, count in report.status_words()]
    bold = ParagraphStyle("bold", parent=styles.small, fontName=BOLD, alignment=TA_RIGHT)
    lines.append([Paragraph("<b>Jumlah</b>", styles.small), Paragraph(str(figures.total), bold),
                  Paragraph("100%", bold)])
    lines.append(["Terlambat (belum selesai lewat batas waktu)", figures.overdue_count,
                  percent(figures.overdue_count / figures.total)])
    counts = _table(lines, (0.55, 0.2, 0.25), styles, width * 0.6, numeric_from=1)
    side = Table([[_status_ring(report), counts]], colWidths=[width * 0.4, width * 0.6])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    done = figures.done
    summary = (f"Dalam {text(report.period.lower())}, {text(report.task_force)} menyepakati "
               f"<b>{figures.total}</b> komitmen. Sebanyak <b>{done}</b> "
               f"({percent(done / figures.total)}) telah selesai dan "
               f"<b>{figures.overdue_count}</b> melewati batas waktu tanpa selesai.")
    return [Paragraph(summary, styles.body), side]


def _scorecard(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    rows: list[list[object]] = [["No", "Instansi Penanggung Jawab", "Komitmen", "Selesai",
                                 "Tepat Waktu", "Proses", "Belum", "Terlambat", "Selesai (%)",
                                 "Rata-rata Progres"]]
    for number, score in enumerate(report.figures.scorecard, start=1):
        rows.append([number, score.abbreviation or score.name, score.total, score.done,
                     score.done_on_time, score.in_progress, score.not_started, score.overdue,
                     percent(score.completion_rate), f"{round(score.average_progress)}%"])
    if len(rows) == 1:
        return [Paragraph("-", styles.body)]
    shares = (0.04, 0.20) + (0.095,) * 8
    return [Paragraph("Diurutkan dari tingkat penyelesaian terendah.", styles.small),
            _table(rows, shares, styles, width)]


def _group_chart(groups, report: ProgressReport, width: float) -> Drawing:
    """Done and still-open commitments per group, as horizontal bars side by side."""
    names = [_shortened(report.group_name(group), 48) for group in groups]
    height = 30 + 22 * len(groups)
    drawing = Drawing(width, height + 30)
    chart = HorizontalBarChart()
    chart.x, chart.y = 175, 20
    chart.width, chart.height = width - 185, height - 10
    chart.data = [[group.done for group in groups], [group.open for group in groups]]
    chart.bars[0].fillColor, chart.bars[1].fillColor = DONE_COLOUR, OPEN_COLOUR
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.reverseDirection = 1  # first group on top, as in the table
    _count_axis(chart.valueAxis, max(max(row) for row in chart.data))
    chart.barSpacing, chart.groupSpacing = 1, 6
    drawing.add(chart)
    drawing.add(_legend(175, height + 28, [(DONE_COLOUR, "Selesai"),
                                                   (OPEN_COLOUR, "Belum selesai")]))
    return drawing


def _count_axis(axis, largest: int) -> None:
    """An axis of whole commitments: no "1.5" ticks when there are only two."""
    axis.valueMin = 0
    axis.valueStep = max(1, math.ceil(largest / 5))
    axis.valueMax = max(1, math.ceil(largest / axis.valueStep) * axis.valueStep)
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = 7


def _shortened(name: str, limit: int) -> str:
    """A chart label that fits beside its bar; the table below gives the whole name."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _legend(x: float, y: float, pairs) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.alignment = "right"  # the swatch first, then its word
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dxTextSpace = 5
    legend.colorNamePairs = pairs
    return legend


def _groups(groups, report: ProgressReport, styles: Styles, width: float, *, heading: str,
            chart: bool) -> list[Flowable]:
    if not groups:
        return [Paragraph("-", styles.body)]
    rows: list[list[object]] = [["No", heading, "Komitmen", "Selesai", "Belum Selesai",
                                 "Terlambat", "Selesai (%)", "Rata-rata Progres"]]
    for number, group in enumerate(groups, start=1):
        rows.append([number, report.group_name(group), group.total, group.done, group.open,
                     group.overdue, percent(group.completion_rate),
                     f"{round(group.average_progress)}%"])
    shares = (0.05, 0.35, 0.09, 0.09, 0.1, 0.1, 0.11, 0.11)
    flowables: list[Flowable] = [_table(rows, shares, styles, width)]
    if chart:
        flowables.insert(0, _group_chart(groups, report, width))
    return flowables


def _trend_chart(report: ProgressReport, width: float) -> Drawing:
    trend = report.figures.trend
    drawing = Drawing(width, 170)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 35, width - 60, 110
    chart.data = [[point.open for point in trend], [point.done for point in trend]]
    chart.lines[0].strokeColor, chart.lines[1].strokeColor = OPEN_COLOUR, DONE_COLOUR
    chart.lines[0].strokeWidth = chart.lines[1].strokeWidth = 2
    chart.categoryAxis.categoryNames = [abbreviated_date(point.meeting_date, "id")
                                        for point in trend]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    _count_axis(chart.valueAxis, max(max(row) for row in chart.data))
    drawing.add(chart)
    drawing.add(_legend(40, 165, [(OPEN_COLOUR, "Belum selesai"),
                                          (DONE_COLOUR, "Selesai")]))
    return drawing


def _trend(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    trend = report.figures.trend
    if not trend:
        return [Paragraph("Belum ada rakor yang terlaksana.", styles.body)]
    rows: list[list[object]] = [["No", "Rakor", "Komitmen s.d. Rakor", "Selesai",
                                 "Belum Selesai", "Tidak Dapat Ditindaklanjuti"]]
    for number, point in enumerate(trend, start=1):
        rows.append([number, f"{point.title} ({short_date(point.meeting_date, 'id')})",
                     point.agreed, point.done, point.open, point.cannot])
    shares = (0.05, 0.45, 0.13, 0.11, 0.12, 0.14)
    return [Paragraph("Keadaan seluruh komitmen gugus tugas sesudah setiap rakor (rakor terakhir "
                      "di kanan).", styles.small),
            _trend_chart(report, width), _table(rows, shares, styles, width)]


def _overdue(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    late = report.overdue_lines
    note = report.classification.left_out_note()
    if not late:
        return [Paragraph(text(note) or "Tidak ada komitmen yang terlambat.", styles.body)]
    rows: list[list[object]] = [["No", "Komitmen", "Rapat", "Penanggung Jawab", "Batas Waktu",
                                 "Terlambat", "Progres"]]
    for number, entry in late[:OVERDUE_LISTED]:
        rows.append([number, entry.text, short_date(entry.meeting_date, "id"), entry.lead_agency,
                     short_date(entry.due_date, "id"), f"{entry.days_late} hari",
                     f"{entry.progress}%"])
    shares = (0.05, 0.39, 0.13, 0.13, 0.13, 0.09, 0.08)
    table = _table(rows, shares, styles, width, numeric_from=5)
    table.setStyle(TableStyle([("TEXTCOLOR", (5, 1), (5, -1), LATE)]))
    flowables: list[Flowable] = [table]
    if len(late) > OVERDUE_LISTED:
        flowables.append(Paragraph(
            f"… dan {len(late) - OVERDUE_LISTED} komitmen terlambat lainnya; daftar lengkapnya "
            "ada pada Matriks Tindak Lanjut (status terlambat).", styles.small))
    if note:  # the numbering skips them: say why
        flowables.append(Paragraph(text(note), styles.small))
    return flowables


def _attendance(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    attendance = report.figures.attendance
    if not attendance:
        return [Paragraph("Belum ada kehadiran rakor yang tercatat pada periode ini.",
                          styles.body)]
    rows: list[list[object]] = [["No", "Instansi", "Diundang", "Hadir", "Izin", "Tidak Hadir",
                                 "Kehadiran"]]
    for number, entry in enumerate(attendance, start=1):
        rows.append([number, f"{entry.abbreviation} – {entry.name}", entry.invited,
                     entry.present, entry.excused, entry.absent, percent(entry.rate)])
    shares = (0.05, 0.45, 0.1, 0.1, 0.1, 0.1, 0.1)
    return [Paragraph("Kehadiran dalam rakor yang terlaksana, diurutkan dari yang paling sering "
                      "tidak hadir.", styles.small), _table(rows, shares, styles, width)]


def _section(title: str, styles: Styles, flowables: list[Flowable]) -> list[Flowable]:
    """The heading and its note stay with the section's first table or chart, never alone
    at a page's foot (a table longer than a page still splits where it must)."""
    first = 1
    while first < len(flowables) and isinstance(flowables[first - 1], Paragraph) \
            and flowables[first - 1].style.name == "small":
        first += 1  # a note under the heading goes with what it introduces
    return [KeepTogether([Paragraph(title, styles.heading), *flowables[:first]]),
            *flowables[first:]]


def progress_story(report: ProgressReport, width: float) -> list[Flowable]:
    styles = Styles(report.letterhead)
    figures = report.figures
    story = letterhead(report.letterhead, styles, width)
    story += [Spacer(1, 8), Paragraph(text(report.title.upper()), styles.title),
              Paragraph(text(report.task_force), styles.centered),
              Paragraph(f"{text(report.period)} · keadaan per {text(report.printed_on)}",
                        styles.centered), Spacer(1, 6)]
    story += _section("A. Ringkasan", styles, _summary(report, styles, width))
    story += _section("B. Kinerja Instansi Penanggung Jawab", styles,
                      _scorecard(report, styles, width))
    story += _section("C. Perkembangan per Fokus", styles, _groups(
        figures.focus_areas, report, styles, width, heading="Fokus", chart=True))
    story += _section("D. Perkembangan per Sub Gugus Tugas", styles, _groups(
        figures.sub_task_forces, report, styles, width, heading="Sub Gugus Tugas", chart=False))
    story += _section("E. Tren Sesudah Setiap Rakor", styles, _trend(report, styles, width))
    story += _section("F. Komitmen yang Terlambat", styles, _overdue(report, styles, width))
    story += _section("G. Kehadiran Instansi dalam Rakor", styles,
                      _attendance(report, styles, width))
    story.append(signature(styles, width, position=report.signer_position,
                           name=report.signer_name, nip=report.signer_nip,
                           place_and_date=report.place_and_date))
    return story


def write_progress_pdf(report: ProgressReport, target: Path) -> Path:
    return write_portrait(target, report.letterhead, title=report.title,
                          story=lambda width: progress_story(report, width),
                          marking=report.classification.marking,
                          footnote=report.classification.footnote)
