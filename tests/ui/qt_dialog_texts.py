"""What a person reads in a dialog: every visible label, button, tab, column heading,
list entry, tooltip and menu entry, collected by walking the widget tree."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

QT_PO = Path(__file__).resolve().parents[2] / "resources/locale/id/LC_MESSAGES/qt.po"


def plain(text: str) -> str:
    """A text as read: without Qt's accelerator marks and surrounding spaces."""
    return re.sub(r"&(.)", r"\1", text).strip()


def qt_catalogue():
    with open(QT_PO, "rb") as po:
        return read_po(po, locale="id")


def english_words() -> set[str]:
    """Qt's English sources that read differently in Indonesian: seen on screen, they are
    English left untranslated (a source that is also an Indonesian word is no evidence)."""
    catalogue = [m for m in qt_catalogue() if m.id]
    indonesian = {plain(m.string) for m in catalogue}
    return {plain(m.id) for m in catalogue if plain(m.id) != plain(m.string)} - indonesian


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = {root.windowTitle()}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.add(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.add(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.update(str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                         for c in range(model.columnCount(widget.rootIndex())))
        for action in widget.actions():  # the dialog's context menus
            texts.update((action.text(), action.toolTip()))
    return {plain(text) for text in texts if text and plain(text)}
