"""A meeting's Komitmen tab: a commitment entered by mistake is removed there, after asking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from secretariat.commitments.queries import CommitmentFilter, list_commitments
from secretariat.meetings.lifecycle import finalise_minutes, get_meeting, mark_held
from tests.factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
)
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


def test_the_meetings_matrix_kept_in_excel_is_imported_after_a_trial(
        qtbot, demo_context, messages, tmp_path):
    from openpyxl import Workbook
    from PySide6.QtGui import QUndoStack

    from secretariat.commitments.queries import CommitmentFilter, list_commitments
    from secretariat.meetings.lifecycle import list_meetings
    from ui.meetings.meeting_view import MeetingView

    # Given the technical meeting held this week, minutes still in draft
    held = next(m for m in list_meetings(demo_context.db) if m.status.value == "minutes_draft")
    before = len(list_commitments(demo_context.db, CommitmentFilter(meeting_id=held.id),
                                  limit=None))
    workbook = Workbook()
    workbook.active.append(["Kesepakatan/Komitmen", "Penanggung Jawab", "Batas Waktu",
                            "Status", "Progres (%)"])
    workbook.active.append(["Menyusun modul sosialisasi TPPO", "Disdikbud Kalsel",
                            "31 Januari 2027", "Dalam Proses", 20])
    workbook.save(tmp_path / "matriks.xlsx")
    view = MeetingView(demo_context, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    view.show_meeting(held.id)
    tab = view.commitments
    tab.importer.ask_source = lambda: str(tmp_path / "matriks.xlsx")

    # When the clerk imports it and agrees
    tab.import_button.click()

    # Then the question told what would come, and the commitment is on the tab
    (question,) = messages.texts("question")
    assert "1 komitmen" in question
    rows = list_commitments(demo_context.db, CommitmentFilter(meeting_id=held.id), limit=None)
    assert len(rows) == before + 1 and tab.model.rowCount() == before + 1
    new = next(row for row in rows if row.text == "Menyusun modul sosialisasi TPPO")
    assert new.progress == 20


def test_the_tab_lists_commitments_in_the_order_agreed(qtbot, demo_context):
    from PySide6.QtGui import QUndoStack

    from secretariat.meetings.lifecycle import list_meetings
    from ui.meetings.meeting_view import MeetingView

    busiest = max(list_meetings(demo_context.db), key=lambda m: m.commitment_count)
    view = MeetingView(demo_context, QUndoStack())
    qtbot.addWidget(view)
    view.show_meeting(busiest.id)
    numbers = [view.commitments.model.row_at(r).number
               for r in range(view.commitments.model.rowCount())]
    assert len(numbers) > 2 and numbers == sorted(numbers)
