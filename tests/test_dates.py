"""Dates as clerks write them on paper and type them: every common form read day first,
anything else refused rather than guessed."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat.dates import long_date, parse_written_date

JANUARY_15 = date(2025, 1, 15)


@pytest.mark.parametrize("text", [
    "15-01-2025", "15/1/2025", "15/01/2025", "15.01.2025", "15 01 2025", "15012025",
    "15 Jan 2025", "15 jan 2025", "15 Jan. 2025", "15-Jan-2025", "15 Januari 2025",
    "15 January 2025", "Rabu, 15 Januari 2025", "2025-01-15", "20250115", "  15-01-2025  ",
])
def test_every_common_way_of_writing_15_january_is_read(text):
    assert parse_written_date(text) == JANUARY_15


@pytest.mark.parametrize(("text", "expected"), [
    ("15 Des 2025", date(2025, 12, 15)), ("31 Mar 2025", date(2025, 3, 31)),
    ("30 Jun 2025", date(2025, 6, 30)), ("17 Agu 2025", date(2025, 8, 17)),
    ("17 Agt 2025", date(2025, 8, 17)), ("17 Ags 2025", date(2025, 8, 17)),
    ("17 Agustus 2025", date(2025, 8, 17)), ("1 Sept 2025", date(2025, 9, 1)),
    ("10 Nopember 2025", date(2025, 11, 10)), ("10 Nop 2025", date(2025, 11, 10)),
    ("2 Pebruari 2025", date(2025, 2, 2)), ("1 Mei 2025", date(2025, 5, 1)),
    ("1 May 2025", date(2025, 5, 1)), ("3 Okt 2025", date(2025, 10, 3)),
    ("01022025", date(2025, 2, 1)),  # run together: day first, never the American way
])
def test_month_names_and_abbreviations_clerks_use(text, expected):
    assert parse_written_date(text) == expected


def test_an_empty_text_is_no_date():
    assert parse_written_date("") is None
    assert parse_written_date("   ") is None


@pytest.mark.parametrize("text", [
    "15/13/2025", "31-02-2025", "29-02-2025", "15-01-25", "1501202", "150120255",
    "15 Foo 2025", "Januari 2025", "abc", "15-01", "2025-13-01", "32012025",
])
def test_what_is_no_date_is_refused_not_guessed(text):
    with pytest.raises(ValueError):
        parse_written_date(text)


def test_what_the_field_shows_it_understood_reads_back_as_the_same_day():
    assert long_date(JANUARY_15) == "Rabu, 15 Januari 2025"
    assert parse_written_date(long_date(JANUARY_15)) == JANUARY_15
