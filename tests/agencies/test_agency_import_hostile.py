"""Hostile and messy agency registers, as a secretariat clerk really brings them.

Each test states what a careful import should do: refuse in words naming the row or the
file, write nothing when it refuses, keep text as it was typed, never invent a value.
"""

from __future__ import annotations

import time
import zipfile
from datetime import datetime

import pytest
from factories import make_province, make_workbook
from openpyxl import Workbook

from exports.excel.reading import read_table
from exports.excel.registers import write_agency_directory
from secretariat.agencies.contacts import list_contacts
from secretariat.agencies.register import list_agencies
from secretariat.agencies.workbook_import import COLUMNS, REQUIRED, import_agencies
from secretariat.documents.registers import agency_directory
from secretariat.errors import FileProblem, ValidationError
from secretariat.importing import ImportRefused

HEADINGS = ["No", "Nama Instansi", "Singkatan", "Tingkat", "Wilayah", "Alamat",
            "Narahubung", "No. HP", "Email", "NIP"]


def _row(name="Dinas Sosial Provinsi Kalimantan Selatan", abbreviation="Dinsos Kalsel", *,
         level="Provinsi", region="", address="", contact="", phone="", email="", nip=""):
    return [1, name, abbreviation, level, region, address, contact, phone, email, nip]


def _workbook(path, rows, headings=HEADINGS, *, title_rows=1):
    titles = [f"DAFTAR INSTANSI ANGGOTA ({number + 1})" for number in range(title_rows)]
    return make_workbook(path, headings, rows, titles=titles)


def _lines(path):
    return read_table(path, COLUMNS, required=REQUIRED)


def _agencies(db):
    return {row.abbreviation: row for row in list_agencies(db)}


def _contacts(db, agency_id):
    return {contact.name: contact for contact in list_contacts(db, agency_id)}


@pytest.fixture
def province(db) -> int:
    return make_province(db)


# --- A workbook written by hand, for what openpyxl will not write -------------------------

_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<workbook {_MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Instansi" sheetId="1" r:id="rId1"/></sheets>'
    '</workbook>')
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
# Row 1: Nama Instansi | Singkatan (shared strings 0 and 1).
_HEAD = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'


def _raw_workbook(path, rows_xml, strings=("Nama Instansi", "Singkatan"), *,
                  strings_xml=None, sheet_xml=None):
    """An .xlsx as Excel writes it: shared strings, cached formula values, escapes."""
    if sheet_xml is None:
        sheet_xml = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_MAIN}>'
                     f'<sheetData>{_HEAD}{rows_xml}</sheetData></worksheet>')
    if strings_xml is None:
        items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
        strings_xml = (f'<?xml version="1.0" encoding="UTF-8"?><sst {_MAIN} '
                       f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        archive.writestr("xl/sharedStrings.xml", strings_xml)
    return path


# --- Formulas and text that looks like one ------------------------------------------------

def test_a_formula_without_a_saved_value_in_the_name_is_refused_not_invented(db, province,
                                                                             tmp_path):
    # openpyxl saves a formula with no cached value: we must not compute one.
    path = _workbook(tmp_path / "i.xlsx", [
        _row(name='=CONCATENATE("Dinas ","Sosial")', abbreviation="Dinsos"),
        _row(name="Badan Narkotika Nasional Provinsi", abbreviation="BNNP")])

    lines = _lines(path)
    assert lines[0].values["name"] == ""  # nothing made up, and no formula text either
    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, lines)

    assert [problem.row for problem in refused.value.problems] == [3]
    assert "Nama" in refused.value.problems[0].message
    assert list_agencies(db) == []


def test_a_formula_without_a_saved_value_in_the_contact_is_not_silently_dropped(
        db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="Dinsos", contact='=CONCATENATE("Siti ","Nuriyani")',
             phone="0812 5000 1111")])

    with pytest.raises((ImportRefused, ValidationError)):
        import_agencies(db, _lines(path))
    assert list_agencies(db) == []


def test_a_formula_with_the_value_excel_saved_gives_that_value(db, province, tmp_path):
    path = _raw_workbook(tmp_path / "i.xlsx", (
        '<row r="2"><c r="A2" t="str"><f>CONCATENATE("Dinas ","Sosial")</f>'
        '<v>Dinas Sosial</v></c><c r="B2" t="s"><v>2</v></c></row>'),
        ("Nama Instansi", "Singkatan", "Dinsos"))

    import_agencies(db, _lines(path))

    assert _agencies(db)["Dinsos"].name == "Dinas Sosial"


