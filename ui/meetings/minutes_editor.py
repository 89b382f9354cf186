"""The text area of the minutes: opening words, the agenda items with what was discussed
and decided on each, and the conclusions.

It shows what a `MinutesBuffer` holds and puts every keystroke into it; saving, the
minutes' status and their history belong to the Minutes tab around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError
from secretariat.i18n import _
from secretariat.meetings.lifecycle import AgendaRow
from ui.forms import ERROR_STYLE
from ui.meetings.minutes_buffer import (
    CONCLUSIONS,
    DECISIONS,
    DISCUSSION,
    OPENING,
    MinutesBuffer,
    item_field,
)
from ui.table_model import Column, RowTableModel

UNSAVED = QColor("#b35c00")
READ_ONLY_STYLE = "background: #f0f0f0;"


def plain_label(parent: QWidget, name: str) -> QLabel:
    """A label for text users typed (titles, reasons): plain text, never markup."""
    text = QLabel(parent)
    text.setObjectName(name)
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.setWordWrap(True)
    return text


class MinutesEditor(QWidget):
    typed = Signal()  # the user changed a text: the buffer holds it, unsaved

    def __init__(self, buffer: MinutesBuffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buffer = buffer
        self._item_id: int | None = None  # the agenda item whose text is on the right
        self._loading = False
        self._editable = False
        self._errors: dict[str, QLabel] = {}
        self.opening = self._text_edit(OPENING)
        self.conclusions = self._text_edit(CONCLUSIONS)
        self.discussion = self._text_edit(DISCUSSION)
        self.decisions = self._text_edit(DECISIONS)
        self.items_model = RowTableModel(self._item_columns(), self)
        self.items = QTableView(self)
        self.items.setObjectName("minutes_items")
        self.items.setModel(self.items_model)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setWordWrap(False)
        self.items.verticalHeader().hide()
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setColumnWidth(0, 40)
        self.items.selectionModel().selectionChanged.connect(self._item_selected)
        self.item_heading = plain_label(self, "minutes_item_heading")
        self.item_heading.setStyleSheet("font-weight: bold;")
        self._lay_out()

    # -- building
    def _text_edit(self, field: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(field)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(lambda: self._typed(field, edit))
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{field}")
        error.hide()
        self._errors[field] = error
        return edit

    def _item_columns(self) -> list[Column[AgendaRow]]:
        def unsaved(row: AgendaRow) -> bool:
            return row.id in self.buffer.dirty_items()
        return [
            Column(_("No."), lambda r: str(r.position), align_right=True),
            Column(_("Agenda item"), lambda r: r.title + (" *" if unsaved(r) else ""),
                   foreground=lambda r: UNSAVED if unsaved(r) else None,
                   tooltip=lambda r: _("Unsaved changes") if unsaved(r) else r.title),
        ]

    def _box(self, title: str, *fields: tuple[str, QPlainTextEdit]) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        if title:
            column.addWidget(QLabel(f"<b>{title}</b>", box))  # our own words, not user text
        for caption, edit in fields:
            if caption:
                column.addWidget(QLabel(caption, box))
            column.addWidget(edit, 1)
            column.addWidget(self._errors[edit.objectName()])
        return box

    def _lay_out(self) -> None:
        item_box = self._box("", (_("Discussion"), self.discussion),
                             (_("Decisions"), self.decisions))
        item_box.layout().insertWidget(0, self.item_heading)
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        middle.addWidget(self.items)
        middle.addWidget(item_box)
        middle.setSizes([340, 660])
        middle.setStretchFactor(1, 1)
        sections = QSplitter(Qt.Orientation.Vertical, self)
        sections.setChildrenCollapsible(False)
        sections.addWidget(self._box(_("Opening"), ("", self.opening)))
        sections.addWidget(middle)
        sections.addWidget(self._box(_("Conclusions"), ("", self.conclusions)))
        sections.setSizes([110, 380, 110])
        sections.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(sections)

    # -- showing
    def show_items(self, rows: Sequence[AgendaRow], *, new_meeting: bool) -> None:
        """Show the agenda and the buffer's texts, keeping the item on the right in view."""
        if new_meeting:
            self._item_id = None
        self._loading = True  # the model reset clears the selection: not the user's doing
        self.items_model.set_rows(rows)
        self._loading = False
        shown = self.items_model.row_of_id(self._item_id) if self._item_id is not None else None
        self.items.selectRow(shown if shown is not None else 0)
        self._show_texts()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        no_item = self.current_item() is None
        for edit in (self.opening, self.conclusions, self.discussion, self.decisions):
            read_only = not editable or (no_item and edit in (self.discussion, self.decisions))
            edit.setReadOnly(read_only)
            edit.setStyleSheet(READ_ONLY_STYLE if read_only else "")

    def current_item(self) -> AgendaRow | None:
        row = self.items_model.row_of_id(self._item_id) if self._item_id is not None else None
        return self.items_model.row_at(row) if row is not None else None

    def _item_selected(self, *_args) -> None:
        if self._loading:
            return
        indexes = self.items.selectionModel().selectedRows()
        self._item_id = self.items_model.row_at(indexes[0].row()).id if indexes else None
        self._show_texts()
        self.set_editable(self._editable)

    def _show_texts(self) -> None:
        item = self.current_item()
        self._set_text(self.opening, self.buffer.value(OPENING))
        self._set_text(self.conclusions, self.buffer.value(CONCLUSIONS))
        for edit, name in ((self.discussion, DISCUSSION), (self.decisions, DECISIONS)):
            self._set_text(edit, self.buffer.value(item_field(item.id, name)) if item else "")
        if item is None:
            self.item_heading.setText(_("This meeting has no agenda items yet. Add them in the "
                                        "Agenda tab, then write here what was discussed and "
                                        "decided on each."))
            return
        heading = f"{item.position}. {item.title}"
        if item.presenter:
            heading += "\n" + _("Presenter: {name}").format(name=item.presenter)
        self.item_heading.setText(heading)

    def _set_text(self, edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:  # leaves the cursor alone when nothing changed
            self._loading = True
            edit.setPlainText(text)
            self._loading = False

    def _typed(self, field: str, edit: QPlainTextEdit) -> None:
        if self._loading:
            return
        if field in (DISCUSSION, DECISIONS):
            item = self.current_item()
            if item is None:
                return
            self.buffer.type(item_field(item.id, field), edit.toPlainText())
            row = self.items_model.row_of_id(item.id)
            self.items_model.dataChanged.emit(self.items_model.index(row, 0),
                                              self.items_model.index(row, 1))
        else:
            self.buffer.type(field, edit.toPlainText())
        self.typed.emit()

    # -- refusals next to the text they concern
    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.hide()

    def report(self, error: DomainError) -> bool:
        """Show a refusal under its field; False when it names none of these fields."""
        label = self._errors.get(error.field or "")
        if label is None:
            return False
        label.setText(error.message)
        label.show()
        return True

    def field_error(self, field: str) -> str:
        """The refusal shown under a text field ("" when none): for tests and screen readers."""
        error = self._errors[field]
        return error.text() if error.isVisibleTo(self) else ""
