"""Qt table models over the core's row objects.

`RowTableModel` holds the rows a core query returned (small lists: agencies, meetings,
attendance) and describes each column once: header, displayed text, sort key, colour.
Views sort and filter it through a `QSortFilterProxyModel` on `SORT_ROLE`; code that needs
the record behind a line asks for `ROW_ROLE`. Large lists (commitments) page lazily instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    background: Callable[[R], QColor | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    tooltip: Callable[[R], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._ranks: dict[int, list[int]] = {}  # column -> each row's place in sort order

    # -- content
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ranks.clear()
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        """Describe the columns anew (their texts may depend on data loaded with the rows)."""
        self.beginResetModel()
        self._columns = list(columns)
        self._ranks.clear()
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of_id(self, record_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if getattr(row, "id", None) == record_id:
                return number
        return None

    def _rank(self, column_number: int, row_number: int) -> int:
        """The row's place when sorted by the column's key, compared by Python.

        Qt's sort proxy compares only what it knows (numbers, strings): dates, tuples and a
        None among them reached it as opaque objects and did not sort at all.
        """
        ranks = self._ranks.get(column_number)
        if ranks is None:
            key = self._columns[column_number].sort_key
            assert key is not None

            def orderable(row: R) -> tuple:
                value = key(row)
                value = value.casefold() if isinstance(value, str) else value
                return (value is not None and value != "", value if value else 0)

            order = sorted(range(len(self._rows)), key=lambda n: orderable(self._rows[n]))
            ranks = [0] * len(self._rows)
            for place, number in enumerate(order):
                ranks[number] = place
            self._ranks[column_number] = ranks
        return ranks[row_number]

    # -- Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            if column.sort_key is None:
                return column.text(row).casefold()
            return self._rank(index.column(), index.row())
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            colour = column.background(row)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            colour = column.foreground(row)
            return QBrush(colour) if colour else None
        return None
