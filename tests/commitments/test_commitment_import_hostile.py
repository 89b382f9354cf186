"""Hostile and messy matriks tindak lanjut workbooks, as secretariat clerks really bring
them, imported into a meeting. What a careful import must do: take what is plainly meant,
refuse what is not with the row named, write nothing when anything is refused, keep text
as typed, never invent a value and never lose one silently.

Tests marked xfail(strict=True) document bugs found; the reason says what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from factories import make_agency, make_meeting, make_task_force, version_of
from openpyxl import Workbook
from sqlalchemy import event

from exports.excel.reading import read_table
from models import CommitmentStatus, Meeting
from secretariat.commitments.follow_ups import list_follow_ups
from secretariat.commitments.queries import CommitmentFilter, get_commitment, list_commitments
from secretariat.commitments.workbook_import import COLUMNS, REQUIRED, import_commitments
from secretariat.errors import RefusedError
from secretariat.importing import ImportRefused
from secretariat.meetings.lifecycle import cancel_meeting, finalise_minutes, mark_held

TODAY = date(2026, 11, 25)
MEETING_DAY = date(2026, 9, 2)
HEADINGS = ["No", "Kesepakatan/Komitmen", "Rencana Aksi", "Penanggung Jawab",
            "Instansi Pendukung", "Batas Waktu", "Status", "Progres (%)", "Kendala",
            "Keterangan"]
FIRST_ROW = 3  # title on row 1, headings on row 2


@dataclass(frozen=True)
class Cell:
    """A cell written with a number format, or kept as text although it looks like a formula."""
    value: object
    number_format: str | None = None
    as_text: bool = False


def line(text="Menyusun SOP rujukan korban", lead="Dinsos Kalsel", supporting="", due="",
         status="", progress="", obstacles="", notes="", plan="", no=1):
    return [no, text, plan, lead, supporting, due, status, progress, obstacles, notes]


def workbook(path, rows, *, headings=HEADINGS, titles=("MATRIKS TINDAK LANJUT",),
             merged_titles=()):
    """`merged_titles`: {row_index_in_rows: text} lines written as one merged cell across
    the row, like the group headings of the matrix PDF."""
    book = Workbook()
    sheet = book.active
    for title in titles:
        sheet.append([title])
    sheet.append(list(headings))
    for row in rows:
        if isinstance(row, str):  # a group heading merged across the row
            sheet.append([row])
            number = sheet.max_row
            sheet.merge_cells(start_row=number, start_column=1, end_row=number,
                              end_column=len(headings))
            continue
        sheet.append([cell.value if isinstance(cell, Cell) else
                      (None if cell == "" else cell) for cell in row])
        number = sheet.max_row
        for column, cell in enumerate(row, start=1):
            if isinstance(cell, Cell):
                target = sheet.cell(number, column)
                if cell.number_format:
                    target.number_format = cell.number_format
                if cell.as_text:
                    target.value = cell.value
                    target.data_type = "s"
    book.save(path)
    return path


@pytest.fixture
def setting(db):
    task_force = make_task_force(db)
    agencies = {
        "Dinsos": make_agency(db, "Dinsos Kalsel", name="Dinas Sosial Provinsi Kalimantan Selatan"),
        "Polda": make_agency(db, "Polda Kalsel", name="Kepolisian Daerah Kalimantan Selatan"),
        "Imigrasi": make_agency(db, "Kanwil Imigrasi Kalsel", name="Kantor Wilayah Imigrasi"),
    }
    meeting = make_meeting(db, task_force, MEETING_DAY, title="Rakor Triwulan III",
                           chair_name="Husnul Hatimah")
    return dict(task_force=task_force, meeting=meeting, **agencies)


def run(db, meeting, path, **kw):
    lines = read_table(path, COLUMNS, required=REQUIRED)
    return import_commitments(db, meeting, lines, today=TODAY, source=path.name, **kw)


def agreed(db, meeting):
    rows = list_commitments(db, CommitmentFilter(meeting_id=meeting), limit=None, today=TODAY)
    return sorted(rows, key=lambda row: row.number)


def only(db, setting, tmp_path, **fields):
    """Import one line; return the commitment it became."""
    run(db, setting["meeting"], workbook(tmp_path / "m.xlsx", [line(**fields)]))
    (row,) = agreed(db, setting["meeting"])
    return row


def refused(db, setting, tmp_path, rows, **kw):
    """Import rows expected to be refused; return {row: message}, checking nothing was written."""
    with pytest.raises(ImportRefused) as caught:
        run(db, setting["meeting"], workbook(tmp_path / "m.xlsx", rows, **kw))
    assert agreed(db, setting["meeting"]) == []
    return {problem.row: problem.message for problem in caught.value.problems}


def refused_one(db, setting, tmp_path, **fields):
    problems = refused(db, setting, tmp_path, [line(**fields)])
    assert list(problems) == [FIRST_ROW]
    return problems[FIRST_ROW]


# --- due dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("due", [
    datetime(2026, 12, 31), datetime(2026, 12, 31, 16, 30),
    Cell(datetime(2026, 12, 31), "DD/MM/YYYY"), Cell(date(2026, 12, 31), "d mmmm yyyy"),
    "31-12-2026", "31/12/2026", "31.12.2026", "2026-12-31", " 31 Des 2026 ", "31 Desember 2026",
    "31 Dec 2026", "31 desember 2026", "Kamis, 31 Desember 2026",
])
def test_due_dates_clerks_write_are_read(db, setting, tmp_path, due):
    assert only(db, setting, tmp_path, due=due).due_date == date(2026, 12, 31)


@pytest.mark.parametrize("due", [
    "31/12/26",  # two-digit year: 1926 or 2026? never guessed
    "Desember 2026", "akhir Desember", "TW IV 2026", "Triwulan IV", "s.d. 31-12-2026",
    "31-02-2027", "30 Februari 2027", "2027-13-01", "12/31/2026",  # US order: month 31
    "31 Nopember 2026", "segera", "-",
    46387,  # Excel serial number of 31-12-2026 in a General cell: not guessed to be a date
    Cell(46387, "General"),
])
def test_due_dates_that_are_no_date_are_refused_by_row(db, setting, tmp_path, due):
    message = refused_one(db, setting, tmp_path, due=due)
    shown = due.value if isinstance(due, Cell) else due
    assert str(shown).strip() in message


def test_an_impossible_date_among_good_lines_names_only_its_row(db, setting, tmp_path):
    problems = refused(db, setting, tmp_path, [
        line(due="31-12-2026"), line("Patroli", due="31-02-2027", no=2),
        line("Pendataan", due="15 Maret 2027", no=3)])
    assert list(problems) == [FIRST_ROW + 1] and "31-02-2027" in problems[FIRST_ROW + 1]


def test_a_due_date_before_the_meeting_is_refused(db, setting, tmp_path):
    refused_one(db, setting, tmp_path, due=datetime(2026, 3, 31))


@pytest.mark.xfail(strict=True, reason="BUG: read_table opens with data_only=True, so a "
                   "formula cell with no saved value reads as None -> '' and the due date "
                   "is silently left empty instead of refused")
def test_a_due_date_in_a_formula_cell_excel_never_calculated_is_not_silently_dropped(
        db, setting, tmp_path):
    # A workbook made by a script or a web export: the formula has no saved value.
    path = workbook(tmp_path / "m.xlsx", [line(due="=DATE(2026,12,31)")])
    try:
        run(db, setting["meeting"], path)
    except ImportRefused:
        return  # refused: fine
    (row,) = agreed(db, setting["meeting"])
    assert row.due_date is not None


# --- progress -------------------------------------------------------------------------------

@pytest.mark.parametrize("progress, expected", [
    (Cell(0.45, "0%"), 45), (0.45, 45), ("45%", 45), ("45 %", 45), (45, 45), ("45", 45),
    (Cell(0.455, "0.0%"), 46), ("45,6", 46), ("0", 0), (Cell(0, "0%"), 0),
])
def test_progress_in_the_forms_clerks_write(db, setting, tmp_path, progress, expected):
    row = only(db, setting, tmp_path, status="Dalam Proses", progress=progress)
    assert (row.status, row.progress) == (CommitmentStatus.IN_PROGRESS, expected)


@pytest.mark.parametrize("progress", ["empat puluh", 150, "150%", -5, "-5%", "45-50", "n/a",
                                      "Rp 45"])
def test_progress_that_is_no_percentage_is_refused_by_row(db, setting, tmp_path, progress):
    refused_one(db, setting, tmp_path, status="Dalam Proses", progress=progress)


def test_a_done_line_with_a_100_percent_cell_is_taken(db, setting, tmp_path):
    row = only(db, setting, tmp_path, status="Selesai", progress=Cell(1, "0%"))
    assert (row.status, row.progress) == (CommitmentStatus.DONE, 100)


def test_in_progress_with_a_100_percent_cell_is_not_written_as_1_percent(db, setting,
                                                                       tmp_path):
    refused_one(db, setting, tmp_path, status="Dalam Proses", progress=Cell(1, "0%"))


def test_half_a_percent_typed_with_the_sign_is_not_fifty(db, setting, tmp_path):
    row = only(db, setting, tmp_path, status="Dalam Proses", progress="0,5%")
    assert row.progress in (0, 1)


def test_a_negative_fraction_of_progress_is_refused(db, setting, tmp_path):
    refused_one(db, setting, tmp_path, status="Dalam Proses", progress="-0,4")


@pytest.mark.parametrize("progress", ["nan", "NaN", "inf"])
def test_nan_progress_is_refused_not_a_crash(db, setting, tmp_path, progress):
    refused_one(db, setting, tmp_path, status="Dalam Proses", progress=progress)


def test_half_percent_rounds_up_consistently(db, setting, tmp_path):
    row = only(db, setting, tmp_path, status="Dalam Proses", progress="44,5")
    assert row.progress == 45


def test_progress_without_a_status_is_refused_not_guessed(db, setting, tmp_path):
    refused_one(db, setting, tmp_path, progress="45%")


# --- status ---------------------------------------------------------------------------------

@pytest.mark.parametrize("status, expected", [
    ("selesai", CommitmentStatus.DONE), ("SELESAI ", CommitmentStatus.DONE),
    ("  Selesai", CommitmentStatus.DONE), ("dalam   proses", CommitmentStatus.IN_PROGRESS),
    ("Dalam\xa0Proses", CommitmentStatus.IN_PROGRESS),
    ("BELUM DITINDAKLANJUTI", CommitmentStatus.NOT_STARTED), ("", CommitmentStatus.NOT_STARTED),
])
def test_status_in_any_case_and_spacing(db, setting, tmp_path, status, expected):
    row = only(db, setting, tmp_path, status=status)
    assert row.status is expected
    assert row.progress == (100 if expected is CommitmentStatus.DONE else 0)


@pytest.mark.parametrize("status", ["sudah ditindaklanjuti", "On progress", "Belum sesuai",
                                    "Proses", "OK", "v", "100%"])
def test_status_in_other_words_is_refused_naming_it(db, setting, tmp_path, status):
    assert status in refused_one(db, setting, tmp_path, status=status)


def test_done_with_progress_80_is_refused(db, setting, tmp_path):
    refused_one(db, setting, tmp_path, status="Selesai", progress=80)


def test_cannot_be_followed_up_takes_its_reason_from_keterangan(db, setting, tmp_path):
    row = only(db, setting, tmp_path, status="Tidak Dapat Ditindaklanjuti",
               notes="Perkara masih di pengadilan")
    assert row.status is CommitmentStatus.CANNOT
    assert get_commitment(db, row.id, today=TODAY).status_reason == "Perkara masih di pengadilan"
    (log,) = list_follow_ups(db, row.id)
    assert (log.status_after, log.status_reason) == (CommitmentStatus.CANNOT,
                                                   "Perkara masih di pengadilan")


@pytest.mark.parametrize("notes", ["", "   ", "Terlambat 12 hari", "Terlambat 2.166 hari",
                                   "Terlambat 2166 hari"])
def test_cannot_be_followed_up_without_a_reason_is_refused(db, setting, tmp_path, notes):
    refused_one(db, setting, tmp_path, status="tidak dapat ditindaklanjuti", notes=notes)


def test_a_clerks_own_note_about_lateness_is_kept(db, setting, tmp_path):
    row = only(db, setting, tmp_path, notes="Terlambat 3 hari karena banjir")
    assert get_commitment(db, row.id, today=TODAY).notes == "Terlambat 3 hari karena banjir"


# --- agencies -------------------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["  Dinsos   Kalsel  ", "Dinsos\xa0Kalsel", "DINSOS KALSEL",
                                  "dinsos kalsel", "Dinsos\nKalsel", "\tDinsos Kalsel",
                                  "Dinas Sosial Provinsi Kalimantan Selatan",
                                  "DINAS SOSIAL PROVINSI  KALIMANTAN SELATAN"])
def test_the_lead_agency_however_spaced_or_cased(db, setting, tmp_path, lead):
    assert only(db, setting, tmp_path, lead=lead).lead_agency == "Dinsos Kalsel"


@pytest.mark.parametrize("lead", ["Dinas Sosial Provinsi Kalimantan Selatn",  # typo
                                  "Dinsos Kalsel, Polda Kalsel", "Dinsos Kalsel; Polda Kalsel",
                                  "Dinsos Kalsel dan Polda Kalsel", "Dinsos\u200bKalsel",
                                  "Dinsos"])
def test_a_lead_that_is_not_one_registered_agency_is_refused(db, setting, tmp_path, lead):
    message = refused_one(db, setting, tmp_path, lead=lead)
    assert lead.replace("\u200b", "")[:6] in message.replace("\u200b", "")


def test_supporting_agencies_on_separate_lines_of_the_cell(db, setting, tmp_path):
    row = only(db, setting, tmp_path,
               supporting="Polda Kalsel\nKanwil Imigrasi Kalsel\n\n ; kepolisian daerah "
                          "kalimantan selatan,")
    detail = get_commitment(db, row.id, today=TODAY)
    assert sorted(detail.supporting_agency_ids) == sorted([setting["Polda"], setting["Imigrasi"]])


@pytest.mark.parametrize("supporting", ["Polda Kalsel dan Kanwil Imigrasi Kalsel",
                                        "Polda Kalsel / Kanwil Imigrasi Kalsel",
                                        "Polda Kalsel & Kanwil Imigrasi Kalsel"])
def test_supporting_agencies_joined_by_words_are_refused_not_half_taken(db, setting, tmp_path,
                                                                         supporting):
    assert supporting in refused_one(db, setting, tmp_path, supporting=supporting)


def test_the_lead_repeated_among_supporting_is_refused_naming_it(db, setting, tmp_path):
    message = refused_one(db, setting, tmp_path, lead="Dinsos Kalsel",
                          supporting="Polda Kalsel, dinsos kalsel")
    assert "Dinsos Kalsel" in message


def test_an_archived_agency_is_refused(db, setting, tmp_path):
    from models import Agency
    from secretariat.agencies.register import archive_agency

    archive_agency(db, setting["Polda"], version_of(db, Agency, setting["Polda"]))
    refused_one(db, setting, tmp_path, lead="Polda Kalsel")


# --- text -----------------------------------------------------------------------------------

def test_text_is_kept_as_typed_formulas_and_markup_included(db, setting, tmp_path):
    path = workbook(tmp_path / "m.xlsx", [
        line(text=Cell("=1+1", as_text=True)),
        line(text="<b>Patroli</b> & 'razia' \"terpadu\"", no=2),
        line(text="@SUM(A1) +62 -baris", no=3),
        line(text="Pertama\nKedua\n\nKetiga", plan=Cell("=HYPERLINK(\"x\")", as_text=True),
             no=4),
    ])
    run(db, setting["meeting"], path)
    rows = agreed(db, setting["meeting"])
    assert [row.text for row in rows] == [
        "=1+1", "<b>Patroli</b> & 'razia' \"terpadu\"", "@SUM(A1) +62 -baris",
        "Pertama\nKedua\n\nKetiga"]
    assert get_commitment(db, rows[3].id, today=TODAY).action_plan == '=HYPERLINK("x")'


def test_commitment_text_over_the_limit_is_refused_and_at_the_limit_taken(db, setting,
                                                                         tmp_path):
    problems = refused(db, setting, tmp_path, [line(text="x" * 10_000),
                                               line(text="y" * 10_001, no=2)])
    assert list(problems) == [FIRST_ROW + 1] and "10001" in problems[FIRST_ROW + 1].replace(
        ".", "").replace(",", "")


def test_a_line_without_commitment_text_is_refused(db, setting, tmp_path):
    refused_one(db, setting, tmp_path, text="", status="Selesai")


def test_two_identical_lines_are_a_copy_slip_refused_by_the_second_row(db, setting, tmp_path):
    problems = refused(db, setting, tmp_path, [line(), line(no=2)])
    assert list(problems) == [FIRST_ROW + 1] and "nomor 1" in problems[FIRST_ROW + 1]


# --- layout of the sheet --------------------------------------------------------------------

def test_empty_lines_and_a_group_heading_are_passed_over_rows_stay_right(db, setting,
                                                                        tmp_path):
    rows = ["Rakor Triwulan III", line(text="A"), [None] * 10, [None] * 10,
            line(text="B", no=2), line(text="C", lead="BNN", no=3)]
    problems = refused(db, setting, tmp_path, rows)
    assert list(problems) == [FIRST_ROW + 5]  # the heading, A, two blanks, B, then C
    rows[-1] = line(text="C", no=3)
    run(db, setting["meeting"], workbook(tmp_path / "m2.xlsx", rows))
    assert [row.text for row in agreed(db, setting["meeting"])] == ["A", "B", "C"]


def test_a_workbook_grouped_by_two_meetings_is_not_silently_merged(db, setting, tmp_path):
    refused(db, setting, tmp_path, [
        "Rakor Triwulan II (03-06-2026)", line(text="A"),
        "Rakor Triwulan III (02-09-2026)", line(text="B", no=2)])


def test_a_group_heading_typed_in_the_commitment_column_is_refused_by_row(db, setting,
                                                                          tmp_path):
    problems = refused(db, setting, tmp_path, [
        line(text="A. BIDANG PENCEGAHAN", lead="", no=None), line(text="A")])
    assert list(problems) == [FIRST_ROW]


def test_a_second_row_of_a_vertically_merged_commitment_is_refused_not_lost(db, setting,
                                                                            tmp_path):
    # The clerk merged the commitment cell over two rows, one per reporting agency.
    problems = refused(db, setting, tmp_path, [
        line(text="Patroli", lead="Polda Kalsel", status="Dalam Proses", progress=40),
        line(text="", lead="", no=None, status="Selesai", obstacles="Anggaran")])
    assert list(problems) == [FIRST_ROW + 1]


def test_lines_of_two_meetings_by_the_rapat_column_even_spaced_differently(db, setting,
                                                                           tmp_path):
    headings = ["Rapat"] + HEADINGS[1:]
    path = workbook(tmp_path / "m.xlsx", [
        ["Rakor III", "A", "", "Dinsos Kalsel", "", "", "", "", "", ""],
        ["  rakor   III ", "B", "", "Dinsos Kalsel", "", "", "", "", "", ""],
        ["Rakor IV", "C", "", "Dinsos Kalsel", "", "", "", "", "", ""]], headings=headings)
    with pytest.raises(ImportRefused) as caught:
        run(db, setting["meeting"], path)
    assert [problem.row for problem in caught.value.problems] == [FIRST_ROW + 2]


# --- many lines -----------------------------------------------------------------------------

def _many(count, *, last=None):
    rows = [line(text=f"Komitmen {n}", no=n, due=datetime(2027, 1, 1 + n % 28),
                 supporting="Polda Kalsel" if n % 2 else "",
                 status=("Dalam Proses" if n % 3 else ""), progress=(n % 99 + 1 if n % 3 else ""))
            for n in range(1, count + 1)]
    if last is not None:
        rows[-1] = last
    return rows


def test_two_thousand_lines_are_all_written_quickly(db, setting, tmp_path):
    path = workbook(tmp_path / "m.xlsx", _many(2000))
    statements = []
    # Not timed here (speed belongs to the benchmark, and a busy machine fails a clock):
    # what keeps it quick is that the import does not talk to the database per cell.
    listen = lambda *args: statements.append(1)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        outcome = run(db, setting["meeting"], path)
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert (outcome.commitments_added, outcome.written) == (2000, True)
    rows = agreed(db, setting["meeting"])
    assert [row.number for row in rows] == list(range(1, 2001))
    assert rows[-1].text == "Komitmen 2000"
    assert outcome.follow_ups_added == sum(1 for n in range(1, 2001) if n % 3)
    # About five per line (the commitment, its follow-up, its agencies); per cell would be
    # five times more.
    assert len(statements) < 6 * 2000, f"{len(statements)} statements for 2,000 lines"


def test_two_thousand_lines_with_the_last_refused_write_none(db, setting, tmp_path):
    path = workbook(tmp_path / "m.xlsx", _many(2000, last=line(text="x", lead="BNN")))
    with pytest.raises(ImportRefused) as caught:
        run(db, setting["meeting"], path)
    assert [problem.row for problem in caught.value.problems] == [FIRST_ROW + 1999]
    assert agreed(db, setting["meeting"]) == []


# --- the meeting ----------------------------------------------------------------------------

def test_a_cancelled_meeting_takes_no_commitments(db, setting, tmp_path):
    meeting = setting["meeting"]
    cancel_meeting(db, meeting, "Ditunda karena banjir", version_of(db, Meeting, meeting))
    path = workbook(tmp_path / "m.xlsx", [line()])
    for trial in (True, False):
        with pytest.raises(RefusedError):
            run(db, meeting, path, trial=trial)
    assert agreed(db, meeting) == []


def test_a_meeting_with_final_minutes_takes_no_commitments(db, setting, tmp_path):
    meeting = setting["meeting"]
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=TODAY)
    finalise_minutes(db, meeting, version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        run(db, meeting, workbook(tmp_path / "m.xlsx", [line(status="Selesai")]))
    assert agreed(db, meeting) == []


def test_importing_the_same_workbook_twice_is_refused_line_by_line(db, setting, tmp_path):
    path = workbook(tmp_path / "m.xlsx", [line(text="A", status="Selesai"), line(text="B", no=2)])
    run(db, setting["meeting"], path)
    with pytest.raises(ImportRefused) as second:
        run(db, setting["meeting"], path)
    assert [problem.row for problem in second.value.problems] == [FIRST_ROW, FIRST_ROW + 1]
    assert [(row.number, row.text) for row in agreed(db, setting["meeting"])] == [
        (1, "A"), (2, "B")]


def test_a_trial_run_of_a_messy_workbook_reports_what_a_real_run_does(db, setting, tmp_path):
    path = workbook(tmp_path / "m.xlsx", [line(status="selesai"), line(text="B", no=2)])
    trial = run(db, setting["meeting"], path, trial=True)
    assert agreed(db, setting["meeting"]) == []
    real = run(db, setting["meeting"], path)
    assert (trial.commitments_added, trial.follow_ups_added) == (
        real.commitments_added, real.follow_ups_added) == (2, 1)
