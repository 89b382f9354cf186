"""Kop surat and page setup: the letterhead every document is printed with.

The clerk edits the installation's letterhead (the one all task forces use unless one has
its own) and sees the kop change as they type. Saving goes through
`secretariat.documents.letterhead.save_letterhead`, whose refusals appear under the field at fault.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models import PaperSize
from secretariat.documents.letterhead import (
    MAX_LOGO_BYTES,
    LetterheadSettings,
    check_logo,
    get_letterhead,
    save_letterhead,
)
from secretariat.errors import DomainError, ValidationError
from secretariat.file_errors import os_reason
from secretariat.i18n import _
from ui.context import AppContext
from ui.errors import show_error
from ui.file_dialogs import ask_open_file
from ui.forms import Form
from ui.icons import icon
from ui.preferences.kop_preview import KopPreview
from ui.preferences.plain_text import plain_field_messages

_TEXT_FIELDS = ("government_line", "agency_line", "phone", "email", "website", "city")
# The default signer: the head of the office whose kop this is (letters may name another).
_SIGNER_FIELDS = ("signer_position", "signer_name", "signer_rank", "signer_nip")
_NUMBER_FIELDS = ("margin_top_mm", "margin_left_mm", "margin_right_mm", "margin_bottom_mm",
                  "font_size_pt")


class LetterheadSection(QWidget):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loaded = LetterheadSettings()
        self._logo: bytes | None = None
        self._logo_name = ""
        self._filling = False
        self.dirty = False

        self.preview = KopPreview(self)
        # Small, as the brief look it is: a page-wide kop on a wide screen would shout.
        self.preview.setMaximumWidth(720)
        preview_box = QGroupBox(_("Preview"), self)
        QVBoxLayout(preview_box).addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)

        self.kop_form = Form(self)
        self.edits: dict[str, QLineEdit] = {}
        labels = {"government_line": _("Government line"), "agency_line": _("Agency line"),
                  "phone": _("Phone"), "email": _("E-mail"), "website": _("Website"),
                  "city": _("City (for the signature)")}
        for name in _TEXT_FIELDS[:2]:
            self.edits[name] = self.kop_form.add(name, labels[name], QLineEdit(self))
        self.address = self.kop_form.add("address", _("Address"), QPlainTextEdit(self))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 14)
        for name in _TEXT_FIELDS[2:]:
            self.edits[name] = self.kop_form.add(name, labels[name], QLineEdit(self))
        self.edits["government_line"].setPlaceholderText(_("e.g. PEMERINTAH PROVINSI …"))
        self.edits["agency_line"].setPlaceholderText(_("e.g. DINAS …"))
        self.kop_form.add("logo", _("Logo"), self._logo_row())

        self.page_form = Form(self)
        self.paper = self.page_form.add("paper_size", _("Paper"), QComboBox(self))
        self.paper.addItem(_("A4 (210 × 297 mm)"), PaperSize.A4)
        self.paper.addItem(_("F4 (215 × 330 mm)"), PaperSize.F4)
        # Letters and reports; annexes and matrices always say "Halaman x dari y".
        self.page_numbering = self.page_form.add("page_numbering", _("Page numbers"),
                                                 QComboBox(self))
        self.page_numbering.addItem(_("Tata Naskah Dinas: “- 2 -” at the top, none on the "
                                      "first page"), "tnd")
        self.page_numbering.addItem(_("“Page 2 of 5” at the foot of every page"), "of_total")
        self.numbers: dict[str, QSpinBox] = {}
        number_labels = (_("Top margin"), _("Left margin"), _("Right margin"),
                         _("Bottom margin"), _("Font size"))
        for name, label in zip(_NUMBER_FIELDS, number_labels, strict=True):
            spin = QSpinBox(self)
            # Wide ranges on purpose: the core says which values it accepts, next to the field.
            spin.setRange(0, 99)
            spin.setSuffix(" pt" if name == "font_size_pt" else " mm")
            self.numbers[name] = self.page_form.add(name, label, spin)

        self._signer_fields()

        self.status = QLabel(self)
        self.status.setObjectName("letterhead_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(icon("save"), _("Save letterhead"), self)
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        # Also the way out of a conflict: reload what a colleague saved, then edit again.
        self.revert_button = QPushButton(icon("undo"), _("Discard changes"), self)
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self.discard_changes)
        self._build_layout(preview_box)
        self._watch_edits()
        plain_field_messages(self)

    def _signer_fields(self) -> None:
        self.signer_form = Form(self)
        labels = {"signer_position": _("Head's position (jabatan)"), "signer_name": _("Name"),
                  "signer_rank": _("Rank/grade"), "signer_nip": _("NIP")}
        self.signer_edits: dict[str, QLineEdit] = {
            name: self.signer_form.add(name, labels[name], QLineEdit(self))
            for name in _SIGNER_FIELDS}
        self.signer_edits["signer_position"].setPlaceholderText(
            _("e.g. Kepala Dinas Pemberdayaan Perempuan …"))
        self.carbon_copies = self.signer_form.add(
            "carbon_copies", _("Carbon copies (Tembusan)"), QPlainTextEdit(self))
        self.carbon_copies.setPlaceholderText(_("One per line, e.g. Gubernur … selaku Ketua "
                                                "Gugus Tugas (sebagai laporan)"))
        self.carbon_copies.setFixedHeight(self.carbon_copies.fontMetrics().lineSpacing() * 4
                                          + 14)

    def _signer_box(self) -> QGroupBox:
        box = QGroupBox(_("Letters: default signer and carbon copies"), self)
        box.setToolTip(_("Letters on this kop are signed by its office's head unless the "
                         "letter names another signer; the copies can be changed per letter."))
        box.setLayout(self.signer_form.layout)
        return box

    def _logo_row(self) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.logo_label = QLabel(row)
        self.logo_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_logo_button = QPushButton(icon("open"), _("Choose image…"), row)
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(icon("delete"), _("Remove"), row)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        line.addWidget(self.logo_label, 1)
        line.addWidget(self.choose_logo_button)
        line.addWidget(self.remove_logo_button)
        return row

    def _build_layout(self, preview_box: QGroupBox) -> None:
        kop_box = QGroupBox(_("Kop surat"), self)
        kop_box.setLayout(self.kop_form.layout)
        page_box = QGroupBox(_("Page"), self)
        page_box.setLayout(self.page_form.layout)
        columns = QHBoxLayout()
        columns.addWidget(kop_box, 3)
        columns.addWidget(page_box, 2, Qt.AlignmentFlag.AlignTop)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addWidget(preview_box)
        inner.addLayout(columns)
        inner.addWidget(self._signer_box())
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

    def _watch_edits(self) -> None:
        for edit in self.edits.values():
            edit.textChanged.connect(self._edited)
        self.address.textChanged.connect(self._edited)
        self.paper.currentIndexChanged.connect(self._edited)
        self.page_numbering.currentIndexChanged.connect(self._edited)
        for spin in self.numbers.values():
            spin.valueChanged.connect(self._edited)
        for edit in self.signer_edits.values():
            edit.textChanged.connect(self._edited)
        self.carbon_copies.textChanged.connect(self._edited)

    # -- reading and writing the core's settings
    def load(self) -> None:
        """Show the stored letterhead, unless the clerk is in the middle of editing it."""
        if self.dirty:
            return
        self._loaded = get_letterhead(self.context.db)
        self._filling = True
        try:
            for name, edit in self.edits.items():
                edit.setText(getattr(self._loaded, name))
                edit.setCursorPosition(0)  # long lines show their start
            self.address.setPlainText(self._loaded.address)
            self.paper.setCurrentIndex(max(0, self.paper.findData(self._loaded.paper_size)))
            self.page_numbering.setCurrentIndex(
                max(0, self.page_numbering.findData(self._loaded.page_numbering)))
            for name, spin in self.numbers.items():
                spin.setValue(getattr(self._loaded, name))
            self._logo, self._logo_name = self._loaded.logo, self._loaded.logo_file_name
            self._fill_signer(self._loaded)
        finally:
            self._filling = False
        self.kop_form.clear_errors()
        self.page_form.clear_errors()
        self.signer_form.clear_errors()
        self.dirty = False
        self.revert_button.setEnabled(False)
        self._show_logo_name()
        self.preview.set_settings(self.draft())
        if self._loaded.id is None:
            self.status.setText(_("Not saved yet: documents use these defaults."))

    def draft(self) -> LetterheadSettings:
        texts = {name: edit.text() for name, edit in self.edits.items()}
        numbers = {name: spin.value() for name, spin in self.numbers.items()}
        return replace(self._loaded, **texts, **numbers, address=self.address.toPlainText(),
                       paper_size=self.paper.currentData(), logo=self._logo,
                       page_numbering=self.page_numbering.currentData(),
                       logo_file_name=self._logo_name if self._logo else "",
                       **self._signer_values())

    def _fill_signer(self, settings: LetterheadSettings) -> None:
        for name, edit in self.signer_edits.items():
            edit.setText(getattr(settings, name))
            edit.setCursorPosition(0)
        self.carbon_copies.setPlainText(settings.carbon_copies)

    def _signer_values(self) -> dict[str, str]:
        values = {name: edit.text() for name, edit in self.signer_edits.items()}
        return {**values, "carbon_copies": self.carbon_copies.toPlainText()}

    def save(self) -> bool:
        self.kop_form.clear_errors()
        self.page_form.clear_errors()
        self.signer_form.clear_errors()
        try:
            save_letterhead(self.context.db, self.draft())
        except DomainError as error:
            self.report(error)
            return False
        self.dirty = False
        self.load()
        self.status.setText(_("Saved. New documents use this letterhead."))
        self.saved.emit()
        return True

    def discard_changes(self) -> None:
        self.dirty = False
        self.status.clear()
        self.load()

    def report(self, error: DomainError) -> None:
        field = "logo" if error.field == "logo_file_name" else error.field
        if not (self.kop_form.show_field_error(field, error.message)
                or self.page_form.show_field_error(field, error.message)
                or self.signer_form.show_field_error(field, error.message)):
            show_error(self, error)

    def error_text(self, field: str) -> str:
        return (self.kop_form.error_text(field) or self.page_form.error_text(field)
                or self.signer_form.error_text(field))

    # -- the logo
    def ask_logo_path(self) -> str:
        """The image file the clerk picks ("" when cancelled); tests replace this."""
        return ask_open_file(self, _("Choose the logo"),
                             self.context.settings.value("logo_folder") or "",
                             _("Images (*.png *.jpg *.jpeg)"))

    def choose_logo(self) -> None:
        path = self.ask_logo_path()
        if not path:
            return
        self.kop_form.clear_errors()
        try:
            with open(path, "rb") as image:
                # One byte over the limit is enough for the core to say the file is too big.
                data = check_logo(image.read(MAX_LOGO_BYTES + 1))
        except DomainError as error:
            self.report(error)
            return
        except OSError as error:
            self.report(ValidationError(_("{path} cannot be read: {reason}").format(
                path=path, reason=os_reason(error)), field="logo"))
            return
        self.context.settings.set_value("logo_folder", str(Path(path).parent))
        self._logo, self._logo_name = data, Path(path).name
        self._show_logo_name()
        self._edited()

    def remove_logo(self) -> None:
        self._logo, self._logo_name = None, ""
        self._show_logo_name()
        self._edited()

    def _show_logo_name(self) -> None:
        self.logo_label.setText(self._logo_name or (_("(image)") if self._logo else
                                                    _("No logo")))
        self.remove_logo_button.setEnabled(bool(self._logo))

    def _edited(self, *_args) -> None:
        if self._filling:
            return
        self.dirty = True
        self.revert_button.setEnabled(True)
        self.status.setText(_("Unsaved changes."))
        self.preview.set_settings(self.draft())
