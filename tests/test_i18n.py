"""One translation system: every message in the code has its Indonesian translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from secretariat import i18n
from secretariat.errors import ValidationError
from secretariat.validation import clean_text

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale" / "id" / "LC_MESSAGES"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _source_messages() -> set[str]:
    found = set()
    for package in ("secretariat", "models", "ui", "exports"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, keywords=KEYWORDS
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _as_tuple(value) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _catalogue():
    with open(LOCALE / "secretariat.po", "rb") as po:
        return read_po(po, locale="id")


def test_every_message_in_the_code_is_translated_to_indonesian():
    translated = {_as_tuple(m.id)[0] for m in _catalogue() if m.id and all(_as_tuple(m.string))}
    missing = sorted(_source_messages() - translated)
    assert missing == [], "Run pybabel extract/update (README) and translate: " + repr(missing)


def test_compiled_catalogue_matches_its_source():
    with open(LOCALE / "secretariat.mo", "rb") as mo:
        compiled = {_as_tuple(m.id): _as_tuple(m.string) for m in read_mo(mo) if m.id}
    source = {_as_tuple(m.id): _as_tuple(m.string) for m in _catalogue() if m.id}
    assert compiled == source, "Run: pybabel compile -d resources/locale -D secretariat"


def test_core_messages_follow_the_chosen_language():
    i18n.set_language("en")
    try:
        clean_text("", i18n._("Name"), field="name", required=True)
    except ValidationError as error:
        english = error.message
    i18n.set_language("id")
    try:
        clean_text("", i18n._("Name"), field="name", required=True)
    except ValidationError as error:
        indonesian = error.message
    assert english == "Name must be filled in."
    assert indonesian == "Nama wajib diisi."


def test_unknown_language_falls_back_to_indonesian():
    assert i18n.set_language("xx") == "id"
    assert i18n._("Done") == "Selesai"
