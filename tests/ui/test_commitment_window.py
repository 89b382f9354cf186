"""A commitment's window: follow-ups with evidence, the whole status lifecycle, and the
letter asking an agency for a progress report, driven as a clerk would."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from models import CommitmentStatus, FollowUpSource
from secretariat.commitments.follow_ups import list_follow_ups
from secretariat.commitments.queries import CommitmentFilter, get_commitment
from secretariat.commitments.request_letters import list_requests
from tests.factories import (
    make_agency,
    make_commitment,
    make_meeting,
    make_province,
    make_task_force,
)
from ui.commitments_page import CommitmentsPage
from ui.follow_ups.commitment_window import CommitmentWindow
from ui.pdf_preview import PdfPreview

PDF_BYTES = b"%PDF-1.4\n% surat balasan Dinsos\n%%EOF\n"


@pytest.fixture
def commitment(context) -> int:
    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           date(2026, 9, 2), title="Rakor Triwulan III")
    return make_commitment(context.db, meeting, make_agency(context.db, "Dinsos"),
                           text="Menyiapkan rumah aman bagi korban", due_date=date(2026, 12, 31))


def _window(qtbot, context, commitment_id) -> CommitmentWindow:
    window = CommitmentWindow(context, commitment_id)
    qtbot.addWidget(window)
    window.show()
    window.opened = []
    window.viewer = window.opened.append  # no desktop viewer offscreen: keep the path
    return window


def _record(window, status, *, progress=None, note="", reason="", files=(), source=None):
    window.record_follow_up()
    dialog = window.dialog
    if source is not None:
        dialog.source.setCurrentIndex(dialog.source.findData(source))
    dialog.status.setCurrentIndex(dialog.status.findData(status))
    if progress is not None:
        dialog.progress.setValue(progress)
    dialog.note.setPlainText(note)
    dialog.reason.setPlainText(reason)
    for path in files:
        dialog.evidence.add_path(path)
    dialog.accept()
    return dialog


def test_a_follow_up_with_a_letter_attached_shows_in_the_log_and_opens_unchanged(
        qtbot, context, commitment, tmp_path):
    letter = tmp_path / "Balasan Dinsos.pdf"
    letter.write_bytes(PDF_BYTES)
    window = _window(qtbot, context, commitment)

    dialog = _record(window, CommitmentStatus.IN_PROGRESS, progress=40,
                     note="Rumah aman <b>disewa</b> & dilengkapi", files=[letter])

    assert not dialog.isVisible()
    assert window.log_model.rowCount() == 1
    assert window.log_model.index(0, 5).data() == "Rumah aman <b>disewa</b> & dilengkapi"
    assert window.log_model.index(0, 7).data() == "1"  # one evidence file
    assert window.progress.value() == 40
    assert window.evidence_model.index(0, 0).data() == "Balasan Dinsos.pdf"
    letter.unlink()  # the clerk's copy may go: the database keeps its own
    opened = window.open_evidence()
    assert window.opened == [opened] and opened.read_bytes() == PDF_BYTES


def test_a_program_file_is_refused_next_to_the_evidence_and_nothing_is_recorded(
        qtbot, context, commitment, tmp_path):
    bad = tmp_path / "foto.jpg.exe"
    bad.write_bytes(b"MZ")
    window = _window(qtbot, context, commitment)

    dialog = _record(window, CommitmentStatus.IN_PROGRESS, progress=10, note="Dicoba",
                     files=[bad])

    assert dialog.isVisible()
    assert "foto.jpg.exe" in dialog.form.error_text("evidence")
    assert dialog.note.toPlainText() == "Dicoba"  # nothing typed is lost
    assert list_follow_ups(context.db, commitment) == []


def test_the_whole_lifecycle_with_the_reason_cannot_needs(qtbot, context, commitment):
    window = _window(qtbot, context, commitment)
    _record(window, CommitmentStatus.IN_PROGRESS, progress=30, note="Lokasi dipilih")

    refused = _record(window, CommitmentStatus.CANNOT, note="Anggaran dipotong")
    assert refused.isVisible() and refused.form.error_text("status_reason")
    refused.reason.setPlainText("Refocusing anggaran daerah")
    refused.accept()
    assert not refused.isVisible()
    assert "Refocusing anggaran daerah" in window.status_text.text()

    _record(window, CommitmentStatus.IN_PROGRESS, progress=70, note="Dana CSR diperoleh")
    _record(window, CommitmentStatus.DONE, note="Rumah aman diresmikan")

    assert get_commitment(context.db, commitment).row.status is CommitmentStatus.DONE
    history = [window.history_model.index(row, 1).data()
               for row in range(window.history_model.rowCount())]
    assert history == ["Selesai", "Dalam Proses", "Tidak Dapat Ditindaklanjuti",
                       "Dalam Proses", "Belum Ditindaklanjuti"]  # newest first
    assert window.log_model.rowCount() == 4
    assert not window.request_button.isEnabled()  # nothing left to ask about


def test_progress_reported_at_a_meeting_is_linked_to_it(qtbot, context, commitment):
    window = _window(qtbot, context, commitment)
    _record(window, CommitmentStatus.IN_PROGRESS, progress=20, source=FollowUpSource.MEETING,
            note="Dilaporkan di rakor")
    (entry,) = list_follow_ups(context.db, commitment)
    assert entry.meeting_id == get_commitment(context.db, commitment).row.meeting_id
    assert entry.date == date(2026, 9, 2)  # the meeting's date


def test_a_request_letter_goes_from_the_komitmen_list_and_is_recorded(
        qtbot, demo_context, tmp_path, messages):
    page = CommitmentsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    open_rows = [r for r in rows if r.status in CommitmentStatus.open_statuses()]
    lead = open_rows[0].lead_agency_id
    page.show_filtered(CommitmentFilter(lead_agency_id=lead, open_only=True))
    page.table.selectAll()

    page.request_report()
    dialog = page.dialog
    dialog.letter_number.setText("005/211/GT-PPTPPO/XI/2026")
    dialog.target.setText(str(tmp_path / "salah ketik" / "permintaan"))
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("target")  # no stray folder made
    assert not (tmp_path / "salah ketik").exists()
    dialog.target.setText(str(tmp_path / "permintaan"))
    dialog.accept()

    assert not dialog.isVisible(), dialog.form.error_text("target")
    written = tmp_path / "permintaan.pdf"
    # The letter waits in the program's preview, to be printed for signature.
    (preview,) = [child for child in page.findChildren(PdfPreview) if child.isVisible()]
    assert preview.path == written and len(preview.page_views) >= 1
    preview.close()
    content = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(written).pages))
    assert "005/211/GT-PPTPPO/XI/2026" in content and "25 November 2026" in content
    asked = [page.model.row_at(r) for r in range(page.model.rowCount())]
    for row in asked:
        assert row.text.split()[0] in content
        assert [req.letter_number for req in list_requests(demo_context.db, row.id)] == [
            "005/211/GT-PPTPPO/XI/2026"]


def test_mixed_agencies_are_refused_before_any_letter(qtbot, demo_context, messages):
    page = CommitmentsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.show_filtered(CommitmentFilter(open_only=True))
    page.table.selectAll()
    page.request_report()
    assert page.dialog is None
    assert any("satu instansi" in text or "one agency" in text for text in messages.texts())


def test_a_new_follow_up_starts_in_its_first_field_and_an_untouched_one_is_refused(
        qtbot, context, commitment):
    # Given a commitment already in progress
    window = _window(qtbot, context, commitment)
    _record(window, CommitmentStatus.IN_PROGRESS, progress=30, note="Lokasi dipilih")
    # When the clerk opens the dialog again and presses Save without writing anything
    window.record_follow_up()
    dialog = window.dialog
    assert dialog.focusWidget() is dialog.date.line_edit  # in the form, not on Save
    dialog.accept()
    # Then nothing is logged and the note field says why
    assert dialog.isVisible() and dialog.form.error_text("note")
    assert len(list_follow_ups(context.db, commitment)) == 1


def test_tab_walks_the_fields_and_leaves_a_text_box(qtbot, context, commitment):
    window = _window(qtbot, context, commitment)
    window.record_follow_up()
    dialog = window.dialog
    assert dialog.note.tabChangesFocus()  # Tab in "What was done" moves on, types no tab
    buttons = set(dialog.buttons.buttons())
    widget, met = dialog.date, []
    for _step in range(200):  # the focus chain, from the first field until a button
        widget = widget.nextInFocusChain()
        if widget in buttons:
            break
        met.append(widget)
    assert dialog.note in met and dialog.progress in met  # every field before the buttons


def test_the_request_letter_offers_a_file_name_windows_takes(qtbot, context):
    from pathlib import Path

    from secretariat.file_targets import name_problem
    from ui.follow_ups.request_dialog import RequestDialog

    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           date(2026, 9, 2))
    agency = make_agency(context.db, "P3A/PPA:KAB")  # as some offices abbreviate themselves
    dialog = RequestDialog(context, (make_commitment(context.db, meeting, agency),))
    qtbot.addWidget(dialog)

    name = Path(dialog.target.text()).name
    assert name == "Permintaan laporan P3A-PPA KAB 2026-11-25.pdf"
    assert name_problem(name) is None


def test_the_request_letter_offers_to_leave_a_confidential_commitment_out(qtbot, context,
                                                                          tmp_path):
    from PySide6.QtCore import Qt

    from ui.follow_ups.request_dialog import RequestDialog

    meeting = make_meeting(context.db, make_task_force(context.db, make_province(context.db)),
                           date(2026, 9, 2))
    agency = make_agency(context.db, "Polda")
    public = make_commitment(context.db, meeting, agency, text="Patroli pelabuhan rakyat")
    secret = make_commitment(context.db, meeting, agency, confidential=True,
                             text="Menyelidiki jaringan perekrut di Batulicin")
    plain = RequestDialog(context, (public,))
    qtbot.addWidget(plain)
    assert plain.leave_out_confidential.isHidden()  # nothing to leave out: no question

    dialog = RequestDialog(context, (public, secret))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.leave_out_confidential.isVisible()
    dialog.signer_name.setText("Husnul Hatimah")
    dialog.signer_position.setText("Ketua Harian")
    dialog.open_after.setChecked(False)
    dialog.record.setChecked(False)
    dialog.target.setText(str(tmp_path / "terbatas.pdf"))
    marked = " ".join(page.extract_text() for page in PdfReader(dialog.save()).pages)
    assert "Batulicin" in marked and "TERBATAS" in marked

    qtbot.mouseClick(dialog.leave_out_confidential, Qt.MouseButton.LeftButton)
    dialog.target.setText(str(tmp_path / "edaran.pdf"))
    left_out = " ".join(page.extract_text() for page in PdfReader(dialog.save()).pages)
    assert "Batulicin" not in left_out and "TERBATAS" not in left_out
    assert "Patroli pelabuhan rakyat" in left_out
