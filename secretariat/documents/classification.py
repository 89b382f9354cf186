"""Which copy of a document is written: the circulated copy, or the full one marked TERBATAS.

A commitment may be *terbatas* (confidential: `Commitment.confidential`), and a directory
holds people's own mobile numbers. A document that can hold either is written by default
as the copy that goes round (*salinan edaran*): the terbatas commitments are left out,
with a line saying how many, and personal numbers stay off it (UU 27/2022 PDP). The full
copy is written only when asked, and when it does hold terbatas content it is marked
TERBATAS at the top and bottom of every page, so it cannot be taken for the circulated one.
"""

from __future__ import annotations

from dataclasses import dataclass

TERBATAS = "TERBATAS"
CIRCULATED = "SALINAN EDARAN"


@dataclass(frozen=True)
class Classification:
    """What one written copy holds of the restricted content it could hold."""

    held: int = 0  # terbatas items printed in this copy: it is then marked TERBATAS
    left_out: int = 0  # terbatas items left out of this (circulated) copy

    @property
    def marking(self) -> str:
        """The mark on every page: "TERBATAS" when the copy holds terbatas content."""
        return TERBATAS if self.held else ""

    @property
    def footnote(self) -> str:
        """The small mark of a copy that may go round: "SALINAN EDARAN"."""
        return "" if self.held else CIRCULATED

    def left_out_note(self, what: str = "komitmen") -> str:
        """The line that explains the gaps in the numbering, "" when nothing was left out."""
        if not self.left_out:
            return ""
        return (f"({self.left_out} {what} bersifat {TERBATAS} tidak dimuat dalam salinan "
                "edaran ini)")


def classify(terbatas: int, *, full: bool) -> Classification:
    """The copy of a document with `terbatas` restricted items: full when asked, else
    circulated."""
    return Classification(held=terbatas, left_out=0) if full else Classification(
        held=0, left_out=terbatas)
