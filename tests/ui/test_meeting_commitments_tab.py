"""A meeting's Komitmen tab: a commitment entered by mistake is removed there, after asking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from secretariat.commitments.queries import CommitmentFilter, list_commitments
from secretariat.meetings.lifecycle import finalise_minutes, get_meeting, mark_held
from tests.factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
)
from tests.ui.keyboard import press, type_here
from ui.date_field import DateField
from ui.meetings.agreed_entry import DUE, TEXT
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


def _entry_tab(qtbot, context):
    """The Komitmen tab of a meeting held in January 2025, its entry table focused."""
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           date(2025, 1, 10))
    make_agency(context.db, "Dinsos")
    view = _open_tab(qtbot, context, meeting)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.commitments.entry_table.setFocus()
    return meeting, view


def _type_row(qtbot, tab, row: int, text: str, due: str) -> None:
    """Commitment, Tab, lead agency by its first letters, Tab, Tab, the due date, Tab."""
    tab.entry_table.setCurrentIndex(tab.entry.index(row, TEXT))
    type_here(qtbot, text)  # typing on a cell opens its editor
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Din")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    editor = QApplication.focusWidget().parentWidget()
    assert isinstance(editor, DateField)
    assert editor.text() == ""  # an empty cell starts empty, not at today
    type_here(qtbot, due)
    press(qtbot, Qt.Key.Key_Tab)


def test_a_due_date_typed_in_the_grid_is_saved_as_typed(qtbot, context):
    # Given a meeting's entry table
    meeting, view = _entry_tab(qtbot, context)
    tab = view.commitments
    # When a row is typed with "31 Mar 2025" as its due date (QDateEdit saved 31 Des 2025)
    _type_row(qtbot, tab, 0, "Menyusun SOP rujukan korban", "31 Mar 2025")
    assert tab.entry.index(0, DUE).data() == "31 Mar 2025"
    tab.add_row_button.click()
    _type_row(qtbot, tab, 1, "Patroli terpadu di pelabuhan", "30 Jun 2025")  # was 6 Jun
    tab.save_button.click()
    # Then the commitments are due on the days typed
    assert tab.problem.text() == ""
    agreed = list_commitments(context.db, CommitmentFilter(meeting_id=meeting), limit=None,
                              today=DAY)
    assert {row.text: row.due_date for row in agreed} == {
        "Menyusun SOP rujukan korban": date(2025, 3, 31),
        "Patroli terpadu di pelabuhan": date(2025, 6, 30)}


def test_what_is_typed_in_a_dated_cell_replaces_its_date(qtbot, context):
    _meeting, view = _entry_tab(qtbot, context)
    tab = view.commitments
    _type_row(qtbot, tab, 0, "Menyusun SOP rujukan korban", "31 Mar 2025")
    tab.entry_table.setCurrentIndex(tab.entry.index(0, DUE))
    type_here(qtbot, "15-04-2025")
    editor = QApplication.focusWidget().parentWidget()
    assert editor.hint.text() == "Selasa, 15 April 2025"  # what is understood, as typed
    press(qtbot, Qt.Key.Key_Return)  # the table commits the cell once back in its loop
    qtbot.waitUntil(lambda: tab.entry.rows[0].due_date == date(2025, 4, 15))
    assert not isinstance(QApplication.focusWidget().parentWidget(), DateField)  # closed


def test_a_due_date_that_is_no_date_stays_in_its_cell_and_is_refused_by_row(qtbot, context):
    meeting, view = _entry_tab(qtbot, context)
    tab = view.commitments
    _type_row(qtbot, tab, 0, "Menyusun SOP rujukan korban", "31-02-2025")
    due = tab.entry.index(0, DUE)
    assert due.data() == "31-02-2025"  # kept as typed, in red
    assert due.data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    tab.save_button.click()
    assert tab.problem.text() == ("Baris 1: Batas waktu: '31-02-2025' bukan tanggal; tulis "
                                  "misalnya 15-01-2025 atau 15 Januari 2025.")
    assert list_commitments(context.db, CommitmentFilter(meeting_id=meeting), limit=None) == []
    assert tab.entry.rows[0].text == "Menyusun SOP rujukan korban"  # the row is kept


def test_save_all_clicked_while_a_due_date_is_being_typed_keeps_the_date(qtbot, context):
    meeting, view = _entry_tab(qtbot, context)
    tab = view.commitments
    _type_row(qtbot, tab, 0, "Menyusun SOP rujukan korban", "31 Mar 2025")
    tab.entry_table.setCurrentIndex(tab.entry.index(0, DUE))
    type_here(qtbot, "30/4/2025")  # and straight to the button, the cell still open
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (agreed,) = list_commitments(context.db, CommitmentFilter(meeting_id=meeting), limit=None)
    assert agreed.due_date == date(2025, 4, 30)
