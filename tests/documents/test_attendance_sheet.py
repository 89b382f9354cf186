"""The daftar hadir read back with pdftotext: its Keterangan, who signs, the rows for walk-ins,
the circulated and the full copy, and the refusal of a list "as recorded" too early."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from exports.pdf.attendance import write_attendance
from models import Meeting, MeetingStatus
from secretariat.cli.main import main
from secretariat.demo import fill_demo
from secretariat.documents.minutes_and_attendance import attendance_document
from secretariat.errors import ValidationError
from secretariat.storage.database import open_database

TODAY = date(2026, 2, 1)
BENGKAYANG = date(2025, 8, 7)
RAKOR_2025 = date(2025, 12, 2)
BENGKAYANG_PHONES = ("0812-5630-1148", "0852-4511-3380", "0853-4870-1164")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hadir") / "demo.sqlite3"


@pytest.fixture(scope="module")
def demo(demo_path):
    db = open_database(demo_path, actor="tester")
    fill_demo(db, today=TODAY)
    yield db
    db.close()


def _meeting(db, **where) -> int:
    with db.reading() as session:
        query = select(Meeting.id)
        for name, value in where.items():
            query = query.where(getattr(Meeting, name) == value)
        return session.scalar(query)


def _pages(path: Path) -> list[str]:
    """pdftotext -layout, one text per page."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [page for page in out.split("\f") if page.strip()]


def _row(pages: list[str], words: str, around: int = 0) -> str:
    """The line holding `words`, with `around` lines either side (a row's cells are
    centred on it, so a two-line name puts the Keterangan a line away)."""
    for page in pages:
        lines = page.splitlines()
        for number, line in enumerate(lines):
            if words in line:
                return "\n".join(lines[max(0, number - around):number + around + 1])
    raise AssertionError(f"{words!r} not found")


def test_the_list_as_recorded_has_a_keterangan_and_no_signature_place_for_the_excused(
        demo, tmp_path):
    meeting = _meeting(demo, date=BENGKAYANG)
    sheet = attendance_document(demo, meeting)
    pages = _pages(write_attendance(sheet, tmp_path / "hadir.pdf"))
    text = "\n".join(pages)

    header = _row(pages, "Jabatan/Instansi")
    assert "Tanda Tangan" in header and "Keterangan" in header
    assert "Hadir" in _row(pages, "Antonius Ding", around=1)
    excused = next(line for line in sheet.lines if line.remark == "Izin")
    assert not excused.signs
    row = _row(pages, "Herman Efendi", around=1)
    assert "Izin" in row and not re.search(rf"\b{excused.number}\. \.", row)
    # Every one who came has a numbered place to sign; the excused has none at all.
    for line in sheet.lines:
        found = re.search(rf"\b{line.number}\. \.{{3,}}", text)
        assert bool(found) is line.signs, line


def test_a_deputy_signs_with_their_own_details_and_names_the_official(demo, tmp_path):
    sheet = attendance_document(demo, _meeting(demo, date=RAKOR_2025), full_copy=True)
    deputy = next(line for line in sheet.lines if line.remark.startswith("Mewakili "))
    assert deputy.signs and deputy.name == "Nurul Aini Lestari, S.I.K."
    assert deputy.remark == "Mewakili Hendra Wijaya Kusuma, S.I.K., M.H."
    # Her own jabatan and phone, not the absent Direktur's.
    assert deputy.position_and_agency.startswith("Kepala Subdirektorat IV Remaja")
    assert deputy.phone == "0813-4877-5512"
    flat = " ".join(" ".join(_pages(write_attendance(sheet, tmp_path / "h.pdf"))).split())
    assert "Mewakili" in flat and "Nurul Aini" in flat and "Direktur Reserse" not in flat
    assert "0811-5211-0460" not in flat


def test_a_long_indonesian_title_is_never_split_inside_a_word(demo, tmp_path):
    sheet = attendance_document(demo, _meeting(demo, date=RAKOR_2025))
    text = "\n".join(_pages(write_attendance(sheet, tmp_path / "hadir.pdf")))
    assert "Perundang-undangan" in text
    for fragment in ("Perun ", "Perlindung ", "Kesejahte "):
        assert fragment not in text


def test_the_blank_sheet_has_as_many_rows_for_walk_ins_as_asked_tall_enough_to_write(
        demo, tmp_path):
    planned = _meeting(demo, status=MeetingStatus.PLANNED)
    sheet = attendance_document(demo, planned, blank=True, blank_rows=4)
    target = write_attendance(sheet, tmp_path / "kosong.pdf")
    text = "\n".join(_pages(target))
    last = len(sheet.lines) + 4
    assert re.search(rf"\b{last}\. \.+", text)
    assert not re.search(rf"\b{last + 1}\. \.+", text)

    # The walk-in rows stand at least 11 mm apart on the page.
    heights: dict[str, float] = {}
    for page in PdfReader(target).pages:
        def seen(found, cm, tm, _font, _size):
            if re.fullmatch(r"\d+", found.strip()):
                heights.setdefault(found.strip(), cm[1] * tm[4] + cm[3] * tm[5] + cm[5])
        page.extract_text(visitor_text=seen)
    first, second = heights[str(last - 1)], heights[str(last)]
    assert abs(first - second) >= 11 * 72 / 25.4


