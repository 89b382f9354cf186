"""PLACEHOLDER until its helper replaces this whole file (keeps meeting_view importable)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class AttendanceTab(QWidget):
    def __init__(self, context, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack

    def load(self, meeting) -> None:
        self.meeting = meeting
