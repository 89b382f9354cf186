"""`secretariat list ...`: the registers as a readable table or as JSON for automation."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime, time
from enum import Enum

from models import CommitmentStatus
from secretariat.agencies.register import find_agency_by_abbreviation, list_agencies
from secretariat.commitments.queries import CommitmentFilter, list_commitments
from secretariat.commitments.signatories import signatories_of
from secretariat.dates import clock, short_date
from secretariat.errors import NotFoundError, ValidationError
from secretariat.i18n import _
from secretariat.meetings.lifecycle import get_meeting, list_meetings
from secretariat.vocabulary import label


def run_list(db, args) -> int:
    rows: Sequence[object]  # a register's rows, read below by column name
    if args.what == "agencies":
        rows = list_agencies(db, active=None if args.all else True)
        columns = [("abbreviation", _("Abbreviation")), ("name", _("Name")),
                   ("sector", _("Sector")), ("level", _("Level")), ("phone", _("Phone"))]
    elif args.what == "meetings":
        rows = list_meetings(db)
        columns = [("id", "ID"), ("date", _("Date")), ("start_time", _("Time")),
                   ("kind", _("Kind")), ("title", _("Title")), ("place", _("Place")),
                   ("status", _("Status"))]
    else:
        commitments = list_commitments(db, _commitment_filter(db, args), limit=None)
        signers = signatories_of(db, [row.id for row in commitments])
        rows = [_Signed(row, signers.get(row.id, ())) for row in commitments]
        columns = [("id", "ID"), ("meeting_date", _("Meeting")), ("number", _("No")),
                   ("lead_agency", _("Lead")), ("due_date", _("Due date")),
                   ("status", _("Status")), ("progress", "%"),
                   ("signatories", _("Signatories")), ("text", _("Commitment"))]
    if args.json:
        print(json.dumps([_json_record(row) for row in rows], ensure_ascii=False, indent=2))
    else:
        _print_table(rows, columns)
    return 0


class _Signed:
    """A commitment row with the abbreviations of its signatories, read like the row."""

    def __init__(self, row, signatories: tuple[str, ...]) -> None:
        self.row = row
        self.signatories = list(signatories)

    def __getattr__(self, name: str):
        return getattr(self.row, name)

    def _asdict(self) -> dict:
        return {**self.row._asdict(), "signatories": self.signatories}


def commitment_filter(db, args) -> CommitmentFilter:
    """The filter the options of `list commitments` and `export actions` describe."""
    return _commitment_filter(db, args)


def _commitment_filter(db, args) -> CommitmentFilter:
    lead_id = None
    if args.agency:
        agency = find_agency_by_abbreviation(db, args.agency)
        if agency is None:
            raise NotFoundError(_("No agency has the abbreviation {abbreviation}.").format(
                abbreviation=args.agency))
        lead_id = agency.id
    if args.meeting is not None:
        get_meeting(db, args.meeting)  # a clear "does not exist" rather than an empty list
    statuses = tuple(_parse_status(text) for text in args.status or [])
    return CommitmentFilter(statuses=statuses, lead_agency_id=lead_id, meeting_id=args.meeting,
                            overdue=args.overdue)


def _parse_status(text: str) -> CommitmentStatus:
    """Accept the stored code ('in_progress') or the label people use ('Dalam Proses')."""
    wanted = text.strip().lower()
    for status in CommitmentStatus:
        if wanted in (status.value, label(status).lower()):
            return status
    choices = ", ".join(f"{s.value} ({label(s)})" for s in CommitmentStatus)
    raise ValidationError(_("Unknown status '{status}'. Choose one of: {choices}.").format(
        status=text, choices=choices))


def _json_value(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value


def _json_record(row) -> dict:
    values = row._asdict() if hasattr(row, "_asdict") else asdict(row)
    record = {name: _json_value(value) for name, value in values.items()}
    for name in ("status", "kind", "level"):
        value = getattr(row, name, None)
        if isinstance(value, Enum):
            record[f"{name}_label"] = label(value)
    return record


def _text_value(row, name: str) -> str:
    value = getattr(row, name)
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, time):
        return clock(value, getattr(row, "time_zone", ""))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def _print_table(rows, columns, max_width: int = 60) -> None:
    table = [[title for _name, title in columns]]
    for row in rows:
        cells = []
        for name, _title in columns:
            text = " ".join(_text_value(row, name).split())
            cells.append(text if len(text) <= max_width else text[: max_width - 1] + "…")
        table.append(cells)
    widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
    for line in table:
        padded = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        print("  ".join(padded).rstrip())
    print(_("{count} rows").format(count=len(rows)))


