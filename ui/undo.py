"""Undoable edits: one QUndoCommand per change made through the core.

A command is given two functions, one that makes the change and one that takes it back,
both calling core use cases. When the core refuses (a conflict, a final minutes, a rule),
the message is shown and the command marks itself obsolete, so the undo history never
holds a change that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from secretariat.errors import DomainError
from ui.context import AppContext
from ui.errors import show_error


class CoreCommand(QUndoCommand):
    def __init__(self, context: AppContext, text: str, do: Callable[[], object],
                 undo: Callable[[], object], *, kinds: tuple[str, ...] = ("meetings",),
                 parent_widget: QWidget | None = None, already_done: bool = False) -> None:
        super().__init__(text)
        self._context = context
        self._do = do
        self._undo = undo
        self._kinds = kinds
        self._widget = parent_widget
        self.failed = False
        # A change already made (e.g. by a dialog that had to show refusals next to its
        # fields) enters the history without being made twice.
        self._skip_first_redo = already_done

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            self._context.changes.announce(*self._kinds)
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except DomainError as error:
            self.failed = True
            self.setObsolete(True)  # QUndoStack drops it instead of keeping a phantom step
            show_error(self._widget, error)
            return
        self._context.changes.announce(*self._kinds)
