"""The signature block's lines for each form of signing, and the letter parts' rules."""

from __future__ import annotations

import pytest

from secretariat.documents.letter_parts import (
    BLANK_NUMBER,
    check_carbon_copies,
    holds_office,
    number_or_blank,
    office_addressee,
)
from secretariat.documents.signer import BLANK_LINE, Signer, check_signer
from secretariat.errors import ValidationError

KADIS = "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Bengkayang"


@pytest.mark.parametrize("form, on_behalf_of, lines", [
    ("", "", (KADIS + ",",)),
    ("a.n.", "Ketua Gugus Tugas PP-TPPO Kabupaten Bengkayang",
     ("a.n. Ketua Gugus Tugas PP-TPPO Kabupaten Bengkayang,", KADIS + ",")),
    ("u.b.", "Bupati Bengkayang\nSekretaris Daerah",
     ("a.n. Bupati Bengkayang,", "Sekretaris Daerah,", "u.b.", KADIS + ",")),
    ("u.b.", "Kepala Dinas", ("Kepala Dinas,", "u.b.", KADIS + ",")),
    ("Plt.", "", ("Plt. " + KADIS + ",",)),
    ("Plh.", "Kepala Dinas Sosial", ("Plh. Kepala Dinas Sosial,",)),
])
def test_each_form_prints_its_jabatan_lines_with_their_commas(form, on_behalf_of, lines):
    signer = check_signer(Signer("Drs. Yohanes Atet, M.Si.", KADIS, form=form,
                                 on_behalf_of=on_behalf_of))
    assert signer.position_lines() == lines


def test_a_jabatan_typed_with_its_comma_gets_no_second_one():
    assert Signer("A", "Kepala Dinas,").position_lines() == ("Kepala Dinas,",)


def test_nobody_named_leaves_dotted_lines_to_sign_by_hand():
    blank = check_signer(Signer())
    assert blank.is_blank
    assert blank.position_lines() == (BLANK_LINE + ",",)
    assert (blank.name_line(), blank.id_line()) == (BLANK_LINE, "NIP. " + BLANK_LINE)
    assert Signer("A", "B").id_line() == ""  # named, no NIP: no NIP line


def test_the_number_blank_and_the_addressee_fallback():
    assert number_or_blank("  ") == BLANK_NUMBER == "…………/…………/…………"
    assert office_addressee("", "Yayasan Peduli Perempuan").lines() == (
        "Yth. Pimpinan Yayasan Peduli Perempuan",)
    assert office_addressee("Kepala Kejaksaan Tinggi", "Kejati", "Aspidum").lines() == (
        "Yth. Kepala Kejaksaan Tinggi", "u.p. Aspidum")


def test_copies_typed_with_numbers_are_numbered_once_and_limited():
    assert check_carbon_copies("1. Gubernur\n\n 2) Kapolda \n- Arsip") == (
        "Gubernur", "Kapolda", "Arsip")
    with pytest.raises(ValidationError) as refused:
        check_carbon_copies("\n".join("x" for _ in range(16)))
    assert refused.value.field == "carbon_copies"


@pytest.mark.parametrize("position, holds", [
    ("Kepala Dinas", True), ("Kepala Bidang Rehabilitasi Sosial", False),
    ("Ketua FKUB Kabupaten Bengkayang", True), ("Wakil Ketua FKUB Kabupaten Bengkayang", False),
    ("", False),
])
def test_the_office_holder_is_known_by_position(position, holds):
    title = {"Kepala Dinas": "Kepala Dinas Sosial Provinsi Kalimantan Selatan",
             "Kepala Bidang Rehabilitasi Sosial": "Kepala Dinas Sosial Provinsi Kalimantan "
                                                  "Selatan"}.get(
        position, "Ketua Forum Kerukunan Umat Beragama Kabupaten Bengkayang")
    assert holds_office(position, title) is holds
