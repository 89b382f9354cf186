"""Undoable edits of the minutes: save their text, make them final, reopen them.

Like the agenda's edits (see `agenda_commands`), each is a `CoreCommand` calling the core
both ways. Taking back a finalisation is itself a reopening, so the core records it with
a reason like any other: final minutes never change without a trace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from exports.pdf.minutes import write_minutes
from secretariat.documents.minutes_archive import finalise_and_archive
from secretariat.i18n import _
from secretariat.meetings.lifecycle import (
    ItemMinutes,
    MeetingRow,
    get_minutes,
    list_agenda,
    reopen_minutes,
    save_minutes,
)
from ui.context import AppContext
from ui.meetings.agenda_commands import AgendaItemKeys, push_done, seen_then_stored
from ui.undo import CoreCommand


@dataclass(frozen=True)
class MinutesSnapshot:
    """The minutes' text at one moment: opening, conclusions and some items' text."""

    opening: str
    conclusions: str
    items: tuple[tuple[int, str, str], ...]  # (item key, discussion, decisions)


class MinutesEdits:
    """Pushes the minutes' undoable edits for one meeting onto the page's undo stack."""

    def __init__(self, context: AppContext, stack: QUndoStack, widget: QWidget) -> None:
        self.context = context
        self.stack = stack
        self.widget = widget
        self.keys = AgendaItemKeys.of(stack)

    def snapshot(self, opening: str, conclusions: str,
                 items: Mapping[int, tuple[str, str]]) -> MinutesSnapshot:
        """`items` maps agenda item ids to (discussion, decisions)."""
        return MinutesSnapshot(opening, conclusions, tuple(
            (self.keys.key_of(item_id), discussion, decisions)
            for item_id, (discussion, decisions) in items.items()))

    def _stored_version(self, meeting_id: int) -> int:
        return get_minutes(self.context.db, meeting_id).version

    def saved(self, meeting_id: int, before: MinutesSnapshot, after: MinutesSnapshot) -> None:
        """The tab saved `after` over `before`; undo writes `before` back."""
        db = self.context.db

        def write(snapshot: MinutesSnapshot) -> Callable[[], None]:
            def apply() -> None:
                versions = {row.id: row.version for row in list_agenda(db, meeting_id)}
                items = []
                for key, discussion, decisions in snapshot.items:
                    item_id = self.keys.item_id(key)
                    items.append(ItemMinutes(item_id, discussion, decisions,
                                             versions.get(item_id)))
                save_minutes(db, meeting_id, snapshot.opening, snapshot.conclusions, items,
                             self._stored_version(meeting_id))
            return apply

        push_done(self.stack, self.context, _("Save minutes"), write(after), write(before),
                  self.widget)

    def finalise(self, meeting: MeetingRow) -> None:
        version = seen_then_stored(meeting.version, lambda: self._stored_version(meeting.id))
        self.stack.push(CoreCommand(
            self.context, _("Make minutes final"),
            lambda: finalise_and_archive(self.context.db, meeting.id, version(),
                                         write_minutes),
            lambda: reopen_minutes(self.context.db, meeting.id,
                                   _("Making the minutes final was undone."),
                                   self._stored_version(meeting.id)),
            parent_widget=self.widget))

    def reopened(self, meeting_id: int, reason: str) -> None:
        """The dialog reopened the minutes; undo makes them final again (the reason stays
        on record: the reopening did happen)."""
        db = self.context.db
        push_done(
            self.stack, self.context, _("Reopen minutes"),
            lambda: reopen_minutes(db, meeting_id, reason, self._stored_version(meeting_id)),
            lambda: finalise_and_archive(db, meeting_id, self._stored_version(meeting_id),
                                         write_minutes),
            self.widget)
