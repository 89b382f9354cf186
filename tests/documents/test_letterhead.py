"""The letterhead (kop surat) and page settings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import make_province, make_task_force

from models import PaperSize
from secretariat.documents.letterhead import (
    MAX_LOGO_BYTES,
    LetterheadSettings,
    get_letterhead,
    save_letterhead,
)
from secretariat.errors import ConflictError, DomainError, NotFoundError, ValidationError
from secretariat.storage.database import open_database

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


def _kalsel(**kw) -> LetterheadSettings:
    values = dict(
        government_line="PEMERINTAH PROVINSI KALIMANTAN SELATAN",
        agency_line="DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK DAN KELUARGA BERENCANA",
        address="Jl. Dharma Praja II\nKawasan Perkantoran Pemprov Kalsel, Banjarbaru",
        phone="(0511) 6749-125", email="dp3akb@kalselprov.go.id",
        website="dp3akb.kalselprov.go.id", city="Banjarbaru",
        logo=PNG, logo_file_name="lambang-kalsel.png", paper_size=PaperSize.F4,
        margin_top_mm=20, margin_left_mm=30, margin_right_mm=20, margin_bottom_mm=25,
        font_size_pt=12,
    )
    values.update(kw)
    return LetterheadSettings(**values)


def test_without_a_saved_letterhead_the_defaults_apply(db):
    settings = get_letterhead(db)
    assert settings.id is None and settings.version is None
    assert settings.paper_size is PaperSize.A4
    assert (settings.margin_top_mm, settings.margin_left_mm, settings.margin_right_mm,
            settings.margin_bottom_mm) == (20, 30, 20, 25)
    assert settings.font_size_pt == 11
    assert settings.logo is None
    assert settings.agency_line == ""


def test_save_a_new_letterhead_and_read_it_back(db):
    letterhead_id = save_letterhead(db, _kalsel())

    saved = get_letterhead(db)
    assert saved.id == letterhead_id
    assert saved.version == 1
    assert saved.government_line == "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
    assert saved.address == "Jl. Dharma Praja II\nKawasan Perkantoran Pemprov Kalsel, Banjarbaru"
    assert saved.paper_size is PaperSize.F4
    assert saved.font_size_pt == 12
    assert saved.logo == PNG
    assert saved.logo_file_name == "lambang-kalsel.png"
    assert saved.task_force_id is None


def test_update_a_letterhead_with_its_version(db):
    save_letterhead(db, _kalsel())
    current = get_letterhead(db)

    save_letterhead(db, replace(current, city="Banjarmasin", logo=JPEG,
                                logo_file_name="logo.jpg", margin_left_mm=25))

    updated = get_letterhead(db)
    assert updated.id == current.id
    assert updated.version == 2
    assert updated.city == "Banjarmasin"
    assert updated.logo == JPEG
    assert updated.margin_left_mm == 25


def test_removing_the_logo_clears_its_file_name(db):
    save_letterhead(db, _kalsel())
    save_letterhead(db, replace(get_letterhead(db), logo=None))
    saved = get_letterhead(db)
    assert saved.logo is None
    assert saved.logo_file_name == ""


def test_a_task_force_letterhead_overrides_the_default(db):
    # Given a default letterhead and a task force of Kota Banjarmasin with its own
    kota = make_task_force(db, make_province(db), name="GT Kota")
    other = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    save_letterhead(db, _kalsel())
    save_letterhead(db, _kalsel(government_line="PEMERINTAH KOTA BANJARMASIN",
                                task_force_id=kota))

    # Then each task force gets its own, or the default when it has none
    assert get_letterhead(db, kota).government_line == "PEMERINTAH KOTA BANJARMASIN"
    assert get_letterhead(db, kota).task_force_id == kota
    assert get_letterhead(db, other).government_line == "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
    assert get_letterhead(db).government_line == "PEMERINTAH PROVINSI KALIMANTAN SELATAN"


def test_a_task_force_without_any_letterhead_gets_blank_defaults(db):
    task_force = make_task_force(db, make_province(db))
    settings = get_letterhead(db, task_force)
    assert settings.id is None
    assert settings.task_force_id == task_force


def test_letterhead_for_a_missing_task_force_is_not_found(db):
    with pytest.raises(NotFoundError):
        save_letterhead(db, _kalsel(task_force_id=404))


@pytest.mark.parametrize("name", ["margin_top_mm", "margin_left_mm", "margin_right_mm",
                                  "margin_bottom_mm"])
@pytest.mark.parametrize("value", [4, 61, 0, -20, 20.5, "20"])
def test_margins_must_be_whole_millimetres_from_5_to_60(db, name, value):
    with pytest.raises(ValidationError) as caught:
        save_letterhead(db, _kalsel(**{name: value}))
    assert caught.value.field == name
    assert "60" in str(caught.value)
    assert get_letterhead(db).id is None


@pytest.mark.parametrize("value", [5, 60])
def test_margin_limits_are_inclusive(db, value):
    save_letterhead(db, _kalsel(margin_top_mm=value, margin_bottom_mm=value))
    assert get_letterhead(db).margin_top_mm == value


@pytest.mark.parametrize("value", [7, 17, 11.5, None])
def test_font_size_must_be_8_to_16_points(db, value):
    with pytest.raises(ValidationError) as caught:
        save_letterhead(db, _kalsel(font_size_pt=value))
    assert caught.value.field == "font_size_pt"


@pytest.mark.parametrize("value", [8, 16])
def test_font_size_limits_are_inclusive(db, value):
    save_letterhead(db, _kalsel(font_size_pt=value))
    assert get_letterhead(db).font_size_pt == value


@pytest.mark.parametrize(
    "logo",
    [b"GIF89a" + b"\x00" * 20, b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"%PDF-1.7",
     b"\x89PNX\r\n\x1a\n"],
    ids=["gif", "svg", "pdf", "almost-png"],
)
def test_the_logo_must_be_png_or_jpeg(db, logo):
    with pytest.raises(ValidationError) as caught:
        save_letterhead(db, _kalsel(logo=logo))
    assert caught.value.field == "logo"


def test_a_logo_over_2_mb_is_refused(db):
    too_big = PNG + b"\x00" * (MAX_LOGO_BYTES - len(PNG) + 1)
    with pytest.raises(ValidationError) as caught:
        save_letterhead(db, _kalsel(logo=too_big))
    assert caught.value.field == "logo"
    assert "2" in str(caught.value)


def test_a_logo_of_exactly_2_mb_is_accepted(db):
    just_fits = JPEG + b"\x00" * (MAX_LOGO_BYTES - len(JPEG))
    assert len(just_fits) == 2 * 1024 * 1024
    save_letterhead(db, _kalsel(logo=just_fits))
    assert get_letterhead(db).logo == just_fits


@pytest.mark.parametrize(
    ("change", "field"),
    [(dict(paper_size="Letter"), "paper_size"), (dict(email="kantor@"), "email"),
     (dict(government_line="X" * 201), "government_line"), (dict(city="C" * 101), "city")],
)
def test_other_settings_are_checked(db, change, field):
    with pytest.raises(ValidationError) as caught:
        save_letterhead(db, _kalsel(**change))
    assert caught.value.field == field


def test_saving_over_a_colleagues_change_names_them(db_url):
    # Given Ani and Budi both opened the saved letterhead at version 1
    ani = open_database(db_url, actor="ani")
    budi = open_database(db_url, actor="budi")
    try:
        save_letterhead(ani, _kalsel())
        seen_by_ani = get_letterhead(ani)
        seen_by_budi = get_letterhead(budi)

        # When Budi saves first
        save_letterhead(budi, replace(seen_by_budi, city="Martapura"))

        # Then Ani's save is refused, naming Budi, and Budi's change stays
        with pytest.raises(ConflictError) as caught:
            save_letterhead(ani, replace(seen_by_ani, city="Banjarbaru"))
        assert "budi" in str(caught.value)
        assert get_letterhead(ani).city == "Martapura"
    finally:
        ani.close()
        budi.close()


def test_two_first_saves_of_the_default_letterhead_do_not_leave_two_defaults(db_url):
    # Given Ani and Budi both open the letterhead screen before any letterhead was saved
    ani = open_database(db_url, actor="ani")
    budi = open_database(db_url, actor="budi")
    try:
        blank_for_ani = get_letterhead(ani)
        blank_for_budi = get_letterhead(budi)

        # When both save: Ani first, then Budi
        save_letterhead(ani, _kalsel(city="Banjarbaru"))
        try:
            save_letterhead(budi, replace(blank_for_budi, city="Martapura"))
        except DomainError:
            # a readable refusal (e.g. a conflict) is an acceptable answer
            assert get_letterhead(ani).city == "Banjarbaru"
        else:
            # otherwise Budi's save must be what everybody now reads
            assert get_letterhead(ani).city == "Martapura"
        assert blank_for_ani.id is None
    finally:
        ani.close()
        budi.close()


def test_a_second_new_letterhead_for_one_task_force_is_a_readable_refusal(db):
    # A second "new" letterhead for the same task force (two clerks, or a stale screen)
    # must give a domain error or update the existing one, never a raw database error.
    task_force = make_task_force(db, make_province(db))
    save_letterhead(db, _kalsel(task_force_id=task_force, city="Banjarbaru"))
    try:
        save_letterhead(db, _kalsel(task_force_id=task_force, city="Martapura"))
    except DomainError:
        assert get_letterhead(db, task_force).city == "Banjarbaru"
    else:
        assert get_letterhead(db, task_force).city == "Martapura"
