"""Komitmen: every commitment in one table, filtered and sorted by the core, read lazily."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from models import CommitmentStatus
from secretariat.agencies.register import find_agency_by_abbreviation
from secretariat.commitments.queries import CommitmentFilter, get_commitment, list_commitments
from secretariat.demo import fill_demo
from tests.factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
)
from tests.ui.conftest import TODAY
from tests.ui.keyboard import retype
from ui.commitments_model import PAGE_SIZE
from ui.commitments_page import CommitmentsPage


def _page(qtbot, context) -> CommitmentsPage:
    page = CommitmentsPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _shown_ids(page) -> list[int]:
    return [page.model.row_at(row).id for row in range(page.model.rowCount())]


def _core_ids(context, **filters) -> list[int]:
    rows = list_commitments(context.db, CommitmentFilter(**filters), limit=None,
                            today=context.today())
    return [row.id for row in rows]


def test_filters_show_what_the_core_finds(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert page.model.total == len(_core_ids(demo_context)) > 20
    assert page.count.text() == f"{page.model.total} komitmen"

    page.filters.status.setCurrentIndex(page.filters.status.findData(CommitmentStatus.DONE))
    assert _shown_ids(page) == _core_ids(demo_context, statuses=(CommitmentStatus.DONE,))
    assert {page.model.index(r, 5).data() for r in range(page.model.rowCount())} == {"Selesai"}

    page.filters.clear()
    polda = find_agency_by_abbreviation(demo_context.db, "Polda Kalsel")
    page.filters.lead.setCurrentIndex(page.filters.lead.findData(polda.id))
    assert _shown_ids(page) == _core_ids(demo_context, lead_agency_id=polda.id)
    assert {page.model.index(r, 3).data() for r in range(page.model.rowCount())} == \
        {"Polda Kalsel"}

    page.filters.clear()
    page.filters.overdue.setChecked(True)
    overdue = _core_ids(demo_context, overdue=True)
    assert _shown_ids(page) == overdue and overdue
    assert all(page.model.index(r, 7).data().isdigit() for r in range(page.model.rowCount()))


def test_text_filter_waits_for_a_pause_in_typing(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.filters.text.setText("migrant center")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert "Migrant Center" in page.model.row_at(0).text


def test_a_due_window_that_ends_before_it_starts_is_explained(qtbot, demo_context, messages):
    page = _page(qtbot, demo_context)
    retype(qtbot, page.filters.due_from, "31-12-2026")
    retype(qtbot, page.filters.due_to, "1-1-2026")  # the list follows after a pause
    qtbot.waitUntil(lambda: any("batas waktu" in text.lower()
                                for text in messages.texts("warning")), timeout=2000)


def test_sorting_by_due_date_descending_comes_from_the_core(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.table.horizontalHeader().sectionClicked.emit(4)  # already ascending: now descending
    dues = [page.model.row_at(r).due_date for r in range(page.model.rowCount())]
    dated = [d for d in dues if d is not None]
    assert dated == sorted(dated, reverse=True)


def test_large_lists_are_read_page_by_page(qtbot, context):
    fill_demo(context.db, scale=1000, today=TODAY)
    page = _page(qtbot, context)
    assert page.model.total > 1000
    assert page.model.rowCount() == PAGE_SIZE
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE)


def _draft_meeting_commitment(context) -> int:
    province = make_province(context.db)
    meeting = make_meeting(context.db, make_task_force(context.db, province))
    return make_commitment(context.db, meeting, make_agency(context.db, "Dinsos"),
                           text="Menyusun data korban", due_date=date(2026, 6, 30))


def test_a_commitment_is_edited_in_its_dialog_and_keeps_hostile_text(qtbot, context):
    commitment = _draft_meeting_commitment(context)
    page = _page(qtbot, context)
    first = page.model.row_at(0)
    assert first.id == commitment
    page.open_commitment(first.id)
    dialog = page.window.edit()
    hostile = "<b>Rapat & koordinasi</b> =1+1"
    dialog.text.setPlainText(hostile)
    retype(qtbot, dialog.due, "31 Mar 2027")

    dialog.accept()

    assert not dialog.isVisible()
    detail = get_commitment(context.db, first.id)
    assert detail.row.text == hostile and detail.row.due_date == date(2027, 3, 31)
    row = _shown_ids(page).index(first.id) if first.id in _shown_ids(page) else None
    assert row is not None and page.model.index(row, 2).data() == hostile


def test_an_empty_commitment_text_is_refused_next_to_the_field(qtbot, context):
    _draft_meeting_commitment(context)
    page = _page(qtbot, context)
    page.open_commitment(page.model.row_at(0).id)
    dialog = page.window.edit()
    dialog.text.setPlainText("   ")

    dialog.accept()

    assert dialog.isVisible()
    assert dialog.form.error_text("text") == "Komitmen wajib diisi."


def test_commitments_of_final_minutes_are_shown_read_only(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.open_commitment(page.model.row_at(0).id)  # the 2020 rakor, long final
    dialog = page.window.edit()
    assert not dialog.text.isEnabled()
    assert dialog.findChild(QLabel, "final_note").text().startswith("Notulen rapat ini")
    assert page.window.record_button.isEnabled()  # follow-up goes on after final minutes


def test_a_filter_given_from_outside_is_shown_whole_and_its_scope_can_be_removed(
        qtbot, demo_context):
    from models import CommitmentStatus as Status

    page = _page(qtbot, demo_context)
    some = page.model.row_at(0)
    wanted = CommitmentFilter(statuses=(Status.IN_PROGRESS,), lead_agency_id=some.lead_agency_id,
                              open_only=True, due_from=date(2025, 1, 1),
                              due_to=date(2026, 12, 31), task_force_id=1,
                              agreed_from=date(2025, 1, 1), agreed_to=date(2025, 12, 31))

    page.show_filtered(wanted, "GT Provinsi · rapat 2025")

    assert page.filters.current_filter() == wanted
    assert page.filters.scope_label.text() == "GT Provinsi · rapat 2025"
    assert page.model.total == len(list_commitments(demo_context.db, wanted, limit=None,
                                                    today=date(2026, 11, 25)))
    page.filters.scope_clear.click()
    assert page.filters.current_filter().task_force_id is None
    assert not page.filters.scope_label.isVisible()


def _focus_on(qtbot, page, commitment_id: int) -> None:
    """The cursor on the commitment's line, in an active window, as a clerk's click leaves it."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(_shown_ids(page).index(commitment_id), 2))


