"""Every script prints: Arabic, Chinese, combining marks and emoji in user text come back
out of every document, and every font a document declares travels inside it."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_task_force,
    version_of,
)
from pypdf import PdfReader

from exports.pdf import fonts, system_fonts
from exports.pdf.attendance import write_attendance
from exports.pdf.invitation import write_invitation
from exports.pdf.layout import text
from exports.pdf.matrix import write_matrix_pdf
from exports.pdf.minutes import write_minutes
from exports.pdf.progress import write_progress_pdf
from exports.pdf.request_letter import write_request_letter
from models import AttendanceStatus, CommitmentStatus, FocusArea, Meeting
from secretariat.commitments.catalog import add_entry
from secretariat.commitments.queries import CommitmentFilter
from secretariat.commitments.request_letters import RequestDraft, request_letter
from secretariat.documents.action_matrix import Grouping, action_matrix
from secretariat.documents.minutes_and_attendance import attendance_sheet, minutes_report
from secretariat.documents.progress_report import progress_report
from secretariat.documents.signer import Signer
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.meetings.invitations import invitation_defaults, invitation_letter
from secretariat.meetings.lifecycle import mark_held

TODAY = date(2026, 6, 30)
ARABIC = "وزارة الشؤون الدينية"
CHINESE = "人口贩卖"
DECOMPOSED = "Kafe\u0301 Vie\u0323\u0302t Nam"  # e + U+0301; e + dot below + circumflex
COMPOSED = unicodedata.normalize("NFC", DECOMPOSED)  # "Kafé Việt Nam", as a reader copies it
EMOJI = "Sudah ✅ 🙏"
CJK_FONT = bool(system_fonts.installed()) and not fonts.unprintable(CHINESE)
needs_cjk = pytest.mark.skipif(
    not CJK_FONT, reason="no TrueType CJK font on this system (Windows has Microsoft YaHei; on "
                         "Debian: apt-get install fonts-droid-fallback)")


def _read(path: Path) -> str:
    """The text a reader copies out of the PDF, presentation marks aside."""
    content = " ".join(page.extract_text() for page in PdfReader(path).pages)
    content = re.sub("[\u200e\u200f\u202a-\u202e]", "", content)  # direction marks
    return re.sub(r"\s+", " ", content)


def _fonts(path: Path) -> list[tuple[str, bool]]:
    """(name, embedded) for every font the PDF's pages and forms declare."""
    found: dict[str, bool] = {}

    def walk(resources) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
        for form in (resources.get("/XObject") or {}).values():
            form = form.get_object()
            if form.get("/Subtype") == "/Form":
                walk(form.get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return sorted(found.items())


def _pdffonts_lines(path: Path) -> list[str]:
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                            check=True).stdout
    return output.splitlines()[2:]


@pytest.fixture
def documents(db, tmp_path) -> dict[str, Path]:
    """The six documents of one rakor whose users wrote in four scripts."""
    task_force = make_task_force(db)
    kemenag = make_agency(db, "Kemenag", name=f"Kementerian Agama ({ARABIC})")
    focus = add_entry(db, FocusArea, f"Fokus {ARABIC}")  # a chart's label in the report
    meeting = make_meeting(db, task_force, date(2026, 2, 10),
                           title=f"Rakor {ARABIC} dan {CHINESE} {EMOJI}",
                           chair_name="Drs. H. Rahmat", chair_position="Ketua Harian")
    add_attendance(db, meeting, AttendanceDraft(agency_id=kemenag, name=f"Ahmad {ARABIC}",
                                                status=AttendanceStatus.PRESENT), today=TODAY)
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=TODAY)
    late = make_commitment(db, meeting, kemenag, due_date=date(2026, 4, 30),
                           text=f"Pendataan {CHINESE} di {DECOMPOSED} bersama {ARABIC}",
                           focus_area_id=focus)
    make_follow_up(db, late, status=CommitmentStatus.IN_PROGRESS, when=date(2026, 3, 1),
                   today=TODAY, note=f"{EMOJI} {ARABIC}")
    invitation = invitation_defaults(db, meeting, letter_date=date(2026, 2, 1))
    letter = request_letter(db, RequestDraft(
        commitment_ids=(late,), letter_number="005/045/GT-TPPO/III/2026", sent_on=TODAY,
        reply_by=date(2026, 7, 14), signer=Signer("Drs. H. Rahmat", "Ketua Harian",
                                                  nip="196805121990031004")), today=TODAY)
    return {
        "minutes": write_minutes(minutes_report(db, meeting), tmp_path / "notulen.pdf"),
        "attendance": write_attendance(attendance_sheet(db, meeting), tmp_path / "hadir.pdf"),
        "invitation": write_invitation(invitation_letter(db, meeting, invitation.draft),
                                       tmp_path / "undangan.pdf"),
        "request letter": write_request_letter(letter, tmp_path / "permintaan.pdf"),
        "matrix": write_matrix_pdf(action_matrix(db, CommitmentFilter(), today=TODAY,
                                                 grouping=Grouping.AGENCY),
                                   tmp_path / "matriks.pdf"),
        "progress": write_progress_pdf(progress_report(db, task_force, date(2026, 1, 1),
                                                       date(2026, 12, 31), today=TODAY),
                                       tmp_path / "perkembangan.pdf"),
    }


