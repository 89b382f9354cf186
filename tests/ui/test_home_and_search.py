"""Beranda (what needs attention today) and the search results page, driven as a clerk."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_commitment, make_meeting, version_of
from PySide6.QtCore import QLocale, Qt

from models import Agency, AgencyLevel, Meeting, MeetingKind
from secretariat.agencies.regions import region_overview
from secretariat.agencies.register import AgencyDraft, create_agency, update_agency
from secretariat.demo import fill_demo
from secretariat.home.attention import attention
from secretariat.home.search import SearchKind
from secretariat.meetings.lifecycle import cancel_meeting, mark_held
from ui.home_page import LATE, HomePage
from ui.main_window import MainWindow
from ui.search_page import SearchPage
from ui.table_model import ROW_ROLE


@pytest.fixture(autouse=True)
def indonesian_dates():
    """Dates are written through QLocale's default, which the program sets at start."""
    before = QLocale()
    QLocale.setDefault(QLocale("id"))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def home_context(context):
    """The demo, anchored on the context's today so tests do not depend on the clock."""
    fill_demo(context.db, today=context.today())
    return context


def _kalsel_task_force(context) -> int:
    return next(r.task_force.id for r in region_overview(context.db) if r.region.code == "63")


def _page(qtbot, context, cls=HomePage):
    page = cls(context)
    qtbot.addWidget(page)
    page.resize(1200, 750)
    page.show()
    return page


def _texts(box, column: int | None = None) -> list[str]:
    """The titles a box lists (or another column's texts)."""
    column = box.title_column if column is None else column
    return [box.model.index(row, column).data() for row in range(box.model.rowCount())]


