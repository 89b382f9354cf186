"""Indonesia's 38 provinces by Kemendagri code, with the time zone each keeps.

Typing "63" in Gugus Tugas fills in "Kalimantan Selatan" and WITA: the province's time zone
decides how every meeting time of its task forces is printed, so it should not depend on
the clerk's memory. Codes follow the Kemendagri coding of regions (the four Papua provinces
formed in 2022 are 93-96); time zones follow the division of Keppres 41/1987. A code not
listed here (a province formed later) is still accepted with the name and zone typed in.
"""

from __future__ import annotations

from models.enums import TimeZone

WIB, WITA, WIT = TimeZone.WIB, TimeZone.WITA, TimeZone.WIT

PROVINCES: dict[str, tuple[str, TimeZone]] = {
    "11": ("Aceh", WIB),
    "12": ("Sumatera Utara", WIB),
    "13": ("Sumatera Barat", WIB),
    "14": ("Riau", WIB),
    "15": ("Jambi", WIB),
    "16": ("Sumatera Selatan", WIB),
    "17": ("Bengkulu", WIB),
    "18": ("Lampung", WIB),
    "19": ("Kepulauan Bangka Belitung", WIB),
    "21": ("Kepulauan Riau", WIB),
    "31": ("DKI Jakarta", WIB),
    "32": ("Jawa Barat", WIB),
    "33": ("Jawa Tengah", WIB),
    "34": ("Daerah Istimewa Yogyakarta", WIB),
    "35": ("Jawa Timur", WIB),
    "36": ("Banten", WIB),
    "51": ("Bali", WITA),
    "52": ("Nusa Tenggara Barat", WITA),
    "53": ("Nusa Tenggara Timur", WITA),
    "61": ("Kalimantan Barat", WIB),
    "62": ("Kalimantan Tengah", WIB),
    "63": ("Kalimantan Selatan", WITA),
    "64": ("Kalimantan Timur", WITA),
    "65": ("Kalimantan Utara", WITA),
    "71": ("Sulawesi Utara", WITA),
    "72": ("Sulawesi Tengah", WITA),
    "73": ("Sulawesi Selatan", WITA),
    "74": ("Sulawesi Tenggara", WITA),
    "75": ("Gorontalo", WITA),
    "76": ("Sulawesi Barat", WITA),
    "81": ("Maluku", WIT),
    "82": ("Maluku Utara", WIT),
    "91": ("Papua", WIT),
    "92": ("Papua Barat", WIT),
    "93": ("Papua Selatan", WIT),
    "94": ("Papua Tengah", WIT),
    "95": ("Papua Pegunungan", WIT),
    "96": ("Papua Barat Daya", WIT),
}


def known_province(code: str) -> tuple[str, TimeZone] | None:
    """The name and time zone of the province with this code, if it is one of the 38."""
    return PROVINCES.get(code.strip())
