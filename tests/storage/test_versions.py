"""Every change moves the version of the record it belongs to, so a stale save is refused.

The same person edits in two windows (or two clerks under one name): the first window
changes only what hangs off a record (its supporting agencies, an agenda item, a contact);
the second window, opened before, saves the record itself. That stale save must be
refused with who and when, not accepted with the old list put back.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select

from models import (
    Agency,
    AttendanceStatus,
    Commitment,
    CommitmentStatus,
    FollowUp,
    FollowUpSource,
    Meeting,
)
from secretariat.agencies.contacts import (
    ContactDraft,
    MembershipDraft,
    add_contact,
    add_membership,
    remove_contact,
    update_contact,
)
from secretariat.agencies.register import AgencyDraft, get_agency, update_agency
from secretariat.commitments.evidence import add_evidence
from secretariat.commitments.follow_ups import FollowUpDraft, record_follow_up
from secretariat.commitments.recording import CommitmentDraft, update_commitment
from secretariat.errors import ConflictError
from secretariat.meetings.attendance import AttendanceDraft, add_attendance, remove_attendance
from secretariat.meetings.lifecycle import (
    AgendaDraft,
    add_agenda_item,
    meeting_draft,
    remove_agenda_item,
    update_agenda_item,
    update_meeting,
)
from secretariat.storage.database import open_database
from tests.factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

TEXT = "Melakukan pendataan pekerja migran non-prosedural"
TODAY = date(2026, 12, 6)


@pytest.fixture
def setting(db):
    task_force = make_task_force(db, make_province(db))
    lead, other = make_agency(db, "Disnaker"), make_agency(db, "BP3MI")
    meeting = make_meeting(db, task_force, date(2026, 11, 20))
    commitment = make_commitment(db, meeting, lead, text=TEXT)
    return {"task_force": task_force, "lead": lead, "other": other, "meeting": meeting,
            "commitment": commitment}


def _stale_commitment_save_is_refused(db, commitment_id, lead, stale_version):
    with pytest.raises(ConflictError) as refused:
        update_commitment(db, commitment_id, CommitmentDraft(text=TEXT + " (lama)",
                                                             lead_agency_id=lead),
                          stale_version)
    assert "tester" in str(refused.value)
    assert refused.value.changed_by == "tester"


@pytest.mark.parametrize("relation", ["supporting_agency_ids", "signatory_agency_ids"])
def test_changing_only_a_commitments_agencies_moves_its_version(db, setting, relation):
    commitment, lead = setting["commitment"], setting["lead"]
    opened = version_of(db, Commitment, commitment)
    draft = CommitmentDraft(text=TEXT, lead_agency_id=lead, **{relation: (setting["other"],)})

    update_commitment(db, commitment, draft, opened)

    assert version_of(db, Commitment, commitment) == opened + 1
    _stale_commitment_save_is_refused(db, commitment, lead, opened)
    with db.reading() as session:
        kept = session.get(Commitment, commitment)
        field = "supporting_agencies" if relation.startswith("supporting") else \
            "signatory_agencies"
        assert [a.id for a in getattr(kept, field)] == [setting["other"]]


def test_a_follow_up_moves_its_commitments_version(db, setting):
    commitment = setting["commitment"]
    opened = version_of(db, Commitment, commitment)
    make_follow_up(db, commitment, status=CommitmentStatus.NOT_STARTED, progress=0,
                   note="Surat sudah dikirim, belum ada jawaban", when=TODAY, today=TODAY)
    assert version_of(db, Commitment, commitment) > opened
    _stale_commitment_save_is_refused(db, commitment, setting["lead"], opened)


def test_evidence_moves_its_follow_up_and_commitment(db, setting, tmp_path):
    commitment = setting["commitment"]
    follow_up = make_follow_up(db, commitment, when=TODAY, today=TODAY)
    before = (version_of(db, FollowUp, follow_up), version_of(db, Commitment, commitment))
    letter = tmp_path / "surat-balasan.pdf"
    letter.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    add_evidence(db, follow_up, [letter])

    after = (version_of(db, FollowUp, follow_up), version_of(db, Commitment, commitment))
    assert after[0] == before[0] + 1 and after[1] == before[1] + 1


def _stale_meeting_save_is_refused(db, meeting_id, stale_version):
    draft, _current = meeting_draft(db, meeting_id)
    with pytest.raises(ConflictError) as refused:
        update_meeting(db, meeting_id, dataclasses.replace(draft, place="Aula lama"),
                       stale_version)
    assert refused.value.changed_by == "tester"


def test_agenda_items_move_the_meetings_version(db, setting):
    meeting = setting["meeting"]
    versions = [version_of(db, Meeting, meeting)]
    item = add_agenda_item(db, meeting, AgendaDraft(title="Pembukaan"))
    versions.append(version_of(db, Meeting, meeting))
    update_agenda_item(db, item, AgendaDraft(title="Pembukaan oleh Ketua Harian"), 1)
    versions.append(version_of(db, Meeting, meeting))
    remove_agenda_item(db, item, 2)
    versions.append(version_of(db, Meeting, meeting))

    assert versions == sorted(set(versions)) and len(versions) == 4
    _stale_meeting_save_is_refused(db, meeting, versions[0])


def test_attendance_lines_move_the_meetings_version(db, setting):
    meeting = setting["meeting"]
    opened = version_of(db, Meeting, meeting)
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=setting["lead"],
                                                       name="Hj. Rahmah",
                                                       status=AttendanceStatus.INVITED),
                          today=TODAY)
    added = version_of(db, Meeting, meeting)
    remove_attendance(db, line, 1)
    removed = version_of(db, Meeting, meeting)

    assert opened < added < removed
    _stale_meeting_save_is_refused(db, meeting, opened)


def _agency_draft(db, agency_id) -> AgencyDraft:
    row = get_agency(db, agency_id)
    return AgencyDraft(**{f.name: getattr(row, f.name) for f in dataclasses.fields(AgencyDraft)})


def test_contacts_and_seats_move_the_agencys_version(db, setting):
    agency = setting["other"]
    versions = [version_of(db, Agency, agency)]
    contact = add_contact(db, ContactDraft(agency_id=agency, name="Andi Hidayat"))
    versions.append(version_of(db, Agency, agency))
    update_contact(db, contact, ContactDraft(agency_id=agency, name="Andi Hidayat, S.H."), 1)
    versions.append(version_of(db, Agency, agency))
    add_membership(db, MembershipDraft(task_force_id=setting["task_force"], agency_id=agency,
                                       role="Anggota"))
    versions.append(version_of(db, Agency, agency))
    remove_contact(db, contact, 2)
    versions.append(version_of(db, Agency, agency))

    assert versions == sorted(set(versions)) and len(versions) == 5
    with pytest.raises(ConflictError):
        update_agency(db, agency, dataclasses.replace(_agency_draft(db, agency),
                                                      phone="0511-000"), versions[0])


def test_the_version_moves_once_per_save_not_per_child(db, setting):
    meeting = setting["meeting"]
    opened = version_of(db, Meeting, meeting)
    with db.unit_of_work() as session:
        from models import AgendaItem

        for position, title in enumerate(("Pembukaan", "Paparan", "Diskusi"), start=1):
            session.add(AgendaItem(meeting_id=meeting, position=position, title=title))
    assert version_of(db, Meeting, meeting) == opened + 1


@pytest.mark.postgres
def test_two_saves_racing_on_the_server_name_the_one_that_won(db_url, setting, db):
    """A true race: both read version v, the first commits, the second's UPDATE finds none."""
    if db.is_sqlite:
        pytest.skip("SQLite serialises writers before they read (BEGIN IMMEDIATE)")
    commitment, lead = setting["commitment"], setting["lead"]
    first = open_database(db_url, actor="siti.rahmah")
    second = open_database(db_url, actor="budi.santoso")
    try:
        with pytest.raises(ConflictError) as refused:
            with second.unit_of_work() as session:
                stale = session.scalars(select(Commitment).where(
                    Commitment.id == commitment)).one()
                update_commitment(first, commitment, CommitmentDraft(
                    text=TEXT + " di 13 kabupaten/kota", lead_agency_id=lead),
                    stale.version)
                stale.text = TEXT + " (versi Budi)"
        assert refused.value.changed_by == "siti.rahmah"
        assert "siti.rahmah" in str(refused.value)
    finally:
        first.close()
        second.close()
    with db.reading() as session:
        assert session.get(Commitment, commitment).text == TEXT + " di 13 kabupaten/kota"


def test_a_follow_up_source_is_unchanged_by_the_hook(db, setting):
    """The hook stamps who and when; it never touches what the clerk recorded."""
    commitment = setting["commitment"]
    record_follow_up(db, commitment, FollowUpDraft(
        status=CommitmentStatus.IN_PROGRESS, source=FollowUpSource.REPORT,
        date=TODAY, progress=40, note="Pendataan di 5 kabupaten"),
        version_of(db, Commitment, commitment), today=TODAY)
    with db.reading() as session:
        follow_up = session.scalars(select(FollowUp)).one()
        assert (follow_up.source, follow_up.progress_after, follow_up.changed_by) == (
            FollowUpSource.REPORT, 40, "tester")
