"""Pengaturan → Cadangan: the kept backups listed, and one restored from the window."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from sqlalchemy import select

from models import SCHEMA_REVISION, Agency, AgencyLevel
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.storage.sqlite_copies import automatic_backup
from ui.preferences.page import PreferencesPage


def _abbreviations(db) -> set[str]:
    with db.reading() as session:
        return set(session.scalars(select(Agency.abbreviation)))


def _cadangan(qtbot, context):
    page = PreferencesPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.refresh()
    page.tabs.setCurrentWidget(page.backups)
    section = page.backups
    section.page = page  # the page owns the tab: keep it alive as long as the test needs it
    return section


def test_the_kept_backups_are_listed_with_why_and_what_they_hold(qtbot, demo_context):
    automatic_backup(demo_context.db.sqlite_path, "start")
    section = _cadangan(qtbot, demo_context)

    assert section.model.rowCount() == 1
    texts = [section.model.index(0, c).data() for c in range(section.model.columnCount())]
    assert "program dibuka" in texts[1]
    assert texts[2] == str(len(_abbreviations(demo_context.db)))
    assert str(section.folder()) in section.folder_label.text()


def test_a_backup_is_restored_from_the_window_after_a_yes(qtbot, demo_context, messages):
    kept = automatic_backup(demo_context.db.sqlite_path, "start")
    create_agency(demo_context.db, AgencyDraft(name="Instansi Sementara",
                                               abbreviation="SEMENTARA",
                                               level=AgencyLevel.PROVINCE))
    section = _cadangan(qtbot, demo_context)
    announced: list[str] = []
    demo_context.changes.changed.connect(announced.append)
    section.table.selectRow(0)

    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)

    assert "SEMENTARA" not in _abbreviations(demo_context.db)  # the restored data is shown
    question = messages.texts("question")[0]
    assert kept.name in question and "komitmen" in question
    assert "commitments" in announced and "agencies" in announced
    assert section.model.rowCount() == 2  # the data replaced was kept: undoable from here
    assert any("before-restore" in row.path.name for row in section.model.rows())


def test_a_file_that_only_claims_to_be_a_backup_is_refused_in_words(qtbot, demo_context,
                                                                     messages, tmp_path,
                                                                     monkeypatch):
    claim = tmp_path / "palsu.sqlite3"
    with sqlite3.connect(claim) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (SCHEMA_REVISION,))
    connection.close()
    before = _abbreviations(demo_context.db)
    section = _cadangan(qtbot, demo_context)
    monkeypatch.setattr(section, "ask_backup_path", lambda: str(claim))

    assert not section.restore_other()

    assert any("bukan cadangan" in text for text in messages.texts())
    assert not messages.texts("question")  # refused before any question
    assert _abbreviations(demo_context.db) == before
