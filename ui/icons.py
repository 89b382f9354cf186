"""Every icon the program shows, in one place (the only file naming icon themes).

Icons come from the desktop theme where there is one. Windows has none, and Qt's own
style has no pictures for a calendar, a chart or settings, so the pages of the navigation
ship their own small SVG drawings (`resources/icons`); other icons fall back to the style.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

_DRAWN = files("resources") / "icons"

_SP = QStyle.StandardPixmap

_ICONS = {
    "home": ("go-home", _SP.SP_DirHomeIcon),
    "meetings": ("x-office-calendar", _SP.SP_FileDialogDetailedView),
    "calendar": ("x-office-calendar", _SP.SP_FileDialogDetailedView),  # beside a date field
    "commitments": ("view-list-details", _SP.SP_FileDialogListView),
    "progress": ("office-chart-bar", _SP.SP_FileDialogInfoView),
    "agencies": ("system-users", _SP.SP_DirIcon),
    "task_forces": ("applications-office", _SP.SP_DriveNetIcon),
    "documents": ("x-office-document", _SP.SP_FileIcon),
    "settings": ("preferences-system", _SP.SP_FileDialogInfoView),
    "search": ("edit-find", _SP.SP_FileDialogContentsView),
    "add": ("list-add", _SP.SP_FileDialogNewFolder),
    "edit": ("document-edit", _SP.SP_FileDialogDetailedView),
    "delete": ("edit-delete", _SP.SP_TrashIcon),
    "back": ("go-previous", _SP.SP_ArrowBack),
    "save": ("document-save", _SP.SP_DialogSaveButton),
    "undo": ("edit-undo", _SP.SP_ArrowBack),
    "redo": ("edit-redo", _SP.SP_ArrowForward),
    "warning": ("dialog-warning", _SP.SP_MessageBoxWarning),
    "refresh": ("view-refresh", _SP.SP_BrowserReload),
    "open": ("document-open", _SP.SP_DialogOpenButton),
    "archive": ("archive-insert", _SP.SP_DialogDiscardButton),
    "print": ("document-print", _SP.SP_FileIcon),
    "pdf": ("application-pdf", _SP.SP_FileIcon),
    "up": ("go-up", _SP.SP_ArrowUp),
    "down": ("go-down", _SP.SP_ArrowDown),
}


def icon(name: str) -> QIcon:
    theme_name, fallback = _ICONS[name]
    drawn = _DRAWN / f"{name}.svg"
    if drawn.is_file():
        return QIcon.fromTheme(theme_name, QIcon(str(drawn)))
    app = QApplication.instance()
    standard = app.style().standardIcon(fallback) if app else QIcon()
    return QIcon.fromTheme(theme_name, standard)
