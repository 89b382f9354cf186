"""Field messages shown as plain text, because the core's messages quote what was typed.

"'<b>x' is not an e-mail address" must show the angle brackets, not bold text. The shared
`ui.forms.Form` creates its message labels with Qt's automatic text format; until it sets
plain text itself, the settings forms switch their labels after building them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_field_messages(form_owner: QWidget) -> None:
    for message in form_owner.findChildren(QLabel):
        if message.objectName().startswith("error_"):
            message.setTextFormat(Qt.TextFormat.PlainText)
