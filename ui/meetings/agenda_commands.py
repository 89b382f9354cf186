"""Undoable edits of a meeting's agenda: add, edit, remove and move an item.

Every edit is a `CoreCommand` whose two halves call core use cases, so Ctrl+Z on the
meeting page takes it back through the same rules (a final minutes refuses both ways).
Versions: the first run passes the version the user saw, so somebody else's change in
between is a conflict; undo and redo later read the stored version when they run.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from secretariat.i18n import _
from secretariat.meetings.lifecycle import (
    AgendaDraft,
    AgendaRow,
    add_agenda_item,
    insert_agenda_item,
    list_agenda,
    move_agenda_item,
    remove_agenda_item,
    update_agenda_item,
)
from ui.context import AppContext
from ui.undo import CoreCommand


class AgendaItemKeys(QObject):
    """Names for agenda items that last through the undo history of one meeting page.

    Undoing a removal creates the item again under a new id, while the commands made
    before the removal still name the old one: they look the current id up here. One
    instance lives on each undo stack, shared by the agenda and the minutes tabs.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._numbers = count(1)
        self._ids: dict[int, int] = {}  # key -> current item id
        self._keys: dict[int, int] = {}  # item id -> key

    @classmethod
    def of(cls, stack: QUndoStack) -> AgendaItemKeys:
        return stack.findChild(cls) or cls(stack)

    def key_of(self, item_id: int) -> int:
        if item_id not in self._keys:
            self.recreated(next(self._numbers), item_id)
        return self._keys[item_id]

    def item_id(self, key: int) -> int:
        return self._ids[key]

    def recreated(self, key: int, item_id: int) -> None:
        self._ids[key] = item_id
        self._keys[item_id] = key


def stored_item(context: AppContext, meeting_id: int, item_id: int) -> AgendaRow | None:
    return next((row for row in list_agenda(context.db, meeting_id) if row.id == item_id), None)


def stored_version(context: AppContext, meeting_id: int, item_id: int) -> int | None:
    """None when the item is gone: the core then says it does not exist any more."""
    row = stored_item(context, meeting_id, item_id)
    return row.version if row else None


def seen_then_stored(seen: int, stored: Callable[[], int | None]) -> Callable[[], int | None]:
    """The version the user saw on the first call, the stored one on every later call."""
    calls = count()
    return lambda: seen if next(calls) == 0 else stored()


def push_done(stack: QUndoStack, context: AppContext, text: str,
              redo: Callable[[], object], undo: Callable[[], object],
              widget: QWidget | None) -> None:
    """Record a change already made through the core (by a dialog, so that a refusal
    could be shown next to its field): the first redo only announces it."""
    runs = count()

    def again() -> None:
        if next(runs) > 0:
            redo()

    stack.push(CoreCommand(context, text, again, undo, parent_widget=widget))


class AgendaEdits:
    """Pushes the agenda's undoable edits for one meeting onto the page's undo stack."""

    def __init__(self, context: AppContext, stack: QUndoStack, widget: QWidget) -> None:
        self.context = context
        self.stack = stack
        self.widget = widget
        self.keys = AgendaItemKeys.of(stack)

    def _version(self, meeting_id: int, key: int) -> int | None:
        return stored_version(self.context, meeting_id, self.keys.item_id(key))

    def added(self, meeting_id: int, item_id: int, draft: AgendaDraft) -> None:
        """The dialog added `item_id`; undo removes it, redo adds it again at the end."""
        key = self.keys.key_of(item_id)
        db = self.context.db

        def redo() -> None:
            self.keys.recreated(key, add_agenda_item(db, meeting_id, draft))

        def undo() -> None:
            remove_agenda_item(db, self.keys.item_id(key), self._version(meeting_id, key))

        push_done(self.stack, self.context, _("Add agenda item"), redo, undo, self.widget)

    def edited(self, meeting_id: int, item_id: int, before: AgendaRow, after: AgendaDraft) -> None:
        """The dialog changed title and presenter; discussion and decisions are the minutes'."""
        key = self.keys.key_of(item_id)

        def heading(title: str, presenter: str) -> Callable[[], None]:
            def apply() -> None:
                item_id = self.keys.item_id(key)
                row = stored_item(self.context, meeting_id, item_id)
                kept = (row.discussion, row.decisions) if row else ("", "")
                # A removed item makes the core say it does not exist any more.
                update_agenda_item(self.context.db, item_id, AgendaDraft(title, presenter, *kept),
                                   row.version if row else None)
            return apply

        push_done(self.stack, self.context, _("Edit agenda item"),
                  heading(after.title, after.presenter), heading(before.title, before.presenter),
                  self.widget)

    def remove(self, row: AgendaRow) -> None:
        """Remove an item; undo puts it back at its number with everything it held."""
        key = self.keys.key_of(row.id)
        version = seen_then_stored(row.version, lambda: self._version(row.meeting_id, key))
        draft = AgendaDraft(row.title, row.presenter, row.discussion, row.decisions)

        def redo() -> None:
            remove_agenda_item(self.context.db, self.keys.item_id(key), version())

        def undo() -> None:
            self.keys.recreated(key, insert_agenda_item(
                self.context.db, row.meeting_id, draft, row.position))

        self.stack.push(CoreCommand(self.context, _("Remove agenda item"), redo, undo,
                                    parent_widget=self.widget))

    def move(self, row: AgendaRow, position: int) -> None:
        key = self.keys.key_of(row.id)

        def stored() -> int | None:
            return self._version(row.meeting_id, key)

        def to(place: int, version: Callable[[], int | None]) -> Callable[[], None]:
            return lambda: move_agenda_item(self.context.db, self.keys.item_id(key), place,
                                            version())

        first_seen = seen_then_stored(row.version, stored)
        self.stack.push(CoreCommand(self.context, _("Move agenda item"), to(position, first_seen),
                                    to(row.position, stored), parent_widget=self.widget))
