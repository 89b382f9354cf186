"""The embedded fonts: Liberation Sans, metric-compatible with Arial (SIL OFL)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR, BOLD, ITALIC, BOLD_ITALIC = "Sans", "Sans-Bold", "Sans-Italic", "Sans-BoldItalic"
_FILES = {REGULAR: "LiberationSans-Regular.ttf", BOLD: "LiberationSans-Bold.ttf",
          ITALIC: "LiberationSans-Italic.ttf", BOLD_ITALIC: "LiberationSans-BoldItalic.ttf"}


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular face's name."""
    folder = files("resources") / "fonts"
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
    # So that <b> and <i> in paragraphs pick the right embedded face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR
