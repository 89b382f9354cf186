"""Rapat: scheduling with holiday and clash warnings, the list, the calendar, a meeting's page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from secretariat.meetings.lifecycle import list_meetings
from tests.ui.keyboard import retype
from ui.meetings_page import MeetingsPage


def _page(qtbot, context) -> MeetingsPage:
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _titles(page) -> list[str]:
    return [page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())]


def test_a_rakor_is_scheduled_with_a_holiday_warning_and_shows_in_list_and_calendar(
        qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.add_new()
    dialog = page.dialog
    dialog.task_force.setCurrentIndex(dialog.task_force.findText(
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan"))
    hostile = "Rakor <b>akhir</b> tahun & evaluasi"
    dialog.title.setText(hostile)

    retype(qtbot, dialog.day, "25-12-2026")
    assert dialog.warnings.isVisibleTo(dialog)
    assert "Hari Raya Natal" in dialog.warnings.text()
    retype(qtbot, dialog.day, "22 Des 2026")
    assert not dialog.warnings.isVisibleTo(dialog)
    dialog.place.setText("Aula DP3AKB")

    dialog.accept()

    assert not dialog.isVisible()
    assert hostile in _titles(page)
    assert dialog.zone.currentText() == "WITA"  # the province's zone, by default
    page.views.setCurrentIndex(1)
    page.calendar.setSelectedDate(QDate(2026, 12, 22))
    assert page.day_model.rowCount() == 1
    assert page.day_model.row_at(0).title == hostile


def test_a_clash_with_the_planned_rakor_is_announced(qtbot, demo_context):
    planned = next(m for m in list_meetings(demo_context.db) if m.date > date(2026, 11, 25)
                   and m.kind.value == "rakor")
    page = _page(qtbot, demo_context)
    page.add_new()
    dialog = page.dialog
    dialog.task_force.setCurrentIndex(dialog.task_force.findData(planned.task_force_id))
    retype(qtbot, dialog.day, planned.date.strftime("%d/%m/%Y"))
    assert planned.title in dialog.warnings.text()


def test_wrong_input_is_refused_next_to_the_field(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.add_new()
    dialog = page.dialog
    dialog.accept()  # no title
    assert dialog.isVisible() and dialog.form.error_text("title")
    dialog.title.setText("Rapat teknis")
    dialog.start.setTime(dialog.start.time().fromString("14.00", "HH.mm"))
    dialog.end.setTime(dialog.end.time().fromString("14.00", "HH.mm"))
    dialog.accept()
    assert dialog.isVisible() and "selesai" in dialog.form.error_text("end_time").lower()


def test_a_meeting_opens_in_place_and_back_returns_to_the_list(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.table.selectRow(0)
    chosen = page.selected_meeting()
    page.open_selected()
    assert page.stack.currentWidget() is page.view
    assert page.view.title.text() == chosen.title
    page.view.back_requested.emit()
    assert page.stack.currentIndex() == 0


def test_without_a_task_force_the_clerk_is_told_where_to_record_one(qtbot, context, messages):
    page = _page(qtbot, context)
    page.add_new()
    dialog = page.dialog
    assert dialog.task_force.count() == 0 and "Gugus Tugas" in dialog.task_force.placeholderText()
    dialog.title.setText("Rakor pertama")
    dialog.accept()
    assert dialog.isVisible() and "Gugus Tugas" in dialog.form.error_text("task_force_id")
    assert messages.shown == []  # next to the field, not a "number None" dialog
    assert list_meetings(context.db) == []
