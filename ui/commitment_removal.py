"""Removing a commitment entered by mistake, asked first, from any list that shows one.

The core decides whether it may go (open minutes, no follow-ups yet); this only asks the
clerk, names the commitment being removed, and announces the change to every page.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat.commitments.recording import delete_commitment
from secretariat.commitments.rows import CommitmentRow
from secretariat.i18n import _
from ui.errors import attempt, confirm
from ui.formatting import short_date

_SHOWN_CHARACTERS = 160  # enough to recognise a commitment in the question


def ask_and_remove(parent: QWidget, context, row: CommitmentRow) -> bool:
    """Delete `row` after the clerk says yes; True when it is gone."""
    text = row.text if len(row.text) <= _SHOWN_CHARACTERS else (
        row.text[:_SHOWN_CHARACTERS].rstrip() + "…")
    # The first line is ours: QMessageBox guesses rich text from that line alone, so a
    # commitment with "<b>" in it further down still shows as typed.
    question = _("Delete commitment {number} of the meeting of {date}?\n\n{text}\n\n"
                 "This cannot be undone.").format(
        number=row.number, date=short_date(row.meeting_date), text=text)
    if not confirm(parent, _("Delete commitment"), question):
        return False
    ok, _result = attempt(parent, lambda: delete_commitment(context.db, row.id, row.version))
    if ok:
        context.changes.announce("commitments")
    return ok
