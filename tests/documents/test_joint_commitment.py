"""The Lembar Komitmen Bersama, read back with pdftotext, and who signs a commitment."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from factories import make_agency, make_commitment, make_meeting, make_task_force
from sqlalchemy import select

from exports.pdf.joint_commitment import write_joint_commitment
from models import Meeting
from secretariat.cli.main import main
from secretariat.commitments.queries import get_commitment
from secretariat.commitments.recording import CommitmentDraft, update_commitment
from secretariat.demo import fill_demo
from secretariat.documents.joint_commitment import joint_commitment
from secretariat.errors import ValidationError
from secretariat.storage.database import open_database

TODAY = date(2026, 2, 1)
BENGKAYANG = date(2025, 8, 7)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("komitmen") / "demo.sqlite3"
    db = open_database(path, actor="tester")
    fill_demo(db, today=TODAY)
    db.close()
    return path


@pytest.fixture
def demo(demo_path):
    db = open_database(demo_path, actor="tester")
    yield db
    db.close()


def _bengkayang(db) -> int:
    with db.reading() as session:
        return session.scalar(select(Meeting.id).where(Meeting.date == BENGKAYANG))


def _text(path: Path, *, layout: bool = True) -> str:
    """pdftotext; without -layout each box reads as a block of its own."""
    command = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_the_bengkayang_sheet_is_signed_by_fkub_and_the_dewan_adat_dayak(demo, tmp_path):
    sheet = joint_commitment(demo, _bengkayang(demo))
    text = _text(write_joint_commitment(sheet, tmp_path / "komitmen.pdf"), layout=False)
    flat = " ".join(text.split())

    assert "LEMBAR KOMITMEN BERSAMA" in flat
    assert "Kamis, 7 Agustus 2025" in flat and "Aula Kantor Bupati Bengkayang" in flat
    for number, words in ((1, "Menyiapkan pembentukan Migrant Center"),
                          (2, "Menyiapkan pusat pelatihan vokasi"),
                          (3, "Menyosialisasikan migrasi aman")):
        assert f"{number}. {words}" in flat
    assert "Penanggung jawab: Forum Kerukunan Umat Beragama Kabupaten Bengkayang" in flat
    # The agencies and the community bodies sign, each once, by whoever came for them.
    for agency in ("Forum Kerukunan Umat Beragama Kabupaten Bengkayang",
                   "Dewan Adat Dayak Kabupaten Bengkayang"):
        assert agency in flat
    abbreviations = [box.agency_abbreviation for box in sheet.signatories]
    assert {"FKUB Bengkayang", "DAD Bengkayang"} <= set(abbreviations)
    assert len(abbreviations) == len(set(abbreviations)) == 6
    assert abbreviations[0] == "Setda Bengkayang"  # the lead of commitment 1 signs first
    assert "Simon Petrus Ajum" in flat and "Ketua Dewan Adat Dayak Kabupaten" in flat
    assert "H. Sulaiman Abdullah," in flat  # the first of FKUB's two, its Ketua
    assert "Pdt. Markus Jalung" not in flat
    assert "Herman Efendi" not in flat  # excused, and DP3A Kalbar does not sign


def test_a_signatory_nobody_came_for_gets_lines_to_fill_by_hand(sqlite_db, tmp_path):
    task_force = make_task_force(sqlite_db)
    lead, ormas = make_agency(sqlite_db, "Dinsos"), make_agency(sqlite_db, "Ormas",
                                                                 name="Muslimat NU Kalsel")
    meeting = make_meeting(sqlite_db, task_force, date(2026, 1, 5))
    make_commitment(sqlite_db, meeting, lead, signatory_agency_ids=(lead, ormas))
    sheet = joint_commitment(sqlite_db, meeting)
    assert [box.person_name for box in sheet.signatories] == ["", ""]
    flat = " ".join(_text(write_joint_commitment(sheet, tmp_path / "k.pdf"),
                          layout=False).split())
    assert "Muslimat NU Kalsel" in flat and flat.count("(....") == 2
    assert flat.count("Jabatan: ....") == 2


def test_nine_signatories_stand_three_to_a_row_and_the_last_row_never_alone(sqlite_db,
                                                                         tmp_path):
    task_force = make_task_force(sqlite_db)
    agencies = [make_agency(sqlite_db, f"Instansi{n}") for n in range(1, 11)]
    meeting = make_meeting(sqlite_db, task_force, date(2026, 1, 5))
    for number in range(14):  # enough text to push the boxes to a second page
        make_commitment(sqlite_db, meeting, agencies[0], text=f"Komitmen nomor {number} " * 12,
                        signatory_agency_ids=tuple(agencies))
    sheet = joint_commitment(sqlite_db, meeting)
    text = _text(write_joint_commitment(sheet, tmp_path / "k.pdf"))
    pages = [page for page in text.split("\f") if page.strip()]
    names = [box.agency_abbreviation for box in sheet.signatories]
    assert len(names) == 10
    # Three boxes side by side: the first three agencies' names on one line.
    assert any(all(re.search(rf"\b{name}\b", line) for name in names[:3])
               for line in text.splitlines())
    # The lone tenth box has the row before it for company on the last page.
    last = next(page for page in pages if re.search(rf"\b{names[-1]}\b", page))
    assert re.search(rf"\b{names[-4]}\b", last) and last is pages[-1]


def test_a_meeting_without_commitments_or_signatories_is_refused(sqlite_db):
    task_force = make_task_force(sqlite_db)
    meeting = make_meeting(sqlite_db, task_force, date(2026, 1, 5))
    with pytest.raises(ValidationError, match="Belum ada komitmen"):
        joint_commitment(sqlite_db, meeting)
    lead = make_agency(sqlite_db, "Dinsos")
    make_commitment(sqlite_db, meeting, lead, signatory_agency_ids=())
    with pytest.raises(ValidationError, match="belum memiliki penanda tangan"):
        joint_commitment(sqlite_db, meeting)


def test_a_new_commitment_is_signed_by_its_lead_and_supporting_agencies(sqlite_db):
    task_force = make_task_force(sqlite_db)
    lead, helper, fkub = (make_agency(sqlite_db, name) for name in ("Dinsos", "Polda", "FKUB"))
    meeting = make_meeting(sqlite_db, task_force, date(2026, 1, 5))
    made = make_commitment(sqlite_db, meeting, lead, supporting_agency_ids=(helper,))
    detail = get_commitment(sqlite_db, made)
    assert set(detail.signatory_agency_ids) == {lead, helper}

    # An edit that does not name them keeps them; one that does replaces them.
    keep = CommitmentDraft(text="Teks diperbaiki", lead_agency_id=lead,
                           supporting_agency_ids=(helper,))
    update_commitment(sqlite_db, made, keep, detail.row.version)
    detail = get_commitment(sqlite_db, made)
    assert set(detail.signatory_agency_ids) == {lead, helper}
    update_commitment(sqlite_db, made, CommitmentDraft(
        text="Teks diperbaiki", lead_agency_id=lead, supporting_agency_ids=(helper,),
        signatory_agency_ids=(lead, fkub)), detail.row.version)
    assert get_commitment(sqlite_db, made).signatory_agencies == ("Dinsos", "FKUB")


def test_list_commitments_names_the_signatories(demo_path, tmp_path, capsys):
    db = open_database(demo_path, actor="tester")
    meeting = _bengkayang(db)
    db.close()
    assert main(["--db", str(demo_path), "list", "commitments", "--meeting", str(meeting),
                 "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    fkub = next(r for r in records if r["lead_agency"] == "FKUB Bengkayang")
    assert fkub["signatories"] == ["DAD Bengkayang", "Dinsos P3A Bengkayang", "FKUB Bengkayang"]

    assert main(["--db", str(demo_path), "list", "commitments", "--meeting",
                 str(meeting)]) == 0
    out = capsys.readouterr().out
    assert "Penanda tangan" in out.splitlines()[0]
    assert "DAD Bengkayang, Dinsos P3A Bengkayang, FKUB Bengkayang" in out


def test_the_export_command_writes_the_joint_commitment(demo_path, tmp_path, capsys):
    db = open_database(demo_path, actor="tester")
    meeting = _bengkayang(db)
    db.close()
    target = tmp_path / "komitmen.pdf"
    assert main(["--db", str(demo_path), "export", "joint-commitment", str(meeting),
                 "-o", str(target)]) == 0
    assert "Dewan Adat Dayak" in _text(target, layout=False)
    assert main(["--db", str(demo_path), "export", "joint-commitment", str(meeting),
                 "-o", str(tmp_path / "komitmen.xlsx")]) == 1


def _pages(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_the_circulated_sheet_leaves_a_terbatas_commitment_out_and_the_full_one_is_marked(
        sqlite_db, tmp_path):
    task_force = make_task_force(sqlite_db)
    lead, ormas = make_agency(sqlite_db, "Polda"), make_agency(sqlite_db, "FKUB")
    meeting = make_meeting(sqlite_db, task_force, date(2026, 1, 5),
                           place="Aula Kantor Bupati Bengkayang, Bengkayang")
    make_commitment(sqlite_db, meeting, lead, text="Patroli bersama di pelabuhan",
                    signatory_agency_ids=(lead, ormas))
    make_commitment(sqlite_db, meeting, lead, text="Penyelidikan jaringan perekrut X",
                    confidential=True, signatory_agency_ids=(lead,))

    circulated = _pages(write_joint_commitment(joint_commitment(sqlite_db, meeting),
                                               tmp_path / "edaran.pdf"))
    words = " ".join(" ".join(circulated).split())
    assert "Patroli bersama" in words and "jaringan perekrut" not in words
    assert "1 komitmen bersifat TERBATAS tidak dimuat" in words
    assert all("SALINAN EDARAN" in page for page in circulated)
    assert "Bengkayang, 05-01-2026" in words or "Bengkayang, 5 Januari 2026" in words

    full = _pages(write_joint_commitment(joint_commitment(sqlite_db, meeting, full=True),
                                         tmp_path / "lengkap.pdf"))
    assert "jaringan perekrut" in " ".join(" ".join(full).split())
    for page in full:  # the mark at the top and at the bottom of every page
        lines = [line.strip() for line in page.splitlines()]
        assert lines.count("TERBATAS") == 2
        assert "SALINAN EDARAN" not in page


def test_a_sheet_of_terbatas_commitments_only_is_written_in_full_or_not_at_all(sqlite_db):
    task_force = make_task_force(sqlite_db)
    lead = make_agency(sqlite_db, "Polda")
    meeting = make_meeting(sqlite_db, task_force, date(2026, 1, 5))
    make_commitment(sqlite_db, meeting, lead, confidential=True, signatory_agency_ids=(lead,))
    with pytest.raises(ValidationError):
        joint_commitment(sqlite_db, meeting)
    assert joint_commitment(sqlite_db, meeting, full=True).classification.marking == "TERBATAS"
