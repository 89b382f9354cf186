"""Schedule a meeting, or change one: with live warnings for holidays and clashes."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTimeEdit

from models import MeetingKind, TimeZone
from secretariat.agencies.regions import list_task_forces
from secretariat.agencies.register import list_agencies
from secretariat.i18n import _
from secretariat.meetings.instants import ends_next_day
from secretariat.meetings.lifecycle import MeetingDraft, schedule_meeting, update_meeting
from secretariat.meetings.schedule_warnings import date_warnings
from secretariat.vocabulary import label
from ui.forms import FormDialog, date_edit, date_value

WARNING_STYLE = "background: #fff3cd; color: #5c4400; padding: 4px; border-radius: 3px;"


def _time_edit(parent, value: time | None) -> tuple[QCheckBox, QTimeEdit]:
    """A time with a tick: an unticked time is "not fixed yet"."""
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH.mm")
    edit.setTime(QTime(value.hour, value.minute) if value else QTime(9, 0))
    known = QCheckBox(parent)
    known.setToolTip(_("Untick while the time is not fixed yet"))
    known.setChecked(value is not None)
    edit.setEnabled(value is not None)
    known.toggled.connect(edit.setEnabled)
    return known, edit


class ScheduleDialog(FormDialog):
    def __init__(self, context, *, meeting_id: int | None = None,
                 draft: MeetingDraft | None = None, version: int | None = None,
                 day: date | None = None, parent=None) -> None:
        super().__init__(_("Change meeting") if meeting_id else _("Schedule a meeting"), parent)
        self.context = context
        self.meeting_id = meeting_id
        self.version = version
        form = self.form
        self.task_forces = [tf for tf in list_task_forces(context.db) if tf.formed]
        self.task_force = form.add("task_force_id", _("Task force"), QComboBox(self))
        for tf in self.task_forces:
            self.task_force.addItem(tf.name, tf.id)
        self.task_force.setPlaceholderText(_("No task force recorded yet (see Gugus Tugas)"))
        self.kind = form.add("kind", _("Kind"), QComboBox(self))
        for kind in MeetingKind:
            self.kind.addItem(label(kind), kind)
        self.title = form.add("title", _("Title"), QLineEdit(self))
        self.day = form.add("date", _("Date"), date_edit(self, day or context.today()))
        self.warnings = QLabel(self)
        self.warnings.setObjectName("date_warnings")
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)  # meeting titles are typed text
        self.warnings.setWordWrap(True)  # a long clashing title must not widen the dialog
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        form.layout.addRow("", self.warnings)
        self.has_start, self.start = _time_edit(self, time(9, 0) if draft is None
                                                else draft.start_time)
        self.has_end, self.end = _time_edit(self, time(12, 0) if draft is None
                                            else draft.end_time)
        # An end before the start is the next day (secretariat.meetings.instants): said
        # beside it while it is typed, so 09.00 to 08.00 is seen as the slip it likely is.
        self.next_day = QLabel(_("next day"), self)
        self.next_day.setObjectName("next_day")
        form.add("start_time", _("Start"), self._row(self.has_start, self.start))
        form.add("end_time", _("End"), self._row(self.has_end, self.end, self.next_day))
        self.zone = form.add("time_zone", _("Time zone"), QComboBox(self))
        for zone in TimeZone:
            self.zone.addItem(zone.value, zone)
        self.place = form.add("place", _("Place"), QLineEdit(self))
        self.organiser = form.add("organiser_agency_id", _("Organiser"), QComboBox(self))
        self.organiser.addItem("—", None)
        for agency in list_agencies(context.db):
            self.organiser.addItem(f"{agency.abbreviation} – {agency.name}", agency.id)
        for combo in (self.task_force, self.organiser):
            # Long agency names must not make the dialog wider than a laptop's screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(40)
        self.invitation = form.add("invitation_number", _("Invitation letter number"),
                                   QLineEdit(self))
        self.chair = form.add("chair_name", _("Chair"), QLineEdit(self))
        self.chair_position = form.add("chair_position", _("Chair's position"), QLineEdit(self))
        self.chair_rank = form.add("chair_rank", _("Chair's rank/grade"), QLineEdit(self))
        self.chair_nip = form.add("chair_nip", _("Chair's NIP"), QLineEdit(self))
        self.secretary = form.add("secretary_name", _("Secretary"), QLineEdit(self))
        self.note_taker = form.add("note_taker_name", _("Note-taker"), QLineEdit(self))
        self.note_taker_position = form.add("note_taker_position", _("Note-taker's position"),
                                            QLineEdit(self))
        self.note_taker_nip = form.add("note_taker_nip", _("Note-taker's NIP"), QLineEdit(self))
        self.notes = form.add("notes", _("Notes"), QPlainTextEdit(self))
        self.notes.setMaximumHeight(70)
        if draft is not None:
            self._show(draft)
        else:
            # A secretariat mostly schedules for its own task force: offer the last one used.
            last = context.settings.value("last_task_force")
            if not (last.isdigit() and self.task_force.findData(int(last)) >= 0):
                last = str(self._task_force_that_met_last())  # a first visit on this PC
            if last.isdigit() and self.task_force.findData(int(last)) >= 0:
                self.task_force.setCurrentIndex(self.task_force.findData(int(last)))
            self._zone_of_task_force()
        self.task_force.currentIndexChanged.connect(self._zone_of_task_force)
        self.task_force.currentIndexChanged.connect(self.check_date)
        self.day.textChanged.connect(self.check_date)
        # Clashes are told by instant, so the times and the zone count as much as the date.
        for known, edit in ((self.has_start, self.start), (self.has_end, self.end)):
            known.toggled.connect(self.check_date)
            edit.timeChanged.connect(self.check_date)
        self.zone.currentIndexChanged.connect(self.check_date)
        self.check_date()
        self.resize(640, self.sizeHint().height())

    def _task_force_that_met_last(self) -> int | None:
        if not self.task_forces:
            return None
        from secretariat.documents.progress_report import report_task_force

        return report_task_force(self.context.db)

    @staticmethod
    def _row(known: QCheckBox, edit: QTimeEdit, note: QLabel | None = None):
        from PySide6.QtWidgets import QHBoxLayout, QWidget

        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(known)
        row.addWidget(edit, 1)
        if note is not None:
            row.addWidget(note)
        return holder

    def _show(self, d: MeetingDraft) -> None:
        self.task_force.setCurrentIndex(max(0, self.task_force.findData(d.task_force_id)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.title.setText(d.title)
        self.day.set_date(d.date)
        self.zone.setCurrentIndex(max(0, self.zone.findData(d.time_zone)))
        self.place.setText(d.place)
        self.organiser.setCurrentIndex(max(0, self.organiser.findData(d.organiser_agency_id)))
        for edit, value in ((self.invitation, d.invitation_number), (self.chair, d.chair_name),
                            (self.chair_position, d.chair_position),
                            (self.chair_rank, d.chair_rank), (self.chair_nip, d.chair_nip),
                            (self.secretary, d.secretary_name),
                            (self.note_taker, d.note_taker_name),
                            (self.note_taker_position, d.note_taker_position),
                            (self.note_taker_nip, d.note_taker_nip)):
            edit.setText(value)
        self.notes.setPlainText(d.notes)

    def _zone_of_task_force(self, *_args) -> None:
        chosen = next((tf for tf in self.task_forces
                       if tf.id == self.task_force.currentData()), None)
        if chosen is not None:
            self.zone.setCurrentIndex(self.zone.findData(chosen.time_zone))

    def check_date(self, *_args) -> None:
        """Show holiday and clash warnings under the date as soon as it or a time changes."""
        start = self._clock(self.has_start, self.start)
        end = self._clock(self.has_end, self.end)
        self.next_day.setVisible(ends_next_day(start, end))
        day = self.day.date()  # None while the text typed is no date (yet)
        messages = [] if day is None else date_warnings(
            self.context.db, self.task_force.currentData(), day, start=start, end=end,
            zone=self.zone.currentData(), exclude_meeting_id=self.meeting_id)
        self.warnings.setText("\n".join(messages))
        self.warnings.setVisible(bool(messages))
        if messages and self.isVisible():
            self._make_room()

    @staticmethod
    def _clock(known: QCheckBox, edit: QTimeEdit) -> time | None:
        return edit.time().toPython() if known.isChecked() else None

    def draft(self) -> MeetingDraft:
        clock = self._clock
        return MeetingDraft(
            task_force_id=self.task_force.currentData(), kind=self.kind.currentData(),
            title=self.title.text(), date=date_value(self.day),
            start_time=clock(self.has_start, self.start), end_time=clock(self.has_end, self.end),
            time_zone=self.zone.currentData(), place=self.place.text(),
            organiser_agency_id=self.organiser.currentData(),
            invitation_number=self.invitation.text(), chair_name=self.chair.text(),
            chair_position=self.chair_position.text(), chair_rank=self.chair_rank.text(),
            chair_nip=self.chair_nip.text(), secretary_name=self.secretary.text(),
            note_taker_name=self.note_taker.text(),
            note_taker_position=self.note_taker_position.text(),
            note_taker_nip=self.note_taker_nip.text(), notes=self.notes.toPlainText(),
        )

    def save(self) -> int:
        if self.meeting_id is None:
            meeting_id = schedule_meeting(self.context.db, self.draft())
        else:
            update_meeting(self.context.db, self.meeting_id, self.draft(), self.version)
            meeting_id = self.meeting_id
        self.context.settings.set_value("last_task_force", str(self.task_force.currentData()))
        self.context.changes.announce("meetings")
        return meeting_id
