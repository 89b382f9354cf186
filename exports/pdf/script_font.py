"""A TrueType font whose text copies out of the PDF as it was typed.

ReportLab writes a font's ToUnicode table (what a reader copies or searches) with four hex
digits a character, so an emoji beyond U+FFFF (🙏 U+1F64F) copies as a wrong letter; and a
glyph chosen by shaping (an Arabic letter's joined form, a ligature) has no character of
its own. `ScriptFont` writes that table itself, in UTF-16 as the PDF standard says, and
maps each shaped glyph back to the letters it stands for.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

# Codes for shaped glyphs, in Supplementary Private Use Area-A: never typed text, and far
# from the Basic Multilingual Plane's private area, which fonts use for their own glyphs.
_FIRST_PRIVATE = 0xF0000
# Arabic presentation forms and Latin ligatures: glyphs that stand for plainer letters.
_PRESENTATION_FORMS = ((0xFB00, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


class ScriptFont(TTFont):
    """A TTFont with a correct ToUnicode table and codes for glyphs shaped outside it."""

    def __init__(self, name: str, filename: str, subfont_index: int = 0) -> None:
        # ReportLab's own shaping stays off: ours (exports.pdf.shaping) runs only on the
        # runs that need it, where paragraph-wide shaping makes every document ~5x slower.
        super().__init__(name, filename, subfontIndex=subfont_index, shapable=False)
        self._private_text: dict[int, str] = {}
        self._private_codes: dict[tuple[int, str], int] = {}

    def covers(self, char: str) -> bool:
        return ord(char) in self.face.charToGlyph

    def glyph_code(self, glyph: int, letters: str, advance: float) -> str:
        """The character to draw `glyph` with, copied out as `letters`.

        A glyph that a character of the font's own map already stands for, with the same
        letters, is drawn with that character; any other gets a private code of its own
        (one per glyph and letters). `advance` is the width in 1/1000 em.
        """
        for code in self.face.glyphToChar.get(glyph, ()):
            if _copied_as(code) == letters:
                return chr(code)
        key = (glyph, letters)
        code = self._private_codes.get(key)
        if code is None:
            code = _FIRST_PRIVATE + len(self._private_codes)
            self._private_codes[key] = code
            self._private_text[code] = letters
            self.face.charToGlyph[code] = glyph
            self.face.charWidths[code] = advance
        return chr(code)

    def addObjects(self, doc):
        """ReportLab's font objects, then the ToUnicode tables replaced by ours."""
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            base_name = b"".join((SUBSETN(number), b"+", self.face.name,
                                  self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base_name)
            if stream is not None:
                stream.content = self._to_unicode(base_name, subset)

    def _to_unicode(self, base_name: str, subset: list[int]) -> str:
        entries = []
        for index, code in enumerate(subset):
            letters = self._private_text.get(code) or _copied_as(code)
            entries.append(f"<{index:02X}> <{letters.encode('utf-16-be').hex().upper()}>")
        return "\n".join([
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo", f"<< /Registry ({base_name})", f"/Ordering ({base_name})",
            "/Supplement 0", ">> def", f"/CMapName /{base_name} def", "/CMapType 2 def",
            "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
            f"{len(entries)} beginbfchar", *entries, "endbfchar", "endcmap",
            "CMapName currentdict /CMap defineresource pop", "end", "end"])


def _copied_as(code: int) -> str:
    """The letters a character of a font's map stands for: a presentation form as the
    letters it presents (U+FEFB "ﻻ" as "لا"), anything else as itself."""
    char = chr(code)
    if any(low <= code <= high for low, high in _PRESENTATION_FORMS):
        return unicodedata.normalize("NFKC", char)
    return char
