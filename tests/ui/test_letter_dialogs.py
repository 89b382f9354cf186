"""The letters' dialogs as a clerk types into them: Sifat, who signs and in what form,
Tembusan; the agency's office title; the letterhead's default signer and copies."""

from __future__ import annotations

import re
import subprocess

from PySide6.QtCore import Qt
from sqlalchemy import select

from models import Agency, Commitment, CommitmentStatus, Meeting
from secretariat.agencies.register import find_agency_by_abbreviation
from secretariat.commitments.request_letters import list_requests
from secretariat.documents.letterhead import get_letterhead
from tests.ui.keyboard import retype
from ui.agency_dialogs import AgencyDialog
from ui.follow_ups.request_dialog import RequestDialog
from ui.invitation_dialog import InvitationDialog
from ui.preferences.page import PreferencesPage


def _meeting(context, title_start: str):
    with context.db.reading() as session:
        meeting = session.scalars(select(Meeting).where(Meeting.title.startswith(title_start))
                                  ).first()
        return meeting.id, meeting.date


def _pick(qtbot, combo, typed: str) -> None:
    """Choose in a list by typing the start of its item, as on a keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, typed)


def _write_lines(qtbot, edit, lines: list[str]) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def _flat_pdf(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return " ".join(text.split())


def test_the_invitation_is_signed_an_with_the_sifat_and_copies_typed(qtbot, demo_context,
                                                                    tmp_path):
    # Given the Bengkayang meeting's invitation dialog: its kop's head offered to sign
    meeting, day = _meeting(demo_context, "Pertemuan Koordinasi dan Sinkronisasi")
    dialog = InvitationDialog(demo_context, meeting, day)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.letter_date, "28-07-2025")
    assert dialog.signer_name.text() == "Drs. Yohanes Atet, M.Si."
    assert not dialog.letter.on_behalf_of.isEnabled()  # the head signs himself

    # When the clerk picks Biasa, a.n. (the chair's title is offered) and types two copies
    _pick(qtbot, dialog.nature, "Biasa")
    _pick(qtbot, dialog.signer_form, "a.n.")
    assert dialog.letter.on_behalf_of.isEnabled()
    assert dialog.letter.on_behalf_of.toPlainText() == (
        "Ketua Gugus Tugas PP-TPPO Kabupaten Bengkayang")
    _write_lines(qtbot, dialog.letter.carbon_copies_edit,
                 ["Bupati Bengkayang (sebagai laporan)", "2. Kepala BP3MI Kalimantan Barat"])
    dialog.accept()

    # Then the letter says so
    assert not dialog.isVisible(), dialog.form.error_text("signer_on_behalf_of")
    letter = dialog.result_value
    assert letter.nature == "Biasa" and letter.signer.form == "a.n."
    assert letter.carbon_copies == ("Bupati Bengkayang (sebagai laporan)",
                                    "Kepala BP3MI Kalimantan Barat")
    assert "Mengingat pentingnya" not in letter.closing
    assert letter.signer.position_lines()[0] == (
        "a.n. Ketua Gugus Tugas PP-TPPO Kabupaten Bengkayang,")


def test_an_on_behalf_signature_without_whom_is_refused_under_its_field(qtbot,
                                                                        demo_context):
    meeting, day = _meeting(demo_context, "Pertemuan Koordinasi dan Sinkronisasi")
    dialog = InvitationDialog(demo_context, meeting, day)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.letter_date, "28-07-2025")
    _pick(qtbot, dialog.signer_form, "u.b.")
    _write_lines(qtbot, dialog.letter.on_behalf_of, [])
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("signer_on_behalf_of")
    # A name with no jabatan is refused too, the name kept as typed
    _write_lines(qtbot, dialog.letter.on_behalf_of, ["Bupati Bengkayang", "Sekretaris Daerah"])
    retype(qtbot, dialog.signer_position, "")
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("signer_position")
    assert dialog.signer_name.text() == "Drs. Yohanes Atet, M.Si."


def test_the_request_letter_takes_the_sifat_and_copies_typed(qtbot, demo_context, tmp_path):
    # Given an open commitment of Polda Kalsel
    with demo_context.db.reading() as session:
        commitment = session.scalar(
            select(Commitment.id).join(Agency, Agency.id == Commitment.lead_agency_id)
            .where(Agency.abbreviation == "Polda Kalsel",
                   Commitment.status.in_(CommitmentStatus.open_statuses())).limit(1))
    dialog = RequestDialog(demo_context, (commitment,))
    qtbot.addWidget(dialog)
    dialog.viewer = lambda _path: None
    dialog.show()
    assert dialog.signer_name.text() == "Husnul Hatimah"  # the kop's head, not a chair
    assert dialog.nature.currentText() == "Biasa"

    _pick(qtbot, dialog.nature, "Sangat")
    _write_lines(qtbot, dialog.letter.carbon_copies_edit, ["Gubernur Kalimantan Selatan"])
    retype(qtbot, dialog.target, str(tmp_path / "permintaan.pdf"))
    dialog.accept()

    assert not dialog.isVisible(), dialog.form.error_text("target")
    flat = _flat_pdf(tmp_path / "permintaan.pdf")
    assert "Sifat : Sangat Segera" in flat and "Nomor : …………/…………/…………" in flat
    assert "Yth. Kepala Kepolisian Daerah Kalimantan Selatan" in flat
    assert "Pembina Utama Muda (IV/c)" in flat
    # the copy typed, instead of the letterhead's two
    assert re.search(r"Tembusan: 1\. Gubernur Kalimantan Selatan(?! selaku)", flat)
    assert "2. Kepala Kepolisian" not in flat
    assert [row.letter_number for row in list_requests(demo_context.db, commitment)] == [""]


def test_the_agency_form_keeps_the_office_title_typed(qtbot, demo_context):
    dialog = AgencyDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Kantor Imigrasi Kelas II TPI Batulicin")
    qtbot.keyClicks(dialog.abbreviation, "Kanim Batulicin")
    qtbot.keyClicks(dialog.office_title, "Yth. Kepala Kantor Imigrasi")
    dialog.accept()
    assert dialog.isVisible() and "Yth." in dialog.form.error_text("office_title")

    retype(qtbot, dialog.office_title, "Kepala Kantor Imigrasi Kelas II TPI Batulicin")
    dialog.accept()
    assert not dialog.isVisible()
    saved = find_agency_by_abbreviation(demo_context.db, "Kanim Batulicin")
    assert saved.office_title == "Kepala Kantor Imigrasi Kelas II TPI Batulicin"
    # Opened again, the title is there to change
    again = AgencyDialog(demo_context, saved)
    qtbot.addWidget(again)
    assert again.office_title.text() == saved.office_title


def test_the_letterheads_signer_and_copies_are_typed_and_saved(qtbot, demo_context):
    page = PreferencesPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    section = page.letterhead
    assert section.signer_edits["signer_name"].text() == "Husnul Hatimah"  # the demo's head

    retype(qtbot, section.signer_edits["signer_name"], "Dra. Plt. Contoh")
    retype(qtbot, section.signer_edits["signer_rank"], "Pembina (IV/a)")
    _write_lines(qtbot, section.carbon_copies, ["Gubernur Kalimantan Selatan", "Arsip"])
    assert section.dirty
    assert section.save(), section.error_text("carbon_copies")

    saved = get_letterhead(demo_context.db)
    assert (saved.signer_name, saved.signer_rank) == ("Dra. Plt. Contoh", "Pembina (IV/a)")
    assert saved.carbon_copies == "Gubernur Kalimantan Selatan\nArsip"
    assert saved.signer_position.startswith("Kepala Dinas Pemberdayaan Perempuan")  # kept
