"""The circulated copy and the full (TERBATAS) copy of every document that can hold a
terbatas commitment or someone's own number, read back as a reader would see them."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from factories import make_agency, make_commitment, make_meeting
from pypdf import PdfReader
from sqlalchemy import select

from exports.excel.matrix import write_matrix_workbook
from exports.excel.progress import write_progress_workbook
from exports.excel.registers import write_agency_directory
from exports.pdf.matrix import write_matrix_pdf
from exports.pdf.minutes import write_minutes
from exports.pdf.progress import write_progress_pdf
from exports.pdf.request_letter import write_request_letter
from models import Agency, Commitment, ContactPerson, Meeting, TaskForce
from secretariat.cli.main import main
from secretariat.commitments.queries import CommitmentFilter
from secretariat.commitments.request_letters import RequestDraft, request_letter
from secretariat.demo import fill_demo
from secretariat.documents.action_matrix import action_matrix, matrix_scope
from secretariat.documents.letterhead import get_letterhead
from secretariat.documents.minutes_and_attendance import minutes_report
from secretariat.documents.progress_report import progress_report
from secretariat.documents.registers import agency_directory
from secretariat.documents.signer import Signer

TODAY = date(2026, 11, 25)
NOTE = "bersifat TERBATAS tidak dimuat dalam salinan edaran ini"
PHONE = re.compile(r"(?:\+62|0)8\d{1,3}[- ]?\d{3,4}[- ]?\d{3,4}")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """One demo database for the module: every test here only reads it."""
    from secretariat.storage.database import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path, actor="tester")
    fill_demo(database, today=TODAY)
    database.close()
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    from secretariat.storage.database import open_database

    path = tmp_path / "demo.sqlite3"
    path.write_bytes(demo_file.read_bytes())
    database = open_database(path, actor="tester")
    yield database
    database.close()


def _secret(db) -> Commitment:
    with db.reading() as session:
        return session.scalars(select(Commitment).where(Commitment.confidential.is_(True))).one()


def _task_force(db, name_part: str) -> int:
    with db.reading() as session:
        return session.scalar(select(TaskForce.id).where(TaskForce.name.contains(name_part)))


def _page_lines(path: Path) -> list[list[str]]:
    """Each page's lines as laid out, top to bottom (pdftotext reads by position)."""
    laid_out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    pages = [[line.strip() for line in page.splitlines() if line.strip()]
             for page in laid_out.split("\f")]
    assert len([page for page in pages if page]) == len(PdfReader(path).pages)
    return [page for page in pages if page]


