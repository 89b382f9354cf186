"""PDF pages as pictures, for the preview and for printing the real pages.

The PySide6 wheels on PyPI carry no QtPdf, so PDFium (through pypdfium2, the library
Chromium's PDF viewer is built on) draws the pages. PDFium is not thread-safe: every call
here runs on the UI thread, one page at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from secretariat.errors import FileProblem
from secretariat.i18n import _

POINTS_PER_INCH = 72
PRINT_DPI_LIMIT = 300  # sharper gains nothing on office printers and costs memory per page


class PdfPages:
    """One open PDF: how many pages, their sizes in points, and each page as an image.

    The file is read into memory first and never held open: Windows would otherwise lock
    it while the preview is showing, and the clerk's "write again" or "save as" would fail.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._document = None
        try:
            self._document = pdfium.PdfDocument(self.path.read_bytes())
            self.sizes = [QSizeF(*self._document.get_page_size(index))
                          for index in range(len(self._document))]
        except (pdfium.PdfiumError, OSError) as error:
            raise FileProblem(_("{path} cannot be shown: it is not a readable PDF "
                                "({reason}).").format(path=self.path, reason=error)) from error

    def __len__(self) -> int:
        return len(self.sizes)

    def is_landscape(self, index: int) -> bool:
        size = self.sizes[index]
        return size.width() > size.height()

    def image(self, index: int, dpi: float) -> QImage:
        """Page `index` drawn at `dpi`, white background, as an image that owns its pixels."""
        page = self._document[index]
        try:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                 prefer_bgrx=True, optimize_mode="print")
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888)
            return image.copy()  # the bitmap's memory goes when PDFium closes it
        finally:
            page.close()

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _orientation(landscape: bool) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait


def _pages_to_print(count: int, printer: QPrinter) -> list[int]:
    """0-based pages in printing order: the dialog's range and order, and the copies the
    printer cannot make itself (collated 1 2 3, 1 2 3 or not 1 1, 2 2, 3 3)."""
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or last, last)
    chosen = list(range(first - 1, last))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return chosen * copies
    return [index for index in chosen for _copy in range(copies)]


def print_pdf(path: str | Path, printer: QPrinter,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Print the PDF's pages as they are; returns how many pages went to the printer.

    Honours the page range, page order and copies chosen in the print dialog. The printer takes
    the whole sheet (`fullPage`): the documents carry their own margins, so each page is laid on
    the paper one to one, turned to the page's own orientation, and only shrunk if the paper is
    smaller. `progress(done, total)` is called before each page; when it returns False the
    job is aborted (nothing more reaches the printer) and 0 is returned.
    """
    with PdfPages(path) as pages:
        chosen = _pages_to_print(len(pages), printer)
        if not chosen:
            return 0
        printer.setFullPage(True)
        printer.setPageOrientation(_orientation(pages.is_landscape(chosen[0])))
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        painter = QPainter()
        if not painter.begin(printer):
            raise FileProblem(_("The printer could not be started. Check that it is switched "
                                "on and connected, then try again."))
        try:
            for count, index in enumerate(chosen):
                if progress is not None and not progress(count, len(chosen)):
                    printer.abort()
                    return 0
                if count:
                    printer.setPageOrientation(_orientation(pages.is_landscape(index)))
                    printer.newPage()
                paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                # The page's own size in the printer's pixels, shrunk only if it won't fit.
                size = pages.sizes[index] * (printer.resolution() / POINTS_PER_INCH)
                if size.width() > paper.width() or size.height() > paper.height():
                    size = size.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(paper.topLeft(), size), pages.image(index, dpi))
        finally:
            painter.end()
    return len(chosen)
