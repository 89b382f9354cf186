"""The Komitmen table over 100,000 commitments: a count, then pages fetched on demand.

Only the rows a person scrolls to are read (Qt's canFetchMore/fetchMore), 200 at a time;
sorting and filtering are done by the core's query, so nothing is sorted in memory.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models import CommitmentStatus
from secretariat.commitments.queries import (
    CommitmentFilter,
    CommitmentRow,
    CommitmentSort,
    count_commitments,
    list_commitments,
)
from secretariat.i18n import _
from secretariat.vocabulary import label
from ui.formatting import short_date
from ui.table_model import ID_ROLE, ROW_ROLE

PAGE_SIZE = 200
LATE = QColor("#b00020")
STATUS_COLOURS = {
    CommitmentStatus.NOT_STARTED: QColor("#eceff1"),
    CommitmentStatus.IN_PROGRESS: QColor("#fff3cd"),
    CommitmentStatus.DONE: QColor("#d4edda"),
    CommitmentStatus.CANNOT: QColor("#cfd8dc"),
}

# (header, text of a row, the core's sort for the column or None)
_COLUMNS = (
    (lambda: _("Meeting"), lambda r: f"{short_date(r.meeting_date)} · {r.meeting_title}",
     CommitmentSort.MEETING),
    (lambda: _("No."), lambda r: str(r.number), None),
    (lambda: _("Commitment"), lambda r: r.text, None),
    (lambda: _("Lead agency"), lambda r: r.lead_agency, CommitmentSort.LEAD_AGENCY),
    (lambda: _("Due date"), lambda r: short_date(r.due_date), CommitmentSort.DUE_DATE),
    (lambda: _("Status"), lambda r: label(r.status), CommitmentSort.STATUS),
    (lambda: _("Progress"), lambda r: f"{r.progress} %", CommitmentSort.PROGRESS),
    (lambda: _("Days late"), lambda r: str(r.days_late) if r.overdue else "", None),
    (lambda: _("Focus area"), lambda r: r.focus_area, None),
    (lambda: _("Sub task force"), lambda r: r.sub_task_force, None),
)
STATUS_COLUMN, LATE_COLUMN, TEXT_COLUMN = 5, 7, 2

_Index = QModelIndex | QPersistentModelIndex


class CommitmentsModel(QAbstractTableModel):
    def __init__(self, db, today, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._filter = CommitmentFilter()
        self._sort = CommitmentSort.DUE_DATE
        self._descending = False
        self._rows: list[CommitmentRow] = []
        self.total = 0

    # -- what is shown
    def set_query(self, flt: CommitmentFilter | None = None, sort: CommitmentSort | None = None,
                  descending: bool | None = None) -> None:
        """Re-run the query from its first page (raises the core's ValidationError)."""
        flt = flt if flt is not None else self._filter
        today: date = self._today()
        total = count_commitments(self._db, flt, today=today)
        self.beginResetModel()
        self._filter = flt
        self._sort = sort if sort is not None else self._sort
        self._descending = self._descending if descending is None else descending
        self.total = total
        self._rows = list_commitments(self._db, flt, sort=self._sort, descending=self._descending,
                                      limit=PAGE_SIZE, today=today)
        self.endResetModel()

    def reload(self) -> None:
        self.set_query()

    def sort_column(self, column: int) -> CommitmentSort | None:
        return _COLUMNS[column][2]

    def row_at(self, row: int) -> CommitmentRow:
        return self._rows[row]

    # -- lazy loading
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        more = list_commitments(self._db, self._filter, sort=self._sort,
                                descending=self._descending, offset=len(self._rows),
                                limit=PAGE_SIZE, today=self._today())
        if not more:
            self.total = len(self._rows)  # others deleted rows meanwhile: stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _COLUMNS[section][0]()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[column][1](row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT_COLUMN:
            return row.text
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS_COLUMN:
            return QBrush(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.ForegroundRole and column == LATE_COLUMN and row.overdue:
            return QBrush(LATE)
        return None
