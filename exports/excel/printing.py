"""Print settings every workbook of the program shares: an office prints them as they are.

A sheet holds every column, but only its first columns, the *print set*, are printed: all
fourteen columns of a matrix fitted to one page width came out at about 6 points. The
print set is chosen narrow enough to fit the letterhead's paper (A4 or F4, landscape
unless it fits upright) at `MIN_SCALE` or more; the other columns follow it on screen.
Excel and LibreOffice fit the print area to the page width themselves; `print_scale` is
the same computation made here, so tests and writers know the print stays readable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

# Excel's paper codes: 9 is A4; F4/Folio (215 × 330 mm) has no code of its own, and 14
# (Folio 8.5 × 13 in, 216 × 330 mm) is what Indonesian offices pick for it.
PAPER_CODES = {"a4": 9, "f4": 14}
PAPER_MM = {"a4": (210.0, 297.0), "f4": (215.9, 330.2)}  # width × height, upright
LINE_HEIGHT = 15  # points, for the default 11-point font
HEADING_PADDING = 4  # points above and below the wrapped headings
MAX_ROW_HEIGHT = 409  # Excel's largest
MIN_SCALE = 80  # per cent: below it an 11-point cell prints smaller than 9 points
# Margins in centimetres: room to punch or bind (the top edge of a landscape page goes to
# the binding), the page header and footer (title, "Halaman x dari y") inside the top and
# bottom margins.
MARGINS_CM = {"left": 1.5, "right": 1.0, "top": 2.0, "bottom": 1.8, "header": 0.8,
              "footer": 0.8}
CM_PER_INCH = 2.54
POINTS_PER_MM = 72 / 25.4
# A column of width w (in widths of the digit "0" of Calibri 11) is 7·w + 5 pixels at
# 96 dpi in Excel (0.75 points a pixel); LibreOffice makes it about 4 % wider, and its
# width is the one taken here (measured on a printed matrix).
POINTS_PER_WIDTH = 5.45
POINTS_PER_COLUMN = 3.75
# Characters of ordinary text a line holds per unit of width, and of bold headings.
TEXT_PER_WIDTH = 1.15
HEADING_PER_WIDTH = 1.0
HEADER_FOOTER_LIMIT = 255  # Excel refuses a longer header or footer


def column_points(widths: Sequence[float]) -> float:
    """The printed width of columns at 100 %, in points."""
    return sum(POINTS_PER_WIDTH * width + POINTS_PER_COLUMN for width in widths)


def printable_points(paper: str, *, landscape: bool) -> float:
    """The width between the margins of the page, in points."""
    width, height = PAPER_MM.get(_paper_key(paper), PAPER_MM["a4"])
    across = (height if landscape else width) * POINTS_PER_MM
    return across - (MARGINS_CM["left"] + MARGINS_CM["right"]) * 10 * POINTS_PER_MM


def fits_upright(widths: Sequence[float], paper: str) -> bool:
    return column_points(widths) <= printable_points(paper, landscape=False)


def print_scale(widths: Sequence[float], paper: str, *, landscape: bool) -> int:
    """The scale (per cent) at which these columns fill the page width; never above 100."""
    room = printable_points(paper, landscape=landscape)
    return min(100, math.floor(100 * room / column_points(widths)))


def wrapped_lines(text: str, per_line: int) -> int:
    """The lines `text` takes wrapped at word boundaries, as Excel wraps a cell.

    Counting characters alone underestimates: a word that does not fit moves whole to
    the next line, and a too-low row prints its text cut off.
    """
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        if len(paragraph) <= per_line:
            continue  # the usual case, and cheap: a matrix may have 100,000 rows
        used = 0
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size <= per_line:
                used += 1 + size
                continue
            if used:
                lines += 1
            while size > per_line:  # a word longer than the line is broken inside
                lines += 1
                size -= per_line
            used = size
    return lines


def row_height(cells, widths: Sequence[float]) -> float:
    """An estimate of the height a row of wrapped text needs.

    Neither Excel nor LibreOffice fits a row to its text when opening a file, so without
    it long texts print over each other or are cut off.
    """
    lines = 1
    for per_line, cell in zip(_capacities(tuple(widths)), cells, strict=False):
        value = cell.value
        if isinstance(value, str) and (len(value) > per_line or "\n" in value):
            lines = max(lines, wrapped_lines(value, per_line))
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)


@cache
def _capacities(widths: tuple[float, ...]) -> tuple[int, ...]:
    """The characters of ordinary text a line of each column holds."""
    return tuple(max(1, int(width * TEXT_PER_WIDTH)) for width in widths)


def heading_height(headings: Sequence[str], widths: Sequence[float]) -> float:
    """The height of the header row: the longest heading wrapped at its column's width."""
    lines = max((wrapped_lines(heading, max(1, int(width * HEADING_PER_WIDTH)))
                 for heading, width in zip(headings, widths, strict=False)), default=1)
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + HEADING_PADDING)


def title_height(text: str, widths: Sequence[float], *, size: float, bold: bool) -> float:
    """The height of a title line of `size` points wrapped across the print set's width."""
    per_line = sum(widths) * TEXT_PER_WIDTH * 11 / size * (0.9 if bold else 1.0)
    lines = wrapped_lines(text, max(1, int(per_line)))
    return min(MAX_ROW_HEIGHT, lines * math.ceil(size * LINE_HEIGHT / 11))


def header_footer_text(text: str) -> str:
    """Text for a page header: "&" starts a code there ("&P" is the page number)."""
    text = " ".join(text.split()).replace("&", "&&")
    return text[:HEADER_FOOTER_LIMIT - 20].rstrip("&")


def set_up_printing(sheet, *, header_row: int, paper: str, widths: Sequence[float],
                    printed: int | None = None, title: str = "") -> None:
    """Page setup, print titles, frozen header and column widths of a table sheet.

    `printed` is how many leading columns form the print set (all when None); the print
    area itself is set by `set_print_area` once the last row is known.
    """
    printed = len(widths) if printed is None else printed
    print_set = widths[:printed]
    landscape = not fits_upright(print_set, paper)
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = PAPER_CODES.get(_paper_key(paper), 9)
    # Fitted to the page width: at `print_scale(...)`, which the print set keeps at
    # MIN_SCALE or more. As many pages tall as it takes.
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    for side, centimetres in MARGINS_CM.items():
        setattr(sheet.page_margins, side, round(centimetres / CM_PER_INCH, 3))
    if title:
        sheet.oddHeader.center.text = header_footer_text(title)
        sheet.oddHeader.center.size = 9
    sheet.oddFooter.center.text = "Halaman &P dari &N"
    sheet.oddFooter.center.size = 9
    sheet.freeze_panes = f"A{header_row + 1}"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def set_print_area(sheet, *, columns: int, last_row: int) -> None:
    """Print the title lines, the header and the rows, of the first `columns` columns."""
    sheet.print_area = f"A1:{get_column_letter(columns)}{last_row}"


def _paper_key(paper) -> str:
    return str(getattr(paper, "value", paper)).lower()
