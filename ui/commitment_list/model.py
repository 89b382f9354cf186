"""A table model over 100,000 commitments that never loads them all.

It knows the total (one COUNT) and holds only the pages of 200 rows a person has
scrolled to (Qt's canFetchMore/fetchMore). Sorting and filtering are the core's query:
nothing is sorted or filtered in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models import CommitmentStatus
from secretariat.commitment_queries import (
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
LATE_RED = QColor("#b00020")
STATUS_BACKGROUND = {
    CommitmentStatus.NOT_STARTED: QColor("#eceff1"),
    CommitmentStatus.IN_PROGRESS: QColor("#fff3cd"),
    CommitmentStatus.DONE: QColor("#d4edda"),
    CommitmentStatus.CANNOT: QColor("#cfd8dc"),
}


@dataclass(frozen=True)
class ListColumn:
    header: Callable[[], str]  # called when shown, so a language switch applies
    text: Callable[[CommitmentRow], str]
    sort: CommitmentSort | None = None  # the core's order for a header click; None: fixed
    align_right: bool = False


def _meeting(row: CommitmentRow) -> str:
    return "{date} · {title}".format(date=short_date(row.meeting_date), title=row.meeting_title)


COLUMNS = (
    ListColumn(lambda: _("Meeting"), _meeting, CommitmentSort.MEETING),
    ListColumn(lambda: _("No."), lambda r: str(r.number), align_right=True),
    ListColumn(lambda: _("Commitment"), lambda r: r.text),
    ListColumn(lambda: _("Lead agency"), lambda r: r.lead_agency, CommitmentSort.LEAD_AGENCY),
    ListColumn(lambda: _("Due date"), lambda r: short_date(r.due_date), CommitmentSort.DUE_DATE),
    ListColumn(lambda: _("Status"), lambda r: label(r.status), CommitmentSort.STATUS),
    ListColumn(lambda: _("Progress %"), lambda r: str(r.progress), CommitmentSort.PROGRESS,
               align_right=True),
    ListColumn(lambda: _("Days late"), lambda r: str(r.days_late) if r.overdue else "",
               align_right=True),
    ListColumn(lambda: _("Focus area"), lambda r: r.focus_area),
    ListColumn(lambda: _("Sub task force"), lambda r: r.sub_task_force),
)
TEXT_COLUMN, STATUS_COLUMN, LATE_COLUMN = 2, 5, 7

_Index = QModelIndex | QPersistentModelIndex


class CommitmentListModel(QAbstractTableModel):
    def __init__(self, db, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self.filter = CommitmentFilter()
        self.sort = CommitmentSort.DUE_DATE
        self.descending = False
        self._rows: list[CommitmentRow] = []
        self.total = 0

    # -- the query
    def run(self, flt: CommitmentFilter | None = None, sort: CommitmentSort | None = None,
            descending: bool | None = None) -> None:
        """Show the first page of a (new) query; the core's ValidationError passes through
        before anything on screen changes."""
        flt = self.filter if flt is None else flt
        sort = self.sort if sort is None else sort
        descending = self.descending if descending is None else descending
        today = self._today()
        total = count_commitments(self._db, flt, today=today)
        first = list_commitments(self._db, flt, sort=sort, descending=descending,
                                 limit=PAGE_SIZE, today=today)
        self.beginResetModel()
        self.filter, self.sort, self.descending = flt, sort, descending
        self.total, self._rows = total, first
        self.endResetModel()

    def row_at(self, row: int) -> CommitmentRow:
        return self._rows[row]

    def row_of_id(self, commitment_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == commitment_id:
                return number
        return None

    # -- lazy loading
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = list_commitments(self._db, self.filter, sort=self.sort,
                                descending=self.descending, offset=len(self._rows),
                                limit=PAGE_SIZE, today=self._today())
        if not more:
            self.total = len(self._rows)  # rows were deleted meanwhile: stop asking
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column].text(row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT_COLUMN:
            return row.text  # the cell is cut off; the whole agreement is in the tooltip
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS_COLUMN:
            return QBrush(STATUS_BACKGROUND[row.status])
        if role == Qt.ItemDataRole.ForegroundRole and column == LATE_COLUMN and row.overdue:
            return QBrush(LATE_RED)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
