"""One translation system for the whole program: gettext catalogues built with Babel.

Messages are written in English in the code and translated from the catalogues in
`resources/locale`. Indonesian is the default language; English is the untranslated source.
The desktop interface uses the same catalogue (and loads Qt's own `qtbase` catalogue).
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from importlib.resources import files

DOMAIN = "secretariat"
DEFAULT_LANGUAGE = "id"
DOCUMENT_LANGUAGE = "id"  # official documents leave the office in Indonesian, always
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def locale_dir() -> str:
    return str(files("resources") / "locale")


def set_language(code: str | None = None) -> str:
    """Switch every later message to `code` ('id' or 'en'); returns the language in use."""
    global _translations, _language
    code = (code or os.environ.get("SECRETARIAT_LANG") or DEFAULT_LANGUAGE).lower()
    if code not in LANGUAGES:
        code = DEFAULT_LANGUAGE
    if code == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(DOMAIN, locale_dir(), languages=[code], fallback=True)
    _language = code
    return code


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


@cache
def _document_translations() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, locale_dir(), languages=[DOCUMENT_LANGUAGE],
                               fallback=True)


def in_documents(message: str) -> str:
    """`message` in the language of official documents, whatever the screens use."""
    return _document_translations().gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction where it is translated later (e.g. labels in tables)."""
    return message


set_language()
