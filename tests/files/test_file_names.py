"""Names Windows refuses are refused on every system, and the names offered never are one.

The command line says why and writes nothing; the window's suggestions are made from
meeting titles and task force names that may hold anything, and always come out clean.
"""

from __future__ import annotations

import os
import random
import subprocess

import pytest
from failing_places import command, program_environment

from secretariat.cli.main import EXIT_FAILED, main
from secretariat.errors import ValidationError
from secretariat.file_targets import (
    check_file_name,
    name_problem,
    suggested_file_name,
)
from secretariat.storage.database import open_database

DEVICES = ["CON.pdf", "con.pdf", "NUL.xlsx", "nul.tar.gz", "aux", "Aux.Pdf", "PRN", "COM1",
           "com9.xlsx", "LPT1.pdf", "lpt5", "COM¹.pdf", "CON .pdf"]
FORBIDDEN = ["a:b.pdf", "a<b.pdf", "a>b.xlsx", 'a"b.pdf', "a|b.pdf", "a?b.pdf", "a*b.pdf",
             "a\\b.pdf", "rapat:.pdf"]
CONTROL = ["a\x00b.pdf", "a\x01b.pdf", "a\tb.xlsx", "a\nb.pdf", "a\x1fb.pdf"]
TRAILING = ["laporan.", "laporan ", "laporan.pdf.", "laporan.pdf "]
ACCEPTED = ["Notulen 2025-12-02 Rakor.pdf", "CONTOH.pdf", "console.xlsx", "COM10.pdf",
            "LPT.pdf", "NUL_.pdf", "aux-rapat.pdf", "Laporan Kab. Banjar.xlsx",
            "Matriks (revisi) #2 & 50%.xlsx", "Évaluasi ½.pdf", "x" * 251 + ".pdf",
            "lap .pdf"]


@pytest.mark.parametrize("name", DEVICES)
def test_windows_device_names_are_refused_with_any_extension_and_case(name):
    device = name.split(".")[0].strip().upper()
    assert name_problem(name) == (f"Windows memakai nama {device} untuk perangkat, dengan "
                                  "ekstensi apa pun")


@pytest.mark.parametrize("name", FORBIDDEN)
def test_characters_windows_forbids_are_refused_and_named(name):
    character = next(c for c in name if c in '<>:"|?*\\')
    assert name_problem(name) == f"Windows tidak mengizinkan {character} dalam nama berkas"


@pytest.mark.parametrize("name", CONTROL)
def test_control_characters_are_refused(name):
    assert name_problem(name) == "Windows tidak mengizinkan karakter kontrol dalam nama berkas"


@pytest.mark.parametrize("name", TRAILING)
def test_a_name_ending_in_a_dot_or_a_space_is_refused(name):
    assert "berakhiran titik atau spasi" in name_problem(name)


def test_a_name_longer_than_255_characters_is_refused():
    assert name_problem("x" * 252 + ".pdf") == "panjangnya lebih dari 255 karakter"


@pytest.mark.parametrize("name", ACCEPTED)
def test_ordinary_names_pass(name):
    assert name_problem(name) is None


def test_the_refusal_shows_a_control_character_so_it_stays_one_line():
    with pytest.raises(ValidationError) as refused:
        check_file_name("a\nb.pdf")
    assert "\n" not in refused.value.message and refused.value.message.startswith("a\\nb.pdf ")


# --- the command line -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "sekretariat.sqlite3"
    open_database(path, actor="tester").close()
    return path


@pytest.mark.parametrize("name", ["CON.pdf", "nul.xlsx", "aux", "COM1.pdf", "lpt1.xlsx",
                                  "a:b.pdf", 'a"b.xlsx', "a?b.xlsx", "laporan.", "a\x01b.pdf"])
@pytest.mark.parametrize("document", ["actions", "agencies"])
def test_the_command_line_refuses_the_name_and_writes_nothing(database, tmp_path, capfd,
                                                              document, name):
    code = main(["--db", str(database), "export", document, "-o", str(tmp_path / name)])

    out, err = capfd.readouterr()
    assert code == EXIT_FAILED and out == ""
    assert err.count("\n") == 1 and "tidak dapat menjadi nama berkas: Windows" in err
    assert err.rstrip().endswith("Pilih nama lain.")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("name", "reason"), [
    ("CON.pdf", "Windows memakai nama CON untuk perangkat, dengan ekstensi apa pun"),
    ("rapat:1.xlsx", "Windows tidak mengizinkan : dalam nama berkas"),
])
def test_the_command_refuses_the_name_as_a_clerk_runs_it(database, tmp_path_factory, tmp_path,
                                                         name, reason):
    ran = subprocess.run(command("--db", str(database), "export", "actions", "-o", name),
                         capture_output=True, text=True, cwd=tmp_path, timeout=120,
                         env=program_environment(tmp_path_factory.mktemp("data")))
    assert ran.returncode == EXIT_FAILED and ran.stdout == ""
    assert ran.stderr.splitlines() == [
        f"secretariat: {name} tidak dapat menjadi nama berkas: {reason}. Pilih nama lain."]
    assert os.listdir(tmp_path) == []


# --- the names the window suggests -----------------------------------------------------------


@pytest.mark.parametrize(("words", "suffix", "suggested"), [
    ("Notulen 2025-12-02 Rakor: Evaluasi Triwulan I/II", ".pdf",
     "Notulen 2025-12-02 Rakor Evaluasi Triwulan I II.pdf"),
    ('Undangan "Rapat" <Teknis> | Sub? Gugus* \\ Tugas', ".pdf",
     "Undangan Rapat Teknis Sub Gugus Tugas.pdf"),
    ("Laporan Perkembangan 2025 Kab. Tanah Laut.", ".xlsx",
     "Laporan Perkembangan 2025 Kab. Tanah Laut.xlsx"),
    ("Jadwal\tRapat\n2026 ", ".xlsx", "Jadwal Rapat 2026.xlsx"),
    ("CON", ".pdf", "CON_.pdf"),
    ("nul.rapat", ".pdf", "nul_.rapat.pdf"),
    ("Aux : rapat", ".xlsx", "Aux rapat.xlsx"),
    (":/?*", ".pdf", "Dokumen.pdf"),
    ("", ".xlsx", "Dokumen.xlsx"),
])
def test_suggestions_keep_the_words_and_lose_what_windows_refuses(words, suffix, suggested):
    assert suggested_file_name(words, suffix) == suggested
    assert name_problem(suggested) is None


def test_a_long_title_is_cut_after_a_whole_word_and_a_long_word_inside_it():
    title = "Rapat Koordinasi Gugus Tugas " * 10
    cut = suggested_file_name(title, ".pdf")
    assert len(cut) <= 125 and cut.endswith("….pdf") and name_problem(cut) is None
    assert cut.removesuffix("….pdf").split()[-1] in title.split()
    word = suggested_file_name("x" * 300, ".pdf")
    assert word == "x" * 119 + "….pdf"


def test_any_text_at_all_gives_a_name_windows_takes():
    alphabet = 'abcXYZ019 .:/\\<>"|?*\t\n\x00\x1f\x7f-_…éCONULPTAXMR¹'
    randomly = random.Random(20)
    for _ in range(2000):
        words = "".join(randomly.choice(alphabet) for _ in range(randomly.randint(0, 40)))
        for suffix in (".pdf", ".xlsx"):
            name = suggested_file_name(words, suffix)
            assert name_problem(name) is None, (words, name)
            assert name.endswith(suffix)
