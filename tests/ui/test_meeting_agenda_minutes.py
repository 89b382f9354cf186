"""A meeting's agenda and minutes tabs, driven as a secretary would during and after a rakor."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_meeting, make_province, make_task_force
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from models import MeetingStatus
from secretariat.documents.minutes_archive import archived_minutes
from secretariat.meetings.lifecycle import (
    get_meeting,
    get_minutes,
    list_agenda,
    list_meetings,
    mark_held,
)
from ui.meetings.meeting_view import MeetingView

DAY = date(2025, 12, 2)
HOSTILE = "<b>&amp; =cmd|' /C calc'!A0"


@pytest.fixture
def view(qtbot, context) -> MeetingView:
    """The page of a held rakor with a chair and no agenda yet."""
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           DAY, chair_name="Husnul Hatimah")
    mark_held(context.db, meeting, get_meeting(context.db, meeting).version, today=DAY)
    return _open(qtbot, context, meeting)


def _open(qtbot, context, meeting_id: int) -> MeetingView:
    page = MeetingView(context, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1200, 750)
    page.show()
    assert page.show_meeting(meeting_id)
    return page


def _add_item(view: MeetingView, title: str, presenter: str = "") -> None:
    view.agenda.add_new()
    dialog = view.agenda.dialog
    dialog.title_edit.setText(title)
    dialog.presenter.setText(presenter)
    dialog.accept()
    assert not dialog.isVisible(), dialog.form.error_text("title")


def _shown(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _agenda(view: MeetingView) -> list[str]:
    return [row.title for row in list_agenda(view.context.db, view.meeting.id)]


def _item(view: MeetingView, title: str):
    return next(r for r in list_agenda(view.context.db, view.meeting.id) if r.title == title)


def _select_minutes_item(view: MeetingView, number: int) -> None:
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.items.selectRow(number - 1)


def test_agenda_then_minutes_then_final(view, messages):
    # Given an agenda of three items
    for title, presenter in (("Pembukaan", "Kepala DP3AKB"), ("Paparan data TPPO", "Polda"),
                             ("Penandatanganan komitmen", "Seluruh anggota")):
        _add_item(view, title, presenter)
    assert _shown(view.agenda.model, 0) == ["1", "2", "3"]
    assert _shown(view.agenda.model, 1) == _agenda(view) == [
        "Pembukaan", "Paparan data TPPO", "Penandatanganan komitmen"]
    assert _shown(view.agenda.model, 2) == ["Kepala DP3AKB", "Polda", "Seluruh anggota"]

    # When the discussion and decisions of item 2, the opening and the conclusions are typed
    minutes = view.minutes
    _select_minutes_item(view, 2)
    assert minutes.item_heading.text() == "2. Paparan data TPPO\nPenyaji: Polda"
    minutes.discussion.setPlainText("Data korban belum seragam.")
    minutes.decisions.setPlainText("Data dihimpun satu pintu.")
    minutes.opening.setPlainText("Rapat dibuka pukul 09.00 WITA.")
    minutes.conclusions.setPlainText("1. Data terpadu\n2. Posko")
    assert minutes.unsaved_label.isVisible() and minutes.save_button.isEnabled()
    assert _shown(minutes.items_model, 1)[1] == "Paparan data TPPO *"
    assert get_minutes(view.context.db, view.meeting.id).opening == ""  # nothing saved yet

    minutes.save_button.click()

    # Then the core holds them and the tab shows them saved
    text = get_minutes(view.context.db, view.meeting.id)
    assert (text.opening, text.conclusions) == ("Rapat dibuka pukul 09.00 WITA.",
                                                "1. Data terpadu\n2. Posko")
    assert text.status is MeetingStatus.MINUTES_DRAFT
    item = _item(view, "Paparan data TPPO")
    assert (item.discussion, item.decisions) == ("Data korban belum seragam.",
                                                 "Data dihimpun satu pintu.")
    assert not minutes.unsaved_label.isVisible() and not minutes.save_button.isEnabled()
    assert _shown(minutes.items_model, 1)[1] == "Paparan data TPPO"
    assert minutes.discussion.toPlainText() == "Data korban belum seragam."  # item 2 still shown

    # When they are made final (after a confirmation)
    minutes.finalise_button.click()

    question = messages.texts("question")[-1]
    assert "final" in question
    assert "NIP" in question and "komitmen" in question.lower()  # what is hard to fix later
    assert get_meeting(view.context.db, view.meeting.id).status is MeetingStatus.MINUTES_FINAL
    kept = archived_minutes(view.context.db, view.meeting.id, circulated=False)
    assert kept is not None and kept.content.startswith(b"%PDF")  # the signed document
    for edit in (minutes.opening, minutes.discussion, minutes.decisions, minutes.conclusions):
        assert edit.isReadOnly()
    assert minutes.reopen_button.isVisible() and not minutes.finalise_button.isVisible()
    assert "final" in minutes.status_label.text()
    assert not view.agenda.add_button.isEnabled()
    assert view.agenda.notice.isVisibleTo(view.agenda)


def test_final_minutes_are_read_only_on_the_demo_rakor(qtbot, demo_context):
    rakor = next(m for m in list_meetings(demo_context.db) if m.date == DAY)
    page = _open(qtbot, demo_context, rakor.id)
    _select_minutes_item(page, 1)
    minutes = page.minutes

    assert minutes.opening.toPlainText().startswith("Kepala DP3AKB")
    assert minutes.discussion.toPlainText()  # the demo's discussion of item 1
    assert all(e.isReadOnly() for e in (minutes.opening, minutes.discussion, minutes.decisions,
                                        minutes.conclusions))
    assert not minutes.save_button.isEnabled()
    page.agenda.table.selectRow(0)
    assert not page.agenda.edit_button.isEnabled() and not page.agenda.remove_button.isEnabled()
    page.agenda.remove_selected()  # Del on the table: nothing happens, nothing is asked
    assert len(list_agenda(demo_context.db, rakor.id)) == 4


def test_reopening_needs_a_reason_and_keeps_it(view, messages):
    _add_item(view, "Pembukaan")
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.finalise_button.click()
    minutes = view.minutes
    assert not minutes.history.isVisible()

    # An empty reason is refused under the field, and the dialog stays open
    minutes.reopen_button.click()
    dialog = minutes.dialog
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.form.error_text("reason")
    assert get_meeting(view.context.db, view.meeting.id).status is MeetingStatus.MINUTES_FINAL

    dialog.reason.setPlainText("Salah ketik nama peserta <b>&")
    dialog.accept()

    assert not dialog.isVisible()
    text = get_minutes(view.context.db, view.meeting.id)
    assert text.status is MeetingStatus.MINUTES_DRAFT
    assert text.reopen_reasons == "Salah ketik nama peserta <b>&"
    assert not minutes.opening.isReadOnly()
    assert minutes.history.isVisible()
    assert minutes.history.textFormat() == Qt.TextFormat.PlainText
    assert "• Salah ketik nama peserta <b>&" in minutes.history.text()

    # Undo makes them final again; the reason stays on record
    view.undo_stack.undo()
    assert get_meeting(view.context.db, view.meeting.id).status is MeetingStatus.MINUTES_FINAL
    assert get_minutes(view.context.db, view.meeting.id).reopen_reasons == text.reopen_reasons
    assert minutes.opening.isReadOnly()

    # The next reopening shows the earlier reason in its dialog
    minutes.reopen_button.click()
    assert minutes.dialog.earlier.text() == "Salah ketik nama peserta <b>&"


def test_undo_of_an_added_item_removes_it_and_redo_brings_it_back(view):
    _add_item(view, "Pembukaan")
    _add_item(view, "Paparan", "Polda")
    stack = view.undo_stack

    stack.undo()
    assert _agenda(view) == ["Pembukaan"]
    assert _shown(view.agenda.model, 1) == ["Pembukaan"]

    stack.redo()
    assert _agenda(view) == ["Pembukaan", "Paparan"]
    assert _shown(view.agenda.model, 2) == ["", "Polda"]


def test_removed_item_comes_back_with_its_minutes_and_earlier_steps_still_undo(
        qtbot, view, messages):
    for title in ("Satu", "Dua", "Tiga"):
        _add_item(view, title)
    _select_minutes_item(view, 2)
    view.minutes.discussion.setPlainText("Dibahas")
    assert view.minutes.save()
    # Rename item 2, then remove it (confirmed)
    view.tabs.setCurrentWidget(view.agenda)
    view.agenda.select_item(_item(view, "Dua").id)
    view.agenda.edit_selected()
    view.agenda.dialog.title_edit.setText("Dua (ubah)")
    view.agenda.dialog.accept()
    view.agenda.select_item(_item(view, "Dua (ubah)").id)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.agenda.table.setFocus()
    qtbot.keyClick(view.agenda.table, Qt.Key.Key_Delete)  # Del on the table asks first
    assert "2" in messages.texts("question")[-1]
    assert _agenda(view) == ["Satu", "Tiga"]

    view.undo_stack.undo()  # the removal
    assert _agenda(view) == ["Satu", "Dua (ubah)", "Tiga"]
    assert _item(view, "Dua (ubah)").discussion == "Dibahas"

    view.undo_stack.undo()  # the rename, on the item that was re-created
    assert _agenda(view) == ["Satu", "Dua", "Tiga"]
    view.undo_stack.undo()  # the minutes' text
    assert _item(view, "Dua").discussion == ""
    assert messages.texts("warning") == []


def test_moving_items_up_and_down(view):
    for title in ("Satu", "Dua", "Tiga"):
        _add_item(view, title)
    agenda = view.agenda
    agenda.select_item(_item(view, "Tiga").id)
    assert not agenda.down_button.isEnabled()

    agenda.up_button.click()
    agenda.up_button.click()

    assert _agenda(view) == ["Tiga", "Satu", "Dua"]
    assert agenda.selected_row().title == "Tiga"  # the moved item stays selected
    assert not agenda.up_button.isEnabled()
    view.undo_stack.undo()
    assert _shown(agenda.model, 1) == ["Satu", "Tiga", "Dua"]


def test_unsaved_text_survives_reloads_and_moving_between_items(view):
    for title in ("Satu", "Dua"):
        _add_item(view, title)
    minutes = view.minutes
    _select_minutes_item(view, 1)
    minutes.discussion.setPlainText("Belum disimpan 1")
    _select_minutes_item(view, 2)
    minutes.decisions.setPlainText("Belum disimpan 2")
    minutes.opening.setPlainText("Pembukaan")

    _add_item(view, "Tiga")  # another tab writes: the whole page reloads

    assert minutes.has_unsaved_changes()
    assert minutes.opening.toPlainText() == "Pembukaan"
    assert minutes.decisions.toPlainText() == "Belum disimpan 2"  # item 2 is still the one shown
    _select_minutes_item(view, 1)
    assert minutes.discussion.toPlainText() == "Belum disimpan 1"
    assert _shown(minutes.items_model, 1) == ["Satu *", "Dua *", "Tiga"]

    minutes.save_button.click()
    assert (_item(view, "Satu").discussion, _item(view, "Dua").decisions) == (
        "Belum disimpan 1", "Belum disimpan 2")
    view.undo_stack.undo()
    assert (_item(view, "Satu").discussion, _item(view, "Dua").decisions) == ("", "")
    assert minutes.discussion.toPlainText() == "" and not minutes.has_unsaved_changes()


def test_hostile_text_is_kept_as_typed(view):
    long_text = "Pembahasan panjang. " * 1500
    _add_item(view, HOSTILE, "=1+1")
    assert _shown(view.agenda.model, 1) == [HOSTILE]
    assert _shown(view.agenda.model, 2) == ["=1+1"]

    _select_minutes_item(view, 1)
    minutes = view.minutes
    assert minutes.item_heading.text() == f"1. {HOSTILE}\nPenyaji: =1+1"
    minutes.discussion.setPlainText(long_text)
    minutes.conclusions.setPlainText("=SUM(A1:A9)\n<script>&nbsp;")
    minutes.save_button.click()

    assert _item(view, HOSTILE).discussion == long_text.strip()
    conclusions = "=SUM(A1:A9)\n<script>&nbsp;"
    assert get_minutes(view.context.db, view.meeting.id).conclusions == conclusions
    assert minutes.conclusions.toPlainText() == conclusions


def test_an_agenda_title_is_refused_next_to_the_field(view):
    view.agenda.add_new()
    dialog = view.agenda.dialog

    dialog.accept()  # no title
    assert dialog.isVisible() and dialog.form.error_text("title")

    dialog.title_edit.setText("x" * 301)
    dialog.accept()
    assert dialog.isVisible() and "300" in dialog.form.error_text("title")
    assert _agenda(view) == [] and view.undo_stack.count() == 0


def test_undo_of_making_final_reopens_with_a_reason_on_record(view):
    _add_item(view, "Pembukaan")
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.finalise_button.click()

    view.undo_stack.undo()

    text = get_minutes(view.context.db, view.meeting.id)
    assert text.status is MeetingStatus.MINUTES_DRAFT
    assert text.reopen_reasons  # the undone finalisation is explained, in Indonesian
    assert "final" in text.reopen_reasons.lower()
    assert view.minutes.history.isVisible()


def test_a_planned_meeting_is_marked_held_before_its_minutes(qtbot, context):
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           DAY)
    page = _open(qtbot, context, meeting)
    page.tabs.setCurrentWidget(page.minutes)
    minutes = page.minutes
    assert minutes.opening.isReadOnly() and minutes.held_button.isVisible()

    minutes.held_button.click()

    assert get_meeting(context.db, meeting).status is MeetingStatus.HELD
    assert not minutes.opening.isReadOnly() and not minutes.held_button.isVisible()


def test_making_final_saves_unsaved_text_first(view):
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.opening.setPlainText("Dibuka oleh Asisten III")

    view.minutes.finalise_button.click()

    text = get_minutes(view.context.db, view.meeting.id)
    assert (text.status, text.opening) == (MeetingStatus.MINUTES_FINAL, "Dibuka oleh Asisten III")
    assert not view.minutes.has_unsaved_changes()
    assert view.undo_stack.count() == 2  # saving and making final: two steps, undone one by one
