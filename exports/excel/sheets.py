"""One table on one sheet, the way every workbook of the program lays it out.

Title lines on top, the header row (repeated on every printed page, frozen on screen,
with an autofilter), then the rows streamed: a row's height is estimated as it is
written and forgotten after, so a long sheet stays flat in memory. The first `printed`
columns are the print set (see `exports.excel.printing`); the others follow on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from openpyxl.utils import get_column_letter

from exports.excel.cells import Cells, header_cell, title_cell
from exports.excel.printing import (
    heading_height,
    row_height,
    set_print_area,
    set_up_printing,
    title_height,
)

HEADER_ROW = 4  # after a title and two lines that say what the table holds


TITLE_LOOKS = ((14, True), (11, False), (10, False))  # size and boldness of the 3 lines


def write_titles(sheet, titles: tuple[str, str, str], print_widths: Sequence[float]) -> None:
    """The title lines, each merged across the print set and wrapped inside it: a long
    title running on over the empty cells would be cut off at the print area's edge."""
    last = get_column_letter(len(print_widths))
    for row, (text, (size, bold)) in enumerate(zip(titles, TITLE_LOOKS, strict=True), start=1):
        if len(print_widths) > 1:
            sheet.merged_cells.add(f"A{row}:{last}{row}")
        sheet.row_dimensions[row].height = title_height(text, print_widths, size=size, bold=bold)
        sheet.append([title_cell(sheet, text, size=size, bold=bold)])


def write_headings(sheet, headings: Sequence[str], widths: Sequence[float]) -> None:
    sheet.row_dimensions[HEADER_ROW].height = heading_height(headings, widths)
    sheet.append([header_cell(sheet, heading) for heading in headings])


def table_sheet(workbook, name: str, *, titles: tuple[str, str, str], headers: Sequence[str],
                widths: Sequence[int], rows: Callable[[Cells], Iterable[list]], paper: str,
                printed: int | None = None, filtered: bool = True,
                progress: Callable[[int], None] | None = None):
    """Write one table as sheet `name`; returns the sheet (charts may still be added)."""
    sheet = workbook.create_sheet(name[:31])  # Excel's limit for a sheet name
    printed = len(headers) if printed is None else printed
    set_up_printing(sheet, header_row=HEADER_ROW, paper=paper, widths=widths, printed=printed,
                    title=titles[0])
    write_titles(sheet, titles, widths[:printed])
    write_headings(sheet, headers, widths)
    last = HEADER_ROW
    for last, row in enumerate(rows(Cells(sheet)), start=HEADER_ROW + 1):
        sheet.row_dimensions[last].height = row_height(row, widths)
        sheet.append(row)
        del sheet.row_dimensions[last]  # written already: memory stays flat
        if progress is not None and (last - HEADER_ROW) % 1000 == 0:
            progress(last - HEADER_ROW)
    set_print_area(sheet, columns=printed, last_row=last)
    if filtered:
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}{last}"
    return sheet
