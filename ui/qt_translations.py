"""Qt's own words (stock buttons, context menus, dialogs) in the language of the program.

Qt ships no Indonesian `qtbase` catalogue, so the strings Qt itself shows are translated
from our one gettext catalogue: `GettextQtTranslator` answers Qt's translation requests
for the messages listed here. Where Qt does ship a catalogue for the language (`qtbase_xx`)
it is loaded as well, behind ours.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from secretariat.i18n import N_, _, current_language

# The texts Qt's widgets ask to translate, marked here so the catalogue carries them.
QT_MESSAGES = frozenset({
    N_("OK"), N_("&OK"), N_("Cancel"), N_("&Cancel"), N_("Save"), N_("&Save"),
    N_("Close"), N_("&Close"), N_("Apply"), N_("Reset"), N_("Help"), N_("Discard"),
    N_("Don't Save"), N_("Close without Saving"), N_("Restore Defaults"), N_("Open"),
    N_("&Yes"), N_("&No"), N_("Yes to &All"), N_("N&o to All"), N_("Abort"), N_("Retry"),
    N_("Ignore"), N_("Save All"), N_("&Undo"), N_("&Redo"), N_("Cu&t"), N_("&Copy"),
    N_("&Paste"), N_("Delete"), N_("Select All"), N_("Show Details..."),
    N_("Hide Details..."), N_("Look in:"), N_("File &name:"), N_("Files of type:"),
    N_("&Open"), N_("&Choose"), N_("Directories"), N_("All Files (*)"), N_("Today"),
})


class GettextQtTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation=None, n: int = -1):
        if source not in QT_MESSAGES:
            return None  # None, not "": an empty string would replace the text
        translated = _(source)
        return translated if translated != source else None

    def isEmpty(self) -> bool:
        return False


def install_qt_translations(app: QCoreApplication) -> None:
    language = current_language()
    QLocale.setDefault(QLocale(language))
    shipped = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if shipped.load(QLocale(language), "qtbase", "_", path):
        app.installTranslator(shipped)
    # Installed last, so asked first.
    app.installTranslator(GettextQtTranslator(app))
