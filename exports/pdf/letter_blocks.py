"""The parts a surat dinas shares, as flowables: the Nomor/Sifat/Lampiran/Hal lines, the
addressee, and the Tembusan after the signature (see secretariat/documents/letter_parts.py
for the rules, exports/pdf/signer_block.py for the signature)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from exports.pdf.layout import Styles, label_lines, text
from secretariat.documents.letter_parts import Addressee, number_or_blank


def reference_lines(styles: Styles, width: float, *, number: str, nature: str,
                    attachment: str, subject: str) -> Table:
    """"Nomor : …" (a blank to number by hand when none), Sifat, Lampiran, Hal."""
    return label_lines([("Nomor", number_or_blank(number)), ("Sifat", nature),
                        ("Lampiran", attachment or "-"), ("Hal", subject)], styles, width, 70)


def addressee_lines(styles: Styles, addressee_lines: tuple[str, ...],
                    where: str = "di Tempat") -> list[Flowable]:
    """"Yth. …", "u.p. …" (or any lines a letter gives), then where it is delivered: one
    block, its lines close together as an address is written."""
    return [Paragraph(text(line), styles.cell) for line in (*addressee_lines, where)]


def addressee_block(styles: Styles, addressee: Addressee, where: str = "di Tempat"
                    ) -> list[Flowable]:
    return addressee_lines(styles, addressee.lines(), where)


def carbon_copy_block(styles: Styles, copies: tuple[str, ...]) -> list[Flowable]:
    """"Tembusan:" and the copies numbered, after the signature; nothing when none."""
    if not copies:
        return []
    # A long copy wraps under its text, not under its number.
    item = ParagraphStyle("tembusan", parent=styles.cell, leftIndent=14, firstLineIndent=-14)
    lines = [Paragraph("Tembusan:", styles.cell)]
    lines += [Paragraph(f"{number}. {text(copy)}", item)
              for number, copy in enumerate(copies, start=1)]
    return [Spacer(1, 14), KeepTogether(lines)]
