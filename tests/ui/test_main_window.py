"""The main window: navigation, search box, status bar, remembered layout, Qt's own words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from ui.main_window import PAGES, MainWindow
from ui.qt_translations import install_qt_translations
from ui.settings import UiSettings


def _window(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_every_page_opens_from_the_navigation(qtbot, demo_context):
    window = _window(qtbot, demo_context)
    titles = [window._navigation.item(row).text() for row in range(window._navigation.count())]
    assert titles == ["Beranda", "Rapat", "Komitmen", "Perkembangan", "Instansi", "Gugus Tugas",
                      "Laporan", "Pengaturan"]
    for row, spec in enumerate(s for s in PAGES if s.in_navigation):
        window._navigation.setCurrentRow(row)
        assert window.current_key() == spec.key
        assert window.current_page().isVisible()


def test_status_bar_names_the_database_in_use(qtbot, context):
    window = _window(qtbot, context)
    label = window.findChild(QLabel, "database_label")
    assert str(context.db.sqlite_path) in label.text()


def test_search_box_shows_hits_from_the_whole_register(qtbot, demo_context):
    window = _window(qtbot, demo_context)
    window.search_box.setText("Imigrasi")
    window.search_box.returnPressed.emit()
    assert window.current_key() == "search"


def test_window_layout_and_last_page_are_remembered(qtbot, demo_context, tmp_path):
    window = _window(qtbot, demo_context)
    window.resize(700, 500)
    window.show_page("agencies")
    window.close()

    demo_context.settings = UiSettings(str(tmp_path / "desktop.ini"))  # read back from disk
    again = _window(qtbot, demo_context)
    assert again.current_key() == "agencies"
    # Qt fits a restored window on the screen (offscreen: 800 px wide), so the height tells.
    assert again.height() == 500


def test_ctrl_f_focuses_the_search_box_on_pages_without_their_own_filter(qtbot, demo_context):
    window = _window(qtbot, demo_context)
    window.show_page("home")
    window.activateWindow()
    window._focus_search()
    assert window.focusWidget() is window.search_box


def test_stock_buttons_speak_indonesian(qtbot, qapp):
    install_qt_translations(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(button.text() for button in box.buttons()) == ["Batal", "Simpan"]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert any(action.text().split("\t")[0].replace("&", "") == "Tempel"
               for action in menu.actions())


def test_start_reminders_name_newly_overdue_and_due_soon_and_open_the_list(qtbot, demo_context):
    from datetime import timedelta

    from secretariat.commitments.queries import CommitmentFilter, count_commitments
    from tests.ui.conftest import TODAY
    from ui.main_window import MainWindow

    last_opened = TODAY - timedelta(days=30)
    demo_context.settings.set_value("last_opened", last_opened.isoformat())
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()

    reminders = window.reminders.check()

    newly = count_commitments(demo_context.db, CommitmentFilter(
        open_only=True, due_from=last_opened, due_to=TODAY - timedelta(days=1)), today=TODAY)
    soon = count_commitments(demo_context.db, CommitmentFilter(
        open_only=True, due_from=TODAY, due_to=TODAY + timedelta(days=14)), today=TODAY)
    assert (reminders.newly_overdue.total, reminders.due_soon.total) == (newly, soon)
    assert soon > 0 and window.reminders.isVisible()
    assert demo_context.settings.value("last_opened") == TODAY.isoformat()
    window.reminders.due_button.click()
    page = window.current_page()
    assert window.current_key() == "commitments" and page.model.total == soon
    # Opened again the same day: nothing is newly overdue any more.
    assert window.reminders.check().newly_overdue.total == 0


def test_the_first_view_is_read_before_the_database_is_opened_in_full(
        qtbot, demo_context, tmp_path):
    """As the program starts on an SQLite file at this schema: sqlite3 first, the ORM after."""
    from secretariat.cli.app_session import DeferredDatabase
    from secretariat.home.attention import attention
    from secretariat.home.first_view import FirstView
    from tests.ui.conftest import TODAY
    from ui.context import AppContext

    path = demo_context.db.sqlite_path
    expected = attention(demo_context.db, TODAY)
    demo_context.db.close()
    deferred = DeferredDatabase(path)
    context = AppContext(db=deferred, settings=UiSettings(str(tmp_path / "mulai.ini")),
                         today=lambda: TODAY, first_view=FirstView(path, TODAY))
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_view_ready, timeout=10_000):
        window.show()
    home = window.current_page()
    assert home.report == expected and home.overdue.model.rowCount() > 0
    assert str(path) in window.findChild(QLabel, "database_label").text()
    assert not deferred.is_open and context.first_view is None  # read once, by sqlite3

    qtbot.waitUntil(lambda: window.reminders.reminders is not None, timeout=10_000)
    assert deferred.is_open  # the reminders came through the ORM, after the first view
    home.refresh()
    assert home.report == expected
    deferred.close()


def test_a_meetings_page_leads_to_its_documents_with_the_meeting_chosen(qtbot, demo_context):
    from secretariat.meetings.lifecycle import list_meetings

    window = _window(qtbot, demo_context)
    oldest = list_meetings(demo_context.db)[0]  # not the one Laporan would choose itself
    window.open_meeting(oldest.id)
    window.page("meetings").view.documents_button.click()
    assert window.current_key() == "documents"
    assert window.current_page().selected_meeting().id == oldest.id
