"""The fields every letter's dialog shares: Sifat, who signs and in what form, Tembusan.

The invitation, the request letter and the agency rounds' letters all ask the same: how
urgent the letter is, whether the office's head signs himself or someone signs for him
(a.n., u.b.) or acts in his post (Plt., Plh.), and where copies go. The core checks the
answers (`secretariat.documents.signer.check_signer`, `letter_parts`); a refusal appears
under the field it names.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from secretariat.documents.letter_parts import (
    ACTING,
    DAILY_EXECUTIVE,
    FOR_HIM,
    NATURES,
    ON_BEHALF,
)
from secretariat.documents.signer import Signer, on_behalf_suggestion
from secretariat.i18n import _
from secretariat.validation import split_nip_or_nrp
from ui.forms import Form


def _form_labels() -> tuple[tuple[str, str], ...]:
    return (("", _("The head of the office himself")),
            (ON_BEHALF, _("a.n. — on behalf of another official")),
            (FOR_HIM, _("u.b. — for the official signing on behalf")),
            (ACTING, _("Plt. — acting in the post")),
            (DAILY_EXECUTIVE, _("Plh. — standing in for the head")))


def _lines_high(edit: QPlainTextEdit, lines: int) -> None:
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)


class LetterFields:
    """Adds the rows to `form`; `signer()`, `nature()` and `carbon_copies()` read them."""

    def __init__(self, parent: QWidget, form: Form, *, nature: str, signer: Signer,
                 carbon_copies: str, task_force: str, head: Signer) -> None:
        self._task_force, self._head = task_force, head
        self.nature_box = form.add("nature", _("Nature (sifat)"), QComboBox(parent))
        self.nature_box.addItems(NATURES)
        self.nature_box.setCurrentText(nature)
        self.signer_form = form.add("signer_form", _("Signed by"), QComboBox(parent))
        for code, label in _form_labels():
            self.signer_form.addItem(label, code)
        self.on_behalf_of = form.add("signer_on_behalf_of", _("On behalf of / post"),
                                     QPlainTextEdit(signer.on_behalf_of, parent))
        self.on_behalf_of.setPlaceholderText(_("e.g. Ketua Gugus Tugas PP-TPPO …; for u.b. "
                                               "the official between on a second line"))
        _lines_high(self.on_behalf_of, 2)
        self.signer_position = form.add("signer_position", _("Signer's position"),
                                        QLineEdit(signer.position, parent))
        self.signer_name = form.add("signer_name", _("Name"), QLineEdit(signer.name, parent))
        self.signer_rank = form.add("signer_rank", _("Rank/grade"),
                                    QLineEdit(signer.rank, parent))
        # One field for either number: 18 digits are an NIP, 8 a Polri/TNI member's NRP.
        self.signer_nip = form.add("signer_nip", _("NIP/NRP"),
                                   QLineEdit(signer.id_number(), parent))
        for edit in (self.signer_position, self.signer_name):
            edit.setPlaceholderText(_("empty: dotted lines, completed by hand"))
            edit.setCursorPosition(0)  # a long position reads from its start
        self.carbon_copies_edit = form.add("carbon_copies", _("Carbon copies (Tembusan)"),
                                           QPlainTextEdit(carbon_copies, parent))
        self.carbon_copies_edit.setPlaceholderText(_("One per line; empty for none"))
        _lines_high(self.carbon_copies_edit, 3)
        self.signer_form.setCurrentIndex(max(0, self.signer_form.findData(signer.form)))
        self.signer_form.currentIndexChanged.connect(self._form_chosen)
        self._form_chosen()

    def _form_chosen(self, *_args) -> None:
        code = self.signer_form.currentData()
        self.on_behalf_of.setEnabled(bool(code))
        if code and not self.on_behalf_of.toPlainText().strip():
            self.on_behalf_of.setPlainText(on_behalf_suggestion(
                code, task_force=self._task_force, head=self._head))

    def signer(self) -> Signer:
        code = self.signer_form.currentData() or ""
        nip, nrp = split_nip_or_nrp(self.signer_nip.text())
        return Signer(name=self.signer_name.text(), position=self.signer_position.text(),
                      rank=self.signer_rank.text(), nip=nip, nrp=nrp, form=code,
                      on_behalf_of=self.on_behalf_of.toPlainText() if code else "")

    def nature(self) -> str:
        return self.nature_box.currentText()

    def carbon_copies(self) -> str:
        return self.carbon_copies_edit.toPlainText()
