"""Importing a meeting's matriks tindak lanjut kept in Excel: agencies by abbreviation or
name, dates as clerks write them, recorded states as follow-ups, all lines or none, and
the program's own matrix workbook read back."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_task_force,
    make_workbook,
    version_of,
)

from exports.excel.matrix import write_matrix_workbook
from exports.excel.reading import read_table
from models import CommitmentStatus, Meeting
from secretariat.commitments.follow_ups import list_follow_ups
from secretariat.commitments.queries import CommitmentFilter, get_commitment, list_commitments
from secretariat.commitments.workbook_import import COLUMNS, REQUIRED, import_commitments
from secretariat.documents.action_matrix import action_matrix
from secretariat.errors import RefusedError
from secretariat.importing import ImportRefused
from secretariat.meetings.lifecycle import finalise_minutes, mark_held

TODAY = date(2026, 11, 25)
HEADINGS = ["No", "Kesepakatan/Komitmen", "Rencana Aksi", "Penanggung Jawab",
            "Instansi Pendukung", "Batas Waktu", "Status", "Progres (%)", "Kendala",
            "Keterangan"]


@pytest.fixture
def setting(db):
    task_force = make_task_force(db)
    agencies = {
        "Dinsos": make_agency(db, "Dinsos Kalsel", name="Dinas Sosial Provinsi Kalimantan Selatan"),
        "Polda": make_agency(db, "Polda Kalsel", name="Kepolisian Daerah Kalimantan Selatan"),
        "Imigrasi": make_agency(db, "Kanwil Imigrasi Kalsel", name="Kantor Wilayah Imigrasi"),
    }
    meeting = make_meeting(db, task_force, date(2026, 9, 2), title="Rakor Triwulan III",
                           chair_name="Husnul Hatimah")
    return dict(task_force=task_force, meeting=meeting, **agencies)


def _workbook(path, rows, headings=HEADINGS):
    return make_workbook(path, headings, rows,
                         titles=["MATRIKS TINDAK LANJUT RAKOR TRIWULAN III"])


def _lines(path):
    return read_table(path, COLUMNS, required=REQUIRED)


def _import(db, meeting, path, **kw):
    return import_commitments(db, meeting, _lines(path), today=TODAY, source=path.name, **kw)


def _agreed(db, meeting):
    rows = list_commitments(db, CommitmentFilter(meeting_id=meeting), limit=None, today=TODAY)
    return sorted(rows, key=lambda row: row.number)


def test_each_line_becomes_a_commitment_and_its_state_a_follow_up(db, setting, tmp_path):
    path = _workbook(tmp_path / "matriks.xlsx", [
        [1, "Menyusun SOP rujukan korban", "Rapat teknis", "Dinsos Kalsel",
         "Kepolisian Daerah Kalimantan Selatan; Kanwil Imigrasi Kalsel",
         datetime(2026, 12, 31), "Dalam Proses", 0.4, "Anggaran terbatas", ""],
        [2, "Patroli pelabuhan <terpadu> & =1+1", "", "polda kalsel", "", "31 Maret 2027",
         "Belum Ditindaklanjuti", "", "", ""],
        [3, "Data korban triwulanan", "", "Dinsos Kalsel", "", "15-10-2026", "Selesai",
         "100%", "", "Terlambat 12 hari. Dilaporkan lisan"],
    ])

    outcome = _import(db, setting["meeting"], path)

    assert (outcome.commitments_added, outcome.follow_ups_added, outcome.written) == (3, 2, True)
    first, second, third = _agreed(db, setting["meeting"])
    assert (first.text, first.lead_agency, first.due_date) == (
        "Menyusun SOP rujukan korban", "Dinsos Kalsel", date(2026, 12, 31))
    assert (first.status, first.progress) == (CommitmentStatus.IN_PROGRESS, 40)
    detail = get_commitment(db, first.id, today=TODAY)
    assert detail.action_plan == "Rapat teknis"
    assert set(detail.supporting_agency_ids) == {setting["Polda"], setting["Imigrasi"]}
    (log,) = list_follow_ups(db, first.id)
    assert log.date == TODAY and log.obstacles == "Anggaran terbatas"
    assert "matriks.xlsx" in log.note
    assert second.text == "Patroli pelabuhan <terpadu> & =1+1"  # as typed, no formula
    assert (second.status, second.due_date) == (CommitmentStatus.NOT_STARTED, date(2027, 3, 31))
    assert list_follow_ups(db, second.id) == []
    assert (third.status, third.progress) == (CommitmentStatus.DONE, 100)
    assert get_commitment(db, third.id, today=TODAY).notes == "Dilaporkan lisan"


def test_any_refused_line_stops_the_import_and_each_is_named_by_row(db, setting, tmp_path):
    path = _workbook(tmp_path / "matriks.xlsx", [
        [1, "Baik", "", "Dinsos Kalsel", "", "", "", "", "", ""],
        [2, "Instansi tak dikenal", "", "BNN Kalsel", "", "", "", "", "", ""],
        [3, "Tanggal salah", "", "Dinsos Kalsel", "", "besok", "", "", "", ""],
        [4, "Status salah", "", "Dinsos Kalsel", "", "", "Hampir", "", "", ""],
        [5, "Selesai setengah", "", "Dinsos Kalsel", "", "", "Selesai", "50", "", ""],
        [6, "Tidak dapat tanpa alasan", "", "Dinsos Kalsel", "", "", "Tidak Dapat "
         "Ditindaklanjuti", "", "", ""],
        [7, "", "", "Dinsos Kalsel", "", "", "", "", "", ""],
        [8, "Tanpa penanggung jawab", "", "", "", "", "", "", "", ""],
        [9, "Sebelum rapat", "", "Dinsos Kalsel", "", "1 Januari 2026", "", "", "", ""],
    ])

    with pytest.raises(ImportRefused) as refused:
        _import(db, setting["meeting"], path)

    assert [problem.row for problem in refused.value.problems] == list(range(4, 12))
    assert _agreed(db, setting["meeting"]) == []


def test_a_trial_writes_nothing(db, setting, tmp_path):
    path = _workbook(tmp_path / "m.xlsx", [[1, "Baik", "", "Dinsos Kalsel", "", "", "Selesai",
                                            "", "", ""]])
    outcome = _import(db, setting["meeting"], path, trial=True)
    assert (outcome.commitments_added, outcome.follow_ups_added) == (1, 1)
    assert not outcome.written and _agreed(db, setting["meeting"]) == []


def test_lines_of_two_meetings_are_refused(db, setting, tmp_path):
    headings = ["Rapat"] + HEADINGS[1:]
    path = _workbook(tmp_path / "m.xlsx", [
        ["Rakor Triwulan II (03-06-2026)", "A", "", "Dinsos Kalsel", "", "", "", "", "", ""],
        ["Rakor Triwulan III (02-09-2026)", "B", "", "Dinsos Kalsel", "", "", "", "", "", ""],
    ], headings)
    with pytest.raises(ImportRefused) as refused:
        _import(db, setting["meeting"], path)
    assert [problem.row for problem in refused.value.problems] == [4]


def test_a_planned_meeting_takes_commitments_but_no_states_yet(db, setting, tmp_path):
    planned = make_meeting(db, setting["task_force"], date(2026, 12, 15))
    path = _workbook(tmp_path / "m.xlsx", [
        [1, "Baru", "", "Dinsos Kalsel", "", "", "", "", "", ""],
        [2, "Sudah jalan?", "", "Dinsos Kalsel", "", "", "Dalam Proses", "10", "", ""]])
    with pytest.raises(ImportRefused) as refused:
        _import(db, planned, path)
    assert [problem.row for problem in refused.value.problems] == [4]


def test_final_minutes_take_no_commitments(db, setting, tmp_path):
    meeting = setting["meeting"]
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=TODAY)
    finalise_minutes(db, meeting, version_of(db, Meeting, meeting))
    path = _workbook(tmp_path / "m.xlsx", [[1, "A", "", "Dinsos Kalsel", "", "", "", "", "",
                                            ""]])
    with pytest.raises(RefusedError):  # the meeting itself refuses, in one message
        _import(db, meeting, path)
    assert _agreed(db, meeting) == []


def test_the_programs_own_matrix_reads_back_with_the_states(db, setting, tmp_path):
    # Given commitments of an earlier meeting with follow-ups, written as the matrix workbook
    earlier = make_meeting(db, setting["task_force"], date(2026, 6, 3), title="Rakor II")
    done = make_commitment(db, earlier, setting["Dinsos"], text="Rumah aman",
                           due_date=date(2026, 8, 31))
    make_follow_up(db, done, status=CommitmentStatus.DONE, when=date(2026, 8, 1), today=TODAY)
    late = make_commitment(db, earlier, setting["Polda"], text="Patroli",
                           due_date=date(2026, 7, 31))
    make_follow_up(db, late, status=CommitmentStatus.IN_PROGRESS, progress=30,
                   when=date(2026, 7, 1), today=TODAY)
    make_commitment(db, earlier, setting["Imigrasi"], text="Pemeriksaan paspor")
    matrix = action_matrix(db, CommitmentFilter(meeting_id=earlier), today=TODAY)
    workbook = write_matrix_workbook(matrix, tmp_path / "matriks.xlsx")

    # When it is imported into another meeting of that day
    twin = make_meeting(db, setting["task_force"], date(2026, 6, 3), title="Rakor II (arsip)")
    outcome = _import(db, twin, workbook)

    # Then the same commitments stand there, in the states the matrix recorded
    assert outcome.commitments_added == 3
    before = {row.text: (row.lead_agency, row.due_date, row.status, row.progress)
              for row in _agreed(db, earlier)}
    after = {row.text: (row.lead_agency, row.due_date, row.status, row.progress)
             for row in _agreed(db, twin)}
    assert after == before
    patroli = next(row for row in _agreed(db, twin) if row.text == "Patroli")
    assert get_commitment(db, patroli.id, today=TODAY).notes == ""  # "Terlambat N hari" dropped


def test_the_command_line_imports_a_meetings_matrix(tmp_path, capsys):
    from secretariat.cli.main import EXIT_FAILED, EXIT_OK, main
    from secretariat.storage.database import open_database

    path = tmp_path / "baru.sqlite3"
    db = open_database(path)
    meeting = make_meeting(db, make_task_force(db), date(2026, 9, 2))
    make_agency(db, "Dinsos Kalsel")
    db.close()
    good = _workbook(tmp_path / "m.xlsx", [[1, "A", "", "Dinsos Kalsel", "", "", "", "", "",
                                            ""]])
    args = ["--db", str(path), "import", "commitments", str(good), "--meeting", str(meeting)]
    assert main(args + ["--trial"]) == EXIT_OK and "Uji coba" in capsys.readouterr().out
    assert main(args) == EXIT_OK and "1 komitmen" in capsys.readouterr().out
    bad = _workbook(tmp_path / "b.xlsx", [[1, "B", "", "BNN", "", "", "", "", "", ""]])
    assert main(["--db", str(path), "import", "commitments", str(bad), "--meeting",
                 str(meeting)]) == EXIT_FAILED
    assert "Baris 3:" in capsys.readouterr().err
