"""The words of a search, and where a found record's text matches them.

A search word matches a word of the text that starts with it, ignoring case and accents:
"koor" finds "Koordinasi", "jose" finds "José". Punctuation separates words ("PP-TPPO" is
"pp" and "tppo"), as it does in the database's index.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
# Words shown either side of the first match in an excerpt.
EXCERPT_WORDS = 6


def fold(text: str) -> str:
    """Lower case without accents: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_words(text: str) -> list[str]:
    """The distinct words of what was typed, folded, in the order typed."""
    return list(dict.fromkeys(_WORD.findall(fold(text))))


def _matches(word: str, searched: list[str]) -> bool:
    folded = fold(word)
    return any(folded.startswith(term) for term in searched)


def matched_words(body: str, searched: list[str]) -> tuple[str, ...]:
    """The record's own words that a search word starts, as written, each once."""
    seen: dict[str, str] = {}
    for word in _WORD.findall(body):
        if _matches(word, searched):
            seen.setdefault(fold(word), word)
    return tuple(seen.values())


def excerpt(body: str, searched: list[str]) -> str:
    """A few words around the first match, so the clerk sees why the record was found."""
    words = body.split()
    for position, word in enumerate(words):
        if any(_matches(piece, searched) for piece in _WORD.findall(word)):
            start = max(0, position - EXCERPT_WORDS)
            end = min(len(words), position + EXCERPT_WORDS + 1)
            return ("…" if start else "") + " ".join(words[start:end]) + (
                "…" if end < len(words) else "")
    return ""
