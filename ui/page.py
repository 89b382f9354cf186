"""The base of every page of the main window.

A page shows data from the core and reloads it when records it shows change: it names
the kinds of records it watches (`WATCHES`), and a change announced while it is hidden
is applied when it is shown next, so hidden pages cost nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from ui.context import AppContext


class Page(QWidget):
    loaded = Signal()  # after a refresh has put the data on screen
    WATCHES: tuple[str, ...] = ()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        context.changes.changed.connect(self._on_change)

    # -- for subclasses
    def refresh(self) -> None:
        """Load the data from the core and show it; subclasses end with `self.loaded.emit()`."""
        self.loaded.emit()

    def undo_stack(self) -> QUndoStack | None:
        """The page's undo history, if it has one (the Edit menu follows it)."""
        return None

    def add_new(self) -> None:
        """Ctrl+N: start a new record of the page's kind, where that makes sense."""

    def save(self) -> None:
        """Ctrl+S: save pending edits, where the page has any."""

    def focus_search(self) -> bool:
        """Ctrl+F inside a page with its own filter box; False lets the main search take it."""
        return False

    # -- machinery
    def _on_change(self, kind: str) -> None:
        if kind in self.WATCHES:
            self._stale = True
            if self.isVisible():
                self.reload_if_stale()

    def reload_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_if_stale()
