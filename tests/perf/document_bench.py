"""Benchmark of the documents: the action matrix against bare ReportLab and bare openpyxl.

    python tests/perf/document_bench.py --db PATH   (a database from `demo --scale 100000`)

Prints JSON. The matrix rows are read from the database once and held in memory, so both
sides of each comparison write exactly the same cells and only the writing is timed:
- PDF: 10,000 rows by our writer vs the same cell texts as Paragraphs in a bare LongTable;
- Excel: 100,000 rows by our writer vs the same cells (values and looks) appended to a bare
  write-only sheet the plain way;
- Excel memory: the writer's peak (tracemalloc) for 10,000 and for 100,000 rows, which stays
  flat when rows are streamed.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import tracemalloc
from dataclasses import replace
from itertools import islice
from pathlib import Path

PDF_ROWS = 10_000
EXCEL_ROWS = 100_000


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return round((time.perf_counter() - start) * 1000, 1)


def _bare_pdf(rows, target: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

    from exports.pdf.fonts import REGULAR, register_fonts
    from exports.pdf.matrix import _row_cells  # the same cell texts, as our writer makes

    register_fonts()
    style = ParagraphStyle("bare", fontName=REGULAR, fontSize=7, leading=8.75)
    def bare(cell) -> Paragraph:  # one paragraph per cell, where ours may stack several
        texts = [part.text for part in cell] if isinstance(cell, list) else [cell.text]
        return Paragraph("<br/>".join(texts), style)

    data = [[bare(cell) for cell in _row_cells(row, style, style, with_meeting=False)]
            for row in rows]
    document = SimpleDocTemplate(str(target), pagesize=landscape(A4))
    width = document.width
    table = LongTable(data, colWidths=[width / 9] * 9, repeatRows=1)
    document.build([table])


def _bare_excel(rows, target: Path) -> None:
    """The same cells written the plain openpyxl way: the same values with the same looks
    (wrapped text, top-aligned, dates in the Indonesian format), set cell by cell; no
    formula guard, no row heights, no validation, colours or print settings."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("bare")
    for row in rows:
        values = [row.number, row.meeting, row.text, row.action_plan, row.lead_agency,
                  row.supporting_agencies, row.due_date, row.status_text.split(",")[0],
                  row.progress, row.evidence, row.obstacles, row.notes, row.focus_area,
                  row.sub_task_force]
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.alignment = wrap if isinstance(value, str) else top
            if value is row.due_date:
                cell.number_format = "[$-421]d mmmm yyyy"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(target)


def _large_meeting(db, today) -> int:
    """A rakor with 60 attendees, 10 agenda items and 40 commitments, as the issue sizes it."""
    from datetime import time as clock
    from datetime import timedelta

    from models import AttendanceStatus, MeetingKind
    from secretariat.agencies.regions import list_task_forces
    from secretariat.agencies.register import list_agencies
    from secretariat.commitments.recording import CommitmentDraft, add_commitments
    from secretariat.meetings.attendance import AttendanceDraft, add_attendance
    from secretariat.meetings.lifecycle import (
        AgendaDraft,
        MeetingDraft,
        add_agenda_item,
        get_meeting,
        mark_held,
        schedule_meeting,
    )

    task_force = list_task_forces(db)[0].id
    agencies = [agency.id for agency in list_agencies(db)]
    day = today - timedelta(days=1)
    meeting = schedule_meeting(db, MeetingDraft(
        task_force_id=task_force, kind=MeetingKind.RAKOR, date=day,
        title="Rapat Koordinasi Besar GT PP-TPPO (benchmark)", start_time=clock(9),
        end_time=clock(12), place="Aula Bappeda", chair_name="Drs. H. Rahmat",
        note_taker_name="Siti Aminah"))
    mark_held(db, meeting, get_meeting(db, meeting).version, today=today)
    for number in range(10):
        add_agenda_item(db, meeting, AgendaDraft(
            title=f"Agenda {number + 1}: laporan dan pembahasan", presenter="Ketua Harian",
            discussion="Pembahasan panjang tentang pencegahan dan penanganan TPPO. " * 12,
            decisions="Disepakati langkah tindak lanjut bersama. " * 4))
    for number in range(60):
        add_attendance(db, meeting, AttendanceDraft(
            agency_id=agencies[number % len(agencies)], name=f"Peserta Rapat {number + 1}",
            position="Kepala Bidang", phone="0812 5555 0000",
            status=AttendanceStatus.PRESENT), today=today)
    add_commitments(db, meeting, [CommitmentDraft(
        text=f"Komitmen nomor {number + 1}: melaksanakan sosialisasi pencegahan TPPO di desa "
             "rawan dan melaporkan hasilnya kepada sekretariat",
        lead_agency_id=agencies[number % len(agencies)], due_date=day + timedelta(days=90))
        for number in range(40)])
    return meeting


