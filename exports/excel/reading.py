"""Reading a table out of a workbook the secretariat already keeps.

Secretariats come to the program with their registers in spreadsheets. This module finds
the table in such a workbook (its heading row may sit under a title or two), and hands
back each line as plain text keyed by a column name of ours, with its row number for
messages. It never evaluates a formula: a formula cell gives the value Excel last saved.
The XML inside is read through defusedxml (openpyxl uses it when it is installed), so a
crafted file cannot expand into gigabytes.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.exceptions import InvalidFileException

from secretariat.errors import FileProblem, ValidationError
from secretariat.i18n import _

HEADING_ROWS_SEARCHED = 15
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# What a workbook cut off by a full disk or an interrupted copy raises while it is read.
_DAMAGED = (ElementTree.ParseError, zlib.error, EOFError)
MAX_ROWS = 5000


@dataclass(frozen=True)
class SheetLine:
    row: int  # the row number Excel shows, for messages
    values: Mapping[str, str]  # our column name -> the cell's text ("" when empty)
    # Text in none of our columns on a line where ours are empty: a group's heading
    # (e.g. a meeting's name merged across the row). Importers decide what it means.
    aside: str = ""


def _key(heading: object) -> str:
    """"No. HP" / "no hp" / " NO.HP " alike: lower case letters and digits only."""
    return re.sub(r"[^0-9a-z]+", "", str(heading or "").lower())


def _text(value: object, row: int, heading: str) -> str:
    """A cell as the clerk sees it, as text; a cell Excel could not keep is refused."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        if abs(value) >= 1e15:  # Excel keeps 15 digits: an 18-digit NIP lost its last ones
            raise ValidationError(_(
                "Row {row}: the number in column {column} lost its last digits in Excel "
                "({value:.0f}). Format the column as text and type the number again.").format(
                    row=row, column=heading, value=value))
        value = int(value)  # a phone or NIP typed as a number
    text = str(value)
    if text in ERROR_CODES:
        raise ValidationError(_("Row {row}: column {column} holds the Excel error {error}; "
                                "correct the formula or type the value.").format(
                                    row=row, column=heading, error=text))
    # Excel writes control characters as "_x000D_"; spreadsheets carry non-breaking and
    # doubled spaces. Decoded and evened out here, so "Dinsos\xa0 Kalsel" is "Dinsos Kalsel".
    text = _EXCEL_ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def read_table(path: Path, columns: Mapping[str, tuple[str, ...]], *,
               required: tuple[str, ...]) -> list[SheetLine]:
    """The lines of the first sheet holding a table with the `required` columns.

    `columns` maps each of our column names to the headings it may have in a workbook,
    most specific first; a heading is taken by one column only.
    """
    path = Path(path)
    workbook = _open(path)
    try:
        for sheet in workbook.worksheets:
            # Cells, not bare values: a percent cell keeps 100% as 1 and says so only in
            # its number format.
            rows = sheet.iter_rows()
            for number, row in enumerate(rows, start=1):
                if number > HEADING_ROWS_SEARCHED:
                    break
                cells = [cell.value for cell in row]
                found = _match_headings(cells, columns)
                if all(name in found for name in required):
                    headings = {name: str(cells[index]).strip() for name, index in found.items()}
                    return _lines(rows, number, found, headings)
    except (*_DAMAGED, zipfile.BadZipFile) as error:
        # The sheets are read lazily: a file cut off by an interrupted copy shows it here.
        raise _damaged(path, error) from None
    finally:
        workbook.close()
    names = ", ".join(f'"{columns[name][0]}"' for name in required)
    raise ValidationError(_("No table with the columns {names} was found in {file}: the "
                            "heading row must be among the first {rows} rows.").format(
                                names=names, file=Path(path).name, rows=HEADING_ROWS_SEARCHED))


def _open(path: Path):
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise FileProblem(_("{path} does not exist.").format(path=path)) from None
    except _DAMAGED as error:
        raise _damaged(path, error) from None
    except PermissionError:
        raise FileProblem(_("{path} cannot be read: it may be open in another program "
                            "(close it there).").format(path=path)) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise FileProblem(_("{name} is not an Excel workbook that can be read (.xlsx). A "
                            "workbook of old Excel (.xls) must first be saved as .xlsx. "
                            "({reason})").format(name=path.name, reason=error)) from None


def _damaged(path: Path, error: Exception) -> FileProblem:
    return FileProblem(_("{name} is damaged and cannot be read ({reason}). Open it in Excel, "
                         "save it again, and import that copy.").format(name=path.name,
                                                                        reason=error))


def _match_headings(cells, columns: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    keys = [_key(cell) for cell in cells or ()]
    found: dict[str, int] = {}
    taken: set[int] = set()
    # The most specific headings first ("Pos-el Instansi" before "Pos-el"), over all columns.
    wanted = sorted(((len(_key(heading)), name, _key(heading))
                     for name, headings in columns.items() for heading in headings),
                    reverse=True)
    for _length, name, heading in wanted:
        if name in found:
            continue
        for index, key in enumerate(keys):
            if key == heading and index not in taken:
                found[name] = index
                taken.add(index)
                break
    return found


def _lines(rows, heading_row: int, found: dict[str, int],
           headings: dict[str, str]) -> list[SheetLine]:
    lines: list[SheetLine] = []
    ours = set(found.values())
    for number, cells in enumerate(rows, start=heading_row + 1):
        values = {name: _cell_text(cells[index], number, headings[name])
                  if index < len(cells) else "" for name, index in found.items()}
        aside = ""
        if not any(values.values()):
            aside = " ".join(str(cell.value).strip() for index, cell in enumerate(cells)
                             if index not in ours and cell.value not in (None, ""))
            if not aside:
                continue  # blank lines between groups
        if len(lines) >= MAX_ROWS:
            raise ValidationError(_("The table has more than {count} lines; split it into "
                                    "several workbooks.").format(count=MAX_ROWS))
        lines.append(SheetLine(number, values, aside))
    return lines


def _cell_text(cell, row: int, heading: str) -> str:
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and "%" in (getattr(cell, "number_format", "") or ""):
        return f"{value * 100:g}%"  # a percent cell: 1 is 100%, 0.45 is 45%
    return _text(value, row, heading)
