"""Where the program keeps its data: the per-user data folder the platform prescribes."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Sekretariat GT PP-TPPO"
DB_FILE_NAME = "sekretariat.sqlite3"
_PLAIN_SQLITE = "sqlite:///"


def data_dir() -> Path:
    """The per-user data folder (e.g. %LOCALAPPDATA% on Windows); SECRETARIAT_DATA_DIR overrides."""
    override = os.environ.get("SECRETARIAT_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DB_FILE_NAME


def database_url(target: str | os.PathLike | None) -> str:
    """Turn a --db value (a file path or an SQLAlchemy URL) into a URL."""
    if target is None or str(target) == "":
        target = os.environ.get("SECRETARIAT_DB") or default_database_path()
    text = str(target)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a `sqlite:///` URL of the form `database_url` writes; None for other forms.

    Needs no SQLAlchemy, so the desktop program can find its file before loading it. URLs
    with options (`?mode=ro`) and other databases are left to `models.engine.sqlite_file`.
    """
    if not url.startswith(_PLAIN_SQLITE) or "?" in url or url == _PLAIN_SQLITE:
        return None
    name = url[len(_PLAIN_SQLITE):]
    return None if name == ":memory:" else Path(name)
