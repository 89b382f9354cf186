"""Choosing in the quick-entry table by typing any part of an item, as clerks do.

A combo that went to the first item starting with the letters typed ("Pen" was Penguatan
layanan korban) chose for the clerk. Here the cell proposes every item containing what is
typed, in any word, abbreviation or name; what fits exactly one item is that item, and
what fits none or several is kept as typed, in red, and refused by row on saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QLineEdit, QStyledItemDelegate

from secretariat.i18n import _
from ui.meetings.agreed_entry import TYPED_TEXT_ROLE

LABEL_ROLE = Qt.ItemDataRole.UserRole + 10  # what the cell shows once an item is chosen
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 11  # what the typed letters are looked for in
PASSING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class Choice:
    value: Any
    label: str  # shown in the cell: an agency's abbreviation, a catalogue item's name
    name: str = ""  # an agency's full name, also searched and shown in the list

    @property
    def listed(self) -> str:
        return f"{self.label} — {self.name}" if self.name else self.label


def fitting(choices: list[Choice], typed: str) -> list[Choice]:
    """The choices whose label is `typed`, else those whose label or name contains it."""
    wanted = " ".join(typed.split()).casefold()
    exact = [c for c in choices if c.label.casefold() == wanted]
    return exact or [c for c in choices if wanted in f"{c.label} {c.name}".casefold()]


def refusal(column: str, typed: str, found: list[Choice]) -> str:
    if not found:
        return _("{column}: nothing in the list contains \"{typed}\"; choose from the list."
                 ).format(column=column, typed=typed)
    return _("{column}: \"{typed}\" fits {choices}; choose one.").format(
        column=column, typed=typed, choices=", ".join(c.label for c in found[:5]))


class ContainsCompleter(QCompleter):
    """Proposes the choices containing the letters, anywhere; choosing puts in the label."""

    def __init__(self, choices: list[Choice], parent: QObject | None = None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        for choice in choices:
            item = QStandardItem(choice.listed)
            item.setData(choice.label, LABEL_ROLE)
            item.setData(f"{choice.label} {choice.name}", SEARCH_ROLE)
            model.appendRow(item)
        self.setModel(model)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(8)
        # Wider than a cell: an agency's full name is how the clerk tells two of them apart.
        self.popup().setMinimumWidth(420)

    def pathFromIndex(self, index) -> str:
        return index.data(LABEL_ROLE) or ""

    def candidates(self) -> list[str]:
        """The labels the list proposes now (for the screen's own checks and the tests)."""
        shown = self.completionModel()
        return [shown.index(row, 0).data(LABEL_ROLE) for row in range(shown.rowCount())]


class PieceCompleter(ContainsCompleter):
    """For a list separated by commas: proposes for the piece at the cursor and replaces only
    that piece ("Polda, Dinso" becomes "Polda, Dinsos Kalsel")."""

    def __init__(self, choices: list[Choice], line_edit: QLineEdit) -> None:
        super().__init__(choices, line_edit)
        self.line_edit = line_edit
        # The text as typed and where the piece being completed lies in it: highlighting a
        # proposal puts it into the box, and choosing then must not add to that.
        self._typed, self._span = "", (0, 0)

    def splitPath(self, path: str) -> list[str]:
        cursor = min(self.line_edit.cursorPosition(), len(path))
        start = path.rfind(",", 0, cursor) + 1
        end = path.find(",", cursor)
        end = len(path) if end < 0 else end
        self._typed, self._span = path, (start, end)
        return [path[start:end].strip()]

    def pathFromIndex(self, index) -> str:
        text, (start, end) = self._typed, self._span
        lead = " " if start > 0 else ""
        return text[:start] + lead + (index.data(LABEL_ROLE) or "") + text[end:]


class _PopupKeys(QObject):
    """Tab and Enter on the proposals take the one highlighted, then act as on the cell:
    the completer's own handling closed the editor without opening the next cell."""

    def __init__(self, completer: ContainsCompleter, editor) -> None:
        super().__init__(editor)
        self.completer, self.editor = completer, editor
        completer.popup().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Hide:
            # Where the list took the window's activation when shown (offscreen does), give
            # it back, or the keys typed next go nowhere; elsewhere this changes nothing.
            self.editor.window().activateWindow()
            return False
        if event.type() == QEvent.Type.KeyPress and event.key() in PASSING_KEYS:
            popup = self.completer.popup()
            current = popup.currentIndex()
            popup.hide()
            if current.isValid():
                self.completer.activated[str].emit(self.completer.pathFromIndex(current))
            QApplication.sendEvent(self.editor, event)
            return True
        return False


def _select_all(line_edit: QLineEdit) -> None:
    # A key typed on the cell replaces it, as in a sheet; the grid moves the cursor to the
    # end when the cell is entered otherwise (Tab, F2, a double click).
    line_edit.selectAll()


class _ClosingPopup(QStyledItemDelegate):
    def eventFilter(self, editor, event) -> bool:
        # The open list may take the focus (where it is a window of its own): the clerk is
        # still choosing, and the cell must not close under the list.
        completer = getattr(editor, "completer", lambda: None)()
        if (event.type() == QEvent.Type.FocusOut and completer is not None
                and completer.popup().isVisible()):
            return False
        return super().eventFilter(editor, event)

    def destroyEditor(self, editor, index):
        completer = editor.completer()
        if completer is not None:
            completer.popup().hide()  # a list left open when its cell closes
        super().destroyEditor(editor, index)


class ChoiceDelegate(_ClosingPopup):
    """One of a list: an editable combo whose proposals contain the letters typed."""

    def __init__(self, choices: list[Choice], column: str, parent=None) -> None:
        super().__init__(parent)
        self.choices, self.column = choices, column

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("—", None)
        for choice in self.choices:
            combo.addItem(choice.label, choice.value)
        completer = ContainsCompleter(self.choices, combo)
        combo.setCompleter(completer)
        completer.activated[str].connect(combo.setEditText)
        _PopupKeys(completer, combo)
        return combo

    def setEditorData(self, editor, index):
        typed = index.data(TYPED_TEXT_ROLE)  # a refused text, kept as typed
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, position))
        editor.setEditText(typed or (editor.currentText() if position > 0 else ""))
        _select_all(editor.lineEdit())

    def setModelData(self, editor, model, index):
        typed = " ".join(editor.currentText().split())
        if typed in ("", "—"):
            model.setData(index, None)
            return
        found = fitting(self.choices, typed)
        if len(found) == 1:
            model.setData(index, found[0].value)
        else:
            model.refuse_choice(index, typed, refusal(self.column, typed, found))


