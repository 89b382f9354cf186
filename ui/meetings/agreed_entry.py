"""The quick-entry table for commitments agreed at a meeting: several rows, saved at once.

Rows are plain Python values edited through delegates (agency and catalogue combos, a date
field); nothing reaches the database until "Save all", which the core writes in one
transaction. A refused row stays in the table with everything typed, a due date that is no
date too: it is kept as typed, in red, and refused with its row number on "Save all".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyledItemDelegate

from secretariat.commitments.recording import CommitmentDraft
from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.validation import read_written_date
from ui.date_field import DateField
from ui.formatting import short_date


@dataclass
class EntryRow:
    text: str = ""
    lead_agency_id: int | None = None
    supporting: str = ""  # abbreviations separated by commas
    due_date: date | None = None
    due_typed: str = ""  # a due date typed that is no date, kept as typed to be corrected
    action_plan: str = ""  # rencana aksi: the concrete step, a column of the matrix
    focus_area_id: int | None = None
    sub_task_force_id: int | None = None
    extra: dict = field(default_factory=dict)
    # A choice typed that fits no item, or several: column -> (text kept, why refused).
    refused: dict[int, tuple[str, str]] = field(default_factory=dict)


# Rencana Aksi after the due date: commitment, who, with whom, by when, then how.
TEXT, LEAD, SUPPORTING, DUE, ACTION_PLAN, FOCUS, SUB = range(7)
FIELDS = ("text", "lead_agency_id", "supporting", "due_date", "action_plan", "focus_area_id",
          "sub_task_force_id")
# The text of a due-date cell when it could not be read as a date ("" when it could).
TYPED_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
REFUSED_COLOUR = QColor("#b00020")


def _due_date_refusal(typed: str) -> str:
    try:
        read_written_date(typed, _("Due date"), field="due_date")
    except ValidationError as refusal:
        return refusal.message
    return ""


class EntryModel(QAbstractTableModel):
    def __init__(self, choices: dict[int, dict[Any, str]], parent=None,
                 supporting_problem=lambda _text: "") -> None:
        super().__init__(parent)
        self.choices = choices  # column -> {value: shown text}
        # Why a supporting-agencies text cannot be saved ("" when it can).
        self.supporting_problem = supporting_problem
        self.rows: list[EntryRow] = [EntryRow()]

    def headers(self) -> list[str]:
        # Short headings: a long one is cut off in the column; the hint is its tooltip.
        return [_("Commitment"), _("Lead agency"), _("Supporting agencies"),
                _("Due date"), _("Action plan"), _("Focus area"), _("Sub task force")]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and section == 2):
            return _("Type part of an abbreviation or a name and choose from the list; several "
                     "agencies are separated by commas")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return str(section + 1)

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def _value(self, row: EntryRow, column: int):
        return getattr(row, FIELDS[column])

    def cell_problem(self, row: EntryRow, column: int) -> str:
        """Why a cell cannot be saved as it stands ("" when it can)."""
        if column == DUE and row.due_typed:
            return _due_date_refusal(row.due_typed)
        if column == SUPPORTING:
            return self.supporting_problem(row.supporting)
        return row.refused.get(column, ("", ""))[1]

    def first_problem(self) -> str:
        """The first cell refused, named by its row: shown under the table as it happens."""
        for number, row in enumerate(self.rows, start=1):
            for column in range(len(FIELDS)):
                problem = self.cell_problem(row, column)
                if problem:
                    return _("Row {row}: {message}").format(row=number, message=problem)
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = self._value(row, index.column())
        if index.column() == DUE and row.due_typed:
            return {TYPED_TEXT_ROLE: row.due_typed, Qt.ItemDataRole.DisplayRole: row.due_typed,
                    Qt.ItemDataRole.ForegroundRole: REFUSED_COLOUR,
                    Qt.ItemDataRole.ToolTipRole: _due_date_refusal(row.due_typed)}.get(role)
        if index.column() in row.refused:  # kept as typed, in red, to be corrected
            typed, why = row.refused[index.column()]
            return {TYPED_TEXT_ROLE: typed, Qt.ItemDataRole.DisplayRole: typed,
                    Qt.ItemDataRole.ForegroundRole: REFUSED_COLOUR,
                    Qt.ItemDataRole.ToolTipRole: why}.get(role)
        if index.column() == SUPPORTING and role in (Qt.ItemDataRole.ForegroundRole,
                                                     Qt.ItemDataRole.ToolTipRole):
            why = self.supporting_problem(value)
            if not why:
                return None
            return REFUSED_COLOUR if role == Qt.ItemDataRole.ForegroundRole else why
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == DUE:
                return short_date(value)
            if index.column() in self.choices:
                return self.choices[index.column()].get(value, "")
            return value
        return None

    def set_due_date(self, index: QModelIndex, value: date | None, typed: str) -> None:
        """A due-date cell as typed: the date read, or the text kept when it is no date."""
        row = self.rows[index.row()]
        row.due_date, row.due_typed = value, typed if value is None else ""
        self.dataChanged.emit(index, index)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        row.refused.pop(index.column(), None)
        setattr(row, FIELDS[index.column()], value)
        self.dataChanged.emit(index, index)
        return True

    def refuse_choice(self, index: QModelIndex, typed: str, why: str) -> None:
        """A choice typed that fits no item (or several): kept in red, refused on saving."""
        row = self.rows[index.row()]
        setattr(row, FIELDS[index.column()], None)
        row.refused[index.column()] = (typed, why)
        self.dataChanged.emit(index, index)

    def add_row(self) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(EntryRow())
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = [EntryRow()]
        self.endResetModel()

    def filled_rows(self) -> list[EntryRow]:
        """Rows with anything typed in them; empty trailing rows are not commitments."""
        return [r for r in self.rows if r.text.strip() or r.lead_agency_id or r.supporting
                or r.action_plan.strip() or r.refused]


def drafts(rows: list[EntryRow], agency_ids: dict[str, int]) -> list[CommitmentDraft]:
    """Commitment drafts from entry rows; unknown abbreviations are named, not dropped."""
    result = []
    for number, row in enumerate(rows, start=1):
        if row.due_typed:
            raise ValidationError(_("Row {row}: {message}").format(
                row=number, message=_due_date_refusal(row.due_typed)), field="due_date")
        for column, (_typed, why) in row.refused.items():
            raise ValidationError(_("Row {row}: {message}").format(row=number, message=why),
                                  field=FIELDS[column])
        supporting = []
        for abbreviation in filter(None, (a.strip() for a in row.supporting.split(","))):
            if abbreviation.casefold() not in agency_ids:
                raise ValidationError(_("Row {row}: no agency is abbreviated {abbreviation}.")
                                      .format(row=number, abbreviation=abbreviation),
                                      field="supporting_agency_ids")
            supporting.append(agency_ids[abbreviation.casefold()])
        signatories = tuple(dict.fromkeys([row.lead_agency_id, *supporting])) \
            if row.lead_agency_id else tuple(supporting)
        result.append(CommitmentDraft(
            text=row.text, lead_agency_id=row.lead_agency_id, due_date=row.due_date,
            action_plan=row.action_plan,
            focus_area_id=row.focus_area_id, sub_task_force_id=row.sub_task_force_id,
            supporting_agency_ids=tuple(supporting), signatory_agency_ids=signatories))
    return result


class DateDelegate(QStyledItemDelegate):
    """A due-date cell edited in the program's one date field. An empty cell's field starts
    empty and what is typed replaces the cell: QDateEdit started at today and merged the
    keys into it, so "31 Mar 2025" was saved as 31 Des 2025."""

    def createEditor(self, parent, option, index):
        return DateField(parent, optional=True, in_cell=True)

    def updateEditorGeometry(self, editor, option, index):
        # The date understood is shown beside the text, over the next column while editing.
        rect = QRect(option.rect)
        rect.setWidth(rect.width() + editor.hint.minimumWidth() + 4)
        editor.setGeometry(rect)

    def setEditorData(self, editor, index):
        typed = index.data(TYPED_TEXT_ROLE)
        if typed:
            editor.set_text(typed)
        else:
            editor.set_date(index.data(Qt.ItemDataRole.EditRole))
        editor.line_edit.selectAll()  # a key typed on the cell replaces it, as in a sheet

    def setModelData(self, editor, model, index):
        model.set_due_date(index, editor.date(), editor.text().strip())
