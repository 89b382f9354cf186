"""The progress report's box on the Laporan page: the Simpulan dan Saran drafted, edited,
printed."""

from __future__ import annotations

import re

from pypdf import PdfReader

from ui.documents_page import DocumentsPage


def _text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_draft_follows_the_choice_and_the_clerks_words_are_printed(qtbot, demo_context,
                                                                        monkeypatch, tmp_path):
    page = DocumentsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    box = page.progress_report
    box.year.setCurrentIndex(box.year.findData(2026))
    # Given a year without rakor: the draft still names the earlier overdue commitments.
    draft = box.conclusions.toPlainText()
    assert "A. Simpulan" in draft and "B. Saran" in draft
    assert "dari rapat sebelumnya masih terbuka dan melewati batas waktu" in draft

    box.year.setCurrentIndex(box.year.findData(2025))
    assert box.conclusions.toPlainText() != draft  # redrafted for the year chosen
    box.conclusions.clear()
    qtbot.keyClicks(box.conclusions, "1. Rakor berikutnya membahas data korban terpadu.")
    monkeypatch.setattr(page, "ask_target", lambda *_a: str(tmp_path / "laporan.pdf"))
    box.write(".pdf")
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30_000)

    printed = _text(page.result_path)
    assert "III. SIMPULAN DAN SARAN" in printed
    assert "Rakor berikutnya membahas data korban terpadu." in printed
    assert "A. Simpulan" not in printed  # the clerk's text replaced the draft

    box.redraft.click()
    assert "A. Simpulan" in box.conclusions.toPlainText()
