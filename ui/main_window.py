"""The main window: navigation between the pages, the search box, menus and status bar.

Pages are built the first time they are shown, so the program starts as fast as its home
page; each page module is imported only then.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from secretariat import __version__
from secretariat.i18n import N_, _
from secretariat.storage.network_paths import network_share_warning
from ui.context import AppContext
from ui.errors import attempt
from ui.icons import icon
from ui.page import Page
from ui.reminders import ReminderBar
from ui.screen_fit import centre_on_screen, fit_to_screen


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # marked with N_, translated when shown
    icon: str
    module: str
    cls: str
    in_navigation: bool = True


PAGES = (
    PageSpec("home", N_("Home"), "home", "ui.home_page", "HomePage"),
    PageSpec("meetings", N_("Meetings"), "meetings", "ui.meetings_page", "MeetingsPage"),
    PageSpec("commitments", N_("Commitments"), "commitments", "ui.commitments_page",
             "CommitmentsPage"),
    PageSpec("progress", N_("Progress overview"), "progress", "ui.progress.page", "ProgressPage"),
    PageSpec("agencies", N_("Agencies"), "agencies", "ui.agencies_page", "AgenciesPage"),
    PageSpec("task_forces", N_("Task forces"), "task_forces", "ui.task_forces_page",
             "TaskForcesPage"),
    PageSpec("documents", N_("Documents"), "documents", "ui.documents_page", "DocumentsPage"),
    PageSpec("settings", N_("Settings"), "settings", "ui.preferences.page", "PreferencesPage"),
    PageSpec("search", N_("Search results"), "search", "ui.search_page", "SearchPage",
             in_navigation=False),
)


class MainWindow(QMainWindow):
    first_view_ready = Signal()  # the first page has shown its data (for --smoke)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.navigator = self
        self.setWindowTitle(_("Secretariat GT PP-TPPO"))
        self._pages: dict[str, Page] = {}
        self._undo_group = QUndoGroup(self)

        self._navigation = QListWidget(self)
        self._navigation.setObjectName("navigation")
        self._navigation.setIconSize(QSize(22, 22))
        self._navigation.setMaximumWidth(220)
        for spec in PAGES:
            if spec.in_navigation:
                item = QListWidgetItem(icon(spec.icon), _(spec.title))
                item.setData(Qt.ItemDataRole.UserRole, spec.key)
                self._navigation.addItem(item)
        self._navigation.currentItemChanged.connect(self._on_navigation)

        self._stack = QStackedWidget(self)
        splitter = QSplitter(self)
        splitter.addWidget(self._navigation)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1080])  # else the splitter leaves a gap beside the narrow list
        splitter.setChildrenCollapsible(False)
        # The start reminders sit above the pages; read once the first view has its data.
        self.reminders = ReminderBar(context, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.reminders)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.first_view_ready.connect(self._check_reminders)

        self._build_search_bar()
        self._build_menus()
        self._build_status_bar()
        if context.settings.restore_geometry(self, "main_window"):
            fit_to_screen(self)  # saved on a larger monitor than this one, perhaps
        else:
            fit_to_screen(self, 1280, 800)
            centre_on_screen(self)
        state = context.settings.state("main_window")
        if state is not None:
            self.restoreState(state)
        self.show_page(context.settings.value("last_page", "home") or "home")

    # -- building
    def _build_search_bar(self) -> None:
        bar = QToolBar(_("Search"), self)
        bar.setObjectName("search_bar")
        bar.setMovable(False)
        self.search_box = QLineEdit(bar)
        self.search_box.setObjectName("global_search")
        self.search_box.setPlaceholderText(
            _("Search agencies, meetings and commitments… (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(520)
        self.search_box.returnPressed.connect(self._search)
        bar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        program = self.menuBar().addMenu(_("&Program"))
        new = QAction(icon("add"), _("&New…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.current_page().add_new())
        save = QAction(icon("save"), _("&Save"), self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(lambda: self.current_page().save())
        quit_action = QAction(_("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (new, save):
            program.addAction(action)
        program.addSeparator()
        program.addAction(quit_action)

        edit = self.menuBar().addMenu(_("&Edit"))
        undo = self._undo_group.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self._undo_group.createRedoAction(self, _("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        find = QAction(icon("search"), _("&Find…"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        for action in (undo, redo, find):
            edit.addAction(action)

        go = self.menuBar().addMenu(_("&Go to"))
        for number, spec in enumerate(s for s in PAGES if s.in_navigation):
            action = QAction(icon(spec.icon), _(spec.title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _c=False, key=spec.key: self.show_page(key))
            go.addAction(action)

        help_menu = self.menuBar().addMenu(_("&Help"))
        guide = QAction(_("&User guide"), self)
        guide.setObjectName("user_guide_action")
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        guide.triggered.connect(self.show_guide)
        about = QAction(_("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(guide)
        help_menu.addSeparator()
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        where = QLabel(_("Database: {name}").format(name=self.context.db.display_name()), self)
        where.setObjectName("database_label")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(where)
        path = self.context.db.sqlite_path
        warning = network_share_warning(path) if path is not None else None
        if warning:
            notice = QLabel(warning, self)
            notice.setObjectName("network_warning")
            notice.setStyleSheet("color: #a00000; font-weight: bold")
            notice.setToolTip(warning)
            self.statusBar().addWidget(notice, 1)

    def show_start_notice(self, text: str) -> None:
        """A note about this start that stays in the status bar until the clerk moves on."""
        notice = QLabel(text, self)
        notice.setObjectName("start_notice")
        notice.setWordWrap(False)
        notice.setToolTip(text)
        self.statusBar().addWidget(notice, 1)

    # -- pages
    def page(self, key: str) -> Page:
        """The page for `key`, built on first use."""
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            module = importlib.import_module(spec.module)
            page: Page = getattr(module, spec.cls)(self.context, self._stack)
            page.setObjectName(f"page_{key}")
            self._pages[key] = page
            self._stack.addWidget(page)
            stack = page.undo_stack()
            if stack is not None:
                self._undo_group.addStack(stack)
            if not self._pages.keys() - {key}:
                page.loaded.connect(self._first_page_loaded)
        return self._pages[key]

    def current_page(self) -> Page:
        return self._stack.currentWidget()

    def current_key(self) -> str:
        page = self.current_page()
        return next((key for key, p in self._pages.items() if p is page), "")

    def show_page(self, key: str) -> Page:
        if not any(spec.key == key for spec in PAGES):
            key = "home"
        page = self.page(key)
        self._stack.setCurrentWidget(page)
        stack = page.undo_stack()
        self._undo_group.setActiveStack(stack)
        for row in range(self._navigation.count()):
            item = self._navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self._navigation.blockSignals(True)
                self._navigation.setCurrentItem(item)
                self._navigation.blockSignals(False)
                break
        else:  # a page outside the navigation (search results): nothing stays highlighted
            self._navigation.blockSignals(True)
            self._navigation.setCurrentRow(-1)
            self._navigation.blockSignals(False)
        if key != "search":
            self.context.settings.set_value("last_page", key)
        return page

    def _on_navigation(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def _first_page_loaded(self) -> None:
        # Queued, so the signal fires after the loaded data has been painted.
        QTimer.singleShot(0, self.first_view_ready.emit)

    def _check_reminders(self) -> None:
        # Queued: the first view counts as shown before the reminders are read.
        QTimer.singleShot(0, lambda: attempt(self, self.reminders.check))

    # -- navigation (the Navigator the pages are given)
    def open_meeting(self, meeting_id: int) -> None:
        self.show_page("meetings").show_meeting(meeting_id)

    def open_commitment(self, commitment_id: int) -> None:
        self.show_page("commitments").open_commitment(commitment_id)

    def open_agency(self, agency_id: int) -> None:
        self.show_page("agencies").show_agency(agency_id)

    def show_commitments(self, flt, scope: str = "") -> None:
        self.show_page("commitments").show_filtered(flt, scope)

    def show_matrix(self, flt, scope: str = "") -> None:
        self.show_page("documents").show_matrix_of(flt, scope)

    def show_progress_report(self, task_force_id: int, year: int) -> None:
        self.show_page("documents").show_progress_report_of(task_force_id, year)

    def show_meeting_documents(self, meeting_id: int) -> None:
        self.show_page("documents").select_meeting(meeting_id)

    # -- search
    def _focus_search(self) -> None:
        if not self.current_page().focus_search():
            self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_box.selectAll()

    def _search(self) -> None:
        text = self.search_box.text().strip()
        if text:
            self.show_page("search").search(text)

    def show_guide(self) -> None:
        """F1: the user guide, at the part about the page on screen."""
        from ui.help_window import section_for, show_guide

        show_guide(self, section_for(self.current_key(), self.current_page()))

    def _about(self) -> None:
        QMessageBox.about(self, _("About"), _(
            "Secretariat GT PP-TPPO, version {version}.\nDatabase: {name}").format(
                version=__version__, name=self.context.db.display_name()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.settings.save_geometry(self, "main_window")
        self.context.settings.save_state("main_window", self.saveState())
        self.context.settings.sync()
        super().closeEvent(event)
