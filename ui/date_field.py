"""One date field for every form, filter and table cell, read the way clerks write dates.

QDateEdit read only its own display format and merged each key into the date it held, so
"15-01-2025" became 15 Des 2026 without a word. Here the clerk types into a plain text
box; the core reads the text (`read_written_date`: "15-01-2025", "15/1/2025", "15012025",
"15 Januari 2025", ISO) and the field says beside the box what it understood ("Rabu, 15
Januari 2025"). A text that is no date is kept as typed and refused in red once the clerk
leaves the box; the calendar button (or F4, Alt+Down) opens on the field's date, or today.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from secretariat.dates import abbreviated_date, long_date, parse_written_date
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.validation import read_written_date
from ui.errors import ERROR_STYLE
from ui.icons import icon

UNDERSTOOD_STYLE = "color: #4a4a4a;"
# In a table cell the hint lies over the next column while the cell is edited.
CELL_HINT_STYLE = "background: #ffffe1; border: 1px solid #b8b8b8; padding: 0 4px;"


class DateField(QWidget):
    """A date typed as text, with what was understood beside it and a calendar to pick from.

    Empty text is no date: allowed when `optional`, else refused as required. Who needs
    to know of a change connects to `textChanged` and reads `date()`."""

    def __init__(self, parent: QWidget | None = None, value: date | None = None, *,
                 optional: bool = False, in_cell: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.label = _("Date")  # how refusals name the field; a form gives its row's label
        self.field_name = ""  # the core's name for the field, for refusals under a form row
        self._in_cell = in_cell
        self._refusals: QLabel | None = None  # a form's message line under the field
        self._understood: date | None = None  # what the text reads as, kept up to date
        self._calendar: QCalendarWidget | None = None

        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(_("e.g. 15-01-2025"))
        self.line_edit.setMinimumWidth(
            self.line_edit.fontMetrics().horizontalAdvance("30 September 2025") + 16)
        self.line_edit.installEventFilter(self)
        self.line_edit.textChanged.connect(self._text_changed)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setIcon(icon("calendar"))
        self.calendar_button.setToolTip(_("Choose on a calendar (F4)"))
        # Tab goes from the text to the next field; the calendar is a click or F4 away.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.hint = QLabel(self)
        self.hint.setObjectName("date_hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # a refusal quotes what was typed
        # Room for the longest hint, so the row does not shift while the clerk types.
        self.hint.setMinimumWidth(_widest_hint(self.hint))

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.hint)
        if in_cell:
            self.line_edit.setFrame(False)
            self.line_edit.setMinimumWidth(0)  # the column's width; a long text scrolls
            self.calendar_button.setAutoRaise(True)
            self.hint.setStyleSheet(CELL_HINT_STYLE)
            self.hint.setFixedWidth(self.hint.minimumWidth() + 10)
            self.setAutoFillBackground(True)
        else:
            self.hint.setWordWrap(True)  # a refusal outside a form wraps instead of widening
        # One stop for Tab, and the form's cursor placement lands in the text.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.line_edit)
        self.set_date(value)
        self._text_changed(self.text())  # an empty start is no change of text

    # --- what the field holds -------------------------------------------------------------

    @property
    def textChanged(self) -> SignalInstance:  # the name every Qt field uses
        """The text box's own signal, sent from Qt's side, after the field has read the new
        text. Not a signal of ours: with PySide6 6.12 each emit() made from Python drops a
        reference to True, and a field emitting on every key crashed the interpreter."""
        return self.line_edit.textChanged

    def text(self) -> str:
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        self.line_edit.setText(text)

    def date(self) -> date | None:
        """The date the text reads as; None when it is empty or no date."""
        return self._understood

    def set_date(self, value: date | None) -> None:
        self.line_edit.setText(abbreviated_date(value) if value else "")

    def clear(self) -> None:
        self.line_edit.clear()

    def problem(self) -> str:
        """Why the text cannot be saved as it stands ("" when it can): no date, a required
        date left empty, a year far off. The core's own rules and words."""
        try:
            read_written_date(self.text(), self.label, field=self.field_name,
                              required=not self.optional)
        except ValidationError as refusal:
            return refusal.message
        return ""

    def join_form(self, field: str, label: str, refusals: QLabel) -> None:
        """Refusals go to the form's red line under the field, where the core's go too."""
        self.field_name, self.label, self._refusals = field, label, refusals

    def show_problem(self) -> bool:
        problem = self.problem()
        if not problem or self._in_cell:  # a cell's text is refused, by row, on saving
            return bool(problem)
        if self._refusals is not None:  # under a form's field, the whole sentence
            self._refusals.setText(problem)
            self._refusals.show()
            return True
        # Beside a filter there is room for a word; the sentence shows under the pointer.
        self.hint.setStyleSheet(ERROR_STYLE)
        self.hint.setText(_("not a date") if self.date() is None else problem)
        self.hint.setToolTip(problem)
        return True

    # --- typing ---------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        try:
            understood = parse_written_date(text)
        except ValueError:
            understood = None
        self.hint.setStyleSheet(CELL_HINT_STYLE if self._in_cell else UNDERSTOOD_STYLE)
        self._understood = understood
        self.hint.setText(self._understood_in_words(text, understood))
        self.hint.setToolTip("")

    def _understood_in_words(self, text: str, understood: date | None) -> str:
        if understood is not None:
            return long_date(understood)
        if not text.strip():
            return _("no date") if self.optional else ""
        # A form refuses the text once the clerk leaves it; a cell cannot show a refusal
        # while it is edited, so it says at once that the text is not read (yet).
        return _("not read as a date") if self._in_cell else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            return self._key_pressed(event)
        if watched is self.line_edit and event.type() == QEvent.Type.FocusOut:
            self._left(event)
        return super().eventFilter(watched, event)

    def _key_pressed(self, event: QKeyEvent) -> bool:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return True
        if self._in_cell and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # The table's delegate watches this widget, not the text inside it: hand it the
            # key, so Tab commits the cell and opens the next one as in every other column.
            QApplication.sendEvent(self, event)
            return True
        return False

    def _left(self, event: QFocusEvent) -> None:
        if event.reason() == Qt.FocusReason.PopupFocusReason:
            return  # the calendar opened: the clerk is still choosing
        if event.reason() != Qt.FocusReason.ActiveWindowFocusReason:  # not a look elsewhere
            self.show_problem()
        # Whoever watches the field as one widget (a table's delegate) learns it was left.
        QApplication.sendEvent(self, QFocusEvent(QEvent.Type.FocusOut, event.reason()))

    # --- the calendar ---------------------------------------------------------------------

    @property
    def calendar(self) -> QCalendarWidget:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        return self._calendar

    def open_calendar(self) -> None:
        """Open on the date typed, or on today when there is none yet."""
        calendar = self.calendar
        calendar.setSelectedDate(QDate(self.date() or date.today()))
        calendar.adjustSize()
        below = self.line_edit.mapToGlobal(QPoint(0, self.line_edit.height()))
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - calendar.width()))
        y = below.y() if below.y() + calendar.height() <= screen.bottom() \
            else self.line_edit.mapToGlobal(QPoint(0, 0)).y() - calendar.height()
        calendar.move(x, y)
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: QDate) -> None:
        self.set_date(day.toPython())
        self.calendar.hide()
        self.line_edit.setFocus(Qt.FocusReason.PopupFocusReason)


def _widest_hint(label: QLabel) -> int:
    """The width of the longest hint in the language in use: a "weekday, day month year"
    or one of the words said of a text that is no date (yet)."""
    week = (date(2025, 9, day) for day in range(22, 29))  # every weekday, the longest month
    hints = [long_date(day) for day in week] + [_("no date"), _("not read as a date"),
                                                _("not a date")]
    return max(label.fontMetrics().horizontalAdvance(hint) for hint in hints) + 8
