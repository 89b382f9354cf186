"""The search finds what a clerk wrote anywhere: follow-ups, obstacles, minutes, agenda,
contacts, evidence names, and a meeting kind's everyday names; the index follows every write."""

from __future__ import annotations

from datetime import date

from factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_task_force,
    version_of,
)

from models import Commitment, Meeting, MeetingKind
from secretariat.agencies.contacts import ContactDraft, add_contact, remove_contact
from secretariat.commitments.evidence import add_evidence
from secretariat.commitments.recording import CommitmentDraft, update_commitment
from secretariat.home.search import SearchKind, search
from secretariat.meetings.lifecycle import AgendaDraft, add_agenda_item, mark_held, write_minutes


def _ids(db, text: str, kind: SearchKind) -> list[int]:
    return [hit.id for hit in search(db, text).of_kind(kind)]


def _held(db, task_force: int, **kw) -> int:
    meeting = make_meeting(db, task_force, date(2025, 3, 4), **kw)
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=date(2025, 3, 5))
    return meeting


def test_follow_ups_and_their_obstacles_are_searched_with_the_commitment(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    posko = make_commitment(db, rakor, dinsos, text="Membentuk posko pengaduan")
    make_commitment(db, rakor, dinsos, text="Sosialisasi ke sekolah")
    make_follow_up(db, posko, note="Rancangan SK dalam harmonisasi di Biro Hukum",
                   obstacles="Anggaran belum tersedia")

    assert _ids(db, "harmonisasi", SearchKind.COMMITMENT) == [posko]
    assert _ids(db, "Biro Hukum", SearchKind.COMMITMENT) == [posko]
    # Words from the commitment and from its follow-up together find it.
    assert _ids(db, "posko anggaran", SearchKind.COMMITMENT) == [posko]
    hit = search(db, "harmoni").of_kind(SearchKind.COMMITMENT)[0]
    assert hit.matched == ("harmonisasi",)
    assert "harmonisasi di Biro Hukum" in hit.excerpt


def test_word_starts_match_but_not_the_middle_of_a_word(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    found = make_commitment(db, rakor, dinsos, text="Pendataan PMI non-prosedural")

    assert _ids(db, "penda", SearchKind.COMMITMENT) == [found]
    assert _ids(db, "prosedural", SearchKind.COMMITMENT) == [found]
    assert _ids(db, "dataan", SearchKind.COMMITMENT) == []


def test_case_and_accents_are_ignored_both_ways(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    found = make_commitment(db, rakor, dinsos, text="Pendampingan oleh Pastor José Ramírez")

    assert _ids(db, "jose ramirez", SearchKind.COMMITMENT) == [found]
    assert _ids(db, "JOSÉ", SearchKind.COMMITMENT) == [found]


def test_meetings_are_found_by_their_kind_agenda_and_minutes(db):
    task_force = make_task_force(db)
    rakor = _held(db, task_force, title="Rapat Koordinasi Triwulan I",
                  kind=MeetingKind.RAKOR)
    monev = make_meeting(db, task_force, date(2025, 5, 6), title="Kunjungan lapangan",
                         kind=MeetingKind.MONITORING)
    add_agenda_item(db, rakor, AgendaDraft("Evaluasi posko", discussion="Perda perlindungan PMI"))
    write_minutes(db, rakor, "Rapat dibuka oleh Asisten I", "Disepakati pembentukan satgas",
                  version_of(db, Meeting, rakor))

    assert _ids(db, "rakor", SearchKind.MEETING) == [rakor]
    assert _ids(db, "monev", SearchKind.MEETING) == [monev]
    assert _ids(db, "perda", SearchKind.MEETING) == [rakor]
    assert _ids(db, "rakor satgas", SearchKind.MEETING) == [rakor]


def test_contacts_are_searched_with_their_agency(db):
    polda = make_agency(db, "Polda", name="Kepolisian Daerah Kalimantan Selatan")
    make_agency(db, "Dinsos")
    contact = add_contact(db, ContactDraft(polda, "AKBP Rina Wulandari",
                                           position="Kasubdit IV Renakta"))

    assert _ids(db, "renakta", SearchKind.AGENCY) == [polda]
    remove_contact(db, contact, 1)
    assert _ids(db, "renakta", SearchKind.AGENCY) == []


def test_evidence_file_names_are_searched(db, tmp_path):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    found = make_commitment(db, rakor, dinsos)
    follow_up = make_follow_up(db, found)
    scan = tmp_path / "notulen_rapat_desa-Sungai_Tabuk.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    add_evidence(db, follow_up, [scan])

    assert _ids(db, "sungai tabuk", SearchKind.COMMITMENT) == [found]


def test_the_index_follows_edits_and_removals(db):
    task_force = make_task_force(db)
    dinsos = make_agency(db, "Dinsos")
    rakor = make_meeting(db, task_force)
    found = make_commitment(db, rakor, dinsos, text="Membentuk posko pengaduan")

    update_commitment(db, found, CommitmentDraft(text="Membentuk rumah aman",
                                                 lead_agency_id=dinsos),
                      version_of(db, Commitment, found))

    assert _ids(db, "posko", SearchKind.COMMITMENT) == []
    assert _ids(db, "rumah aman", SearchKind.COMMITMENT) == [found]


def test_check_finds_an_index_out_of_step_and_reindex_repairs_it(db):
    from models import search_index
    from secretariat.storage.check import check_database

    task_force = make_task_force(db)
    rakor = make_meeting(db, task_force, title="Rakor Triwulan")
    with db.engine.begin() as connection:  # as a hand edit past the triggers would
        connection.exec_driver_sql("INSERT INTO search_paused (paused) VALUES (1)")
        connection.exec_driver_sql(f"DELETE FROM search_meetings WHERE "
                                   f"{'rowid' if db.is_sqlite else 'id'} = {rakor}")
        connection.exec_driver_sql("DELETE FROM search_paused")

    assert any("indeks pencarian" in problem.lower() for problem in check_database(db).problems)
    assert _ids(db, "triwulan", SearchKind.MEETING) == []
    with db.engine.begin() as connection:
        search_index.rebuild(connection)
    assert check_database(db).healthy
    assert _ids(db, "triwulan", SearchKind.MEETING) == [rakor]
