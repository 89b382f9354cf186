"""Print settings every workbook of the program shares: an office prints them as they are."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties


# Excel's paper codes: 9 is A4; F4/Folio (215 × 330 mm) has no code of its own, and 14
# (Folio 8.5 × 13 in, 216 × 330 mm) is what Indonesian offices pick for it.
PAPER_CODES = {"a4": 9, "f4": 14}


def set_up_printing(sheet, *, columns: int, header_row: int, paper: str, widths) -> None:
    sheet.page_setup.orientation = "landscape"
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
