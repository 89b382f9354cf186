"""Print settings every workbook of the program shares: an office prints them as they are."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

# Excel's paper codes: 9 is A4; F4/Folio (215 × 330 mm) has no code of its own, and 14
# (Folio 8.5 × 13 in, 216 × 330 mm) is what Indonesian offices pick for it.
PAPER_CODES = {"a4": 9, "f4": 14}
LINE_HEIGHT = 15  # points, for the default 11-point font
MAX_ROW_HEIGHT = 409  # Excel's largest


def row_height(cells, widths) -> float:
    """An estimate of the height a row of wrapped text needs.

    Neither Excel nor LibreOffice fits a row to its text when opening a file, so without
    it long texts print over each other.
    """
    lines = 1
    for width, cell in zip(widths, cells, strict=False):
        if isinstance(cell.value, str) and cell.value:
            per_line = max(1, int(width * 1.15))
            needed = sum(1 + len(part) // per_line for part in cell.value.split("\n"))
            lines = max(lines, needed)
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)


def set_up_printing(sheet, *, columns: int, header_row: int, paper: str, widths,
                    landscape: bool = True) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = PAPER_CODES.get(str(paper).lower(), 9)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.oddFooter.center.text = "Halaman &P dari &N"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.freeze_panes = f"A{header_row + 1}"
    for index, width in enumerate(widths[:columns], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
