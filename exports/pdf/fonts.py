"""The embedded fonts, and a font for every character of user text.

Documents are set in Liberation Sans, metric-compatible with Arial (SIL OFL). A character
it lacks (an agency's Arabic name, a ✅ pasted from WhatsApp, Chinese) is set in the first
font of the chain that has it: the Noto fonts shipped in resources/fonts (Naskh Arabic,
Symbols 2, Emoji in outline, Symbols; SIL OFL), then the computer's own (system_fonts: CJK
above all). `markup` splits user text into runs per font for ReportLab's paragraph markup:
a combining mark stays with its letter, and spaces and digits between Arabic words stay in
their run, so an Arabic phrase is shaped and turned right to left as a whole
(exports.pdf.shaping). `drawn` does the same for a string drawn in one font (a chart's
label). `unprintable` names the characters no font has, for a warning before the export.
`EmbeddedFontsCanvas` sees that no PDF names a font it does not carry.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from functools import cache
from importlib.resources import files
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from exports.pdf import shaping, system_fonts
from exports.pdf.script_font import ScriptFont

REGULAR, BOLD, ITALIC, BOLD_ITALIC = "Sans", "Sans-Bold", "Sans-Italic", "Sans-BoldItalic"
_FILES = {REGULAR: "LiberationSans-Regular.ttf", BOLD: "LiberationSans-Bold.ttf",
          ITALIC: "LiberationSans-Italic.ttf", BOLD_ITALIC: "LiberationSans-BoldItalic.ttf"}
# The shipped fallbacks, in the order they are tried after Liberation Sans. One face each:
# inside bold text they print regular.
ARABIC, SYMBOLS_2 = "Noto-NaskhArabic", "Noto-Symbols2"
EMOJI, SYMBOLS = "Noto-Emoji", "Noto-Symbols"
_FALLBACK_FILES = {ARABIC: "NotoNaskhArabic-Regular.ttf",
                   SYMBOLS_2: "NotoSansSymbols2-Regular.ttf",
                   EMOJI: "NotoEmoji-Regular.ttf", SYMBOLS: "NotoSansSymbols-Regular.ttf"}
# Spaces, punctuation, digits and signs: they take the font of the text around them.
_NEUTRAL = ("Zs", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Pc", "Nd", "Sm", "Sc", "Sk")
_JOINER = "\u200d"
# Tabs, returns and form feeds separate words as a space does; in a font they are boxes.
_SPACES = str.maketrans({"\t": " ", "\r": " ", "\v": " ", "\f": " "})


def _folder():
    return files("resources") / "fonts"


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular face's name."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(ScriptFont(name, str(_folder() / file_name)))
    # So that <b> and <i> in paragraphs pick the right embedded face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR


# ReportLab's built-in fonts (never embedded) as our faces of the same weight and slant.
_BUILT_IN = {"": REGULAR, "-Bold": BOLD, "-Oblique": ITALIC, "-Italic": ITALIC,
             "-BoldOblique": BOLD_ITALIC, "-BoldItalic": BOLD_ITALIC, "-Roman": REGULAR}


class EmbeddedFontsCanvas(Canvas):
    """A canvas that declares no font it does not embed.

    ReportLab starts every canvas, table cell and chart in Helvetica or Times-Roman, which a
    PDF then names without carrying it: a PDF/A or electronic-signature check refuses such
    a file. This canvas starts in Liberation Sans and sets any built-in font as the
    Liberation face of the same weight and slant.
    """

    def __init__(self, *args, **kwargs):
        # Document templates pass initialFontName=None: the default then is Helvetica.
        kwargs["initialFontName"] = embedded_name(kwargs.get("initialFontName") or register_fonts())
        super().__init__(*args, **kwargs)

    def setFont(self, psfontname, size, leading=None):
        super().setFont(embedded_name(psfontname), size, leading)


def embedded_name(font_name: str) -> str:
    """`font_name`, or for a ReportLab built-in font (Helvetica-Bold) our face like it."""
    for family in ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats"):
        if font_name.startswith(family):
            return _BUILT_IN.get(font_name[len(family):], REGULAR)
    return font_name


@cache
def _shipped_fallbacks() -> tuple[ScriptFont, ...]:
    register_fonts()
    fonts = tuple(ScriptFont(name, str(_folder() / file_name))
                  for name, file_name in _FALLBACK_FILES.items())
    for font in fonts:
        pdfmetrics.registerFont(font)
    return fonts


@cache
def _regular_characters() -> frozenset[str]:
    register_fonts()
    return frozenset(map(chr, pdfmetrics.getFont(REGULAR).face.charToGlyph))


@cache
def _font_for(char: str) -> ScriptFont | None:
    """The first font of the chain that has `char`; None when none has it."""
    regular = pdfmetrics.getFont(register_fonts())
    if regular.covers(char):
        return regular
    for font in _shipped_fallbacks():
        if font.covers(char):
            return font
    for font in system_fonts.fonts_for(char):
        if font.covers(char):
            return font
    return None


def _invisible(char: str) -> bool:
    """Control and format characters (line ends, joiners, variation selectors, direction
    marks): they print as nothing, so no font is looked up for them."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or (
        0xFE00 <= ord(char) <= 0xFE0F)


def unprintable(value: str) -> set[str]:
    """The characters of `value` that no font has: they would print as empty boxes."""
    if not value or value.isascii():
        return set()
    value = unicodedata.normalize("NFC", value)
    if set(value) <= _regular_characters():
        return set()
    return {char for char in set(value) if not _invisible(char) and _font_for(char) is None}


