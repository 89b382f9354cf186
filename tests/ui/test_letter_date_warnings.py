"""A letter dated on a weekend or a holiday is warned about under its date, never refused."""

from __future__ import annotations

from datetime import date

from secretariat.meetings.schedule_warnings import letter_date_warning
from tests.ui.keyboard import retype
from tests.ui.test_letter_dialogs import _meeting
from ui.invitation_dialog import InvitationDialog


def test_the_warning_follows_the_date_typed(qtbot, demo_context):
    meeting, day = _meeting(demo_context, "Pertemuan Koordinasi dan Sinkronisasi")
    dialog = InvitationDialog(demo_context, meeting, day)
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.letter_date_warning

    retype(qtbot, dialog.letter_date, "17-08-2025")  # Independence Day (a Sunday too)
    assert "libur" in warning.text()
    retype(qtbot, dialog.letter_date, "28-07-2025")  # a Monday
    assert not warning.isVisible()
    retype(qtbot, dialog.letter_date, "26-07-2025")  # a Saturday
    assert warning.isVisible() and "Sabtu atau Minggu" in warning.text()
    assert "26 Juli 2025" in warning.text()

    # Only a warning: the letter dated on a Saturday is still written.
    dialog.accept()
    assert not dialog.isVisible() and dialog.result_value is not None


def test_working_days_give_no_warning():
    assert letter_date_warning(date(2025, 7, 28)) is None
    assert letter_date_warning(date(2025, 7, 27)) is not None  # Sunday
