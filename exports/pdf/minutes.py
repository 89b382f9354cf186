"""Notulen Rapat in the Tata Naskah Dinas layout, with the daftar hadir attached."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.pdf.attendance import attendance_story
from exports.pdf.fonts import BOLD
from exports.pdf.layout import (
    Styles,
    hanging,
    letterhead,
    list_item,
    paragraphs,
    text,
    write_portrait,
)
from exports.pdf.page_breaks import SignatureBlock
from secretariat.documents.minutes_and_attendance import MinutesReport


def _header(report: MinutesReport, styles: Styles, width: float) -> Table:
    fields = (
        ("Rapat/Sidang", report.title),
        ("Hari/Tanggal", report.day_and_date),
        ("Nomor Surat Undangan", report.invitation_number or "-"),
        ("Waktu", report.time or "-"),
        ("Tempat", report.place or "-"),
        ("Acara", report.event or "-"),
        ("Pimpinan Rapat", ", ".join(p for p in (report.chair_name, report.chair_position) if p)
         or "-"),
        ("Sekretaris", report.secretary_name or "-"),
        ("Pencatat/Notulis", report.note_taker_name or "-"),
        ("Peserta", "Terlampir pada daftar hadir"),
    )
    rows = [[Paragraph(label, styles.cell), Paragraph(":", styles.cell),
             Paragraph(text(value), styles.cell)] for label, value in fields]
    table = Table(rows, colWidths=[0.3 * width, 0.03 * width, 0.67 * width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _discussion(report: MinutesReport, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("II. PEMBAHASAN", styles.heading)]
    if not report.agenda:
        story.append(Paragraph("-", styles.body))
    indented = ParagraphStyle("indented", parent=styles.body, leftIndent=18)
    # The item's title hangs: a wrapped line starts under the title, not under its number.
    title_style = ParagraphStyle("item_title", parent=hanging(styles.body), keepWithNext=1,
                                 bulletFontName=BOLD)
    for item in report.agenda:
        presenter = f" (penyaji: {text(item.presenter)})" if item.presenter else ""
        story.append(Paragraph(f"<b>{text(item.title)}</b>{presenter}", title_style,
                               bulletText=f"{item.number}."))
        story += paragraphs(item.discussion, indented)
        if item.decisions:
            story.append(Paragraph("<i>Keputusan:</i>", ParagraphStyle(
                "decisions_label", parent=indented, keepWithNext=1)))
            story += paragraphs(item.decisions, indented)
    return story


def _commitments(report: MinutesReport, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("IV. KOMITMEN DAN RENCANA TINDAK LANJUT", styles.heading)]
    if not report.commitments and not report.classification.left_out:
        story.append(Paragraph("Tidak ada komitmen yang disepakati.", styles.body))
    detail = ParagraphStyle("detail", parent=styles.small, leftIndent=18, spaceAfter=4)
    item_style = ParagraphStyle("item", parent=styles.body, spaceAfter=1, keepWithNext=1)
    detail_plan = ParagraphStyle("detail_plan", parent=detail, spaceAfter=1, keepWithNext=1)
    for entry in report.commitments:
        # A commitment keeps its plan and facts with it on one page: each line keeps with
        # the next (one KeepTogether that ReportLab builds; a KeepTogether of our own here
        # would not go with the heading above, nor with the signature below).
        story.append(list_item(f"{entry.number}.", text(entry.text), item_style))
        if entry.action_plan:
            story.append(Paragraph(f"Rencana aksi: {text(entry.action_plan)}", detail_plan))
        facts = [f"Penanggung jawab: {text(entry.lead_agency)}"]
        if entry.supporting_agencies:
            facts.append(f"Pendukung: {text(entry.supporting_agencies)}")
        facts.append(f"Batas waktu: {text(entry.due_date) or '-'}")
        story.append(Paragraph("; ".join(facts), detail))
    note = report.classification.left_out_note()
    if note:  # the numbering skips them: say why
        story.append(Paragraph(text(note), styles.small))
    return story


def _signatures(report: MinutesReport, styles: Styles, width: float) -> Flowable:
    """Note-taker left, chair right, each line in its own row so the two columns align."""
    day = report.day_and_date.split(", ", 1)[-1]
    place_date = f"{report.city}, {day}" if report.city else day
    left = ("Notulis,", report.note_taker_position, report.note_taker_name, "",
            report.note_taker_nip)
    right = ("Pimpinan Rapat,", report.chair_position, report.chair_name, report.chair_rank,
             report.chair_nip)

    def cells(role, position, name, rank, nip):
        return [role, position, "", f"<b><u>{text(name) or '.' * 30}</u></b>", rank,
                f"NIP. {nip}" if nip else ""]

    rows = [["", Paragraph(text(place_date), styles.centered)]]
    for left_cell, right_cell in zip(cells(*left), cells(*right), strict=False):
        rows.append([Paragraph(left_cell if "<b>" in left_cell else text(left_cell),
                               styles.centered),
                     Paragraph(right_cell if "<b>" in right_cell else text(right_cell),
                               styles.centered)])
    table = SignatureBlock(rows, colWidths=[width / 2, width / 2], spaceBefore=12)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 4), (-1, 4), 45)]))  # room to sign
    return table


def minutes_story(report: MinutesReport, width: float) -> list[Flowable]:
    styles = Styles(report.letterhead)
    story = letterhead(report.letterhead, styles, width)
    story += [Spacer(1, 8), Paragraph("NOTULEN RAPAT", styles.title),
              Paragraph(text(report.title), styles.centered), Spacer(1, 6),
              _header(report, styles, width),
              Paragraph("I. KATA PEMBUKAAN", styles.heading)]
    story += paragraphs(report.opening, styles.body)
    story += _discussion(report, styles)
    story.append(Paragraph("III. KEPUTUSAN/KESIMPULAN", styles.heading))
    story += paragraphs(report.conclusions, styles.body)
    story += _commitments(report, styles)
    # The signatures keep with the last lines above them (layout.settle_pages).
    story += [_signatures(report, styles, width), PageBreak()]
    story += attendance_story(report.attendance, styles, width, attachment=True)
    return story


def write_minutes(report: MinutesReport, target: Path) -> Path:
    # With its attached daftar hadir, always "Halaman x dari y": the annex counts too.
    return write_portrait(target, report.letterhead, title=f"Notulen {report.title}",
                          story=lambda width: minutes_story(report, width), draft=report.draft,
                          numbering="of_total", marking=report.classification.marking,
                          footnote=report.classification.footnote)
