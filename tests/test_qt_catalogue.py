"""Qt's own words have their own catalogue (resources/locale/id/LC_MESSAGES/qt.po):
compiled, shipped, and every translation keeps what Qt fills in or reads from it."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale" / "id" / "LC_MESSAGES"


def _entries():
    with open(LOCALE / "qt.po", "rb") as po:
        return [m for m in read_po(po, locale="id") if m.id]


def test_every_qt_word_is_translated_once():
    entries = _entries()
    assert [m.id for m in entries if not m.string] == []
    text = (LOCALE / "qt.po").read_text(encoding="utf-8")
    written = len(re.findall(r'^msgid "', text, flags=re.MULTILINE)) - 1  # less the header
    assert written == len(entries), "a (msgctxt, msgid) is written twice in qt.po"


def test_compiled_qt_catalogue_matches_its_source():
    with open(LOCALE / "qt.mo", "rb") as mo:
        compiled = {(m.context, m.id): m.string for m in read_mo(mo) if m.id}
    assert compiled == {(m.context, m.id): m.string for m in _entries()}, (
        "Run: pybabel compile -d resources/locale -D qt")


def test_translations_keep_qt_s_placeholders():
    """Qt fills %1, %2 (and %n) into the translation: each must still be there."""
    def placeholders(text):
        return sorted(re.findall(r"%(?:\d|n)", text))
    assert [m.id for m in _entries() if placeholders(m.id) != placeholders(m.string)] == []


def test_translations_keep_one_accelerator_where_qt_had_one():
    def accelerators(text):
        return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))
    assert [(m.id, m.string) for m in _entries()
            if accelerators(m.id) != accelerators(m.string)] == []


def test_the_package_ships_the_qt_catalogue():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["setuptools"]["package-data"]["resources"]
    for name in ("qt.po", "qt.mo"):
        path = f"locale/id/LC_MESSAGES/{name}"
        assert any(fnmatch.fnmatch(path, pattern) for pattern in shipped), path
