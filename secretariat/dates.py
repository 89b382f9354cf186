"""Dates and times written the Indonesian way ("Selasa, 2 Desember 2025", "09.00 WITA")."""

from __future__ import annotations

from datetime import date, time

from babel.dates import format_date as _babel_format_date

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