def test_an_excel_error_value_is_refused_not_imported_as_text(db, province, tmp_path):
    path = _raw_workbook(tmp_path / "i.xlsx", (
        '<row r="2"><c r="A2" t="s"><v>2</v></c>'
        '<c r="B2" t="e"><f>VLOOKUP(A2,Kode!A:B,2,0)</f><v>#N/A</v></c></row>'),
        ("Nama Instansi", "Singkatan", "Dinas Sosial"))

    with pytest.raises((ImportRefused, ValidationError)):
        import_agencies(db, _lines(path))
    assert list_agencies(db) == []


@pytest.mark.parametrize("typed", ["=1+1", "=CONCATENATE(A1,B1)", "+62 811 500", "@dinsos",
                                   "-Dinas Sosial-"])
def test_text_that_looks_like_a_formula_stays_text_in_and_back_out(db, province, tmp_path,
                                                                   typed):
    # A cell typed as text ('=1+1 in Excel) is text; it must come in and go out as typed.
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nama Instansi", "Singkatan"])
    sheet.append(["placeholder", "Aneh"])
    sheet["A2"].value = typed
    sheet["A2"].data_type = "s"
    workbook.save(tmp_path / "i.xlsx")

    import_agencies(db, _lines(tmp_path / "i.xlsx"))
    assert _agencies(db)["Aneh"].name == typed

    # The program's own direktori keeps it as text too, so it reads back unchanged.
    target = write_agency_directory(agency_directory(db), tmp_path / "direktori.xlsx")
    names = {line.values["abbreviation"]: line.values["name"] for line in _lines(target)}
    assert names["Aneh"] == typed


# --- Messy text ---------------------------------------------------------------------------

def test_markup_ampersands_spaces_and_windows_line_breaks_are_kept_as_typed(db, province,
                                                                            tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(name="  Dinas <b>Sosial</b> & Pemberdayaan\r\nPerempuan  ",
             abbreviation="  Dinsos&PP  ", address="Jl. Letjen R. Suprapto No. 3\r\nBanjarmasin",
             contact="  Siti   Nuriyani "),
    ])

    import_agencies(db, _lines(path))

    agency = _agencies(db)["Dinsos&PP"]
    assert agency.name == "Dinas <b>Sosial</b> & Pemberdayaan Perempuan"  # one line, as typed
    assert agency.address == "Jl. Letjen R. Suprapto No. 3\nBanjarmasin"  # lines kept
    assert list(_contacts(db, agency.id)) == ["Siti Nuriyani"]


def test_a_name_over_250_characters_is_refused_by_its_row_and_nothing_is_written(
        db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="Dinsos", contact="Siti"),
        _row(name="Dinas " + "Sangat " * 40 + "Panjang", abbreviation="Panjang")])

    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, _lines(path))

    [problem] = refused.value.problems
    assert problem.row == 4 and "250" in problem.message
    assert list_agencies(db) == []


def test_a_non_breaking_space_does_not_make_a_second_agency(db, province, tmp_path):
    import_agencies(db, _lines(_workbook(tmp_path / "a.xlsx", [
        _row(abbreviation="Dinsos Kalsel", contact="Siti Nuriyani")])))

    import_agencies(db, _lines(_workbook(tmp_path / "b.xlsx", [
        _row(name="Dinas\xa0Sosial Prov. Kalsel", abbreviation="Dinsos\xa0Kalsel",
             contact="Siti\xa0Nuriyani")])))

    assert list(_agencies(db)) == ["Dinsos Kalsel"]


def test_a_doubled_space_still_recognises_a_registered_agency_and_contact(db, province,
                                                                         tmp_path):
    import_agencies(db, _lines(_workbook(tmp_path / "a.xlsx", [
        _row(abbreviation="Dinsos Kalsel", contact="Siti Nuriyani")])))

    outcome = import_agencies(db, _lines(_workbook(tmp_path / "b.xlsx", [
        _row(abbreviation="Dinsos  Kalsel", contact="Siti  Nuriyani")])))

    assert outcome.already_registered == ("Dinsos Kalsel",) and outcome.contacts_added == 0


# --- Layout of the workbook ---------------------------------------------------------------

