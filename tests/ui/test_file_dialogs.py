"""The program's file dialogs: used as a clerk uses them, and blind to the database's content."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from secretariat.storage.live_files import lost_lock
from ui.file_dialogs import _dialog, ask_open_file, ask_save_file


def _answer_dialog(qtbot, typed: str) -> None:
    """When the dialog opens: type a name into its file name box and press Enter."""
    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QFileDialog) and w.isVisible())
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.clear()
        qtbot.keyClicks(name_box, typed)
        qtbot.keyClick(name_box, Qt.Key.Key_Return)
    QTimer.singleShot(300, answer)


def test_a_save_dialog_gives_the_name_typed_in_the_folder_offered(qtbot, tmp_path):
    _answer_dialog(qtbot, "notulen rakor.pdf")
    chosen = ask_save_file(None, "Simpan", str(tmp_path / "usulan.pdf"), "PDF (*.pdf)")
    assert chosen == str(tmp_path / "notulen rakor.pdf")


def test_an_open_dialog_gives_the_file_typed(qtbot, tmp_path):
    (tmp_path / "direktori.xlsx").write_bytes(b"PK")
    _answer_dialog(qtbot, "direktori.xlsx")
    assert ask_open_file(None, "Buka", str(tmp_path), "Excel (*.xlsx)") == str(
        tmp_path / "direktori.xlsx")


def _list_folder(qtbot, dialog: QFileDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(1500)  # the file gatherer asks the icon provider in its own thread


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/locks")
def test_listing_the_database_folder_keeps_the_locks(qtbot, sqlite_db):
    path = sqlite_db.sqlite_path
    with sqlite_db.unit_of_work():
        pass
    _list_folder(qtbot, _dialog(None, "Simpan", str(path.parent), "*"))
    assert not lost_lock(path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/locks")
def test_qt_s_stock_dialog_would_drop_them(qtbot, sqlite_db):
    """The control: Qt's own provider reads the -shm to tell its type, dropping a lock."""
    path = sqlite_db.sqlite_path
    with sqlite_db.unit_of_work():
        pass
    stock = QFileDialog(None, "Simpan", str(path.parent), "*")
    stock.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    _list_folder(qtbot, stock)
    assert lost_lock(path)
