"""The search box: agencies, meetings and commitments found by the words typed."""

from __future__ import annotations

from datetime import date

from factories import make_agency, make_commitment, make_meeting, make_task_force, version_of

from models import Agency
from secretariat.agencies.register import archive_agency
from secretariat.home.search import SearchKind, search


def _found(results, kind: SearchKind) -> list[str]:
    return [hit.title for hit in results.of_kind(kind)]


def test_agencies_are_found_by_abbreviation_or_name_ignoring_case(db):
    make_agency(db, "Dinsos", name="Dinas Sosial Provinsi Kalimantan Selatan")
    make_agency(db, "Polda", name="Kepolisian Daerah Kalimantan Selatan")
    old = make_agency(db, "BP3TKI", name="Balai Pelayanan Penempatan TKI")
    archive_agency(db, old, version_of(db, Agency, old))

    assert _found(search(db, "DINSOS"), SearchKind.AGENCY) == ["Dinsos"]
    assert _found(search(db, "kepolisian"), SearchKind.AGENCY) == ["Polda"]
    archived = search(db, "bp3tki").of_kind(SearchKind.AGENCY)[0]
    assert archived.subtitle == "Balai Pelayanan Penempatan TKI (diarsipkan)"


def test_meetings_are_found_by_title_place_or_invitation_number(db):
    task_force = make_task_force(db)
    aula = make_meeting(db, task_force, date(2025, 12, 2), title="Rakor Akhir Tahun",
                        place="Aula DP3AKB, Banjarbaru", invitation_number="005/123/DP3AKB")
    make_meeting(db, task_force, date(2025, 6, 2), title="FGD Pencegahan", place="Hotel Roditha")

    assert [hit.id for hit in search(db, "banjarBARU").of_kind(SearchKind.MEETING)] == [aula]
    assert _found(search(db, "005/123"), SearchKind.MEETING) == ["Rakor Akhir Tahun"]
    assert _found(search(db, "fgd"), SearchKind.MEETING) == ["FGD Pencegahan"]
    hit = search(db, "roditha").of_kind(SearchKind.MEETING)[0]
    assert hit.when == date(2025, 6, 2)
    assert "Hotel Roditha" in hit.subtitle and "Direncanakan" in hit.subtitle


def test_commitments_are_found_by_text_or_action_plan_with_their_meeting(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force, date(2025, 12, 2), title="Rakor Desember")
    posko = make_commitment(db, rakor, dinsos, text="Membentuk posko pengaduan",
                            action_plan="Koordinasi dengan Polda")
    make_commitment(db, rakor, dinsos, text="Sosialisasi ke sekolah")

    found = search(db, "POSKO").of_kind(SearchKind.COMMITMENT)
    assert [hit.id for hit in found] == [posko]
    assert found[0].subtitle.startswith("No. 1 dari Rakor Desember · Dinsos · ")
    assert [hit.id for hit in search(db, "koordinasi polda").of_kind(SearchKind.COMMITMENT)] \
        == [posko]
    # Every word must occur: a word found nowhere finds nothing.
    assert search(db, "posko sekolah").hits == ()


def test_punctuation_separates_words_as_in_the_text(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    full = make_commitment(db, rakor, dinsos, text="Capaian 100% desa terdata")
    code = make_commitment(db, rakor, dinsos, text="Kode a_b dipakai")
    make_commitment(db, rakor, dinsos, text="Kode axb dipakai")

    # "%" and "_" are no wildcards: they only separate words, as in the text.
    assert [hit.id for hit in search(db, "100%").hits] == [full]
    assert [hit.id for hit in search(db, "kode a_b").hits] == [code]
    assert search(db, "%").hits == ()


def test_each_kind_is_limited_and_says_it_left_some_out(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    for number in range(4):
        make_commitment(db, rakor, dinsos, text=f"Pendataan tahap {number + 1}")

    results = search(db, "pendataan", limit=3)

    # The most recently recorded first, shown in the meeting's order.
    assert _found(results, SearchKind.COMMITMENT) == [
        "Pendataan tahap 2", "Pendataan tahap 3", "Pendataan tahap 4"]
    assert results.truncated == {SearchKind.COMMITMENT}
    assert search(db, "pendataan", limit=4).truncated == frozenset()


def test_long_texts_are_shortened_and_blank_searches_find_nothing(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    make_commitment(db, rakor, dinsos, text="Panjang " + "kata " * 100)

    hit = search(db, "panjang").hits[0]
    assert len(hit.title) <= 160 and hit.title.endswith("…")
    assert search(db, "   ").hits == ()
