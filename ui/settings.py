"""One typed registry of the desktop program's own settings, over QSettings.

Settings that belong to the data (letterhead, paper, focus areas) live in the database;
these belong to one user on one PC: language, window layout, last choices. The file sits
in the program's data folder, so SECRETARIAT_DATA_DIR moves it along with the database.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from secretariat.i18n import LANGUAGES
from secretariat.storage.paths import data_dir


class UiSettings:
    def __init__(self, path: str | None = None) -> None:
        self._store = QSettings(path or str(data_dir() / "desktop.ini"),
                                QSettings.Format.IniFormat)

    # -- language: takes effect at the next start, when every screen is built anew
    @property
    def language(self) -> str | None:
        value = self._store.value("general/language", "")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, code: str) -> None:
        self._store.setValue("general/language", code)

    # -- layout of windows, splitters and table headers
    def restore_geometry(self, widget: QWidget, key: str) -> bool:
        data = self._store.value(f"layout/{key}")
        return bool(isinstance(data, QByteArray) and widget.restoreGeometry(data))

    def save_geometry(self, widget: QWidget, key: str) -> None:
        self._store.setValue(f"layout/{key}", widget.saveGeometry())

    def state(self, key: str) -> QByteArray | None:
        data = self._store.value(f"state/{key}")
        return data if isinstance(data, QByteArray) else None

    def save_state(self, key: str, data: QByteArray) -> None:
        self._store.setValue(f"state/{key}", data)

    # -- small remembered choices (last page, last folder for exports)
    def value(self, key: str, default: str = "") -> str:
        value = self._store.value(f"choices/{key}", default)
        return value if isinstance(value, str) else default

    def set_value(self, key: str, value: str) -> None:
        self._store.setValue(f"choices/{key}", value)

    def sync(self) -> None:
        self._store.sync()