def test_ten_rows_for_walk_ins_by_default(demo, tmp_path):
    planned = _meeting(demo, status=MeetingStatus.PLANNED)
    sheet = attendance_document(demo, planned, blank=True)
    assert sheet.blank_rows == 10
    text = "\n".join(_pages(write_attendance(sheet, tmp_path / "kosong.pdf")))
    assert re.search(rf"\b{len(sheet.lines) + 10}\. \.+", text)


@pytest.mark.parametrize("count", [-1, 201, "5"])
def test_a_number_of_blank_rows_out_of_range_is_refused(demo, count):
    planned = _meeting(demo, status=MeetingStatus.PLANNED)
    with pytest.raises(ValidationError) as refused:
        attendance_document(demo, planned, blank=True, blank_rows=count)
    assert refused.value.field == "blank_rows"


def test_the_list_as_recorded_is_refused_before_the_meeting(demo):
    planned = _meeting(demo, status=MeetingStatus.PLANNED)
    with pytest.raises(ValidationError) as refused:
        attendance_document(demo, planned)
    assert "masih direncanakan" in refused.value.message
    # Held, but its hour has not come yet (09.00 WIB is 02.00 UTC).
    held = _meeting(demo, date=BENGKAYANG)
    with pytest.raises(ValidationError) as early:
        attendance_document(demo, held, now=datetime(2025, 8, 7, 1, 30, tzinfo=UTC))
    assert "belum dimulai" in early.value.message
    attendance_document(demo, held, now=datetime(2025, 8, 7, 2, 0, tzinfo=UTC))
    # The blank sheet for signing at the door stays allowed.
    assert attendance_document(demo, planned, blank=True).blank


def test_the_circulated_copy_leaves_out_the_phone_numbers_and_says_so(demo, tmp_path):
    sheet = attendance_document(demo, _meeting(demo, date=BENGKAYANG))
    pages = _pages(write_attendance(sheet, tmp_path / "edaran.pdf"))
    text = "\n".join(pages)
    assert not any(phone in text for phone in BENGKAYANG_PHONES)
    assert not re.search(r"08\d\d-\d{4}", text)
    assert "No. HP" not in text and "TERBATAS" not in text
    assert "Salinan edaran: nomor HP peserta tidak dicantumkan." in " ".join(text.split())


def test_the_full_copy_prints_the_phones_and_says_terbatas_top_and_bottom_of_every_page(
        demo, tmp_path):
    sheet = attendance_document(demo, _meeting(demo, date=BENGKAYANG), full_copy=True)
    pages = _pages(write_attendance(sheet, tmp_path / "lengkap.pdf"))
    assert len(pages) >= 2
    assert all(phone in "\n".join(pages) for phone in BENGKAYANG_PHONES)
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "TERBATAS" and lines[-1] == "TERBATAS"


def test_the_export_command_takes_blank_rows_and_the_full_copy(demo, demo_path, tmp_path,
                                                               capsys):
    url = str(demo_path)
    blank = tmp_path / "kosong.pdf"
    planned = _meeting(demo, status=MeetingStatus.PLANNED)
    assert main(["--db", url, "export", "attendance", str(planned), "--blank",
                 "--blank-rows", "2", "-o", str(blank)]) == 0
    invited = len(attendance_document(demo, planned, blank=True).lines)
    text = "\n".join(_pages(blank))
    assert re.search(rf"\b{invited + 2}\. \.", text)
    assert not re.search(rf"\b{invited + 3}\. \.", text)

    full = tmp_path / "lengkap.pdf"
    held = _meeting(demo, date=BENGKAYANG)
    assert main(["--db", url, "export", "attendance", str(held), "--with-confidential",
                 "-o", str(full)]) == 0
    assert all("TERBATAS" in page for page in _pages(full))

    capsys.readouterr()
    assert main(["--db", url, "export", "attendance", str(planned), "-o",
                 str(tmp_path / "terlalu-awal.pdf")]) == 1
    assert "masih direncanakan" in capsys.readouterr().err
    assert not (tmp_path / "terlalu-awal.pdf").exists()
    assert main(["--db", url, "export", "attendance", str(held), "--blank-rows", "3",
                 "-o", str(tmp_path / "x.pdf")]) == 1
    assert "--blank" in capsys.readouterr().err
