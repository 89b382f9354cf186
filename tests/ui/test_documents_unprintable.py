"""Before a PDF is written, the clerk is told which characters no font can print."""

from __future__ import annotations

from datetime import date

from factories import make_meeting, make_task_force
from PySide6.QtWidgets import QMessageBox

from ui.documents_page import DocumentsPage

PRIVATE = "\ue000"  # a private-use character, as some phone keyboards paste: no font has it


def test_unprintable_characters_are_named_before_the_notulen_is_written(
        qtbot, context, messages, monkeypatch, tmp_path):
    task_force = make_task_force(context.db)
    meeting = make_meeting(context.db, task_force, date(2026, 11, 20),
                           title=f"Rakor {PRIVATE} وزارة الشؤون الدينية ✅")
    page = DocumentsPage(context)
    qtbot.addWidget(page)
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_target", lambda *_a: asked.append("where") or
                        str(tmp_path / "notulen.pdf"))
    page.select_meeting(meeting)

    # The clerk says No: nothing is asked further, nothing written.
    messages.answer = QMessageBox.StandardButton.No
    page.minutes_button.click()
    [question] = messages.texts("question")
    assert "U+E000" in question and "✅" not in question and "و" not in question
    assert asked == [] and not (tmp_path / "notulen.pdf").exists()

    # Yes: the PDF is written all the same, the rest of the title printed.
    messages.answer = QMessageBox.StandardButton.Yes
    page.minutes_button.click()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)
    assert asked == ["where"] and (tmp_path / "notulen.pdf").exists()


def test_a_printable_document_asks_nothing(qtbot, context, messages, monkeypatch, tmp_path):
    task_force = make_task_force(context.db)
    meeting = make_meeting(context.db, task_force, date(2026, 11, 20),
                           title="Rakor وزارة الشؤون الدينية ✅ 🙏")
    page = DocumentsPage(context)
    qtbot.addWidget(page)
    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "hadir.pdf"))
    page.select_meeting(meeting)
    page.attendance_button.click()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)
    assert messages.texts("question") == [] and (tmp_path / "hadir.pdf").exists()
