"""The surat undangan's details before it is written: date, urgency, who signs, copies.

The number and the invitees come from the meeting (its details and its attendance list),
so the dialog shows them and says where they are changed. The letter is signed for the
office whose kop it bears: its head by default, or someone for him. The core builds the
letter and refuses what could not go out; the refusal appears next to the field at fault.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from secretariat.i18n import _
from secretariat.meetings.invitations import (
    Invitation,
    InvitationDraft,
    invitation_defaults,
    invitation_letter,
)
from ui.forms import FormDialog, date_edit, date_value
from ui.letter_date_warning import warn_on_letter_date
from ui.letter_fields import LetterFields


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
        self.letter_date_warning = warn_on_letter_date(self.letter_date)
        number = QLabel(start.invitation_number or _("— (left blank, to be written by hand)"),
                        self)
        number.setTextFormat(Qt.TextFormat.PlainText)
        number.setToolTip(_("The invitation number is part of the meeting's details "
                            "(Meetings → Change), so the minutes cite the same number."))
        form.layout.addRow(_("Number"), number)
        invited = QLabel(_("{count}, from the meeting's attendance list").format(
            count=start.invitee_count), self)
        invited.setToolTip(_("Who is invited is kept on the Attendance tab of the meeting's "
                             "page; the letter attaches them as a list, without the office "
                             "that sends it."))
        self.invitees = form.add("invitees", _("Invited"), invited)
        draft = start.draft
        self.letter = LetterFields(self, form, nature=draft.nature, signer=draft.signer,
                                   carbon_copies=draft.carbon_copies,
                                   task_force=start.task_force, head=start.head)
        # The fields by name, as the dialog's callers and tests know them.
        self.nature, self.signer_form = self.letter.nature_box, self.letter.signer_form
        self.signer_name, self.signer_nip = self.letter.signer_name, self.letter.signer_nip
        self.signer_position = self.letter.signer_position
        self.resize(640, self.sizeHint().height())

    def save(self) -> Invitation:
        draft = InvitationDraft(
            letter_date=date_value(self.letter_date), nature=self.letter.nature(),
            signer=self.letter.signer(), carbon_copies=self.letter.carbon_copies())
        return invitation_letter(self.context.db, self.meeting_id, draft)
