"""Final minutes are kept as they were signed: the reprint is that PDF, byte for byte."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pypdfium2
import pytest

from exports.pdf.minutes import write_minutes
from models import Meeting, MeetingStatus, TimeZone
from secretariat.cli.main import main
from secretariat.documents.letterhead import get_letterhead, save_letterhead
from secretariat.documents.minutes_and_attendance import meeting_city
from secretariat.documents.minutes_archive import archived_minutes, finalise_and_archive
from secretariat.meetings.lifecycle import (
    finalising_concerns,
    mark_held,
    reopen_minutes,
)
from tests.factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

DAY = date(2026, 3, 12)


def _v(db, meeting_id: int) -> int:
    return version_of(db, Meeting, meeting_id)


@pytest.fixture
def held(db) -> int:
    task_force = make_task_force(db, make_province(db, time_zone=TimeZone.WITA))
    save_letterhead(db, replace(get_letterhead(db, task_force), agency_line="DP3A Kalsel",
                                city="Banjarbaru"))
    meeting = make_meeting(db, task_force, DAY, chair_name="Husnul Hatimah",
                           place="Aula Rapat Dinas PPPA, Banjarmasin")
    mark_held(db, meeting, _v(db, meeting), today=DAY)
    make_commitment(db, meeting, make_agency(db, "Polda"), text="Patroli pelabuhan")
    return meeting


def _text(content: bytes, _tmp_path=None) -> str:
    """The words of every page, read with the PDF engine the preview uses."""
    document = pypdfium2.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_finalising_keeps_the_signed_pdf_and_reprints_give_it_back(db, db_url, held,
                                                                    tmp_path):
    finalise_and_archive(db, held, _v(db, held), write_minutes)
    kept = archived_minutes(db, held, circulated=False)
    assert kept is not None and kept.content.startswith(b"%PDF")
    assert "DP3A KALSEL" in _text(kept.content, tmp_path)

    # The kop changes afterwards; the reprint is still the document that was signed.
    with db.reading() as session:
        task_force = session.get(Meeting, held).task_force_id
    save_letterhead(db, replace(get_letterhead(db, task_force), agency_line="Dinas Baru"))
    target = tmp_path / "cetak-ulang.pdf"
    assert main(["--db", db_url, "export", "minutes", str(held), "-o", str(target)]) == 0
    reprint = target.read_bytes()
    assert reprint in (kept.content,
                       archived_minutes(db, held, circulated=True).content)  # type: ignore[union-attr]
    assert "Dinas Baru" not in _text(reprint, tmp_path)


def test_the_signed_minutes_are_rendered_as_final_not_as_a_draft(db, held):
    # (pdftotext leaves out the diagonal watermark: the report the writer gets is checked.)
    seen = []

    def render(report, target):
        seen.append((report.draft, report.classification.left_out))
        return write_minutes(report, target)

    finalise_and_archive(db, held, _v(db, held), render)
    assert [draft for draft, _left_out in seen] == [False, False]


def test_a_render_that_fails_leaves_the_minutes_a_draft(db, held):
    def broken(_report, _target):
        raise OSError("disk full")

    with pytest.raises(OSError):
        finalise_and_archive(db, held, _v(db, held), broken)
    with db.reading() as session:
        assert session.get(Meeting, held).status is MeetingStatus.HELD
    assert archived_minutes(db, held, circulated=False) is None


def test_reopened_minutes_are_rendered_again_and_a_new_finalisation_is_kept(db, held):
    finalise_and_archive(db, held, _v(db, held), write_minutes)
    first = archived_minutes(db, held, circulated=False)
    reopen_minutes(db, held, "Salah ketik nama peserta", _v(db, held))
    assert archived_minutes(db, held, circulated=False) is None  # a draft again

    finalise_and_archive(db, held, _v(db, held), write_minutes)
    second = archived_minutes(db, held, circulated=False)
    assert first is not None and second is not None
    assert second.finalised_at >= first.finalised_at


def test_a_copy_whose_bytes_changed_is_never_handed_out(db, held):
    from models import ArchivedMinutes

    finalise_and_archive(db, held, _v(db, held), write_minutes)
    with db.unit_of_work() as session:
        for row in session.query(ArchivedMinutes).all():
            row.content = row.content.replace(b"%PDF", b"%PDX", 1)
    assert archived_minutes(db, held, circulated=False) is None


def test_the_minutes_are_signed_in_the_city_the_meeting_was_held(db, held, tmp_path):
    finalise_and_archive(db, held, _v(db, held), write_minutes)
    words = _text(archived_minutes(db, held, circulated=False).content,  # type: ignore[union-attr]
                  tmp_path)
    assert "Banjarmasin, 12 Maret 2026" in " ".join(words.split())
    assert "Banjarbaru," not in words


@pytest.mark.parametrize(("place", "city"), [
    ("Aula Kantor Bupati Bengkayang, Bengkayang", "Bengkayang"),
    ("Ruang Rapat DKP3A, Samarinda", "Samarinda"),
    ("Jl. A. Yani Km. 6, No. 12", "Banjarbaru"),  # an address, not a city
    ("Aula Bappeda", "Banjarbaru"),
    ("", "Banjarbaru"),
])
def test_the_city_of_the_place_or_else_the_letterheads(place, city):
    assert meeting_city(place, "Banjarbaru") == city


def test_finalising_warns_of_a_chair_without_position_or_nip_and_no_commitments(db, english):
    task_force = make_task_force(db, make_province(db))
    meeting = make_meeting(db, task_force, DAY, chair_name="Husnul Hatimah")
    concerns = " ".join(finalising_concerns(db, meeting))
    assert "position" in concerns and "NIP" in concerns and "No commitment" in concerns

    signed = make_meeting(db, task_force, date(2026, 4, 2), chair_name="Husnul Hatimah",
                          chair_position="Kepala Dinas PPPA", chair_nip="197001011990031001")
    make_commitment(db, signed, make_agency(db, "Polda"))
    assert finalising_concerns(db, signed) == []
