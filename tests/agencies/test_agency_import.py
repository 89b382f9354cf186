"""Importing an agency register kept in a spreadsheet: headings as secretariats write them,
all lines or none, a trial run, the program's own direktori read back, broken files."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_province, make_workbook

from exports.excel.reading import read_table
from exports.excel.registers import write_agency_directory
from models import AgencyLevel
from secretariat.agencies.contacts import list_contacts
from secretariat.agencies.register import list_agencies
from secretariat.agencies.workbook_import import COLUMNS, REQUIRED, import_agencies
from secretariat.demo import fill_demo
from secretariat.documents.registers import agency_directory
from secretariat.errors import FileProblem, ValidationError
from secretariat.importing import ImportRefused

HEADINGS = ["No", "Nama Instansi", "Singkatan", "Tingkat", "Wilayah", "Alamat", "Telepon",
            "Nama Narahubung", "Jabatan", "No. HP", "Email", "Narahubung Utama"]
GOOD = [
    [1, "Dinas Sosial Provinsi Kalimantan Selatan", "Dinsos Kalsel", "Provinsi", "63",
     "Jl. Letjen R. Suprapto No. 3, Banjarmasin", "(0511) 3350 000", "Siti Nuriyani",
     "Kepala Dinas", "0812-5000-1111", "siti@dinsos.kalselprov.go.id", "Ya"],
    [2, "Dinas Sosial Provinsi Kalimantan Selatan", "Dinsos Kalsel", "Provinsi", "63", "", "",
     "Akhmad Fauzi", "Kepala Bidang", 81350509044, "", ""],
    [3, "LSM <Mitra> & Sahabat =1+1", "LSM Mitra", "Masyarakat", "Kalimantan Selatan", "",
     "", "", "", "", "", ""],
]


def _workbook(path, rows, headings=HEADINGS, *, title_rows=2):
    titles = [f"DAFTAR INSTANSI ANGGOTA ({number + 1})" for number in range(title_rows)]
    return make_workbook(path, headings, rows, titles=titles)


def _lines(path):
    return read_table(path, COLUMNS, required=REQUIRED)


@pytest.fixture
def province(db) -> int:
    return make_province(db)


def test_a_register_under_a_title_comes_in_with_its_contacts(db, province, tmp_path):
    lines = _lines(_workbook(tmp_path / "instansi.xlsx", GOOD))

    outcome = import_agencies(db, lines)

    assert outcome.written and outcome.agencies_added == ("Dinsos Kalsel", "LSM Mitra")
    assert outcome.contacts_added == 2
    agencies = {row.abbreviation: row for row in list_agencies(db)}
    dinsos = agencies["Dinsos Kalsel"]
    assert (dinsos.level, dinsos.region_id, dinsos.phone) == (
        AgencyLevel.PROVINCE, province, "(0511) 3350 000")
    assert agencies["LSM Mitra"].name == "LSM <Mitra> & Sahabat =1+1"  # as typed, no formula
    assert agencies["LSM Mitra"].level is AgencyLevel.COMMUNITY
    contacts = {c.name: c for c in list_contacts(db, dinsos.id)}
    assert contacts["Siti Nuriyani"].focal_point and not contacts["Akhmad Fauzi"].focal_point
    # A number Excel kept as a number gets back the 0 it dropped.
    assert contacts["Akhmad Fauzi"].phone == "081350509044"


def test_any_refused_line_stops_the_whole_import_and_every_one_is_named(db, province,
                                                                      tmp_path):
    bad = GOOD + [
        [4, "", "Tanpa Nama", "", "", "", "", "", "", "", "", ""],
        [5, "Kantor Imigrasi Kelas I Banjarmasin", "Imigrasi", "Kecamatan", "", "", "", "",
         "", "", "", ""],
        [6, "Kepolisian Daerah Kalimantan Selatan", "Polda", "", "99", "", "", "", "", "",
         "", ""],
        [7, "Dinas Sosial Provinsi Kalimantan Selatan", "DINSOS", "", "", "", "", "", "", "",
         "", ""],
        [8, "Badan Narkotika", "BNN", "", "", "", "", "Budi", "", "", "bukan-surel", ""],
    ]
    lines = _lines(_workbook(tmp_path / "instansi.xlsx", bad))

    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, lines)

    assert [problem.row for problem in refused.value.problems] == [7, 8, 9, 10, 11]
    assert list_agencies(db) == []  # not even the good lines


def test_a_trial_run_tells_what_would_happen_and_writes_nothing(db, province, tmp_path):
    outcome = import_agencies(db, _lines(_workbook(tmp_path / "i.xlsx", GOOD)), trial=True)
    assert not outcome.written and outcome.agencies_added == ("Dinsos Kalsel", "LSM Mitra")
    assert list_agencies(db) == []


def test_the_programs_own_directory_reads_back_without_duplicates(db, tmp_path):
    # Given the demo and its direktori instansi written as a workbook
    fill_demo(db, today=date(2026, 11, 25))
    before = len(list_agencies(db))
    target = write_agency_directory(agency_directory(db), tmp_path / "direktori.xlsx")

    outcome = import_agencies(db, _lines(target))

    # Then every agency is recognised as registered, and no contact is added twice
    assert outcome.agencies_added == () and outcome.contacts_added == 0
    assert len(outcome.already_registered) == before
    assert len(list_agencies(db)) == before


def test_archived_lines_are_left_out(db, province, tmp_path):
    headings = HEADINGS + ["Status"]
    rows = [row + ["Aktif"] for row in GOOD[:1]] + [
        [2, "Badan Lama", "BL", "Provinsi", "", "", "", "", "", "", "", "", "Diarsipkan"]]
    outcome = import_agencies(db, _lines(_workbook(tmp_path / "i.xlsx", rows, headings)))
    assert outcome.agencies_added == ("Dinsos Kalsel",) and outcome.archived_skipped == ("BL",)


def test_a_workbook_without_the_columns_is_explained(tmp_path):
    path = _workbook(tmp_path / "lain.xlsx", [[1, "x"]], headings=["No", "Keterangan"])
    with pytest.raises(ValidationError) as refused:
        _lines(path)
    assert "Singkatan" in refused.value.message and "Instansi" in refused.value.message


@pytest.mark.parametrize("content", [b"bukan buku kerja", b"PK\x03\x04rusak", b""])
def test_a_file_that_is_no_workbook_is_refused_in_words(tmp_path, content):
    path = tmp_path / "instansi.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as refused:
        _lines(path)
    assert "instansi.xlsx" in refused.value.message


def test_a_missing_file_is_refused_in_words(tmp_path):
    with pytest.raises(FileProblem):
        _lines(tmp_path / "tidak-ada.xlsx")


def test_workbooks_are_read_through_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML  # a crafted workbook cannot expand entities into gigabytes


def test_the_command_line_tries_imports_and_names_refused_rows(tmp_path, capsys):
    from secretariat.cli.main import EXIT_FAILED, EXIT_OK, main
    from secretariat.storage.database import open_database

    path = tmp_path / "baru.sqlite3"
    db = open_database(path)
    make_province(db)
    db.close()
    good = _workbook(tmp_path / "baik.xlsx", GOOD)
    assert main(["--db", str(path), "import", "agencies", str(good), "--trial"]) == EXIT_OK
    assert "Uji coba" in capsys.readouterr().out
    assert main(["--db", str(path), "import", "agencies", str(good)]) == EXIT_OK
    assert "2 instansi baru" in capsys.readouterr().out
    bad = _workbook(tmp_path / "buruk.xlsx", [[1, "", "X", "", "", "", "", "", "", "", "", ""]])
    assert main(["--db", str(path), "import", "agencies", str(bad)]) == EXIT_FAILED
    assert "Baris 4:" in capsys.readouterr().err


def test_a_second_contact_line_may_leave_the_agencys_cells_empty(db, province, tmp_path):
    # As clerks write lists: the agency once, its further contacts on the lines below.
    rows = [GOOD[0], ["", "", "", "", "", "", "", "Akhmad Fauzi", "Kepala Bidang",
                      "0813-5050-9044", "", ""]]
    outcome = import_agencies(db, _lines(_workbook(tmp_path / "i.xlsx", rows)))
    assert outcome.agencies_added == ("Dinsos Kalsel",) and outcome.contacts_added == 2
    dinsos = {row.abbreviation: row for row in list_agencies(db)}["Dinsos Kalsel"]
    assert {c.name for c in list_contacts(db, dinsos.id)} == {"Siti Nuriyani", "Akhmad Fauzi"}


def test_a_refused_line_names_its_agency(db, province, tmp_path):
    rows = [[1, "Forum Anak Daerah Kalsel", "", "Masyarakat", "", "", "", "", "", "", "", ""]]
    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, _lines(_workbook(tmp_path / "i.xlsx", rows)))
    assert refused.value.problems[0].message.startswith("Forum Anak Daerah Kalsel: ")


def test_a_workbook_with_nothing_new_says_so_in_words(db, tmp_path):
    from secretariat.agencies.workbook_import import summary

    fill_demo(db, today=date(2026, 11, 25))
    target = write_agency_directory(agency_directory(db), tmp_path / "direktori.xlsx")
    text = summary(import_agencies(db, _lines(target), trial=True))
    assert "sudah terdaftar" in text and "0 instansi" not in text


def test_group_headings_between_agencies_are_passed_over(db, province, tmp_path):
    rows = [["A. INSTANSI PEMERINTAH"] + [""] * 11, GOOD[0],
            ["B. MASYARAKAT"] + [""] * 11, GOOD[2]]
    outcome = import_agencies(db, _lines(_workbook(tmp_path / "i.xlsx", rows)))
    assert outcome.agencies_added == ("Dinsos Kalsel", "LSM Mitra")
