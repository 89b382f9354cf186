"""The Komitmen page (ui/commitment_list): filters and sorting as the core gives them,
lazy loading, and a commitment opened, edited (hostile text kept as typed) and refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models import CommitmentStatus, MeetingStatus
from secretariat.commitment_queries import (
    CommitmentFilter,
    CommitmentSort,
    count_commitments,
    get_commitment,
    list_commitments,
)
from secretariat.agencies import list_agencies
from secretariat.commitments import CommitmentDraft, add_commitment
from secretariat.database import open_database
from secretariat.demo import fill_demo
from secretariat.errors import DomainError
from secretariat.meetings import list_meetings
from tests.ui.conftest import TODAY
from ui.commitment_list.model import (
    COLUMNS,
    LATE_COLUMN,
    PAGE_SIZE,
    STATUS_COLUMN,
    TEXT_COLUMN,
)
from ui.commitment_list.page import CommitmentsPage
from ui.context import AppContext
from ui.settings import UiSettings

DUE_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.sort is CommitmentSort.DUE_DATE)


@pytest.fixture
def page(qtbot, demo_context) -> CommitmentsPage:
    page = CommitmentsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    with qtbot.waitSignal(page.loaded):
        page.show()
    return page


def shown_ids(page: CommitmentsPage) -> list[int]:
    while page.model.canFetchMore():
        page.model.fetchMore()
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]


def core_ids(context, flt: CommitmentFilter, **kw) -> list[int]:
    return [r.id for r in list_commitments(context.db, flt, limit=None, today=TODAY, **kw)]


def editable_commitment(context) -> int:
    """A new commitment in the demo's meeting whose minutes are still a draft (the demo's
    other commitments belong to final minutes, which the core keeps as they are)."""
    meeting = next(m for m in list_meetings(context.db)
                   if m.status is MeetingStatus.MINUTES_DRAFT)
    lead = list_agencies(context.db)[0].id
    return add_commitment(context.db, meeting.id, CommitmentDraft(
        text="Menyusun SOP pemulangan korban", lead_agency_id=lead,
        due_date=meeting.date + timedelta(days=60)))


def test_the_page_lists_every_commitment_with_status_colour_and_full_text(page, demo_context):
    total = count_commitments(demo_context.db, today=TODAY)
    assert total > 0 and page.model.total == total
    assert str(total) in page.filters.count.text().replace(".", "")
    row = page.model.row_at(0)
    assert page.model.index(0, TEXT_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == row.text
    assert page.model.index(0, STATUS_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert shown_ids(page) == core_ids(demo_context, CommitmentFilter())


def test_filters_give_the_rows_the_core_gives(page, demo_context, qtbot):
    bar = page.filters
    bar.status.setCurrentIndex(bar.status.findData(CommitmentStatus.IN_PROGRESS))
    assert shown_ids(page) == core_ids(
        demo_context, CommitmentFilter(statuses=(CommitmentStatus.IN_PROGRESS,)))
    assert all(page.model.row_at(r).status is CommitmentStatus.IN_PROGRESS
               for r in range(page.model.rowCount()))
    bar.status.setCurrentIndex(0)

    lead = list_commitments(demo_context.db, CommitmentFilter(open_only=True),
                            today=TODAY)[0].lead_agency_id
    bar.lead.setCurrentIndex(bar.lead.findData(lead))
    bar.open_only.setChecked(True)
    wanted = CommitmentFilter(lead_agency_id=lead, open_only=True)
    assert shown_ids(page) == core_ids(demo_context, wanted) != []
    bar.lead.setCurrentIndex(0)
    bar.open_only.setChecked(False)

    bar.overdue.setChecked(True)
    overdue = core_ids(demo_context, CommitmentFilter(overdue=True))
    assert overdue and shown_ids(page) == overdue
    assert page.model.index(0, LATE_COLUMN).data() not in ("", None)
    bar.overdue.setChecked(False)

    word = page.model.row_at(0).text.split()[0].lower()
    with qtbot.waitSignal(page.model.modelReset, timeout=2000):
        bar.text.setText(word.upper())  # waits for a pause in typing, then queries
    assert shown_ids(page) == core_ids(demo_context, CommitmentFilter(text=word))


def test_a_due_window_ending_before_it_starts_is_refused_on_the_page(page, qtbot):
    page.filters.due_from.setDate(TODAY)
    before = page.model.total
    page.filters.due_to.setDate(TODAY - timedelta(days=3))
    assert page.filter_error.isVisible() and page.filter_error.text()
    assert page.model.total == before  # the last good list stays


def test_clicking_due_date_header_sorts_by_the_core(page, demo_context):
    header = page.table.horizontalHeader()
    page.model.run(sort=CommitmentSort.MEETING)
    header.sectionClicked.emit(DUE_COLUMN)
    assert page.model.sort is CommitmentSort.DUE_DATE and not page.model.descending
    assert shown_ids(page) == core_ids(demo_context, CommitmentFilter(),
                                       sort=CommitmentSort.DUE_DATE)
    header.sectionClicked.emit(DUE_COLUMN)  # again: the other way round
    assert page.model.descending
    assert shown_ids(page) == core_ids(demo_context, CommitmentFilter(),
                                       sort=CommitmentSort.DUE_DATE, descending=True)
    header.sectionClicked.emit(TEXT_COLUMN)  # not sortable: the order stays
    assert page.model.sort is CommitmentSort.DUE_DATE and page.model.descending


def test_a_large_database_is_read_a_page_at_a_time(qtbot, tmp_path):
    db = open_database(tmp_path / "big.sqlite3")
    fill_demo(db, scale=1000, today=TODAY)
    context = AppContext(db=db, settings=UiSettings(str(tmp_path / "d.ini")),
                         today=lambda: TODAY)
    page = CommitmentsPage(context)
    qtbot.addWidget(page)
    page.show()
    total = count_commitments(db, today=TODAY)
    assert total > PAGE_SIZE
    assert page.model.total == total and page.model.rowCount() == PAGE_SIZE
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == 2 * PAGE_SIZE
    page.table.scrollToBottom()  # the view asks for more as the clerk scrolls
    qtbot.waitUntil(lambda: page.model.rowCount() > 2 * PAGE_SIZE)
    assert page.model.rowCount() < total


def test_open_and_edit_a_commitment_keeps_hostile_text(page, demo_context, qtbot):
    commitment_id = editable_commitment(demo_context)
    page.open_commitment(commitment_id)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.values["text"].textFormat() == Qt.TextFormat.PlainText
    dialog.edit_button.click()
    hostile = "<b>& =1+1 " + "panjang " * 200
    dialog.text_edit.setPlainText(hostile)
    with qtbot.waitSignal(demo_context.changes.changed):
        dialog.save_button.click()
    assert not dialog.editing()
    assert get_commitment(demo_context.db, commitment_id).row.text == hostile.strip()
    assert dialog.values["text"].text() == hostile.strip()
    row = page.model.row_of_id(commitment_id)  # the page reloaded on the announcement
    assert row is not None and page.model.row_at(row).text == hostile.strip()
    assert page.model.index(row, TEXT_COLUMN).data() == hostile.strip()


def test_an_invalid_edit_is_refused_next_to_its_field(page, demo_context):
    commitment_id = editable_commitment(demo_context)
    before = get_commitment(demo_context.db, commitment_id).row
    page.open_commitment(commitment_id)
    dialog = page.dialog
    dialog.edit_button.click()
    dialog.text_edit.setPlainText("   ")
    dialog.due_edit.setDate(before.meeting_date - timedelta(days=30))
    assert not dialog.save()
    assert dialog.editing() and dialog.form.error_text("text")
    dialog.text_edit.setPlainText("=1+1 <b>&")
    assert not dialog.save()
    assert dialog.form.error_text("due_date") and not dialog.form.error_text("text")
    assert dialog.text_edit.toPlainText() == "=1+1 <b>&"  # what was typed stays
    assert get_commitment(demo_context.db, commitment_id).row.text == before.text


def test_delete_asks_and_removes_the_commitment(page, demo_context, messages):
    commitment_id = editable_commitment(demo_context)
    demo_context.changes.announce("commitments")  # the page shows the new commitment
    page.open_commitment(commitment_id)
    assert page.model.row_of_id(commitment_id) is not None
    messages.answer = QMessageBox.StandardButton.No
    assert not page.dialog.delete()
    get_commitment(demo_context.db, commitment_id)  # still there
    messages.answer = QMessageBox.StandardButton.Yes
    assert page.dialog.delete()
    assert len(messages.texts("question")) == 2
    assert page.model.row_of_id(commitment_id) is None
    with pytest.raises(DomainError):
        get_commitment(demo_context.db, commitment_id)


def test_a_commitment_of_final_minutes_is_not_deleted(page, demo_context, messages):
    final = page.model.row_at(0).id
    page.open_commitment(final)
    assert not page.dialog.delete()
    assert messages.texts("warning")  # the core's reason, in words
    get_commitment(demo_context.db, final)


def test_render_the_page(page, demo_context, qtbot, tmp_path):
    page.filters.show_count(page.model.total)
    page.grab().save(str(tmp_path / "commitments.png"))
    page.open_commitment(page.model.row_at(0).id)
    qtbot.wait(20)
    page.dialog.grab().save(str(tmp_path / "dialog.png"))
    assert (tmp_path / "commitments.png").stat().st_size > 0
