"""Arabic joined and right to left: a run shaped by HarfBuzz into characters ReportLab draws.

ReportLab sets a line left to right, one glyph per character. An Arabic run is shaped here
instead, once, as text: HarfBuzz picks each letter's joined form and the ligatures and
gives the glyphs in visual order (right to left, the last word leftmost); each glyph
becomes a character of its `ScriptFont` (a private code where it has none), which copies
out as the letters it stands for. Numbers inside the run stay left to right, as the
Unicode bidirectional algorithm places them.

What this does not do: marks (harakat) are drawn where the font puts them by default, not
moved onto their letter; and a run is set on one line (fonts.markup keeps it whole), so a
run wider than the whole column is cut by ReportLab like an overlong word, its pieces in
visual order. Names of agencies and phrases, the text this program meets, come out right.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import uharfbuzz

from exports.pdf.script_font import ScriptFont

# European and Arabic-Indic digits with the separators inside a number ("1.250", "21/2007").
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,:/][0-9\u0660-\u0669\u06f0-\u06f9]+)*")


def is_right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def visual(font: ScriptFont, run: str) -> str:
    """`run` (logical order, all in `font`) as the characters to draw left to right."""
    pieces: list[tuple[str, str]] = []  # (text, direction) in logical order
    position = 0
    for number in _NUMBER.finditer(run):
        if number.start() > position:
            pieces.append((run[position:number.start()], "rtl"))
        pieces.append((number.group(), "ltr"))
        position = number.end()
    if position < len(run):
        pieces.append((run[position:], "rtl"))
    return "".join(_shaped(font, text, direction) for text, direction in reversed(pieces))


def _shaped(font: ScriptFont, text: str, direction: str) -> str:
    buffer = uharfbuzz.Buffer()
    buffer.add_codepoints([ord(char) for char in text])
    buffer.guess_segment_properties()
    buffer.direction = direction
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    hb_font = _hb_font(font)
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True})
    # Each cluster's letters go with its first glyph; further glyphs of it copy as nothing.
    starts = sorted({info.cluster for info in buffer.glyph_infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    scale = 1000 / hb_font.face.upem
    seen: set[int] = set()
    characters = []
    glyphs = list(zip(buffer.glyph_infos, buffer.glyph_positions, strict=True))
    # Visual order; walk it in logical order so a cluster's letters go with its first glyph.
    order = range(len(glyphs) - 1, -1, -1) if direction == "rtl" else range(len(glyphs))
    for index in order:
        info, position = glyphs[index]
        letters = "" if info.cluster in seen else text[info.cluster:ends[info.cluster]]
        seen.add(info.cluster)
        characters.append((index, font.glyph_code(info.codepoint, letters,
                                                  position.x_advance * scale)))
    return "".join(char for _index, char in sorted(characters))


@cache
def _hb_font(font: ScriptFont) -> uharfbuzz.Font:
    face = uharfbuzz.Face(uharfbuzz.Blob(font.face._ttf_data))
    return uharfbuzz.Font(face)
