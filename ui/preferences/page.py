"""Pengaturan: the settings page, one tab per subject.

Letterhead and page setup, the focus area and sub task force lists and the regions' time
zones belong to the data, so every PC sharing the database sees them; the language belongs
to this user on this PC. Ctrl+S saves the letterhead, the only tab with a form to save.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from secretariat.i18n import _
from ui.context import AppContext
from ui.errors import attempt
from ui.page import Page
from ui.preferences.backup_section import BackupSection
from ui.preferences.catalog_section import CatalogSection
from ui.preferences.language_section import LanguageSection
from ui.preferences.letterhead_section import LetterheadSection
from ui.preferences.time_zone_section import TimeZoneSection


class PreferencesPage(Page):
    WATCHES = ("letterhead", "catalog", "task_forces")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.letterhead = LetterheadSection(context, self)
        self.letterhead.saved.connect(lambda: context.changes.announce("letterhead"))
        self.catalog = CatalogSection(context, self)
        self.time_zones = TimeZoneSection(context, self)
        self.language = LanguageSection(context, self)
        self.backups = BackupSection(context, self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.letterhead, _("Letterhead and paper"))
        self.tabs.addTab(self.catalog, _("Focus areas and sub task forces"))
        self.tabs.addTab(self.time_zones, _("Time zones"))
        self.tabs.addTab(self.language, _("Language"))
        self.tabs.addTab(self.backups, _("Backups"))

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{_('Settings')}</h2>", self))
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        attempt(self, self.letterhead.load)  # keeps the clerk's unsaved edits
        self.catalog.refresh()
        self.time_zones.refresh()
        self.backups.refresh()
        self.loaded.emit()

    def save(self) -> None:
        self.letterhead.save()

    def add_new(self) -> None:
        """Ctrl+N on the lists tab adds an entry; the other tabs have nothing to add."""
        if self.tabs.currentWidget() is self.catalog:
            self.catalog.add_new()
