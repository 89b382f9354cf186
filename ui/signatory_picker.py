"""Who signs a commitment: a checkable list of every agency and community body, with a box
to find one by typing part of its name or abbreviation, and the chosen ones named above.

Space (or a click on the tick box) ticks the current line, as in any checkable list.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QSizePolicy, QVBoxLayout, QWidget

from secretariat.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole


class SignatoryPicker(QWidget):
    def __init__(self, agencies, chosen: tuple[int, ...], parent: QWidget | None = None) -> None:
        """`agencies`: the register's rows; active ones are offered, archived ones only
        where already chosen (they signed before being archived)."""
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.model = QStandardItemModel(self)
        for agency in agencies:
            if agency.active or agency.id in chosen:
                item = QStandardItem(f"{agency.abbreviation} – {agency.name}")
                item.setToolTip(agency.name)
                item.setData(agency.id, ID_ROLE)
                item.setData(agency.abbreviation, Qt.ItemDataRole.UserRole + 1)
                item.setEditable(False)
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Checked if agency.id in chosen
                                   else Qt.CheckState.Unchecked)
                self.model.appendRow(item)
        self.shown = QSortFilterProxyModel(self)
        self.shown.setSourceModel(self.model)
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.find = QLineEdit(self)
        self.find.setObjectName("signatory_filter")
        self.find.setPlaceholderText(_("Find an agency or community body…"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.shown.setFilterFixedString)
        self.view = QListView(self)
        self.view.setObjectName("signatories")
        self.view.setModel(self.shown)
        self.view.setMaximumHeight(130)
        # Long official names are cut with "…" (the whole name is the tooltip), not scrolled.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.summary = QLabel(self)
        self.summary.setObjectName("signatory_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.model.itemChanged.connect(self._summarise)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.summary)
        column.addWidget(self.find)
        column.addWidget(self.view)
        self._summarise()

    def _checked(self) -> list[QStandardItem]:
        items = (self.model.item(row) for row in range(self.model.rowCount()))
        return [item for item in items if item.checkState() == Qt.CheckState.Checked]

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(item.data(ID_ROLE) for item in self._checked())

    def _summarise(self, *_args) -> None:
        names = [item.data(Qt.ItemDataRole.UserRole + 1) for item in self._checked()]
        self.summary.setText(", ".join(names) if names else _("No signatories chosen"))
