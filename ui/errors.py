"""Domain errors from the core shown as readable dialogs, never as a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.errors import (
    ConflictError,
    DomainError,
    FileProblem,
    NotFoundError,
    RefusedError,
)
from secretariat.i18n import _

T = TypeVar("T")

ERROR_STYLE = "color: #b00020;"  # a refusal written beside or under the field at fault


def show_error(parent: QWidget | None, error: DomainError) -> None:
    QMessageBox.warning(parent, _title(error), error.message)


def _title(error: DomainError) -> str:
    """The box's title says what kind of trouble it is; "Not saved" only where input was
    refused (a refused step such as inviting without members saved nothing to begin with)."""
    if isinstance(error, ConflictError):
        return _("Changed by someone else")
    if isinstance(error, FileProblem):
        return _("File problem")
    if isinstance(error, NotFoundError):
        return _("Not found")
    if isinstance(error, RefusedError):
        return _("Not possible")
    return _("Not saved")


def attempt(parent: QWidget | None, action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run a core use case; a refusal is shown to the user and reported as (False, None)."""
    try:
        return True, action()
    except DomainError as error:
        show_error(parent, error)
        return False, None


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask before a destructive action (and only then)."""
    answer = QMessageBox.question(
        parent, title, question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
