"""A workbook's copy marked as the PDF's: TERBATAS in the printed header and footer and on
its top line, or "SALINAN EDARAN" small in the footer of the copy that goes round."""

from __future__ import annotations

from secretariat.documents.classification import Classification

# Excel's header/footer codes: &B toggles bold, &8 sets 8-point type.
_BOLD = "&B{text}&B"
_SMALL = "&8{text}"


def mark_sheet(sheet, classification: Classification) -> None:
    """The printed header and footer of `sheet` (after `set_up_printing`)."""
    if classification.marking:
        # Above the document's title the page header already carries.
        title = sheet.oddHeader.center.text
        sheet.oddHeader.center.text = "\n".join(
            part for part in (_BOLD.format(text=classification.marking), title) if part)
        # Under the page number, centred at the foot as at the top (as on the PDF's pages).
        number = sheet.oddFooter.center.text
        sheet.oddFooter.center.text = "\n".join(
            part for part in (number, _BOLD.format(text=classification.marking)) if part)
    if classification.footnote:
        sheet.oddFooter.right.text = _SMALL.format(text=classification.footnote)


def marked_title(title: str, classification: Classification) -> str:
    """The sheet's top line: "TERBATAS — title" on the full copy, the title otherwise."""
    return f"{classification.marking} — {title}" if classification.marking else title
