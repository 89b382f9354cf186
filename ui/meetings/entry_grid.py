"""The quick-entry table kept like a spreadsheet: Tab goes on to a new row after the last
cell, Enter commits and goes down, and a cell is entered with the cursor at the end of its
text; only a key typed on a cell replaces what it holds.

Qt's table wrapped Tab from the last cell round to row 1 and opened it with its text
selected, so the next key overwrote commitment 1.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from models import FocusArea, SubTaskForce
from secretariat.agencies.register import list_agencies
from secretariat.commitments.catalog import list_entries
from secretariat.i18n import _
from ui.meetings.agreed_entry import (
    DUE,
    FOCUS,
    LEAD,
    SUB,
    SUPPORTING,
    DateDelegate,
    EntryModel,
)
from ui.meetings.entry_choices import Choice, ChoiceDelegate, SupportingDelegate

Action = QAbstractItemView.CursorAction


class EntryGrid(QTableView):
    def __init__(self, model: EntryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.entry = model
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._watch(self.itemDelegate())

    def use_delegate(self, column: int, delegate: QAbstractItemDelegate) -> None:
        self.setItemDelegateForColumn(column, delegate)
        self._watch(delegate)

    def _watch(self, delegate: QAbstractItemDelegate) -> None:
        # Enter in a cell reaches the view as the delegate's SubmitModelCache; the view's
        # own closing of an editor (a click elsewhere) does not come through the delegate.
        delegate.closeEditor.connect(self._editor_closed)

    def _editor_closed(self, _editor, hint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_down()

    def move_down(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        below = current.row() + 1
        if below == self.entry.rowCount():
            if self.entry.rows[current.row()] not in self.entry.filled_rows():
                return  # an empty last row: no empty rows piled up under it
            self.entry.add_row()
        self.setCurrentIndex(self.entry.index(below, current.column()))
        self.setFocus()  # the closed editor had it

    def moveCursor(self, action, modifiers) -> QModelIndex:
        current = self.currentIndex()
        last_row, last_column = self.entry.rowCount() - 1, self.entry.columnCount() - 1
        if action == Action.MoveNext and (current.row(), current.column()) == (
                last_row, last_column):
            self.entry.add_row()
            return self.entry.index(last_row + 1, 0)
        if action == Action.MovePrevious and (current.row(), current.column()) == (0, 0):
            return current  # no wrapping round to the last cell either
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.state() != QAbstractItemView.State.EditingState):
            self.move_down()
            return
        super().keyPressEvent(event)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if opened and trigger != QAbstractItemView.EditTrigger.AnyKeyPressed:
            box = _text_box(self.indexWidget(index))
            if box is not None:
                box.deselect()
                box.end(False)
        return opened


def _text_box(editor: QWidget | None) -> QLineEdit | None:
    if isinstance(editor, QLineEdit):
        return editor
    if isinstance(editor, QComboBox):
        return editor.lineEdit()
    return editor.findChild(QLineEdit) if editor is not None else None


def build_entry_grid(db, parent: QWidget) -> EntryGrid:
    """The grid over the register's active agencies and the two catalogues."""
    agencies = [Choice(a.id, a.abbreviation, a.name) for a in list_agencies(db)]
    focus = [Choice(e.id, e.name) for e in list_entries(db, FocusArea)]
    sub = [Choice(e.id, e.name) for e in list_entries(db, SubTaskForce)]
    supporting = SupportingDelegate(agencies, parent)
    choices = {LEAD: agencies, FOCUS: focus, SUB: sub}
    model = EntryModel({column: {c.value: c.label for c in listed}
                        for column, listed in choices.items()}, parent,
                       supporting_problem=supporting.problem)
    grid = EntryGrid(model, parent)
    names = {LEAD: _("Lead agency"), FOCUS: _("Focus area"), SUB: _("Sub task force")}
    for column, listed in choices.items():
        grid.use_delegate(column, ChoiceDelegate(listed, names[column], parent))
    grid.use_delegate(SUPPORTING, supporting)
    grid.use_delegate(DUE, DateDelegate(parent))
    grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Every column within a 1366-pixel screen.
    for column, width in enumerate((300, 120, 190, 100, 230, 170, 160)):
        grid.setColumnWidth(column, width)
    return grid
