"""Who came instead of the invited official: name, jabatan, unit and phone.

The deputy signs the daftar hadir on the official's line with their own details, so all four
are asked (the name is required). Nothing is saved here: the attendance tab applies the
details to the selected lines as one undo step once the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models import AttendanceStatus
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.meetings.attendance import AttendanceDraft, check_deputy
from ui.forms import FormDialog


class DeputyDialog(FormDialog):
    def __init__(self, official: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Represented by"), parent)
        if official:
            question = QLabel(_("Who came instead of {name}?").format(name=official), self)
            question.setTextFormat(Qt.TextFormat.PlainText)
            question.setWordWrap(True)
            self.form.layout.addRow(question)
        self.name = self.form.add("represented_by", _("Name of the representative"),
                                  QLineEdit(self))
        self.position = self.form.add("represented_position", _("Position"), QLineEdit(self))
        self.position.setPlaceholderText(_("e.g. Kasubdit IV Renakta"))
        self.unit = self.form.add("represented_unit", _("Unit"), QLineEdit(self))
        self.unit.setPlaceholderText(_("e.g. Ditreskrimum"))
        self.phone = self.form.add("represented_phone", _("Phone"), QLineEdit(self))
        self.resize(520, self.sizeHint().height())

    def draft(self) -> AttendanceDraft:
        return AttendanceDraft(status=AttendanceStatus.REPRESENTED,
                               represented_by=self.name.text(),
                               represented_position=self.position.text(),
                               represented_unit=self.unit.text(),
                               represented_phone=self.phone.text())

    def save(self) -> AttendanceDraft:
        checked = check_deputy(self.draft())
        if not checked.represented_by:
            raise ValidationError(_("Enter who represented them."), field="represented_by")
        return checked