def test_every_document_declares_only_embedded_fonts(documents):
    for name, path in documents.items():
        declared = _fonts(path)
        assert declared, name
        assert [font for font, embedded in declared if not embedded] == [], name
        assert not any("Helvetica" in font or "Times" in font for font, _ in declared), name
        if shutil.which("pdffonts"):  # poppler's own reading, where installed
            lines = _pdffonts_lines(path)
            assert lines and all(line.split()[-5] == "yes" for line in lines), (name, lines)


def test_arabic_combining_marks_and_emoji_come_back_from_every_document(documents):
    for name in ("minutes", "matrix", "request letter"):
        content = _read(documents[name])
        assert ARABIC in content, name  # shaped, yet copied out in logical order
        assert COMPOSED in content, name
    for name in ("minutes", "matrix"):
        assert "✅" in _read(documents[name]) and "🙏" in _read(documents[name]), name
    assert f"Ahmad {ARABIC}" in _read(documents["attendance"])
    assert ARABIC in _read(documents["invitation"])
    assert f"Kementerian Agama ({ARABIC})" in _read(documents["progress"])


@needs_cjk
def test_chinese_comes_back_in_a_system_font(documents):
    for name in ("minutes", "matrix", "invitation", "request letter"):
        assert CHINESE in _read(documents[name]), name


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_pdftotext_reads_the_arabic_in_logical_order(documents):
    output = subprocess.run(["pdftotext", str(documents["minutes"]), "-"], capture_output=True,
                            text=True, check=True).stdout
    flat = re.sub("[\u200e\u200f\u202a-\u202e]", "", " ".join(output.split()))
    assert f"Rakor {ARABIC}" in flat.replace("  ", " ")  # poppler moves the space after it
    assert "✅ 🙏" in flat and COMPOSED in flat


def test_each_character_is_set_in_a_font_that_has_it():
    runs = fonts.font_runs(f"Kemenag ({ARABIC}) {EMOJI} {DECOMPOSED}")
    names = [font.fontName for font, _run in runs]
    assert (fonts.ARABIC, ARABIC) in [(font.fontName, run) for font, run in runs]
    assert fonts.EMOJI in names
    # The combining marks stay with their letters, in Liberation Sans (composed first).
    assert any(COMPOSED in run for font, run in runs if font.fontName == fonts.REGULAR)
    assert text("a < b & c") == "a &lt; b &amp; c"  # still escaped
    assert text("baris\nkedua") == "baris<br/>kedua"


def test_a_mark_no_font_has_for_its_letter_stays_with_the_letter():
    # U+0301 after an Arabic letter: Naskh has no acute, yet the letter keeps its mark.
    runs = fonts.font_runs("ب\u0301x")
    assert runs[0][1] == "ب\u0301" and runs[-1] == (runs[-1][0], "x")


def test_characters_no_font_has_are_named_before_the_export():
    assert fonts.unprintable(f"{ARABIC} {EMOJI} {DECOMPOSED}\n\t") == set()
    assert fonts.unprintable("kode \ue000 dan \U0010fffd") == {"\ue000", "\U0010fffd"}


def test_a_chart_label_mixing_latin_and_arabic_prints_in_one_font_that_has_both(documents):
    font, characters = fonts.drawn(f"Fokus {ARABIC}")
    if font == fonts.REGULAR:
        pytest.skip("no system font with Latin and Arabic (Arial on Windows, DejaVu Sans on "
                    "Linux)")
    assert font.startswith("System-") and characters.startswith("Fokus ")
    # The focus area's name: once in the chart's label, once in the table under it.
    assert _read(documents["progress"]).count(f"Fokus {ARABIC}") == 2
    assert fonts.drawn("Pencegahan") == (fonts.REGULAR, "Pencegahan")
