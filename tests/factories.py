"""Small factories that build test data through the public use cases.

Every helper takes the `db` fixture first and returns the new record's id. Keyword
arguments override the draft's fields, so a test names only what matters to it:

    province = make_province(db)
    task_force = make_task_force(db, province)
    dinsos = make_agency(db, "Dinsos")
    meeting = make_meeting(db, task_force, date(2025, 12, 2))
    commitment = make_commitment(db, meeting, dinsos, due_date=date(2026, 1, 31))
    make_follow_up(db, commitment, status=CommitmentStatus.DONE)

`version_of(db, Model, id)` reads a record's current version for the `expected_version`
argument of the editing use cases.
"""

from __future__ import annotations

from datetime import date

from models import (
    AgencyLevel,
    CommitmentStatus,
    FollowUpSource,
    MeetingKind,
    TimeZone,
)
from secretariat.agencies.regions import (
    RegionDraft,
    TaskForceDraft,
    create_region,
    create_task_force,
)
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.commitments.follow_ups import FollowUpDraft, record_follow_up
from secretariat.commitments.recording import CommitmentDraft, add_commitment
from secretariat.meetings.lifecycle import MeetingDraft, schedule_meeting

# A fixed past date for meetings, so tests do not depend on the day they run.
DEFAULT_MEETING_DATE = date(2025, 12, 2)


def version_of(db, model, record_id: int) -> int:
    """The stored version of a record (for expected_version arguments)."""
    with db.reading() as session:
        record = session.get(model, record_id)
        assert record is not None, f"{model.__name__} {record_id} does not exist"
        return record.version


def make_province(db, code: str = "63", name: str = "Kalimantan Selatan",
                  time_zone: TimeZone | None = TimeZone.WITA) -> int:
    """A province region (a two-digit Kemendagri code)."""
    return create_region(db, RegionDraft(code=code, name=name, time_zone=time_zone))


def make_district(db, code: str = "63.71", name: str = "Kota Banjarmasin",
                  time_zone: TimeZone | None = None) -> int:
    """A kabupaten/kota; its province must exist (it takes the province's time zone)."""
    return create_region(db, RegionDraft(code=code, name=name, time_zone=time_zone))


def make_task_force(db, region_id: int | None = None, **kw) -> int:
    """A formed task force for `region_id` (a province "63" is made when None).

    Pass formed=False for one not yet formed; its decree fields are then left empty
    unless given.
    """
    if region_id is None:
        region_id = make_province(db)
    formed = kw.pop("formed", True)
    values = {
        "region_id": region_id,
        "name": "GT PP-TPPO Provinsi Kalimantan Selatan",
        "formed": formed,
        "decree_number": "188.44/0123/KUM/2024" if formed else "",
        "decree_date": date(2024, 3, 1) if formed else None,
    }
    values.update(kw)
    return create_task_force(db, TaskForceDraft(**values))


def make_agency(db, abbreviation: str = "Dinsos", **kw) -> int:
    """An active agency; the name defaults to one derived from the abbreviation."""
    values = {
        "name": f"Dinas {abbreviation} Provinsi Kalimantan Selatan",
        "abbreviation": abbreviation,
        "level": AgencyLevel.PROVINCE,
    }
    values.update(kw)
    return create_agency(db, AgencyDraft(**values))


def make_meeting(db, task_force_id: int, meeting_date: date = DEFAULT_MEETING_DATE, **kw) -> int:
    """A planned meeting (a rakor unless `kind` is given)."""
    values = {
        "task_force_id": task_force_id,
        "kind": MeetingKind.RAKOR,
        "title": "Rapat Koordinasi GT PP-TPPO",
        "date": meeting_date,
    }
    values.update(kw)
    return schedule_meeting(db, MeetingDraft(**values))


def make_commitment(db, meeting_id: int, lead_agency_id: int, **kw) -> int:
    """A commitment agreed at `meeting_id` and led by `lead_agency_id`."""
    values = {
        "text": "Melakukan pendataan pekerja migran non-prosedural",
        "lead_agency_id": lead_agency_id,
    }
    values.update(kw)
    return add_commitment(db, meeting_id, CommitmentDraft(**values))


def make_follow_up(db, commitment_id: int, *,
                   status: CommitmentStatus = CommitmentStatus.IN_PROGRESS,
                   source: FollowUpSource = FollowUpSource.LETTER,
                   when: date | None = None, today: date | None = None, **kw) -> int:
    """A follow-up on a commitment (at its current version); defaults to 'in progress' at 50%."""
    from models import Commitment

    if status is CommitmentStatus.IN_PROGRESS and "progress" not in kw:
        kw["progress"] = 50
    if status is CommitmentStatus.CANNOT and "status_reason" not in kw:
        kw["status_reason"] = "Perubahan regulasi"
    draft = FollowUpDraft(status=status, source=source, date=when or DEFAULT_MEETING_DATE, **kw)
    return record_follow_up(db, commitment_id, draft, version_of(db, Commitment, commitment_id),
                            today=today)


__all__ = [
    "DEFAULT_MEETING_DATE", "make_agency", "make_commitment", "make_district",
    "make_follow_up", "make_meeting", "make_province", "make_task_force", "version_of",
]


def make_workbook(path, headings, rows, *, titles=("DAFTAR",)):
    """A workbook as a secretariat keeps one: title lines, the heading row, the rows."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for title in titles:
        sheet.append([title])
    sheet.append(list(headings))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path
