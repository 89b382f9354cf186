"""Fixtures for the desktop screens: a context over a test database, and message boxes
that answer without blocking (a modal box would hang an offscreen test run)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from secretariat.demo import fill_demo
from ui.context import AppContext
from ui.settings import UiSettings

# The demo data places one planned rakor ten days after "today"; tests fix today.
TODAY = date(2026, 11, 25)


class MessageLog:
    """What the program told the user; `answer` is what the user clicks on a question."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answer = QMessageBox.StandardButton.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind in (None, k)]


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> MessageLog:
    log = MessageLog()

    def recorder(kind):
        def show(_parent, title, text, *args, **kwargs):
            log.shown.append((kind, title, text))
            return log.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return staticmethod(show)

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(
        lambda _parent, title, text: log.shown.append(("about", title, text))))
    return log


@pytest.fixture
def context(sqlite_db, tmp_path) -> AppContext:
    """An empty database (with the default catalogues) behind the screens."""
    return AppContext(db=sqlite_db, settings=UiSettings(str(tmp_path / "desktop.ini")),
                      today=lambda: TODAY)


@pytest.fixture
def demo_context(context) -> AppContext:
    """The demonstration data (Kalimantan task forces, rakor, commitments)."""
    fill_demo(context.db, today=TODAY)  # the demo and the screens agree on "today"
    return context
