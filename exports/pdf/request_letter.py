"""Surat permintaan laporan perkembangan: an official letter to one agency (Tata Naskah Dinas).

Kop, place and date, the Nomor/Sifat/Lampiran/Hal block, the addressee, a table of the
open commitments with their due dates and last known status, the reply date, the
signature of the kop's office head (or for him) and the Tembusan.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, Table, TableStyle

from exports.pdf.fonts import BOLD
from exports.pdf.layout import Styles, letterhead, text, write_portrait
from exports.pdf.letter_blocks import addressee_block, carbon_copy_block, reference_lines
from exports.pdf.signer_block import signer_block
from secretariat.commitments.request_letters import RequestLetter
from secretariat.documents.letter_parts import is_pressing

SUBJECT = "Permintaan Laporan Perkembangan Tindak Lanjut Komitmen"


def _reference(letter: RequestLetter, styles: Styles, width: float) -> Table:
    # A security class belongs in Sifat beside the urgency (Tata Naskah Dinas).
    nature = f"{letter.nature}, Terbatas" if letter.classification.marking else letter.nature
    return reference_lines(styles, width, number=letter.letter_number, nature=nature,
                           attachment="-", subject=SUBJECT)


def _urgency(nature: str) -> str:
    """What the Sifat asks beyond the reply date: nothing for a routine letter."""
    if nature in ("Segera", "Sangat Segera"):
        return (" Mengingat laporan tersebut segera diperlukan sebagai bahan evaluasi gugus "
                "tugas, kami mohon perhatian Bapak/Ibu atas permintaan ini.")
    if is_pressing(nature):
        return " Laporan tersebut diperlukan sebagai bahan evaluasi pelaksanaan komitmen."
    return ""


def _commitments(letter: RequestLetter, styles: Styles, width: float) -> LongTable:
    head = ParagraphStyle("head", parent=styles.small, fontName=BOLD)
    header = [Paragraph(title, head) for title in
              ("No", "Komitmen", "Disepakati pada", "Batas Waktu", "Status Terakhir")]
    rows = [header]
    for index, entry in enumerate(letter.commitments, start=1):
        status = entry.status + (f" ({entry.progress}%)" if entry.progress else "")
        rows.append([Paragraph(str(index), styles.small), Paragraph(text(entry.text), styles.small),
                     Paragraph(text(entry.meeting), styles.small),
                     Paragraph(text(entry.due_date), styles.small),
                     Paragraph(text(status), styles.small)])
    widths = [0.06, 0.42, 0.22, 0.13, 0.17]
    table = LongTable(rows, colWidths=[width * share for share in widths], repeatRows=1,
                      splitInRow=1)  # a very long commitment flows over the page
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def request_story(letter: RequestLetter, width: float) -> list[Flowable]:
    styles = Styles(letter.letterhead)
    right = ParagraphStyle("right", parent=styles.body, alignment=TA_RIGHT)
    story = letterhead(letter.letterhead, styles, width)
    story += [Spacer(1, 8), Paragraph(text(letter.place_and_date), right),
              _reference(letter, styles, width), Spacer(1, 10),
              *addressee_block(styles, letter.addressee), Spacer(1, 8)]
    story.append(Paragraph(
        "Dalam rangka pemantauan tindak lanjut komitmen yang disepakati dalam rapat "
        f"koordinasi {text(letter.task_force)}, bersama ini kami mohon Bapak/Ibu menyampaikan "
        "laporan perkembangan tindak lanjut atas komitmen berikut, dengan "
        f"{text(letter.agency_name)} sebagai penanggung jawab:", styles.body))
    story += [_commitments(letter, styles, width), Spacer(1, 8)]
    deadline = (f"paling lambat tanggal {text(letter.reply_by)}" if letter.reply_by
                else "dalam kesempatan pertama")
    story.append(Paragraph(
        "Laporan perkembangan beserta bukti dukung (surat, foto kegiatan, laporan) mohon "
        f"disampaikan kepada Sekretariat Gugus Tugas {deadline}.{_urgency(letter.nature)}",
        styles.body))
    story.append(Paragraph("Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima "
                           "kasih.", styles.body))
    story.append(signer_block(styles, width, letter.signer))
    story += carbon_copy_block(styles, letter.carbon_copies)
    return story


def write_request_letter(letter: RequestLetter, target: Path) -> Path:
    return write_portrait(target, letter.letterhead, title=SUBJECT,
                          story=lambda width: request_story(letter, width),
                          marking=letter.classification.marking)
