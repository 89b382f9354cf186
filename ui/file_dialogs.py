"""File dialogs that list a folder without opening the files in it.

Qt's own dialog (the one used on Linux) asks an icon provider for every file's icon and
type, and the stock provider reads each file's first bytes to tell its type. Reading and
closing the open database file, or its -wal/-shm, drops the program's SQLite locks on it
(see `secretariat.storage.live_files`): a colleague's program closing afterwards then
deletes the WAL the program still writes into. The provider here names files by their
suffix only. Windows keeps its native dialog, where closing another handle drops no lock.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QWidget

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
    """The file name to write, or "" when cancelled; asks before replacing a file."""
    dialog = _dialog(parent, caption, start, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files = _run(dialog, QFileDialog.FileMode.AnyFile)
    return files[0] if files else ""


def _run(dialog: QFileDialog, mode: QFileDialog.FileMode) -> list[str]:
    dialog.setFileMode(mode)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return dialog.selectedFiles()
    finally:
        dialog.deleteLater()
