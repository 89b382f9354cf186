"""Domain errors from the core shown as readable dialogs, never as a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.errors import ConflictError, DomainError
from secretariat.i18n import _

T = TypeVar("T")


def show_error(parent: QWidget | None, error: DomainError) -> None:
    title = _("Changed by someone else") if isinstance(error, ConflictError) \
        else _("Not saved")
    QMessageBox.warning(parent, title, error.message)


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
