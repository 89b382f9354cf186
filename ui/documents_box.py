"""What the document boxes of the Laporan page share: a note, a year choice, the buttons.

Each box builds one kind of document and hands the writing to the page's background
writer, `write(title, suggested_name, writer, total=0)`, so only one document is written
at a time and its outcome shows in one place.
"""

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

from secretariat.agencies.regions import list_task_forces
from secretariat.documents.progress_report import report_task_force
from secretariat.i18n import _
from ui.errors import attempt
from ui.icons import icon

YEARS_BACK = 8


class DocumentBox(QGroupBox):
    def __init__(self, title: str, context, write, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.context = context
        self._write = write
        self.column = QVBoxLayout(self)

    def add_hint(self, text: str) -> QLabel:
        hint = QLabel(text, self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.column.addWidget(hint)
        return hint

    def year_choice(self, *, all_years: bool, years_ahead: int = 0) -> QComboBox:
        """Recent years, newest first; this year chosen, or "All years" when offered."""
        combo = QComboBox(self)
        if all_years:
            combo.addItem(_("All years"), None)
        this_year = self.context.today().year
        for year in range(this_year + years_ahead, this_year - YEARS_BACK, -1):
            combo.addItem(str(year), year)
        combo.setCurrentIndex(0 if all_years else combo.findData(this_year))
        return combo

    def full_copy_choice(self, text: str) -> QCheckBox:
        """Unticked: the circulated copy. Ticked: the full one, marked TERBATAS."""
        check = QCheckBox(text, self)
        check.setToolTip(_("Without it the document is the circulated copy (salinan edaran): "
                           "confidential commitments and personal numbers left out."))
        return check

    def task_force_choice(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(20)
        return combo

    def fill_task_forces(self, combo: QComboBox, keep=None) -> bool:
        """All task forces; `keep` chosen, else the one that met last (as the command line)."""
        keep = keep if keep is not None else combo.currentData()
        ok, rows = attempt(self, lambda: list_task_forces(self.context.db))
        if not ok:
            return False
        combo.blockSignals(True)
        combo.clear()
        for row in rows:
            combo.addItem(row.name, row.id)
        if keep is None and rows:
            ok, keep = attempt(self, lambda: report_task_force(self.context.db))
        found = combo.findData(keep) if keep is not None else -1
        combo.setCurrentIndex(max(found, 0) if rows else -1)
        combo.blockSignals(False)
        return True

    def writer_buttons(self, pdf_text: str | None, excel_text: str | None) -> QHBoxLayout:
        """"… (PDF)…" and "… (Excel)…" buttons calling `self.write(suffix)`."""
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, suffix, look in ((pdf_text, ".pdf", "pdf"), (excel_text, ".xlsx", "save")):
            if text:
                button = QPushButton(icon(look), text, self)
                button.clicked.connect(lambda _checked=False, s=suffix: self.write(s))
                row.addWidget(button)
                self.buttons.append(button)
                setattr(self, "pdf_button" if suffix == ".pdf" else "excel_button", button)
        row.addStretch(1)
        return row

    def write(self, suffix: str) -> None:
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not busy)
