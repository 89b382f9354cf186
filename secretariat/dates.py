"""Dates and times written the Indonesian way ("Selasa, 2 Desember 2025", "09.00 WITA")."""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache

from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names

from secretariat.i18n import current_language


def long_date(value: date | None, locale: str | None = None) -> str:
    """Weekday and full date, by default in the language in use: 'Selasa, 2 Desember 2025'."""
    if value is None:
        return ""
    return _babel_format_date(value, "EEEE, d MMMM y", locale=locale or current_language())


def short_date(value: date | None, locale: str | None = None) -> str:
    """Day, month name and year: '2 Desember 2025'."""
    if value is None:
        return ""
    return _babel_format_date(value, "d MMMM y", locale=locale or current_language())


def abbreviated_date(value: date | None, locale: str | None = None) -> str:
    """Day, short month and year, for tight spaces such as chart labels: '2 Des 2025'."""
    if value is None:
        return ""
    return _babel_format_date(value, "d MMM y", locale=locale or current_language())


def clock(value: time | None, zone: str = "") -> str:
    """Official style uses a full stop between hours and minutes: '09.00 WITA'."""
    if value is None:
        return ""
    text = f"{value.hour:02d}.{value.minute:02d}"
    return f"{text} {zone}".strip()


_NUMERIC = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
# Eight digits run together, day first: what a clerk types without looking up from a paper.
_RUN_TOGETHER = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
# "15 Jan 2025", "15-Jan-2025" (as Excel writes it), "Rabu, 15 Januari 2025".
_WORDS = re.compile(r"^(?:\w+,\s*)?(\d{1,2})(?:\s+|\s*[-/]\s*)([^\W\d_]+)\.?"
                    r"(?:\s+|\s*[-/]\s*)(\d{4})$")


@cache
def _month_numbers() -> dict[str, int]:
    """Month names as people write them, Indonesian and English, long and short."""
    names: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.lower().rstrip(".")] = number
    # Abbreviations and older spellings still common in Indonesian offices' papers.
    names.update(agust=8, agt=8, ags=8, sept=9, nop=11, nopember=11, peb=2, pebruari=2)
    return names


def parse_written_date(text: str) -> date | None:
    """A date as a clerk writes it: "2026-03-31", "31-03-2026", "31/3/2026", "31.03.2026",
    "31032026", "31 Maret 2026", "31-Mar-2026", "Selasa, 31 Mar 2026". Always day before
    month. None for an empty text; ValueError when the text is no date."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = _NUMERIC.match(text) or _RUN_TOGETHER.match(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        return date(year, month, day)
    found = _WORDS.match(text)
    if found:
        named = _month_numbers().get(found[2].lower())
        if named is not None:
            return date(int(found[3]), named, int(found[1]))
    raise ValueError(text)
