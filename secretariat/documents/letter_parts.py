"""The parts every surat dinas shares: Sifat, the Nomor left blank, the addressee, Tembusan.

Tata Naskah Dinas (Permendagri 1/2023): a letter carries Nomor, Sifat (Biasa, Penting,
Segera, Sangat Segera), Lampiran and Hal; it is addressed to the office holder
("Yth. Kepala Kejaksaan Tinggi Kalimantan Selatan"), the unit or person who handles it
after *u.p.*; copies (*Tembusan*) are listed after the signature. An unnumbered letter
shows a blank to be numbered by hand when it is registered as sent, never "-".
Every letter of the program (the invitation, the request letter, the agency rounds'
letters) builds these parts here, so they read alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from secretariat.errors import ValidationError
from secretariat.i18n import _

# "Sifat" of a letter, from ordinary to most urgent.
NATURES = ("Biasa", "Penting", "Segera", "Sangat Segera")
# How a letter is signed (secretariat/documents/signer.py), in the order a dialog offers
# them; "" is the head signing himself. Here, free of the database, for the command line.
ON_BEHALF, ACTING, DAILY_EXECUTIVE, FOR_HIM = "a.n.", "Plt.", "Plh.", "u.b."
SIGNER_FORMS = ("", ON_BEHALF, ACTING, DAILY_EXECUTIVE, FOR_HIM)
BLANK_NUMBER = "…………/…………/…………"
MAX_CARBON_COPIES = 15
# A number, letter or dash a clerk types before a Tembusan line: the letter numbers them.
_TYPED_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-–•*])\s*", re.IGNORECASE)


def check_nature(nature: str) -> str:
    if nature not in NATURES:
        raise ValidationError(_("Choose how urgent the letter is: {natures}.").format(
            natures=", ".join(NATURES)), field="nature")
    return nature


def is_pressing(nature: str) -> bool:
    """Penting and above: the letter may say the matter is important."""
    return NATURES.index(nature) >= NATURES.index("Penting")


def number_or_blank(number: str) -> str:
    return number.strip() or BLANK_NUMBER


@dataclass(frozen=True)
class Addressee:
    """"Yth. <title>", then "u.p. <attention>" where a unit or person handles it."""

    title: str
    attention: str = ""

    def lines(self) -> tuple[str, ...]:
        return ("Yth. " + self.title, *(("u.p. " + self.attention,) if self.attention else ()))


def office_addressee(office_title: str, agency_name: str, attention: str = "") -> Addressee:
    """The office holder by title; "Pimpinan <agency>" only where no title is recorded."""
    title = office_title.strip() or (f"Pimpinan {agency_name.strip()}" if agency_name.strip()
                                     else "")
    return Addressee(title, attention.strip())


def holds_office(position: str, office_title: str) -> bool:
    """Whether a person's position is the office's head itself: "Kepala Dinas" of "Kepala
    Dinas Sosial Provinsi …", or "Ketua FKUB Kabupaten Bengkayang" of "Ketua Forum
    Kerukunan Umat Beragama Kabupaten Bengkayang" (an acronym of the title's words)."""
    if not (position.strip() and office_title.strip()):
        return False
    title = office_title.split()
    wanted = [_spelled_out(word, title) for word in position.split()]
    return " ".join(title).casefold().startswith(" ".join(wanted).casefold())


def _spelled_out(word: str, title: list[str]) -> str:
    """An upper-case acronym in a position, written out as the title has it, if it does."""
    if len(word) < 3 or not word.isupper():
        return word
    for start in range(len(title)):
        end = start + len(word)
        run = title[start:end]
        if len(run) == len(word) and "".join(w[0] for w in run) == word:
            return " ".join(run)
    return word


def check_carbon_copies(value: str) -> tuple[str, ...]:
    """The Tembusan lines of a letter from what was typed, one addressee per line."""
    # Imported here: the command line reads NATURES and SIGNER_FORMS at start, and the
    # validation module brings the date parsing (babel) with it, 30 ms before any window.
    from secretariat.validation import clean_text

    text = clean_text(value, _("Carbon copies"), field="carbon_copies", max_length=2000,
                      multiline=True)
    lines = tuple(_TYPED_NUMBERING.sub("", line).strip() for line in text.splitlines())
    lines = tuple(line for line in lines if line)
    if len(lines) > MAX_CARBON_COPIES:
        raise ValidationError(_("At most {limit} carbon copies, one per line; this has "
                                "{count}.").format(limit=MAX_CARBON_COPIES, count=len(lines)),
                              field="carbon_copies")
    return lines
