"""A commitment's own page (as a dialog): everything agreed, and editing it.

Its follow-up log belongs to the follow-up work; here the commitment itself is read and
changed. A refusal appears next to the field; a colleague's save meanwhile is a conflict.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
)

from models import FocusArea, MeetingStatus, SubTaskForce
from secretariat.agencies.register import list_agencies
from secretariat.commitments.catalog import list_entries
from secretariat.commitments.queries import CommitmentDetail, get_commitment
from secretariat.commitments.recording import CommitmentDraft, update_commitment
from secretariat.i18n import _
from secretariat.meetings.lifecycle import get_meeting
from secretariat.vocabulary import label
from ui.commitment_removal import ask_and_remove
from ui.formatting import long_date
from ui.forms import FormDialog, date_edit, date_value
from ui.icons import icon
from ui.signatory_picker import SignatoryPicker


def _plain(text: str, parent) -> QLabel:
    shown = QLabel(text, parent)
    shown.setTextFormat(Qt.TextFormat.PlainText)  # typed text, never markup
    shown.setToolTip(text)
    return shown


class CommitmentDialog(FormDialog):
    def __init__(self, context, commitment_id: int, parent=None) -> None:
        super().__init__(_("Commitment"), parent)
        self.context = context
        self.detail: CommitmentDetail = get_commitment(context.db, commitment_id,
                                                       today=context.today())
        row = self.detail.row
        self.setWindowTitle(_("Commitment {number} of {meeting}").format(
            number=row.number, meeting=row.meeting_title))
        form = self.form
        meeting = _plain(f"{long_date(row.meeting_date)} · {row.meeting_title}", self)
        # A long title wraps across the row instead of widening the dialog past the screen.
        meeting.setWordWrap(True)
        meeting.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.layout.addRow(_("Meeting"), meeting)
        status = label(row.status) + (f" · {row.progress} %" if row.progress else "")
        if row.overdue:
            status += " · " + _("{days} days late").format(days=row.days_late)
        form.layout.addRow(_("Status"), _plain(status, self))
        self.text = form.add("text", _("Commitment"), QPlainTextEdit(row.text, self))
        self.action_plan = form.add("action_plan", _("Action plan"),
                                    QPlainTextEdit(self.detail.action_plan, self))
        agencies = list_agencies(context.db, active=None)
        self.lead = form.add("lead_agency_id", _("Lead agency"), QComboBox(self))
        for agency in agencies:
            if agency.active or agency.id == row.lead_agency_id:
                self.lead.addItem(f"{agency.abbreviation} – {agency.name}", agency.id)
        self.lead.setCurrentIndex(max(0, self.lead.findData(row.lead_agency_id)))
        self.lead.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lead.setMinimumContentsLength(40)
        self.supporting_model = QStandardItemModel(self)
        for agency in agencies:
            if agency.active or agency.id in self.detail.supporting_agency_ids:
                item = QStandardItem(agency.abbreviation)
                item.setToolTip(agency.name)
                item.setData(agency.id, Qt.ItemDataRole.UserRole)
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Checked
                                   if agency.id in self.detail.supporting_agency_ids
                                   else Qt.CheckState.Unchecked)
                self.supporting_model.appendRow(item)
        self.supporting = form.add("supporting_agency_ids", _("Supporting agencies"),
                                   QListView(self))
        self.supporting.setModel(self.supporting_model)
        self.supporting.setFlow(QListView.Flow.LeftToRight)
        self.supporting.setWrapping(True)
        self.supporting.setMaximumHeight(90)
        # Any agency or community body may sign, not only those who carry the work.
        self.signatories = form.add("signatory_agency_ids", _("Signatories"), SignatoryPicker(
            agencies, self.detail.signatory_agency_ids, self))
        self.due = form.add("due_date", _("Due date"), date_edit(self, row.due_date,
                                                                 optional=True))
        self.focus = form.add("focus_area_id", _("Focus area"), QComboBox(self))
        self.sub_task_force = form.add("sub_task_force_id", _("Sub task force"), QComboBox(self))
        for combo, model, current in ((self.focus, FocusArea, self.detail.focus_area_id),
                                      (self.sub_task_force, SubTaskForce,
                                       self.detail.sub_task_force_id)):
            combo.addItem("—", None)
            for entry in list_entries(context.db, model, include_inactive=True):
                if entry.active or entry.id == current:
                    combo.addItem(entry.name, entry.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.indicator = form.add("indicator", _("Indicator of success"),
                                  QLineEdit(self.detail.indicator, self))
        self.confidential = form.add("confidential", _("Confidential"), QCheckBox(
            _("Leave out of circulated copies"), self))
        self.confidential.setChecked(row.confidential)
        self.notes = form.add("notes", _("Notes"), QPlainTextEdit(self.detail.notes, self))
        for edit in (self.text, self.action_plan, self.notes):
            edit.setMaximumHeight(80)

        self.delete_button = QPushButton(icon("delete"), _("Delete commitment…"), self)
        self.put_left_of_buttons(self.delete_button)
        self.delete_button.clicked.connect(self.delete)
        self.deleted = False
        if get_meeting(context.db, row.meeting_id).status is MeetingStatus.MINUTES_FINAL:
            self._read_only()
        self.fit_to_screen(720, 860)

    def _read_only(self) -> None:
        """Commitments of final minutes are a record: say so instead of refusing a save."""
        note = _plain(_("The minutes of this meeting are final: reopen them on the meeting's "
                        "page to change its commitments."), self)
        note.setObjectName("final_note")
        note.setWordWrap(True)
        note.setStyleSheet("color: #7a4b00;")
        self.form.layout.insertRow(0, note)
        for widget in (self.text, self.action_plan, self.lead, self.supporting,
                       self.signatories, self.due,
                       self.focus, self.sub_task_force, self.indicator, self.confidential,
                       self.notes):
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.delete_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))

    def supporting_ids(self) -> tuple[int, ...]:
        model = self.supporting_model
        return tuple(model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())
                     if model.item(r).checkState() == Qt.CheckState.Checked)

    def draft(self) -> CommitmentDraft:
        return CommitmentDraft(
            text=self.text.toPlainText(), lead_agency_id=self.lead.currentData(),
            due_date=date_value(self.due), action_plan=self.action_plan.toPlainText(),
            focus_area_id=self.focus.currentData(),
            sub_task_force_id=self.sub_task_force.currentData(),
            supporting_agency_ids=self.supporting_ids(),
            signatory_agency_ids=self.signatories.checked_ids(),
            indicator=self.indicator.text(), confidential=self.confidential.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> int:
        row = self.detail.row
        update_commitment(self.context.db, row.id, self.draft(), row.version)
        self.context.changes.announce("commitments")
        return row.id

    def delete(self) -> None:
        if ask_and_remove(self, self.context, self.detail.row):
            self.deleted = True
            self.reject()
