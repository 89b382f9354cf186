"""The one date field, typed into as a clerk types: every common way of writing a date is
read and said back in words, a text that is no date is refused and kept, Tab moves on, and
the dialogs save the day that was typed (issue 20, item 8)."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from models import CommitmentStatus
from secretariat.commitments.follow_ups import list_follow_ups
from secretariat.commitments.queries import get_commitment
from secretariat.meetings.lifecycle import get_meeting, list_meetings
from tests.factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
)
from tests.ui.keyboard import press, retype
from ui.date_field import DateField
from ui.follow_ups.commitment_window import CommitmentWindow
from ui.meeting_schedule_dialog import ScheduleDialog

JANUARY_15 = date(2025, 1, 15)
NOT_A_DATE = ("Tanggal: '15/13/2025' bukan tanggal; tulis misalnya 15-01-2025 atau "
              "15 Januari 2025.")


def _field_and_next(qtbot, **kw) -> tuple[DateField, QLineEdit]:
    """A date field with a box after it, in an active window so Tab and focus work."""
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    field, after = DateField(window, **kw), QLineEdit(window)
    column.addWidget(field)
    column.addWidget(after)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    field.test_window = window  # the window lives as long as the test holds the field
    return field, after


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(("typed", "meant"), [
    ("15-01-2025", JANUARY_15), ("15/1/2025", JANUARY_15), ("15.01.2025", JANUARY_15),
    ("15012025", JANUARY_15), ("15 Jan 2025", JANUARY_15), ("15 Januari 2025", JANUARY_15),
    ("2025-01-15", JANUARY_15), ("15 Des 2025", date(2025, 12, 15)),
])
def test_each_way_a_clerk_writes_a_date_is_read_and_said_back_in_words(qtbot, typed, meant):
    field, _after = _field_and_next(qtbot, optional=True)
    qtbot.keyClicks(field.line_edit, typed)
    assert field.date() == meant
    assert field.problem() == ""
    weekday = {JANUARY_15: "Rabu, 15 Januari 2025", date(2025, 12, 15): "Senin, 15 Desember 2025"}
    assert field.hint.text() == weekday[meant]


def test_a_text_that_is_no_date_is_refused_in_red_when_left_and_kept_as_typed(qtbot):
    # Given a date field on its own, as in the Komitmen page's filters
    field, after = _field_and_next(qtbot, optional=True)
    qtbot.keyClicks(field.line_edit, "15/13/2025")
    assert field.date() is None and field.hint.text() == ""  # nothing understood, no guess
    # When the clerk leaves it
    press(qtbot, Qt.Key.Key_Tab)
    # Then it says in red that this is no date, and why under the pointer; the text stays
    assert after.hasFocus()
    assert field.text() == "15/13/2025"
    assert field.hint.text() == "bukan tanggal"
    assert "b00020" in field.hint.styleSheet()  # red, as every refusal
    assert field.hint.toolTip() == NOT_A_DATE


def test_an_empty_optional_field_says_it_holds_no_date(qtbot):
    field, _after = _field_and_next(qtbot, value=JANUARY_15, optional=True)
    retype(qtbot, field, "")
    assert field.date() is None and field.problem() == ""
    assert field.hint.text() == "tanpa tanggal"


def test_the_calendar_opens_on_the_date_typed_and_a_day_is_picked_with_the_keys(qtbot):
    field, _after = _field_and_next(qtbot, optional=True)
    qtbot.keyClicks(field.line_edit, "15-01-2025")
    press(qtbot, Qt.Key.Key_F4)
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate(2025, 1, 15)
    press(qtbot, Qt.Key.Key_Right)  # the next day
    press(qtbot, Qt.Key.Key_Return)
    assert not field.calendar.isVisible()
    assert field.date() == date(2025, 1, 16)
    assert field.line_edit.hasFocus()  # typing can go on


def test_the_calendar_of_an_empty_field_opens_on_today(qtbot):
    field, _after = _field_and_next(qtbot, optional=True)
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate.currentDate()  # not December 1999
    press(qtbot, Qt.Key.Key_Escape)
    assert not field.calendar.isVisible() and field.text() == ""


def test_typing_dates_leaves_the_interpreter_whole(qtbot):
    """With PySide6 6.12 every emit() made from Python drops a reference to True: a field
    that emitted a signal of its own on each key crashed the test run on exit."""
    field, _after = _field_and_next(qtbot, optional=True)
    before = sys.getrefcount(True)
    for _ in range(20):
        retype(qtbot, field, "15-01-2025")  # 200 keys and 20 dates read
    assert sys.getrefcount(True) > before - 50


def _schedule_dialog(qtbot, context) -> ScheduleDialog:
    dialog = ScheduleDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_meeting_typed_for_15_01_2025_is_saved_on_15_january_2025(qtbot, demo_context):
    # Given the schedule dialog, the cursor in its first field
    dialog = _schedule_dialog(qtbot, demo_context)
    # When the clerk types the title and the date the way it is written on paper
    qtbot.keyClicks(dialog.title, "Rakor Triwulan I")
    retype(qtbot, dialog.day, "15-01-2025")
    assert dialog.day.hint.text() == "Rabu, 15 Januari 2025"
    _save(qtbot, dialog)
    # Then the meeting is on 15 January 2025
    assert not dialog.isVisible(), dialog.form.error_text("date")
    assert get_meeting(demo_context.db, dialog.result_value).date == JANUARY_15


def test_a_date_that_is_no_date_is_refused_under_the_field_and_nothing_is_saved(
        qtbot, demo_context):
    before = len(list_meetings(demo_context.db))
    dialog = _schedule_dialog(qtbot, demo_context)
    qtbot.keyClicks(dialog.title, "Rakor Triwulan I")
    retype(qtbot, dialog.day, "15/13/2025")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("date") == NOT_A_DATE
    assert dialog.day.text() == "15/13/2025"  # kept, to be corrected
    assert dialog.day.line_edit.hasFocus()
    assert len(list_meetings(demo_context.db)) == before
    # Once corrected, the refusal goes and the meeting is saved
    retype(qtbot, dialog.day, "15/1/2025")
    assert dialog.form.error_text("date") == ""
    _save(qtbot, dialog)
    assert get_meeting(demo_context.db, dialog.result_value).date == JANUARY_15


def test_a_required_date_left_empty_says_it_is_required(qtbot, demo_context):
    dialog = _schedule_dialog(qtbot, demo_context)
    qtbot.keyClicks(dialog.title, "Rakor Triwulan I")
    retype(qtbot, dialog.day, "")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("date") == "Tanggal wajib diisi."


def test_tab_leaves_the_date_for_the_next_field_in_one_step(qtbot, demo_context):
    dialog = _schedule_dialog(qtbot, demo_context)
    chain = dialog.form.focus_chain()
    assert dialog.day in chain and dialog.day.calendar_button not in chain
    dialog.title.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.day.line_edit.hasFocus()
    assert dialog.day.line_edit.selectedText() == dialog.day.text()  # typing replaces it
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.has_start  # not the calendar button
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.title


@pytest.fixture
def early_commitment(context) -> int:
    """A commitment of a meeting held in January 2025, due at the end of June."""
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           date(2025, 1, 10), title="Rakor Triwulan I")
    return make_commitment(context.db, meeting, make_agency(context.db, "Dinsos"),
                           text="Menyiapkan rumah aman bagi korban", due_date=date(2025, 6, 30))


def _commitment_window(qtbot, context, commitment_id) -> CommitmentWindow:
    window = CommitmentWindow(context, commitment_id)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_follow_up_typed_for_20_mar_2025_is_logged_on_20_march(
        qtbot, context, early_commitment):
    window = _commitment_window(qtbot, context, early_commitment)
    window.record_follow_up()
    dialog = window.dialog
    retype(qtbot, dialog.date, "20 Mar 2025")  # QDateEdit made it 26 Mar 2025
    qtbot.keyClicks(dialog.note, "Lokasi rumah aman dipilih")
    dialog.status.setCurrentIndex(dialog.status.findData(CommitmentStatus.IN_PROGRESS))
    _save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.form.error_text("date")
    (logged,) = list_follow_ups(context.db, early_commitment)
    assert logged.date == date(2025, 3, 20)


def test_an_optional_due_date_cleared_is_saved_as_none(qtbot, context, early_commitment):
    window = _commitment_window(qtbot, context, early_commitment)
    dialog = window.edit()
    retype(qtbot, dialog.due, "")
    _save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.form.error_text("due_date")
    assert get_commitment(context.db, early_commitment).row.due_date is None
