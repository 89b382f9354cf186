"""The small form for one agenda item: its title (mata acara) and who presents it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from secretariat.i18n import _
from secretariat.meetings.lifecycle import (
    AgendaDraft,
    AgendaRow,
    add_agenda_item,
    update_agenda_item,
)
from ui.context import AppContext
from ui.forms import FormDialog


class AgendaItemDialog(FormDialog):
    """Add an item to a meeting's agenda (`row` None) or change one's title and presenter.

    Saving calls the core directly, so a refusal (an empty title) shows under the field
    and the dialog stays open; the tab then records the change for undo.
    """

    def __init__(self, context: AppContext, meeting_id: int, row: AgendaRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Add agenda item") if row is None else _("Edit agenda item"), parent)
        self.context = context
        self.meeting_id = meeting_id
        self.row = row
        self.title_edit = self.form.add("title", _("Agenda item"),
                                        QLineEdit(row.title if row else "", self))
        self.title_edit.setPlaceholderText(_("e.g. Evaluation of last meeting's commitments"))
        self.presenter = self.form.add("presenter", _("Presenter"),
                                       QLineEdit(row.presenter if row else "", self))
        self.presenter.setPlaceholderText(_("Person or agency presenting it"))
        self.resize(560, self.sizeHint().height())

    def draft(self) -> AgendaDraft:
        # Discussion and decisions belong to the minutes: an edit here keeps them as stored.
        row = self.row
        return AgendaDraft(self.title_edit.text(), self.presenter.text(),
                           row.discussion if row else "", row.decisions if row else "")

    def save(self) -> int:
        if self.row is None:
            return add_agenda_item(self.context.db, self.meeting_id, self.draft())
        update_agenda_item(self.context.db, self.row.id, self.draft(), self.row.version)
        return self.row.id