class SupportingDelegate(_ClosingPopup):
    """Several agencies separated by commas, each proposed from a part of its abbreviation
    or name; a part that fits exactly one agency becomes its abbreviation."""

    def __init__(self, agencies: list[Choice], parent=None) -> None:
        super().__init__(parent)
        self.agencies = agencies

    def createEditor(self, parent, option, index):
        line_edit = QLineEdit(parent)
        line_edit.setFrame(False)
        completer = PieceCompleter(self.agencies, line_edit)
        line_edit.setCompleter(completer)
        _PopupKeys(completer, line_edit)
        return line_edit

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        _select_all(editor)

    def setModelData(self, editor, model, index):
        model.setData(index, tidy_pieces(editor.text(), self.agencies))

    def problem(self, text: str) -> str:
        """Why a supporting-agencies text cannot be saved: the first piece not one agency."""
        for piece in _pieces(text):
            found = fitting(self.agencies, piece)
            if len(found) != 1 or found[0].label.casefold() != piece.casefold():
                return refusal(_("Supporting agencies"), piece, found)
        return ""


def _pieces(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split(",") if p.strip()]


def tidy_pieces(text: str, agencies: list[Choice]) -> str:
    """Each piece that fits one agency as its abbreviation; the others kept as typed."""
    tidied = []
    for piece in _pieces(text):
        found = fitting(agencies, piece)
        tidied.append(found[0].label if len(found) == 1 else piece)
    return ", ".join(tidied)
