"""Pengaturan: letterhead with its preview, the classification lists, time zones, language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from models import FocusArea, PaperSize, TimeZone
from secretariat.agencies.regions import region_overview
from secretariat.commitments.catalog import list_entries
from secretariat.documents.letterhead import get_letterhead, save_letterhead
from ui.preferences.page import PreferencesPage
from ui.settings import UiSettings


def _page(qtbot, context) -> PreferencesPage:
    page = PreferencesPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    return page


def _announced(context) -> list[str]:
    kinds: list[str] = []
    context.changes.changed.connect(kinds.append)
    return kinds


def _png(path) -> bytes:
    image = QImage(40, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(path), "PNG")
    return path.read_bytes()


# -- letterhead
def test_letterhead_edits_are_previewed_saved_and_read_back(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    section = page.letterhead
    announced = _announced(demo_context)
    assert section.edits["city"].text() == "Banjarbaru"  # the demo's letterhead is shown

    section.edits["government_line"].setText("Pemerintah <b>&amp; Provinsi")
    section.edits["agency_line"].setText("=1+1 Dinas P3AKB")
    section.address.setPlainText("Jl. A. Yani Km 6\nBanjarmasin")
    section.edits["email"].setText("sekretariat@kalselprov.go.id")
    section.paper.setCurrentIndex(section.paper.findData(PaperSize.A4))
    section.numbers["font_size_pt"].setValue(12)
    assert section.dirty
    # The preview shows the kop as typed, in capitals like the PDF, markup as plain text.
    assert section.preview.text_lines()[:2] == ["PEMERINTAH <B>&AMP; PROVINSI",
                                                "=1+1 DINAS P3AKB"]
    assert "Jl. A. Yani Km 6, Banjarmasin" in section.preview.text_lines()[2]

    page.save()  # Ctrl+S

    saved = get_letterhead(demo_context.db)
    assert saved.government_line == "Pemerintah <b>&amp; Provinsi"
    assert saved.agency_line == "=1+1 Dinas P3AKB"
    assert saved.address == "Jl. A. Yani Km 6\nBanjarmasin"
    assert saved.email == "sekretariat@kalselprov.go.id"
    assert saved.paper_size is PaperSize.A4
    assert saved.font_size_pt == 12
    assert saved.city == "Banjarbaru"
    assert "letterhead" in announced
    assert not section.dirty
    assert section.status.text() == "Tersimpan. Dokumen baru memakai kop surat ini."


def test_an_invalid_email_is_refused_next_to_its_field(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    section = page.letterhead
    section.edits["email"].setText("dp3akb <b>at</b> kalselprov")

    assert section.save() is False

    assert section.error_text("email") == "'dp3akb <b>at</b> kalselprov' bukan alamat e-mail."
    # The message quotes the typing: shown as typed, never as markup.
    message = section.findChild(QLabel, "error_email")
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert get_letterhead(demo_context.db).email == "dp3akb@kalselprov.go.id"
    assert section.edits["email"].text() == "dp3akb <b>at</b> kalselprov"  # the typing is kept
    section.edits["email"].setText("dp3akb@kalselprov.go.id")
    assert section.save() is True
    assert section.error_text("email") == ""


def test_a_margin_out_of_range_is_refused_next_to_its_field(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.letterhead.numbers["margin_left_mm"].setValue(70)

    page.save()

    assert "60 mm" in page.letterhead.error_text("margin_left_mm")
    assert get_letterhead(demo_context.db).margin_left_mm == 30


def test_a_file_that_is_no_image_is_refused_as_logo(qtbot, demo_context, tmp_path, monkeypatch):
    page = _page(qtbot, demo_context)
    section = page.letterhead
    fake = tmp_path / "lambang.png"
    fake.write_text("=HYPERLINK(\"http://x\") this is text, not a picture")
    monkeypatch.setattr(section, "ask_logo_path", lambda: str(fake))

    section.choose_logo()

    assert section.error_text("logo") == "Logo harus berupa gambar PNG atau JPEG."
    assert not section.preview.has_logo()
    assert section.logo_label.text() == "Tanpa logo"


def test_a_png_logo_is_shown_saved_and_removed(qtbot, demo_context, tmp_path, monkeypatch):
    page = _page(qtbot, demo_context)
    section = page.letterhead
    picture = _png(tmp_path / "lambang-kalsel.png")
    monkeypatch.setattr(section, "ask_logo_path", lambda: str(tmp_path / "lambang-kalsel.png"))

    section.choose_logo()

    assert section.error_text("logo") == ""
    assert section.preview.has_logo()
    assert section.logo_label.text() == "lambang-kalsel.png"
    assert section.save()
    stored = get_letterhead(demo_context.db)
    assert stored.logo == picture and stored.logo_file_name == "lambang-kalsel.png"

    section.remove_logo()
    assert section.save()
    assert get_letterhead(demo_context.db).logo is None
    assert not section.preview.has_logo()


def test_unsaved_letterhead_edits_survive_a_reload(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.letterhead.edits["phone"].setText("0511 123456")

    demo_context.changes.announce("letterhead")  # e.g. the lists were saved meanwhile

    assert page.letterhead.edits["phone"].text() == "0511 123456"
    assert page.letterhead.status.text() == "Perubahan belum disimpan."


def test_a_colleagues_save_meanwhile_is_a_conflict_then_reloaded(qtbot, demo_context,
                                                                 messages):
    page = _page(qtbot, demo_context)
    section = page.letterhead
    section.edits["phone"].setText("0511 111111")
    # Meanwhile a colleague on another PC saves the letterhead.
    stored = get_letterhead(demo_context.db)
    save_letterhead(demo_context.db, replace(stored, phone="0511 222222"))

    assert not section.save()

    assert "diubah" in messages.texts("warning")[-1]
    assert section.edits["phone"].text() == "0511 111111"  # nothing typed is lost
    section.discard_changes()
    assert section.edits["phone"].text() == "0511 222222"
    section.edits["phone"].setText("0511 333333")
    assert section.save()
    assert get_letterhead(demo_context.db).phone == "0511 333333"


def test_a_new_database_shows_the_defaults_until_saved(qtbot, context):
    page = _page(qtbot, context)
    section = page.letterhead
    assert section.numbers["margin_left_mm"].value() == 30
    assert "belum" in section.status.text().lower()
    assert section.preview.text_lines() == []

    section.edits["agency_line"].setText("Sekretariat GT PP-TPPO " + "x" * 400)
    assert not section.save()
    assert "300" in section.error_text("agency_line")  # the very long line is refused

    section.edits["agency_line"].setText("Sekretariat GT PP-TPPO")
    assert section.save()
    assert get_letterhead(context.db).id is not None


# -- focus areas and sub task forces
def test_a_focus_area_is_added_renamed_and_deactivated(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.tabs.setCurrentWidget(page.catalog)
    focus = page.catalog.focus_areas
    announced = _announced(demo_context)

    page.add_new()  # Ctrl+N on this tab
    focus.dialog.name.setText("Pelindungan PMI <b>&")
    focus.dialog.accept()

    assert "Pelindungan PMI <b>&" in focus.names()
    assert focus.selected().name == "Pelindungan PMI <b>&"
    assert "catalog" in announced

    focus.rename_selected()
    focus.dialog.name.setText("Pelindungan pekerja migran")
    focus.dialog.accept()
    assert "Pelindungan pekerja migran" in focus.names()
    assert "Pelindungan PMI <b>&" not in focus.names()

    focus.active_button.click()
    row = focus.proxy.match(focus.proxy.index(0, 1), Qt.ItemDataRole.DisplayRole,
                            "Pelindungan pekerja migran")[0].row()
    assert focus.proxy.index(row, 2).data() == "Nonaktif"
    active = [e.name for e in list_entries(demo_context.db, FocusArea)]
    assert "Pelindungan pekerja migran" not in active
    assert focus.active_button.text() == "Aktifkan kembali"

    focus.active_button.click()
    assert "Pelindungan pekerja migran" in [e.name for e in
                                            list_entries(demo_context.db, FocusArea)]


def test_a_duplicate_focus_area_is_refused_next_to_the_name(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    focus = page.catalog.focus_areas
    before = len(list_entries(demo_context.db, FocusArea, include_inactive=True))

    focus.add_new()
    focus.dialog.name.setText("deteksi dini wilayah rawan tppo")
    focus.dialog.accept()

    assert focus.dialog.isVisible()
    assert focus.dialog.form.error_text("name") == \
        "Fokus 'deteksi dini wilayah rawan tppo' sudah ada."
    assert len(list_entries(demo_context.db, FocusArea, include_inactive=True)) == before


def test_delete_key_deactivates_a_sub_task_force(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.tabs.setCurrentWidget(page.catalog)
    subs = page.catalog.sub_task_forces
    subs.table.selectRow(0)
    name = subs.selected().name
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    subs.table.setFocus()

    qtbot.keyClick(subs.table, Qt.Key.Key_Delete)

    assert subs.selected().name == name and not subs.selected().active
    page.add_new()  # Ctrl+N adds to the list the clerk is working in
    assert subs.dialog is not None and page.catalog.focus_areas.dialog is None


# -- time zones and language
def test_the_time_zone_of_a_region_is_set(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.tabs.setCurrentWidget(page.time_zones)
    zones = page.time_zones
    announced = _announced(demo_context)
    row = zones.proxy.match(zones.proxy.index(0, 1), Qt.ItemDataRole.DisplayRole,
                            "Kalimantan Timur")[0].row()
    zones.table.selectRow(row)
    assert zones.zone.currentData() == TimeZone.WITA

    zones.zone.setCurrentIndex(zones.zone.findData(TimeZone.WIT))
    zones.apply_button.click()

    timur = next(r for r in region_overview(demo_context.db)
                 if r.region.name == "Kalimantan Timur")
    assert timur.region.time_zone is TimeZone.WIT
    assert zones.selected().region.name == "Kalimantan Timur"  # kept across the reload
    assert zones.proxy.index(row, 3).data() == "WIT"
    assert "task_forces" in announced


def test_the_language_choice_is_stored_for_the_next_start(qtbot, context, tmp_path):
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.language)
    combo = page.language.language
    assert combo.currentData() == "id"

    combo.setCurrentIndex(combo.findData("en"))

    assert context.settings.language == "en"
    assert UiSettings(str(tmp_path / "desktop.ini")).language == "en"
    assert "English" in page.language.notice.text()
    assert "berikutnya" in page.language.notice.text()  # said in the language still in use


def test_the_page_numbering_is_chosen_by_its_indonesian_name(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    section = page.letterhead
    combo = section.page_numbering
    assert combo.currentData() == "tnd"  # the Tata Naskah Dinas default
    labels = [combo.itemText(index) for index in range(combo.count())]
    assert any("Tata Naskah Dinas" in label for label in labels)
    assert any("Halaman 2 dari 5" in label for label in labels)  # in Indonesian

    combo.setCurrentIndex(combo.findData("of_total"))
    assert section.dirty
    page.save()

    assert get_letterhead(demo_context.db).page_numbering == "of_total"
