"""The Laporan page's registers: the agency directory and the meeting schedule (Excel)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.excel.registers import write_agency_directory, write_meeting_schedule
from secretariat.i18n import _
from secretariat.registers import agency_directory, meeting_schedule
from ui.errors import attempt
from ui.icons import icon

YEARS_BACK = 8


class RegistersBox(QGroupBox):
    def __init__(self, context, write, parent: QWidget | None = None) -> None:
        super().__init__(_("Directory and schedule (Excel)"), parent)
        self.context = context
        self._write = write  # the page's background writer: (title, name, writer, total)
        self.archived = QCheckBox(_("Include archived agencies"), self)
        self.directory_button = QPushButton(icon("save"), _("Write agency directory…"), self)
        self.directory_button.clicked.connect(self.write_directory)
        self.year = QComboBox(self)
        self.year.addItem(_("All years"), None)
        this_year = context.today().year
        for year in range(this_year + 1, this_year - YEARS_BACK, -1):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.schedule_button = QPushButton(icon("save"), _("Write meeting schedule…"), self)
        self.schedule_button.clicked.connect(self.write_schedule)

        hint = QLabel(_("The member agencies with their contact people and memberships, and "
                        "the meetings of a year, as workbooks to circulate or print."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        directory = QHBoxLayout()
        directory.addWidget(self.directory_button)
        directory.addWidget(self.archived)
        directory.addStretch(1)
        schedule = QHBoxLayout()
        schedule.addWidget(self.schedule_button)
        schedule.addWidget(QLabel(_("Meetings of"), self))
        schedule.addWidget(self.year)
        schedule.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addLayout(directory)
        column.addLayout(schedule)

    def write_directory(self) -> None:
        ok, directory = attempt(self, lambda: agency_directory(
            self.context.db, include_archived=self.archived.isChecked(),
            today=self.context.today()))
        if ok:
            self._write(_("Save the agency directory as"),
                        f"Direktori Instansi {self.context.today().isoformat()}.xlsx",
                        lambda target, _progress: write_agency_directory(directory, target))

    def write_schedule(self) -> None:
        year = self.year.currentData()
        ok, schedule = attempt(self, lambda: meeting_schedule(
            self.context.db, year=year, today=self.context.today()))
        if ok:
            self._write(_("Save the meeting schedule as"),
                        f"Jadwal Rapat {year or 'semua tahun'}.xlsx",
                        lambda target, _progress: write_meeting_schedule(schedule, target))

    def set_busy(self, busy: bool) -> None:
        self.directory_button.setEnabled(not busy)
        self.schedule_button.setEnabled(not busy)
