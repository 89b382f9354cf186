"""Memulai: the steps that prepare a new secretariat, shown on Beranda until they are done.

A new database is empty: no region, no task force, no agency. Without a guide a clerk
meets four empty lists and no hint where to begin, so Beranda lists the steps in the
order they depend on each other, ticks what is done and opens the page of each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from secretariat.home.attention_report import GettingStarted
from secretariat.i18n import N_, _

HIDDEN_KEY = "getting_started_hidden"

# (what GettingStarted says, what to do, the button, the page that does it)
STEPS = (
    ("task_force", N_("Add your region by its Kemendagri code and record its task force "
                      "with the decree (SK)."), N_("Task forces…"), "task_forces"),
    ("letterhead", N_("Fill in the letterhead printed on minutes, attendance sheets and "
                      "letters."), N_("Letterhead…"), "settings"),
    ("agencies", N_("Register the member agencies and their contact people, or bring in "
                    "the list you keep in Excel (Import from Excel…); then select them all "
                    "(Ctrl+A) and give them their seat in the task force (Add seat…)."),
     N_("Agencies…"), "agencies"),
    ("meeting", N_("Schedule the first coordination meeting (rakor)."), N_("Meetings…"),
     "meetings"),
)
DONE_MARK = "✓"


class GettingStartedBox(QGroupBox):
    def __init__(self, on_open: Callable[[str], None], on_hide: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Getting started"), parent)
        self.setObjectName("getting_started")
        intro = QLabel(_("A few steps prepare the program for your secretariat. Each button "
                         "opens the page where the step is done."), self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.marks: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, (key, text, button_text, page) in enumerate(STEPS):
            mark = QLabel(f"{row + 1}.", self)
            mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            mark.setMinimumWidth(24)
            label = QLabel(_(text), self)
            label.setWordWrap(True)
            button = QPushButton(_(button_text), self)
            button.clicked.connect(lambda _checked=False, page=page: on_open(page))
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2)
            self.marks[key], self.texts[key], self.buttons[key] = mark, label, button
        hide = QPushButton(_("Hide this guide"), self)
        hide.setFlat(True)
        hide.clicked.connect(on_hide)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(hide, 0, Qt.AlignmentFlag.AlignRight)

    def set_progress(self, progress: GettingStarted) -> None:
        for number, (key, _text, _button, _page) in enumerate(STEPS, start=1):
            done = getattr(progress, key)
            self.marks[key].setText(DONE_MARK if done else f"{number}.")
            self.marks[key].setStyleSheet("color: #1b7f3b; font-weight: bold" if done else "")
            # A done step stays readable but steps back, so the next one catches the eye.
            self.texts[key].setStyleSheet("color: palette(placeholder-text)" if done else "")

    def is_done(self, key: str) -> bool:
        return self.marks[key].text() == DONE_MARK