def test_merged_title_rows_above_the_heading_are_passed_over(db, province, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DAFTAR INSTANSI ANGGOTA GUGUS TUGAS PP-TPPO"])
    sheet.append(["PROVINSI KALIMANTAN SELATAN"])
    sheet.append([])
    sheet.merge_cells("A1:J1")
    sheet.merge_cells("A2:J2")
    sheet.append(HEADINGS)
    sheet.append(_row(abbreviation="Dinsos", contact="Siti"))
    workbook.save(tmp_path / "i.xlsx")

    lines = _lines(tmp_path / "i.xlsx")

    assert [line.row for line in lines] == [5]
    assert import_agencies(db, lines).agencies_added == ("Dinsos",)


def test_hidden_rows_are_still_lines_of_the_register(db, province, tmp_path):
    # Hiding a row in Excel is not deleting it: the line must not vanish silently.
    path = tmp_path / "i.xlsx"
    _workbook(path, [_row(abbreviation="Dinsos"),
                     _row(name="Badan Narkotika Nasional Provinsi", abbreviation="BNNP")])
    from openpyxl import load_workbook
    workbook = load_workbook(path)
    workbook.active.row_dimensions[4].hidden = True
    workbook.save(path)

    assert import_agencies(db, _lines(path)).agencies_added == ("Dinsos", "BNNP")


def test_the_table_on_the_second_sheet_is_found(db, province, tmp_path):
    workbook = Workbook()
    workbook.active.title = "Petunjuk"
    workbook.active.append(["Isi lembar Instansi; jangan ubah judul kolom."])
    workbook.active.append(["Singkatan: nama singkat instansi"])
    sheet = workbook.create_sheet("Instansi")
    sheet.append(HEADINGS)
    sheet.append(_row(abbreviation="Dinsos"))
    workbook.save(tmp_path / "i.xlsx")

    lines = _lines(tmp_path / "i.xlsx")

    assert [(line.row, line.values["abbreviation"]) for line in lines] == [(2, "Dinsos")]


def test_an_empty_workbook_is_explained_by_name(tmp_path):
    Workbook().save(tmp_path / "kosong.xlsx")
    with pytest.raises(ValidationError) as refused:
        _lines(tmp_path / "kosong.xlsx")
    assert "kosong.xlsx" in refused.value.message and "Singkatan" in refused.value.message


def test_headings_without_lines_import_nothing_and_do_not_fail(db, province, tmp_path):
    lines = _lines(_workbook(tmp_path / "i.xlsx", [[], [None] * 10, ["", "  ", ""]]))
    assert lines == []
    outcome = import_agencies(db, lines)
    assert outcome.agencies_added == () and outcome.contacts_added == 0
    assert list_agencies(db) == []


def test_headings_in_capitals_with_extra_spaces_and_punctuation_are_recognised(tmp_path):
    headings = ["NO.", "  NAMA   INSTANSI ", "SINGKATAN:", "NARAHUBUNG", "NO. HP",
                "Pos-El  Instansi", "E-MAIL", "n.i.p."]
    path = _workbook(tmp_path / "i.xlsx", [
        [1, "Dinas Sosial", "Dinsos", "Siti", "0812 5000 1111", "dinsos@kalselprov.go.id",
         "siti@kalselprov.go.id", "196809151993031002"]], headings)

    [line] = _lines(path)

    assert dict(line.values) == {
        "name": "Dinas Sosial", "abbreviation": "Dinsos", "contact": "Siti",
        "phone": "0812 5000 1111", "agency_email": "dinsos@kalselprov.go.id",
        "email": "siti@kalselprov.go.id", "nip": "196809151993031002"}


def test_two_columns_headed_singkatan_take_the_first_and_do_not_leak(db, province, tmp_path):
    headings = ["Nama Instansi", "Singkatan", "Singkatan", "Narahubung"]
    path = _workbook(tmp_path / "i.xlsx", [["Dinas Sosial", "Dinsos", "DS", "Siti"]],
                     headings)

    [line] = _lines(path)

    assert dict(line.values) == {"name": "Dinas Sosial", "abbreviation": "Dinsos",
                                 "contact": "Siti"}


# --- Numbers and dates in text columns ----------------------------------------------------

def test_numbers_and_dates_in_text_columns_come_in_as_text(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(name=1945, abbreviation=112, address=datetime(2024, 3, 1, 10, 30),
             contact="Siti", phone=81350509044.0, region=63)])

    import_agencies(db, _lines(path))

    agency = _agencies(db)["112"]
    assert agency.name == "1945" and agency.address == "2024-03-01"
    assert agency.region_id is not None
    assert _contacts(db, agency.id)["Siti"].phone == "081350509044"


