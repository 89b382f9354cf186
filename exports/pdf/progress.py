"""Laporan Perkembangan Komitmen as PDF: a laporan in the Tata Naskah Dinas shape.

Portrait, on the letterhead: I. Pendahuluan (umum, maksud dan tujuan, ruang lingkup,
dasar); II. the figures: a summary with the status ring, the lead agencies' scorecard
(weakest first, as on the screen), progress per focus area (with a bar chart) and per sub
task force, the trend after each rakor (with a line chart), the overdue commitments (of the
period, then those of earlier meetings still open) and rakor attendance per agency;
III. Simpulan dan Saran (the clerk's text, drafted from the figures); IV. Penutup; then the
signature with jabatan, pangkat and NIP. A long overdue list is cut at `OVERDUE_LISTED`
most-late rows with a line saying how many more there are: the action matrix is the
document that lists them all.
"""

from __future__ import annotations

import math
import re
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
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.pdf.fonts import BOLD, REGULAR, drawn
from exports.pdf.layout import (
    LATE,
    STATUS_COLOURS,
    Styles,
    letterhead,
    list_item,
    number,
    paragraphs,
    signature,
    text,
    write_portrait,
)
from exports.pdf.page_breaks import section_start
from secretariat.commitments.progress import ATTENDANCE_RATE_RULE, OverdueCommitment
from secretariat.dates import abbreviated_date, short_date
from secretariat.documents.classification import Classification
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
        if isinstance(value, Flowable):
            return value
        return Paragraph(text(number(value) if isinstance(value, int) else str(value)), style)

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
    drawing.initialFontName = REGULAR  # not Times-Roman, which no PDF of ours embeds
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
    lines.append([Paragraph("<b>Jumlah</b>", styles.small), Paragraph(number(figures.total), bold),
                  Paragraph("100%", bold)])
    lines.append(["Terlambat (belum selesai lewat batas waktu)", figures.overdue_count,
                  percent(figures.overdue_count / figures.total)])
    counts = _table(lines, (0.55, 0.2, 0.25), styles, width * 0.6, numeric_from=1)
    side = Table([[_status_ring(report), counts]], colWidths=[width * 0.4, width * 0.6])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    done = figures.done
    summary = (f"Dalam {text(report.scope)}, {text(report.task_force)} menyepakati "
               f"<b>{number(figures.total)}</b> komitmen. Sebanyak <b>{number(done)}</b> "
               f"({percent(done / figures.total)}) telah selesai dan "
               f"<b>{number(figures.overdue_count)}</b> melewati batas waktu tanpa selesai.")
    return [Paragraph(summary, styles.body), side]


