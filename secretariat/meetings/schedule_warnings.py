"""Warnings while scheduling: a public holiday or cuti bersama, or a clash with another
meeting of the same task force at the same instant. They inform, they never refuse: a task
force may meet on a holiday on purpose."""

from __future__ import annotations

from datetime import date, time
from functools import lru_cache

import holidays
from sqlalchemy import select

from models import Meeting, MeetingStatus, Region, TaskForce, TimeZone
from secretariat.dates import clock, long_date, short_date
from secretariat.i18n import _, current_language
from secretariat.meetings.instants import LONGEST_SPAN, span_utc

# Public holidays and the government's cuti bersama (joint leave days) of Indonesia.
_CATEGORIES = ("public", "government")


@lru_cache(maxsize=32)
def _holidays(year: int, language: str) -> dict[date, str]:
    names = holidays.Indonesia(years=year, categories=_CATEGORIES,
                               language="id" if language == "id" else "en_US")
    return dict(names.items())


def holiday_name(day: date) -> str | None:
    return _holidays(day.year, current_language()).get(day)


def holidays_in_month(year: int, month: int) -> dict[date, str]:
    return {day: name for day, name in _holidays(year, current_language()).items()
            if day.month == month}


def date_warnings(db, task_force_id: int | None, day: date, *, start: time | None = None,
                  end: time | None = None, zone: TimeZone | None = None,
                  exclude_meeting_id: int | None = None) -> list[str]:
    """What a clerk should know before fixing a meeting on `day` (translated sentences).

    A clash is another meeting of the task force at the same instant, whatever the zones
    (09.00 WIT is 08.00 WITA); times not fixed yet count broadly (`instants.span_utc`).
    Without a zone, the meeting takes its region's, as scheduling does.
    """
    warnings = []
    name = holiday_name(day)
    if name:
        warnings.append(_("{day} is a public holiday or joint leave day: {name}.").format(
            day=long_date(day), name=name))
    elif day.weekday() >= 5:  # offices are closed; a Saturday rakor is usually a slip
        warnings.append(_("{day} falls on a weekend.").format(day=long_date(day)))
    if task_force_id is not None:
        warnings += _clashes(db, task_force_id, day, start, end, zone, exclude_meeting_id)
    return warnings


def _clashes(db, task_force_id: int, day: date, start: time | None, end: time | None,
             zone: TimeZone | None, exclude_meeting_id: int | None) -> list[str]:
    with db.reading() as session:
        if zone is None:
            zone = session.scalar(select(Region.time_zone).join(
                TaskForce, TaskForce.region_id == Region.id).where(TaskForce.id == task_force_id))
            if zone is None:  # no such task force: nothing to clash with
                return []
        begins, ends = span_utc(day, start, end, zone)
        query = (
            select(Meeting.title, Meeting.date, Meeting.start_time, Meeting.end_time,
                   Meeting.time_zone)
            .where(Meeting.task_force_id == task_force_id,
                   Meeting.status != MeetingStatus.CANCELLED,
                   Meeting.starts_at_utc > begins - LONGEST_SPAN, Meeting.starts_at_utc < ends)
            .order_by(Meeting.starts_at_utc, Meeting.id))
        if exclude_meeting_id is not None:
            query = query.where(Meeting.id != exclude_meeting_id)
        others = session.execute(query).all()
    warnings = []
    for title, other_day, other_start, other_end, other_zone in others:
        other_begins, other_ends = span_utc(other_day, other_start, other_end, other_zone)
        if not (other_begins < ends and begins < other_ends):
            continue
        # Its own date and wall clock, as its invitation says; the date only when it is
        # not the day being scheduled (a late WIB meeting is the next day in WIT).
        when = " ".join(part for part in (
            short_date(other_day) if other_day != day else "",
            clock(other_start, other_zone.value)) if part)
        if when:
            warnings.append(_("The task force already meets at that time: {title} ({time})."
                              ).format(title=title, time=when))
        else:
            warnings.append(_("The task force already meets that day: {title}.").format(
                title=title))
    return warnings


def letter_date_warning(day: date) -> str | None:
    """A letter dated on a holiday or a weekend: allowed (an urgent letter may be), but
    usually a slip of the date field, so the clerk is told before it is printed."""
    name = holiday_name(day)
    if name:
        return _("The letter is dated {day}, a public holiday or joint leave day ({name}); "
                 "letters are usually dated on a working day.").format(day=long_date(day),
                                                                       name=name)
    if day.weekday() >= 5:
        return _("The letter is dated {day}, a weekend; letters are usually dated on a "
                 "working day.").format(day=long_date(day))
    return None
