"""Surat undangan: the invitation to a meeting, on the letterhead (Tata Naskah Dinas).

Page one is the letter: place and date, the Nomor/Sifat/Lampiran/Hal block, the
addressee, the day, time, place and agenda, and the signature. With more than one invitee
the letter is addressed to the attached list, which follows on a page of its own under
"Lampiran Surat Undangan Nomor … Tanggal …".
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer, TableStyle

from exports.pdf.fonts import BOLD
from exports.pdf.layout import (
    Styles,
    label_lines,
    letterhead,
    signature,
    text,
    write_portrait,
)
from secretariat.meetings.invitations import Invitation

BLANK_NUMBER = "." * 40  # numbered by hand when the letter is registered as sent


def _agenda(letter: Invitation, styles: Styles) -> Flowable:
    if len(letter.agenda) == 1:
        return Paragraph(text(letter.agenda[0]), styles.body)
    numbered = "<br/>".join(f"{number}. {text(item)}"
                            for number, item in enumerate(letter.agenda, start=1))
    return Paragraph(numbered, styles.body)


def _addressee(letter: Invitation, styles: Styles) -> list[Flowable]:
    if letter.addressed_to_list:
        lines = ["Yth. Bapak/Ibu (daftar terlampir)"]
    else:
        invitee = letter.invitees[0]
        lines = ["Yth. " + text(invitee.name)]
        lines += [text(part) for part in (invitee.position, invitee.agency) if part]
    lines.append("di Tempat")
    return [Paragraph(line, styles.body) for line in lines]


def _occasion(letter: Invitation) -> str:
    """The meeting's title, naming the task force unless the title already does."""
    title = letter.meeting_title.casefold()
    if letter.task_force.casefold() in title or "gugus tugas" in title:
        return letter.meeting_title
    return f"{letter.meeting_title} {letter.task_force}"


def _letter(letter: Invitation, styles: Styles, width: float) -> list[Flowable]:
    right = ParagraphStyle("right", parent=styles.body, alignment=TA_RIGHT)
    attachment = "1 (satu) berkas" if letter.addressed_to_list else "-"
    story: list[Flowable] = [
        Spacer(1, 8), Paragraph(text(letter.place_and_date), right),
        label_lines([("Nomor", letter.letter_number or BLANK_NUMBER), ("Sifat", letter.nature),
                 ("Lampiran", attachment), ("Hal", letter.subject)], styles, width, 70),
        Spacer(1, 10)]
    story += _addressee(letter, styles)
    story += [Spacer(1, 8), Paragraph(
        f"Dalam rangka {text(_occasion(letter))}, bersama ini kami mengundang Bapak/Ibu "
        "untuk hadir pada:", styles.body)]
    story.append(label_lines([("Hari/Tanggal", letter.day_and_date), ("Waktu", letter.time),
                          ("Tempat", letter.place), ("Acara", _agenda(letter, styles))],
                         styles, width, 85, indent=20))
    story += [Spacer(1, 8), Paragraph(
        "Mengingat pentingnya acara tersebut, kami mohon kehadiran Bapak/Ibu tepat pada "
        "waktunya. Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.",
        styles.body)]
    story.append(signature(styles, width, position=letter.signer_position,
                           name=letter.signer_name, rank=letter.signer_rank,
                           nip=letter.signer_nip))
    return story


def _invitee_list(letter: Invitation, styles: Styles, width: float) -> list[Flowable]:
    head = ParagraphStyle("head", parent=styles.cell, fontName=BOLD)
    rows = [[Paragraph(title, head) for title in ("No", "Nama", "Jabatan", "Instansi")]]
    for invitee in letter.invitees:
        rows.append([Paragraph(str(invitee.number), styles.cell),
                     Paragraph(text(invitee.name), styles.cell),
                     Paragraph(text(invitee.position) or "-", styles.cell),
                     Paragraph(text(invitee.agency) or "-", styles.cell)])
    table = LongTable(rows, colWidths=[width * share for share in (0.07, 0.31, 0.27, 0.35)],
                      repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    reference = label_lines([("Lampiran", "Surat Undangan"),
                         ("Nomor", letter.letter_number or BLANK_NUMBER),
                         ("Tanggal", letter.letter_date)], styles, width, 55,
                        indent=width * 0.5)
    return [PageBreak(), reference, Spacer(1, 10), Paragraph("DAFTAR UNDANGAN", styles.title),
            Paragraph(text(letter.meeting_title), styles.centered), Spacer(1, 6), table]


def invitation_story(letter: Invitation, width: float) -> list[Flowable]:
    styles = Styles(letter.letterhead)
    story = letterhead(letter.letterhead, styles, width) + _letter(letter, styles, width)
    if letter.addressed_to_list:
        story += _invitee_list(letter, styles, width)
    return story


def write_invitation(letter: Invitation, target: Path) -> Path:
    return write_portrait(target, letter.letterhead,
                          title=f"{letter.subject}: {letter.meeting_title}",
                          story=lambda width: invitation_story(letter, width))
