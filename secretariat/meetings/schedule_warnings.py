"""Warnings while scheduling: a public holiday or cuti bersama, or a clash with another
meeting of the same task force. They inform, they never refuse: a task force may meet on
a holiday on purpose."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays
from sqlalchemy import select

from models import Meeting, MeetingStatus
from secretariat.dates import long_date
from secretariat.i18n import _, current_language

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


def date_warnings(db, task_force_id: int | None, day: date, *,
                  exclude_meeting_id: int | None = None) -> list[str]:
    """What a clerk should know before fixing a meeting on `day` (translated sentences)."""
    warnings = []
    name = holiday_name(day)
    if name:
        warnings.append(_("{day} is a public holiday or joint leave day: {name}.").format(
            day=long_date(day), name=name))
    elif day.weekday() >= 5:  # offices are closed; a Saturday rakor is usually a slip
        warnings.append(_("{day} falls on a weekend.").format(day=long_date(day)))
    if task_force_id is not None:
        query = select(Meeting.title).where(
            Meeting.task_force_id == task_force_id, Meeting.date == day,
            Meeting.status != MeetingStatus.CANCELLED)
        if exclude_meeting_id is not None:
            query = query.where(Meeting.id != exclude_meeting_id)
        with db.reading() as session:
            for title in session.scalars(query):
                warnings.append(_("The task force already meets that day: {title}.").format(
                    title=title))
    return warnings
