"""Who signs a commitment, chosen in its form as a clerk does; the daftar hadir's walk-in
rows and full copy, and the lembar komitmen bersama, written from the Laporan page."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from PySide6.QtCore import Qt

from secretariat.commitments.queries import get_commitment
from secretariat.documents.minutes_and_attendance import attendance_document
from secretariat.meetings.lifecycle import list_meetings
from tests.factories import make_agency, make_commitment, make_meeting, make_task_force
from tests.ui.test_documents_page import _choose, _page, _wait_written
from ui.commitment_dialog import CommitmentDialog
from ui.follow_ups.commitment_window import CommitmentWindow

BENGKAYANG = ("Pertemuan Koordinasi dan Sinkronisasi Pencegahan TPPO dan Pelindungan Pekerja "
              "Migran Indonesia di Kabupaten Bengkayang")


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _tick(qtbot, picker, wanted: str) -> None:
    """Type part of the name in the find box, click the line found, press Space."""
    picker.find.clear()
    qtbot.keyClicks(picker.find, wanted)
    assert picker.shown.rowCount() == 1, wanted
    index = picker.shown.index(0, 0)
    qtbot.mouseClick(picker.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=picker.view.visualRect(index).center())
    qtbot.keyClick(picker.view, Qt.Key.Key_Space)


def test_signatories_are_ticked_in_the_commitment_form_and_saved(qtbot, context):
    db = context.db
    dinsos, polda = make_agency(db, "Dinsos"), make_agency(db, "Polda")
    fkub = make_agency(db, "FKUB", name="Forum Kerukunan Umat Beragama Provinsi Kalsel")
    dad = make_agency(db, "DAD", name="Dewan Adat Dayak Kalimantan Selatan")
    make_agency(db, "Kejati")
    meeting = make_meeting(db, make_task_force(db), date(2026, 9, 2))
    commitment = make_commitment(db, meeting, dinsos, supporting_agency_ids=(polda,))
    dialog = CommitmentDialog(context, commitment)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.signatories
    # A new commitment is signed by its lead and supporting agencies, to begin with.
    assert picker.summary.text() == "Dinsos, Polda"

    _tick(qtbot, picker, "Kerukunan")  # FKUB, found by its name
    _tick(qtbot, picker, "Dewan Adat")
    _tick(qtbot, picker, "Polda")  # ticked already: Space takes it off
    assert picker.summary.text() == "DAD, Dinsos, FKUB"
    dialog.accept()

    assert dialog.result() == dialog.DialogCode.Accepted
    detail = get_commitment(db, commitment)
    assert set(detail.signatory_agency_ids) == {dinsos, fkub, dad}
    assert detail.supporting_agency_ids == (polda,)  # supporting is a separate thing
    # The commitment's window (opened from the Komitmen page) names them.
    window = CommitmentWindow(context, commitment)
    qtbot.addWidget(window)
    shown = [window.facts.itemAt(i).widget().text() for i in range(window.facts.count())]
    assert "DAD, Dinsos, FKUB" in shown


def test_the_daftar_hadir_with_walk_in_rows_and_the_full_copy(qtbot, demo_context,
                                                               monkeypatch, tmp_path):
    target = tmp_path / "hadir.pdf"
    page = _page(qtbot, demo_context, monkeypatch, target)
    assert page.blank.isChecked() and page.blank_rows.value() == 10
    page.blank_rows.clear()
    qtbot.keyClicks(page.blank_rows, "3")
    page.full_copy.setChecked(True)
    page.attendance_button.click()
    _wait_written(qtbot, page)

    text = _text(target)
    last = len(attendance_document(demo_context.db, page.selected_meeting().id,
                                   blank=True).lines) + 3
    assert re.search(rf"\b{last}\. \.", text) and not re.search(rf"\b{last + 1}\. \.", text)
    assert text.count("TERBATAS") == 2 * text.count("Halaman ")
    # A held meeting: the blank rows are for the sheet signed at the door only.
    _choose(page, BENGKAYANG)
    assert page.filled.isChecked() and not page.blank_rows.isEnabled()


def test_the_list_as_recorded_of_the_planned_rakor_is_refused_on_the_page(
        qtbot, demo_context, monkeypatch, tmp_path, messages):
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "hadir.pdf")
    page.filled.setChecked(True)
    page.attendance_button.click()
    assert not page.is_busy() and not (tmp_path / "hadir.pdf").exists()
    assert any("masih direncanakan" in text for text in messages.texts())


def test_the_lembar_komitmen_bersama_of_the_bengkayang_meeting(qtbot, demo_context,
                                                                monkeypatch, tmp_path):
    target = tmp_path / "komitmen.pdf"
    page = _page(qtbot, demo_context, monkeypatch, target)
    planned = next(m for m in list_meetings(demo_context.db) if not m.commitment_count)
    page.select_meeting(planned.id)
    assert not page.joint_button.isEnabled()  # nothing agreed yet: nothing to sign
    _choose(page, BENGKAYANG)
    page.joint_button.click()
    _wait_written(qtbot, page)

    assert page.asked[-1][1].startswith("Komitmen Bersama 2025-08-07")
    flat = " ".join(_text(target).split())
    assert "LEMBAR KOMITMEN BERSAMA" in flat and "Simon Petrus Ajum" in flat
