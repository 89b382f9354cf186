"""How the screens write dates, times and numbers: the Indonesian way, through QLocale.

QLocale.setDefault is set at start to the language in use, so "2 Des 2025" in Indonesian
and "2 Dec 2025" in English come from Qt's own locale data.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QLocale

from secretariat.i18n import _


def short_date(value: date | None) -> str:
    return QLocale().toString(QDate(value), "d MMM yyyy") if value else ""


def long_date(value: date | None) -> str:
    """"Selasa, 2 Desember 2025"."""
    return QLocale().toString(QDate(value), "dddd, d MMMM yyyy") if value else ""


def month_title(year: int, month: int) -> str:
    return QLocale().toString(QDate(year, month, 1), "MMMM yyyy")


def clock(value: time | None, zone: str = "") -> str:
    """Official style: "09.00 WITA"."""
    if value is None:
        return ""
    return f"{value.hour:02d}.{value.minute:02d} {zone}".strip()


def time_span(start: time | None, end: time | None, zone: str, *,
              next_day: bool = False) -> str:
    """"09.00 – 12.00 WITA"; "20.00 – 01.00 WITA (next day)" for one past midnight."""
    if start is None:
        return ""
    if end is None:
        return clock(start, zone)
    span = f"{clock(start)} – {clock(end, zone)}"
    return f"{span} ({_('next day')})" if next_day else span


def number(value: int) -> str:
    return QLocale().toString(value)
