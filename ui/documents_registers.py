"""The Laporan page's registers: the agency directory and the meeting schedule (Excel)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from exports.excel.registers import write_agency_directory, write_meeting_schedule
from secretariat.documents.registers import agency_directory, meeting_schedule
from secretariat.i18n import _
from ui.documents_box import DocumentBox
from ui.errors import attempt
from ui.icons import icon


class RegistersBox(DocumentBox):
    def __init__(self, context, write, parent: QWidget | None = None) -> None:
        super().__init__(_("Directory and schedule (Excel)"), context, write, parent)
        self.archived = QCheckBox(_("Include archived agencies"), self)
        self.full_directory = self.full_copy_choice(
            _("Full copy with the contact people's own numbers (marked TERBATAS)"))
        self.directory_button = QPushButton(icon("save"), _("Write agency directory…"), self)
        self.directory_button.clicked.connect(self.write_directory)
        self.year = self.year_choice(all_years=True, years_ahead=1)  # next year's plan too
        self.year.setCurrentIndex(self.year.findData(context.today().year))
        self.schedule_button = QPushButton(icon("save"), _("Write meeting schedule…"), self)
        self.schedule_button.clicked.connect(self.write_schedule)
        self.task_force = self.task_force_choice()
        self.with_regencies = QCheckBox(_("With its kabupaten/kota task forces"), self)

        self.add_hint(_("The member agencies with their contact people and memberships, and "
                        "the meetings of a year, as workbooks to circulate or print."))
        self.buttons = [self.directory_button, self.schedule_button]
        directory = QHBoxLayout()
        directory.addWidget(self.directory_button)
        directory.addWidget(self.archived)
        directory.addWidget(self.full_directory)
        directory.addStretch(1)
        schedule = QHBoxLayout()
        schedule.addWidget(self.schedule_button)
        schedule.addWidget(QLabel(_("Meetings of"), self))
        schedule.addWidget(self.year)
        schedule.addWidget(self.task_force)
        schedule.addWidget(self.with_regencies)
        schedule.addStretch(1)
        self.column.addLayout(directory)
        self.column.addLayout(schedule)

    def refresh(self) -> None:
        self.fill_task_forces(self.task_force)

    def write_directory(self) -> None:
        ok, directory = attempt(self, lambda: agency_directory(
            self.context.db, include_archived=self.archived.isChecked(),
            today=self.context.today(), full=self.full_directory.isChecked()))
        if ok:
            self._write(_("Save the agency directory as"),
                        f"Direktori Instansi {self.context.today().isoformat()}.xlsx",
                        lambda target, _progress: write_agency_directory(directory, target))

    def write_schedule(self) -> None:
        year = self.year.currentData()
        ok, schedule = attempt(self, lambda: meeting_schedule(
            self.context.db, year=year, today=self.context.today(),
            task_force_id=self.task_force.currentData(),
            with_regencies=self.with_regencies.isChecked()))
        if ok:
            self._write(_("Save the meeting schedule as"),
                        f"Jadwal Rapat {year or 'semua tahun'}.xlsx",
                        lambda target, _progress: write_meeting_schedule(schedule, target))
