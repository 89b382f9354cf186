"""Recording one follow-up: what was done, by whom, the new status, and evidence files.

The core checks everything (dates, the status rules, the files); a refusal appears next to
the field at fault and nothing typed or chosen is lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models import CommitmentStatus, FollowUpSource
from secretariat.agencies.register import list_agencies
from secretariat.commitments.follow_ups import FollowUpDraft, record_follow_up, report_meetings
from secretariat.commitments.queries import CommitmentDetail
from secretariat.i18n import _
from secretariat.vocabulary import label
from ui.file_dialogs import ask_open_files
from ui.formatting import short_date
from ui.forms import FormDialog, date_edit, date_value
from ui.icons import icon

EVIDENCE_FILTER = "{documents} (*.pdf *.jpg *.jpeg *.png *.gif *.webp *.heic *.bmp *.tif " \
                  "*.tiff *.doc *.docx *.odt *.rtf *.txt *.xls *.xlsx *.ods *.csv *.ppt " \
                  "*.pptx *.odp *.mp3 *.m4a *.ogg *.opus *.mp4)"


class EvidencePicker(QWidget):
    """The files chosen to attach: added with a file dialog, removable before saving.

    The list shows each file's name (a long folder path would push it out of sight); the
    whole path is its tooltip."""

    changed = Signal()  # a file added or removed: the dialog then holds unsaved input

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = QListWidget(self)
        self.files.setMaximumHeight(80)
        add = QPushButton(icon("add"), _("Add file…"), self)
        add.clicked.connect(self.choose)
        remove = QPushButton(_("Remove from list"), self)
        remove.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)

    def choose(self) -> None:
        paths = ask_open_files(
            self, _("Evidence files"), "",
            EVIDENCE_FILTER.format(documents=_("Letters, photos and documents")))
        for path in paths:
            self.add_path(path)

    def add_path(self, path: str | Path) -> None:
        full = str(path)
        if full in self.paths():
            return
        item = QListWidgetItem(Path(full).name or full)
        item.setData(Qt.ItemDataRole.UserRole, full)
        item.setToolTip(full)
        self.files.addItem(item)
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
            self.changed.emit()

    def paths(self) -> tuple[str, ...]:
        return tuple(self.files.item(row).data(Qt.ItemDataRole.UserRole)
                     for row in range(self.files.count()))


class FollowUpDialog(FormDialog):
    def __init__(self, context, detail: CommitmentDetail, parent=None) -> None:
        super().__init__(_("Record follow-up"), parent)
        self.context = context
        self.detail = detail
        row = detail.row
        form = self.form
        what = QLabel(row.text, self)
        what.setTextFormat(Qt.TextFormat.PlainText)  # typed text, never markup
        what.setWordWrap(True)
        what.setStyleSheet("font-weight: bold")
        # Above the form, across the dialog: a wrapped label in a form row is cut off.
        self.layout().insertWidget(0, what)
        self.date = form.add("date", _("Date"), date_edit(self, context.today()))
        self.source = form.add("source", _("Reported by"), QComboBox(self))
        for source in FollowUpSource:
            self.source.addItem(label(source), source)
        self.source.setCurrentIndex(self.source.findData(FollowUpSource.LETTER))
        self.meeting = form.add("meeting_id", _("At meeting"), QComboBox(self))
        self.meeting.addItem("—", None)
        for meeting_id, day, title in report_meetings(context.db, row.id,
                                                      today=context.today()):
            self.meeting.addItem(f"{short_date(day)} · {title}", meeting_id)
        for combo in (self.meeting,):
            # Meeting titles run long; the box must not push the dialog off the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(40)
        self.agency = form.add("reporting_agency_id", _("Reporting agency"), QComboBox(self))
        self.agency.addItem("—", None)
        for agency in list_agencies(context.db, active=None):
            if agency.active or agency.id == row.lead_agency_id:
                self.agency.addItem(f"{agency.abbreviation} – {agency.name}", agency.id)
        self.agency.setCurrentIndex(max(0, self.agency.findData(row.lead_agency_id)))
        self.agency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agency.setMinimumContentsLength(40)
        self.note = form.add("note", _("What was done"), QPlainTextEdit(self))
        self.obstacles = form.add("obstacles", _("Obstacles"), QPlainTextEdit(self))
        self.status = form.add("status", _("New status"), QComboBox(self))
        for status in CommitmentStatus:
            self.status.addItem(label(status), status)
        self.progress = form.add("progress", _("Progress (%)"), QSpinBox(self))
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.reason = form.add("status_reason", _("Reason it cannot be followed up"),
                               QPlainTextEdit(self))
        self.evidence = form.add("evidence", _("Evidence"), EvidencePicker(self))
        self.evidence.changed.connect(self.mark_changed)
        for edit in (self.note, self.obstacles, self.reason):
            edit.setMaximumHeight(70)
        # Start from where the commitment stands: the usual report moves it forward a bit.
        start = row.status if row.status is not CommitmentStatus.NOT_STARTED \
            else CommitmentStatus.IN_PROGRESS
        self.status.setCurrentIndex(self.status.findData(start))
        self.progress.setValue(row.progress)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.source.currentIndexChanged.connect(self._source_changed)
        self._status_changed()
        self._source_changed()
        self.resize(620, self.sizeHint().height())

    def chosen_status(self) -> CommitmentStatus:
        # Qt hands the enum back as its plain string value: turn it into the status again.
        return CommitmentStatus(self.status.currentData())

    def _status_changed(self, *_args) -> None:
        status = self.chosen_status()
        self.reason.setEnabled(status is CommitmentStatus.CANNOT)
        # Done is 100 % and not started 0 %: the core fills them, the box shows it.
        fixed = {CommitmentStatus.DONE: 100, CommitmentStatus.NOT_STARTED: 0}.get(status)
        if fixed is not None:
            self.progress.setValue(fixed)
        self.progress.setEnabled(fixed is None)

    def _source_changed(self, *_args) -> None:
        at_meeting = FollowUpSource(self.source.currentData()) is FollowUpSource.MEETING
        self.meeting.setEnabled(at_meeting)
        self.date.setEnabled(not at_meeting)  # the meeting's date is the report's date
        if at_meeting and self.meeting.currentData() is None and self.meeting.count() > 1:
            self.meeting.setCurrentIndex(1)

    def draft(self) -> FollowUpDraft:
        status = self.chosen_status()
        at_meeting = FollowUpSource(self.source.currentData()) is FollowUpSource.MEETING
        return FollowUpDraft(
            status=status, source=FollowUpSource(self.source.currentData()),
            date=None if at_meeting else date_value(self.date),
            progress=self.progress.value() if self.progress.isEnabled() else None,
            reporting_agency_id=self.agency.currentData(),
            meeting_id=self.meeting.currentData() if at_meeting else None,
            note=self.note.toPlainText(), obstacles=self.obstacles.toPlainText(),
            status_reason=self.reason.toPlainText() if self.reason.isEnabled() else "",
            evidence=self.evidence.paths(),
        )

    def save(self) -> int:
        made = record_follow_up(self.context.db, self.detail.row.id, self.draft(),
                                self.detail.row.version, today=self.context.today())
        self.context.changes.announce("commitments")
        return made
