"""Cells that are safe: user text never becomes a formula or breaks the file.

Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken for a
formula by Excel (CSV/formula injection): it is stored as a string with Excel's "quote
prefix", so it shows as typed and stays text when edited. Characters XML forbids are
dropped, and text over Excel's 32,767-character cell limit is cut with a visible mark.
Every cell of a table has thin borders: a sheet prints without gridlines.
"""

from __future__ import annotations

from copy import copy
from datetime import date

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

CELL_LIMIT = 32_767
CUT_MARK = " … [teks dipotong: melebihi batas sel Excel]"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# "[$-421]" is Indonesian: Excel writes the month names in Indonesian whatever its own language.
DATE_FORMAT = "[$-421]d mmmm yyyy"
# Grouped thousands: Excel and LibreOffice write the separator of the reader's locale,
# so an Indonesian office sees "2.166".
NUMBER_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# The font named: without a name LibreOffice takes its own default (a serif face), wider
# than the Calibri the column widths and row heights are reckoned in.
FONT_NAME = "Calibri"
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1D4F91")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")


def clean(value: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
    return text


class Cells:
    """Cells of the few looks a sheet uses, made cheaply.

    Setting a style on each cell makes openpyxl hash the style objects every time, which
    cost more than writing the cell; here each look is resolved once per sheet and copied.
    """

    def __init__(self, sheet) -> None:
        self.sheet = sheet
        self._looks = {
            (wrap, quoted): self._look(alignment=WRAP if wrap else TOP, quotePrefix=quoted)
            for wrap in (True, False) for quoted in (True, False)
        }
        self._date = self._look(alignment=TOP, number_format=DATE_FORMAT)
        self._number = self._look(alignment=TOP, number_format=NUMBER_FORMAT)
        self._percent = self._look(alignment=TOP, number_format=PERCENT_FORMAT)

    def _look(self, **attributes):
        probe = WriteOnlyCell(self.sheet)
        probe.border = BORDER
        for name, value in attributes.items():
            setattr(probe, name, value)
        return probe._style

    def _made(self, value, look) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=value)
        cell._style = copy(look)
        return cell

    def text(self, value: str, *, wrap: bool = True) -> WriteOnlyCell:
        value = clean(value or "")
        quoted = value.startswith(FORMULA_STARTS)
        cell = self._made(value, self._looks[(wrap, quoted)])
        if quoted:
            cell.data_type = "s"  # openpyxl took it for a formula
        return cell

    def date(self, value: date | None) -> WriteOnlyCell:
        return self._made(value, self._date)

    def number(self, value: int | float | None) -> WriteOnlyCell:
        return self._made(value, self._number)

    def percent(self, rate: float | None) -> WriteOnlyCell:
        """A share kept as a number (0.62) and shown as "62%": it still sorts and sums."""
        return self._made(rate, self._percent)


def header_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
    cell.border = BORDER
    return cell


def title_cell(sheet, value: str, *, size: int = 14, bold: bool = True) -> WriteOnlyCell:
    """A title line above the table: no border, wrapped (in the cells it is merged over)."""
    value = clean(value or "")
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(name=FONT_NAME, bold=bold, size=size)
    cell.alignment = WRAP
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix, cell.data_type = True, "s"
    return cell
