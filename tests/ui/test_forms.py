"""Form dialogs as a clerk meets them: readable refusals, Tab through every field, a size
that fits an office laptop's screen (1366 x 768)."""

from __future__ import annotations

from datetime import date, timedelta

from models import MeetingStatus
from secretariat.meetings.lifecycle import list_meetings
from tests.ui.keyboard import retype
from ui.invitation_dialog import InvitationDialog
from ui.meeting_schedule_dialog import ScheduleDialog

LAPTOP_WIDTH = 1366
DECEMBER_15 = date(2026, 12, 15)


def _planned(context):
    return next(m for m in list_meetings(context.db) if m.status is MeetingStatus.PLANNED)


def test_a_refusal_under_a_date_reads_across_the_row(qtbot, demo_context):
    planned = _planned(demo_context)
    dialog = InvitationDialog(demo_context, planned.id, planned.date)
    qtbot.addWidget(dialog)
    dialog.show()
    day_after = planned.date + timedelta(days=1)
    retype(qtbot, dialog.letter_date, day_after.strftime("%d-%m-%Y"))

    dialog.accept()

    message = dialog.findChild(type(dialog.invitees), "error_letter_date")
    assert dialog.isVisible() and message.isVisible()
    # Wider than the date box, on one or two lines: not a narrow column cut off below.
    assert message.width() > dialog.letter_date.line_edit.width() * 1.5
    assert message.height() <= 2.5 * message.fontMetrics().height()
    # The dialog made room for it at its own width (the size hint is for a narrower one,
    # where the same message wraps onto more lines), the whole message above the buttons.
    layout = dialog.layout()
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    bottom = message.mapTo(dialog, message.rect().bottomLeft()).y()
    assert bottom < dialog.buttons.geometry().top()


def test_tab_reaches_the_times_before_the_buttons(qtbot, demo_context):
    dialog = ScheduleDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    chain = dialog.form.focus_chain()
    assert chain[0] is dialog.task_force
    for widget in (dialog.has_start, dialog.start, dialog.has_end, dialog.end, dialog.notes):
        assert widget in chain
    assert chain.index(dialog.has_start) < chain.index(dialog.zone)


def test_the_schedule_dialog_fits_a_laptop_even_with_a_long_clash(qtbot, demo_context):
    # Given a meeting with a very long title on the planned rakor's day
    planned = _planned(demo_context)
    dialog = ScheduleDialog(demo_context, day=planned.date)
    qtbot.addWidget(dialog)
    dialog.show()
    # Then the first task force offered is the one that met last, and the clash shows
    assert dialog.task_force.currentData() == planned.task_force_id
    assert dialog.warnings.isVisible() and planned.title[:20] in dialog.warnings.text()
    assert dialog.width() < LAPTOP_WIDTH - 100
    assert dialog.minimumSizeHint().width() < LAPTOP_WIDTH - 100


def test_a_refusal_goes_away_once_the_field_is_corrected(qtbot, demo_context):
    dialog = ScheduleDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # no title
    assert dialog.form.error_text("title")
    dialog.title.setText("Rakor Triwulan I")
    assert dialog.form.error_text("title") == ""


def test_suggested_file_names_end_on_a_whole_word():
    from secretariat.file_targets import suggested_file_name
    from ui.documents_page import _file_name

    class Meeting:  # the two fields a file name is made of
        date = DECEMBER_15
        title = ("Rapat Koordinasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan: Evaluasi "
                 "Tindak Lanjut Komitmen")

    name = suggested_file_name(_file_name("Undangan", Meeting).removesuffix(".pdf"), ".pdf")
    assert name.startswith("Undangan 2026-12-15 Rapat Koordinasi") and name.endswith("….pdf")
    assert "  " not in name and ":" not in name
    assert name[:-len("….pdf")].split()[-1] in Meeting.title.split()  # no word cut in two
