"""Asking one agency for a progress update: the letter as a PDF, and the record it was sent.

The letter is written first (all or nothing, a locked file says so); only a written letter
is recorded as sent, so the log never claims a letter that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from exports.pdf.request_letter import write_request_letter
from secretariat.commitments.queries import get_commitment
from secretariat.commitments.request_letters import (
    RequestDraft,
    confidential_among,
    record_request,
    request_defaults,
    request_letter,
)
from secretariat.errors import ValidationError
from secretariat.file_targets import suggested_file_name
from secretariat.i18n import _, ngettext
from ui.errors import attempt
from ui.file_dialogs import ask_save_file
from ui.forms import FormDialog, date_edit, date_value
from ui.letter_date_warning import warn_on_letter_date
from ui.letter_fields import LetterFields
from ui.pdf_preview import PdfPreview


def _default_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class RequestDialog(FormDialog):
    def __init__(self, context, commitment_ids: tuple[int, ...], parent=None) -> None:
        super().__init__(_("Ask for a progress report"), parent)
        self.context = context
        self.commitment_ids = tuple(commitment_ids)
        self.viewer: Callable[[Path], None] = self._preview
        self.written: Path | None = None
        today = context.today()
        first = get_commitment(context.db, self.commitment_ids[0], today=today).row \
            if self.commitment_ids else None
        agency = first.lead_agency if first else ""
        about = QLabel(ngettext("To {agency}, about {count} open commitment.",
                                "To {agency}, about {count} open commitments.",
                                len(self.commitment_ids)).format(
                                    agency=agency, count=len(self.commitment_ids)), self)
        self.form.layout.addRow(about)
        # A letter quoting a confidential commitment is marked TERBATAS; it may leave them out.
        terbatas = confidential_among(context.db, self.commitment_ids)
        self.leave_out_confidential = QCheckBox(ngettext(
            "Leave out the {count} confidential commitment (else the letter is marked "
            "TERBATAS)", "Leave out the {count} confidential commitments (else the letter is "
            "marked TERBATAS)", terbatas).format(count=terbatas), self)
        if terbatas:
            self.form.layout.addRow(self.leave_out_confidential)
        else:
            self.leave_out_confidential.hide()
        self.letter_number = self.form.add("letter_number", _("Letter number"),
                                           QLineEdit(self))
        self.letter_number.setPlaceholderText(_("empty: a blank to number by hand"))
        self.sent_on = self.form.add("sent_on", _("Letter date"), date_edit(self, today))
        self.sent_on_warning = warn_on_letter_date(self.sent_on)
        self.reply_by = self.form.add("reply_by", _("Reply by"), date_edit(
            self, today + timedelta(days=14), optional=True))
        start = request_defaults(context.db, self.commitment_ids)
        self.letter = LetterFields(self, self.form, nature=RequestDraft((), "", None).nature,
                                   signer=start.signer, carbon_copies=start.carbon_copies,
                                   task_force=start.task_force, head=start.signer)
        self.nature, self.signer_form = self.letter.nature_box, self.letter.signer_form
        self.signer_name, self.signer_nip = self.letter.signer_name, self.letter.signer_nip
        self.signer_position = self.letter.signer_position
        # An abbreviation such as "P3A/PPA" or "Dinas: X" must still give a name Windows takes.
        suggested = _("Progress request {agency} {date}.pdf").format(
            agency=agency.replace("/", "-"), date=today.isoformat())
        self.target = QLineEdit(str(_default_folder() / suggested_file_name(
            suggested.removesuffix(".pdf"), ".pdf")), self)
        browse = QPushButton(_("Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QWidget(self)
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.form.add("target", _("Save as"), where)
        self.record = QCheckBox(_("Record that the letter was sent"), self)
        self.record.setChecked(True)
        self.open_after = QCheckBox(_("Show the letter to print after saving"), self)
        self.open_after.setChecked(True)
        self.form.layout.addRow(self.record)
        self.form.layout.addRow(self.open_after)
        self.target.setCursorPosition(0)  # a long path reads from its start
        self.resize(640, self.sizeHint().height())

    def _preview(self, path: Path) -> None:
        """The letter in the program's preview, where it is printed for signature."""
        owner = self.parentWidget() or self
        ok, preview = attempt(owner, lambda: PdfPreview(path, path.name, owner))
        if ok:
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.open()

    def _browse(self) -> None:
        chosen = ask_save_file(self, _("Save letter as"), self.target.text(), "PDF (*.pdf)")
        if chosen:
            self.target.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def draft(self) -> RequestDraft:
        return RequestDraft(
            commitment_ids=self.commitment_ids, letter_number=self.letter_number.text(),
            sent_on=date_value(self.sent_on), reply_by=date_value(self.reply_by),
            signer=self.letter.signer(), nature=self.letter.nature(),
            carbon_copies=self.letter.carbon_copies(),
            include_confidential=not self.leave_out_confidential.isChecked())

    def save(self) -> Path:
        text = self.target.text().strip()
        if not text:
            raise ValidationError(_("Choose where to save the letter."), field="target")
        target = Path(text)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if not target.parent.is_dir() and target.parent != _default_folder():
            # A typing slip must not leave stray folders behind; Documents may be made.
            raise ValidationError(_("The folder {folder} does not exist: choose one with "
                                    "Browse….").format(folder=target.parent), field="target")
        draft = self.draft()
        today = self.context.today()
        letter = request_letter(self.context.db, draft, today=today)  # refuses bad input
        self.written = write_request_letter(letter, target)
        if self.record.isChecked():
            record_request(self.context.db, draft, today=today)
            self.context.changes.announce("commitments")
        if self.open_after.isChecked():
            self.viewer(self.written)
        return self.written
