"""Pratinjau: a written PDF shown inside the program, printed or saved from there.

Pages are drawn when they come into view (a page widget paints itself from a small cache),
so a 300-page matrix opens at once. Print sends the real pages through the system's print
dialog; Save as copies the file where the clerk wants it.
"""

from __future__ import annotations

import shutil
from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QEvent, QObject, QSize, QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exports.files import write_atomically
from secretariat.i18n import _
from ui.errors import attempt
from ui.file_dialogs import ask_save_file
from ui.icons import icon
from ui.pdf_render import POINTS_PER_INCH, PdfPages, print_pdf
from ui.screen_fit import fit_to_screen

SCREEN_DPI = 96
ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
CACHED_PAGES = 12
GAP = 12


class _PageView(QWidget):
    """One page at the preview's zoom; asks the preview for its picture when painted."""

    def __init__(self, preview: PdfPreview, index: int) -> None:
        super().__init__()
        self.preview, self.index = preview, index

    def sizeHint(self) -> QSize:
        return self.preview.page_pixels(self.index)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawImage(self.rect(), self.preview.picture(self.index))
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class PdfPreview(QDialog):
    def __init__(self, path: str | Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preview: {name}").format(name=title))
        self.path = Path(path)
        self.pages = PdfPages(self.path)  # FileProblem for a file that is not a PDF
        self.zoom = 1.0
        self._pictures: OrderedDict[int, QImage] = OrderedDict()
        self.printed_pages = 0

        self.page_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.print_button = QPushButton(icon("print"), _("Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.ask_and_print)
        self.save_button = QPushButton(icon("save"), _("Save as…"), self)
        self.save_button.clicked.connect(self.save_as)
        smaller = QPushButton("−", self)
        smaller.setToolTip(_("Zoom out (Ctrl+-)"))
        smaller.clicked.connect(lambda: self.step_zoom(-1))
        larger = QPushButton("+", self)
        larger.setToolTip(_("Zoom in (Ctrl++)"))
        larger.clicked.connect(lambda: self.step_zoom(1))
        fit = QPushButton(_("Page width"), self)
        fit.clicked.connect(self.fit_width)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.accept)
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1),
                           (QKeySequence.StandardKey.ZoomOut, -1)):
            QShortcut(keys, self, lambda step=step: self.step_zoom(step))

        self.sheet = QWidget(self)
        self.sheet.setStyleSheet("background: #808890;")
        column = QVBoxLayout(self.sheet)
        column.setSpacing(GAP)
        column.setContentsMargins(GAP, GAP, GAP, GAP)
        self.page_views = [_PageView(self, index) for index in range(len(self.pages))]
        for view in self.page_views:
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_page_number)
        self.scroll.viewport().installEventFilter(self)

        bar = QHBoxLayout()
        for widget in (self.print_button, self.save_button):
            bar.addWidget(widget)
        bar.addSpacing(24)
        for widget in (smaller, self.zoom_label, larger, fit):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addSpacing(24)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        # A whole A4 page wants 860 pixels; a 768-pixel laptop gets what it has.
        fit_to_screen(self, 980, 860)
        self._fitted = False
        self.set_zoom(1.0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:  # the first look: the whole width of the page, readable
            self._fitted = True
            fit_to_screen(self)  # its screen is known for sure once it is shown
            self.fit_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+wheel zooms, as in every PDF reader, instead of scrolling.
        if (event.type() == QEvent.Type.Wheel
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            delta = event.angleDelta().y()
            if delta:
                self.step_zoom(1 if delta > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    # -- zoom and pictures
    def page_pixels(self, index: int) -> QSize:
        points = self.pages.sizes[index]
        scale = self.zoom * SCREEN_DPI / POINTS_PER_INCH
        return QSize(round(points.width() * scale), round(points.height() * scale))

    def picture(self, index: int) -> QImage:
        """The page drawn for the current zoom and screen; the latest few are kept."""
        picture = self._pictures.get(index)
        if picture is None:
            ratio = self.devicePixelRatioF()
            picture = self.pages.image(index, self.zoom * SCREEN_DPI * ratio)
            picture.setDevicePixelRatio(ratio)
            self._pictures[index] = picture
            if len(self._pictures) > CACHED_PAGES:
                self._pictures.popitem(last=False)
        else:
            self._pictures.move_to_end(index)
        return picture

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._pictures.clear()
        for view in self.page_views:
            view.setFixedSize(self.page_pixels(view.index))
        self.zoom_label.setText(f"{round(zoom * 100)}%")
        self._show_page_number()

    def step_zoom(self, step: int) -> None:
        nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, nearest + step))])

    def fit_width(self) -> None:
        widest = max(size.width() for size in self.pages.sizes)
        room = self.scroll.viewport().width() - 2 * GAP
        self.set_zoom(max(0.25, room / (widest * SCREEN_DPI / POINTS_PER_INCH)))

    def current_page(self) -> int:
        """The page at the middle of the view (1-based)."""
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        for view in self.page_views:
            if view.geometry().bottom() + GAP >= middle:
                return view.index + 1
        return len(self.page_views)

    def _show_page_number(self, *_args) -> None:
        self.page_label.setText(_("Page {page} of {count}").format(
            page=self.current_page(), count=len(self.pages)))

    # -- printing and saving
    def printer(self) -> QPrinter:
        """A printer set up for this document's paper and orientation."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        first = self.pages.sizes[0]
        portrait = QPageSize(first.transposed() if self.pages.is_landscape(0) else first,
                             QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        printer.setPageSize(portrait)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                   if self.pages.is_landscape(0)
                                   else QPageLayout.Orientation.Portrait)
        printer.setDocName(self.path.stem)
        printer.setFromTo(1, len(self.pages))
        return printer

    def ask_and_print(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setMinMax(1, len(self.pages))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print with a progress window: a long matrix takes a while, and can be stopped."""
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(self.current_page(), self.current_page())
        waiting = QProgressDialog(_("Printing…"), _("Stop"), 0, len(self.pages), self)
        waiting.setWindowModality(Qt.WindowModality.WindowModal)
        waiting.setMinimumDuration(500)

        def advanced(done: int, total: int) -> bool:
            waiting.setMaximum(total)
            waiting.setValue(done)
            QApplication.processEvents()  # the window repaints; PDFium stays on this thread
            return not waiting.wasCanceled()

        ok, count = attempt(self, lambda: print_pdf(self.path, printer, advanced))
        waiting.reset()
        if ok:
            self.printed_pages = count
        return ok

    def ask_target(self) -> str:
        """Where to save a copy ("" when cancelled); tests replace this."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return ask_save_file(self, _("Save a copy as"), str(Path(folder) / self.path.name),
                             _("PDF documents (*.pdf)"))

    def save_as(self) -> None:
        chosen = self.ask_target()
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")

        if target.resolve() != self.path.resolve():
            attempt(self, lambda: write_atomically(target, self._copy_into))

    def _copy_into(self, stream: BinaryIO) -> None:
        with open(self.path, "rb") as source:
            shutil.copyfileobj(source, stream)

    def done(self, result: int) -> None:
        self._pictures.clear()
        self.pages.close()  # let go of the file: Windows keeps an open file locked
        super().done(result)
