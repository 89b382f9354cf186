"""A commitment's page: what was agreed, and its story from signature to done.

A window of its own (not modal), so a clerk can keep it open beside a letter that just came
in. Its follow-up log is newest first; the evidence of the selected entry sits below it and
opens with the system's viewer after its checksum is verified.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretariat.commitments.evidence import add_evidence, copy_for_viewing, list_evidence
from secretariat.commitments.follow_ups import list_follow_ups, status_history
from secretariat.commitments.queries import CommitmentDetail, get_commitment
from secretariat.commitments.request_letters import list_requests
from secretariat.commitments.status import OPEN_STATUSES
from secretariat.i18n import _
from secretariat.storage.paths import data_dir
from secretariat.vocabulary import label
from ui.commitment_dialog import CommitmentDialog
from ui.errors import attempt
from ui.file_dialogs import ask_open_files
from ui.follow_ups.follow_up_dialog import EVIDENCE_FILTER, FollowUpDialog
from ui.follow_ups.log_tables import (
    STATUS_COLOURS,
    evidence_columns,
    history_columns,
    log_columns,
    request_columns,
)
from ui.formatting import long_date
from ui.icons import icon
from ui.table_model import RowTableModel


def _plain(text: str, parent: QWidget, *, wrap: bool = False) -> QLabel:
    shown = QLabel(text, parent)
    shown.setTextFormat(Qt.TextFormat.PlainText)  # typed text, never markup
    shown.setWordWrap(wrap)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


def _table(model, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def open_with_system_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CommitmentWindow(QDialog):
    def __init__(self, context, commitment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # its own window, minimisable
        self.context = context
        self.commitment_id = commitment_id
        self.viewer: Callable[[Path], None] = open_with_system_viewer
        self.dialog: QDialog | None = None  # the last dialog opened from here (tests)

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.title.setWordWrap(True)
        self.meeting_button = QPushButton(icon("meetings"), _("Open meeting"), self)
        self.meeting_button.clicked.connect(self._open_meeting)
        self.text = _plain("", self, wrap=True)
        self.text.setStyleSheet("font-size: 13px")
        self.facts = QGridLayout()
        self.status_text = _plain("", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)

        self.record_button = QPushButton(icon("add"), _("Record follow-up…"), self)
        self.record_button.setToolTip(_("Ctrl+N"))
        self.record_button.clicked.connect(self.record_follow_up)
        QShortcut(QKeySequence.StandardKey.New, self, self.record_follow_up)
        self.request_button = QPushButton(icon("pdf"), _("Ask for a progress report…"), self)
        self.request_button.clicked.connect(self.request_report)
        self.edit_button = QPushButton(icon("edit"), _("Edit commitment…"), self)
        self.edit_button.clicked.connect(self.edit)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.close)

        self.log_model = RowTableModel(log_columns({}), self)
        self.log_view = _table(self.log_model, self)
        self.log_view.selectionModel().currentRowChanged.connect(self._show_evidence)
        self.evidence_model = RowTableModel(evidence_columns(), self)
        self.evidence_view = _table(self.evidence_model, self)
        self.evidence_view.doubleClicked.connect(lambda *_a: self.open_evidence())
        open_button = QPushButton(icon("open"), _("Open"), self)
        open_button.clicked.connect(self.open_evidence)
        self.add_evidence_button = QPushButton(icon("add"), _("Add evidence…"), self)
        self.add_evidence_button.clicked.connect(self.choose_evidence)
        self.history_model = RowTableModel(history_columns(), self)
        self.requests_model = RowTableModel(request_columns(), self)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.meeting_button)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_text)
        status_row.addWidget(self.progress)
        status_row.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.record_button, self.request_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)

        evidence_box = QWidget(self)
        evidence_layout = QHBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        evidence_layout.addWidget(self.evidence_view, 1)
        evidence_buttons = QVBoxLayout()
        evidence_buttons.addWidget(open_button)
        evidence_buttons.addWidget(self.add_evidence_button)
        evidence_buttons.addStretch(1)
        evidence_layout.addLayout(evidence_buttons)
        log_split = QSplitter(Qt.Orientation.Vertical, self)
        log_split.addWidget(self.log_view)
        log_split.addWidget(evidence_box)
        log_split.setSizes([300, 110])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(log_split, _("Follow-ups"))
        self.tabs.addTab(_table(self.history_model, self), _("Status history"))
        self.tabs.addTab(_table(self.requests_model, self), _("Requests sent"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.text)
        layout.addLayout(self.facts)
        layout.addLayout(status_row)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        context.changes.changed.connect(self._on_change)
        self.finished.connect(self._stop_listening)
        self.reload()
        self.resize(940, 680)

    # -- content
    def reload(self) -> None:
        db, today = self.context.db, self.context.today()
        self.detail: CommitmentDetail = get_commitment(db, self.commitment_id, today=today)
        row = self.detail.row
        log = list_follow_ups(db, self.commitment_id)
        self.evidence = list_evidence(db, self.commitment_id)
        self.setWindowTitle(_("Commitment {number} · {meeting}").format(
            number=row.number, meeting=row.meeting_title))
        self.title.setText(_("Commitment {number} of {meeting}, {date}").format(
            number=row.number, meeting=row.meeting_title, date=long_date(row.meeting_date)))
        self.text.setText(row.text)
        self._fill_facts()
        status = label(row.status)
        if row.overdue:
            status += " · " + _("{days} days late").format(days=row.days_late)
        if self.detail.status_reason:
            status += " · " + self.detail.status_reason
        self.status_text.setText(status)
        self.status_text.setStyleSheet(
            f"color: {'#b00020' if row.overdue else STATUS_COLOURS[row.status].name()};"
            " font-weight: bold")
        self.progress.setValue(row.progress)
        self.request_button.setEnabled(row.status in OPEN_STATUSES)

        counts = {entry_id: len(files) for entry_id, files in self.evidence.items()}
        kept = self.selected_follow_up()
        self.log_model.set_columns(log_columns(counts))
        self.log_model.set_rows(log)
        self.tabs.setTabText(0, _("Follow-ups ({count})").format(count=len(log)))
        self.history_model.set_rows(status_history(row.meeting_date, log)[::-1])
        requests = list_requests(db, self.commitment_id)
        self.requests_model.set_rows(requests)
        self.tabs.setTabText(2, _("Requests sent ({count})").format(count=len(requests)))
        self.log_view.resizeColumnsToContents()
        for column, widest in ((1, 140), (5, 320), (6, 220)):  # texts show whole as tooltips
            self.log_view.setColumnWidth(column, min(self.log_view.columnWidth(column), widest))
        if log:
            row_number = self.log_model.row_of_id(kept) if kept is not None else None
            self.log_view.selectRow(row_number if row_number is not None else 0)
        self._show_evidence()

    def _fill_facts(self) -> None:
        while self.facts.count():
            widget = self.facts.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        row, detail = self.detail.row, self.detail
        facts = ((_("Lead agency"), row.lead_agency),
                 (_("Supporting agencies"), ", ".join(detail.supporting_agencies) or "—"),
                 (_("Signatories"), ", ".join(detail.signatory_agencies) or "—"),
                 (_("Due date"), long_date(row.due_date) if row.due_date else "—"),
                 (_("Focus area"), row.focus_area or "—"),
                 (_("Sub task force"), row.sub_task_force or "—"),
                 (_("Indicator of success"), detail.indicator or "—"))
        for number, (caption, value) in enumerate(facts):
            line, column = divmod(number, 2)
            name = QLabel(caption + ":", self)
            name.setStyleSheet("color: #555")
            self.facts.addWidget(name, line, column * 2)
            self.facts.addWidget(_plain(value, self, wrap=True), line, column * 2 + 1)
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)

    def selected_follow_up(self) -> int | None:
        index = self.log_view.currentIndex()
        return self.log_model.row_at(index.row()).id if index.isValid() else None

    def _show_evidence(self, *_args) -> None:
        entry = self.selected_follow_up()
        self.evidence_model.set_rows(self.evidence.get(entry, []) if entry else [])
        self.evidence_view.resizeColumnToContents(0)
        self.add_evidence_button.setEnabled(entry is not None)

    def _stop_listening(self, *_args) -> None:
        # Closing (Esc, the Close button, the title bar) ends in `finished`.
        self.context.changes.changed.disconnect(self._on_change)

    def _on_change(self, kind: str) -> None:
        if kind in ("commitments", "agencies", "catalog", "meetings"):
            ok, _result = attempt(self, self.reload)
            if not ok:  # deleted meanwhile
                self.close()

    # -- actions
    def record_follow_up(self) -> None:
        self.dialog = FollowUpDialog(self.context, self.detail, self)
        self.dialog.open()

    def edit(self) -> CommitmentDialog | None:
        ok, dialog = attempt(self, lambda: CommitmentDialog(self.context, self.commitment_id,
                                                            self))
        if ok:
            self.dialog = dialog
            dialog.finished.connect(lambda *_a: dialog.deleted and self.close())
            dialog.open()
            return dialog
        return None

    def request_report(self) -> None:
        from ui.follow_ups.request_dialog import RequestDialog

        self.dialog = RequestDialog(self.context, (self.commitment_id,), self)
        self.dialog.open()

    def open_evidence(self) -> Path | None:
        index = self.evidence_view.currentIndex()
        if not index.isValid():
            if self.evidence_model.rowCount() != 1:
                return None
            index = self.evidence_model.index(0, 0)
        evidence = self.evidence_model.row_at(index.row())
        ok, path = attempt(self, lambda: copy_for_viewing(self.context.db, evidence.id,
                                                          data_dir() / "evidence"))
        if ok:
            self.viewer(path)
            return path
        return None

    def choose_evidence(self) -> None:

        paths = ask_open_files(
            self, _("Evidence files"), "",
            EVIDENCE_FILTER.format(documents=_("Letters, photos and documents")))
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> bool:
        entry = self.selected_follow_up()
        if entry is None:
            return False
        ok, _ids = attempt(self, lambda: add_evidence(self.context.db, entry, paths))
        if ok:
            self.context.changes.announce("commitments")
        return ok

    def _open_meeting(self) -> None:
        self.context.navigator.open_meeting(self.detail.row.meeting_id)
