"""The words of a search, and where a found record's text matches them.

A search word matches a word of the text that starts with it, ignoring case and accents:
"koor" finds "Koordinasi", "jose" finds "José". Punctuation separates words ("PP-TPPO" is
"pp" and "tppo"), as it does in the database's index.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter

_WORD = re.compile(r"[^\W_]+")
# Words shown before and after the match in an excerpt: few before, so a narrow column
# still shows the match itself.
WORDS_BEFORE, WORDS_AFTER = 2, 10


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
    """A few words around the best match, so the clerk sees why the record was found.

    The best place holds the most search words, the rarer ones counting more: for
    "rakor perda" the sentence about the Perda, not the first of many "Rakor"."""
    words = body.split()
    hits: list[tuple[int, str]] = []  # (position, search word)
    for position, word in enumerate(words):
        for piece in _WORD.findall(word):
            folded = fold(piece)
            hits += [(position, term) for term in searched if folded.startswith(term)]
    if not hits:
        return ""
    count = Counter(term for _position, term in hits)
    positions = [position for position, _term in hits]  # ascending, as found

    def weight(start: int) -> float:
        # Only the hits inside the window, found by bisection: a commitment with fifty
        # follow-ups holds hundreds of matches of a common word.
        first, last = bisect_left(positions, start), bisect_right(positions, start + WORDS_AFTER)
        return sum(1 / count[term] for term in {term for _p, term in hits[first:last]})

    best = max(dict.fromkeys(position for position, _term in hits), key=weight)
    start = max(0, best - WORDS_BEFORE)
    end = min(len(words), best + WORDS_AFTER + 1)
    return ("…" if start else "") + " ".join(words[start:end]) + (
        "…" if end < len(words) else "")