def _scorecard(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    rows: list[list[object]] = [["No", "Instansi Penanggung Jawab", "Komitmen", "Selesai",
                                 "Tepat Waktu", "Proses", "Belum", "Terlambat", "Selesai (%)",
                                 "Rata-rata Progres"]]
    for index, score in enumerate(report.figures.scorecard, start=1):
        rows.append([index, score.abbreviation or score.name, score.total, score.done,
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
    drawing.initialFontName = REGULAR  # not Times-Roman, which no PDF of ours embeds
    chart = HorizontalBarChart()
    chart.x, chart.y = 175, 20
    chart.width, chart.height = width - 185, height - 10
    chart.data = [[group.done for group in groups], [group.open for group in groups]]
    chart.bars[0].fillColor, chart.bars[1].fillColor = DONE_COLOUR, OPEN_COLOUR
    labels = [drawn(name) for name in names]  # a label in Arabic or Chinese prints too
    chart.categoryAxis.categoryNames = [characters for _font, characters in labels]
    chart.categoryAxis.labels.fontName = REGULAR
    for index, (font, _characters) in enumerate(labels):
        chart.categoryAxis.labels[index].fontName = font
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
    for index, group in enumerate(groups, start=1):
        rows.append([index, report.group_name(group), group.total, group.done, group.open,
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
    drawing.initialFontName = REGULAR  # not Times-Roman, which no PDF of ours embeds
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
    for index, point in enumerate(trend, start=1):
        rows.append([index, f"{point.title} ({short_date(point.meeting_date, 'id')})",
                     point.agreed, point.done, point.open, point.cannot])
    shares = (0.05, 0.45, 0.13, 0.11, 0.12, 0.14)
    return [Paragraph("Keadaan seluruh komitmen gugus tugas sesudah setiap rakor (rakor terakhir "
                      "di kanan).", styles.small),
            _trend_chart(report, width), _table(rows, shares, styles, width)]


def _late_table(late: tuple[tuple[int, OverdueCommitment], ...], styles: Styles,
                width: float, *, left_out: int = 0) -> list[Flowable]:
    """The numbered lines as printed; `left_out` terbatas ones, whose numbers they skip,
    are named in a line under the table."""
    rows: list[list[object]] = [["No", "Komitmen", "Rapat", "Penanggung Jawab", "Batas Waktu",
                                 "Terlambat", "Progres"]]
    for index, entry in late[:OVERDUE_LISTED]:
        # Short month names: a whole date fits its narrow column on one line.
        rows.append([index, entry.text, abbreviated_date(entry.meeting_date, "id"),
                     entry.lead_agency, abbreviated_date(entry.due_date, "id"),
                     f"{number(entry.days_late)} hari",
                     f"{entry.progress}%"])
    shares = (0.05, 0.37, 0.13, 0.13, 0.13, 0.11, 0.08)
    table = _table(rows, shares, styles, width, numeric_from=5)
    table.setStyle(TableStyle([("TEXTCOLOR", (5, 1), (5, -1), LATE)]))
    flowables: list[Flowable] = [table]
    if len(late) > OVERDUE_LISTED:
        flowables.append(Paragraph(
            f"… dan {number(len(late) - OVERDUE_LISTED)} komitmen terlambat lainnya; daftar "
            "lengkapnya ada pada Matriks Tindak Lanjut (status terlambat).", styles.small))
    note = Classification(left_out=left_out).left_out_note()
    if note:  # the numbering skips them: say why
        flowables.append(Paragraph(text(note), styles.small))
    return flowables


def _overdue(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    """The period's overdue commitments; a period without any says so for its own scope."""
    late = report.figures.overdue
    if not late:
        return [Paragraph(f"Tidak ada komitmen {text(report.scope)} yang melewati batas waktu.",
                          styles.body)]
    return _late_table(report.overdue_lines, styles, width,
                       left_out=len(late) - len(report.overdue_lines))


def _earlier_overdue(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    """Outside the period's figures, but still owed: the commitments of earlier meetings."""
    earlier = report.earlier_overdue
    if not earlier:
        return [Paragraph("Tidak ada komitmen dari rapat sebelumnya yang masih terbuka dan "
                          "melewati batas waktu.", styles.body)]
    return [Paragraph(f"Sebanyak {number(len(earlier))} komitmen dari rapat sebelumnya masih "
                      "terbuka dan melewati batas waktu:", styles.body),
            *_late_table(report.earlier_overdue_lines, styles, width,
                         left_out=len(earlier) - len(report.earlier_overdue_lines))]


def _attendance(report: ProgressReport, styles: Styles, width: float) -> list[Flowable]:
    attendance = report.figures.attendance
    if not attendance:
        return [Paragraph("Belum ada kehadiran rakor yang tercatat pada periode ini.",
                          styles.body)]
    rows: list[list[object]] = [["No", "Instansi", "Diundang", "Hadir", "Diwakili", "Izin",
                                 "Tidak Hadir", "Kehadiran"]]
    for index, entry in enumerate(attendance, start=1):
        rows.append([index, f"{entry.abbreviation} – {entry.name}", entry.invited,
                     entry.present, entry.represented, entry.excused, entry.absent,
                     percent(entry.rate)])
    shares = (0.05, 0.37, 0.1, 0.08, 0.1, 0.08, 0.11, 0.11)
    return [Paragraph("Kehadiran dalam rakor yang terlaksana, diurutkan dari yang paling sering "
                      "tidak hadir. " + ATTENDANCE_RATE_RULE, styles.small),
            _table(rows, shares, styles, width)]


def _section(title: str, styles: Styles, flowables: list[Flowable], *,
             above: list[Flowable] | None = None) -> list[Flowable]:
    """The heading (with the part's heading `above` it, and the sentences under it) stays with
    the start of the section's first table, chart or paragraph: never alone at a page's
    foot, while a long table still starts on this page."""
    lead = [*(above or []), Paragraph(title, _subheading(styles))]
    rest = list(flowables)
    while len(rest) > 1 and isinstance(rest[0], Paragraph):
        lead.append(rest.pop(0))  # a sentence under the heading goes with what it introduces
    return section_start(lead, rest[0]) + rest[1:]


def _subheading(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle("subheading", parent=styles.heading,
                          spaceBefore=styles.body.fontSize * 0.5)


def _introduction(report: ProgressReport, styles: Styles) -> list[Flowable]:
    """I. Pendahuluan: what the task force does, why this report, what it covers, on what
    basis."""
    scope, task_force = text(report.scope), text(report.task_force)
    sub = _subheading(styles)
    story: list[Flowable] = [
        Paragraph("I. PENDAHULUAN", styles.heading), Paragraph("A. Umum", sub),
        Paragraph(f"{task_force} menyelenggarakan rapat koordinasi yang menyepakati komitmen "
                  "dan rencana tindak lanjut instansi anggota. Sekretariat Gugus Tugas mencatat "
                  "setiap komitmen beserta laporan tindak lanjutnya sampai komitmen itu "
                  "selesai.", styles.body),
        Paragraph("B. Maksud dan Tujuan", sub),
        Paragraph("Laporan ini dimaksudkan untuk menyampaikan perkembangan tindak lanjut "
                  "komitmen kepada pimpinan Gugus Tugas, dengan tujuan agar komitmen yang "
                  "terlambat dan instansi yang memerlukan dukungan segera mendapat perhatian.",
                  styles.body),
        Paragraph("C. Ruang Lingkup", sub),
        Paragraph(f"Laporan ini mencakup komitmen yang disepakati dalam {scope}, keadaan per "
                  f"{text(report.printed_on)}, serta komitmen dari rapat sebelumnya yang masih "
                  "terbuka dan telah melewati batas waktu.", styles.body),
        Paragraph("D. Dasar", sub)]
    story += [list_item(f"{index}.", text(basis), styles.body)
              for index, basis in enumerate(report.basis, start=1)]
    return story


_LETTERED = re.compile(r"^[A-Z]\.\s")


def _conclusions(report: ProgressReport, styles: Styles) -> list[Flowable]:
    """III. Simpulan dan Saran: the clerk's text; a block's first line "A. Simpulan" is set
    as a sub-heading, numbered lines hang."""
    story: list[Flowable] = [Paragraph("III. SIMPULAN DAN SARAN", styles.heading)]
    for block in (report.conclusions or "").split("\n\n"):
        lines = block.strip().split("\n")
        if not block.strip():
            continue
        if _LETTERED.match(lines[0]) and len(lines) > 1:
            story.append(Paragraph(text(lines[0]), _subheading(styles)))
            lines = lines[1:]
        story += paragraphs("\n".join(lines), styles.body)
    if len(story) == 1:
        story.append(Paragraph("-", styles.body))
    return story


CLOSING = ("Demikian laporan ini disampaikan sebagai bahan pertimbangan pimpinan Gugus Tugas. "
           "Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.")


def progress_story(report: ProgressReport, width: float) -> list[Flowable]:
    styles = Styles(report.letterhead)
    figures = report.figures
    story = letterhead(report.letterhead, styles, width)
    story += [Spacer(1, 8), Paragraph(text(report.title.upper()), styles.title),
              Paragraph(text(report.task_force), styles.centered),
              Paragraph(f"{text(report.period)} · keadaan per {text(report.printed_on)}",
                        styles.centered), Spacer(1, 6)]
    story += _introduction(report, styles)
    part = [Paragraph("II. PERKEMBANGAN TINDAK LANJUT KOMITMEN", styles.heading)]
    story += _section("A. Ringkasan", styles, _summary(report, styles, width), above=part)
    if figures.total:  # an empty period has no agencies, groups or attendance to show
        story += _section("B. Kinerja Instansi Penanggung Jawab", styles,
                          _scorecard(report, styles, width))
        story += _section("C. Perkembangan per Fokus", styles, _groups(
            figures.focus_areas, report, styles, width, heading="Fokus", chart=True))
        story += _section("D. Perkembangan per Sub Gugus Tugas", styles, _groups(
            figures.sub_task_forces, report, styles, width, heading="Sub Gugus Tugas",
            chart=False))
    story += _section("E. Tren Sesudah Setiap Rakor", styles, _trend(report, styles, width))
    story += _section("F. Komitmen yang Melewati Batas Waktu", styles,
                      _overdue(report, styles, width))
    story += _section("G. Komitmen Rapat Sebelumnya yang Masih Terbuka", styles,
                      _earlier_overdue(report, styles, width))
    story += _section("H. Kehadiran Instansi dalam Rakor", styles,
                      _attendance(report, styles, width))
    story += _conclusions(report, styles)
    story += [Paragraph("IV. PENUTUP", styles.heading), Paragraph(CLOSING, styles.body)]
    story.append(signature(styles, width, position=report.signer_position,
                           name=report.signer_name, rank=report.signer_rank,
                           nip=report.signer_nip, place_and_date=report.place_and_date))
    return story


def write_progress_pdf(report: ProgressReport, target: Path) -> Path:
    return write_portrait(target, report.letterhead, title=report.title,
                          story=lambda width: progress_story(report, width),
                          marking=report.classification.marking,
                          footnote=report.classification.footnote)
