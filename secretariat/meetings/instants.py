"""When a meeting takes place on the one clock every zone shares, and when it ends.

A meeting is written as its region writes it: a date, a wall-clock start and end, and WIB
(UTC+7), WITA (UTC+8) or WIT (UTC+9). Ordered by that wall clock, 09.00 WIT (07.00 WIB)
comes after 08.00 WIB; so meetings are ordered and compared by `Meeting.starts_at_utc`, the
start as a UTC instant, which the use cases that write a meeting keep beside its fields.

A stored column rather than an ORDER BY expression: turning a date, a time and an offset
into an instant has no spelling SQLite and PostgreSQL share (julianday() and text times
against interval arithmetic), the home page's sqlite3 twin would need a third copy of it,
and a plain column is indexed and compared as it is.

A meeting without a start time counts from 00.00 of its date in its zone: it comes before
that day's timed meetings, as a calendar lists a day's entries without an hour first.

An end earlier than the start is on the next day (an evening meeting from 20.00 to 01.00).
That is inferred, not stored: a meeting cannot end before it begins, so it is the only
reading, and nothing has to be kept in step with the times. An end equal to the start is
refused; so no meeting lasts 24 hours or more. The dialog shows "next day" beside such an
end while it is typed, and the documents print the day it ends on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from models.enums import TimeZone
from secretariat.errors import ValidationError
from secretariat.i18n import _

UTC_OFFSETS = {TimeZone.WIB: timedelta(hours=7), TimeZone.WITA: timedelta(hours=8),
               TimeZone.WIT: timedelta(hours=9)}
DAY = timedelta(days=1)


def starts_at_utc(day: date, start: time | None, zone: TimeZone | str) -> datetime:
    """The start as a naive UTC datetime, as `Meeting.starts_at_utc` stores it."""
    wall_clock = datetime.combine(day, start or time(0, 0))
    return wall_clock - UTC_OFFSETS[TimeZone(zone)]


def as_utc(stored: datetime) -> datetime:
    """A stored instant marked as UTC, for rows handed out of the core (JSON says +00:00)."""
    return stored.replace(tzinfo=UTC)


def ends_next_day(start: time | None, end: time | None) -> bool:
    return start is not None and end is not None and end < start


def end_date(day: date, start: time | None, end: time | None) -> date:
    """The date the meeting ends on: its own, or the next for one that runs past midnight."""
    return day + DAY if ends_next_day(start, end) else day


def check_times(start: time | None, end: time | None) -> None:
    if start is not None and end is not None and end == start:
        raise ValidationError(_("A meeting cannot end at the time it starts."),
                              field="end_time")
    if ends_next_day(start, end) and _hours_overnight(start, end) > MAX_OVERNIGHT_HOURS:
        # 09.00 to 08.00 is far likelier a slip of the keyboard than a 23-hour rakor.
        raise ValidationError(_(
            "The end time is earlier than the start: the meeting would end the next day, "
            "after {hours} hours. Check the end time.").format(
                hours=round(_hours_overnight(start, end))), field="end_time")


MAX_OVERNIGHT_HOURS = 12  # an evening rakor into the night, never a full day and night


def _hours_overnight(start, end) -> float:
    started = datetime.combine(date.min, start)
    ended = datetime.combine(date.min + DAY, end)
    return (ended - started).total_seconds() / 3600


def span_utc(day: date, start: time | None, end: time | None,
             zone: TimeZone | str) -> tuple[datetime, datetime]:
    """The stretch of time a meeting may occupy, in naive UTC, for telling clashes.

    A time not fixed yet is read broadly: no start is the whole day, no end the rest of the
    day. A warning too many costs a glance; a clash missed costs a meeting.
    """
    begins = starts_at_utc(day, start, zone)
    if start is None or end is None:
        return begins, starts_at_utc(day + DAY, None, zone)
    return begins, starts_at_utc(end_date(day, start, end), end, zone)


# Every span above is at most a day long, so a meeting starting a day or more before
# another's start cannot reach into it: clash lookups need only that window.
LONGEST_SPAN = DAY
