"""Fonts of the computer, for what the shipped fonts lack: Chinese, Japanese, Korean above all.

A CJK font is 15-20 MB, too much to ship with every copy, and every office PC has one:
Windows has Microsoft YaHei, SimSun, Malgun Gothic and Yu Gothic under C:\\Windows\\Fonts,
Linux desktops Droid Sans Fallback or WenQuanYi, macOS STHeiti. They are found by file
name in the system's font folders when a character first needs them, and loaded once.
Only TrueType outlines can be embedded by ReportLab: a font with PostScript outlines (Noto
Sans CJK's .ttc, PingFang) or one whose licence forbids embedding is passed over.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from exports.pdf.script_font import ScriptFont

log = logging.getLogger(__name__)

# Hangul Jamo, CJK radicals to ideographs (with kana, bopomofo, Hangul, enclosed forms),
# Hangul syllables, compatibility ideographs and forms, full-width forms, the extensions.
_CJK_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
               (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


@dataclass(frozen=True)
class Candidate:
    file_name: str
    subfont: int = 0
    cjk_only: bool = True  # tried only for CJK characters: no 20 MB load for a stray symbol

    @property
    def font_name(self) -> str:
        return f"System-{Path(self.file_name).stem.replace(' ', '')}-{self.subfont}"


# In the order they are tried; a system has few of them.
CANDIDATES = (
    # Windows: Simplified Chinese, Traditional, Japanese, Korean.
    Candidate("msyh.ttc"), Candidate("simsun.ttc"), Candidate("msjh.ttc"),
    Candidate("YuGothR.ttc"), Candidate("meiryo.ttc"), Candidate("msgothic.ttc"),
    Candidate("malgun.ttf"),
    # Linux (fonts-droid-fallback, fonts-wqy-*, fonts-arphic-*, fonts-ipafont, fonts-nanum).
    Candidate("DroidSansFallbackFull.ttf"), Candidate("DroidSansFallback.ttf"),
    Candidate("wqy-zenhei.ttc"), Candidate("wqy-microhei.ttc"), Candidate("uming.ttc"),
    Candidate("ipag.ttf"), Candidate("NanumGothic.ttf"),
    # macOS.
    Candidate("STHeiti Light.ttc"), Candidate("AppleGothic.ttf"),
    # Wide fonts for any other script or symbol (Arial and DejaVu Sans have Arabic and
    # Hebrew with Latin: a chart's label mixing them fits in one of them).
    Candidate("arial.ttf", cjk_only=False), Candidate("Arial Unicode.ttf", cjk_only=False),
    Candidate("arialuni.ttf", cjk_only=False),
    Candidate("seguisym.ttf", cjk_only=False), Candidate("DejaVuSans.ttf", cjk_only=False),
    Candidate("FreeSans.ttf", cjk_only=False),
)


def font_folders() -> list[Path]:
    """Where this system keeps fonts, the user's own folders included."""
    home = Path.home()
    if sys.platform == "win32":
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    data_dirs = (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    return [data_home / "fonts", home / ".fonts"] + [Path(d) / "fonts" for d in data_dirs if d]


@cache
def font_files() -> dict[str, Path]:
    """Every font file under the font folders, by lower-case file name (first one wins)."""
    found: dict[str, Path] = {}
    for folder in font_folders():
        for root, _dirs, names in os.walk(folder):
            for name in names:
                found.setdefault(name.lower(), Path(root) / name)
    return found


def installed() -> list[Candidate]:
    """The candidates whose file this system has (loadable or not)."""
    files = font_files()
    return [candidate for candidate in CANDIDATES if candidate.file_name.lower() in files]


def fonts_for(char: str) -> Iterator[ScriptFont]:
    """The system's fonts that may have `char`, loaded on first use, in order of preference."""
    cjk = is_cjk(char)
    for candidate in installed():
        if candidate.cjk_only and not cjk:
            continue
        font = _load(candidate)
        if font is not None:
            yield font


@cache
def _load(candidate: Candidate) -> ScriptFont | None:
    path = font_files()[candidate.file_name.lower()]
    try:
        font = ScriptFont(candidate.font_name, str(path), subfont_index=candidate.subfont)
    except Exception as problem:  # a font that will not load is passed over, whatever ails it
        log.info("System font %s not usable in PDFs: %s", path, problem)
        return None
    pdfmetrics.registerFont(font)
    return font
