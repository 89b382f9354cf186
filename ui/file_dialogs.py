"""File dialogs that list a folder without opening the files in it.

Qt's own dialog (the one used on Linux) asks an icon provider for every file's icon and
type, and the stock provider reads each file's first bytes to tell its type. Reading and
closing the open database file, or its -wal/-shm, drops the program's SQLite locks on it
(see `secretariat.storage.live_files`): a colleague's program closing afterwards then
deletes the WAL the program still writes into. The provider here names files by their
suffix only. Windows keeps its native dialog, where closing another handle drops no lock.

Before replacing a file the program asks in its own words (Qt's question is switched off
in both kinds of dialog), about the very name that will be written: the filter's suffix
added where the clerk left it out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from secretariat.i18n import _


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and types from the name and the kind of entry, never from the content."""

    def icon(self, what) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kind = (QAbstractFileIconProvider.IconType.Folder if what.isDir()
                    else QAbstractFileIconProvider.IconType.File)
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return _("Folder")
        return info.suffix().upper() or _("File")


def _dialog(parent: QWidget | None, caption: str, start: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, "", name_filter)
    if sys.platform != "win32":
        # A native dialog of the desktop (GTK's, KDE's) reads files to tell their type.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog._icon_provider = provider  # type: ignore[attr-defined]  # kept alive with it
    start_path = Path(start) if start else None
    if start_path is not None and start_path.is_dir():
        dialog.setDirectory(str(start_path))
    elif start_path is not None:
        if start_path.parent.is_dir():
            dialog.setDirectory(str(start_path.parent))
        dialog.selectFile(start_path.name)
    return dialog


def ask_open_file(parent: QWidget | None, caption: str, start: str, name_filter: str) -> str:
    """The file chosen to open, or "" when the dialog was cancelled."""
    files = _run(_dialog(parent, caption, start, name_filter), QFileDialog.FileMode.ExistingFile)
    return files[0] if files else ""


def ask_open_files(parent: QWidget | None, caption: str, start: str,
                   name_filter: str) -> list[str]:
    """The files chosen to open; an empty list when the dialog was cancelled."""
    return _run(_dialog(parent, caption, start, name_filter), QFileDialog.FileMode.ExistingFiles)


def ask_save_file(parent: QWidget | None, caption: str, start: str, name_filter: str) -> str:
    """The file name to write, or "" when cancelled; asks before replacing a file.

    The name ends with the filter's suffix ("PDF (*.pdf)": .pdf). Declining to replace a
    file goes back to the dialog, the name still typed, as Qt's own question did.
    """
    dialog = _dialog(parent, caption, start, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    suffix = filter_suffix(name_filter)
    try:
        while dialog.exec() == QFileDialog.DialogCode.Accepted:
            files = dialog.selectedFiles()
            if not files:
                return ""
            chosen = with_suffix(files[0], suffix)
            if not Path(chosen).exists() or confirm_replace(parent, chosen):
                return chosen
            dialog.selectFile(Path(chosen).name)
        return ""
    finally:
        dialog.deleteLater()


def filter_suffix(name_filter: str) -> str:
    """The one suffix a filter asks for ("PDF (*.pdf)": ".pdf"), or "" (none, or several)."""
    patterns = re.findall(r"\*(\.[A-Za-z0-9]+)\b", name_filter)
    return patterns[0].lower() if len(set(p.lower() for p in patterns)) == 1 else ""


def with_suffix(path: str, suffix: str) -> str:
    if not suffix or path.lower().endswith(suffix):
        return path
    return path + suffix


def replace_question(path: str, parent: QWidget | None = None) -> QMessageBox:
    """"Berkas «x» sudah ada. Ganti?": Ganti or Batal, Batal the default (and Esc)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Replace the file?"),
                      _("The file «{name}» already exists in this folder. "
                        "Replace it?").format(name=Path(path).name),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(_("What the file holds now will be lost."))
    replace = box.addButton(_("Replace"), QMessageBox.ButtonRole.AcceptRole)
    replace.setObjectName("replace")
    keep = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def confirm_replace(parent: QWidget | None, path: str) -> bool:
    box = replace_question(path, parent)
    try:
        box.exec()
        return box.clickedButton() is box.findChild(QPushButton, "replace")
    finally:
        box.deleteLater()


def _run(dialog: QFileDialog, mode: QFileDialog.FileMode) -> list[str]:
    dialog.setFileMode(mode)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return dialog.selectedFiles()
    finally:
        dialog.deleteLater()
