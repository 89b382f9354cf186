"""Surat undangan: the invitation to a meeting, on the letterhead (Tata Naskah Dinas).

Page one is the letter: place and date, the Nomor/Sifat/Lampiran/Hal block, the
addressee, the day, time, place and agenda, the signature and the Tembusan. With more than
one invitee the letter is addressed to the attached list, which follows on a page of its
own under "Lampiran Surat Undangan Nomor … Tanggal …".
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer, TableStyle

from exports.pdf.fonts import BOLD
from exports.pdf.layout import Styles, label_lines, letterhead, text, write_portrait
from exports.pdf.letter_blocks import (
    addressee_block,
    addressee_lines,
    carbon_copy_block,
    reference_lines,
)
from exports.pdf.signer_block import signer_block
from secretariat.documents.letter_parts import number_or_blank
from secretariat.meetings.invitations import Invitation, Invitee


def _agenda(letter: Invitation, styles: Styles) -> Flowable:
    if len(letter.agenda) == 1:
        return Paragraph(text(letter.agenda[0]), styles.body)
    numbered = "<br/>".join(f"{number}. {text(item)}"
                            for number, item in enumerate(letter.agenda, start=1))
    return Paragraph(numbered, styles.body)


def _addressee(letter: Invitation, styles: Styles) -> list[Flowable]:
    if letter.addressed_to_list:
        return addressee_lines(styles, ("Yth. Bapak/Ibu (daftar terlampir)",))
    return addressee_block(styles, letter.invitees[0].addressee)


def _letter(letter: Invitation, styles: Styles, width: float) -> list[Flowable]:
    right = ParagraphStyle("right", parent=styles.body, alignment=TA_RIGHT)
    attachment = "1 (satu) berkas" if letter.addressed_to_list else "-"
    story: list[Flowable] = [
        Spacer(1, 8), Paragraph(text(letter.place_and_date), right),
        reference_lines(styles, width, number=letter.letter_number, nature=letter.nature,
                        attachment=attachment, subject=letter.subject),
        Spacer(1, 10)]
    story += _addressee(letter, styles)
    story += [Spacer(1, 8), Paragraph(text(letter.opening), styles.body)]
    story.append(label_lines([("Hari/Tanggal", letter.day_and_date), ("Waktu", letter.time),
                              ("Tempat", letter.place), ("Acara", _agenda(letter, styles))],
                             styles, width, 85, indent=20))
    story += [Spacer(1, 8), Paragraph(text(letter.closing), styles.body),
              signer_block(styles, width, letter.signer)]
    story += carbon_copy_block(styles, letter.carbon_copies)
    return story


def _expected(invitee: Invitee) -> str:
    """The u.p. column: who is expected, by position and name (a person invited on his own
    is the addressee already)."""
    if not invitee.agency:
        return "-"
    lines = [f"{person.position} ({person.name})" if person.position else person.name
             for person in invitee.people]
    return "<br/>".join(text(line) for line in lines) or "-"


def _invitee_list(letter: Invitation, styles: Styles, width: float) -> list[Flowable]:
    head = ParagraphStyle("head", parent=styles.cell, fontName=BOLD)
    rows = [[Paragraph(title, head) for title in ("No", "Kepada Yth.", "u.p.")]]
    for invitee in letter.invitees:
        rows.append([Paragraph(str(invitee.number), styles.cell),
                     Paragraph(text(invitee.addressee.title), styles.cell),
                     Paragraph(_expected(invitee), styles.cell)])
    table = LongTable(rows, colWidths=[width * share for share in (0.07, 0.48, 0.45)],
                      repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    reference = label_lines([("Lampiran", "Surat Undangan"),
                             ("Nomor", number_or_blank(letter.letter_number)),
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
