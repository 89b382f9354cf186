"""One table on one sheet, the way every workbook of the program lays it out.

Title lines on top, the header row (repeated on every printed page, frozen on screen,
with an autofilter), then the rows streamed: a row's height is estimated as it is
written and forgotten after, so a long sheet stays flat in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from openpyxl.utils import get_column_letter

from exports.excel.cells import Cells, header_cell, title_cell
from exports.excel.printing import LINE_HEIGHT, row_height, set_up_printing

HEADER_ROW = 4  # after a title and two lines that say what the table holds


def table_sheet(workbook, name: str, *, titles: tuple[str, str, str], headers: Sequence[str],
                widths: Sequence[int], rows: Callable[[Cells], Iterable[list]], paper: str,
                filtered: bool = True, progress: Callable[[int], None] | None = None):
    """Write one table as sheet `name`; returns the sheet (charts may still be added)."""
    sheet = workbook.create_sheet(name[:31])  # Excel's limit for a sheet name
    set_up_printing(sheet, columns=len(headers), header_row=HEADER_ROW, paper=paper,
                    widths=widths, landscape=len(headers) > 7)
    title, subtitle, note = titles
    sheet.append([title_cell(sheet, title)])
    sheet.append([title_cell(sheet, subtitle, size=11, bold=False)])
    sheet.append([title_cell(sheet, note, size=10, bold=False)])
    heading_cells = [header_cell(sheet, heading) for heading in headers]
    sheet.row_dimensions[HEADER_ROW].height = max(2 * LINE_HEIGHT,
                                                  row_height(heading_cells, widths))
    sheet.append(heading_cells)
    last = HEADER_ROW
    for last, row in enumerate(rows(Cells(sheet)), start=HEADER_ROW + 1):
        sheet.row_dimensions[last].height = row_height(row, widths)
        sheet.append(row)
        del sheet.row_dimensions[last]  # written already: memory stays flat
        if progress is not None and (last - HEADER_ROW) % 1000 == 0:
            progress(last - HEADER_ROW)
    if filtered:
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}{last}"
    return sheet
