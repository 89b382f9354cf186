"""Input cleaning shared by the use cases: control characters, presence, length, formats."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_agency

from secretariat.agencies.register import get_agency
from secretariat.errors import ValidationError
from secretariat.i18n import set_language
from secretariat.validation import (
    check_date,
    check_email,
    check_nip,
    check_percent,
    check_phone,
    clean_text,
    read_written_date,
)


def clean(value, **kw):
    return clean_text(value, "Nama", field="name", **kw)


# --- clean_text -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dinas\x00 Sosial", "Dinas Sosial"),           # NUL
        ("Din\x00as", "Dinas"),
        ("Bel\x07l\x1b[31m", "Bell[31m"),                # BEL, ESC
        ("DEL\x7f", "DEL"),
        ("C1\x85\x9f", "C1"),                            # C1 controls
        ("lone surrogate \ud800", "lone surrogate"),
    ],
)
def test_clean_text_drops_control_characters(raw, expected):
    assert clean(raw) == expected
    assert clean(raw, multiline=True) == expected


@pytest.mark.parametrize("separator", ["\x0b", "\x0c"], ids=["word-line-break", "form-feed"])
def test_pasted_line_and_page_breaks_do_not_glue_words_together(separator):
    # Word puts \x0b for a manual line break (Shift+Enter) into the clipboard, and \x0c
    # for a page break: dropping them outright would turn "Dinas<break>Sosial" into
    # "DinasSosial".
    raw = f"Kepala Dinas{separator}Sosial"
    assert clean(raw) == "Kepala Dinas Sosial"
    assert clean(raw, multiline=True) in ("Kepala Dinas\nSosial", "Kepala Dinas Sosial")


def test_single_line_text_turns_line_breaks_and_tabs_into_single_spaces():
    assert clean("  Dinas\r\nSosial\tProvinsi \n\n Kalsel  ") == "Dinas Sosial Provinsi Kalsel"


def test_multiline_text_keeps_newlines_and_tabs_and_normalises_cr():
    raw = "Baris satu\r\nBaris dua\rBaris tiga\n\tbutir\x00 a"
    assert clean(raw, multiline=True) == "Baris satu\nBaris dua\nBaris tiga\n\tbutir a"


def test_multiline_text_keeps_its_inner_spacing_but_is_stripped():
    assert clean("  1.  Pembukaan\n\n2.  Pembahasan  \n", multiline=True) == (
        "1.  Pembukaan\n\n2.  Pembahasan"
    )


@pytest.mark.parametrize(
    "text",
    ["<b>Rapat</b> & diskusi", "=SUM(A1)", "+62 811", "-1", "@foo", "'; DROP TABLE x; --",
     "Kabupaten Hulu Sungai Selatan — “HSS”", "Perempuan & Anak <18 th>", "💡 ide"],
)
def test_clean_text_keeps_printable_text_as_is(text):
    assert clean(text) == text


@pytest.mark.parametrize("value", [None, "", "   ", "\x00\t\n"])
def test_required_text_must_be_filled_in(value):
    assert clean(value) == ""
    with pytest.raises(ValidationError) as caught:
        clean(value, required=True)
    assert caught.value.field == "name"
    assert "Nama" in str(caught.value)


def test_max_length_counts_the_cleaned_text_and_says_how_long_it_is():
    assert clean("  " + "a" * 10 + "\x00  ", max_length=10) == "a" * 10
    with pytest.raises(ValidationError) as caught:
        clean("a" * 11, max_length=10)
    assert caught.value.field == "name"
    message = str(caught.value)
    assert "10" in message and "11" in message


def test_max_length_message_in_english():
    set_language("en")
    with pytest.raises(ValidationError) as caught:
        clean("abcdef", max_length=5)
    assert str(caught.value) == "Nama is too long: at most 5 characters, this has 6."


def test_non_text_values_are_turned_into_text():
    assert clean(2025) == "2025"


def test_markup_and_formulas_are_stored_and_read_back_unchanged(db):
    # Given a clerk pastes markup and a spreadsheet formula into an agency
    agency_id = make_agency(
        db, "P&A", name="Dinas <PPPA> & KB", notes="=SUM(A1)\n<script>alert(1)</script>",
        address="Jl. A & B\x00 No. 5",
    )

    # Then the core stores exactly what was typed, minus control characters
    row = get_agency(db, agency_id)
    assert row.abbreviation == "P&A"
    assert row.name == "Dinas <PPPA> & KB"
    assert row.notes == "=SUM(A1)\n<script>alert(1)</script>"
    assert row.address == "Jl. A & B No. 5"


# --- formats --------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["dinsos@kalselprov.go.id", "a.b+c@d.co.id", "", "  "])
def test_check_email_accepts_addresses_and_empty(value):
    assert check_email(value) == value.strip()


@pytest.mark.parametrize("value", ["dinsos", "dinsos@", "@kalselprov.go.id", "a@b", "a b@c.id",
                                   "a@@b.id"])
def test_check_email_refuses_what_is_no_address(value):
    with pytest.raises(ValidationError) as caught:
        check_email(value, field="contact_email")
    assert caught.value.field == "contact_email"


@pytest.mark.parametrize("value", ["0511-3252123", "+62 812 5100 2233", "(0511) 6749.125", ""])
def test_check_phone_accepts_numbers_as_typed(value):
    assert check_phone(value) == value


@pytest.mark.parametrize("value", ["12345", "0812abc", "telepon kantor", "+" + "1" * 30])
def test_check_phone_refuses_others(value):
    with pytest.raises(ValidationError) as caught:
        check_phone(value)
    assert caught.value.field == "phone"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("198001012005011001", "198001012005011001"),
     (" 19800101 200501 1 001 ", "198001012005011001"), ("", "")],
)
def test_check_nip_accepts_18_digits(value, expected):
    assert check_nip(value) == expected


@pytest.mark.parametrize("value", ["12345678901234567", "1234567890123456789", "19800101200501100x",
                                   "1980-01-01-2005"])
def test_check_nip_refuses_others(value):
    with pytest.raises(ValidationError) as caught:
        check_nip(value, field="chair_nip")
    assert caught.value.field == "chair_nip"


def test_check_date():
    assert check_date(None, "Tanggal", field="date") is None
    assert check_date(date(2025, 12, 2), "Tanggal", field="date") == date(2025, 12, 2)
    with pytest.raises(ValidationError) as required:
        check_date(None, "Tanggal", field="date", required=True)
    assert required.value.field == "date"
    with pytest.raises(ValidationError) as not_a_date:
        check_date("2025-12-02", "Tanggal", field="date")
    assert not_a_date.value.field == "date"
    for year in (1989, 2101):
        with pytest.raises(ValidationError) as implausible:
            check_date(date(year, 1, 1), "Tanggal", field="date")
        assert str(year) in str(implausible.value)
    assert check_date(date(1990, 1, 1), "Tanggal", field="date") == date(1990, 1, 1)
    assert check_date(date(2100, 12, 31), "Tanggal", field="date") == date(2100, 12, 31)


@pytest.mark.parametrize("value", [0, 50, 100])
def test_check_percent_accepts_0_to_100(value):
    assert check_percent(value) == value


@pytest.mark.parametrize("value", [-1, 101, 50.0, "50", True, None])
def test_check_percent_refuses_others(value):
    with pytest.raises(ValidationError) as caught:
        check_percent(value)
    assert caught.value.field == "progress"



def test_a_record_not_chosen_is_a_refusal_in_words_not_number_none(db):
    from models import Agency
    from secretariat.records import get_or_fail

    with db.reading() as session, pytest.raises(ValidationError) as refused:
        get_or_fail(session, Agency, None, "Instansi")
    assert str(refused.value) == "Belum ada instansi yang dipilih."


def test_read_written_date_reads_what_a_clerk_typed_and_names_what_it_cannot():
    assert read_written_date("15-01-2025", "Tanggal", field="date") == date(2025, 1, 15)
    assert read_written_date("", "Tanggal", field="date") is None
    with pytest.raises(ValidationError) as required:
        read_written_date(" ", "Tanggal", field="date", required=True)
    assert str(required.value) == "Tanggal wajib diisi."
    with pytest.raises(ValidationError) as unreadable:
        read_written_date(" 15/13/2025 ", "Batas waktu", field="due_date")
    assert unreadable.value.field == "due_date"
    assert str(unreadable.value) == ("Batas waktu: '15/13/2025' bukan tanggal; tulis misalnya "
                                     "15-01-2025 atau 15 Januari 2025.")
    with pytest.raises(ValidationError) as implausible:
        read_written_date("15-01-2205", "Tanggal", field="date")
    assert "2205" in str(implausible.value)
