"""One commitment: everything agreed about it, then (on request) edited or deleted.

The dialog first shows the commitment as plain text; "Edit" turns it into a form whose
refusals from the core appear under the field at fault, with what was typed kept.
Status and progress are not edited here: they change through follow-ups (the core's rule).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models import FocusArea, SubTaskForce
from secretariat.agencies import list_agencies
from secretariat.catalog import list_entries
from secretariat.commitment_queries import CommitmentDetail, get_commitment
from secretariat.commitments import CommitmentDraft, delete_commitment, update_commitment
from secretariat.errors import DomainError
from secretariat.i18n import _, ngettext
from secretariat.vocabulary import label
from ui.context import AppContext
from ui.errors import attempt, confirm
from ui.formatting import long_date
from ui.forms import Form, date_edit, date_value


def _plain_label(parent: QWidget) -> QLabel:
    """A read-only value: typed text such as "<b>&" shows exactly as typed."""
    value = QLabel(parent)
    value.setTextFormat(Qt.TextFormat.PlainText)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


def _choice(parent: QWidget, none_text: str | None, choices, chosen) -> QComboBox:
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, None)
    for value, text in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    return combo


class CommitmentDialog(QDialog):
    def __init__(self, context: AppContext, commitment_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.commitment_id = commitment_id
        self.setWindowTitle(_("Commitment"))
        self.resize(640, 620)
        self.detail: CommitmentDetail = get_commitment(context.db, commitment_id,
                                                       today=context.today())
        self.pages = QStackedWidget(self)
        self.values: dict[str, QLabel] = {}
        self.pages.addWidget(self._view_page())
        self.edit_page = QWidget(self)  # replaced by a fresh form on every "Edit"
        self.form = Form(self.edit_page)
        self.pages.addWidget(self.edit_page)

        self.buttons = QDialogButtonBox(self)
        self.edit_button = QPushButton(_("Edit"), self)
        self.delete_button = QPushButton(_("Delete"), self)
        self.save_button = QPushButton(_("Save"), self)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.close_button = QPushButton(_("Close"), self)
        for button, role in ((self.edit_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole),
                             (self.save_button, QDialogButtonBox.ButtonRole.AcceptRole),
                             (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
                             (self.close_button, QDialogButtonBox.ButtonRole.RejectRole)):
            button.setAutoDefault(False)
            self.buttons.addButton(button, role)
        self.edit_button.clicked.connect(self.start_editing)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.stop_editing)
        self.close_button.clicked.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        outer.addWidget(self.buttons)
        self._show_detail()
        self.stop_editing()

    # -- reading
    def _view_page(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        layout = QFormLayout(inner)
        for key, caption in (
            ("meeting", _("Meeting")), ("number", _("No.")), ("text", _("Commitment")),
            ("lead", _("Lead agency")), ("supporting", _("Supporting agencies")),
            ("signatories", _("Signed by")), ("due", _("Due date")), ("status", _("Status")),
            ("status_reason", _("Reason for the status")), ("progress", _("Progress %")),
            ("late", _("Days late")), ("focus", _("Focus area")),
            ("sub", _("Sub task force")), ("action_plan", _("Action plan")),
            ("indicator", _("Indicator/target")), ("notes", _("Notes")),
            ("confidential", _("Confidential")),
        ):
            self.values[key] = _plain_label(inner)
            layout.addRow(caption, self.values[key])
        scroll.setWidget(inner)
        return scroll

    def _show_detail(self) -> None:
        d, row = self.detail, self.detail.row
        shown = {
            "meeting": "{date} · {title}".format(date=long_date(row.meeting_date),
                                                 title=row.meeting_title),
            "number": str(row.number), "text": row.text, "lead": row.lead_agency,
            "supporting": ", ".join(d.supporting_agencies) or "—",
            "signatories": ", ".join(d.signatory_agencies) or "—",
            "due": long_date(row.due_date) or "—", "status": label(row.status),
            "status_reason": d.status_reason or "—", "progress": str(row.progress),
            "late": ngettext("{days} day", "{days} days", row.days_late).format(
                days=row.days_late) if row.overdue else "—",
            "focus": row.focus_area or "—", "sub": row.sub_task_force or "—",
            "action_plan": d.action_plan or "—", "indicator": d.indicator or "—",
            "notes": d.notes or "—", "confidential": _("Yes") if row.confidential else _("No"),
        }
        for key, text in shown.items():
            self.values[key].setText(text)
        if row.overdue:
            self.values["late"].setStyleSheet("color: #b00020;")

    # -- editing
    def _build_form(self) -> None:
        """Build the fields afresh from the stored commitment."""
        old = self.edit_page
        self.edit_page = QWidget(self)
        self.form = Form(self.edit_page)
        QVBoxLayout(self.edit_page).addLayout(self.form.layout)
        self.pages.addWidget(self.edit_page)
        self.pages.removeWidget(old)
        old.deleteLater()
        d, row, db = self.detail, self.detail.row, self.context.db
        self.text_edit = self.form.add("text", _("Commitment"), QPlainTextEdit(self.edit_page))
        self.text_edit.setPlainText(row.text)
        self.text_edit.setTabChangesFocus(True)
        agencies = [(a.id, a.abbreviation) for a in list_agencies(db, active=None)
                    if a.active or a.id == row.lead_agency_id]
        self.lead_edit = self.form.add("lead_agency_id", _("Lead agency"),
                                       _choice(self.edit_page, None, agencies, row.lead_agency_id))
        self.due_edit = self.form.add("due_date", _("Due date"),
                                      date_edit(self.edit_page, row.due_date, optional=True))
        self.focus_edit = self.form.add("focus_area_id", _("Focus area"), _choice(
            self.edit_page, "—", [(e.id, e.name) for e in list_entries(db, FocusArea)],
            d.focus_area_id))
        self.sub_edit = self.form.add("sub_task_force_id", _("Sub task force"), _choice(
            self.edit_page, "—", [(e.id, e.name) for e in list_entries(db, SubTaskForce)],
            d.sub_task_force_id))
        self.action_plan_edit = self.form.add("action_plan", _("Action plan"),
                                              QPlainTextEdit(d.action_plan, self.edit_page))
        self.indicator_edit = self.form.add("indicator", _("Indicator/target"),
                                            QPlainTextEdit(d.indicator, self.edit_page))
        self.notes_edit = self.form.add("notes", _("Notes"),
                                        QPlainTextEdit(d.notes, self.edit_page))
        self.confidential_edit = self.form.add("confidential", _("Confidential"),
                                               QCheckBox(self.edit_page))
        self.confidential_edit.setChecked(row.confidential)
        for edit in (self.action_plan_edit, self.indicator_edit, self.notes_edit):
            edit.setTabChangesFocus(True)

    def editing(self) -> bool:
        return self.pages.currentWidget() is self.edit_page

    def start_editing(self) -> None:
        self._build_form()
        self._set_mode(editing=True)
        self.text_edit.setFocus()

    def stop_editing(self) -> None:
        self._set_mode(editing=False)

    def _set_mode(self, *, editing: bool) -> None:
        self.pages.setCurrentIndex(self.pages.indexOf(self.edit_page) if editing else 0)
        for button in (self.save_button, self.cancel_button):
            button.setVisible(editing)
        for button in (self.edit_button, self.delete_button, self.close_button):
            button.setVisible(not editing)
        self.save_button.setDefault(editing)

    def draft(self) -> CommitmentDraft:
        d = self.detail
        return CommitmentDraft(
            text=self.text_edit.toPlainText(),
            lead_agency_id=self.lead_edit.currentData(),
            due_date=date_value(self.due_edit),
            action_plan=self.action_plan_edit.toPlainText(),
            focus_area_id=self.focus_edit.currentData(),
            sub_task_force_id=self.sub_edit.currentData(),
            # Supporting and signing agencies are kept as they are: the meeting page edits them.
            supporting_agency_ids=d.supporting_agency_ids,
            signatory_agency_ids=d.signatory_agency_ids,
            indicator=self.indicator_edit.toPlainText(),
            confidential=self.confidential_edit.isChecked(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> bool:
        """Store the edit; a refusal stays on screen next to its field with the text kept."""
        self.form.clear_errors()
        try:
            update_commitment(self.context.db, self.commitment_id, self.draft(),
                              self.detail.row.version)
        except DomainError as error:
            self.form.report(error)
            return False
        self.context.changes.announce("commitments")
        self.detail = get_commitment(self.context.db, self.commitment_id,
                                     today=self.context.today())
        self._show_detail()
        self.stop_editing()
        return True

    def delete(self) -> bool:
        if not confirm(self, _("Delete commitment"),
                       _("Delete commitment no. {number} of this meeting?").format(
                           number=self.detail.row.number)):
            return False
        done, _result = attempt(self, lambda: delete_commitment(
            self.context.db, self.commitment_id, self.detail.row.version))
        if done:
            self.context.changes.announce("commitments")
            self.accept()
        return done
