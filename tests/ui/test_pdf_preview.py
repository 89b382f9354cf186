"""Pratinjau: a written PDF shown in the program, printed through QPrinter, saved elsewhere."""

from __future__ import annotations

import os

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from secretariat.errors import FileProblem
from ui.documents_page import DocumentsPage
from ui.pdf_preview import PdfPreview
from ui.pdf_render import PdfPages, print_pdf


@pytest.fixture
def three_pages(tmp_path):
    """Two portrait A4 pages and a landscape one, each saying which it is."""
    path = tmp_path / "tiga halaman.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for number, size in ((1, A4), (2, A4), (3, landscape(A4))):
        canvas.setPageSize(size)
        canvas.setFont("Helvetica", 40)
        canvas.drawString(100, 300, f"Halaman uji {number}")
        canvas.showPage()
    canvas.save()
    return path


def _pdf_printer(target) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def _preview(qtbot, path) -> PdfPreview:
    preview = PdfPreview(path, path.name)
    qtbot.addWidget(preview)
    preview.show()
    return preview


def test_the_preview_shows_every_page_and_where_the_reader_is(qtbot, three_pages):
    preview = _preview(qtbot, three_pages)

    assert len(preview.page_views) == 3
    assert preview.page_label.text() == "Halaman 1 dari 3"
    landscape_view, portrait_view = preview.page_views[2], preview.page_views[0]
    assert landscape_view.width() > landscape_view.height()
    assert portrait_view.height() > portrait_view.width()
    preview.scroll.verticalScrollBar().setValue(preview.scroll.verticalScrollBar().maximum())
    assert preview.page_label.text() == "Halaman 3 dari 3"


def test_only_pages_in_view_are_drawn_and_zoom_resizes_them(qtbot, three_pages):
    preview = _preview(qtbot, three_pages)
    qtbot.waitUntil(lambda: 0 in preview._pictures)
    assert 2 not in preview._pictures  # far below the view: not drawn yet

    width = preview.page_views[0].width()
    preview.step_zoom(1)
    assert preview.page_views[0].width() > width
    preview.step_zoom(-1)
    preview.step_zoom(-1)
    assert preview.page_views[0].width() < width


def test_printing_sends_the_real_pages_in_their_orientation(qtbot, three_pages, tmp_path):
    preview = _preview(qtbot, three_pages)
    printer = preview.printer()  # as the print dialog would receive it
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "dicetak.pdf"))

    assert preview.print_to(printer) and preview.printed_pages == 3

    pages = PdfReader(tmp_path / "dicetak.pdf").pages
    assert len(pages) == 3
    sizes = [tuple(round(float(v)) for v in page.mediabox.upper_right) for page in pages]
    assert sizes[0][0] < sizes[0][1] and sizes[2][0] > sizes[2][1]  # portrait, landscape
    assert abs(sizes[0][0] - A4[0]) <= 2  # the paper the document was written for


