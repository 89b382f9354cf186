"""A meeting's Komitmen tab: a commitment entered by mistake is removed there, after asking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from secretariat.commitment_queries import CommitmentFilter, list_commitments
from secretariat.meetings import finalise_minutes, get_meeting, mark_held
from tests.factories import make_agency, make_commitment, make_meeting, make_province
from tests.factories import make_task_force
from ui.meetings.meeting_view import MeetingView

DAY = date(2025, 12, 2)


def _numbers_and_texts(context, meeting_id):
    rows = list_commitments(context.db, CommitmentFilter(meeting_id=meeting_id), limit=None,
                            today=DAY)
    return sorted((row.number, row.text) for row in rows)


def _meeting_with_commitments(context) -> int:
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           DAY, chair_name="Husnul Hatimah")
    agency = make_agency(context.db, "Dinsos")
    for text in ("Pertama", "Salah ketik", "Ketiga"):
        make_commitment(context.db, meeting, agency, text=text)
    return meeting


def _open_tab(qtbot, context, meeting_id) -> MeetingView:
    view = MeetingView(context, QUndoStack())
    qtbot.addWidget(view)
    view.resize(1200, 750)
    view.show()
    assert view.show_meeting(meeting_id)
    view.tabs.setCurrentWidget(view.commitments)
    return view


def test_del_removes_the_selected_commitment_and_the_rest_are_renumbered(
        qtbot, context, messages):
    meeting = _meeting_with_commitments(context)
    view = _open_tab(qtbot, context, meeting)
    tab = view.commitments
    tab.table.selectRow(1)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    tab.table.setFocus()

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    assert "Salah ketik" in messages.texts("question")[-1]
    assert _numbers_and_texts(context, meeting) == [(1, "Pertama"), (2, "Ketiga")]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)


def test_no_keeps_the_commitment_and_final_minutes_offer_no_removal(qtbot, context, messages):
    meeting = _meeting_with_commitments(context)
    view = _open_tab(qtbot, context, meeting)
    tab = view.commitments
    tab.table.selectRow(1)
    messages.answer = QMessageBox.StandardButton.No
    tab.delete_button.click()
    assert len(_numbers_and_texts(context, meeting)) == 3

    mark_held(context.db, meeting, get_meeting(context.db, meeting).version, today=DAY)
    finalise_minutes(context.db, meeting, get_meeting(context.db, meeting).version)
    assert view.show_meeting(meeting)
    assert not tab.delete_button.isEnabled()
    asked = len(messages.texts("question"))
    tab.delete_selected()
    assert len(messages.texts("question")) == asked
    assert len(_numbers_and_texts(context, meeting)) == 3
