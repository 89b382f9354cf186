"""Lembar Komitmen Bersama: the meeting, the commitments agreed, a box per signatory.

The signature boxes stand two or three to a row; a row is never split across pages, the
first row stays with the text it closes and the last row never stands alone on a page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from exports.pdf.fonts import BOLD
from exports.pdf.layout import Styles, label_lines, letterhead, text, write_portrait
from secretariat.documents.joint_commitment import JointCommitmentSheet, SignatoryBox

SIGNING_ROOM = 20 * mm  # the space to sign (and stamp) in each box
BOX_GAP = 4 * mm
FILL_IN = "." * 30  # a line to write a name or position by hand


def _commitment_items(sheet: JointCommitmentSheet, styles: Styles,
                      width: float) -> list[Flowable]:
    """One small table per commitment, so the last can go with the signatures."""
    note = ParagraphStyle("agreed-note", parent=styles.small, spaceBefore=1)
    items: list[Flowable] = []
    for item in sheet.commitments:
        details = f"Penanggung jawab: {text(item.lead_agency)}"
        if item.due_date:
            details += f"; batas waktu: {text(item.due_date)}"
        table = Table([[Paragraph(f"{item.number}.", styles.cell),
                        [Paragraph(text(item.text), styles.cell), Paragraph(details, note)]]],
                      colWidths=[10 * mm, width - 10 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        items.append(table)
    return items


class _BoxStyles:
    def __init__(self, styles: Styles) -> None:
        self.agency = ParagraphStyle("box-agency", parent=styles.small, fontName=BOLD,
                                     alignment=TA_CENTER)
        self.name = ParagraphStyle("box-name", parent=styles.cell, alignment=TA_CENTER)
        self.position = ParagraphStyle("box-position", parent=styles.small,
                                       alignment=TA_CENTER)


def _box(box: SignatoryBox, styles: _BoxStyles, inner: float, agency_height: float) -> Table:
    """One signatory: the agency on top, room to sign, then who signs and their post."""
    name = f"<b><u>{text(box.person_name)}</u></b>" if box.person_name else f"({FILL_IN})"
    position = text(box.person_position) if box.person_position else (
        "" if box.person_name else f"Jabatan: {FILL_IN[:22]}")
    table = Table([[Paragraph(text(box.agency_name), styles.agency)], [""],
                   [Paragraph(name, styles.name)], [Paragraph(position, styles.position)]],
                  colWidths=[inner], rowHeights=[agency_height, SIGNING_ROOM, None, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def signature_grid(sheet: JointCommitmentSheet, styles: Styles,
                   width: float) -> list[Flowable]:
    """Rows of boxes, three to a row for five signatories or more, else two; a last row
    that is not full is centred."""
    per_row = 3 if len(sheet.signatories) > 4 else 2
    box_width = (width - BOX_GAP * (per_row - 1)) / per_row
    padding = 5
    inner = box_width - 2 * padding
    box_styles = _BoxStyles(styles)
    rows: list[Flowable] = []
    boxes = list(sheet.signatories)
    for start in range(0, len(boxes), per_row):
        chunk = boxes[start:start + per_row]
        # The agencies' names take the same height in a row, so the names line up.
        agency_height = max(Paragraph(text(b.agency_name), box_styles.agency)
                            .wrap(inner, 1000)[1] for b in chunk) + 2
        cells: list = []
        widths: list[float] = []
        for number, box in enumerate(chunk):
            if number:
                cells.append("")
                widths.append(BOX_GAP)
            cells.append(_box(box, box_styles, inner, agency_height))
            widths.append(box_width)
        table = Table([cells], colWidths=widths, hAlign="CENTER")
        table.setStyle(TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP")]
            + [("BOX", (column, 0), (column, 0), 0.6, colors.black)
               for column in range(0, len(cells), 2)]
            + [(edge, (0, 0), (-1, -1), padding) for edge in
               ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
        rows += [table, Spacer(1, BOX_GAP)]
    return rows


def joint_commitment_story(sheet: JointCommitmentSheet, styles: Styles,
                           width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("LEMBAR KOMITMEN BERSAMA", styles.title),
        Paragraph(text(sheet.meeting_title), styles.centered), Spacer(1, 6),
        label_lines([("Hari/Tanggal", sheet.day_and_date), ("Waktu", sheet.time or "-"),
                     ("Tempat", sheet.place or "-")], styles, width, 32 * mm),
        Spacer(1, 6),
        Paragraph("Kami yang bertanda tangan di bawah ini, peserta "
                  f"{text(sheet.meeting_title)}, bersepakat dan berkomitmen untuk "
                  "melaksanakan hal-hal sebagai berikut:", styles.body),
    ]
    items = _commitment_items(sheet, styles, width)
    note = sheet.classification.left_out_note()
    if note:  # the gaps in the numbering explained, under the last commitment
        items.append(Paragraph(text(note), styles.small))
    story += items[:-1]
    # The signatures keep with the last commitment and the closing words (a signature never
    # stands alone on a page); the first row of boxes goes with them, the last row never
    # stands alone. (Each row of boxes is a table and its spacer.)
    closing = [items[-1],
               Paragraph("Demikian komitmen bersama ini kami sepakati untuk dilaksanakan "
                         "dengan penuh tanggung jawab.", styles.body),
               Paragraph(text(sheet.place_and_date),
                         ParagraphStyle("place-date", parent=styles.body, alignment=TA_RIGHT)),
               Paragraph("Yang bertanda tangan,", styles.heading)]
    grid = signature_grid(sheet, styles, width)
    if len(grid) <= 4:
        return story + [KeepTogether(closing + grid)]
    return story + [KeepTogether(closing + grid[:2]), *grid[2:-4], KeepTogether(grid[-4:])]


def write_joint_commitment(sheet: JointCommitmentSheet, target: Path) -> Path:
    def story(width: float) -> list[Flowable]:
        styles = Styles(sheet.letterhead)
        return (letterhead(sheet.letterhead, styles, width) + [Spacer(1, 8)]
                + joint_commitment_story(sheet, styles, width))

    return write_portrait(target, sheet.letterhead, title="Lembar Komitmen Bersama",
                          story=story, marking=sheet.classification.marking,
                          footnote=sheet.classification.footnote)
