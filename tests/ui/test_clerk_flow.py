"""A rakor from start to finish, driven through the main window as a clerk would."""

from __future__ import annotations

from datetime import date

from models import AttendanceStatus, MeetingStatus
from secretariat.agencies.register import find_agency_by_abbreviation
from secretariat.commitments.queries import CommitmentFilter, list_commitments
from secretariat.meetings.attendance import list_attendance
from secretariat.meetings.lifecycle import get_meeting
from tests.ui.keyboard import retype
from ui.main_window import MainWindow
from ui.meetings.agreed_entry import DUE, LEAD, SUPPORTING, TEXT


def _set(model, row: int, column: int, value) -> None:
    assert model.setData(model.index(row, column), value)


def test_a_rakor_from_scheduling_to_final_minutes_and_search(qtbot, demo_context, messages):
    db = demo_context.db
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()

    # Given a rakor scheduled today through the Rapat page (Ctrl+N)
    meetings = window.show_page("meetings")
    window.current_page().add_new()
    schedule = meetings.dialog
    schedule.task_force.setCurrentIndex(schedule.task_force.findText(
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan"))
    schedule.title.setText("Rakor Evaluasi Akhir Tahun 2026")
    retype(qtbot, schedule.day, "25-11-2026")
    schedule.place.setText("Aula DP3AKB, Banjarbaru")
    schedule.chair.setText("Husnul Hatimah")
    schedule.note_taker.setText("Muhammad Rizal Fahmi, S.H.")
    schedule.accept()
    assert not schedule.isVisible(), schedule.form.error_text("title")
    meeting_id = schedule.result_value
    meetings.show_meeting(meeting_id)
    view = meetings.view
    assert view.title.text() == "Rakor Evaluasi Akhir Tahun 2026"

    # When the attendance is recorded: two walk-ins, one of them represented by a deputy
    view.tabs.setCurrentWidget(view.attendance)
    dp3akb = find_agency_by_abbreviation(db, "DP3AKB Kalsel")
    polda = find_agency_by_abbreviation(db, "Polda Kalsel")
    for agency, name in ((dp3akb, "Husnul Hatimah"), (polda, "Kompol Rudi Hartono")):
        view.attendance.add_attendee()
        walk_in = view.attendance.dialog
        walk_in.agency.setCurrentIndex(walk_in.agency.findData(agency.id))
        walk_in.name.setText(name)
        walk_in.accept()
        assert not walk_in.isVisible(), walk_in.form.error_text("name")
    view.attendance.table.selectRow(1)
    view.attendance.set_status(AttendanceStatus.REPRESENTED)
    deputy = view.attendance.deputy_dialog
    qtbot.keyClicks(deputy.name, "AKBP Sri Wahyuni")
    qtbot.keyClicks(deputy.position, "Kanit PPA Subdit IV")
    deputy.accept()
    lines = {line.name: line for line in list_attendance(db, meeting_id)}
    assert lines["Husnul Hatimah"].status is AttendanceStatus.PRESENT
    assert lines["Kompol Rudi Hartono"].represented_by == "AKBP Sri Wahyuni"
    assert view.attendance.count.text() == "Hadir: 2 dari 2"

    # And the minutes are written after the meeting is marked held
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.held_button.click()
    view.minutes.opening.setPlainText("Rapat dibuka oleh Kepala DP3AKB pukul 09.00 WITA.")
    view.minutes.conclusions.setPlainText("Tiga komitmen baru disepakati.")
    view.minutes.save_button.click()

    # And three commitments are added at once
    view.tabs.setCurrentWidget(view.commitments)
    entry = view.commitments.entry
    for row, (text, lead, supporting) in enumerate((
            ("Menyusun SOP rujukan korban TPPO", dp3akb.id, "Polda Kalsel"),
            ("Melaksanakan patroli terpadu di pelabuhan", polda.id, ""),
            ("Menyampaikan data korban triwulanan", dp3akb.id, "Dinsos Kalsel, Polda Kalsel"))):
        if row:
            entry.add_row()
        _set(entry, row, TEXT, text)
        _set(entry, row, LEAD, lead)
        _set(entry, row, SUPPORTING, supporting)
        _set(entry, row, DUE, date(2027, 3, 31))
    view.commitments.save_button.click()
    assert view.commitments.problem.text() == ""
    agreed = list_commitments(db, CommitmentFilter(meeting_id=meeting_id), limit=None)
    assert [c.text for c in agreed] == ["Menyusun SOP rujukan korban TPPO",
                                        "Melaksanakan patroli terpadu di pelabuhan",
                                        "Menyampaikan data korban triwulanan"]
    assert view.commitments.model.rowCount() == 3

    # And the minutes are made final
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.finalise_button.click()
    assert messages.texts("warning") == []
    assert get_meeting(db, meeting_id).status is MeetingStatus.MINUTES_FINAL
    assert not view.commitments.save_button.isEnabled()

    # Then the commitment is found through the search box and opens
    window.search_box.setText("patroli terpadu")
    window.search_box.returnPressed.emit()
    assert window.current_key() == "search"
    found = window.current_page()
    texts = [found.model.index(r, c).data() for r in range(found.model.rowCount())
             for c in range(found.model.columnCount())]
    assert "Melaksanakan patroli terpadu di pelabuhan" in texts


def test_del_removes_an_attendance_line_after_asking_and_undo_brings_it_back(
        qtbot, demo_context, messages):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack

    from secretariat.meetings.lifecycle import list_meetings
    from ui.meetings.meeting_view import MeetingView

    planned = next(m for m in list_meetings(demo_context.db) if m.status is MeetingStatus.PLANNED)
    stack = QUndoStack()
    view = MeetingView(demo_context, stack)
    qtbot.addWidget(view)
    view.show()
    view.show_meeting(planned.id)
    view.tabs.setCurrentWidget(view.attendance)
    before = len(list_attendance(demo_context.db, planned.id))
    view.attendance.table.selectRow(0)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.attendance.table.setFocus()

    qtbot.keyClick(view.attendance.table, Qt.Key.Key_Delete)

    assert messages.texts("question")  # asked first
    assert len(list_attendance(demo_context.db, planned.id)) == before - 1
    stack.undo()
    assert len(list_attendance(demo_context.db, planned.id)) == before


def test_progress_reported_at_the_meeting_moves_the_commitment(qtbot, demo_context, messages):
    from PySide6.QtGui import QUndoStack

    from models import CommitmentStatus
    from secretariat.commitments.follow_ups import list_follow_ups
    from secretariat.commitments.queries import get_commitment
    from secretariat.meetings.lifecycle import list_meetings
    from ui.meetings.meeting_view import MeetingView

    planned = next(m for m in list_meetings(demo_context.db) if m.status is MeetingStatus.PLANNED)
    demo_context.today = lambda: planned.date  # the rakor is under way
    view = MeetingView(demo_context, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    view.show_meeting(planned.id)
    view.tabs.setCurrentWidget(view.carry_forward)
    row = view.carry_forward.model.row_at(0)
    view.carry_forward.table.selectRow(0)
    view.carry_forward.update_selected()
    dialog = view.carry_forward.dialog
    dialog.status.setCurrentIndex(dialog.status.findData(CommitmentStatus.IN_PROGRESS))
    dialog.progress.setValue(85)
    dialog.note.setPlainText("Dilaporkan Setda dalam rakor.")

    dialog.accept()

    fields = ("status", "progress", "note", "status_reason")
    assert not dialog.isVisible(), (messages.texts(), [dialog.form.error_text(f) for f in fields])
    assert get_commitment(demo_context.db, row.id).row.progress == 85
    assert list_follow_ups(demo_context.db, row.id)[0].meeting_id == planned.id


def test_the_members_are_invited_in_one_step_that_undo_takes_back(qtbot, demo_context,
                                                                  messages):

    from PySide6.QtGui import QUndoStack

    from models import MeetingKind
    from secretariat.agencies.contacts import list_memberships
    from secretariat.meetings.lifecycle import MeetingDraft, list_meetings, schedule_meeting
    from ui.meetings.meeting_view import MeetingView

    # Given a new rakor of the Kalsel task force with nobody on its list yet
    kalsel = next(m for m in list_meetings(demo_context.db)
                  if m.status is MeetingStatus.PLANNED).task_force_id
    meeting_id = schedule_meeting(demo_context.db, MeetingDraft(
        kalsel, MeetingKind.RAKOR, "Rakor Triwulan I 2027", date(2027, 2, 9)))
    stack = QUndoStack()
    view = MeetingView(demo_context, stack)
    qtbot.addWidget(view)
    view.show()
    view.show_meeting(meeting_id)
    seated = {seat.agency_id for seat in list_memberships(demo_context.db, task_force_id=kalsel)
              if seat.end_date is None or seat.end_date >= date(2027, 2, 9)}

    # When the clerk clicks "Undang anggota gugus tugas"
    view.attendance.invite_members_button.click()

    # Then each seated agency is invited once, and one undo takes them all off again
    lines = list_attendance(demo_context.db, meeting_id)
    assert 0 < len(lines) <= len(seated)
    assert {line.agency_id for line in lines} <= seated
    assert view.attendance.model.rowCount() == len(lines)
    stack.undo()
    assert list_attendance(demo_context.db, meeting_id) == []
    stack.redo()
    assert len(list_attendance(demo_context.db, meeting_id)) == len(lines)
    view.attendance.invite_members_button.click()  # nothing left to add: it says so
    assert messages.texts("warning") and stack.count() == 1
    # ... as a step that is not possible, not as "not saved": nothing was being saved
    assert [title for kind, title, _text in messages.shown] == ["Tidak dapat dilakukan"]