def test_a_page_range_prints_only_those_pages(qtbot, three_pages, tmp_path):
    from ui.pdf_render import print_pdf

    printer = _pdf_printer(tmp_path / "sebagian.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)

    assert print_pdf(three_pages, printer) == 2
    assert len(PdfReader(tmp_path / "sebagian.pdf").pages) == 2


def test_printed_pages_carry_the_drawing_not_blank_paper(qtbot, three_pages, tmp_path):
    printer = _pdf_printer(tmp_path / "isi.pdf")
    from ui.pdf_render import print_pdf

    print_pdf(three_pages, printer)
    with PdfPages(tmp_path / "isi.pdf") as printed:
        image = printed.image(0, 30)
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 20  # the text "Halaman uji 1" came through


def test_a_file_that_is_not_a_pdf_is_explained(qtbot, tmp_path, demo_context, messages):
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4 bukan pdf sebenarnya")
    with pytest.raises(FileProblem):
        PdfPages(broken)

    page = DocumentsPage(demo_context)
    qtbot.addWidget(page)
    page.result_path = str(broken)
    page.preview_result()
    assert page.preview is None
    assert any("rusak.pdf" in text for text in messages.texts())


def test_save_as_writes_an_identical_copy_and_a_locked_target_is_explained(
        qtbot, three_pages, tmp_path, monkeypatch, messages):
    preview = _preview(qtbot, three_pages)
    copy = tmp_path / "salinan"
    monkeypatch.setattr(preview, "ask_target", lambda: str(copy))
    preview.save_as()
    assert (tmp_path / "salinan.pdf").read_bytes() == three_pages.read_bytes()

    (tmp_path / "terkunci.pdf").write_bytes(b"lama")
    monkeypatch.setattr(preview, "ask_target", lambda: str(tmp_path / "terkunci.pdf"))

    def locked(source, destination):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    preview.save_as()
    assert (tmp_path / "terkunci.pdf").read_bytes() == b"lama"
    assert any("terkunci.pdf" in text for text in messages.texts())


def test_the_written_notulen_opens_in_the_preview(qtbot, demo_context, monkeypatch, tmp_path):
    page = DocumentsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "notulen.pdf"))
    held = next(row for row in page.meetings.rows() if row.commitment_count)
    page.select_meeting(held.id)
    page.write_minutes()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)
    assert page.preview_button.isVisible()

    page.preview_button.click()

    assert page.preview is not None and page.preview.isVisible()
    assert len(page.preview.page_views) == len(PdfReader(tmp_path / "notulen.pdf").pages)
    page.preview.close()


def test_printing_can_be_stopped_between_pages(qtbot, three_pages, tmp_path):
    from ui.pdf_render import print_pdf

    asked: list[tuple[int, int]] = []

    def stop_after_first(done: int, total: int) -> bool:
        asked.append((done, total))
        return done < 1

    printer = _pdf_printer(tmp_path / "berhenti.pdf")
    assert print_pdf(three_pages, printer, stop_after_first) == 0
    assert asked == [(0, 3), (1, 3)]
    stopped = tmp_path / "berhenti.pdf"  # a print-to-file job may keep what was sent
    assert not stopped.exists() or len(PdfReader(stopped).pages) <= 1


def _orientations(path) -> str:
    """"PPL": portrait, portrait, landscape, as the printed file's pages are."""
    return "".join("L" if page.mediabox.width > page.mediabox.height else "P"
                   for page in PdfReader(path).pages)


def test_copies_the_printer_cannot_make_are_printed_here_collated_or_not(three_pages, tmp_path):
    printer = _pdf_printer(tmp_path / "disusun.pdf")
    assert not printer.supportsMultipleCopies()  # a PDF file: the copies are ours to make
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert print_pdf(three_pages, printer) == 6
    assert _orientations(tmp_path / "disusun.pdf") == "PPLPPL"

    printer = _pdf_printer(tmp_path / "tidak disusun.pdf")
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert print_pdf(three_pages, printer) == 6
    assert _orientations(tmp_path / "tidak disusun.pdf") == "PPPPLL"


def test_last_page_first_prints_in_reverse(three_pages, tmp_path):
    printer = _pdf_printer(tmp_path / "terbalik.pdf")
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert print_pdf(three_pages, printer) == 3
    assert _orientations(tmp_path / "terbalik.pdf") == "LPP"


def test_current_page_prints_the_page_in_view(qtbot, three_pages, tmp_path):
    preview = _preview(qtbot, three_pages)
    preview.scroll.verticalScrollBar().setValue(preview.scroll.verticalScrollBar().maximum())
    assert preview.current_page() == 3
    printer = _pdf_printer(tmp_path / "halaman ini.pdf")
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)

    assert preview.print_to(printer) and preview.printed_pages == 1
    assert _orientations(tmp_path / "halaman ini.pdf") == "L"


def test_ctrl_wheel_zooms_instead_of_scrolling(qtbot, three_pages):
    preview = _preview(qtbot, three_pages)
    before = preview.zoom
    viewport = preview.scroll.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert preview.zoom > before
    assert preview.scroll.verticalScrollBar().value() == 0


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to list open files")
def test_the_shown_file_is_not_held_open(qtbot, three_pages):
    """Windows locks open files: the clerk must be able to write the document again."""
    preview = _preview(qtbot, three_pages)
    assert len(preview.pages) == 3
    open_files = {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}
    assert str(three_pages.resolve()) not in open_files
