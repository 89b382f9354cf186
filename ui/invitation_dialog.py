"""The surat undangan's details before it is written: date, urgency and who signs.

The number and the invitees come from the meeting (its details and its attendance list),
so the dialog shows them and says where they are changed. The core builds the letter and
refuses what could not go out; the refusal appears next to the field at fault.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from secretariat.i18n import _
from secretariat.meetings.invitations import (
    NATURES,
    Invitation,
    InvitationDraft,
    invitation_defaults,
    invitation_letter,
)
from ui.forms import FormDialog, date_edit, date_value


class InvitationDialog(FormDialog):
    def __init__(self, context, meeting_id: int, meeting_date: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Invitation letter"), parent)
        self.context = context
        self.meeting_id = meeting_id
        # Invitations go out before the meeting; one written later is dated on its day.
        start = invitation_defaults(context.db, meeting_id,
                                    letter_date=min(context.today(), meeting_date))
        form = self.form
        self.letter_date = form.add("letter_date", _("Letter date"),
                                    date_edit(self, start.draft.letter_date))
        self.nature = form.add("nature", _("Nature (sifat)"), QComboBox(self))
        self.nature.addItems(NATURES)
        self.nature.setCurrentText(start.draft.nature)
        number = QLabel(start.invitation_number or _("— (left blank, to be written by hand)"),
                        self)
        number.setTextFormat(Qt.TextFormat.PlainText)
        number.setToolTip(_("The invitation number is part of the meeting's details "
                            "(Meetings → Change), so the minutes cite the same number."))
        form.layout.addRow(_("Number"), number)
        invited = QLabel(_("{count}, from the meeting's attendance list").format(
            count=start.invitee_count), self)
        invited.setToolTip(_("Who is invited is kept on the Attendance tab of the meeting's "
                             "page; the letter attaches them as a list."))
        self.invitees = form.add("invitees", _("Invited"), invited)
        draft = start.draft
        self.signer_position = form.add("signer_position", _("Signed by (position)"),
                                        QLineEdit(draft.signer_position, self))
        self.signer_name = form.add("signer_name", _("Name"), QLineEdit(draft.signer_name, self))
        self.signer_rank = form.add("signer_rank", _("Rank/grade"),
                                    QLineEdit(draft.signer_rank, self))
        self.signer_nip = form.add("signer_nip", _("NIP"), QLineEdit(draft.signer_nip, self))
        for edit in (self.signer_position, self.signer_name):
            edit.setCursorPosition(0)  # a long position reads from its start
        self.resize(600, self.sizeHint().height())

    def save(self) -> Invitation:
        draft = InvitationDraft(
            letter_date=date_value(self.letter_date), nature=self.nature.currentText(),
            signer_name=self.signer_name.text(), signer_position=self.signer_position.text(),
            signer_rank=self.signer_rank.text(), signer_nip=self.signer_nip.text())
        return invitation_letter(self.context.db, self.meeting_id, draft)
