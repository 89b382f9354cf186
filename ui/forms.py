"""Forms whose validation messages appear next to the field at fault.

The core raises `ValidationError(message, field="due_date")`; a `Form` knows which widget
stands for which field name, shows the message in red under it and puts the cursor there.
Errors without a known field go to a dialog. One pattern for every editing dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError, ValidationError
from secretariat.i18n import _
from ui.date_field import DateField
from ui.errors import ERROR_STYLE, show_error
from ui.screen_fit import fit_to_screen

# The signal each kind of field sends when the clerk changes it.
_CHANGE_SIGNALS = ("textChanged", "dateChanged", "timeChanged", "currentIndexChanged",
                   "valueChanged", "toggled")


class Form:
    def __init__(self, parent: QWidget) -> None:
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._parent = parent
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, field: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget(self._parent)
        # The holder takes the row's whole width, so a message under a narrow field (a
        # date, a number) wraps across the row instead of into a column cut off at the
        # bottom; the field itself keeps its own width.
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        grows = bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)
        if grows:
            column.addWidget(widget)
        else:
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab goes to the next field, as in every form
        message = QLabel(holder)
        # The core's messages quote what was typed: "<b>" must show as typed, not as bold.
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.setObjectName(f"error_{field}")
        message.hide()
        column.addWidget(message)
        changed = next((getattr(widget, name) for name in _CHANGE_SIGNALS
                        if hasattr(widget, name)), None)
        if changed is not None:  # once corrected, the refusal no longer stands
            changed.connect(lambda *_args, shown=message: shown.hide())
        if isinstance(widget, DateField):
            widget.join_form(field, label, message)
        self.layout.addRow(label, holder)
        self._fields[field] = (widget, message)
        return widget

    def focus_chain(self) -> list[QWidget]:
        """What Tab visits, in the order shown: each field, or for a field made of several
        widgets (a tick and a time, a list and its buttons) each of them."""
        chain: list[QWidget] = []
        for row in range(self.layout.rowCount()):
            item = self.layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            entry = next((w for w, _m in self._fields.values() if w.parentWidget() is widget),
                         widget)  # the field inside its holder
            chain += _focusable(entry)
        return chain

    def widgets_of_fields(self) -> list[QWidget]:
        return [widget for widget, _message in self._fields.values()]

    def error_text(self, field: str) -> str:
        """The message shown under a field ("" when none): for tests and accessibility."""
        entry = self._fields.get(field)
        return entry[1].text() if entry and entry[1].isVisibleTo(self._parent) else ""

    def clear_errors(self) -> None:
        for _widget, message in self._fields.values():
            message.clear()
            message.hide()

    def refuse_unreadable_dates(self) -> bool:
        """Refuse, under each date field, a text that is no date or a required date left
        empty, before anything is saved; the cursor goes to the first. False when none."""
        refused = [(field, widget) for field, (widget, _m) in self._fields.items()
                   if isinstance(widget, DateField) and widget.isEnabled() and widget.problem()]
        for field, widget in reversed(refused):  # the first ends up with the cursor
            self.show_field_error(field, widget.problem())
        return bool(refused)

    def show_field_error(self, field: str | None, text: str) -> bool:
        entry = self._fields.get(field or "")
        if entry is None:
            return False
        widget, message = entry
        message.setText(text)
        message.show()
        widget.setFocus()
        return True

    def report(self, error: DomainError) -> None:
        """Show a refusal next to its field, or in a dialog when no field is named."""
        if not self.show_field_error(error.field, error.message):
            show_error(self._parent, error)


class FormDialog(QDialog):
    """A dialog with a Form and Save/Cancel; `save()` calls the core and may raise."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = Form(self)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form.layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.result_value = None
        self._focus_placed = False
        self._changed = False  # typed into since it opened: closing asks first

    def showEvent(self, event) -> None:
        """On first showing, the cursor stands in the first field and Tab walks the fields
        before the buttons. The buttons are made before the subclass adds its fields, so
        Qt would start on Save, where one Enter saved a form nobody had filled in."""
        super().showEvent(event)
        if self._focus_placed:
            return
        self._focus_placed = True
        fit_to_screen(self)  # a tall form on a 768-pixel laptop: Save stays reachable
        self._watch_changes()
        fields = self.form.focus_chain()
        chain = fields + list(self.buttons.buttons())
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        focused = self.focusWidget()
        first = next((widget for widget in fields if widget.isEnabled()), None)
        if first is not None and (focused is None or isinstance(focused, QAbstractButton)):
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def _watch_changes(self) -> None:
        """From the first showing on (the values the dialog opened with are loaded by
        then), any change of a field counts as the clerk's input."""
        for widget in self.form.widgets_of_fields():
            changed = next((getattr(widget, name) for name in _CHANGE_SIGNALS
                            if hasattr(widget, name)), None)
            if changed is not None:
                changed.connect(self.mark_changed)

    def mark_changed(self, *_args) -> None:
        """For input the form's fields do not see (a list's add and remove buttons)."""
        self._changed = True

    def has_changes(self) -> bool:
        return self._changed

    def reject(self) -> None:
        """Esc, Batal and the window's close button: typed input is never thrown away
        without asking (Simpan / Buang / Batal)."""
        if not self._changed:
            super().reject()
            return
        answer = QMessageBox.question(
            self, _("Discard changes?"),
            _("What you typed in this window has not been saved."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.accept()  # stays open, the refusal under its field, if it cannot be saved
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()

    def fit_to_screen(self, width: int, height: int) -> None:
        """Open at this size, or smaller where the screen is (a 768-pixel laptop less its
        taskbar and the title bar); the form then scrolls no further than its fields."""
        fit_to_screen(self, width, height)

    def put_left_of_buttons(self, button: QAbstractButton) -> None:
        """A destructive button far from Save, at the dialog's left edge."""
        outer = self.layout()
        outer.removeWidget(self.buttons)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        outer.addLayout(row)

    def save(self):  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        self.form.clear_errors()
        if self.form.refuse_unreadable_dates():  # nothing saved with a date guessed or lost
            self._make_room()
            return
        try:
            self.result_value = self.save()
        except DomainError as error:
            self.form.report(error)  # the dialog stays open with everything typed kept
            self._make_room()
            return
        super().accept()

    def _make_room(self) -> None:
        """Grow to show a message that appeared under a field; a fixed height would cut it."""
        self.layout().activate()
        needed = self.layout().totalHeightForWidth(self.width()) \
            if self.layout().hasHeightForWidth() else self.sizeHint().height()
        if needed > self.height():
            fit_to_screen(self, self.width(), needed)


def _focusable(widget: QWidget) -> list[QWidget]:
    """The widget if Tab can stop on it, else its children that Tab can stop on."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    return [child for child in widget.findChildren(QWidget)
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.parentWidget() is widget]


def date_edit(parent: QWidget, value: date | None = None, *,
              optional: bool = False) -> DateField:
    """A date field read the way clerks write dates (see `ui.date_field`); an optional one
    may be left empty, which is no date."""
    return DateField(parent, value, optional=optional)


def date_value(edit: DateField) -> date | None:
    """The date typed; a text that is no date (or a required date left empty) is refused,
    never saved as a guess or as no date."""
    problem = edit.problem()
    if problem:
        raise ValidationError(problem, field=edit.field_name or None)
    return edit.date()


def on_enter(callback: Callable[[], None]) -> Callable[..., None]:
    """Adapt a no-argument callback for signals that carry arguments."""
    return lambda *_args: callback()
