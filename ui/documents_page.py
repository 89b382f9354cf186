"""Laporan: the official documents of a meeting, written as PDF.

The clerk picks a meeting and writes its notulen rapat or its daftar hadir. The report object
is read from the core at once (one query); ReportLab then lays out the pages on a worker
thread, so the window keeps answering while a long notulen is written. The result, or the
core's reason why the file could not be written (e.g. it is open in a PDF viewer), stays
on the page.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exports.files import write_bytes_atomically
from exports.pdf.attendance import write_attendance
from exports.pdf.fonts import unprintable_in
from exports.pdf.invitation import write_invitation
from exports.pdf.joint_commitment import write_joint_commitment
from exports.pdf.minutes import write_minutes
from models import MeetingStatus
from secretariat.documents.joint_commitment import joint_commitment
from secretariat.documents.minutes_and_attendance import (
    DEFAULT_BLANK_ROWS,
    MAX_BLANK_ROWS,
    attendance_document,
    minutes_report,
)
from secretariat.documents.minutes_archive import archived_minutes
from secretariat.errors import DomainError
from secretariat.file_targets import suggested_file_name
from secretariat.i18n import _, ngettext
from secretariat.meetings.lifecycle import MeetingRow, list_meetings
from secretariat.vocabulary import label
from ui.context import AppContext
from ui.documents_matrix import MatrixBox
from ui.documents_progress import ProgressReportBox
from ui.documents_registers import RegistersBox
from ui.errors import attempt, confirm
from ui.file_dialogs import ask_save_file
from ui.formatting import short_date
from ui.forms import ERROR_STYLE
from ui.icons import icon
from ui.invitation_dialog import InvitationDialog
from ui.page import Page
from ui.pdf_preview import PdfPreview
from ui.table_model import ROW_ROLE, Column, RowTableModel


def _file_name(document: str, meeting: MeetingRow) -> str:
    """"Notulen 2025-12-02 Rapat Koordinasi ….pdf": sorts by date."""
    title = textwrap.shorten(meeting.title, width=80, placeholder="…")  # whole words
    return f"{document} {meeting.date.isoformat()} {title}.pdf"


class _JobSignals(QObject):
    finished = Signal(str)  # the path written
    failed = Signal(str)  # the message for the clerk
    advanced = Signal(int)  # rows written so far, for long documents


class WriteJob(QRunnable):
    """Runs one document writer off the UI thread and reports back through signals."""

    def __init__(self, write: Callable[[Callable[[int], None]], Path]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the page holds it until it has reported
        self.signals = _JobSignals()
        self._write = write

    def run(self) -> None:
        try:
            path = self._write(self.signals.advanced.emit)
        except DomainError as error:
            self.signals.failed.emit(error.message)
        except Exception as error:  # a thread has nobody else to tell
            self.signals.failed.emit(
                _("The document could not be written: {reason}").format(reason=error))
        else:
            self.signals.finished.emit(str(path))


class DocumentsPage(Page):
    WATCHES = ("meetings", "task_forces", "agencies")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: WriteJob | None = None
        self._defaults_for: int | None = None  # the meeting the choices were last set for
        self.result_path: str | None = None
        self.last_error = ""

        meeting = Column(_("Meeting"), lambda m: f"{short_date(m.date)} — {m.title}")
        self.meetings = RowTableModel([meeting], self)
        self.meeting = QComboBox(self)
        self.meeting.setModel(self.meetings)
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting.setMinimumContentsLength(50)
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.meeting_facts = QLabel(self)
        self.meeting_facts.setTextFormat(Qt.TextFormat.PlainText)
        self.meeting_facts.setWordWrap(True)

        # Unticked, the notulen is the circulated copy: no confidential commitment, no
        # participant's mobile number; ticked, the full copy marked TERBATAS.
        self.with_confidential = QCheckBox(
            _("Full copy with confidential commitments and mobile numbers (TERBATAS)"), self)
        self.minutes_button = QPushButton(icon("pdf"), _("Write notulen (PDF)…"), self)
        self.minutes_button.clicked.connect(self.write_minutes)
        self.blank = QRadioButton(_("Blank, for signing at the meeting"), self)
        self.filled = QRadioButton(_("As recorded: who attended"), self)
        kinds = QButtonGroup(self)
        kinds.addButton(self.blank)
        kinds.addButton(self.filled)
        self.blank.setChecked(True)
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setRange(0, MAX_BLANK_ROWS)
        self.blank_rows.setValue(DEFAULT_BLANK_ROWS)
        self.blank_rows.setToolTip(_("Empty rows at the end, for people who come without "
                                     "an invitation"))
        self.blank.toggled.connect(self.blank_rows.setEnabled)
        self.full_copy = QCheckBox(_("Full copy with phone numbers (marked TERBATAS)"), self)
        self.attendance_button = QPushButton(icon("pdf"), _("Write daftar hadir (PDF)…"), self)
        self.attendance_button.clicked.connect(self.write_attendance)
        self.joint_full = QCheckBox(_("Full copy with confidential commitments (TERBATAS)"),
                                    self)
        self.joint_button = QPushButton(icon("pdf"), _("Write lembar komitmen (PDF)…"), self)
        self.joint_button.clicked.connect(self.write_joint_commitment)
        self.invitation_button = QPushButton(icon("pdf"), _("Write surat undangan (PDF)…"),
                                             self)
        self.invitation_button.clicked.connect(self.write_invitation)
        self.dialog: InvitationDialog | None = None

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: ReportLab does not say how far it is
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.outcome = QLabel(self)
        self.outcome.setObjectName("outcome")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(icon("open"), _("Open"), self)
        self.open_button.clicked.connect(self.open_result)
        self.open_button.hide()
        self.preview_button = QPushButton(icon("print"), _("Preview and print…"), self)
        self.preview_button.clicked.connect(self.preview_result)
        self.preview_button.hide()
        self.preview: PdfPreview | None = None
        self.matrix = MatrixBox(context, self._write, self)
        self.progress_report = ProgressReportBox(context, self._write, self)
        self.registers = RegistersBox(context, self._write, self)
        self._build_layout()

    def _build_layout(self) -> None:
        choice = QHBoxLayout()
        choice.addWidget(QLabel(_("Meeting"), self))
        choice.addWidget(self.meeting, 1)

        minutes = QGroupBox(_("Notulen rapat"), self)
        column = QVBoxLayout(minutes)
        column.addWidget(self._hint(_("The minutes with agenda, decisions and commitments, and "
                                      "the daftar hadir attached. Minutes not yet final are "
                                      "marked DRAFT.")))
        column.addWidget(self.with_confidential)
        column.addWidget(self.minutes_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        attendance = QGroupBox(_("Daftar hadir"), self)
        column = QVBoxLayout(attendance)
        column.addWidget(self._hint(_("The list of invited participants with space for "
                                      "signatures.")))
        column.addWidget(self.blank)
        rows = QHBoxLayout()
        rows.setContentsMargins(20, 0, 0, 0)  # under the choice it belongs to
        rows.addWidget(QLabel(_("Blank rows for walk-ins"), self))
        rows.addWidget(self.blank_rows)
        rows.addStretch(1)
        column.addLayout(rows)
        column.addWidget(self.filled)
        column.addWidget(self.full_copy)
        column.addWidget(self.attendance_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        joint = QGroupBox(_("Komitmen bersama"), self)
        column = QVBoxLayout(joint)
        column.addWidget(self._hint(_("The commitments agreed at the meeting, with a box for "
                                      "each signatory agency to sign.")))
        column.addWidget(self.joint_full)
        column.addWidget(self.joint_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        invitation = QGroupBox(_("Surat undangan"), self)
        column = QVBoxLayout(invitation)
        column.addWidget(self._hint(_("The letter inviting the members: day, time, place and "
                                      "agenda, signed by the head of the office whose "
                                      "letterhead it carries, with the list of invitees from "
                                      "the attendance list attached.")))
        column.addWidget(self.invitation_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        # Two by two: four boxes side by side were wider than a 1366-pixel screen.
        documents = QGridLayout()
        documents.addWidget(invitation, 0, 0)
        documents.addWidget(attendance, 0, 1)
        documents.addWidget(minutes, 1, 0)
        documents.addWidget(joint, 1, 1)
        result = QHBoxLayout()
        result.addWidget(self.progress)
        result.addWidget(self.outcome, 1)
        result.addWidget(self.preview_button)
        result.addWidget(self.open_button)
        commitments = QHBoxLayout()
        commitments.addWidget(self.matrix, 1)
        commitments.addWidget(self.progress_report, 1)

        # The documents scroll on a small screen; the outcome of the last one stays in view.
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(choice)
        column.addWidget(self.meeting_facts)
        column.addLayout(documents)
        column.addLayout(commitments)
        column.addWidget(self.registers)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{_('Documents')}</h2>", self))
        layout.addWidget(scroll, 1)
        layout.addLayout(result)

    def _hint(self, text: str) -> QLabel:
        hint = QLabel(text, self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        return hint

    # -- data
    def refresh(self) -> None:
        keep = getattr(self.selected_meeting(), "id", None)
        # The latest 300: a stress database holds thousands, and documents are for recent ones.
        ok, rows = attempt(self, lambda: list_meetings(self.context.db, newest=300))
        if ok:
            # Quiet while the list is replaced: the combo passes through other meetings.
            self.meeting.blockSignals(True)
            self.meetings.set_rows(sorted(rows, key=lambda m: (m.date, m.id), reverse=True))
            row = self.meetings.row_of_id(keep) if keep is not None else None
            self.meeting.setCurrentIndex(row if row is not None else (0 if rows else -1))
            self.meeting.blockSignals(False)
        self.progress_report.refresh()
        self.matrix.refresh()
        self.registers.refresh()
        self._meeting_chosen()
        self.loaded.emit()

    def show_matrix_of(self, flt, scope: str) -> None:
        """The action matrix of exactly this filter (from the Komitmen page)."""
        self.matrix.use_filter(flt, scope)

    def show_progress_report_of(self, task_force_id: int, year: int) -> None:
        """The progress report of what the Progress page shows."""
        self.progress_report.choose(task_force_id, year)

    def selected_meeting(self) -> MeetingRow | None:
        index = self.meeting.currentIndex()
        return self.meetings.index(index, 0).data(ROW_ROLE) if index >= 0 else None

    def select_meeting(self, meeting_id: int) -> None:
        self.reload_if_stale()  # opened from a meeting's page before this page was shown
        row = self.meetings.row_of_id(meeting_id)
        if row is not None:
            self.meeting.setCurrentIndex(row)

    def _meeting_chosen(self, *_args) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            self.meeting_facts.setText(_("No meetings yet: schedule one on the Meetings page."))
        else:
            count = ngettext("{count} commitment", "{count} commitments",
                             meeting.commitment_count).format(count=meeting.commitment_count)
            self.meeting_facts.setText(" · ".join(
                (label(meeting.kind), label(meeting.status), meeting.task_force, count)))
            if meeting.id != self._defaults_for:  # a reload keeps the clerk's choice
                self._defaults_for = meeting.id
                # Before the meeting there is nothing recorded yet: the sheet is for signing.
                planned = meeting.status is MeetingStatus.PLANNED
                (self.blank if planned else self.filled).setChecked(True)
        self._set_busy(self._job is not None)

    # -- writing
    def ask_target(self, title: str, suggested_name: str) -> str:
        """Where to write the document ("" when cancelled); tests replace this."""
        folder = self.context.settings.value("export_folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        kind = (_("Excel workbooks (*.xlsx)") if suggested_name.endswith(".xlsx")
                else _("PDF documents (*.pdf)"))
        return ask_save_file(self, title, str(Path(folder) / suggested_name), kind)

    def write_minutes(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        full = self.with_confidential.isChecked()  # else the circulated copy
        ok, kept = attempt(self, lambda: archived_minutes(
            self.context.db, meeting.id, circulated=not full))
        if ok and kept is not None:  # final minutes: the very document that was signed
            self._write(_("Save the notulen as"), _file_name("Notulen", meeting),
                        lambda target, _progress: write_bytes_atomically(target,
                                                                   kept.content))
            return
        ok, report = attempt(self, lambda: minutes_report(
            self.context.db, meeting.id, full=full))
        if ok:
            self._write(_("Save the notulen as"), _file_name("Notulen", meeting),
                        lambda target, _progress: write_minutes(report, target),
                        content=report)

    def write_attendance(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        ok, sheet = attempt(self, lambda: attendance_document(
            self.context.db, meeting.id, blank=self.blank.isChecked(),
            blank_rows=self.blank_rows.value(), full_copy=self.full_copy.isChecked()))
        if ok:
            self._write(_("Save the daftar hadir as"), _file_name("Daftar Hadir", meeting),
                        lambda target, _progress: write_attendance(sheet, target),
                        content=sheet)

    def write_joint_commitment(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        ok, sheet = attempt(self, lambda: joint_commitment(
            self.context.db, meeting.id, full=self.joint_full.isChecked()))
        if ok:
            self._write(_("Save the lembar komitmen bersama as"),
                        _file_name("Komitmen Bersama", meeting),
                        lambda target, _progress: write_joint_commitment(sheet, target))

    def write_invitation(self) -> None:
        """Ask for the letter's date and signer; the dialog's Save writes the PDF."""
        meeting = self.selected_meeting()
        if meeting is None:
            return
        ok, dialog = attempt(self, lambda: InvitationDialog(self.context, meeting.id,
                                                            meeting.date, self))
        if not ok:
            return
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._write(
            _("Save the surat undangan as"), _file_name("Undangan", meeting),
            lambda target, _progress: write_invitation(dialog.result_value, target),
            content=dialog.result_value))
        dialog.open()

    def _write(self, title: str, suggested_name: str, writer, *, total: int = 0,
               content: object = None) -> None:
        """Ask where, then run `writer(target, progress)` in the background. A PDF whose
        `content` (the report) has characters no font has is written only if the clerk
        still wants it, told which ones will be empty boxes."""
        suffix = Path(suggested_name).suffix
        if suffix == ".pdf" and not self._printable_or_accepted(content):
            return
        # Whatever a meeting's title or a task force's name holds, Windows must accept it.
        chosen = self.ask_target(title, suggested_file_name(
            suggested_name.removesuffix(suffix), suffix))
        if not chosen or self._job is not None:
            return
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        # A long matrix says how far it is; a short document only that it is busy.
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.context.settings.set_value("export_folder", str(target.parent))
        self.result_path, self.last_error = None, ""
        self.outcome.setStyleSheet("")
        self.outcome.setText(_("Writing {name}…").format(name=target.name))
        self.open_button.hide()
        self.preview_button.hide()
        self._job = WriteJob(lambda progress: writer(target, progress))
        self._job.signals.advanced.connect(self.progress.setValue)
        self._job.signals.finished.connect(self._written)
        self._job.signals.failed.connect(self._failed)
        self._set_busy(True)
        self.pool.start(self._job)

    def _printable_or_accepted(self, content: object) -> bool:
        missing = sorted(unprintable_in(content))
        if not missing:
            return True
        named = ", ".join(f"{char} (U+{ord(char):04X})" for char in missing[:12])
        if len(missing) > 12:
            named += ", …"
        return confirm(self, _("Characters that cannot be printed"), _(
            "No font of the program or of this computer has these characters: {characters}. "
            "The PDF will show an empty box in their place. Write it anyway?").format(
                characters=named))

    def _written(self, path: str) -> None:
        self._job = None
        self._set_busy(False)
        self.result_path = path
        self.outcome.setText(_("Written: {path}").format(path=path))
        self.open_button.show()
        self.preview_button.setVisible(path.lower().endswith(".pdf"))

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.last_error = message
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        usable = not busy and self.selected_meeting() is not None
        self.minutes_button.setEnabled(usable)
        self.attendance_button.setEnabled(usable)
        self.joint_button.setEnabled(usable and bool(self.selected_meeting().commitment_count))
        cancelled = usable and self.selected_meeting().status is MeetingStatus.CANCELLED
        self.invitation_button.setEnabled(usable and not cancelled)
        self.matrix.set_busy(busy)
        self.progress_report.set_busy(busy)
        self.registers.set_busy(busy)

    def is_busy(self) -> bool:
        return self._job is not None

    def preview_result(self) -> None:
        """The written PDF inside the program, to look over, print or save elsewhere."""
        if not self.result_path:
            return
        ok, preview = attempt(self, lambda: PdfPreview(self.result_path,
                                                       Path(self.result_path).name, self))
        if ok:
            self.preview = preview
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.open()  # modal to this window, without blocking the event loop

    def open_result(self) -> None:
        if self.result_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result_path))
