"""The Matriks Tindak Lanjut as an Excel workbook, streamed: 100,000 rows in flat memory.

One sheet: title and filter in words, the header row (repeated on every printed page,
frozen on screen, with an autofilter), one row per commitment sorted by its group. Dates
are real dates shown the Indonesian way; the status column offers the four statuses as a
list and colours its row; overdue commitments say by how many days in Keterangan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from exports.excel.cells import Cells, header_cell, title_cell
from exports.excel.marking import mark_sheet, marked_title
from exports.excel.printing import LINE_HEIGHT, row_height, set_up_printing
from exports.excel.saving import save_workbook
from exports.files import write_atomically
from secretariat.commitments.request_letters import STATUS_WORDS
from secretariat.documents.action_matrix import HEADERS, ActionMatrix, MatrixRow

HEADER_ROW = 4
# Narrow enough that a landscape page, fitted to width, stays readable when printed.
WIDTHS = (5, 22, 40, 30, 14, 16, 17, 15, 8, 10, 26, 20, 18, 16)
STATUS_FILLS = {  # light, so the text stays readable in print
    "Belum Ditindaklanjuti": "E8EAED",
    "Dalam Proses": "FFF1C2",
    "Selesai": "D5EFD8",
    "Tidak Dapat Ditindaklanjuti": "E6DDF3",
}
OVERDUE_FILL = "F8D7DA"


def _cells(cells: Cells, row: MatrixRow) -> list:
    remark = row.notes
    if row.overdue:
        late = row.status_text.split(", ", 1)[-1]  # "terlambat N hari"
        remark = late[:1].upper() + late[1:] + (f". {row.notes}" if row.notes else "")
    text = cells.text
    return [
        cells.number(row.number), text(row.meeting), text(row.text), text(row.action_plan),
        text(row.lead_agency), text(row.supporting_agencies), cells.date(row.due_date),
        text(STATUS_WORDS[row.status], wrap=False), cells.number(row.progress),
        text(row.evidence), text(row.obstacles), text(remark), text(row.focus_area),
        text(row.sub_task_force),
    ]


def _rules(sheet, last_row: int) -> None:
    last_column = get_column_letter(len(HEADERS))
    area = f"A{HEADER_ROW + 1}:{last_column}{max(last_row, HEADER_ROW + 1)}"
    status = f"$H{HEADER_ROW + 1}"
    validation = DataValidation(type="list", allow_blank=False, showErrorMessage=True,
                                formula1='"' + ",".join(STATUS_WORDS.values()) + '"',
                                errorTitle="Status", error="Pilih salah satu status.")
    validation.add(f"H{HEADER_ROW + 1}:H{max(last_row, HEADER_ROW + 1)}")
    sheet.data_validations.append(validation)
    for word, colour in STATUS_FILLS.items():
        sheet.conditional_formatting.add(area, FormulaRule(
            formula=[f'{status}="{word}"'], fill=PatternFill("solid", bgColor=colour)))
    # An overdue commitment's due date stands out in red.
    sheet.conditional_formatting.add(
        f"G{HEADER_ROW + 1}:G{max(last_row, HEADER_ROW + 1)}",
        FormulaRule(formula=[f'LEFT($L{HEADER_ROW + 1},9)="Terlambat"'],
                    fill=PatternFill("solid", bgColor=OVERDUE_FILL)))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{max(last_row, HEADER_ROW + 1)}"


def write_matrix_workbook(matrix: ActionMatrix, target: Path,
                          progress: Callable[[int], None] | None = None) -> Path:
    def write(stream: BinaryIO) -> None:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Matriks Tindak Lanjut")
        set_up_printing(sheet, columns=len(HEADERS), header_row=HEADER_ROW,
                        paper=matrix.letterhead.paper_size, widths=WIDTHS)
        last_row = HEADER_ROW + matrix.total
        _rules(sheet, last_row)
        classification = matrix.classification
        mark_sheet(sheet, classification)
        sheet.append([title_cell(sheet, marked_title(matrix.title, classification))])
        sheet.append([title_cell(sheet, matrix.letterhead.agency_line, size=11, bold=False)])
        sheet.append([title_cell(sheet, "; ".join(part for part in (
            matrix.subtitle, f"keadaan per {matrix.printed_on}",
            classification.left_out_note()) if part), size=10, bold=False)])
        sheet.row_dimensions[HEADER_ROW].height = 2 * LINE_HEIGHT  # headers wrap to two lines
        sheet.append([header_cell(sheet, name) for name in HEADERS])
        maker = Cells(sheet)
        for written, row in enumerate(matrix.rows(), start=1):
            cells = _cells(maker, row)
            line = HEADER_ROW + written
            sheet.row_dimensions[line].height = row_height(cells, WIDTHS)
            sheet.append(cells)
            del sheet.row_dimensions[line]  # written already: memory stays flat
            if progress is not None and written % 1000 == 0:
                progress(written)
        save_workbook(workbook, stream)

    return write_atomically(target, write)
