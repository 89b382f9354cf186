"""Rapat across the three zones and past midnight, on SQLite and PostgreSQL.

The list and the calendar's day list go by the instant a meeting starts (09.00 WIT before
07.30 WIB); the schedule dialog, typed into as a clerk would, takes 20.00 to 01.00 as a
meeting that ends the next day and tells a clash in another zone as it is typed.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from factories import make_meeting, make_province, make_task_force
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit

from models import TimeZone
from secretariat.meetings.lifecycle import get_meeting
from ui.context import AppContext
from ui.meetings_page import MeetingsPage
from ui.settings import UiSettings
from ui.table_model import ROW_ROLE

DAY = date(2025, 7, 7)  # a Monday: "today" for these screens, so the dialog opens on it


@pytest.fixture
def context(db, tmp_path) -> AppContext:
    """Both databases behind the screens (the shared conftest's context is SQLite only)."""
    return AppContext(db=db, settings=UiSettings(str(tmp_path / "desktop.ini")),
                      today=lambda: DAY)


@pytest.fixture
def kalsel(db) -> int:
    return make_task_force(db, make_province(db, "63", "Kalimantan Selatan", TimeZone.WITA),
                           name="GT PP-TPPO Provinsi Kalimantan Selatan")


@pytest.fixture
def spread(db, kalsel) -> list[int]:
    """Meetings on DAY in three zones, scheduled out of order; returned in instant order."""
    kalbar = make_task_force(db, make_province(db, "61", "Kalimantan Barat", TimeZone.WIB),
                             name="GT PP-TPPO Provinsi Kalimantan Barat")
    wita = make_meeting(db, kalsel, DAY, start_time=time(9, 0), end_time=time(10, 0),
                        title="Kalsel 09.00 WITA")
    wib = make_meeting(db, kalbar, DAY, start_time=time(7, 30), title="Kalbar 07.30 WIB")
    wit = make_meeting(db, kalsel, DAY, start_time=time(9, 0), end_time=time(11, 0),
                       time_zone=TimeZone.WIT, title="Kalsel 09.00 WIT")
    return [wit, wib, wita]  # 00.00, 00.30 and 01.00 UTC


def _page(qtbot, context) -> MeetingsPage:
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _shown(model) -> list[int]:
    return [model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())]


def _type_time(qtbot, edit: QDateTimeEdit, typed: str) -> None:
    """Click into the hours and type "20.00", as a clerk does."""
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, typed)


def test_the_list_and_the_days_meetings_go_by_the_instant(qtbot, context, spread):
    page = _page(qtbot, context)
    assert _shown(page.proxy) == spread
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by time, latest first
    assert _shown(page.proxy) == spread[::-1]
    page.views.setCurrentIndex(1)
    page.calendar.setSelectedDate(QDate(DAY))
    assert _shown(page.day_model) == spread


def test_a_meeting_typed_from_20_to_01_is_saved_as_ending_the_next_day(qtbot, context, kalsel):
    page = _page(qtbot, context)
    page.add_new()
    dialog = page.dialog
    qtbot.keyClicks(dialog.title, "Rapat malam penanganan korban")
    _type_time(qtbot, dialog.start, "20.00")
    _type_time(qtbot, dialog.end, "01.00")
    assert (dialog.start.time().toPython(), dialog.end.time().toPython()) == (time(20, 0),
                                                                             time(1, 0))
    assert dialog.next_day.isVisibleTo(dialog) and dialog.next_day.text() == "hari berikutnya"

    dialog.accept()

    assert not dialog.isVisible()
    saved = get_meeting(context.db, dialog.result_value)
    assert (saved.date, saved.start_time, saved.end_time) == (DAY, time(20, 0), time(1, 0))
    assert saved.ends_next_day
    page.views.setCurrentIndex(1)
    page.calendar.setSelectedDate(QDate(2025, 7, 8))  # it runs into Tuesday, listed there too
    assert _shown(page.day_model) == [saved.id]
    page.view.show_meeting(saved.id)
    assert "20.00 – 01.00 WITA (hari berikutnya)" in page.view.facts.text()


def test_the_dialog_tells_a_clash_in_another_zone_while_the_times_are_typed(
        qtbot, context, kalsel, spread):
    page = _page(qtbot, context)
    page.add_new()
    dialog = page.dialog
    dialog.task_force.setCurrentIndex(dialog.task_force.findData(kalsel))
    _type_time(qtbot, dialog.start, "10.00")  # 11.00 WIT, as the WIT meeting ends
    _type_time(qtbot, dialog.end, "11.00")
    assert not dialog.warnings.isVisibleTo(dialog), dialog.warnings.text()
    assert not dialog.next_day.isVisibleTo(dialog)

    _type_time(qtbot, dialog.start, "08.00")  # 09.00 WIT: the same instant

    assert dialog.warnings.isVisibleTo(dialog)
    assert "Kalsel 09.00 WIT (09.00 WIT)" in dialog.warnings.text()
