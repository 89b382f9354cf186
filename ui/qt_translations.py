"""Qt's own words (stock buttons, context menus, file, print and colour dialogs) in the
language of the program.

Qt ships no Indonesian `qtbase` catalogue, so the strings Qt itself shows are translated
from a catalogue of our own, `resources/locale/<language>/LC_MESSAGES/qt.po`, compiled to
`qt.mo` by the same `pybabel compile` as the program's. It is apart from secretariat.po
because its msgids are Qt's sources (keyed by Qt's context where one English word needs
two Indonesian ones), not messages of the program's code. Where Qt does ship a catalogue
for the language (`qtbase_xx`) it is loaded as well, behind ours.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import read_mo
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from secretariat.i18n import current_language, locale_dir

QT_DOMAIN = "qt"

# Key names in shortcuts ("Ctrl+Del", "Print") stay as printed on the keyboard, as Windows
# shows them in Indonesian too; a translated "Print" key would read "Cetak".
UNTRANSLATED_CONTEXTS = frozenset({"QShortcut"})

Table = dict[tuple[str | None, str], str]


def qt_catalogue(language: str) -> Table:
    """(context or None, source) -> translation, from the compiled qt.mo of `language`."""
    path = Path(locale_dir()) / language / "LC_MESSAGES" / f"{QT_DOMAIN}.mo"
    if not path.is_file():
        return {}
    with open(path, "rb") as mo:
        catalog = read_mo(mo)
    return {(message.context, message.id): message.string for message in catalog
            if message.id and isinstance(message.id, str) and message.string}


class GettextQtTranslator(QTranslator):
    """Answers Qt's requests from the qt catalogue of the language in use, the most
    specific key first.

    Qt asks with its class name as context and, for some words, a disambiguation
    ("CUPS Banner page"). The answer keeps Qt's placeholders: Qt fills %1 and, for plural
    requests (n >= 0), %n after the translator answered. Indonesian has one form for any
    count, so n only reaches Qt's own substitution. The language is read at each request,
    as the program's own `_()` does, so a translator installed earlier never answers in a
    language no longer chosen.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tables: dict[str, Table] = {}

    def table(self) -> Table:
        language = current_language()
        if language not in self._tables:
            # English is the sources: nothing to answer.
            self._tables[language] = {} if language == "en" else qt_catalogue(language)
        return self._tables[language]

    def translate(self, context: str, source: str, disambiguation=None, n: int = -1):
        if context in UNTRANSLATED_CONTEXTS:
            return None
        table = self.table()
        keys: list[tuple[str | None, str]] = [(context, source), (None, source)]
        if disambiguation:
            keys.insert(0, (f"{context}|{disambiguation}", source))
        for key in keys:
            if key in table:
                return table[key]
        return None  # None, not "": an empty string would replace the text

    def isEmpty(self) -> bool:
        return False


def install_qt_translations(app: QCoreApplication) -> None:
    language = current_language()
    QLocale.setDefault(QLocale(language))
    shipped = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if shipped.load(QLocale(language), "qtbase", "_", path):
        app.installTranslator(shipped)
    # Installed last, so asked first (again after a shipped catalogue was added).
    ours = app.findChild(GettextQtTranslator)  # one per application, however often called
    if ours is None:
        ours = GettextQtTranslator(app)
    else:
        app.removeTranslator(ours)
    app.installTranslator(ours)