def unprintable_in(content: object) -> set[str]:
    """The characters no font has in all the text of a report object (its dataclass fields,
    tuples, lists and dicts, walked through), for a warning before its PDF is written.
    Rows a report streams from the database (a callable) are not read."""
    found: set[str] = set()
    pending = [content]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found |= unprintable(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            pending.extend(getattr(item, field.name) for field in dataclasses.fields(item))
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            pending.extend(item)
    return found


def _clusters(value: str) -> list[str]:
    """The text as letters with their combining marks (and emoji with their joiners, skin
    tones and variation selectors), which must not be torn apart into two fonts."""
    clusters: list[str] = []
    for char in value:
        if clusters and _joins(clusters[-1], char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _joins(cluster: str, char: str) -> bool:
    code = ord(char)
    return (cluster.endswith(_JOINER) or char == _JOINER
            or unicodedata.category(char) in ("Mn", "Mc", "Me")
            or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF)


def _cluster_font(cluster: str) -> ScriptFont:
    """The first font that has the whole cluster (invisible characters aside), else the
    one that has its letter, else Liberation Sans (an empty box, named by `unprintable`)."""
    base = cluster[0]
    if _invisible(base):
        return pdfmetrics.getFont(REGULAR)
    needed = [char for char in cluster if not _invisible(char)]
    font = _font_for(base)
    if font is None:
        return pdfmetrics.getFont(REGULAR)
    if all(font.covers(char) for char in needed):
        return font
    for other in (_font_for(char) for char in needed[1:]):
        if other is not None and all(other.covers(char) for char in needed):
            return other
    return font


def font_runs(value: str) -> list[tuple[ScriptFont, str]]:
    """`value` (one line) as (font, text) runs in logical order."""
    clusters = _clusters(unicodedata.normalize("NFC", value))
    fonts: list[ScriptFont | None] = [
        None if len(cluster) == 1 and unicodedata.category(cluster) in _NEUTRAL
        else _cluster_font(cluster) for cluster in clusters]
    # Neutrals between two right-to-left runs of one font that has them join it, so that
    # the phrase is turned as a whole; others take their own (an emoji font's space is
    # an em wide).
    index = 0
    while index < len(clusters):
        if fonts[index] is not None:
            index += 1
            continue
        end = index
        while end < len(clusters) and fonts[end] is None:
            end += 1
        before = fonts[index - 1] if index else None
        after = fonts[end] if end < len(clusters) else None
        right_to_left = (0 < index and end < len(clusters)
                         and shaping.is_right_to_left(clusters[index - 1][0])
                         and shaping.is_right_to_left(clusters[end][0]))
        for neutral in range(index, end):
            shared = (before is not None and before is after and right_to_left
                      and before.covers(clusters[neutral]))
            fonts[neutral] = before if shared else _cluster_font(clusters[neutral])
        index = end
    runs: list[tuple[ScriptFont, str]] = []
    for font, cluster in zip(fonts, clusters, strict=True):
        assert font is not None
        visible = "".join(char for char in cluster if font.covers(char) or not _invisible(char))
        if runs and runs[-1][0] is font:
            runs[-1] = (font, runs[-1][1] + visible)
        elif visible:
            runs.append((font, visible))
    return runs


def markup(value: str) -> str:
    """One line of user text as ReportLab paragraph markup: escaped, each run in its font,
    right-to-left runs shaped and in visual order."""
    if value.isascii() and value.isprintable():
        return escape(value)  # nearly all text, at the cost of escaping it
    # Composed: "e" + U+0301 prints as Liberation's own "é", not a mark placed by guess.
    value = unicodedata.normalize("NFC", value)
    if set(value) <= _regular_characters():
        return escape(value)  # Indonesian, other Latin, Greek, Cyrillic
    value = value.translate(_SPACES)
    parts = []
    for font, run in font_runs(value):
        if font.fontName == REGULAR:
            parts.append(escape(run))
            continue
        if any(shaping.is_right_to_left(char) for char in run):
            # In visual order, a line break inside the run would put its last words on
            # the first line: the run is kept whole (no-break spaces) and moves down whole.
            run = shaping.visual(font, run).replace(" ", "\xa0")
        parts.append(f'<font name="{font.fontName}">{escape(run)}</font>')
    return "".join(parts)


def drawn(value: str) -> tuple[str, str]:
    """A string drawn in one font (a chart's label): the first font that has all of `value`
    (Liberation Sans where it does; for Latin mixed with Arabic a system font such as Arial
    or DejaVu Sans) and the characters to draw, Arabic shaped right to left. Where no font
    has them all, Liberation Sans: the table beside the chart gives the name in full."""
    value = unicodedata.normalize("NFC", value.translate(_SPACES))
    regular = pdfmetrics.getFont(register_fonts())
    missing = [char for char in value if not regular.covers(char)]
    if not missing:
        return REGULAR, value
    needed = {char for char in value if not _invisible(char)}
    candidates = [*_shipped_fallbacks(), *system_fonts.fonts_for(missing[0])]
    font = next((font for font in candidates if all(map(font.covers, needed))), None)
    if font is None:
        return REGULAR, value
    characters = [shaping.visual(font, run)
                  if any(shaping.is_right_to_left(char) for char in run) else run
                  for _font, run in font_runs(value)]
    return font.fontName, "".join(char for char in "".join(characters)
                                  if font.covers(char) or not _invisible(char))
