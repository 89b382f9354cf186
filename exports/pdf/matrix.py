"""The Matriks Tindak Lanjut as a landscape PDF, its column headings on every page.

A landscape page has room for the columns a reader needs on paper (the workbook has all):
No, Komitmen with its action plan, Penanggung Jawab and Pendukung, Batas Waktu, Status with
its colour, Progres, Kendala and Keterangan. A group (meeting or lead agency) starts with a
shaded line across the table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.files import write_atomically
from exports.pdf.fonts import BOLD
from exports.pdf.layout import (
    LATE,
    STATUS_COLOURS,
    Styles,
    letterhead,
    margins,
    numbered_canvas,
    page_size,
    text,
)
from secretariat.commitments.request_letters import STATUS_WORDS
from secretariat.dates import short_date
from secretariat.documents.action_matrix import ActionMatrix, Grouping, MatrixRow

COLUMNS = ("No", "Kesepakatan/Komitmen dan Rencana Aksi", "Penanggung Jawab", "Pendukung",
           "Batas Waktu", "Status", "Progres", "Kendala", "Keterangan")
SHARES = (0.04, 0.30, 0.10, 0.10, 0.08, 0.11, 0.06, 0.12, 0.09)
GROUP_FILL = colors.Color(0.88, 0.91, 0.96)
CHUNK_ROWS = 40


def _row_cells(row: MatrixRow, cell: ParagraphStyle, bold: ParagraphStyle, *,
               with_meeting: bool) -> list:
    word = STATUS_WORDS[row.status]
    colour = (LATE if row.overdue else STATUS_COLOURS[word]).hexval()[2:]
    status = f'<font color="#{colour}">{text(row.status_text)}</font>'
    # Separate paragraphs, not "<br/>": a cell split across pages at a line break would
    # otherwise begin the next page with an empty line.
    commitment = [Paragraph(text(row.text), bold)]
    if row.action_plan:
        commitment.append(Paragraph(text(row.action_plan), cell))
    if with_meeting:  # listed under its agency, a line must still say where it was agreed
        commitment.append(Paragraph(f"<i>Rapat: {text(row.meeting)}</i>", cell))
    remark = "; ".join(part for part in (row.evidence and f"Bukti: {row.evidence}", row.notes)
                       if part)
    return [Paragraph(str(row.number), cell), commitment,
            Paragraph(text(row.lead_agency), cell), Paragraph(text(row.supporting_agencies), cell),
            Paragraph(text(short_date(row.due_date, "id")) or "-", cell),
            Paragraph(status, bold), Paragraph(f"{row.progress}%", cell),
            Paragraph(text(row.obstacles), cell), Paragraph(text(remark), cell)]


class _MatrixStyles:
    def __init__(self, styles: Styles) -> None:
        self.cell = ParagraphStyle("matrix_cell", parent=styles.small,
                                   fontSize=styles.small.fontSize - 1,
                                   leading=(styles.small.fontSize - 1) * 1.25)
        self.bold = ParagraphStyle("matrix_bold", parent=self.cell, fontName=BOLD)


_BASE = [
    ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def header_table(styles: Styles, width: float) -> Table:
    """The column headings: in the flow on the first page, drawn by the page on later ones."""
    bold = _MatrixStyles(styles).bold
    table = Table([[Paragraph(name, bold) for name in COLUMNS]],
                  colWidths=[width * share for share in SHARES])
    table.setStyle(TableStyle(_BASE + [("BACKGROUND", (0, 0), (-1, 0),
                                        colors.Color(0.85, 0.85, 0.85))]))
    return table


# A row is split across pages only where both parts get this much height: a row taller
# than a page (a very long text) still flows over, but a short one moves whole to the next
# page instead of leaving a sliver of itself at the foot of this one.
SPLIT_IN_ROW_MIN = 200


def _chunk(rows: list, commands: list, width: float) -> Table:
    table = Table(rows, colWidths=[width * share for share in SHARES],
                  splitInRow=SPLIT_IN_ROW_MIN)
    table.setStyle(TableStyle(_BASE + commands))
    return table


def _height(cells: list, width: float) -> float:
    """The height a row of cells takes, measured as ReportLab will lay it out."""
    tallest = 0.0
    for cell, share in zip(cells, SHARES, strict=False):
        flowables = cell if isinstance(cell, list) else [cell]
        inner = width * share - 6  # the cell's left and right padding
        tallest = max(tallest, sum(f.wrap(inner, 10_000)[1] for f in flowables))
    return tallest + 6  # top and bottom padding


def matrix_body(matrix: ActionMatrix, styles: Styles, width: float,
                progress: Callable[[int], None] | None = None, *,
                keep_height: float = 300) -> list[Table]:
    """The rows as short tables one after another, which look like one table.

    One table of 10,000 rows is split page by page, and each split handles every row left:
    the time grows with the square of the rows. Short tables keep it linear.
    """
    looks = _MatrixStyles(styles)
    with_meeting = matrix.grouping is Grouping.AGENCY
    tables, commands, group = [], [], None
    rows: list[list] = []  # the cells of each row: Paragraphs, "" where a group line spans
    for written, row in enumerate(matrix.rows(), start=1):
        cells = _row_cells(row, looks.cell, looks.bold, with_meeting=with_meeting)
        if row.group != group:
            group, at = row.group, len(rows)
            commands += [("SPAN", (0, at), (-1, at)),
                         ("BACKGROUND", (0, at), (-1, at), GROUP_FILL)]
            rows.append([Paragraph(text(group), looks.bold)] + [""] * (len(COLUMNS) - 1))
            if _height(cells, width) <= keep_height:
                # The group's line never stays alone at a page's foot: it keeps its first
                # row, unless that row is too tall for a page and must flow over anyway.
                commands.append(("NOSPLIT", (0, at), (-1, at + 1)))
        rows.append(cells)
        if len(rows) >= CHUNK_ROWS:
            tables.append(_chunk(rows, commands, width))
            rows, commands = [], []
        if progress is not None and written % 1000 == 0:
            progress(written)
    if not tables and not rows:
        commands.append(("SPAN", (0, 0), (-1, 0)))
        rows.append([Paragraph("Tidak ada komitmen yang sesuai dengan pilihan ini.", looks.cell)]
                    + [""] * (len(COLUMNS) - 1))
    if rows:
        tables.append(_chunk(rows, commands, width))
    return tables


def write_matrix_pdf(matrix: ActionMatrix, target: Path,
                     progress: Callable[[int], None] | None = None) -> Path:
    settings = matrix.letterhead
    size = page_size(settings, wide=True)

    def write(stream: BinaryIO) -> None:
        document = BaseDocTemplate(stream, pagesize=size, title=matrix.title,
                                   author=settings.agency_line, **margins(settings))
        styles = Styles(settings)
        width = document.width
        heading = header_table(styles, width)
        _w, heading_height = heading.wrap(width, document.height)

        def draw_heading(canvas, doc) -> None:
            heading.drawOn(canvas, doc.leftMargin, doc.bottomMargin + doc.height - heading_height)

        flush = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        first = Frame(document.leftMargin, document.bottomMargin, width, document.height,
                      id="first", **flush)
        later = Frame(document.leftMargin, document.bottomMargin, width,
                      document.height - heading_height, id="later", **flush)
        document.addPageTemplates([PageTemplate("First", [first]),
                                   PageTemplate("Later", [later], onPage=draw_heading)])
        story = [NextPageTemplate("Later")] + letterhead(settings, styles, width)
        story += [Spacer(1, 6), Paragraph(text(matrix.title), styles.title)]
        subtitle = "; ".join(part for part in (matrix.subtitle,
                                               f"keadaan per {matrix.printed_on}") if part)
        story.append(Paragraph(text(subtitle), styles.centered))
        note = matrix.classification.left_out_note()
        if note:  # read before the table, whose numbering then skips them
            story.append(Paragraph(text(note), styles.centered))
        story += [Spacer(1, 6), header_table(styles, width)]
        story += matrix_body(matrix, styles, width, progress,
                             keep_height=document.height - 2 * heading_height)
        document.build(story, canvasmaker=numbered_canvas(
            draft=False, marking=matrix.classification.marking,
            footnote=matrix.classification.footnote))

    return write_atomically(target, write)
