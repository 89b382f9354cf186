"""The invitation's opening names the event once, the task force once; the closing fits the
Sifat. Titles from the demo and the ways clerks write them."""

from __future__ import annotations

import pytest

from models import MeetingKind
from secretariat.demo.seed_data import HELD_MEETINGS
from secretariat.meetings.invitation_wording import closing, occasion, opening

BENGKAYANG = ("Gugus Tugas PP-TPPO Kabupaten Bengkayang", "Kabupaten Bengkayang")
KALSEL = ("Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan", "Kalimantan Selatan")
TRIWULAN = "Rapat Koordinasi Gugus Tugas PP-TPPO Kabupaten Bengkayang Triwulan IV Tahun 2026"


@pytest.mark.parametrize("title", [
    "Rakor Triwulan IV Tahun 2026",
    "Rapat Koordinasi Triwulan IV Tahun 2026",
    "Triwulan IV Tahun 2026",
    TRIWULAN,  # already whole: kept, the task force not repeated
])
def test_a_rakor_is_named_kind_task_force_then_period(title):
    task_force, region = BENGKAYANG
    assert occasion(MeetingKind.RAKOR, title, task_force=task_force, region=region) == TRIWULAN


@pytest.mark.parametrize("kind, title, expected", [
    (MeetingKind.TECHNICAL, "Persiapan Rakor Evaluasi",
     "Rapat Teknis Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan tentang Persiapan Rakor "
     "Evaluasi"),
    (MeetingKind.TECHNICAL, "Rapat Teknis Sub Gugus Tugas Pencegahan: Persiapan Rakor Evaluasi",
     "Rapat Teknis Sub Gugus Tugas Pencegahan: Persiapan Rakor Evaluasi"),
    (MeetingKind.FGD, "FGD Pencegahan TPPO Berbasis Desa",
     "Focus Group Discussion (FGD) Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan tentang "
     "Pencegahan TPPO Berbasis Desa"),
    (MeetingKind.OUTREACH, "Sosialisasi Migrasi Aman bagi Calon PMI",
     "Sosialisasi Migrasi Aman bagi Calon PMI oleh Gugus Tugas PP-TPPO Provinsi Kalimantan "
     "Selatan"),
    (MeetingKind.MONITORING, "Monev Semester I Tahun 2026",
     "Monitoring dan Evaluasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan Semester I Tahun "
     "2026"),
    (MeetingKind.RAKOR, "Rapat Koordinasi (Rakor) Triwulan IV",
     "Rapat Koordinasi (Rakor) Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan Triwulan IV"),
    (MeetingKind.RAKOR, "Rapat Koordinasi GT PP-TPPO: Evaluasi",
     "Rapat Koordinasi GT PP-TPPO: Evaluasi"),
    (MeetingKind.RAKOR, "Rakor Data Kasus TPPO Kalimantan Selatan",  # the region is named
     "Rapat Koordinasi Data Kasus TPPO Kalimantan Selatan"),
])
def test_each_kind_reads_as_a_sentence(kind, title, expected):
    task_force, region = KALSEL
    assert occasion(kind, title, task_force=task_force, region=region) == expected


@pytest.mark.parametrize("spec", HELD_MEETINGS, ids=lambda spec: spec.key)
def test_no_demo_title_names_its_task_force_twice(spec):
    from secretariat.agencies.regions import level_of_code
    from secretariat.demo.seed_data import REGIONS, task_force_name

    region = next(name for code, name, _zone, _capital in REGIONS if code == spec.task_force)
    task_force = task_force_name(region, level_of_code(spec.task_force))
    sentence = opening(spec.kind, spec.title, task_force=task_force, region=region)
    assert sentence.startswith("Dalam rangka pelaksanaan " + spec.title.split()[0])
    assert sentence.casefold().count("gugus tugas") <= spec.title.casefold().count(
        "gugus tugas") + (0 if "gugus tugas" in spec.title.casefold() else 1)
    assert sentence.count(region) <= max(1, spec.title.count(region))
    assert sentence.endswith("bersama ini kami mengundang Bapak/Ibu untuk hadir pada:")


def test_the_bengkayang_sync_meeting_is_not_garbled():
    spec = next(spec for spec in HELD_MEETINGS if spec.key == "bengkayang-2025")
    task_force, region = BENGKAYANG
    assert occasion(spec.kind, spec.title, task_force=task_force, region=region) == spec.title


def test_an_fgd_asks_for_views_and_a_monev_for_data():
    assert "pandangan dan masukan" in closing(MeetingKind.FGD, "Biasa")
    assert "data capaian" in closing(MeetingKind.MONITORING, "Penting")
    assert closing(MeetingKind.RAKOR, "Biasa") == (
        "Demikian kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan "
        "terima kasih.")
    assert "berpartisipasi aktif" in opening(MeetingKind.FGD, "FGD", task_force="GT")
