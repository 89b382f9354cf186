"""A warning under a letter's date when it falls on a weekend or a holiday (never a refusal)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from secretariat.meetings.schedule_warnings import letter_date_warning
from ui.date_field import DateField

WARNING_STYLE = "color: #8a6d3b;"


def warn_on_letter_date(date_field: DateField) -> QLabel:
    """Put a warning line under `date_field` (in its form row) that follows what is typed."""
    warning = QLabel(date_field.parentWidget())
    warning.setObjectName("letter_date_warning")
    warning.setTextFormat(Qt.TextFormat.PlainText)
    warning.setWordWrap(True)
    warning.setStyleSheet(WARNING_STYLE)
    holder = date_field.parentWidget().layout()
    holder.addWidget(warning)

    def follow(*_args) -> None:
        day = date_field.date()  # None while the text typed is no date (yet)
        text = letter_date_warning(day) if day is not None else None
        warning.setText(text or "")
        warning.setVisible(bool(text))

    date_field.textChanged.connect(follow)
    follow()
    return warning
