"""The user guide (Panduan Pengguna) as a PDF, to print and keep beside the PC.

A cover, a table of contents with page numbers (ReportLab's TableOfContents, which needs
a second pass: `multiBuild`), then every part of the guide under a numbered title that
is also a PDF bookmark; a link to another part ("Lihat Rapat") jumps to it. The text
comes from `secretariat.guide`; this module only lays it out, on A4 with the program's
embedded fonts and "Halaman x dari y" at the foot (a guide carries no kop surat).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from exports.files import write_atomically
from exports.pdf.fonts import markup
from exports.pdf.layout import OfficialDocTemplate, Styles, list_item, margins, numbered_canvas
from exports.pdf.layout import page_size as paper_size
from exports.pdf.page_breaks import settle_pages
from secretariat import __version__
from secretariat.documents.letterhead import LetterheadSettings
from secretariat.guide import TITLE, GuideSection, guide_sections

PROGRAM = "Sekretariat Gugus Tugas PP-TPPO"
_INLINE = re.compile(r"\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(#([a-z_]+)\)")
LINK_COLOUR = "#1a4f8b"


def inline(value: str) -> str:
    """A line of the guide's Markdown as ReportLab markup: **bold**, `command`, and
    [a link](#part) to another part; the rest escaped, each character in a font that has it."""
    parts, at = [], 0
    for found in _INLINE.finditer(value):
        parts.append(markup(value[at:found.start()]))
        bold, command, link_text, target = found.groups()
        if bold is not None:
            parts.append(f"<b>{markup(bold)}</b>")
        elif command is not None:
            parts.append(f'<font color="#3a3a3a"><b>{markup(command)}</b></font>')
        else:
            parts.append(f'<a href="#{target}" color="{LINK_COLOUR}"><u>'
                         f'{markup(link_text)}</u></a>')
        at = found.end()
    parts.append(markup(value[at:]))
    return "".join(parts)


class _PartTitle(Paragraph):
    """A part's title: the table of contents, the bookmarks and the links find it."""

    def __init__(self, section: GuideSection, number: int, style: ParagraphStyle):
        self.key, self.entry = section.key, f"{number}. {section.title}"
        super().__init__(markup(self.entry), style)


class _GuideTemplate(OfficialDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _PartTitle):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.entry, flowable.key, level=0)
            self.notify("TOCEntry", (0, flowable.entry, self.page, flowable.key))


def _story(sections: tuple[GuideSection, ...], styles: Styles) -> list[Flowable]:
    size = styles.body.fontSize
    cover_title = ParagraphStyle("cover_title", parent=styles.title, fontSize=size + 13,
                                 leading=(size + 13) * 1.25, spaceAfter=size)
    cover_line = ParagraphStyle("cover_line", parent=styles.centered, fontSize=size + 3,
                                leading=(size + 3) * 1.3)
    part_title = ParagraphStyle("part_title", parent=styles.heading, fontSize=size + 5,
                                leading=(size + 5) * 1.25, spaceBefore=0, spaceAfter=size * 0.6,
                                textColor=colors.HexColor("#1a3a5c"))
    sub_heading = ParagraphStyle("sub_heading", parent=styles.heading, fontSize=size + 1,
                                 leading=(size + 1) * 1.3)
    toc = TableOfContents(levelStyles=[ParagraphStyle(
        "toc", parent=styles.body, leftIndent=0, spaceAfter=size * 0.3)], dotsMinLevel=0)

    story: list[Flowable] = [
        Spacer(1, 200), Paragraph(TITLE.upper(), cover_title),
        Paragraph(markup(PROGRAM), cover_line),
        Paragraph(markup(f"Versi program {__version__}"), cover_line),
        PageBreak(),
        Paragraph("Daftar Isi", part_title), toc, PageBreak(),
    ]
    for number, section in enumerate(sections, start=1):
        if number > 1:
            story.append(CondPageBreak(size * 14))  # a part never starts at a page's foot
            story.append(Spacer(1, size * 1.2))
        story.append(_PartTitle(section, number, part_title))
        for block in section.blocks:
            if block.kind == "heading":
                story.append(Paragraph(inline(block.lines[0]), sub_heading))
            elif block.kind == "paragraph":
                story.append(Paragraph(inline(block.lines[0]), styles.body))
            else:
                for index, item in enumerate(block.lines, start=1):
                    marker = f"{index}." if block.kind == "numbered" else "\u2022"
                    story.append(list_item(marker, inline(item), styles.body))
    return story


def write_guide(target: Path, sections: tuple[GuideSection, ...] | None = None) -> Path:
    """The whole guide as a PDF at `target`, written all or nothing."""
    sections = sections if sections is not None else guide_sections()
    settings = LetterheadSettings(page_numbering="of_total")  # A4, the default margins
    styles = Styles(settings)

    def write(stream: BinaryIO) -> None:
        document = _GuideTemplate(stream, pagesize=paper_size(settings),
                                  title=f"{TITLE} {PROGRAM}", author=PROGRAM,
                                  **margins(settings))
        canvas = numbered_canvas(draft=False, numbering="of_total")
        document.multiBuild(settle_pages(_story(sections, styles)), canvasmaker=canvas)

    return write_atomically(target, write)
