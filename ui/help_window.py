"""The user guide window (Bantuan → Panduan Pengguna, F1): contents on the left, one part
of the guide on the right, and the whole guide saved as a PDF to print.

F1 opens the part about the page on screen (`section_for`), so a clerk stuck on a page
reads about that page first. The text is `secretariat.guide`'s Markdown, shown with Qt's
own Markdown reader; a link to another part ("Lihat Rapat") opens that part here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRunnable, QStandardPaths, Qt, QThreadPool, QUrl
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretariat.guide import TITLE, GuideSection, guide_sections
from secretariat.i18n import _
from ui.errors import attempt
from ui.file_dialogs import ask_save_file
from ui.icons import icon

# The part of the guide about each page of the main window (ui.main_window.PAGES).
PAGE_SECTIONS = {
    "home": "beranda",
    "meetings": "rapat",
    "commitments": "komitmen",
    "progress": "perkembangan",
    "agencies": "instansi",
    "task_forces": "gugus_tugas",
    "documents": "laporan",
    "settings": "pengaturan",
    "search": "pintasan",
}
KEY_ROLE = Qt.ItemDataRole.UserRole


def section_for(page_key: str, page: QWidget | None = None) -> str:
    """The guide's part for the page on screen; where the page shows one of its tabs that
    has a part of its own (a meeting's attendance or minutes, the backups), that part."""
    if page_key == "meetings" and page is not None:
        view = getattr(page, "view", None)
        stack = getattr(page, "stack", None)
        if view is not None and stack is not None and stack.currentWidget() is view \
                and view.tabs.currentWidget() is not view.agenda:
            return "hari_rakor"
    if page_key == "settings" and page is not None:
        tabs, backups = getattr(page, "tabs", None), getattr(page, "backups", None)
        if tabs is not None and backups is not None and tabs.currentWidget() is backups:
            return "cadangan"
    return PAGE_SECTIONS.get(page_key, "memulai")


def show_guide(owner: QWidget, key: str) -> GuideWindow:
    """The guide at part `key`: one window per main window, raised if already open."""
    window = owner.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(owner)
    window.show_section(key)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def _scale_headings(document: QTextDocument) -> None:
    """Qt sets a sub-heading nearly as large as the title; a guide reads better when the
    title stands out and the sub-headings only lead their paragraphs."""
    base = document.defaultFont().pointSizeF()
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            size = QTextCharFormat()  # Qt's steps: 0 normal, 1 large, 2 larger, 3 largest
            size.setProperty(QTextFormat.Property.FontSizeAdjustment, 3 if level == 1 else 1)
            cursor.mergeCharFormat(size)
            spacing = QTextBlockFormat()
            spacing.setTopMargin(base * (0.4 if level == 1 else 1.0))
            spacing.setBottomMargin(base * 0.4)
            cursor.mergeBlockFormat(spacing)
        block = block.next()


class GuideWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guide_window")
        self.setWindowTitle(_("{title} — Secretariat GT PP-TPPO").format(title=TITLE))
        self.sections: tuple[GuideSection, ...] = ()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: QRunnable | None = None
        self.written: Path | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("guide_search")
        self.search.setPlaceholderText(_("Search the guide…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.contents = QListWidget(self)
        self.contents.setObjectName("guide_contents")
        self.contents.currentItemChanged.connect(self._on_contents)
        # A long title wraps instead of hiding behind a scroll bar.
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setSpacing(2)
        self.text = QTextBrowser(self)
        self.text.setObjectName("guide_text")
        self.text.setOpenLinks(False)  # links name parts of the guide, opened here
        self.text.anchorClicked.connect(self._follow)
        self.text.document().setDocumentMargin(16)

        self.save_button = QPushButton(icon("pdf"), _("Save as PDF…"), self)
        self.save_button.clicked.connect(self.save_pdf)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("guide_outcome")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(_("Contents"), self))
        column.addWidget(self.search)
        column.addWidget(self.contents, 1)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 660])
        split.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.outcome, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.resize(960, 680)
        self._load()

    def _load(self) -> None:
        ok, sections = attempt(self, guide_sections)
        self.sections = sections or ()
        for number, section in enumerate(self.sections, start=1):
            item = QListWidgetItem(f"{number}. {section.title}")
            item.setData(KEY_ROLE, section.key)
            self.contents.addItem(item)

    # -- showing a part
    def current_key(self) -> str:
        item = self.contents.currentItem()
        return item.data(KEY_ROLE) if item is not None else ""

    def show_section(self, key: str) -> None:
        if self.search.text():
            self.search.clear()  # a part asked for by name is never hidden by a search
        keys = [section.key for section in self.sections]
        row = keys.index(key) if key in keys else 0
        if self.contents.count():
            self.contents.setCurrentRow(row)

    def _on_contents(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        section = next(s for s in self.sections if s.key == item.data(KEY_ROLE))
        self.text.setMarkdown(section.markdown)
        _scale_headings(self.text.document())
        self.text.verticalScrollBar().setValue(0)

    def _follow(self, url: QUrl) -> None:
        if url.fragment():
            self.show_section(url.fragment())

    def _filter(self, words: str) -> None:
        """Only the parts holding every word typed, in any case."""
        wanted = words.casefold().split()
        first_shown = None
        for row, section in enumerate(self.sections):
            text = section.markdown.casefold()
            hidden = not all(word in text for word in wanted)
            self.contents.item(row).setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = row
        current = self.contents.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.contents.setCurrentRow(first_shown)

    # -- the PDF
    def ask_pdf_path(self) -> str:
        """Where to save the guide ("" when cancelled); tests replace this question."""
        found = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        start = Path(found) if found else Path.home()
        return ask_save_file(self, _("Save the guide as"), str(start / f"{TITLE}.pdf"),
                             _("PDF documents (*.pdf)"))

    def save_pdf(self) -> None:
        chosen = self.ask_pdf_path()
        if not chosen or self._job is not None:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.outcome.setStyleSheet("")
        self.outcome.setText(_("Writing {name}…").format(name=target.name))
        self.save_button.setEnabled(False)
        # The guide's fonts and two layout passes take a second: off the UI thread, as every
        # document of the Laporan page is written.
        from exports.pdf.guide import write_guide
        from ui.documents_page import WriteJob

        self._job = WriteJob(lambda _advanced: write_guide(target))
        self._job.signals.finished.connect(self._written)
        self._job.signals.failed.connect(self._failed)
        self.pool.start(self._job)

    def _written(self, path: str) -> None:
        self._job = None
        self.save_button.setEnabled(True)
        self.written = Path(path)
        self.outcome.setText(_("Written: {path}").format(path=path))
        self.show_pdf(self.written)

    def show_pdf(self, path: Path) -> None:
        """The saved guide in the program's preview, to print (tests replace this)."""
        from ui.pdf_preview import PdfPreview

        ok, preview = attempt(self, lambda: PdfPreview(path, path.name, self))
        if ok and preview is not None:
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.open()

    def _failed(self, message: str) -> None:
        self._job = None
        self.save_button.setEnabled(True)
        self.outcome.setText(message)
        self.outcome.setStyleSheet("color: #b00020;")

    def closeEvent(self, event) -> None:
        self.pool.waitForDone()  # a PDF being written finishes before the window goes
        super().closeEvent(event)
