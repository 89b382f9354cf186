"""The user guide: F1 and Bantuan → Panduan Pengguna open it at the page's part, every page
has a part, and the PDF (window and command line) holds every part's title."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtCore import Qt

from secretariat.cli.main import main
from secretariat.guide import guide_sections
from ui.help_window import PAGE_SECTIONS, GuideWindow
from ui.main_window import PAGES, MainWindow


def _window(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _pdf_text(path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def test_f1_on_the_meetings_page_opens_the_guide_at_rapat(qtbot, demo_context):
    window = _window(qtbot, demo_context)
    window.show_page("meetings")
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.current_page(), Qt.Key.Key_F1)
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    assert guide.current_key() == "rapat"
    assert "Jadwalkan rapat…" in guide.text.toPlainText()


def test_the_help_menu_item_opens_the_guide_at_the_page_on_screen(qtbot, demo_context):
    window = _window(qtbot, demo_context)
    window.show_page("agencies")
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.objectName() == "user_guide_action")
    assert action.text().replace("&", "") == "Panduan Pengguna"
    action.trigger()
    guide = window.findChild(GuideWindow)
    assert guide.current_key() == "instansi"
    # A link to another part opens that part in the same window.
    qtbot.keyClicks(guide.search, "cadangan")
    guide.show_section("pengaturan")
    guide._follow(type(guide.text.source())("#cadangan"))
    assert guide.current_key() == "cadangan"


def test_every_page_has_a_part_and_every_part_has_indonesian_text():
    keys = {section.key for section in guide_sections()}
    for spec in PAGES:
        assert PAGE_SECTIONS[spec.key] in keys
    english = re.compile(r"\b(the|and|with|click|page|meeting|settings)\b", re.IGNORECASE)
    for section in guide_sections():
        assert section.title and not english.search(section.title)
        body = " ".join(line for block in section.blocks for line in block.lines)
        assert len(body) > 200 and " yang " in body


def test_the_guide_window_saves_the_pdf(qtbot, demo_context, tmp_path):
    window = _window(qtbot, demo_context)
    window.show_guide()
    guide = window.findChild(GuideWindow)
    shown = []
    guide.ask_pdf_path = lambda: str(tmp_path / "Panduan")
    guide.show_pdf = shown.append
    qtbot.mouseClick(guide.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown[0] == tmp_path / "Panduan.pdf"
    assert "Memulai" in _pdf_text(shown[0])


def test_the_guide_command_writes_every_part_title(tmp_path, capsys):
    target = tmp_path / "Panduan.pdf"
    assert main(["guide", "-o", str(target)]) == 0
    text = " ".join(_pdf_text(target).split())
    assert "Daftar Isi" in text
    for section in guide_sections():
        assert section.title in text
    assert main(["guide", "-o", str(tmp_path / "Panduan.txt")]) == 1
