"""Where the demo's documents break their pages, read back page by page from the PDFs.

On A4 and on F4: no page whose only content is a signature (the signature is on the page
of the last lines of text before it), no heading (nor a sentence ending in ":") as the last
line of a page, and no table that leaves a single row on a page. Tables are found by their
ruled cells (pdfplumber); their rows by the "No" column.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from exports.pdf.invitation import write_invitation
from exports.pdf.minutes import write_minutes
from exports.pdf.progress import write_progress_pdf
from exports.pdf.request_letter import write_request_letter
from models import Commitment, Meeting, PaperSize
from secretariat.commitments.request_letters import RequestDraft, request_letter
from secretariat.commitments.status import OPEN_STATUSES
from secretariat.demo import fill_demo
from secretariat.documents.letterhead import get_letterhead, save_letterhead
from secretariat.documents.minutes_and_attendance import minutes_report
from secretariat.documents.progress_report import progress_report
from secretariat.documents.signer import Signer
from secretariat.meetings.invitations import invitation_defaults, invitation_letter

TODAY = date(2026, 11, 22)
PAGE_NUMBER = re.compile(r"^(Halaman \d+ dari \d+|- ?\d+ ?-)$")
HEADINGS = re.compile(r"^((I|II|III|IV|V)\. [A-Z]|[A-H]\. [A-Z][a-z]|Keputusan:$)")
CLOSING = "kami ucapkan terima kasih."


@dataclasses.dataclass(frozen=True)
class Rendered:
    path: Path
    signer: str  # a line only the signature block prints: the signer's NIP or name
    last_words: str  # the last text above the signature


def _pages(path: Path) -> list[list[str]]:
    """Each page's text lines, without the page number."""
    with pdfplumber.open(path) as pdf:
        return [[line.strip() for line in (page.extract_text() or "").splitlines()
                 if line.strip() and not PAGE_NUMBER.match(line.strip())]
                for page in pdf.pages]


