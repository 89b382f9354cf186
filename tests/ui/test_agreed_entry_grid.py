"""The Komitmen tab's quick-entry grid typed as a spreadsheet: Tab on to a new row, Enter
down, choices proposed from any part of a name, Rencana Aksi kept, supporting agencies
proposed for the piece after the last comma."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from secretariat.commitments.queries import CommitmentFilter, get_commitment, list_commitments
from secretariat.documents.action_matrix import action_matrix
from tests.factories import make_agency, make_meeting, make_province, make_task_force
from tests.ui.keyboard import press, type_here
from ui.meetings.agreed_entry import ACTION_PLAN, FOCUS, LEAD, SUB, SUPPORTING, TEXT
from ui.meetings.meeting_view import MeetingView

MEETING_DAY = date(2025, 1, 10)


def _grid(qtbot, context):
    """The Komitmen tab of a meeting in January 2025, with three agencies to choose from."""
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           MEETING_DAY)
    make_agency(context.db, "Polda Kalsel", name="Kepolisian Daerah Kalimantan Selatan")
    make_agency(context.db, "Dinsos Kalsel", name="Dinas Sosial Provinsi Kalimantan Selatan")
    make_agency(context.db, "DP3AKB Kalsel", name="Dinas Pemberdayaan Perempuan, "
                "Perlindungan Anak dan Keluarga Berencana Provinsi Kalimantan Selatan")
    view = MeetingView(context, QUndoStack())
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    assert view.show_meeting(meeting)
    view.tabs.setCurrentWidget(view.commitments)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    tab = view.commitments
    tab.entry_table.setFocus()
    return meeting, view, tab


def _at(tab, row: int, column: int) -> None:
    tab.entry_table.setCurrentIndex(tab.entry.index(row, column))


def _editor():
    return QApplication.focusWidget()


def _agreed(context, meeting):
    return list_commitments(context.db, CommitmentFilter(meeting_id=meeting), limit=None)


def test_tab_after_the_last_cell_adds_a_row_and_leaves_commitment_1_alone(qtbot, context):
    _meeting, _view, tab = _grid(qtbot, context)
    # Given the first commitment typed, the cursor in the last cell of the only row
    _at(tab, 0, TEXT)
    type_here(qtbot, "Menyusun SOP rujukan korban")
    press(qtbot, Qt.Key.Key_Return)
    _at(tab, 0, SUB)
    type_here(qtbot, "Koord")
    # When the clerk presses Tab there and types on
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Patroli terpadu")
    press(qtbot, Qt.Key.Key_Tab)
    # Then a second row holds what was typed and the first commitment is unchanged
    assert tab.entry.rowCount() >= 2
    assert tab.entry.rows[0].text == "Menyusun SOP rujukan korban"
    assert tab.entry.rows[1].text == "Patroli terpadu"
    assert tab.entry.index(0, SUB).data() == "Koordinasi dan Kerja Sama"


def test_a_cell_entered_by_tab_or_f2_is_not_selected_for_overwriting(qtbot, context):
    _meeting, _view, tab = _grid(qtbot, context)
    _at(tab, 0, TEXT)
    type_here(qtbot, "Menyusun SOP")
    press(qtbot, Qt.Key.Key_Return)
    _at(tab, 0, TEXT)
    press(qtbot, Qt.Key.Key_F2)
    box = _editor()
    assert isinstance(box, QLineEdit) and not box.hasSelectedText()
    type_here(qtbot, " rujukan")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.entry.rows[0].text == "Menyusun SOP rujukan")
    # A key typed on a cell still replaces it, as in a spreadsheet
    _at(tab, 0, TEXT)
    type_here(qtbot, "Baru")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.entry.rows[0].text == "Baru")


def test_enter_commits_the_cell_and_goes_down(qtbot, context):
    _meeting, _view, tab = _grid(qtbot, context)
    _at(tab, 0, TEXT)
    type_here(qtbot, "Menyusun SOP rujukan korban")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.entry_table.currentIndex().row() == 1)
    assert tab.entry_table.currentIndex().column() == TEXT
    type_here(qtbot, "Patroli terpadu")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.entry_table.currentIndex().row() == 2)
    assert [r.text for r in tab.entry.rows[:2]] == ["Menyusun SOP rujukan korban",
                                                    "Patroli terpadu"]


def test_layanan_in_the_focus_area_proposes_every_item_containing_it(qtbot, context):
    _meeting, _view, tab = _grid(qtbot, context)
    _at(tab, 0, FOCUS)
    type_here(qtbot, "layanan")
    combo = _editor()
    while not isinstance(combo, QComboBox):
        combo = combo.parentWidget()
    completer = combo.completer()
    assert completer.popup().isVisible()
    assert completer.candidates() == ["Penguatan layanan korban",
                                      "Sinergi antarinstansi penegak hukum dan layanan sosial"]
    # Two fit: nothing is chosen for the clerk, the text stays in red with the reason
    press(qtbot, Qt.Key.Key_Tab)
    cell = tab.entry.index(0, FOCUS)
    assert cell.data() == "layanan" and tab.entry.rows[0].focus_area_id is None
    assert "pilih salah satu" in tab.problem.text()
    assert tab.problem.text().startswith("Baris 1: Fokus")
    # One word more and only one fits
    _at(tab, 0, FOCUS)
    type_here(qtbot, "layanan korban")
    press(qtbot, Qt.Key.Key_Tab)
    assert cell.data() == "Penguatan layanan korban" and tab.problem.text() == ""


def test_rencana_aksi_typed_in_the_grid_reaches_the_database_and_the_matrix(qtbot, context):
    meeting, _view, tab = _grid(qtbot, context)
    _at(tab, 0, TEXT)
    type_here(qtbot, "Menyusun SOP rujukan korban")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "DP3AKB")
    _at(tab, 0, ACTION_PLAN)
    type_here(qtbot, "Rapat teknis penyusunan SOP pada Februari 2025")
    press(qtbot, Qt.Key.Key_Tab)
    tab.save_button.click()
    assert tab.problem.text() == ""
    (agreed,) = _agreed(context, meeting)
    plan = "Rapat teknis penyusunan SOP pada Februari 2025"
    assert get_commitment(context.db, agreed.id).action_plan == plan
    matrix = action_matrix(context.db, CommitmentFilter(meeting_id=meeting),
                           today=MEETING_DAY)
    assert [row.action_plan for row in matrix.rows()] == [
        "Rapat teknis penyusunan SOP pada Februari 2025"]


def test_supporting_agencies_are_proposed_for_the_piece_after_the_last_comma(qtbot, context):
    meeting, _view, tab = _grid(qtbot, context)
    _at(tab, 0, TEXT)
    type_here(qtbot, "Menyampaikan data korban triwulanan")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "DP3AKB")
    press(qtbot, Qt.Key.Key_Tab)
    # "sosial" is in the Dinsos name only, "Polda" an abbreviation typed in part
    type_here(qtbot, "Polda, sosial")
    box = _editor()
    completer = box.completer()
    assert completer.popup().isVisible() and completer.candidates() == ["Dinsos Kalsel"]
    # The keys go to the open list, as they do on screen: Down highlights, Tab chooses
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    assert box.text() == "Polda, Dinsos Kalsel"  # only the current piece replaced
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Tab)
    assert not completer.popup().isVisible()
    assert tab.entry.rows[0].supporting == "Polda Kalsel, Dinsos Kalsel"
    tab.save_button.click()
    assert tab.problem.text() == ""
    (agreed,) = _agreed(context, meeting)
    assert set(get_commitment(context.db, agreed.id).supporting_agencies) == {
        "Polda Kalsel", "Dinsos Kalsel"}


def test_an_unknown_supporting_agency_is_kept_in_red_with_a_message(qtbot, context):
    meeting, _view, tab = _grid(qtbot, context)
    _at(tab, 0, TEXT)
    type_here(qtbot, "Menyampaikan data korban")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "DP3AKB")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Polda, Kejati")
    press(qtbot, Qt.Key.Key_Tab)
    cell = tab.entry.index(0, SUPPORTING)
    assert cell.data() == "Polda Kalsel, Kejati"  # nothing lost
    assert cell.data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    assert tab.problem.text() == ("Baris 1: Instansi pendukung: tidak ada pilihan dalam "
                                  "daftar yang memuat \"Kejati\"; pilih dari daftar.")
    tab.save_button.click()
    assert _agreed(context, meeting) == []
    assert tab.entry.rows[0].text == "Menyampaikan data korban"
    assert tab.entry.index(0, LEAD).data() == "DP3AKB Kalsel"
