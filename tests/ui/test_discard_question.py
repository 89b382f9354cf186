"""Esc, Batal or the close button on a form with typed input asks before throwing it away."""

from __future__ import annotations

import pytest
from factories import make_meeting, make_province, make_task_force
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from secretariat.meetings.lifecycle import list_agenda
from ui.meetings.agenda_dialog import AgendaItemDialog


@pytest.fixture
def dialog(qtbot, context):
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)))
    shown = AgendaItemDialog(context, meeting, None)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_esc_on_an_untouched_form_closes_without_asking(qtbot, dialog, messages):
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert messages.texts("question") == []


def test_esc_after_typing_asks_and_cancel_keeps_the_text(qtbot, dialog, messages):
    qtbot.keyClicks(dialog.title_edit, "Paparan data TPPO")
    messages.answer = QMessageBox.StandardButton.Cancel

    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)

    assert messages.shown[-1][1] == "Buang perubahan?"
    assert dialog.isVisible() and dialog.title_edit.text() == "Paparan data TPPO"


def test_discard_closes_and_saves_nothing(qtbot, dialog, messages):
    qtbot.keyClicks(dialog.title_edit, "Paparan data TPPO")
    messages.answer = QMessageBox.StandardButton.Discard

    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()

    assert not dialog.isVisible()
    assert list_agenda(dialog.context.db, dialog.meeting_id) == []


def test_save_from_the_question_saves_what_was_typed(qtbot, dialog, messages):
    qtbot.keyClicks(dialog.title_edit, "Paparan data TPPO")
    messages.answer = QMessageBox.StandardButton.Save

    dialog.close()  # the window's close button

    assert not dialog.isVisible()
    assert [row.title for row in list_agenda(dialog.context.db, dialog.meeting_id)] == [
        "Paparan data TPPO"]


def test_save_from_the_question_that_is_refused_keeps_the_form_open(qtbot, dialog, messages):
    qtbot.keyClicks(dialog.presenter, "Polda")  # no title: the core refuses
    messages.answer = QMessageBox.StandardButton.Save

    qtbot.keyClick(dialog.presenter, Qt.Key.Key_Escape)

    assert dialog.isVisible() and dialog.form.error_text("title")
    assert dialog.presenter.text() == "Polda"