def _pages(path: Path) -> list[str]:
    """Each page's text in reading order (a table cell's lines stay together)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _words(text: str) -> str:
    return " ".join(text.split()[:6])


def _cells(path: Path) -> list[str]:
    workbook = openpyxl.load_workbook(path)
    return [str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True)
            for value in row if value is not None]


def _assert_full_pdf(path: Path, secret: Commitment) -> None:
    for lines in _page_lines(path):  # the first and the last line of every page
        assert lines[0] == "TERBATAS" and lines[-1] == "TERBATAS", (lines[:2], lines[-2:])
    pages = _pages(path)
    assert _words(secret.text) in " ".join(pages)
    assert "SALINAN EDARAN" not in " ".join(pages)


def _assert_circulated_pdf(path: Path, secret: Commitment) -> None:
    pages = _pages(path)
    text = " ".join(pages)
    assert _words(secret.text) not in text and secret.notes not in text
    assert f"(1 komitmen {NOTE})" in text
    assert all("SALINAN EDARAN" in page for page in pages)
    assert all("TERBATAS" not in (lines[0], lines[-1]) for lines in _page_lines(path))
    assert not PHONE.search(text), PHONE.search(text)


def test_the_matrix_pdf_circulated_by_default_full_and_marked_when_asked(demo, tmp_path):
    secret = _secret(demo)
    flt = matrix_scope(demo, CommitmentFilter())
    circulated = action_matrix(demo, flt, today=TODAY)
    _assert_circulated_pdf(write_matrix_pdf(circulated, tmp_path / "edaran.pdf"), secret)
    full = action_matrix(demo, flt, today=TODAY, full=True)
    _assert_full_pdf(write_matrix_pdf(full, tmp_path / "terbatas.pdf"), secret)
    # The numbers stay those of the full copy: the gap is where the terbatas one was.
    assert circulated.total == full.total - 1
    numbers = {(row.group, row.number) for row in full.rows()}
    kept = {(row.group, row.number) for row in circulated.rows()}
    (gap,) = numbers - kept
    assert gap[1] == secret.number and kept < numbers


def test_the_matrix_workbook_circulated_holds_nothing_terbatas(demo, tmp_path):
    secret = _secret(demo)
    flt = matrix_scope(demo, CommitmentFilter())
    target = write_matrix_workbook(action_matrix(demo, flt, today=TODAY), tmp_path / "e.xlsx")
    cells = " ".join(_cells(target))
    assert _words(secret.text) not in cells and secret.notes not in cells
    assert secret.action_plan not in cells
    assert f"(1 komitmen {NOTE})" in cells
    sheet = openpyxl.load_workbook(target).active
    assert "TERBATAS" not in (sheet.oddHeader.center.text or "")
    assert "SALINAN EDARAN" in sheet.oddFooter.right.text

    full = write_matrix_workbook(action_matrix(demo, flt, today=TODAY, full=True),
                                 tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(full).active
    assert "TERBATAS" in sheet.oddHeader.center.text
    assert "TERBATAS" in sheet.oddFooter.center.text and "&P" in sheet.oddFooter.center.text
    assert sheet["A1"].value.startswith("TERBATAS")
    assert _words(secret.text) in " ".join(_cells(full))


def test_the_notulen_circulated_without_terbatas_commitments_nor_mobile_numbers(demo, tmp_path):
    secret = _secret(demo)
    circulated = minutes_report(demo, secret.meeting_id)
    assert circulated.attendance.lines and not any(line.phone for line in
                                                   circulated.attendance.lines)
    _assert_circulated_pdf(write_minutes(circulated, tmp_path / "edaran.pdf"), secret)
    numbers = [entry.number for entry in circulated.commitments]
    assert secret.number not in numbers and max(numbers) > secret.number  # a gap, explained

    full = minutes_report(demo, secret.meeting_id, full=True)
    target = write_minutes(full, tmp_path / "terbatas.pdf")
    _assert_full_pdf(target, secret)
    assert PHONE.search(" ".join(_pages(target)))  # the secretariat's copy keeps them


def test_the_progress_report_names_a_terbatas_overdue_commitment_only_in_the_full_copy(
        demo, tmp_path):
    secret = _secret(demo)
    later = date(2027, 2, 1)  # past the terbatas commitment's due date: it is overdue
    with demo.reading() as session:
        task_force = session.get(Meeting, secret.meeting_id).task_force_id
    period = (date(2024, 1, 1), date(2024, 12, 31))
    circulated = progress_report(demo, task_force, *period, today=later)
    assert secret.id in {entry.commitment_id for entry in circulated.figures.overdue}
    assert secret.id not in {entry.commitment_id for _n, entry in circulated.overdue_lines}
    _assert_circulated_pdf(write_progress_pdf(circulated, tmp_path / "edaran.pdf"), secret)
    cells = " ".join(_cells(write_progress_workbook(circulated, tmp_path / "edaran.xlsx")))
    assert _words(secret.text) not in cells and f"(1 komitmen {NOTE})" in cells

    full = progress_report(demo, task_force, *period, today=later, full=True)
    _assert_full_pdf(write_progress_pdf(full, tmp_path / "terbatas.pdf"), secret)
    workbook = openpyxl.load_workbook(write_progress_workbook(full, tmp_path / "t.xlsx"))
    assert all("TERBATAS" in sheet.oddHeader.center.text for sheet in workbook)


def test_a_request_letter_quoting_a_terbatas_commitment_is_marked_or_leaves_it_out(
        demo, tmp_path):
    secret = _secret(demo)
    with demo.reading() as session:
        others = session.scalars(select(Commitment.id).join(Meeting).where(
            Commitment.lead_agency_id == secret.lead_agency_id,
            Commitment.status.in_(("not_started", "in_progress")),
            Commitment.confidential.is_(False),
            Meeting.task_force_id == select(Meeting.task_force_id)
            .where(Meeting.id == secret.meeting_id).scalar_subquery())).all()
    assert others
    draft = RequestDraft((secret.id, *others), "005/12/GT", TODAY,
                         signer=Signer("Husnul", "Ketua Harian"), nature="Segera")
    target = write_request_letter(request_letter(demo, draft, today=TODAY), tmp_path / "t.pdf")
    assert all(lines[0] == lines[-1] == "TERBATAS" for lines in _page_lines(target))
    pages = _pages(target)
    assert "Sifat : Segera, Terbatas" in " ".join(pages)

    left_out = RequestDraft(draft.commitment_ids, "005/12/GT", TODAY,
                            signer=Signer("Husnul", "Ketua Harian"), include_confidential=False)
    letter = request_letter(demo, left_out, today=TODAY)
    assert len(letter.commitments) == len(others)
    text = " ".join(_pages(write_request_letter(letter, tmp_path / "e.pdf")))
    assert _words(secret.text) not in text and "TERBATAS" not in text


def test_the_directory_circulated_without_the_contact_peoples_own_numbers(demo, tmp_path):
    with demo.reading() as session:
        people = session.scalars(select(ContactPerson).where(ContactPerson.phone != "")).all()
        offices = set(session.scalars(select(Agency.phone)))
    personal = {person.phone for person in people} - offices
    emails = {person.email for person in people if person.email}
    assert personal
    target = write_agency_directory(agency_directory(demo, today=TODAY), tmp_path / "e.xlsx")
    cells = " ".join(_cells(target))
    assert not any(phone in cells for phone in personal)
    assert not any(email in cells for email in emails)
    workbook = openpyxl.load_workbook(target)
    assert "No. HP" not in [cell.value for cell in workbook.active[4]]
    assert all("SALINAN EDARAN" in sheet.oddFooter.right.text for sheet in workbook)

    full = write_agency_directory(agency_directory(demo, today=TODAY, full=True),
                                  tmp_path / "t.xlsx")
    assert all(phone in " ".join(_cells(full)) for phone in personal)
    workbook = openpyxl.load_workbook(full)
    assert all("TERBATAS" in sheet.oddHeader.center.text
               and "TERBATAS" in sheet.oddFooter.center.text for sheet in workbook)


def test_the_kalsel_matrix_holds_only_kalsel_under_the_kalsel_kop(demo, tmp_path):
    kalsel, kaltim = _task_force(demo, "Kalimantan Selatan"), _task_force(demo, "Kalimantan Timur")
    bengkayang = _task_force(demo, "Bengkayang")
    with demo.reading() as session:
        elsewhere = session.scalars(select(Commitment.text).join(Meeting).where(
            Meeting.task_force_id.in_((kaltim, bengkayang)))).all()
    assert elsewhere
    matrix = action_matrix(demo, matrix_scope(demo, CommitmentFilter(), kalsel), today=TODAY)
    text = " ".join(_pages(write_matrix_pdf(matrix, tmp_path / "kalsel.pdf")))
    assert not any(_words(other) in text for other in elsewhere)
    assert get_letterhead(demo, kalsel).agency_line.upper() in text
    assert "Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan" in text
    # Nobody says which: the one that met last (Kalsel's rakor of December 2025).
    assert matrix_scope(demo, CommitmentFilter()).task_force_id == kalsel

    kop = get_letterhead(demo, kaltim).agency_line.upper()
    theirs = action_matrix(demo, matrix_scope(demo, CommitmentFilter(), kaltim), today=TODAY)
    assert kop in " ".join(_pages(write_matrix_pdf(theirs, tmp_path / "kaltim.pdf")))


def test_a_provinces_matrix_takes_its_kab_kota_only_when_asked_each_labelled(demo, tmp_path):
    kalsel, banjarbaru = _task_force(demo, "Kalimantan Selatan"), _task_force(demo, "Banjarbaru")
    meeting = make_meeting(demo, banjarbaru, date(2026, 3, 4), title="Rakor Kota Banjarbaru")
    agency = make_agency(demo, "Dinsos Bjb", name="Dinas Sosial Kota Banjarbaru")
    make_commitment(demo, meeting, agency, text="Membentuk pos layanan korban di Banjarbaru")

    alone = action_matrix(demo, matrix_scope(demo, CommitmentFilter(), kalsel), today=TODAY,
                          full=True)
    assert not any("Banjarbaru" in row.text for row in alone.rows())
    flt = matrix_scope(demo, CommitmentFilter(), kalsel, with_regencies=True)
    both = action_matrix(demo, flt, today=TODAY, full=True)
    assert both.total == alone.total + 1
    (line,) = [row for row in both.rows() if "pos layanan korban" in row.text]
    assert line.meeting.endswith("– Gugus Tugas PP-TPPO Kota Banjarbaru")
    assert all(row.meeting.endswith("Provinsi Kalimantan Selatan") for row in both.rows()
               if row is not line and "pos layanan" not in row.text)
    text = " ".join(_pages(write_matrix_pdf(both, tmp_path / "m.pdf")))
    assert "beserta gugus tugas kabupaten/kota" in text


def test_the_command_line_asks_for_the_copy_and_the_task_force(demo, tmp_path, capsys):
    secret = _secret(demo)
    db = ["--db", str(demo.engine.url.database)]
    kaltim = _task_force(demo, "Kalimantan Timur")
    assert main([*db, "export", "actions", "-o", str(tmp_path / "e.pdf")]) == 0
    _assert_circulated_pdf(tmp_path / "e.pdf", secret)
    assert main([*db, "export", "actions", "--with-confidential", "--with-regencies",
                 "-o", str(tmp_path / "t.pdf")]) == 0
    _assert_full_pdf(tmp_path / "t.pdf", secret)
    assert main([*db, "export", "actions", "--task-force", str(kaltim),
                 "-o", str(tmp_path / "kaltim.xlsx")]) == 0
    assert _words(secret.text) not in " ".join(_cells(tmp_path / "kaltim.xlsx"))
    assert main([*db, "export", "actions", "--task-force", "999",
                 "-o", str(tmp_path / "x.pdf")]) == 1
    for flags, check in (([], _assert_circulated_pdf),
                         (["--without-confidential"], _assert_circulated_pdf),  # as before
                         (["--with-confidential"], _assert_full_pdf)):
        target = tmp_path / f"n{len(flags)}{flags[:1]}.pdf"
        assert main([*db, "export", "minutes", str(secret.meeting_id), *flags,
                     "-o", str(target)]) == 0
        check(target, secret)
    assert main([*db, "export", "agencies", "--with-confidential",
                 "-o", str(tmp_path / "d.xlsx")]) == 0
    assert "TERBATAS" in openpyxl.load_workbook(tmp_path / "d.xlsx").active.oddHeader.center.text
    assert main([*db, "export", "meetings", "--with-regencies",
                 "-o", str(tmp_path / "j.xlsx")]) == 0
    capsys.readouterr()


def test_a_provinces_schedule_takes_its_kab_kota_meetings_only_when_asked(demo):
    from secretariat.documents.registers import meeting_schedule

    kalsel, banjarbaru = _task_force(demo, "Kalimantan Selatan"), _task_force(demo, "Banjarbaru")
    make_meeting(demo, banjarbaru, date(2025, 3, 4), title="Rakor Kota Banjarbaru")
    alone = meeting_schedule(demo, year=2025, task_force_id=kalsel, today=TODAY)
    both = meeting_schedule(demo, year=2025, task_force_id=kalsel, today=TODAY,
                            with_regencies=True)
    assert {line.task_force for line in alone.lines} == {
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan"}
    assert len(both.lines) == len(alone.lines) + 1
    assert "Gugus Tugas PP-TPPO Kota Banjarbaru" in {line.task_force for line in both.lines}
    assert "beserta gugus tugas kabupaten/kota" in both.subtitle
    assert not any("Bengkayang" in line.task_force for line in both.lines)
