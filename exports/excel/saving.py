"""Saving a streamed workbook into an open file, leaving nothing open when that fails.

openpyxl's own `Workbook.save` opens the ZIP archive itself, and a write-only sheet keeps
its rows in a temporary file of its own until saved. When saving fails (a full disk, a
read-only folder) openpyxl leaves both open: the garbage collector closes them later, in
no particular order, and a sheet then writes into its closed file and prints an
"Exception ignored … Traceback" under the clerk's message. Here the archive is ours, and
after a failure each sheet is closed and its temporary file removed at once.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

log = logging.getLogger(__name__)


def save_workbook(workbook: Workbook, stream: BinaryIO) -> None:
    """Write `workbook` into `stream` (see `exports.files.write_atomically`)."""
    archive = ZipFile(stream, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        # What openpyxl's save does besides opening the archive.
        workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()
    except BaseException:
        _abandon(workbook, archive)
        raise


def _abandon(workbook: Workbook, archive: ZipFile) -> None:
    """Close what a failed save left open; the failure itself is what the clerk is told."""
    for sheet in workbook.worksheets:
        _close_sheet(sheet)
    try:
        archive.close()  # no longer left for the garbage collector, whatever it raises now
    except Exception as error:
        log.debug("Closing the abandoned workbook archive: %r", error)


def _close_sheet(sheet) -> None:
    # openpyxl's own attributes of a write-only sheet: its file writer and the generator
    # that feeds rows into it. Innermost first: each ends an XML element in the file that
    # the next one closes.
    writer = getattr(sheet, "_writer", None)
    if writer is None:
        return  # nothing written yet, or an ordinary sheet held in memory
    for generator in (getattr(sheet, "_rows", None), writer.xf):
        if generator is not None:
            try:
                generator.close()
            except Exception as error:
                log.debug("Closing the rows of sheet %s: %r", sheet.title, error)
    if isinstance(writer.out, str) and os.path.exists(writer.out):
        try:
            writer.cleanup()  # removes the temporary file and openpyxl's note of it
        except (OSError, ValueError) as error:
            log.debug("Removing the temporary file of sheet %s: %r", sheet.title, error)