def _double_click(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    # A view opens on a double-click only after the press that selected the row.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_home_shows_the_demos_overdue_commitments_and_empty_lists(qtbot, home_context):
    expected = attention(home_context.db, home_context.today())

    page = _page(qtbot, home_context)

    assert page.greeting.text() == "Selamat datang. Hari ini Rabu, 25 November 2026."
    assert page.overdue.title() == f"Terlambat ({expected.overdue.total})"
    assert expected.overdue.total > 0
    assert _texts(page.overdue) == [row.text for row in expected.overdue.rows]
    late = page.overdue.model.index(0, 0)
    assert late.data() == f"{expected.overdue.rows[0].days_late:,} hari".replace(",", ".")
    assert late.data(Qt.ItemDataRole.ForegroundRole).color() == LATE
    # The demo's rapat teknis held yesterday is this week's meeting and waits for its minutes.
    technical = "Rapat Teknis Sub Gugus Tugas Pencegahan: Persiapan Rakor Evaluasi"
    assert page.this_week.title() == "Rapat minggu ini (1)"
    assert _texts(page.this_week) == [technical]
    assert _texts(page.draft_minutes) == [technical]
    assert page.this_week.caption.text() == "23 Nov 2026 – 29 Nov 2026"
    assert _texts(page.due_soon) == [row.text for row in expected.due_soon.rows]
    assert expected.due_soon.total == 1
    assert not page.overdue.show_all.isVisible()  # every overdue commitment is listed


def test_double_click_or_enter_opens_the_commitment(qtbot, home_context):
    page = _page(qtbot, home_context)
    first, second = page.report.overdue.rows[:2]

    _double_click(qtbot, page.overdue.table, 0)
    page.overdue.table.setCurrentIndex(page.overdue.model.index(1, 0))
    qtbot.keyClick(page.overdue.table, Qt.Key.Key_Return)

    assert home_context.navigator.opened == [("commitment", first.id),
                                             ("commitment", second.id)]


def test_a_reload_keeps_the_selected_entry(qtbot, home_context):
    page = _page(qtbot, home_context)
    second = page.report.overdue.rows[1]
    page.overdue.table.selectRow(1)

    home_context.changes.announce("commitments")

    selected = page.overdue.table.selectionModel().selectedRows()
    assert [index.data(ROW_ROLE).id for index in selected] == [second.id]


def test_a_meeting_scheduled_this_week_appears_and_opens(qtbot, home_context):
    page = _page(qtbot, home_context)
    hostile = "<b>Rakor & evaluasi</b> =1+1 " + "sangat panjang " * 15

    # When a meeting is scheduled for Friday and the change is announced
    meeting = make_meeting(home_context.db, _kalsel_task_force(home_context),
                           date(2026, 11, 27), title=hostile.strip(), place="Aula <i>DP3AKB</i>")
    home_context.changes.announce("meetings")

    # Then the visible page reloads and shows it literally, after the demo's Tuesday meeting
    assert page.this_week.title() == "Rapat minggu ini (2)"
    assert page.this_week.table.isVisible()
    assert _texts(page.this_week)[1] == hostile.strip()
    assert page.this_week.model.index(1, 0).data() == "Jum, 27 Nov"
    assert page.this_week.model.index(1, 3).data() == "Aula <i>DP3AKB</i>"
    _double_click(qtbot, page.this_week.table, 1)
    assert home_context.navigator.opened == [("meeting", meeting)]

    # A cancelled meeting leaves the week
    cancel_meeting(home_context.db, meeting, "Ditunda", version_of(home_context.db, Meeting,
                                                                    meeting))
    home_context.changes.announce("meetings")
    assert page.this_week.title() == "Rapat minggu ini (1)"


def test_held_meetings_wait_for_their_minutes_and_due_soon_lists_commitments(
        qtbot, home_context):
    db = home_context.db
    today = home_context.today()
    held = make_meeting(db, _kalsel_task_force(home_context), date(2026, 11, 20),
                        kind=MeetingKind.TECHNICAL, title="Rapat Teknis Pendataan")
    mark_held(db, held, version_of(db, Meeting, held), today=today)
    polda = create_agency(db, AgencyDraft("Kepolisian Daerah Uji", "PoldaUji",
                                          AgencyLevel.PROVINCE))
    make_commitment(db, held, polda, text="Batas hari ini", due_date=today)
    make_commitment(db, held, polda, text="Batas lusa", due_date=date(2026, 11, 27))
    make_commitment(db, held, polda, text="Batas bulan depan", due_date=date(2026, 12, 20))

    page = _page(qtbot, home_context)

    # (after them, oldest first, the demo's own rapat teknis and its commitment due in 9 days)
    assert _texts(page.draft_minutes)[0] == "Rapat Teknis Pendataan"
    assert _texts(page.draft_minutes, 0)[0] == "5 hari"
    assert _texts(page.draft_minutes, 2)[0] == "Sudah dilaksanakan"
    assert _texts(page.due_soon)[:2] == ["Batas hari ini", "Batas lusa"]
    assert _texts(page.due_soon, 0) == ["hari ini", "2 hari lagi", "9 hari lagi"]
    assert page.due_soon.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == \
        "Jumat, 27 November 2026"
    assert _texts(page.due_soon, 2)[:2] == ["PoldaUji", "PoldaUji"]
    _double_click(qtbot, page.draft_minutes.table, 0)
    assert home_context.navigator.opened == [("meeting", held)]


def test_a_long_list_says_how_many_are_left_out_and_leads_to_the_full_page(
        qtbot, home_context):
    page = HomePage(home_context)
    page.LIMIT = 2  # two per list instead of fifty
    qtbot.addWidget(page)
    page.show()
    total = page.report.overdue.total
    assert total > 2

    assert page.overdue.model.rowCount() == 2
    assert page.overdue.more.text() == f"{total - 2} lainnya tidak ditampilkan."
    assert page.overdue.show_all.isVisible()
    page.overdue.show_all.click()
    assert home_context.navigator.opened == [("page", "commitments")]


def test_the_page_follows_the_date_when_left_open_overnight(qtbot, home_context):
    page = _page(qtbot, home_context)
    page.hide()
    home_context.today = lambda: date(2026, 11, 30)  # Monday: a new week

    page.show()

    assert page.greeting.text() == "Selamat datang. Hari ini Senin, 30 November 2026."
    assert page.this_week.caption.text() == "30 Nov 2026 – 6 Des 2026"


def test_the_program_opens_on_the_home_page_with_its_data(qtbot, home_context):
    window = MainWindow(home_context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_view_ready, timeout=5000):
        window.show()
    assert window.current_key() == "home"
    assert window.current_page().overdue.model.rowCount() > 0


# -- search


def test_search_finds_an_agency_and_a_commitment_and_opens_them(qtbot, home_context):
    page = _page(qtbot, home_context, SearchPage)

    page.search("  imigrasi ")

    assert page.heading.text() == "Hasil pencarian untuk “imigrasi”"
    shown = [(page.proxy.index(r, 0).data(), page.proxy.index(r, 1).data())
             for r in range(page.proxy.rowCount())]
    assert ("Instansi", "Kanwil Imigrasi Kalsel") == shown[0]
    assert "Komitmen" in [kind for kind, _title in shown]
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    # The rakor whose minutes name the Imigrasi is found too, through its minutes.
    meetings = page.results.of_kind(SearchKind.MEETING)
    assert tabs[1] == "Instansi (1)" and tabs[2] == f"Rapat ({len(meetings)})"
    assert meetings and all("Imigrasi" in hit.matched for hit in meetings)
    page.search("kanwil")  # a word only an agency holds: the other kinds' tabs are shut
    assert not page.tabs.isTabEnabled(2) and not page.tabs.isTabEnabled(3)
    page.search("imigrasi")

    _double_click(qtbot, page.table, 0)
    page.tabs.setCurrentIndex(3)  # only the commitments
    assert {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())} == {"Komitmen"}
    commitment = page.proxy.index(0, 0).data(ROW_ROLE)
    page.table.setCurrentIndex(page.proxy.index(0, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    agency = page.results.of_kind(SearchKind.AGENCY)[0].id
    assert home_context.navigator.opened == [("agency", agency), ("commitment", commitment.id)]


def test_hostile_text_is_shown_literally_and_nothing_found_is_said(qtbot, home_context):
    page = _page(qtbot, home_context, SearchPage)
    assert page.summary.text() == "Ketik kata di kotak pencarian di atas, lalu tekan Enter."

    page.search("<b>&amp; 100%")

    assert page.heading.text() == "Hasil pencarian untuk “<b>&amp; 100%”"
    assert page.heading.textFormat() == Qt.TextFormat.PlainText
    assert page.summary.text().startswith("Tidak ada yang ditemukan.")
    assert not page.table.isVisible() and not page.tabs.isVisible()


def test_results_follow_edits_and_keep_the_selection(qtbot, home_context):
    db = home_context.db
    formula = create_agency(db, AgencyDraft("Yayasan =1+1 Peduli", "Y=1+1", AgencyLevel.COMMUNITY))
    page = _page(qtbot, home_context, SearchPage)
    page.search("peduli =1+1")
    assert page.proxy.index(0, 1).data() == "Y=1+1"
    assert page.proxy.index(0, 3).data() == "Yayasan =1+1 Peduli"
    assert "Yayasan =1+1 Peduli" in page.proxy.index(0, 2).data()  # the excerpt

    # When the agency is renamed elsewhere and the change announced
    update_agency(db, formula, AgencyDraft("Yayasan =1+1 Peduli Anak", "Y=1+1",
                                           AgencyLevel.COMMUNITY),
                  version_of(db, Agency, formula))
    home_context.changes.announce("agencies")

    # Then the page repeats the search and the same hit stays selected
    assert page.proxy.index(0, 3).data() == "Yayasan =1+1 Peduli Anak"
    assert page.selected_hit().id == formula


def test_the_search_box_of_the_main_window_shows_the_results(qtbot, home_context):
    window = MainWindow(home_context)
    qtbot.addWidget(window)
    window.show()
    window.search_box.setText("Imigrasi")
    window.search_box.returnPressed.emit()

    page = window.current_page()
    assert window.current_key() == "search"
    assert page.proxy.index(0, 1).data() == "Kanwil Imigrasi Kalsel"
