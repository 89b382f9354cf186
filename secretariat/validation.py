"""Input cleaning and checks shared by the use cases.

Text from a clerk can hold anything that was pasted: control characters, markup, formulas.
The core stores it faithfully but without invisible control characters, so documents and
spreadsheets built from it later cannot be broken by them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Literal, overload

from secretariat.dates import parse_written_date
from secretariat.errors import ValidationError
from secretariat.i18n import _

_LINE_BREAKS = {"\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,25}$")
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


def clean_text(
    value: str | None,
    label: str,
    *,
    field: str,
    required: bool = False,
    max_length: int | None = None,
    multiline: bool = False,
) -> str:
    """Strip, drop control characters, then check presence and length."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in text:
        if char in _LINE_BREAKS:
            # Word's manual line and page breaks separate words; never glue them together.
            kept.append("\n" if multiline else " ")
        elif char == "\t":
            kept.append("\t" if multiline else " ")
        elif unicodedata.category(char) in ("Cc", "Cs"):
            kept.append("")
        else:
            kept.append(char)
    text = "".join(kept).strip()
    if not multiline:
        text = re.sub(r"\s{2,}", " ", text)
    if required and not text:
        raise ValidationError(_("{field} must be filled in.").format(field=label), field=field)
    if max_length is not None and len(text) > max_length:
        raise ValidationError(
            _("{field} is too long: at most {limit} characters, this has {count}.").format(
                field=label, limit=max_length, count=len(text)
            ),
            field=field,
        )
    return text


def check_email(value: str, *, field: str = "email") -> str:
    text = clean_text(value, _("E-mail"), field=field, max_length=160)
    if text and not _EMAIL.match(text):
        raise ValidationError(
            _("'{value}' is not an e-mail address.").format(value=text), field=field
        )
    return text


def check_phone(value: str, *, field: str = "phone") -> str:
    text = clean_text(value, _("Phone"), field=field, max_length=60)
    if text and not _PHONE.match(text):
        raise ValidationError(
            _("'{value}' is not a telephone number.").format(value=text), field=field
        )
    return text


def check_nip(value: str, *, field: str = "nip") -> str:
    """A civil servant's NIP has 18 digits; spaces people type are removed."""
    text = clean_text(value, "NIP", field=field).replace(" ", "")
    if text and not (text.isdigit() and len(text) == 18):
        raise ValidationError(_("A NIP has 18 digits."), field=field)
    return text


def check_nrp(value: str, *, field: str = "nrp") -> str:
    """A member of Polri or TNI has an NRP of 8 digits instead of an NIP."""
    text = clean_text(value, "NRP", field=field).replace(" ", "")
    if text and not (text.isdigit() and len(text) == 8):
        raise ValidationError(_("An NRP (Polri/TNI) has 8 digits."), field=field)
    return text


def split_nip_or_nrp(value: str) -> tuple[str, str]:
    """One field that takes either number (a letter's signer): 8 digits are an NRP,
    anything else is checked as an NIP. Returns (nip, nrp)."""
    text = clean_text(value, "NIP", field="nip").replace(" ", "")
    if text.isdigit() and len(text) == 8:
        return "", text
    return text, ""


def id_number_line(nip: str, nrp: str) -> str:
    """The person's number as a signature or a list prints it: "NIP. 1966…" or
    "NRP 12345678" (Polri and TNI write their NRP without the point)."""
    if nrp:
        return f"NRP {nrp}"
    return f"NIP. {nip}" if nip else ""


@overload
def check_date(value: date | None, label: str, *, field: str,
               required: Literal[True]) -> date: ...
@overload
def check_date(value: date | None, label: str, *, field: str,
               required: bool = False) -> date | None: ...
def check_date(value: date | None, label: str, *, field: str,
               required: bool = False) -> date | None:
    if value is None:
        if required:
            raise ValidationError(_("{field} must be filled in.").format(field=label), field=field)
        return None
    if not isinstance(value, date):
        raise ValidationError(_("{field} is not a date.").format(field=label), field=field)
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("{field}: the year {year} is not plausible.").format(field=label, year=value.year),
            field=field,
        )
    return value


def read_written_date(text: str, label: str, *, field: str,
                      required: bool = False) -> date | None:
    """A date typed by a clerk, read as `parse_written_date` reads it and held to the same
    rules as `check_date`. A text that is no date is refused quoting it, with the forms
    that are understood, so the clerk can correct it rather than guess."""
    try:
        value = parse_written_date(text)
    except ValueError:
        raise ValidationError(
            _("{field}: '{text}' is not a date; write it as 15-01-2025 or 15 January 2025.")
            .format(field=label, text=text.strip()), field=field) from None
    return check_date(value, label, field=field, required=required)


def check_percent(value: int, *, field: str = "progress") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValidationError(_("Progress must be a whole number from 0 to 100."), field=field)
    return value