def test_del_removes_a_commitment_entered_by_mistake_after_asking(qtbot, context, messages):
    # Given a meeting with two commitments, one with hostile text, minutes still open
    province = make_province(context.db)
    meeting = make_meeting(context.db, make_task_force(context.db, province))
    dinsos = make_agency(context.db, "Dinsos")
    kept = make_commitment(context.db, meeting, dinsos, text="Menyusun data korban",
                           due_date=date(2026, 6, 30))
    mistaken = make_commitment(context.db, meeting, dinsos, text="<b>Salah</b> & ketik",
                               due_date=date(2026, 7, 31))
    page = _page(qtbot, context)
    _focus_on(qtbot, page, mistaken)

    # When the clerk answers No, nothing changes
    messages.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _core_ids(context) == [kept, mistaken]
    question = messages.texts("question")[-1]
    assert "<b>Salah</b> & ketik" in question and "tidak dapat dibatalkan" in question

    # When she answers Yes, it is gone from the database and from the list
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _core_ids(context) == [kept]
    qtbot.waitUntil(lambda: _shown_ids(page) == [kept])


def test_del_on_a_commitment_with_follow_ups_is_refused_in_words(qtbot, demo_context, messages):
    followed = next(row for row in list_commitments(demo_context.db, CommitmentFilter(),
                                                    limit=None, today=TODAY)
                    if row.status is CommitmentStatus.IN_PROGRESS)
    page = _page(qtbot, demo_context)
    before = _core_ids(demo_context)
    _focus_on(qtbot, page, followed.id)

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert _core_ids(demo_context) == before
    assert messages.texts("warning") or messages.texts("critical")


def test_a_due_window_typed_in_the_filters_lists_what_falls_in_it(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    retype(qtbot, page.filters.due_from, "1-1-2027")
    retype(qtbot, page.filters.due_to, "31 Mar 2027")
    window = (date(2027, 1, 1), date(2027, 3, 31))
    qtbot.waitUntil(lambda: page.model.total > 0 and all(
        window[0] <= page.model.row_at(r).due_date <= window[1]
        for r in range(page.model.rowCount())), timeout=2000)
    # A text that is no date filters nothing and says so beside the field, once left
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.filters.due_to.setFocus()
    retype(qtbot, page.filters.due_to, "31/13/2027")
    qtbot.keyClick(page.filters.due_to.line_edit, Qt.Key.Key_Tab)
    assert page.filters.due_to.hint.text() == "bukan tanggal"
    assert page.filters.current_filter().due_to is None