def test_a_nip_excel_kept_as_a_rounded_number_is_refused(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="Dinsos", contact="Siti", nip=1.96809151993032e17)])

    with pytest.raises(ValidationError) as refused:  # the whole file: the column is at fault
        _lines(path)
    assert "Row 3" in refused.value.message or "Baris 3" in refused.value.message
    assert list_agencies(db) == []


def test_a_nip_with_letters_is_refused_by_its_row(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="Dinsos", contact="Siti", nip="19680915 199303 1 00A")])

    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, _lines(path))

    [problem] = refused.value.problems
    assert problem.row == 3 and "NIP" in problem.message
    assert list_agencies(db) == []


def test_a_nip_typed_as_text_with_spaces_is_kept_exactly(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="Dinsos", contact="Siti", nip="19680915 199303 1 002")])
    import_agencies(db, _lines(path))
    agency = _agencies(db)["Dinsos"]
    assert _contacts(db, agency.id)["Siti"].nip == "196809151993031002"


# --- The same agency or person twice ------------------------------------------------------

def test_one_agency_spelled_in_several_cases_is_one_agency(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="dinsos kalsel", contact="Siti Nuriyani"),
        _row(abbreviation="Dinsos Kalsel", contact="Akhmad Fauzi"),
        _row(abbreviation="DINSOS KALSEL", contact="SITI NURIYANI")])

    outcome = import_agencies(db, _lines(path))

    assert outcome.agencies_added == ("dinsos kalsel",)  # the first spelling, as typed
    assert outcome.contacts_added == 2
    [agency] = list_agencies(db)
    assert sorted(_contacts(db, agency.id)) == ["Akhmad Fauzi", "Siti Nuriyani"]


def test_a_known_agency_in_another_case_is_recognised_on_a_second_import(db, province,
                                                                         tmp_path):
    import_agencies(db, _lines(_workbook(tmp_path / "a.xlsx", [
        _row(abbreviation="Dinsos Kalsel", contact="Siti Nuriyani")])))

    outcome = import_agencies(db, _lines(_workbook(tmp_path / "b.xlsx", [
        _row(abbreviation="DINSOS KALSEL", contact="siti nuriyani"),
        _row(abbreviation="dinsos kalsel", contact="Akhmad Fauzi")])))

    assert outcome.already_registered == ("Dinsos Kalsel",) and outcome.contacts_added == 1
    assert outcome.agencies_added == ()


def test_one_abbreviation_with_two_different_names_is_refused(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(name="Dinas Sosial", abbreviation="Dinas"),
        _row(name="Dinas Kesehatan", abbreviation="Dinas")])

    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, _lines(path))
    assert [problem.row for problem in refused.value.problems] == [4]


def test_contact_details_without_a_contact_name_are_not_silently_dropped(db, province,
                                                                        tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="Dinsos", phone="0812 5000 1111", email="siti@kalselprov.go.id")])

    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, _lines(path))
    assert [problem.row for problem in refused.value.problems] == [3]


def test_a_trial_run_of_a_messy_register_writes_nothing(db, province, tmp_path):
    path = _workbook(tmp_path / "i.xlsx", [
        _row(abbreviation="dinsos", contact="Siti"),
        _row(abbreviation="DINSOS", contact="siti"),
        _row(name="Badan <Narkotika> & Nasional", abbreviation="BNN", contact="Budi")])

    outcome = import_agencies(db, _lines(path), trial=True)

    assert not outcome.written and outcome.agencies_added == ("dinsos", "BNN")
    assert outcome.contacts_added == 2
    assert list_agencies(db) == []


# --- Files that are not what they say -----------------------------------------------------

def test_an_xlsm_workbook_is_read(tmp_path):
    path = _workbook(tmp_path / "instansi.xlsm", [_row(abbreviation="Dinsos")])
    assert [line.values["abbreviation"] for line in _lines(path)] == ["Dinsos"]


def test_xlsx_bytes_under_an_xls_name_are_refused_naming_the_file(tmp_path):
    source = _workbook(tmp_path / "asli.xlsx", [_row(abbreviation="Dinsos")])
    path = tmp_path / "instansi.xls"
    path.write_bytes(source.read_bytes())
    with pytest.raises(FileProblem) as refused:
        _lines(path)
    assert "instansi.xls" in refused.value.message


