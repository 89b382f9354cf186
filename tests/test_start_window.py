"""The desktop program starts on the chosen database and shows what it holds."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.app import StartWindow


def test_start_window_shows_the_database_and_its_contents(qtbot, sqlite_db):
    window = StartWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert any(str(sqlite_db.sqlite_path) in text for text in texts)
    assert any("0 rapat, 0 komitmen, 0 tindak lanjut" in text for text in texts)
    assert window.windowTitle() == "Sekretariat GT PP-TPPO"


def test_start_window_warns_about_a_database_on_a_network_share(qtbot, sqlite_db, monkeypatch):
    import ui.app

    monkeypatch.setattr(ui.app, "network_share_warning", lambda path: f"{path} di jaringan")
    window = StartWindow(sqlite_db)
    qtbot.addWidget(window)
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert f"{sqlite_db.sqlite_path} di jaringan" in texts
