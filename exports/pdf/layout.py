"""Page setup shared by every PDF: paper, margins, styles, kop surat, page numbers.

Paper, margins and font size come from the letterhead settings (offices differ), with the
Tata Naskah Dinas defaults: A4 or F4 (215 x 330 mm), left 3 cm, right 2 cm, top 2 cm,
bottom 2.5 cm. Page numbers follow the letterhead's choice: "- 2 -" at the top centre and
none on the kop page (Tata Naskah Dinas), or "Halaman x dari y" at the foot.

Every portrait document breaks its pages by the rules of `exports.pdf.page_breaks`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from babel.numbers import format_decimal
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from exports.files import write_atomically
from exports.pdf.fonts import BOLD, REGULAR, EmbeddedFontsCanvas, markup, register_fonts
from exports.pdf.page_breaks import SignatureBlock, settle_pages
from models import PaperSize
from secretariat.documents.letterhead import LetterheadSettings

F4 = (215 * mm, 330 * mm)
PAPER = {PaperSize.A4: A4, PaperSize.F4: F4}
# Status in words and colour, the same in every document; dark enough to print in grey.
STATUS_COLOURS = {
    "Belum Ditindaklanjuti": colors.HexColor("#5f6368"),
    "Dalam Proses": colors.HexColor("#9a5b00"),
    "Selesai": colors.HexColor("#1e6b2a"),
    "Tidak Dapat Ditindaklanjuti": colors.HexColor("#5b3f85"),
}
LATE = colors.HexColor("#b00020")


def page_size(settings: LetterheadSettings, *, wide: bool = False) -> tuple[float, float]:
    size = PAPER[PaperSize(settings.paper_size)]
    return landscape(size) if wide else size


def margins(settings: LetterheadSettings) -> dict[str, float]:
    return {"leftMargin": settings.margin_left_mm * mm,
            "rightMargin": settings.margin_right_mm * mm,
            "topMargin": settings.margin_top_mm * mm,
            "bottomMargin": settings.margin_bottom_mm * mm}


class OfficialDocTemplate(BaseDocTemplate):
    """A portrait document whose text and tables start exactly at the margins.

    ReportLab's default frame insets its content by 6 pt, while a table as wide as the
    page's text area then sticks 6 pt into both margins: with no inset, the left margin
    is the office's 3 cm for every line.
    """

    def build(self, flowables, canvasmaker=Canvas):
        self._calc()
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[body], pagesize=self.pagesize)])
        BaseDocTemplate.build(self, flowables, canvasmaker=canvasmaker)


def write_portrait(target: Path, settings: LetterheadSettings, *, title: str,
                   story: Callable[[float], list[Flowable]], draft: bool = False,
                   numbering: str | None = None, marking: str = "",
                   footnote: str = "") -> Path:
    """Lay out a portrait document on the office's paper and margins, its pages numbered
    as the letterhead says (or as `numbering` insists: annexes are always "Halaman x dari
    y") and marked DRAF where asked, written so that no half file is ever left.
    `story(width)` gives the flowables for the width between the margins; `marking` and
    `footnote` classify the copy (see `draw_marking`)."""
    def write(stream: BinaryIO) -> None:
        document = OfficialDocTemplate(stream, pagesize=page_size(settings), title=title,
                                       author=settings.agency_line, **margins(settings))
        canvas = numbered_canvas(draft=draft, numbering=numbering or settings.page_numbering,
                                 marking=marking, footnote=footnote)
        document.build(settle_pages(story(document.width)), canvasmaker=canvas)

    return write_atomically(target, write)


class Styles:
    """The named paragraph styles of a document, sized from the settings."""

    def __init__(self, settings: LetterheadSettings):
        register_fonts()
        size = settings.font_size_pt
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=size, leading=size * 1.35,
                                   spaceAfter=size * 0.4, bulletFontName=REGULAR)
        self.cell = ParagraphStyle("cell", parent=self.body, spaceAfter=0)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=size - 2,
                                    leading=(size - 2) * 1.3, spaceAfter=0)
        self.title = ParagraphStyle("title", parent=self.body, fontName=BOLD, fontSize=size + 2,
                                    leading=(size + 2) * 1.3, alignment=TA_CENTER,
                                    spaceAfter=2)
        # A heading is never the last line of a page: it goes with what it heads.
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=BOLD,
                                      spaceBefore=size * 0.8, keepWithNext=1)
        self.centered = ParagraphStyle("centered", parent=self.body, alignment=TA_CENTER)


NBSP = "\u00a0"
_MONTHS = ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
           "Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des")
_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})\.? (\d{{4}})\b")


def unbroken_dates(value: str) -> str:
    """Day, month and year joined by non-breaking spaces, so that "31 Desember 2026" never
    breaks over two lines (ReportLab breaks lines at spaces, never at U+00A0)."""
    return _DATE.sub(lambda found: NBSP.join(found.groups()), value)


def number(value: int | float) -> str:
    """A number the Indonesian way: "2.166", "1,5"."""
    return format_decimal(value, locale="id")


def text(value: str) -> str:
    """User text made safe for ReportLab's paragraph markup, line breaks kept, dates
    unbroken, and every character in a font that has it (Arabic shaped, right to left):
    `fonts.markup`."""
    value = unbroken_dates(value or "")
    if "\n" not in value:
        return markup(value)
    return "<br/>".join(markup(line) for line in value.split("\n"))


# "1. ", "2) ", "a. ", "- ", "• " at the start of a line: an item of a list.
_LIST_MARKER = re.compile(r"^\s*(\d{1,3}[.)]|[a-z][.)]|[-\u2022])\s+(.*)$")


def hanging(style: ParagraphStyle, indent: float = 18) -> ParagraphStyle:
    """A list item's style: the marker in the margin, every wrapped line under the text."""
    return ParagraphStyle(f"{style.name}_item", parent=style, leftIndent=style.leftIndent + indent,
                          bulletIndent=style.leftIndent, bulletFontName=style.fontName,
                          bulletFontSize=style.fontSize)


def list_item(marker: str, markup: str, style: ParagraphStyle) -> Paragraph:
    """One numbered item with a hanging indent; `markup` is already escaped."""
    return Paragraph(markup, hanging(style), bulletText=marker)


def paragraphs(value: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per blank-line-separated block, so long texts break across pages; the
    numbered lines of a block ("1. …", "a. …", "- …") become list items with a hanging
    indent, a line after an item without a marker continues that item."""
    blocks = [block.strip() for block in (value or "").split("\n\n") if block.strip()]
    found: list[Paragraph] = []
    for block in blocks:
        # (marker, lines): marker "" is the block's text before its first item
        parts: list[tuple[str, list[str]]] = []
        for line in block.split("\n"):
            marked = _LIST_MARKER.match(line)
            if marked:
                parts.append((marked.group(1), [text(marked.group(2))]))
            elif parts:
                parts[-1][1].append(text(line.strip()))
            else:
                parts.append(("", [text(line)]))
        for marker, lines in parts:
            markup = "<br/>".join(lines)
            found.append(list_item(marker, markup, style) if marker
                         else Paragraph(markup, style))
    return found or [Paragraph("-", style)]


def contact_line(settings: LetterheadSettings) -> str:
    """The kop's third line: address, then "Telepon …", "Pos-el …", "Laman …" where given,
    set apart by middle dots (the address itself is written with commas).

    Public so the settings screen previews the kop with the very words the PDF prints.
    """
    address = ", ".join(line.strip() for line in settings.address.splitlines() if line.strip())
    contact = [address]
    for label, value in (("Telepon", settings.phone), ("Pos-el", settings.email),
                         ("Laman", settings.website)):
        if value:  # the label never parts from its value at a line's end
            contact.append(NBSP.join([label, *value.split()]))
    return " \u00b7 ".join(part for part in contact if part)


def letterhead(settings: LetterheadSettings, styles: Styles, width: float) -> list[Flowable]:
    """The kop surat: logo, government and agency lines, contact line, then a double rule."""
    size = settings.font_size_pt
    lines = []
    if settings.government_line:
        lines.append(Paragraph(text(settings.government_line.upper()), ParagraphStyle(
            "kop1", parent=styles.centered, fontName=BOLD, fontSize=size + 3,
            leading=(size + 3) * 1.2, spaceAfter=0)))
    if settings.agency_line:
        lines.append(Paragraph(text(settings.agency_line.upper()), ParagraphStyle(
            "kop2", parent=styles.centered, fontName=BOLD, fontSize=size + 2,
            leading=(size + 2) * 1.2, spaceAfter=0)))
    contact = contact_line(settings)
    if contact:
        lines.append(Paragraph(text(contact), ParagraphStyle(
            "kop3", parent=styles.centered, fontSize=size - 2, leading=(size - 2) * 1.25,
            spaceAfter=0)))
    if not lines:
        return []
    if settings.logo:
        logo_width = 22 * mm
        logo = Image(io.BytesIO(settings.logo), width=logo_width, height=logo_width,
                     kind="proportional")
        table = Table([[logo, lines]], colWidths=[logo_width + 4 * mm, width - logo_width - 4 * mm])
    else:
        table = Table([[lines]], colWidths=[width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 2, colors.black),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
    ]))
    return [table, Table([[""]], colWidths=[width], rowHeights=[1.5],
                         style=[("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black)])]


def signature(styles: Styles, width: float, *, position: str, name: str, nip: str,
              place_and_date: str = "", rank: str = "") -> Flowable:
    """The signer's block on the right half: position, room to sign, name underlined,
    pangkat/golongan where given, NIP."""
    lines = ([text(place_and_date)] if place_and_date else []) + [
        text(position), "", f"<b><u>{text(name) or '.' * 30}</u></b>"]
    room = len(lines) - 1  # the name's line gets the space above it
    lines += ([text(rank)] if rank else []) + [f"NIP. {text(nip)}" if nip else ""]
    rows = [["", Paragraph(line, styles.centered)] for line in lines]
    table = SignatureBlock(rows, colWidths=[width * 0.45, width * 0.55], spaceBefore=10)
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, room), (-1, room), 45)]))
    return table


_LABEL_LINES = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]


def label_lines(rows: list[tuple[str, Flowable | str]], styles: Styles, width: float,
                label_width: float, *, indent: float = 0) -> Table:
    """"Nomor : …" lines of a letter, their values aligned, flush with the text (or
    indented); a value is text, or a flowable such as a numbered agenda."""
    cells = [["", Paragraph(label, styles.body), Paragraph(":", styles.body),
              value if isinstance(value, Flowable) else Paragraph(text(value) or "-",
                                                                   styles.body)]
             for label, value in rows]
    table = Table(cells, colWidths=[indent, label_width, 10, width - indent - label_width - 10],
                  hAlign="LEFT")
    table.setStyle(TableStyle(_LABEL_LINES))
    return table


# The classification mark sits nearer the paper's edge than the page number (12 mm from
# the top or the foot, see `draw_page_number`), so the two never overlap.
MARK_EDGE = 7 * mm
MARK_SIZE = 10
FOOTNOTE_SIZE = 7


def draw_marking(canvas: Canvas, marking: str, footnote: str) -> None:
    """A security class ("TERBATAS") bold and centred at the top and at the bottom of the
    page, and a small note ("SALINAN EDARAN") at the foot's right, clear of the number."""
    width, height = canvas._pagesize
    if marking:
        canvas.setFont(BOLD, MARK_SIZE)
        canvas.drawCentredString(width / 2, height - MARK_EDGE, marking)
        canvas.drawCentredString(width / 2, MARK_EDGE - MARK_SIZE * 0.3, marking)
    if footnote:
        canvas.setFont(REGULAR, FOOTNOTE_SIZE)
        canvas.drawRightString(width - 12 * mm, MARK_EDGE - FOOTNOTE_SIZE * 0.3, footnote)


def draw_page_number(canvas: Canvas, page: int, total: int, numbering: str) -> None:
    """"tnd": "- 2 -" alone at the top centre, nothing on the first (kop) page;
    "of_total": "Halaman 2 dari 5" at the foot."""
    width, height = canvas._pagesize
    if numbering == "tnd":
        if page > 1:
            canvas.setFont(REGULAR, 10)
            canvas.drawCentredString(width / 2, height - 12 * mm, f"- {page} -")
    else:
        canvas.setFont(REGULAR, 9)
        canvas.drawCentredString(width / 2, 12 * mm, f"Halaman {page} dari {total}")


def draw_draft_mark(canvas: Canvas) -> None:
    """DRAF, large and pale across the page: a copy not yet final."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
    canvas.setFont(BOLD, 110)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -35, "DRAF")
    canvas.restoreState()


def numbered_canvas(*, draft: bool, numbering: str = "of_total", marking: str = "",
                    footnote: str = ""):
    """A canvas class that numbers every page (see `draw_page_number`), marks a DRAF and
    classifies the copy (see `draw_marking`).

    The total is known only at the end, so pages are kept and drawn on `save`.
    """

    class NumberedCanvas(EmbeddedFontsCanvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            draw_page_number(self, number, total, numbering)
            draw_marking(self, marking, footnote)
            if draft:
                draw_draft_mark(self)
            self.restoreState()

    return NumberedCanvas
