"""Typing into the screens as a clerk does: the keys go into the text box, never a value
set behind the widget's back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def retype(qtbot, field, text: str) -> None:
    """Select what a date field (or a line edit) holds and type `text` over it."""
    box = getattr(field, "line_edit", field)
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(box, text)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Delete)


def type_here(qtbot, text: str) -> None:
    """Type into whatever has the cursor, as keys do (a table cell's editor, say)."""
    for character in text:
        qtbot.keyClick(QApplication.focusWidget(), character)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
