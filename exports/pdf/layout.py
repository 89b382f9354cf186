"""Page setup shared by every PDF: paper, margins, styles, kop surat, "Halaman x dari y".

Paper, margins and font size come from the letterhead settings (offices differ), with the
Tata Naskah Dinas defaults: A4 or F4 (215 x 330 mm), left 3 cm, right 2 cm, top 2 cm,
bottom 2.5 cm.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

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
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.files import write_atomically
from exports.pdf.fonts import BOLD, REGULAR, register_fonts
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
                   marking: str = "", footnote: str = "") -> Path:
    """Lay out a portrait document on the office's paper and margins, numbered "Halaman x
    dari y" (and marked DRAFT where asked), written so that no half file is ever left.
    `story(width)` gives the flowables for the width between the margins; `marking` and
    `footnote` as in `numbered_canvas`."""
    def write(stream: BinaryIO) -> None:
        document = OfficialDocTemplate(stream, pagesize=page_size(settings), title=title,
                                       author=settings.agency_line, **margins(settings))
        document.build(story(document.width), canvasmaker=numbered_canvas(
            draft=draft, marking=marking, footnote=footnote))

    return write_atomically(target, write)


class Styles:
    """The named paragraph styles of a document, sized from the settings."""

    def __init__(self, settings: LetterheadSettings):
        register_fonts()
        size = settings.font_size_pt
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=size, leading=size * 1.35,
                                   spaceAfter=size * 0.4)
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


def text(value: str) -> str:
    """User text made safe for ReportLab's paragraph markup, line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


def paragraphs(value: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per blank-line-separated block, so long texts break across pages."""
    blocks = [block.strip() for block in (value or "").split("\n\n") if block.strip()]
    return [Paragraph(text(block), style) for block in blocks] or [Paragraph("-", style)]


def contact_line(settings: LetterheadSettings) -> str:
    """The kop's third line: address, then "Telepon …", "Pos-el …", "Laman …" where given.

    Public so the settings screen previews the kop with the very words the PDF prints.
    """
    contact = [settings.address.replace("\n", ", ")]
    for label, value in (("Telepon", settings.phone), ("Pos-el", settings.email),
                         ("Laman", settings.website)):
        if value:
            contact.append(f"{label} {value}")
    return " ".join(part for part in contact if part)


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
    table = Table(rows, colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, room), (-1, room), 45)]))
    return KeepTogether([Spacer(1, 10), table])


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


# The classification mark sits near the paper's edge, above (and below) where the page
# number goes, so the two never overlap whichever edge the number is printed at.
MARK_EDGE = 8 * mm
MARK_SIZE = 11
FOOTNOTE_SIZE = 7


def draw_marking(canvas: Canvas, width: float, height: float, marking: str,
                 footnote: str) -> None:
    """A security class ("TERBATAS") bold and centred at the top and at the bottom of the
    page, and a small note ("SALINAN EDARAN") at the foot's right, clear of the number."""
    if marking:
        canvas.setFont(BOLD, MARK_SIZE)
        canvas.drawCentredString(width / 2, height - MARK_EDGE, marking)
        canvas.drawCentredString(width / 2, MARK_EDGE - MARK_SIZE * 0.3, marking)
    if footnote:
        canvas.setFont(REGULAR, FOOTNOTE_SIZE)
        canvas.drawRightString(width - 12 * mm, MARK_EDGE - FOOTNOTE_SIZE * 0.3, footnote)


def numbered_canvas(*, draft: bool, marking: str = "", footnote: str = ""):
    """A canvas class that writes "Halaman x dari y" (and a DRAFT mark) on every page,
    and the copy's classification: `marking` (e.g. "TERBATAS") top and bottom, `footnote`
    (e.g. "SALINAN EDARAN") small at the foot.

    The total is known only at the end, so pages are kept and drawn on `save`.
    """

    class NumberedCanvas(Canvas):
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
            width, height = self._pagesize
            self.saveState()
            self.setFont(REGULAR, 9)
            self.drawCentredString(width / 2, 12 * mm, f"Halaman {number} dari {total}")
            draw_marking(self, width, height, marking, footnote)
            if draft:
                self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
                self.setFont(BOLD, 110)
                self.translate(width / 2, height / 2)
                self.rotate(45)
                self.drawCentredString(0, -35, "DRAFT")
            self.restoreState()

    return NumberedCanvas
