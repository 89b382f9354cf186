"""The shapes of commitment lists: the filter a list is asked with, its sort, its rows.

Plain Python, without SQLAlchemy: the home page's first report (`secretariat.home.first_view`)
builds these rows from sqlite3 before the ORM is loaded. The queries that fill them are in
`secretariat.commitments.queries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from models.enums import CommitmentStatus
from secretariat.commitments.status import days_late


class CommitmentSort(StrEnum):
    DUE_DATE = "due_date"
    MEETING = "meeting"
    STATUS = "status"
    LEAD_AGENCY = "lead_agency"
    PROGRESS = "progress"


@dataclass(frozen=True)
class CommitmentFilter:
    statuses: tuple[CommitmentStatus, ...] = ()
    open_only: bool = False
    overdue: bool = False
    lead_agency_id: int | None = None
    meeting_id: int | None = None
    task_force_id: int | None = None
    # With a province's task force: its kabupaten/kota task forces too (asked for, never
    # by default: a province's matrix is the province's own).
    with_regencies: bool = False
    focus_area_id: int | None = None
    sub_task_force_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    agreed_from: date | None = None  # the agreeing meeting's date, as the progress view counts
    agreed_to: date | None = None
    text: str = ""
    include_confidential: bool = True


class CommitmentRow(NamedTuple):
    """One line of a commitment list. A tuple, not a dataclass: lists build thousands."""

    id: int
    meeting_id: int
    meeting_date: date
    meeting_title: str
    number: int
    text: str
    lead_agency_id: int
    lead_agency: str
    due_date: date | None
    status: CommitmentStatus
    progress: int
    overdue: bool
    days_late: int
    focus_area: str
    sub_task_force: str
    confidential: bool
    version: int


@dataclass(frozen=True)
class ListNames:
    """Names looked up from the small tables once per list instead of joined into each row."""

    agencies: dict[int, str]  # id -> abbreviation
    focus_areas: dict[int, str]
    sub_task_forces: dict[int, str]


def commitment_row(values, today: date, names: ListNames) -> CommitmentRow:
    """A row from the list columns, in `commitment_queries`' order, typed as Python values."""
    (cid, meeting_id, meeting_date, meeting_title, number, text, lead_id, due, status,
     progress, focus_id, sub_id, confidential, version) = values
    late = days_late(status, due, today)
    return CommitmentRow(
        cid, meeting_id, meeting_date, meeting_title, number, text, lead_id,
        names.agencies.get(lead_id, ""), due, status, progress,
        late > 0, late,  # overdue exactly when at least one day late
        names.focus_areas.get(focus_id, ""), names.sub_task_forces.get(sub_id, ""),
        confidential, version,
    )