def _table_rows(path: Path) -> list[list[list[int]]]:
    """Per page, per ruled table: the numbers of its rows (the "No" column)."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = []
            for table in page.find_tables():
                numbers = [int(row[0]) for row in table.extract()
                           if row and row[0] and row[0].strip().isdigit()]
                if numbers:
                    tables.append(numbers)
            found.append(tables)
    return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from secretariat.storage.database import open_database

    db = open_database(tmp_path_factory.mktemp("pages") / "demo.sqlite3")
    fill_demo(db, today=TODAY)
    yield db
    db.close()


def _render(db, folder: Path, paper: PaperSize) -> dict[str, Rendered]:
    with db.reading() as session:
        rakor, task_force = session.execute(
            select(Meeting.id, Meeting.task_force_id).where(Meeting.date == date(2025, 12, 2))
        ).one()
        open_rows = session.execute(
            select(Commitment.id, Commitment.lead_agency_id).join(Meeting)
            .where(Meeting.task_force_id == task_force, Commitment.status.in_(OPEN_STATUSES))
        ).all()
    save_letterhead(db, dataclasses.replace(get_letterhead(db, task_force), paper_size=paper))
    rendered: dict[str, Rendered] = {}

    minutes = minutes_report(db, rakor)
    last = minutes.commitments[-1]
    rendered["notulen"] = Rendered(write_minutes(minutes, folder / "notulen.pdf"),
                                   minutes.chair_nip, " ".join(last.text.split()[:4]))

    defaults = invitation_defaults(db, rakor, letter_date=date(2025, 11, 25))
    letter = invitation_letter(db, rakor, defaults.draft)
    rendered["undangan"] = Rendered(write_invitation(letter, folder / "undangan.pdf"),
                                    letter.signer.nip or letter.signer.name, CLOSING)

    lead = Counter(agency for _id, agency in open_rows).most_common(1)[0][0]
    ids = tuple(commitment for commitment, agency in open_rows if agency == lead)
    request = request_letter(db, RequestDraft(ids, "400/123/DP3AKB", TODAY, signer=Signer(
        "Husnul Hatimah", "Ketua Harian", nip="196809151993032008")), today=TODAY)
    rendered["permintaan"] = Rendered(write_request_letter(request, folder / "permintaan.pdf"),
                                      request.signer.nip, CLOSING)

    for year in (2025, 2026):  # a year with a rakor, and one without (earlier ones overdue)
        report = progress_report(db, task_force, date(year, 1, 1), date(year, 12, 31),
                                 today=TODAY)
        rendered[f"laporan {year}"] = Rendered(
            write_progress_pdf(report, folder / f"laporan{year}.pdf"),
            report.signer_nip or report.signer_name, CLOSING)
    return rendered


@pytest.fixture(scope="module", params=[PaperSize.A4, PaperSize.F4], ids=["A4", "F4"])
def documents(request, demo, tmp_path_factory):
    return _render(demo, tmp_path_factory.mktemp(f"pages-{request.param}"), request.param)


DOCUMENTS = ["notulen", "undangan", "permintaan", "laporan 2025", "laporan 2026"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_signature_keeps_with_the_last_lines_of_text(documents, name):
    document = documents[name]
    pages = _pages(document.path)
    signed = [index for index, lines in enumerate(pages)
              if any(document.signer in line for line in lines)]
    assert signed, f"{name}: the signature is missing"
    page = signed[-1]
    flat = " ".join(pages[page])
    assert document.last_words in flat, (
        f"{name}: the signature stands on page {page + 1} without the text before it")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_page_ends_with_a_heading(documents, name):
    for number, lines in enumerate(_pages(documents[name].path), start=1):
        assert lines, f"{name}: page {number} is empty"
        last = lines[-1]
        assert not HEADINGS.match(last), f"{name}: page {number} ends with heading {last!r}"
        assert not last.endswith(":"), f"{name}: page {number} ends with {last!r}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_table_leaves_a_single_row_on_a_page(documents, name):
    pages = _table_rows(documents[name].path)
    for index, tables in enumerate(pages):
        for rows in tables:
            if len(rows) != 1:
                continue
            (row,) = rows
            following = pages[index + 1][0] if index + 1 < len(pages) and pages[index + 1] \
                else []
            assert row == 1, f"{name}: row {row} of a table stands alone on page {index + 1}"
            assert following[:1] != [2], (
                f"{name}: the first row of a table stands alone at the foot of page "
                f"{index + 1}")


# --- the smaller points of every PDF --------------------------------------------------------

MONTH_BROKEN = re.compile(r"\b\d{1,2}\n(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                          r"September|Oktober|November|Desember)\b|(Januari|Februari|Maret|"
                          r"April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"
                          r"\n\d{4}\b")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_date_is_broken_over_two_lines(documents, name):
    with pdfplumber.open(documents[name].path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            found = MONTH_BROKEN.search(page.extract_text() or "")
            assert not found, f"{name}: page {number} breaks the date {found.group(0)!r}"


def test_the_kop_sets_its_contact_details_apart(documents):
    kop = _pages(documents["undangan"].path)[0][:6]
    flat = " ".join(kop)
    assert "· Telepon" in flat and "· Pos-el" in flat and "· Laman" in flat


def test_letters_are_numbered_the_tata_naskah_dinas_way_and_annexes_of_the_total(documents):
    with pdfplumber.open(documents["undangan"].path) as pdf:
        first, second = (page.extract_text() or "" for page in pdf.pages[:2])
        top_of_second = pdf.pages[1].crop((0, 0, pdf.pages[1].width, 50)).extract_text()
    assert not re.search(r"- ?1 ?-|Halaman", first)  # none on the kop page
    assert re.fullmatch(r"- ?2 ?-", top_of_second.strip())  # alone, at the top centre
    notulen = _pages(documents["notulen"].path)  # with its daftar hadir: "x dari y" always
    with pdfplumber.open(documents["notulen"].path) as pdf:
        last = pdf.pages[-1].extract_text()
    assert f"Halaman {len(notulen)} dari {len(notulen)}" in last


def test_draft_minutes_say_draf_and_wrapped_items_hang(demo, tmp_path):
    from exports.pdf.layout import Styles as PdfStyles
    from exports.pdf.layout import number, paragraphs, unbroken_dates

    assert number(2166) == "2.166"
    assert unbroken_dates("s.d. 31 Desember 2026.") == "s.d. 31\u00a0Desember\u00a02026."
    styles = PdfStyles(get_letterhead(demo))
    items = paragraphs("Pengantar:\n1. Butir pertama\nlanjutannya\n2. Butir kedua", styles.body)
    assert [item.bulletText for item in items] == [None, "1.", "2."]
    assert items[1].style.leftIndent > items[1].style.bulletIndent  # the wrapped lines hang

    with demo.reading() as session:
        rakor = session.scalar(select(Meeting.id).where(Meeting.date == date(2025, 12, 2)))
    report = dataclasses.replace(minutes_report(demo, rakor), draft=True)
    target = write_minutes(report, tmp_path / "d.pdf")
    marks = " ".join(page.extract_text() for page in PdfReader(target).pages)  # rotated text
    assert "DRAF" in marks and "DRAFT" not in marks
