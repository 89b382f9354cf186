"""Laporan: a meeting's notulen and daftar hadir written as PDF without freezing the window."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices

from secretariat.meetings.lifecycle import list_meetings
from tests.ui.conftest import TODAY
from ui.documents_page import DocumentsPage

HELD_2025 = "Rapat Koordinasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan Tahun 2025"
HELD_2024 = "Rapat Koordinasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan Tahun 2024"
CONFIDENTIAL = "Menelusuri jaringan perekrut pekerja migran non-prosedural"


def _page(qtbot, context, monkeypatch, target) -> DocumentsPage:
    page = DocumentsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    asked: list[tuple[str, str]] = []
    page.asked = asked

    def ask_target(title: str, suggested: str) -> str:
        asked.append((title, suggested))
        return str(target)

    monkeypatch.setattr(page, "ask_target", ask_target)
    return page


def _choose(page: DocumentsPage, title: str) -> None:
    meeting = next(m for m in list_meetings(page.context.db) if m.title == title)
    page.select_meeting(meeting.id)
    assert page.selected_meeting().title == title


def _text(path) -> str:
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 1
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _wait_written(qtbot, page: DocumentsPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)


def test_meetings_are_offered_newest_first(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "x.pdf")
    dates = [page.meetings.row_at(row).date for row in range(page.meetings.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == len(list_meetings(demo_context.db))
    assert page.meeting.currentIndex() == 0
    # The planned rakor comes first, and its daftar hadir is for signing: blank.
    assert page.blank.isChecked()


def test_the_notulen_is_written_in_the_background(qtbot, demo_context, monkeypatch, tmp_path):
    target = tmp_path / "notulen rakor"  # no ".pdf" typed: it is added
    page = _page(qtbot, demo_context, monkeypatch, target)
    _choose(page, HELD_2025)
    assert page.filled.isChecked()  # a held meeting: the sheet as recorded

    page.minutes_button.click()

    # Right after the click the writing runs on a worker: the button waits, a bar moves.
    assert page.is_busy()
    assert not page.minutes_button.isEnabled() and not page.attendance_button.isEnabled()
    assert page.progress.isVisible()
    _wait_written(qtbot, page)
    written = tmp_path / "notulen rakor.pdf"
    assert page.result_path == str(written)
    assert page.last_error == ""
    assert page.minutes_button.isEnabled() and not page.progress.isVisible()
    assert str(written) in page.outcome.text() and page.open_button.isVisible()
    text = _text(written)
    assert HELD_2025 in text
    assert "NOTULEN" in text.upper()
    assert page.asked[0][1].startswith("Notulen 2025-12-02 Rapat Koordinasi")


def test_the_notulen_is_circulated_unless_the_full_copy_is_ticked(qtbot, demo_context,
                                                                  monkeypatch, tmp_path):
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "edaran.pdf")
    _choose(page, HELD_2024)
    page.minutes_button.click()
    _wait_written(qtbot, page)
    assert HELD_2024 in _text(tmp_path / "edaran.pdf")
    assert CONFIDENTIAL not in _text(tmp_path / "edaran.pdf")
    assert "SALINAN EDARAN" in _text(tmp_path / "edaran.pdf")

    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "lengkap.pdf"))
    page.with_confidential.setChecked(True)
    page.minutes_button.click()
    _wait_written(qtbot, page)

    assert CONFIDENTIAL in _text(tmp_path / "lengkap.pdf")
    assert "TERBATAS" in _text(tmp_path / "lengkap.pdf")


def test_a_blank_daftar_hadir_for_the_planned_rakor(qtbot, demo_context, monkeypatch, tmp_path):
    target = tmp_path / "daftar-hadir.pdf"
    page = _page(qtbot, demo_context, monkeypatch, target)
    planned = page.selected_meeting()
    assert page.blank.isChecked()

    page.attendance_button.click()
    _wait_written(qtbot, page)

    text = _text(target)
    assert planned.title.split(":")[0] in text
    assert "DAFTAR HADIR" in text.upper()
    assert page.asked[0][1].startswith("Daftar Hadir 2026-")
    assert "/" not in page.asked[0][1] and ":" not in page.asked[0][1]  # safe file name


def test_a_target_that_cannot_be_written_is_explained(qtbot, demo_context, monkeypatch,
                                                      tmp_path):
    blocked = tmp_path / "terkunci.pdf"
    blocked.mkdir()  # a folder where the file should go: the file cannot replace it
    page = _page(qtbot, demo_context, monkeypatch, blocked)
    _choose(page, HELD_2025)

    page.attendance_button.click()
    _wait_written(qtbot, page)

    assert page.result_path is None
    assert str(blocked) in page.last_error and "tidak dapat ditulis" in page.last_error
    assert page.outcome.text() == page.last_error
    assert not page.open_button.isVisible()
    assert page.attendance_button.isEnabled()


def test_open_shows_the_written_document(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "hadir.pdf")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    page.attendance_button.click()
    _wait_written(qtbot, page)

    page.open_button.click()

    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "hadir.pdf")]


def test_cancelling_the_file_dialog_writes_nothing(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context, monkeypatch, "")
    page.minutes_button.click()
    assert not page.is_busy() and page.outcome.text() == ""
    assert list(tmp_path.glob("*.pdf")) == []


def test_without_meetings_nothing_can_be_written(qtbot, context, monkeypatch, tmp_path):
    page = _page(qtbot, context, monkeypatch, tmp_path / "x.pdf")
    assert not page.minutes_button.isEnabled()
    assert "Belum ada rapat" in page.meeting_facts.text()


def test_a_reload_keeps_the_meeting_and_the_choices(qtbot, demo_context, monkeypatch, tmp_path):
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "x.pdf")
    _choose(page, HELD_2024)
    page.blank.setChecked(True)  # a blank sheet of a held meeting, e.g. for the archive
    page.with_confidential.setChecked(True)

    demo_context.changes.announce("meetings")

    assert page.selected_meeting().title == HELD_2024
    assert page.blank.isChecked() and page.with_confidential.isChecked()


# --- the action matrix ---------------------------------------------------------------------


def test_the_matrix_is_written_as_a_workbook_in_the_background(qtbot, demo_context,
                                                              monkeypatch, tmp_path):
    import openpyxl

    from exports.excel.matrix import HEADER_ROW
    from secretariat.commitments.queries import CommitmentFilter, count_commitments

    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "matriks")
    page.matrix.write(".xlsx")
    _wait_written(qtbot, page)

    assert page.result_path.endswith("matriks.xlsx") and not page.last_error
    assert page.asked[-1][1].endswith(".xlsx")
    rows = openpyxl.load_workbook(page.result_path).active.max_row - HEADER_ROW
    # The open commitments of the task force that met last, in the circulated copy.
    shown = CommitmentFilter(open_only=True, task_force_id=page.matrix.task_force.currentData(),
                             include_confidential=False)
    assert rows == count_commitments(demo_context.db, shown, today=TODAY)
    assert page.progress.maximum() == rows  # the bar counted rows, not just "busy"


def test_the_komitmen_list_goes_to_the_matrix_as_filtered(qtbot, demo_context, monkeypatch,
                                                         tmp_path):
    from secretariat.commitments.queries import CommitmentFilter
    from ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    commitments = window.show_page("commitments")
    lead = commitments.model.row_at(0).lead_agency_id
    commitments.show_filtered(CommitmentFilter(lead_agency_id=lead))
    expected = commitments.model.total

    commitments.matrix_button.click()

    page = window.current_page()
    assert window.current_key() == "documents"
    assert page.matrix.current_filter().lead_agency_id == lead
    assert page.matrix.given_label.isVisible() and not page.matrix.year.isEnabled()
    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "satu.pdf"))
    page.matrix.write(".pdf")
    _wait_written(qtbot, page)
    content = _text(tmp_path / "satu.pdf")
    assert "MATRIKS TINDAK LANJUT" in content and expected >= 1
    page.matrix.given_clear.click()
    assert page.matrix.current_filter() == CommitmentFilter(open_only=True)


def test_the_matrix_is_one_task_forces_circulated_copy_unless_asked(qtbot, demo_context,
                                                                   monkeypatch, tmp_path):
    from secretariat.documents.letterhead import get_letterhead

    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "edaran.pdf")
    page.refresh()
    box = page.matrix
    box.open_only.setChecked(False)
    kalsel = box.task_force.currentData()
    assert "Kalimantan Selatan" in box.task_force.currentText()  # the one that met last
    box.write(".pdf")
    _wait_written(qtbot, page)
    text = _text(tmp_path / "edaran.pdf")
    assert CONFIDENTIAL not in text and "SALINAN EDARAN" in text
    assert "Bengkayang" not in text and "Kalimantan Timur" not in text
    assert get_letterhead(demo_context.db, kalsel).agency_line.upper() in text

    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "lengkap.pdf"))
    box.full_copy.setChecked(True)
    box.write(".pdf")
    _wait_written(qtbot, page)
    assert CONFIDENTIAL in _text(tmp_path / "lengkap.pdf")
    assert "TERBATAS" in _text(tmp_path / "lengkap.pdf")

    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "kaltim.pdf"))
    box.task_force.setCurrentIndex(box.task_force.findText(
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Timur"))
    box.write(".pdf")
    _wait_written(qtbot, page)
    text = _text(tmp_path / "kaltim.pdf")
    assert CONFIDENTIAL not in text and "KALIMANTAN TIMUR" in text


# --- the progress report -------------------------------------------------------------------


def test_the_progress_page_hands_its_task_force_and_year_to_the_report(qtbot, demo_context,
                                                                      monkeypatch, tmp_path):
    import openpyxl

    from ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    progress = window.show_page("progress")
    progress.year.setCurrentIndex(progress.year.findData(2025))
    task_force, shown = progress.task_force.currentData(), progress.figures

    progress.report_button.click()

    page = window.current_page()
    assert window.current_key() == "documents"
    box = page.progress_report
    assert (box.task_force.currentData(), box.year.currentData()) == (task_force, 2025)
    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "l"))
    box.write(".xlsx")
    _wait_written(qtbot, page)
    assert page.result_path.endswith("l.xlsx") and not page.last_error
    summary = openpyxl.load_workbook(page.result_path)["Ringkasan"]
    totals = {row[0]: row[1] for row in summary.iter_rows(min_row=5, values_only=True)}
    assert totals["Jumlah"] == shown.total  # the very figures the Progress page showed
    assert totals["Selesai"] == shown.done


def test_the_progress_report_is_written_as_pdf_with_a_safe_name(qtbot, demo_context,
                                                                monkeypatch, tmp_path):
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "laporan")
    page.refresh()
    assert page.progress_report.pdf_button.isEnabled()
    page.progress_report.year.setCurrentIndex(page.progress_report.year.findData(2025))
    page.progress_report.write(".pdf")
    _wait_written(qtbot, page)

    assert page.result_path.endswith("laporan.pdf") and not page.last_error
    assert "LAPORAN PERKEMBANGAN TINDAK LANJUT KOMITMEN" in _text(page.result_path)
    suggested = page.asked[-1][1]
    assert suggested.startswith("Laporan Perkembangan 2025") and suggested.endswith(".pdf")
    assert not set('<>:"/\\|?*') & set(suggested)


# --- the registers -------------------------------------------------------------------------


def test_the_agency_directory_and_the_schedule_are_written_from_laporan(qtbot, demo_context,
                                                                        monkeypatch, tmp_path):
    import openpyxl

    from exports.excel.sheets import HEADER_ROW
    from secretariat.agencies.register import list_agencies
    from secretariat.meetings.lifecycle import list_meetings

    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "direktori")
    page.registers.write_directory()
    _wait_written(qtbot, page)
    assert page.result_path.endswith("direktori.xlsx") and not page.preview_button.isVisible()
    sheet = openpyxl.load_workbook(page.result_path)["Direktori Instansi"]
    listed = {row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)}
    assert listed == {agency.abbreviation for agency in list_agencies(demo_context.db)}

    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "jadwal.xlsx"))
    page.registers.year.setCurrentIndex(page.registers.year.findData(2025))
    page.registers.write_schedule()
    _wait_written(qtbot, page)
    schedule = openpyxl.load_workbook(page.result_path).active
    rows = list(schedule.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    task_force_column = [cell.value for cell in schedule[HEADER_ROW]].index("Gugus Tugas")
    # One task force's schedule, under its kop: the one that met last unless chosen.
    chosen = page.registers.task_force.currentData()
    assert chosen is not None
    assert len(rows) == len(list_meetings(demo_context.db, year=2025, task_force_id=chosen))
    assert {row[task_force_column] for row in rows} == {
        page.registers.task_force.currentText()}


def test_the_invitation_for_the_planned_rakor_is_dated_today_and_signed_by_its_chair(
        qtbot, demo_context, monkeypatch, tmp_path):
    # Given the planned rakor chosen on Laporan (the newest meeting)
    target = tmp_path / "undangan.pdf"
    page = _page(qtbot, demo_context, monkeypatch, target)
    planned = page.selected_meeting()

    # When the clerk asks for the surat undangan and saves the dialog as it comes
    page.invitation_button.click()
    dialog = page.dialog
    assert dialog.letter_date.date() == TODAY
    assert dialog.signer_name.text() == "Husnul Hatimah"  # the rakor's chair signs
    dialog.signer_nip.setText("12ab")
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("signer_nip")  # refused, kept open
    assert not page.is_busy()
    dialog.signer_nip.setText("196809151993032008")
    dialog.accept()
    _wait_written(qtbot, page)

    # Then the letter names the meeting's day, with the list of invitees attached
    text = _text(target)
    assert "Undangan Rapat Koordinasi (Rakor)" in text and "DAFTAR UNDANGAN" in text
    assert "25 November 2026" in text  # the letter's date, the demo's today
    assert planned.title.split(":")[0] in text
    assert page.asked[0][1].startswith("Undangan 2026-")
    assert page.preview_button.isVisible()


def test_a_cancelled_meeting_offers_no_invitation(qtbot, demo_context, monkeypatch, tmp_path):
    from models import Meeting
    from secretariat.meetings.lifecycle import cancel_meeting
    from tests.factories import version_of

    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "x.pdf")
    planned = page.selected_meeting()
    cancel_meeting(demo_context.db, planned.id, "Diundur",
                   version_of(demo_context.db, Meeting, planned.id))
    demo_context.changes.announce("meetings")
    page.select_meeting(planned.id)
    assert not page.invitation_button.isEnabled() and page.attendance_button.isEnabled()


def test_the_meeting_page_opens_its_documents(qtbot, demo_context):
    from PySide6.QtGui import QUndoStack

    from ui.meetings.meeting_view import MeetingView

    view = MeetingView(demo_context, QUndoStack())
    qtbot.addWidget(view)
    meeting = list_meetings(demo_context.db)[-1]
    assert view.show_meeting(meeting.id)
    view.documents_button.click()
    assert demo_context.navigator.opened[-1] == ("documents", meeting.id)


# --- file names ----------------------------------------------------------------------------


def test_a_title_windows_would_refuse_still_gives_a_name_it_takes(qtbot, demo_context,
                                                                 monkeypatch, tmp_path):
    from datetime import date

    from factories import make_meeting

    from secretariat.file_targets import name_problem

    planned = list_meetings(demo_context.db)[-1]
    title = 'CON: Evaluasi 1/2 "Triwulan" <I> | Sub\\Gugus? *Tugas*.'
    make_meeting(demo_context.db, planned.task_force_id, date(2026, 1, 20), title=title)
    page = _page(qtbot, demo_context, monkeypatch, tmp_path / "notulen.pdf")
    _choose(page, title)

    page.minutes_button.click()
    _wait_written(qtbot, page)

    suggested = page.asked[-1][1]
    assert suggested == "Notulen 2026-01-20 CON Evaluasi 1 2 Triwulan I Sub Gugus Tugas.pdf"
    assert name_problem(suggested) is None
    assert page.result_path == str(tmp_path / "notulen.pdf")


def test_a_name_windows_refuses_is_explained_on_the_page_and_nothing_written(
        qtbot, demo_context, monkeypatch, tmp_path):
    folder = tmp_path / "dokumen"
    folder.mkdir()
    page = _page(qtbot, demo_context, monkeypatch, folder / "CON.pdf")
    _choose(page, HELD_2025)

    page.minutes_button.click()
    _wait_written(qtbot, page)

    assert page.result_path is None
    assert page.last_error == ("CON.pdf tidak dapat menjadi nama berkas: Windows memakai nama "
                               "CON untuk perangkat, dengan ekstensi apa pun. Pilih nama lain.")
    assert list(folder.iterdir()) == []
