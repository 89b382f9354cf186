"""The Matriks Tindak Lanjut as an Excel workbook, streamed: 100,000 rows in flat memory.

One sheet: title and filter in words, the header row (repeated on every printed page,
frozen on screen, with an autofilter), one row per commitment sorted by its group. Dates
are real dates shown the Indonesian way; the status column offers the four statuses as a
list and colours its row; overdue commitments say by how many days in Keterangan.

The sheet is a flat table, so a number restarting at 1 in each group would say nothing:
each line starts with its reference, "Rakor 16 Mei 2024 no. 2" (the meeting and the
commitment's own number in it). The first nine columns are what is printed, on one page
width at 80 % or more; the meeting's full name, its date and the commitment's number as
sortable values, and the remaining DOMAIN.md columns follow them on screen.
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

from exports.excel.cells import Cells
from exports.excel.marking import mark_sheet, marked_title
from exports.excel.printing import row_height, set_print_area, set_up_printing
from exports.excel.saving import save_workbook
from exports.excel.sheets import HEADER_ROW, write_headings, write_titles
from exports.files import write_atomically
from secretariat.commitments.request_letters import STATUS_WORDS
from secretariat.documents.action_matrix import ActionMatrix, MatrixRow

# (heading, width); the first PRINTED of them are the print set.
COLUMNS = (
    ("Rujukan", 16),
    ("Kesepakatan/Komitmen", 34),
    ("Rencana Aksi", 24),
    ("Instansi Penanggung Jawab", 13),
    ("Batas Waktu", 17),
    ("Status", 15),
    ("Progres (%)", 8),
    ("Kendala", 17),
    ("Keterangan", 17),
    ("Rapat", 50),
    ("Tanggal Rapat", 17),
    ("No. Komitmen", 10),
    ("Instansi Pendukung", 20),
    ("Bukti Dukung", 10),
    ("Fokus", 30),
    ("Sub Gugus Tugas", 30),
)
PRINTED = 9
HEADINGS = tuple(heading for heading, _width in COLUMNS)
WIDTHS = tuple(width for _heading, width in COLUMNS)


def _letter(heading: str) -> str:
    return get_column_letter(HEADINGS.index(heading) + 1)


STATUS_COLUMN = _letter("Status")
DUE_COLUMN = _letter("Batas Waktu")
REMARK_COLUMN = _letter("Keterangan")
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
        text(row.reference), text(row.text), text(row.action_plan), text(row.lead_agency),
        cells.date(row.due_date), text(STATUS_WORDS[row.status]), cells.number(row.progress),
        text(row.obstacles), text(remark),
        text(row.meeting), cells.date(row.meeting_date), cells.number(row.commitment_number),
        text(row.supporting_agencies), text(row.evidence), text(row.focus_area),
        text(row.sub_task_force),
    ]


def _down(letter: str, last_row: int) -> str:
    """The body cells of one column: "H5:H120"."""
    return f"{letter}{HEADER_ROW + 1}:{letter}{max(last_row, HEADER_ROW + 1)}"


def _rules(sheet, last_row: int) -> None:
    first, last_column = HEADER_ROW + 1, get_column_letter(len(COLUMNS))
    validation = DataValidation(type="list", allow_blank=False, showErrorMessage=True,
                                formula1='"' + ",".join(STATUS_WORDS.values()) + '"',
                                errorTitle="Status", error="Pilih salah satu status.")
    validation.add(_down(STATUS_COLUMN, last_row))
    sheet.data_validations.append(validation)
    area = f"A{first}:{last_column}{max(last_row, first)}"
    for word, colour in STATUS_FILLS.items():
        sheet.conditional_formatting.add(area, FormulaRule(
            formula=[f'${STATUS_COLUMN}{first}="{word}"'],
            fill=PatternFill("solid", bgColor=colour)))
    # An overdue commitment's due date stands out in red.
    sheet.conditional_formatting.add(_down(DUE_COLUMN, last_row), FormulaRule(
        formula=[f'LEFT(${REMARK_COLUMN}{first},9)="Terlambat"'],
        fill=PatternFill("solid", bgColor=OVERDUE_FILL)))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{max(last_row, first)}"


def write_matrix_workbook(matrix: ActionMatrix, target: Path,
                          progress: Callable[[int], None] | None = None) -> Path:
    def write(stream: BinaryIO) -> None:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Matriks Tindak Lanjut")
        set_up_printing(sheet, header_row=HEADER_ROW, paper=matrix.letterhead.paper_size,
                        widths=WIDTHS, printed=PRINTED, title=matrix.title)
        last_row = HEADER_ROW + matrix.total
        _rules(sheet, last_row)
        set_print_area(sheet, columns=PRINTED, last_row=last_row)
        classification = matrix.classification
        mark_sheet(sheet, classification)
        write_titles(sheet, (marked_title(matrix.title, classification),
                             matrix.letterhead.agency_line, "; ".join(part for part in (
                                 matrix.subtitle, f"keadaan per {matrix.printed_on}",
                                 classification.left_out_note()) if part)),
                     WIDTHS[:PRINTED])
        write_headings(sheet, HEADINGS, WIDTHS)
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