def _minutes_ms(db, meeting: int, folder: Path) -> float:
    from statistics import median

    from exports.pdf.minutes import write_minutes
    from secretariat.documents.minutes_and_attendance import minutes_report

    timings = [_timed(lambda: write_minutes(minutes_report(db, meeting), folder / "n.pdf"))
               for _ in range(3)]
    return median(timings)


def _peak_mb(action) -> float:
    tracemalloc.start()
    action()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 1_048_576, 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()

    from datetime import date

    from exports.excel.matrix import write_matrix_workbook
    from exports.pdf.matrix import write_matrix_pdf
    from secretariat.commitments.queries import CommitmentFilter
    from secretariat.documents.action_matrix import action_matrix
    from secretariat.storage.database import open_database

    db = open_database(args.db, upgrade=False)
    minutes_folder = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    minutes_ms = _minutes_ms(db, _large_meeting(db, date.today()), minutes_folder)
    matrix = action_matrix(db, CommitmentFilter())
    rows = list(islice(matrix.rows(), EXCEL_ROWS))
    pdf_rows = rows[:PDF_ROWS]
    folder = Path(tempfile.mkdtemp(prefix="document-bench-"))

    def held(selection):
        return replace(matrix, total=len(selection), rows=lambda: iter(selection))

    figures = {
        "minutes_60_10_40_ms": minutes_ms,
        "matrix_pdf_rows": len(pdf_rows),
        "matrix_pdf_ms": _timed(lambda: write_matrix_pdf(held(pdf_rows), folder / "m.pdf")),
        "bare_reportlab_ms": _timed(lambda: _bare_pdf(pdf_rows, folder / "bare.pdf")),
        "matrix_excel_rows": len(rows),
        "matrix_excel_ms": _timed(lambda: write_matrix_workbook(held(rows), folder / "m.xlsx")),
        "bare_openpyxl_ms": _timed(lambda: _bare_excel(rows, folder / "bare.xlsx")),
    }
    figures["matrix_pdf_ratio"] = round(figures["matrix_pdf_ms"] / figures["bare_reportlab_ms"], 2)
    figures["matrix_excel_ratio"] = round(figures["matrix_excel_ms"]
                                          / figures["bare_openpyxl_ms"], 2)
    # Memory: streamed from the database, as the program writes it.
    streamed = replace(matrix, total=PDF_ROWS, rows=lambda: islice(matrix.rows(), PDF_ROWS))
    figures["matrix_excel_peak_mb_10k"] = _peak_mb(
        lambda: write_matrix_workbook(streamed, folder / "s10.xlsx"))
    figures["matrix_excel_peak_mb_all"] = _peak_mb(
        lambda: write_matrix_workbook(matrix, folder / "sall.xlsx"))
    figures["matrix_excel_rows_all"] = matrix.total
    db.close()
    print(json.dumps(figures), flush=True)
    os._exit(0)  # skip tearing down a large heap: the figures are printed


if __name__ == "__main__":
    raise SystemExit(main())
