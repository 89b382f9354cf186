"""Lists sort by what their column means: dates by date, empty cells first, not by accident.

Qt's sort proxy compares only numbers and strings; a date or a tuple sort key reached it as
an opaque object and clicking the heading left the rows as they were (seen on the
carry-forward tab's meeting dates and the task forces' decree dates).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from ui.table_model import SORT_ROLE, Column, RowTableModel


def _sorted(keys, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    model: RowTableModel = RowTableModel([Column("x", str, sort_key=lambda r: r)])
    model.set_rows(keys)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(0, order)
    return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]


@pytest.mark.parametrize(("keys", "expected"), [
    ([date(2025, 3, 1), date(2024, 1, 1), date(2026, 5, 5)],
     ["2024-01-01", "2025-03-01", "2026-05-05"]),
    ([(2, 1), (1, 5), (3, 0)], ["(1, 5)", "(2, 1)", "(3, 0)"]),
    ([date(2025, 1, 1), "", date(2024, 1, 1)], ["", "2024-01-01", "2025-01-01"]),
    ([date(2025, 1, 1), None, date(2024, 1, 1)], ["None", "2024-01-01", "2025-01-01"]),
    (["banjar", "Amuntai", "Cempaka"], ["Amuntai", "banjar", "Cempaka"]),
])
def test_a_column_sorts_by_its_key(qapp, keys, expected):
    assert _sorted(keys) == expected
    assert _sorted(keys, Qt.SortOrder.DescendingOrder) == list(reversed(expected))


def test_new_rows_are_ranked_anew(qapp):
    model: RowTableModel = RowTableModel([Column("x", str, sort_key=lambda r: r)])
    model.set_rows([date(2025, 1, 1), date(2024, 1, 1)])
    assert model.index(0, 0).data(SORT_ROLE) == 1
    model.set_rows([date(2023, 1, 1), date(2024, 1, 1)])
    assert model.index(0, 0).data(SORT_ROLE) == 0
