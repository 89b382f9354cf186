"""The language of the screens, chosen per user on this PC.

Screens are built once in the language in use, so a new choice applies from the next start.
The language names are written in their own language, so each reader finds theirs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from secretariat.i18n import LANGUAGES, _, current_language
from ui.context import AppContext


class LanguageSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        chosen = context.settings.language or current_language()
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.currentIndexChanged.connect(self._chosen)
        self.notice = QLabel(_("The language applies from the next start of the program. "
                               "Documents (notulen, daftar hadir) are always in Indonesian."),
                             self)
        self.notice.setObjectName("language_notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(_("Language of the screens"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def _chosen(self, _index: int) -> None:
        code = self.language.currentData()
        self.context.settings.language = code
        self.context.settings.sync()
        self.notice.setText(_("Saved: {language} from the next start of the program. "
                              "Documents (notulen, daftar hadir) are always in Indonesian.")
                            .format(language=LANGUAGES[code]))
