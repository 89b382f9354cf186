"""Daftar Hadir: No · Nama · Jabatan/Instansi · No. HP · Tanda Tangan · Keterangan.

The columns that hold one fixed thing (the number, a mobile number, the word "Keterangan")
are measured in the table's font; the rest of the width goes to the name, the position
(an Indonesian title and its agency, on two lines) and the signature. No word is ever
split: a word wider than its column is set smaller instead.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, TableStyle

from exports.pdf.fonts import BOLD, REGULAR
from exports.pdf.layout import (
    Styles,
    letterhead,
    text,
    write_portrait,
)
from secretariat.documents.classification import CIRCULATED, TERBATAS
from secretariat.documents.minutes_and_attendance import (
    DEFAULT_BLANK_ROWS,
    AttendanceLine,
    AttendanceSheet,
)

EMPTY_ROWS_FOR_WALK_INS = DEFAULT_BLANK_ROWS  # the blank sheet's default
CELL_LIMIT = 400  # a pasted essay in a name cell must not push a row past the page
PADDING = 3  # points each side of a cell's text
WALK_IN_ROW_HEIGHT = 12 * mm  # room to write a name and a title by hand
SMALLEST_FONT = 6.5  # a word is set smaller down to this, never split
NOT_SIGNING = colors.Color(0.92, 0.92, 0.92)  # the closed signature cell of who was absent


def _cell(value: str) -> str:
    value = value or ""
    return text(value if len(value) <= CELL_LIMIT else value[:CELL_LIMIT] + "…")


def _fitted(value: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A cell's paragraph whose longest word fits the column: smaller type, not a split."""
    room = width - 2 * PADDING
    longest = max((stringWidth(word, style.fontName, style.fontSize)
                   for word in (value or "").split()), default=0)
    if longest > room:
        size = max(SMALLEST_FONT, style.fontSize * room / longest)
        style = ParagraphStyle(f"{style.name}-fit", parent=style, fontSize=size,
                               leading=size * 1.25)
    return Paragraph(_cell(value), style)


class _Columns:
    """The widths of the sheet's columns for the page's text width and the table's font."""

    def __init__(self, width: float, font_size: float, *, with_phone: bool) -> None:
        def measured(sample: str, font: str = REGULAR) -> float:
            return stringWidth(sample, font, font_size) + 2 * PADDING + 2

        self.number = measured("000")
        self.phone = measured("0812-5055-8140") if with_phone else 0
        self.remark = measured("Keterangan", BOLD)
        rest = width - self.number - self.phone - self.remark
        self.name, self.position, self.signature = rest * 0.27, rest * 0.44, rest * 0.29

    def widths(self) -> list[float]:
        shown = [self.number, self.name, self.position, self.phone, self.signature,
                 self.remark]
        return [w for w in shown if w]


def _signature_place(number: int, width: float, style: ParagraphStyle) -> Paragraph:
    """"7. ……" in the left half for odd numbers, the right half for even ones, so that
    neighbours do not sign over each other."""
    half = (width - 2 * PADDING) / 2
    label = f"{number}. "
    dot = stringWidth(".", style.fontName, style.fontSize)
    dots = max(3, int((half - stringWidth(label, style.fontName, style.fontSize) - 2) / dot))
    indent = 0 if number % 2 else half
    return Paragraph(label + "." * dots, ParagraphStyle(
        f"sign-{number % 2}", parent=style, leftIndent=indent, splitLongWords=0))


def attendance_table(sheet: AttendanceSheet, styles: Styles, width: float) -> list[Flowable]:
    size = styles.cell.fontSize - 1
    cell = ParagraphStyle("attendance-cell", parent=styles.cell, fontSize=size,
                          leading=size * 1.25, splitLongWords=0)
    header = ParagraphStyle("attendance-th", parent=cell, fontName=BOLD)
    remark_style = ParagraphStyle("attendance-remark", parent=cell, fontSize=size - 1,
                                  leading=(size - 1) * 1.25)
    # The blank sheet keeps No. HP for whoever wishes to write theirs; a list as recorded
    # shows it only on the full copy.
    with_phone = sheet.blank or sheet.full_copy
    columns = _Columns(width, size, with_phone=with_phone)
    titles = ["No", "Nama", "Jabatan/Instansi"] + (["No. HP"] if with_phone else []) \
        + ["Tanda Tangan", "Keterangan"]
    rows: list[list] = [[Paragraph(title, header) for title in titles]]
    heights: list[float | None] = [None]
    closed: list[int] = []  # rows whose signature cell is closed
    lines = list(sheet.lines)
    walk_ins = range(len(lines) + 1, len(lines) + 1 + sheet.blank_rows)
    lines += [AttendanceLine(n, "", "", "", "") for n in walk_ins]
    for line in lines:
        sign: Flowable | str = (_signature_place(line.number, columns.signature, cell)
                                if line.signs else "")
        if not line.signs:
            closed.append(len(rows))
        row: list = [Paragraph(str(line.number), cell),
                     _fitted(line.name, cell, columns.name),
                     _fitted(line.position_and_agency, cell, columns.position)]
        if with_phone:
            row.append(Paragraph(_cell(line.phone), cell))
        row += [sign, _fitted(line.remark, remark_style, columns.remark)]
        rows.append(row)
        heights.append(WALK_IN_ROW_HEIGHT if line.number in walk_ins else None)
    signature_column = len(titles) - 2
    table = LongTable(rows, colWidths=columns.widths(), rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 1), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
        *[("BACKGROUND", (signature_column, row), (signature_column, row), NOT_SIGNING)
          for row in closed],
    ]))
    return [table]


def attendance_story(sheet: AttendanceSheet, styles: Styles, width: float, *,
                     attachment: bool = False) -> list[Flowable]:
    story: list[Flowable] = []
    if attachment:
        story.append(Paragraph("Lampiran Notulen Rapat", styles.small))
    story += [Paragraph("DAFTAR HADIR", styles.title),
              Paragraph(text(sheet.meeting_title), styles.centered), Spacer(1, 4)]
    for label, value in (("Hari/Tanggal", sheet.day_and_date), ("Waktu", sheet.time),
                         ("Tempat", sheet.place)):
        story.append(Paragraph(f"{label}: {text(value)}", styles.body))
    story.append(Spacer(1, 4))
    story += attendance_table(sheet, styles, width)
    if not sheet.blank and not sheet.full_copy:
        # The circulated copy says what it leaves out (Tata Naskah Dinas, UU 27/2022 PDP).
        story += [Spacer(1, 4), Paragraph("Salinan edaran: nomor HP peserta tidak "
                                          "dicantumkan.", styles.small)]
    return story


def write_attendance(sheet: AttendanceSheet, target: Path) -> Path:
    def story(width: float) -> list[Flowable]:
        styles = Styles(sheet.letterhead)
        return (letterhead(sheet.letterhead, styles, width) + [Spacer(1, 8)]
                + attendance_story(sheet, styles, width))

    # The full copy carries private mobile numbers: marked on every page, as documents with
    # terbatas commitments are; the circulated one goes round as such.
    return write_portrait(target, sheet.letterhead, title="Daftar Hadir", story=story,
                          numbering="of_total",  # an annex: "Halaman x dari y" always
                          marking=TERBATAS if sheet.full_copy else "",
                          footnote="" if sheet.full_copy else CIRCULATED)
