"""A deputy recorded right: their own name, jabatan, unit and phone, typed into the
question "Diwakili", kept on the official's line, undone in one step, and counted apart."""

from __future__ import annotations

from datetime import date

from factories import make_agency, make_meeting, make_task_force, version_of
from PySide6.QtCore import Qt

from models import AttendanceStatus, Meeting
from secretariat.commitments.progress import progress_figures
from secretariat.meetings.attendance import AttendanceDraft, add_attendance, list_attendance
from secretariat.meetings.lifecycle import get_meeting, mark_held
from ui.meetings.attendance_view import AttendanceTab

HELD = date(2025, 3, 4)


def _tab(qtbot, context, meeting_id: int) -> AttendanceTab:
    from PySide6.QtGui import QUndoStack

    tab = AttendanceTab(context, QUndoStack(), None)
    qtbot.addWidget(tab)
    tab.load(get_meeting(context.db, meeting_id))
    tab.show()
    return tab


def _held_rakor(db):
    from models import MeetingKind

    task_force = make_task_force(db)
    polda = make_agency(db, "Polda")
    meeting = make_meeting(db, task_force, HELD, kind=MeetingKind.RAKOR)
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=HELD)
    add_attendance(db, meeting, AttendanceDraft(
        agency_id=polda, name="Kombes Pol. Hendra", position="Dirreskrimum",
        phone="0811-5211-0460"), today=HELD)
    return task_force, meeting


def test_the_deputy_dialog_takes_name_jabatan_unit_and_phone(qtbot, context):
    _task_force, meeting = _held_rakor(context.db)
    context.today = lambda: HELD
    tab = _tab(qtbot, context, meeting)
    tab.table.selectRow(0)

    tab.set_status(AttendanceStatus.REPRESENTED)
    dialog = tab.deputy_dialog
    assert "Kombes Pol. Hendra" in " ".join(
        label.text() for label in dialog.findChildren(type(tab.count)))
    qtbot.keyClicks(dialog.name, "AKBP Nurul Aini")
    qtbot.keyClicks(dialog.position, "Kasubdit IV Renakta")
    qtbot.keyClicks(dialog.unit, "Ditreskrimum")
    qtbot.keyClicks(dialog.phone, "telepon <kantor>")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)

    # A phone that is no number is refused under its field; nothing is saved yet.
    assert dialog.isVisible() and dialog.form.error_text("represented_phone")
    assert list_attendance(context.db, meeting)[0].status is AttendanceStatus.INVITED
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "0813-4877-5512")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)

    line = list_attendance(context.db, meeting)[0]
    assert not dialog.isVisible()
    assert (line.status, line.represented_by, line.represented_position, line.represented_unit,
            line.represented_phone) == (AttendanceStatus.REPRESENTED, "AKBP Nurul Aini",
                                        "Kasubdit IV Renakta", "Ditreskrimum", "0813-4877-5512")
    # The official's own details stay on the line; one undo takes the deputy off again.
    assert (line.name, line.phone) == ("Kombes Pol. Hendra", "0811-5211-0460")
    tab.undo_stack.undo()
    line = list_attendance(context.db, meeting)[0]
    assert line.status is AttendanceStatus.INVITED and line.represented_by == ""


def test_a_deputy_without_a_name_is_refused_under_the_name(qtbot, context):
    _task_force, meeting = _held_rakor(context.db)
    context.today = lambda: HELD
    tab = _tab(qtbot, context, meeting)
    tab.table.selectRow(0)
    tab.set_status(AttendanceStatus.REPRESENTED)
    qtbot.keyClicks(tab.deputy_dialog.position, "Kanit PPA")
    tab.deputy_dialog.accept()
    assert tab.deputy_dialog.isVisible()
    assert tab.deputy_dialog.form.error_text("represented_by")


def test_progress_counts_represented_apart_and_in_the_rate(db):
    task_force, meeting = _held_rakor(db)
    line = list_attendance(db, meeting)[0]
    from secretariat.meetings.attendance import update_attendance

    update_attendance(db, line.id, AttendanceDraft(
        agency_id=line.agency_id, name=line.name, status=AttendanceStatus.REPRESENTED,
        represented_by="AKBP Nurul Aini"), line.version, today=HELD)

    figures = progress_figures(db, task_force, date(2025, 1, 1), date(2025, 12, 31),
                               today=date(2025, 6, 1))
    (polda,) = figures.attendance
    assert (polda.invited, polda.present, polda.represented, polda.absent) == (1, 0, 1, 0)
    assert polda.rate == 1.0
