"""The minutes' texts as stored and as typed but not saved yet.

The meeting page reloads all its tabs after every change made anywhere on it (an agenda
item added, a person marked present, an undo). Text the secretary typed into the minutes
and has not saved must survive that, for every agenda item, not only the one on screen.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

OPENING = "opening"
CONCLUSIONS = "conclusions"
DISCUSSION = "discussion"
DECISIONS = "decisions"


def item_field(item_id: int, name: str) -> tuple[int, str]:
    """The field of one agenda item: `name` is DISCUSSION or DECISIONS."""
    return (item_id, name)


class MinutesBuffer:
    """Stored and typed text per field: OPENING, CONCLUSIONS or an `item_field`."""

    def __init__(self) -> None:
        self._stored: dict[Hashable, str] = {}
        self._typed: dict[Hashable, str] = {}

    def load(self, stored: Mapping[Hashable, str]) -> None:
        """Take what the core holds now; typed text is kept unless its field is gone
        (a removed agenda item) or the store now says the same."""
        self._stored = dict(stored)
        for field, text in list(self._typed.items()):
            if field not in self._stored or self._stored[field] == text:
                del self._typed[field]

    def forget(self) -> None:
        """Another meeting is shown: nothing of this one stays."""
        self._stored.clear()
        self._typed.clear()

    def value(self, field: Hashable) -> str:
        return self._typed.get(field, self._stored.get(field, ""))

    def stored(self, field: Hashable) -> str:
        return self._stored.get(field, "")

    def type(self, field: Hashable, text: str) -> None:
        if text == self._stored.get(field, ""):
            self._typed.pop(field, None)  # typed back to what was saved: nothing to save
        else:
            self._typed[field] = text

    def is_dirty(self) -> bool:
        return bool(self._typed)

    def dirty_items(self) -> set[int]:
        return {field[0] for field in self._typed if isinstance(field, tuple)}

    def saved(self) -> None:
        """What was typed is what the core holds now (until the reload brings its cleaned form)."""
        self._stored.update(self._typed)
        self._typed.clear()
