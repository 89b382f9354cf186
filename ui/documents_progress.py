"""The Laporan page's progress report: one task force, one year, as PDF or Excel.

The figures are the Perkembangan page's (one core call); the box opens on the task force
and year that page last showed, so "print what I am looking at" needs no choosing. The
Simpulan dan Saran is drafted from the figures of the chosen task force and year into a
text box, where the clerk rewrites it before the PDF is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from exports.excel.progress import write_progress_workbook
from exports.pdf.progress import write_progress_pdf
from secretariat.agencies.regions import list_task_forces
from secretariat.commitments.progress import latest_year_with_commitments
from secretariat.documents.progress_report import progress_report, report_task_force
from secretariat.i18n import _
from ui.documents_box import DocumentBox
from ui.errors import attempt


class ProgressReportBox(DocumentBox):
    def __init__(self, context, write, parent: QWidget | None = None) -> None:
        super().__init__(_("Laporan perkembangan komitmen (progress report)"), context, write,
                         parent)
        self._wanted: int | None = None  # asked for before the list was loaded
        self._year_chosen = False  # by the clerk or the Progress page: kept on reloads
        self.task_force = QComboBox(self)
        self.task_force.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.task_force.setMinimumContentsLength(20)
        self.year = self.year_choice(all_years=False)
        self.year.activated.connect(lambda _index: setattr(self, "_year_chosen", True))
        self.full_copy = self.full_copy_choice(
            _("Full copy naming the confidential overdue commitments (marked TERBATAS)"))
        self._loading = False  # the lists are being filled: no drafting for each step
        self.conclusions = QPlainTextEdit(self)
        self.conclusions.setAccessibleName(_("Conclusions and recommendations"))
        self.conclusions.setMinimumHeight(110)
        self.redraft = QPushButton(_("Draft again from the figures"), self)
        self.redraft.clicked.connect(self.draft_conclusions)
        for combo in (self.task_force, self.year):
            combo.currentIndexChanged.connect(self._choice_changed)

        self.add_hint(_("For the chairs: commitments by status, the lead agencies' scorecard, "
                        "progress per focus area and sub task force, the trend after each "
                        "rakor, overdue commitments and rakor attendance, as on the "
                        "Progress page."))
        choices = QGridLayout()
        choices.addWidget(QLabel(_("Task force"), self), 0, 0)
        choices.addWidget(self.task_force, 0, 1, 1, 2)
        choices.addWidget(QLabel(_("Year of the meetings"), self), 1, 0)
        choices.addWidget(self.year, 1, 1)
        choices.addWidget(self.full_copy, 2, 0, 1, 3)
        choices.setColumnStretch(2, 1)
        self.column.addLayout(choices)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(_("Conclusions and recommendations (drafted from the "
                                   "figures; edit before writing the PDF)"), self), 1)
        heading.addWidget(self.redraft)
        self.column.addLayout(heading)
        self.column.addWidget(self.conclusions)
        self.column.addLayout(self.writer_buttons(_("Write report (PDF)…"),
                                                  _("Write report (Excel)…")))

    def refresh(self) -> None:
        kept = (self._wanted or self.task_force.currentData()
                or self.context.settings.value("last_task_force"))
        self._wanted = None
        ok, rows = attempt(self, lambda: list_task_forces(self.context.db))
        if not ok:
            return
        self._loading = True
        self.task_force.clear()
        for row in rows:
            self.task_force.addItem(row.name, row.id)
        if not str(kept or "").isdigit() and rows:  # as the command line: the one that met last
            ok, kept = attempt(self, lambda: report_task_force(self.context.db))
        found = self.task_force.findData(int(kept)) if str(kept or "").isdigit() else -1
        self.task_force.setCurrentIndex(max(found, 0))
        if not self._year_chosen and self.task_force.currentData() is not None:
            # As on the Progress page: the latest year with commitments, not an empty one.
            ok, year = attempt(self, lambda: latest_year_with_commitments(
                self.context.db, self.task_force.currentData()))
            if ok and self.year.findData(year) >= 0:
                self.year.setCurrentIndex(self.year.findData(year))
        self._loading = False
        self.draft_conclusions()
        self.set_busy(False)

    def _choice_changed(self, _index: int) -> None:
        if not self._loading:
            self.draft_conclusions()

    def draft_conclusions(self) -> None:
        """The Simpulan dan Saran for the chosen task force and year, in the text box: a
        text written for another choice would not be true of this one."""
        task_force, year = self.task_force.currentData(), self.year.currentData()
        if task_force is None or year is None:
            self.conclusions.clear()
            return
        ok, report = attempt(self, lambda: progress_report(
            self.context.db, task_force, date(year, 1, 1), date(year, 12, 31),
            today=self.context.today()))
        if ok:
            self.conclusions.setPlainText(report.conclusions_draft)

    def choose(self, task_force_id: int, year: int) -> None:
        """Open on what the Progress page shows."""
        self._year_chosen = True
        if self.task_force.findData(task_force_id) < 0:
            self._wanted = task_force_id  # the page loads its lists after being shown
        for combo, value in ((self.task_force, task_force_id), (self.year, year)):
            found = combo.findData(value)
            if found >= 0:
                combo.setCurrentIndex(found)

    def write(self, suffix: str) -> None:
        task_force, year = self.task_force.currentData(), self.year.currentData()
        if task_force is None:
            return
        written = self.conclusions.toPlainText().strip() or None  # emptied: the draft
        ok, report = attempt(self, lambda: progress_report(
            self.context.db, task_force, date(year, 1, 1), date(year, 12, 31),
            today=self.context.today(), conclusions=written,
            full=self.full_copy.isChecked()))
        if not ok:
            return
        if suffix == ".pdf":
            writer = lambda target, _progress: write_progress_pdf(report, target)  # noqa: E731
        else:
            writer = lambda target, progress: write_progress_workbook(  # noqa: E731
                report, target, progress)
        name = f"Laporan Perkembangan {year} {self.task_force.currentText()}{suffix}"
        self._write(_("Save the progress report as"), name, writer, content=report)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy or self.task_force.count() == 0)
