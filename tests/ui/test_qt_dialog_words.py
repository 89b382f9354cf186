"""Qt's own dialogs read Indonesian: opened as the program opens them, every text a person
sees is walked, and none is one of Qt's English sources."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
)

from secretariat.i18n import current_language, set_language
from tests.ui.qt_dialog_texts import english_words, plain, visible_texts
from ui.file_dialogs import _dialog, ask_save_file, replace_question
from ui.qt_translations import GettextQtTranslator, install_qt_translations


@pytest.fixture(autouse=True)
def indonesian(qapp):
    before = current_language()
    set_language("id")
    install_qt_translations(qapp)
    yield
    set_language(before)


class RecordingTranslator(GettextQtTranslator):
    """The program's translator, noting what Qt asked for and got no answer to."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.unanswered: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        answer = super().translate(context, source, disambiguation, n)
        if answer is None:
            self.unanswered.add((context, source))
        return answer


@pytest.fixture
def recorder(qapp):
    ours = qapp.findChild(GettextQtTranslator)
    qapp.removeTranslator(ours)
    recording = RecordingTranslator()  # no parent: the application keeps only ours
    qapp.installTranslator(recording)
    yield recording
    qapp.removeTranslator(recording)
    qapp.installTranslator(ours)


def _no_english(texts: set[str]) -> None:
    assert sorted(texts & english_words()) == []


def test_the_english_looked_for_is_qt_s_own():
    """The check above finds what the tester found, not words shared by both languages."""
    english = english_words()
    assert {"Look in:", "Files of type:", "Date Modified", "Detail View", "Print range",
            "Copies", "Pages from", "Collate", "Portrait", "Landscape", "Select Color",
            "Show Details..."} <= english
    assert not {"Folder", "Printer", "HTML:", "A4"} & english


