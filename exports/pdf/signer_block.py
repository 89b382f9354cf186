"""The signature block of a surat dinas, from a `secretariat.documents.signer.Signer`.

On the right half, centred: the place and date where asked, the jabatan lines ("a.n. Ketua
Gugus Tugas …," then the signer's own jabatan, each with its comma), room to sign, the name
bold and underlined, pangkat/golongan, NIP (or "NRP …" for Polri/TNI). A signer nobody
named prints dotted lines to be completed by hand. Every letter and report that is signed
may call this one function; the block is a `page_breaks.SignatureBlock`, so it never
splits and keeps with the last lines of text above it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, TableStyle

from exports.pdf.layout import Styles, text
from exports.pdf.page_breaks import SignatureBlock
from secretariat.documents.signer import Signer

SIGNING_ROOM = 45  # points left blank above the name for the signature and stamp


def signer_block(styles: Styles, width: float, signer: Signer, *,
                 place_and_date: str = "") -> Flowable:
    lines = ([text(place_and_date)] if place_and_date else [])
    lines += [text(line) for line in signer.position_lines()]
    room = len(lines)  # the name's line gets the space above it
    lines.append(f"<b><u>{text(signer.name_line())}</u></b>")
    if signer.rank:
        lines.append(text(signer.rank))
    if signer.id_line():
        lines.append(text(signer.id_line()))
    rows = [["", Paragraph(line, styles.centered)] for line in lines]
    table = SignatureBlock(rows, colWidths=[width * 0.45, width * 0.55], spaceBefore=10)
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, room), (-1, room), SIGNING_ROOM)]))
    return table
