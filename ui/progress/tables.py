"""The tables of the progress view: scorecard, overdue commitments, rakor attendance."""

from __future__ import annotations

from PySide6.QtGui import QColor

from secretariat.commitments.progress import AgencyAttendance, AgencyScore, OverdueCommitment
from secretariat.i18n import _
from ui.formatting import short_date
from ui.table_model import Column

LATE = QColor("#b00020")
WEAK = QColor("#fbe3e4")


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)} %"


def _rate_key(rate: float | None) -> float:
    return -1.0 if rate is None else rate  # "nothing yet" sorts below 0 %


def scorecard_columns() -> list[Column[AgencyScore]]:
    return [
        Column(_("Lead agency"), lambda s: s.abbreviation, tooltip=lambda s: s.name),
        Column(_("Commitments"), lambda s: str(s.total), lambda s: s.total, align_right=True),
        Column(_("Done"), lambda s: str(s.done), lambda s: s.done, align_right=True),
        Column(_("Completion"), lambda s: percent(s.completion_rate),
               lambda s: _rate_key(s.completion_rate), align_right=True,
               background=lambda s: WEAK if (s.completion_rate or 0) < 0.5 else None),
        Column(_("On time"), lambda s: percent(s.on_time_rate),
               lambda s: _rate_key(s.on_time_rate), align_right=True,
               tooltip=lambda s: _("Of the commitments done, the share done by their due "
                                   "date")),
        Column(_("In progress"), lambda s: str(s.in_progress), lambda s: s.in_progress,
               align_right=True),
        Column(_("Not started"), lambda s: str(s.not_started), lambda s: s.not_started,
               align_right=True),
        Column(_("Overdue"), lambda s: str(s.overdue), lambda s: s.overdue, align_right=True,
               foreground=lambda s: LATE if s.overdue else None),
        Column(_("Average progress"), lambda s: f"{round(s.average_progress)} %",
               lambda s: s.average_progress, align_right=True),
    ]


def overdue_columns() -> list[Column[OverdueCommitment]]:
    return [
        Column(_("Days late"), lambda o: str(o.days_late), lambda o: o.days_late,
               align_right=True, foreground=lambda o: LATE),
        Column(_("Lead agency"), lambda o: o.lead_agency),
        Column(_("Due date"), lambda o: short_date(o.due_date), lambda o: o.due_date),
        Column(_("Progress"), lambda o: f"{o.progress} %", lambda o: o.progress,
               align_right=True),
        Column(_("Meeting"), lambda o: short_date(o.meeting_date), lambda o: o.meeting_date),
        Column(_("Commitment"), lambda o: o.text, tooltip=lambda o: o.text),
    ]


def attendance_columns() -> list[Column[AgencyAttendance]]:
    return [
        Column(_("Agency"), lambda a: a.abbreviation, tooltip=lambda a: a.name),
        Column(_("Rakor invited"), lambda a: str(a.invited), lambda a: a.invited,
               align_right=True),
        Column(_("Present"), lambda a: str(a.present), lambda a: a.present, align_right=True),
        Column(_("Represented"), lambda a: str(a.represented), lambda a: a.represented,
               align_right=True),
        Column(_("Excused"), lambda a: str(a.excused), lambda a: a.excused, align_right=True),
        Column(_("Absent"), lambda a: str(a.absent), lambda a: a.absent, align_right=True),
        Column(_("Attendance"), lambda a: percent(a.rate), lambda a: _rate_key(a.rate),
               align_right=True, tooltip=lambda _a: _(
                   "Present and represented, of the rakor the agency was invited to: a "
                   "deputy counts as attending."),
               background=lambda a: WEAK if (a.rate or 0) < 0.5 else None),
    ]