def _save_dialog(qtbot, folder) -> QFileDialog:
    dialog = _dialog(None, "Simpan notulen", str(folder / "notulen.pdf"), "PDF (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.wait(300)
    return dialog


def test_the_file_dialog_reads_indonesian(qtbot, tmp_path):
    (tmp_path / "surat.pdf").write_bytes(b"%PDF-1.4")
    dialog = _save_dialog(qtbot, tmp_path)
    texts = visible_texts(dialog)
    _no_english(texts)
    assert {"Lihat di:", "Nama berkas:", "Jenis berkas:", "Simpan", "Batal", "Nama", "Ukuran",
            "Jenis", "Tanggal diubah", "Kembali", "Buat folder baru",
            "Tampilan rincian"} <= texts
    dialog.grab().save("/tmp/work/qtwords-file-dialog.png")


def test_the_file_dialogs_accelerators_differ(qtbot, tmp_path):
    """Alt and a letter reaches one place: the Indonesian labels do not share a letter."""
    dialog = _save_dialog(qtbot, tmp_path)
    widgets = [*dialog.findChildren(QLabel), *dialog.findChildren(QPushButton)]
    marked = [w.text() for w in widgets if w.isVisible() and re.search(r"&\w", w.text())]
    keys = [re.search(r"&(\w)", text).group(1).lower() for text in marked]
    assert len(marked) >= 4 and len(set(keys)) == len(keys), marked


def test_the_file_dialog_and_its_menus_leave_nothing_in_english(qtbot, tmp_path, recorder):
    """Every word Qt asked for while a save and an open dialog were built got an answer,
    but for the key names of shortcuts and the words that stay as they are."""
    _save_dialog(qtbot, tmp_path)
    opening = _dialog(None, "Buka", str(tmp_path), "Excel (*.xlsx)")
    opening.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(opening)
    opening.show()
    qtbot.wait(200)
    asked = {(c, s) for c, s in recorder.unanswered if c != "QShortcut"}
    assert asked <= {("QFileDialog", "Alt+Left"), ("QFileDialog", "Alt+Right"),
                     ("QFileDialog", "Alt+Up"), ("QGuiApplication", "QT_LAYOUT_DIRECTION")}


def _print_dialog(qtbot) -> QPrintDialog:
    """As the preview opens it (ui/pdf_preview.py: ask_and_print)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFromTo(1, 5)
    dialog = QPrintDialog(printer)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    dialog.setMinMax(1, 5)
    dialog._printer = printer  # kept alive with it
    qtbot.addWidget(dialog)
    dialog.show()
    options = next(b for b in dialog.findChildren(QPushButton) if ">>" in b.text())
    qtbot.mouseClick(options, Qt.MouseButton.LeftButton)
    return dialog


def _every_tab(dialog: QDialog) -> set[str]:
    texts = visible_texts(dialog)
    for tabs in dialog.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            texts |= visible_texts(dialog)
    return texts


def test_the_print_dialog_reads_indonesian(qtbot):
    dialog = _print_dialog(qtbot)
    dialog.grab().save("/tmp/work/qtwords-print-dialog.png")
    texts = _every_tab(dialog)
    _no_english(texts)
    assert {"Cetak", "Properti", "Halaman yang dicetak", "Semua", "Halaman dari", "sampai",
            "Jumlah salinan:", "Susun per salinan", "Salinan", "Opsi", "Cetak bolak-balik",
            "Berwarna", "Hitam putih (skala abu-abu)", "Batal"} <= texts


def test_the_printer_properties_read_indonesian(qtbot, recorder):
    dialog = _print_dialog(qtbot)
    seen: dict[str, set[str]] = {}

    def look_and_close():
        properties = next(w for w in QApplication.topLevelWidgets()
                          if isinstance(w, QDialog) and w.isVisible() and w is not dialog)
        seen["texts"] = _every_tab(properties)
        for tabs in properties.findChildren(QTabWidget):
            tabs.setCurrentIndex(0)
        properties.grab().save("/tmp/work/qtwords-print-properties.png")
        properties.reject()

    QTimer.singleShot(300, look_and_close)
    qtbot.mouseClick(dialog.findChild(QPushButton, "properties"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "texts" in seen)
    _no_english(seen["texts"])
    assert {"Properti printer", "Halaman", "Kertas", "Ukuran kertas:", "Orientasi", "Potret",
            "Lanskap", "Margin", "Tata letak halaman", "Halaman per lembar:"} <= seen["texts"]
    # Paper sizes keep their names (A4, Letter, Folio); everything else has an answer.
    left = {(c, s) for c, s in recorder.unanswered
            if c not in ("QShortcut", "QPageSize", "QGuiApplication")}
    assert left <= {("QPrintWidget", "Form"), ("QPrintWidget", "..."),
                    ("QPrintSettingsOutput", "Form"), ("QPageSetupWidget", "Form"),
                    ("QPrintPropertiesWidget", "Form"), ("QPageSetupWidget", "mm"),
                    ("QPageSetupWidget", "Didot (DD)"), ("QPageSetupWidget", "Cicero (CC)"),
                    *(("QPrintDialog", n) for n in ("1 (1x1)", "2 (2x1)", "4 (2x2)",
                                                    "6 (2x3)", "9 (3x3)", "16 (4x4)"))}


def test_the_colour_dialog_reads_indonesian(qtbot):
    dialog = QColorDialog()
    dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    _no_english(texts)
    assert {"Pilih warna", "Warna dasar", "Warna khusus", "Merah:", "Hijau:", "Biru:",
            "Tambahkan ke warna khusus", "Oke", "Batal"} <= texts


@pytest.mark.parametrize("buttons, expected", [
    # forms.py: the discard question; errors.confirm: a destructive action.
    (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
     | QMessageBox.StandardButton.Cancel, {"Simpan", "Buang", "Batal"}),
    (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, {"Ya", "Tidak"}),
    (QMessageBox.StandardButton.Ok, {"Oke"}),
])
def test_message_boxes_read_indonesian(qtbot, buttons, expected):
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Pertanyaan", buttons)
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    box.show()
    texts = visible_texts(box)
    _no_english(texts)
    assert expected | {"Tampilkan rincian..."} <= texts


def test_text_boxes_context_menus_read_indonesian(qtbot):
    for edit in (QLineEdit("teks"), QTextEdit("teks")):
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        entries = {plain(action.text().split("\t")[0]) for action in menu.actions()}
        _no_english(entries)
        assert {"Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus",
                "Pilih semua"} <= entries


def test_shortcut_key_names_stay_as_on_the_keyboard():
    assert QCoreApplication.translate("QShortcut", "Print") == "Print"
    assert QCoreApplication.translate("QShortcut", "Delete") == "Delete"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Cetak"


def test_the_same_english_reads_as_its_place_needs():
    assert QCoreApplication.translate("QPrintSettingsOutput", "Color") == "Berwarna"
    assert QCoreApplication.translate("QCupsJobWidget", "Confidential",
                                      "CUPS Banner page") == "Terbatas"
    assert QCoreApplication.translate("QFileDialog", "Remove") == "Hapus dari daftar"
    assert QCoreApplication.translate("QLineEdit", "Delete") == "Hapus"


def test_placeholders_are_filled_after_translation():
    message = QCoreApplication.translate(
        "QFileDialog", "%1 already exists.\nDo you want to replace it?")
    assert message.replace("%1", "notulen.pdf") == (
        "Berkas notulen.pdf sudah ada.\nGanti berkas tersebut?")
    # A plural request (n given): Indonesian has one form, Qt still fills %n.
    assert QCoreApplication.translate("QPrintPreviewDialog", "%1%", None, 3) == "%1%"
    assert QCoreApplication.translate("QColorDialog", "Select Color", None, 2) == "Pilih warna"


def test_english_chosen_leaves_qt_in_english(qapp):
    set_language("en")
    install_qt_translations(qapp)
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
    set_language("id")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Lihat di:"
    assert len(qapp.findChildren(GettextQtTranslator)) == 1


# -- replacing a file: the program's own question

def test_the_replace_question_is_the_programs_own(qtbot, tmp_path):
    box = replace_question(str(tmp_path / "notulen.pdf"))
    qtbot.addWidget(box)
    box.show()
    assert box.text() == "Berkas «notulen.pdf» sudah ada di folder ini. Ganti dengan yang baru?"
    assert box.informativeText() == "Isi berkas yang sekarang akan hilang."
    assert sorted(plain(b.text()) for b in box.buttons()) == ["Batal", "Ganti"]
    assert plain(box.defaultButton().text()) == "Batal"
    _no_english(visible_texts(box))
    box.grab().save("/tmp/work/qtwords-replace-question.png")


def _when_visible(qtbot, kind, then) -> None:
    def look():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)
                 and w.isVisible()]
        if shown:
            then(shown[0])
        else:
            QTimer.singleShot(100, look)
    QTimer.singleShot(200, look)


def _type_name(qtbot, typed: str, then=None):
    def answer(dialog):
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.clear()
        qtbot.keyClicks(name_box, typed)
        if then is not None:
            then()
        qtbot.keyClick(name_box, Qt.Key.Key_Return)
    return answer


def _click(label: str):
    def answer(box):
        button = next(b for b in box.buttons() if plain(b.text()) == label)
        qtbot_click(button)
    return answer


def qtbot_click(button) -> None:
    button.click()


def test_typing_an_existing_name_asks_and_batal_goes_back_to_the_dialog(qtbot, tmp_path):
    old = tmp_path / "notulen.pdf"
    old.write_bytes(b"%PDF-1.4 lama")
    questions: list[str] = []

    def second_round():
        _when_visible(qtbot, QFileDialog, _type_name(qtbot, "notulen baru"))

    def decline(box):
        questions.append(box.text())
        second_round()
        _click("Batal")(box)

    # "notulen" without its suffix: the file to be written is notulen.pdf, which exists.
    _when_visible(qtbot, QFileDialog, _type_name(
        qtbot, "notulen", then=lambda: _when_visible(qtbot, QMessageBox, decline)))
    chosen = ask_save_file(None, "Simpan notulen", str(tmp_path / "usulan.pdf"), "PDF (*.pdf)")
    assert questions == ["Berkas «notulen.pdf» sudah ada di folder ini. Ganti dengan yang baru?"]
    assert chosen == str(tmp_path / "notulen baru.pdf")
    assert old.read_bytes() == b"%PDF-1.4 lama"


def test_ganti_gives_the_existing_name(qtbot, tmp_path):
    (tmp_path / "notulen.pdf").write_bytes(b"%PDF-1.4 lama")
    _when_visible(qtbot, QFileDialog, _type_name(
        qtbot, "notulen.pdf", then=lambda: _when_visible(qtbot, QMessageBox, _click("Ganti"))))
    chosen = ask_save_file(None, "Simpan notulen", str(tmp_path / "usulan.pdf"), "PDF (*.pdf)")
    assert chosen == str(tmp_path / "notulen.pdf")


def test_a_new_name_is_not_asked_about(qtbot, tmp_path, messages):
    _when_visible(qtbot, QFileDialog, _type_name(qtbot, "laporan"))
    chosen = ask_save_file(None, "Simpan", str(tmp_path / "x.xlsx"), "Excel (*.xlsx)")
    assert chosen == str(tmp_path / "laporan.xlsx")
    assert messages.shown == []


def test_the_input_dialog_reads_indonesian(qtbot):
    """As the meetings page asks for a reason (QInputDialog.getText)."""
    dialog = QInputDialog()
    dialog.setWindowTitle("Batalkan rapat")
    dialog.setLabelText("Alasan")
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    _no_english(texts)
    assert {"Oke", "Batal"} <= texts


def test_a_scroll_bars_menu_reads_indonesian(qtbot):
    """Right-clicking any list's scroll bar: Qt's menu of where to scroll."""
    view = QPlainTextEdit("\n".join(str(n) for n in range(200)))
    qtbot.addWidget(view)
    view.resize(200, 150)
    view.show()
    bar = view.verticalScrollBar()
    entries: list[str] = []

    def read_and_close():
        menu = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMenu) and w.isVisible())
        entries.extend(plain(a.text()) for a in menu.actions() if a.text())
        menu.close()

    QTimer.singleShot(200, read_and_close)
    point = QPoint(bar.width() // 2, bar.height() // 2)
    QApplication.sendEvent(bar, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                  bar.mapToGlobal(point)))
    qtbot.waitUntil(lambda: bool(entries))
    _no_english(set(entries))
    assert {"Gulir ke sini", "Paling atas", "Paling bawah", "Satu halaman ke atas",
            "Gulir ke bawah"} <= set(entries)
