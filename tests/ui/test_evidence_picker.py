"""The evidence chosen for a follow-up shows each file's name (the path in its tooltip), and
a file added or removed counts as input the dialog asks about before throwing away."""

from __future__ import annotations

from factories import make_agency, make_commitment, make_meeting, make_task_force
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from secretariat.commitments.queries import get_commitment
from ui.follow_ups.follow_up_dialog import FollowUpDialog


def _dialog(qtbot, context):
    meeting = make_meeting(context.db, make_task_force(context.db))
    commitment = make_commitment(context.db, meeting, make_agency(context.db))
    dialog = FollowUpDialog(context, get_commitment(context.db, commitment), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_name_is_shown_and_the_whole_path_kept(qtbot, context, tmp_path):
    folder = tmp_path / "Dokumen Sekretariat" / "2025" / "Tindak lanjut rakor triwulan II"
    folder.mkdir(parents=True)
    scan = folder / "surat_balasan_polda.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    dialog = _dialog(qtbot, context)

    dialog.evidence.add_path(scan)
    dialog.evidence.add_path(scan)  # once only

    item = dialog.evidence.files.item(0)
    assert dialog.evidence.files.count() == 1
    assert item.text() == "surat_balasan_polda.pdf"
    assert item.toolTip() == str(scan)
    assert dialog.evidence.paths() == (str(scan),)


def test_a_file_added_is_not_thrown_away_without_asking(qtbot, context, tmp_path, messages):
    scan = tmp_path / "foto.jpg"
    scan.write_bytes(b"\xff\xd8\xff")
    dialog = _dialog(qtbot, context)
    dialog.evidence.add_path(scan)
    messages.answer = QMessageBox.StandardButton.Cancel

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert messages.shown[-1][1] == "Buang perubahan?"
    assert dialog.isVisible() and dialog.evidence.paths() == (str(scan),)
