"""A small live picture of the kop surat as the PDF documents will print it.

Drawn with QPainter from the settings being edited: the logo on the left, the government and
agency lines in capitals, the contact line, then the thick-and-thin double rule. Text is
painted as plain text, so whatever a clerk types (`<b>`, `&`) appears literally. Sizes follow
the page: the widget's width stands for the printable width of the chosen paper, so a longer
line wraps here where it wraps on paper.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from exports.pdf.layout import contact_line
from models import PaperSize
from secretariat.documents.letterhead import LetterheadSettings
from secretariat.i18n import _

PAPER_WIDTH_MM = {PaperSize.A4: 210, PaperSize.F4: 215}
LOGO_WIDTH_MM = 22  # as exports.pdf.layout.letterhead draws it
LOGO_GAP_MM = 4
POINT_MM = 25.4 / 72
PADDING = 10
MINIMUM_HEIGHT = 90
TEXT_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)


@cache
def _document_family() -> str:
    """Liberation Sans, the font the PDFs embed; the system's sans serif if it will not load."""
    folder = files("resources") / "fonts"
    family = ""
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(folder / name))
        if font_id >= 0 and not family:
            family = (QFontDatabase.applicationFontFamilies(font_id) or [""])[0]
    return family or QFont().defaultFamily()


class KopPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = LetterheadSettings()
        self._logo = QPixmap()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(MINIMUM_HEIGHT)
        self.setAccessibleName(_("Preview of the letterhead"))

    def set_settings(self, settings: LetterheadSettings) -> None:
        if settings.logo != self._settings.logo:
            self._logo = QPixmap()
            if settings.logo:
                self._logo.loadFromData(settings.logo)
        self._settings = settings
        self._fit_height()
        self.update()

    def text_lines(self) -> list[str]:
        """The lines the preview shows, top to bottom (for tests and screen readers)."""
        return [text for _font, text in self._blocks(1.0)]

    def has_logo(self) -> bool:
        return not self._logo.isNull()

    # -- geometry
    def _scale(self, width: int) -> float:
        """Pixels per millimetre: the inner width stands for the paper's printable width."""
        s = self._settings
        printable = PAPER_WIDTH_MM.get(PaperSize(s.paper_size), 210) \
            - s.margin_left_mm - s.margin_right_mm
        return max(width - 2 * PADDING, 50) / max(printable, 40)

    def _blocks(self, scale: float) -> list[tuple[QFont, str]]:
        s = self._settings
        size = s.font_size_pt

        def font(points: float, bold: bool) -> QFont:
            face = QFont(_document_family())
            face.setPixelSize(max(6, round(points * POINT_MM * scale)))
            face.setBold(bold)
            return face

        blocks = []
        if s.government_line.strip():
            blocks.append((font(size + 3, True), s.government_line.upper()))
        if s.agency_line.strip():
            blocks.append((font(size + 2, True), s.agency_line.upper()))
        contact = contact_line(s)
        if contact:
            blocks.append((font(size - 2, False), contact))
        return blocks

    def _layout(self, width: int) -> tuple[QRect, QRect, int]:
        """The logo's box, the text column and the total height for a widget this wide."""
        scale = self._scale(width)
        inner = width - 2 * PADDING
        logo_box = QRect()
        left = PADDING
        if self.has_logo():
            logo_width = round(LOGO_WIDTH_MM * scale)
            ratio = self._logo.height() / max(self._logo.width(), 1)
            logo_box = QRect(PADDING, PADDING, logo_width, round(logo_width * ratio))
            left += round((LOGO_WIDTH_MM + LOGO_GAP_MM) * scale)
        text_width = max(PADDING + inner - left, 20)
        text_height = sum(QFontMetrics(f).boundingRect(QRect(0, 0, text_width, 100000),
                                                       TEXT_FLAGS, t).height()
                          for f, t in self._blocks(scale))
        body = max(text_height, logo_box.height())
        if logo_box.isValid():  # the PDF centres the logo on the text block
            logo_box.moveTop(PADDING + (body - logo_box.height()) // 2)
        text_box = QRect(left, PADDING + (body - text_height) // 2, text_width, text_height)
        return logo_box, text_box, PADDING + body + self._rule_gaps(scale)[1] + PADDING

    @staticmethod
    def _rule_gaps(scale: float) -> tuple[int, int]:
        """How far below the kop the thick rule lies, and the thin one."""
        thick = round(2 * scale)
        return thick, thick + max(3, round(1.2 * scale))

    def _fit_height(self) -> None:
        # The height follows from the width (wrapped lines), which only a resize tells.
        self.setFixedHeight(max(MINIMUM_HEIGHT, self._layout(self.width())[2]))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(720, max(MINIMUM_HEIGHT, self._layout(720)[2]))

    # -- painting
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("#c8c8c8"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        scale = self._scale(self.width())
        blocks = self._blocks(scale)
        if not blocks:
            painter.setPen(QColor("#808080"))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter),
                             _("The letterhead appears here as you fill it in."))
            return
        logo_box, text_box, _height = self._layout(self.width())
        if logo_box.isValid():
            painter.drawPixmap(logo_box, self._logo)
        painter.setPen(QColor("black"))
        top = text_box.top()
        for font, text in blocks:
            painter.setFont(font)
            box = QRect(text_box.left(), top, text_box.width(), 100000)
            used = painter.boundingRect(box, TEXT_FLAGS, text)
            painter.drawText(QRect(text_box.left(), top, text_box.width(), used.height()),
                             TEXT_FLAGS, text)
            top += used.height()
        # The double rule: 2 pt under the kop, then a thin 0.5 pt line just below it.
        bottom = max(logo_box.bottom(), text_box.bottom())
        thick, thin = self._rule_gaps(scale)
        right = self.width() - PADDING
        painter.setPen(QPen(QColor("black"), max(1.5, 2 * POINT_MM * scale)))
        painter.drawLine(PADDING, bottom + thick, right, bottom + thick)
        painter.setPen(QPen(QColor("black"), max(0.8, 0.5 * POINT_MM * scale)))
        painter.drawLine(PADDING, bottom + thin, right, bottom + thin)
