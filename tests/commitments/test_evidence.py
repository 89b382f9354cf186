"""Evidence files attached to follow-ups: kept in the database, checked when opened."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from factories import (
    DEFAULT_MEETING_DATE,
    make_agency,
    make_commitment,
    make_meeting,
    make_task_force,
    version_of,
)
from sqlalchemy import select, update

from models import Commitment, CommitmentStatus, EvidenceFile, FollowUp, FollowUpSource
from secretariat.commitments import evidence as evidence_module
from secretariat.commitments.evidence import (
    add_evidence,
    copy_for_viewing,
    list_evidence,
    safe_file_name,
)
from secretariat.commitments.follow_ups import (
    FollowUpDraft,
    list_follow_ups,
    record_follow_up,
    status_history,
)
from secretariat.errors import DatabaseProblem, FileProblem, ValidationError

TODAY = date(2026, 2, 1)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"



pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def commitment(db) -> int:
    meeting = make_meeting(db, make_task_force(db), DEFAULT_MEETING_DATE)
    return make_commitment(db, meeting, make_agency(db, "Dinsos"), due_date=date(2026, 1, 31))


def _record(db, commitment_id, *files, status=CommitmentStatus.IN_PROGRESS, **kw) -> int:
    draft = FollowUpDraft(status=status, source=FollowUpSource.LETTER, date=date(2026, 1, 10),
                          evidence=tuple(files), **kw)
    return record_follow_up(db, commitment_id, draft, version_of(db, Commitment, commitment_id),
                            today=TODAY)


def _count(db, model) -> int:
    with db.reading() as session:
        return len(session.scalars(select(model.id)).all())


def test_an_attached_letter_is_stored_with_its_checksum_and_opens_unchanged(db, commitment,
                                                                          tmp_path):
    letter = tmp_path / "Surat Dinsos 045.pdf"
    letter.write_bytes(PDF_BYTES)

    entry = _record(db, commitment, letter, progress=30)
    letter.unlink()  # the original may go: the database has its own copy

    (stored,) = list_evidence(db, commitment)[entry]
    assert stored.file_name == "Surat Dinsos 045.pdf"
    assert stored.media_type == "application/pdf"
    assert stored.size_bytes == len(PDF_BYTES)
    assert stored.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    opened = copy_for_viewing(db, stored.id, tmp_path / "view")
    assert opened.read_bytes() == PDF_BYTES
    assert opened.name.endswith("Surat Dinsos 045.pdf")


def test_a_file_that_changed_in_storage_is_refused_when_opened(db, commitment, tmp_path):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 gambar")
    entry = _record(db, commitment, photo)
    (stored,) = list_evidence(db, commitment)[entry]
    with db.unit_of_work() as session:
        session.execute(update(EvidenceFile).values(content=b"tampered"))

    with pytest.raises(DatabaseProblem, match="checksum"):
        copy_for_viewing(db, stored.id, tmp_path / "view")
    assert not (tmp_path / "view").exists() or not any((tmp_path / "view").iterdir())


@pytest.mark.parametrize("name", ["setup.exe", "laporan.pdf.bat", "tautan.lnk", "skrip.js"])
def test_programs_are_never_attached(db, commitment, tmp_path, name):
    bad = tmp_path / name
    bad.write_bytes(b"MZ")
    with pytest.raises(ValidationError, match="cannot be attached") as refused:
        _record(db, commitment, bad)
    assert refused.value.field == "evidence"
    assert _count(db, FollowUp) == 0  # nothing of the follow-up was written either


def test_a_missing_file_refuses_the_whole_follow_up(db, commitment, tmp_path):
    good = tmp_path / "ada.pdf"
    good.write_bytes(PDF_BYTES)
    with pytest.raises(ValidationError, match="was not found"):
        _record(db, commitment, good, tmp_path / "hilang.pdf")
    assert _count(db, FollowUp) == 0 and _count(db, EvidenceFile) == 0


def test_a_file_over_the_limit_is_refused_with_its_size(db, commitment, tmp_path, monkeypatch):
    monkeypatch.setattr(evidence_module, "MAX_EVIDENCE_BYTES", 1_048_576)
    big = tmp_path / "pindaian.pdf"
    big.write_bytes(b"0" * 2_200_000)
    with pytest.raises(ValidationError, match="2.1 MB"):
        _record(db, commitment, big)


def test_an_unreadable_file_says_so(db, commitment, tmp_path, monkeypatch):
    locked = tmp_path / "terkunci.docx"
    locked.write_bytes(b"PK")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(locked), "read_bytes", refuse)
    with pytest.raises(FileProblem, match="open in another program"):
        _record(db, commitment, locked)
    assert _count(db, FollowUp) == 0


def test_evidence_can_be_added_to_an_earlier_follow_up(db, commitment, tmp_path):
    entry = _record(db, commitment)
    scan = tmp_path / "balasan.png"
    scan.write_bytes(b"\x89PNG\r\n")
    add_evidence(db, entry, [scan])
    assert [row.file_name for row in list_evidence(db, commitment)[entry]] == ["balasan.png"]


@pytest.mark.parametrize("typed, kept", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ('surat<1>:"a"|b?.pdf', "surat_1___a__b_.pdf"),
    ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
    ("laporan\x07.pdf", "laporan_.pdf"),
])
def test_file_names_are_made_safe(typed, kept):
    assert safe_file_name(typed) == kept


def test_status_history_lists_each_change_from_the_signature(db, commitment):
    _record(db, commitment, progress=20)
    record_follow_up(db, commitment, FollowUpDraft(
        status=CommitmentStatus.IN_PROGRESS, source=FollowUpSource.PHONE,
        date=date(2026, 1, 12), progress=20, note="Masih sama"),
        version_of(db, Commitment, commitment), today=TODAY)
    record_follow_up(db, commitment, FollowUpDraft(
        status=CommitmentStatus.DONE, source=FollowUpSource.REPORT, date=date(2026, 1, 20)),
        version_of(db, Commitment, commitment), today=TODAY)

    history = status_history(DEFAULT_MEETING_DATE, list_follow_ups(db, commitment))

    assert [(step.date, step.status, step.progress) for step in history] == [
        (DEFAULT_MEETING_DATE, CommitmentStatus.NOT_STARTED, 0),
        (date(2026, 1, 10), CommitmentStatus.IN_PROGRESS, 20),
        (date(2026, 1, 20), CommitmentStatus.DONE, 100),
    ]  # the unchanged phone report is in the log, not in the history
