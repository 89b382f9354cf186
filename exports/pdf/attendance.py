"""Daftar Hadir: No · Nama · Jabatan/Instansi · No. HP · Tanda Tangan (alternating)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, TableStyle

from exports.pdf.fonts import BOLD
from exports.pdf.layout import (
    Styles,
    letterhead,
    text,
    write_portrait,
)
from secretariat.documents.minutes_and_attendance import AttendanceLine, AttendanceSheet

EMPTY_ROWS_FOR_WALK_INS = 5
CELL_LIMIT = 400  # a pasted essay in a name cell must not push a row past the page


def _cell(value: str) -> str:
    value = value or ""
    return text(value if len(value) <= CELL_LIMIT else value[:CELL_LIMIT] + "…")


def attendance_table(sheet: AttendanceSheet, styles: Styles, width: float) -> list[Flowable]:
    header_style = ParagraphStyle("th", parent=styles.cell, fontName=BOLD)
    # The signature column alternates left and right so neighbours do not sign over each other.
    odd = ParagraphStyle("sign-left", parent=styles.cell)
    even = ParagraphStyle("sign-right", parent=styles.cell, leftIndent=width * 0.06)
    rows = [[Paragraph(title, header_style) for title in
             ("No", "Nama", "Jabatan/Instansi", "No. HP", "Tanda Tangan")]]
    lines = list(sheet.lines)
    if sheet.blank:
        numbers = range(len(lines) + 1, len(lines) + 1 + EMPTY_ROWS_FOR_WALK_INS)
        lines += [AttendanceLine(n, "", "", "", "") for n in numbers]
    for line in lines:
        sign = f"{line.number}. {'.' * 12}"
        name = _cell(line.name)
        if line.remark:
            name += f"<br/><i><font size={styles.small.fontSize}>{_cell(line.remark)}</font></i>"
        rows.append([Paragraph(str(line.number), styles.cell), Paragraph(name, styles.cell),
                     Paragraph(_cell(line.position_and_agency), styles.cell),
                     Paragraph(_cell(line.phone), styles.cell),
                     Paragraph(sign, odd if line.number % 2 else even)])
    # No. HP wide enough for "0812-5055-8140", the signature column for "25. ……" and
    # its indent, each on one line.
    table = LongTable(rows, colWidths=[w * width for w in (0.06, 0.25, 0.25, 0.21, 0.23)],
                      repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 9),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 9),
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
    return story + attendance_table(sheet, styles, width)


def write_attendance(sheet: AttendanceSheet, target: Path) -> Path:
    def story(width: float) -> list[Flowable]:
        styles = Styles(sheet.letterhead)
        return (letterhead(sheet.letterhead, styles, width) + [Spacer(1, 8)]
                + attendance_story(sheet, styles, width))

    return write_portrait(target, sheet.letterhead, title="Daftar Hadir", story=story,
                          numbering="of_total")  # an annex: "Halaman x dari y" always
