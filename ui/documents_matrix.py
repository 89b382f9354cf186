"""The Laporan page's action matrix: choose what it lists, write it as PDF or Excel.

The matrix lists what the Komitmen page would: either the choices here (open only, the
year of the meetings) or, when it was opened from Komitmen, exactly that page's filter,
named above the buttons. Either way it is one task force's, under its kop (chosen here
unless the filter names one), its kab/kota only when ticked; the circulated copy unless
the full one is ticked. Writing runs in the background with a progress bar by rows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from exports.excel.matrix import write_matrix_workbook
from exports.pdf.matrix import write_matrix_pdf
from secretariat.commitments.queries import CommitmentFilter
from secretariat.documents.action_matrix import Grouping, action_matrix, matrix_scope
from secretariat.i18n import _
from ui.documents_box import DocumentBox
from ui.errors import attempt


class MatrixBox(DocumentBox):
    def __init__(self, context, write, parent: QWidget | None = None) -> None:
        super().__init__(_("Matriks tindak lanjut (action matrix)"), context, write, parent)
        self._given: CommitmentFilter | None = None
        self.grouping = QComboBox(self)
        self.grouping.addItem(_("Under each meeting"), Grouping.MEETING.value)
        self.grouping.addItem(_("Under each lead agency"), Grouping.AGENCY.value)
        self.open_only = QCheckBox(_("Only open commitments"), self)
        self.open_only.setChecked(True)
        self.year = self.year_choice(all_years=True)
        self.task_force = self.task_force_choice()
        self.with_regencies = QCheckBox(_("With its kabupaten/kota task forces"), self)
        self.full_copy = self.full_copy_choice(
            _("Full copy with the confidential commitments (marked TERBATAS)"))
        self.given_label = QLabel(self)
        self.given_label.setTextFormat(Qt.TextFormat.PlainText)
        self.given_label.setStyleSheet("color: #1d4f91; font-weight: bold")
        self.given_clear = QToolButton(self)
        self.given_clear.setText("✕")
        self.given_clear.setToolTip(_("Use the choices here instead"))
        self.given_clear.clicked.connect(lambda: self.use_filter(None, ""))

        self.add_hint(_("Every commitment with its lead and supporting agencies, due date, "
                        "status and progress, evidence and obstacles. The PDF is for "
                        "circulating to member agencies, the workbook for the secretariat's "
                        "own reporting. From the Komitmen page, 'Matriks…' takes exactly "
                        "the list shown there."))
        choices = QGridLayout()
        choices.addWidget(QLabel(_("Task force"), self), 0, 0)
        choices.addWidget(self.task_force, 0, 1)
        choices.addWidget(self.with_regencies, 0, 2)
        choices.addWidget(QLabel(_("List"), self), 1, 0)
        choices.addWidget(self.grouping, 1, 1)
        choices.addWidget(self.open_only, 1, 2)
        choices.addWidget(QLabel(_("Meetings of"), self), 2, 0)
        choices.addWidget(self.year, 2, 1)
        choices.addWidget(self.full_copy, 3, 0, 1, 3)
        choices.setColumnStretch(3, 1)
        given = QHBoxLayout()
        given.addWidget(self.given_label)
        given.addWidget(self.given_clear)
        given.addStretch(1)
        self.column.addLayout(choices)
        self.column.addLayout(given)
        self.column.addLayout(self.writer_buttons(_("Write matrix (PDF)…"),
                                                  _("Write matrix (Excel)…")))
        self.use_filter(None, "")

    def use_filter(self, flt: CommitmentFilter | None, scope: str) -> None:
        self._given = flt
        self.given_label.setText(_("The list from Komitmen: {scope}").format(
            scope=scope or _("as filtered there")) if flt is not None else "")
        for widget in (self.given_label, self.given_clear):
            widget.setVisible(flt is not None)
        for widget in (self.open_only, self.year):
            widget.setEnabled(flt is None)
        # A filter that names its meeting or task force says whose matrix it is.
        named = flt is not None and (flt.task_force_id is not None or flt.meeting_id is not None)
        self.task_force.setEnabled(not named)

    def refresh(self) -> None:
        self.fill_task_forces(self.task_force)

    def current_filter(self) -> CommitmentFilter:
        if self._given is not None:
            return self._given
        flt = CommitmentFilter(open_only=self.open_only.isChecked())
        year = self.year.currentData()
        if year is not None:
            flt = replace(flt, agreed_from=date(year, 1, 1), agreed_to=date(year, 12, 31))
        return flt

    def write(self, suffix: str) -> None:
        grouping = Grouping(self.grouping.currentData())
        ok, matrix = attempt(self, lambda: action_matrix(
            self.context.db, matrix_scope(self.context.db, self.current_filter(),
                                          self.task_force.currentData(),
                                          with_regencies=self.with_regencies.isChecked()),
            grouping=grouping, today=self.context.today(), full=self.full_copy.isChecked()))
        if not ok:
            return
        writer = write_matrix_pdf if suffix == ".pdf" else write_matrix_workbook
        name = f"Matriks Tindak Lanjut {self.context.today().isoformat()}{suffix}"
        self._write(_("Save the action matrix as"), name,
                    lambda target, progress: writer(matrix, target, progress),
                    total=matrix.total, content=matrix)
