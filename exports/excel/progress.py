"""Laporan Perkembangan Komitmen as an Excel workbook: one sheet per table of the report.

The secretariat keeps these figures for its own reporting (to the province, to the
ministry), so every number is a real number and every rate a real fraction shown as a
percentage: they sort, sum and chart in Excel. Unlike the PDF, the overdue sheet lists
every overdue commitment. The summary sheet carries Excel's own chart of the statuses,
under the table and inside the print area, so that it is printed with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from exports.excel.cells import Cells
from exports.excel.marking import mark_sheet, marked_title
from exports.excel.printing import set_print_area
from exports.excel.saving import save_workbook
from exports.excel.sheets import HEADER_ROW, table_sheet
from exports.files import write_atomically
from secretariat.commitments.progress import ATTENDANCE_RATE_RULE
from secretariat.documents.progress_report import ProgressReport


def _sheet(workbook, name: str, report: ProgressReport, headers: tuple[str, ...],
           widths: tuple[int, ...], rows, *, note: str = "", **options):
    """One table of the report on its own sheet, titled and marked like the report."""
    sheet = table_sheet(workbook, name, titles=(
        marked_title(f"{report.title} — {name}", report.classification), report.task_force,
        "; ".join(part for part in (f"{report.period}; keadaan per {report.printed_on}", note)
                  if part)), headers=headers, widths=widths,
        rows=rows, paper=report.letterhead.paper_size, **options)
    mark_sheet(sheet, report.classification)
    return sheet


CHART_ROWS = 16


def _summary(report: ProgressReport):
    figures = report.figures

    def rows(cells: Cells):
        for word, count in report.status_words():
            yield [cells.text(word, wrap=False), cells.number(count),
                   cells.percent(count / figures.total if figures.total else None)]
        yield [cells.text("Jumlah", wrap=False), cells.number(figures.total),
               cells.percent(1 if figures.total else None)]
        yield [cells.text("Terlambat (belum selesai lewat batas waktu)"),
               cells.number(figures.overdue_count),
               cells.percent(figures.overdue_count / figures.total if figures.total else None)]
    return rows


def _status_chart(sheet, report: ProgressReport) -> None:
    statuses = len(report.status_words())
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Komitmen menurut status"
    chart.legend = None
    chart.add_data(Reference(sheet, min_col=2, min_row=HEADER_ROW,
                             max_row=HEADER_ROW + statuses), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=HEADER_ROW + 1,
                                   max_row=HEADER_ROW + statuses))
    # As wide as the table's three columns, two rows under its last one (the statuses,
    # "Jumlah" and "Terlambat"); 7 cm are about 14 rows of 15 points.
    chart.width, chart.height = 13, 7
    top = HEADER_ROW + statuses + 4
    sheet.add_chart(chart, f"A{top}")
    set_print_area(sheet, columns=3, last_row=top + CHART_ROWS)


def _scorecard(report: ProgressReport):
    def rows(cells: Cells):
        for number, score in enumerate(report.figures.scorecard, start=1):
            yield [cells.number(number), cells.text(score.abbreviation),
                   cells.text(score.name), cells.number(score.total), cells.number(score.done),
                   cells.number(score.done_on_time), cells.number(score.in_progress),
                   cells.number(score.not_started), cells.number(score.cannot),
                   cells.number(score.overdue), cells.percent(score.completion_rate),
                   cells.percent(score.on_time_rate), cells.percent(score.average_progress / 100)]
    return rows


def _groups(report: ProgressReport, groups):
    def rows(cells: Cells):
        for number, group in enumerate(groups, start=1):
            yield [cells.number(number), cells.text(report.group_name(group)),
                   cells.number(group.total), cells.number(group.done), cells.number(group.open),
                   cells.number(group.overdue), cells.percent(group.completion_rate),
                   cells.percent(group.average_progress / 100)]
    return rows


def _trend(report: ProgressReport):
    def rows(cells: Cells):
        for number, point in enumerate(report.figures.trend, start=1):
            yield [cells.number(number), cells.date(point.meeting_date), cells.text(point.title),
                   cells.number(point.agreed), cells.number(point.done),
                   cells.number(point.open), cells.number(point.cannot)]
    return rows


def _overdue(report: ProgressReport, progress: Callable[[int], None] | None):
    def rows(cells: Cells):
        for number, entry in report.overdue_lines:
            yield [cells.number(number), cells.text(entry.text), cells.date(entry.meeting_date),
                   cells.text(entry.lead_agency), cells.date(entry.due_date),
                   cells.number(entry.days_late), cells.percent(entry.progress / 100)]
            if progress is not None and number % 1000 == 0:
                progress(number)
    return rows


def _attendance(report: ProgressReport):
    def rows(cells: Cells):
        for number, entry in enumerate(report.figures.attendance, start=1):
            yield [cells.number(number), cells.text(entry.abbreviation),
                   cells.text(entry.name), cells.number(entry.invited),
                   cells.number(entry.present), cells.number(entry.represented),
                   cells.number(entry.excused),
                   cells.number(entry.absent), cells.percent(entry.rate)]
    return rows


GROUP_HEADERS = ("No", "{name}", "Komitmen", "Selesai", "Belum Selesai", "Terlambat",
                 "Selesai (%)", "Rata-rata Progres")
GROUP_WIDTHS = (5, 44, 11, 10, 12, 11, 11, 12)


def write_progress_workbook(report: ProgressReport, target: Path,
                            progress: Callable[[int], None] | None = None) -> Path:
    figures = report.figures

    def write(stream: BinaryIO) -> None:
        workbook = Workbook(write_only=True)
        # The summary ends in its totals: a filter there would sort them among the statuses.
        summary = _sheet(workbook, "Ringkasan", report, ("Status", "Jumlah", "%"), (50, 10, 9),
                         _summary(report), filtered=False)
        if figures.total:
            _status_chart(summary, report)
        _sheet(workbook, "Instansi", report,
               ("No", "Singkatan", "Instansi Penanggung Jawab", "Komitmen", "Selesai",
                "Selesai Tepat Waktu", "Dalam Proses", "Belum Ditindaklanjuti",
                "Tidak Dapat Ditindaklanjuti", "Terlambat", "Selesai (%)", "Tepat Waktu (%)",
                "Rata-rata Progres"),
               (5, 14, 30, 10, 9, 11, 10, 15, 15, 10, 10, 10, 10), _scorecard(report))
        _sheet(workbook, "Fokus", report, tuple(h.format(name="Fokus") for h in GROUP_HEADERS),
               GROUP_WIDTHS, _groups(report, figures.focus_areas))
        _sheet(workbook, "Sub Gugus Tugas", report,
               tuple(h.format(name="Sub Gugus Tugas") for h in GROUP_HEADERS), GROUP_WIDTHS,
               _groups(report, figures.sub_task_forces))
        _sheet(workbook, "Tren", report,
               ("No", "Tanggal Rakor", "Rakor", "Komitmen s.d. Rakor", "Selesai",
                "Belum Selesai", "Tidak Dapat Ditindaklanjuti"),
               (5, 18, 60, 14, 10, 12, 16), _trend(report))
        _sheet(workbook, "Terlambat", report,
               ("No", "Komitmen", "Tanggal Rapat", "Penanggung Jawab", "Batas Waktu",
                "Terlambat (hari)", "Progres"),
               (5, 70, 18, 20, 18, 11, 10), _overdue(report, progress),
               note=report.classification.left_out_note())
        _sheet(workbook, "Kehadiran", report,
               ("No", "Singkatan", "Instansi", "Rakor Diundang", "Hadir", "Diwakili", "Izin",
                "Tidak Hadir", "Kehadiran (%)"),
               (5, 18, 44, 11, 9, 10, 9, 11, 12), _attendance(report),
               note=ATTENDANCE_RATE_RULE)
        save_workbook(workbook, stream)

    return write_atomically(target, write)