def test_a_zip_that_is_no_workbook_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "instansi.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff")
    with pytest.raises(FileProblem) as refused:
        _lines(path)
    assert "instansi.xlsx" in refused.value.message


def test_a_zero_byte_file_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "instansi.xlsx"
    path.write_bytes(b"")
    with pytest.raises(FileProblem) as refused:
        _lines(path)
    assert "instansi.xlsx" in refused.value.message


@pytest.mark.parametrize("name", ["instansi.xlsx", "folder"])
def test_a_directory_is_refused_in_words(tmp_path, name):
    path = tmp_path / name
    path.mkdir()
    with pytest.raises(FileProblem) as refused:
        _lines(path)
    assert name in refused.value.message


def test_a_workbook_with_a_damaged_sheet_is_refused_in_words(tmp_path):
    whole = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_MAIN}><sheetData>{_HEAD}'
             '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
             '</sheetData></worksheet>')
    path = _raw_workbook(tmp_path / "rusak.xlsx", "", sheet_xml=whole[:len(whole) - 60])
    with pytest.raises(FileProblem) as refused:
        _lines(path)
    assert "rusak.xlsx" in refused.value.message


# --- Crafted XML --------------------------------------------------------------------------

def _billion_laughs(root: str, body: str) -> str:
    entities = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY l{level} "{f"&l{level - 1};" * 10}">' for level in range(1, 10))
    return (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE {root} [{entities}]>'
            f'{body}')


def _read_safely(path):
    """Refused, or read without the expansion: either way at once."""
    started = time.monotonic()
    try:
        lines = _lines(path)
    except (FileProblem, ValidationError) as refused:
        assert path.name in refused.message
        lines = None
    assert time.monotonic() - started < 5
    return lines


def test_an_entity_bomb_in_the_shared_strings_is_refused_quickly(tmp_path):
    strings = _billion_laughs("sst", (
        f'<sst {_MAIN} count="3" uniqueCount="3"><si><t>Nama Instansi</t></si>'
        '<si><t>Singkatan</t></si><si><t>&l9;</t></si></sst>'))
    path = _raw_workbook(tmp_path / "bom.xlsx", (
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>2</v></c></row>'),
        strings_xml=strings)

    lines = _read_safely(path)

    assert lines is None or all(len(value) < 1000 for line in lines
                                for value in line.values.values())


def test_an_entity_bomb_in_the_sheet_is_refused_quickly(tmp_path):
    sheet = _billion_laughs("worksheet", (
        f'<worksheet {_MAIN}><sheetData>{_HEAD}<row r="2">'
        '<c r="A2" t="inlineStr"><is><t>&l9;</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Bom</t></is></c></row></sheetData></worksheet>'))
    path = _raw_workbook(tmp_path / "bom.xlsx", "", sheet_xml=sheet)

    lines = _read_safely(path)

    assert lines is None or all(len(value) < 1000 for line in lines
                                for value in line.values.values())


def test_an_external_entity_does_not_bring_in_a_local_file(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA")
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY x SYSTEM '
               f'"{secret.as_uri()}">]><sst {_MAIN} count="3" uniqueCount="3">'
               '<si><t>Nama Instansi</t></si><si><t>Singkatan</t></si><si><t>&x;</t></si>'
               '</sst>')
    path = _raw_workbook(tmp_path / "xxe.xlsx", (
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>2</v></c></row>'),
        strings_xml=strings)

    lines = _read_safely(path)

    assert lines is None or not any("KATA-SANDI" in value for line in lines
                                    for value in line.values.values())


def test_a_stray_cell_in_the_last_row_of_excel_is_read_in_time(db, province, tmp_path):
    # A clerk pressed Ctrl+Down and typed in row 1 048 576: a million empty rows between.
    path = _raw_workbook(tmp_path / "i.xlsx", (
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
        '<row r="1048576"><c r="B1048576" t="s"><v>4</v></c></row>'),
        ("Nama Instansi", "Singkatan", "Dinas Sosial", "Dinsos", "x"))
    started = time.monotonic()

    lines = _lines(path)

    assert time.monotonic() - started < 10
    assert [line.row for line in lines] == [2, 1048576]
    with pytest.raises(ImportRefused) as refused:
        import_agencies(db, lines)
    assert [problem.row for problem in refused.value.problems] == [1048576]
