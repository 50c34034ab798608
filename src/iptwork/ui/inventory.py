"""The interpersonal inventory: the closeness circle beside a table of the same people.

The table is the keyboard and screen-reader way in: every field, sortable, with Add /
Edit / Delete; the circle is the picture, where dragging a person to another ring changes
how close they are. Both show one `PeopleModel`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.store import records as r
from iptwork.ui import labels, theme
from iptwork.ui.closeness_circle import ClosenessCircle, sign
from iptwork.ui.editors import TextField
from iptwork.ui.record_table import ID_ROLE, Index, RecordTableModel, record_buttons

SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class PeopleModel(RecordTableModel[r.Person]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = (
            self.tr("Name"),
            self.tr("Relationship"),
            self.tr("Closeness"),
            self.tr("Support"),
            self.tr("Conflict"),
            self.tr("Expectations met"),
            self.tr("Expectations"),
            self.tr("Notes"),
        )

    def set_people(self, people: Sequence[r.Person]) -> None:
        self.set_records(people)

    def person(self, row: int) -> r.Person:
        return self.record(row)

    def people(self) -> list[r.Person]:
        return self.records()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._records[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return p.id
        if role == SORT_ROLE:
            return (
                p.name.casefold(),
                labels.relationship(p.relationship),
                p.closeness,
                p.support,
                p.conflict,
                p.expectations_met or "",
                p.expectations.casefold(),
                p.notes.casefold(),
            )[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                p.name,
                labels.relationship(p.relationship),
                f"{p.closeness} · {labels.closeness(p.closeness)}",
                f"{p.support}/10",
                f"{p.conflict}/10 {sign(p)}",
                labels.expectations_met(p.expectations_met),
                _line(p.expectations),
                _line(p.notes),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (6, 7):
            return (p.expectations, p.notes)[column - 6] or None
        return None


def _line(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:120]


class PersonDialog(QDialog):
    """Every field of a person in the inventory."""

    def __init__(
        self, person: r.Person | None, taken_names: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person-dialog")
        self.setWindowTitle(self.tr("Edit a person") if person else self.tr("Add a person"))
        self._person = person or r.Person(name="")
        self._taken = {n.casefold() for n in taken_names if not person or n != person.name}
        self._result: r.Person | None = None
        self.name = QLineEdit(self._person.name)
        self.name.setMaxLength(domain.MAX_NAME)
        self.name.setPlaceholderText(self.tr("A name or initials"))
        self.relationship = QComboBox()
        for relation in domain.Relationship:
            self.relationship.addItem(labels.relationship(relation.value), relation.value)
        self.relationship.setCurrentIndex(self.relationship.findData(self._person.relationship))
        self.closeness = QComboBox()
        for ring in (1, 2, 3):
            self.closeness.addItem(f"{ring} · {labels.closeness(ring)}", ring)
        self.closeness.setCurrentIndex(self._person.closeness - 1)
        self.support = self._slider(self._person.support, self.tr("How supportive, 0 to 10"))
        self.conflict = self._slider(self._person.conflict, self.tr("How much conflict, 0 to 10"))
        self.expectations = TextField(self.tr("Expectations"), self.tr("What I expect of them"))
        self.expectations.set_text(self._person.expectations)
        self.expectations.setMinimumHeight(70)
        self.expectations_met = QComboBox()
        self.expectations_met.addItem(self.tr("Not said"), None)
        for met in domain.ExpectationsMet:
            self.expectations_met.addItem(labels.expectations_met(met.value), met.value)
        self.expectations_met.setCurrentIndex(
            max(self.expectations_met.findData(self._person.expectations_met), 0)
        )
        self.notes = TextField(self.tr("Notes"))
        self.notes.set_text(self._person.notes)
        self.notes.setMinimumHeight(70)
        self.message = QLabel()
        self.message.setObjectName("person-message")
        self.message.setProperty("role", "problem")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Relationship"), self.relationship)
        form.addRow(self.tr("&Closeness"), self.closeness)
        form.addRow(self.tr("&Support"), self._with_value(self.support))
        form.addRow(self.tr("C&onflict"), self._with_value(self.conflict))
        form.addRow(self.tr("&Expectations"), self.expectations)
        form.addRow(self.tr("Expectations &met?"), self.expectations_met)
        form.addRow(self.tr("No&tes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(round(480 * theme.text_scale()), round(520 * theme.text_scale()))

    def _slider(self, value: int, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 10)
        slider.setPageStep(1)
        slider.setValue(value)
        slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        slider.setAccessibleName(name)
        return slider

    def _with_value(self, slider: QSlider) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        shown = QLabel(str(slider.value()))
        shown.setMinimumWidth(24)
        slider.valueChanged.connect(lambda v: shown.setText(str(v)))
        row.addWidget(slider, 1)
        row.addWidget(shown)
        return box

    def person(self) -> r.Person:
        return replace(
            self._person,
            name=self.name.text().strip(),
            relationship=str(self.relationship.currentData()),
            closeness=int(self.closeness.currentData()),
            support=self.support.value(),
            conflict=self.conflict.value(),
            expectations=self.expectations.text(),
            expectations_met=self.expectations_met.currentData(),
            notes=self.notes.text(),
        )

    def save(self) -> None:
        person = self.person()
        if not person.name:
            problem = self.tr("Please give a name (initials are fine): it is how you find them.")
        elif person.name.casefold() in self._taken:
            problem = self.tr(
                "There is already someone called %1. Names must differ; add an initial."
            ).replace("%1", person.name)
        else:
            self._result = person
            self.accept()
            return
        self.message.setText(problem)
        self.message.show()
        self.name.setFocus()

    @classmethod
    def ask(
        cls, parent: QWidget | None, person: r.Person | None, taken_names: Sequence[str]
    ) -> r.Person | None:
        dialog = cls(person, taken_names, parent)
        try:
            dialog.exec()
            result = dialog._result
            return None if result == person else result
        finally:
            dialog.deleteLater()


class InventoryView(QWidget):
    add_requested = Signal()
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    move_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventory-view")
        self.model = PeopleModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.circle = ClosenessCircle()
        self.circle.moved.connect(self.move_requested)
        self.circle.activated.connect(self._edit_person)
        self.circle.current_changed.connect(self._select_in_table)
        self._read_only = False
        self.table = QTableView()
        self.table.setObjectName("people-table")
        self.table.setAccessibleName(self.tr("People in your life"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        theme.set_column_widths(self.table, dict(enumerate((110, 90, 118, 62, 70, 120, 160))))
        self.table.activated.connect(
            lambda index: self._edit_person(self.proxy.data(index, ID_ROLE))
        )
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.circle.set_current(
                self.proxy.data(current, ID_ROLE) if current.isValid() else None
            )
        )
        buttons, self.add_button, self.edit_button, self.delete_button = record_buttons(
            self.tr("&Add a person…"),
            self.add_requested.emit,
            self._edit_current,
            self._delete_current,
        )
        self.hint = hint = QLabel(self._hint_text())
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.circle, 1)
        left_layout.addWidget(hint)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 760])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def set_people(self, people: Sequence[r.Person]) -> None:
        current = self.current_id()
        self.model.set_people(people)
        self.circle.set_people(people)
        if current:
            self._select_in_table(current)
        self._update_buttons()

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.proxy.data(rows[0], ID_ROLE)) if rows else None

    def _select_in_table(self, person_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == person_id:
                if self.current_id() != person_id:
                    self.table.selectRow(row)
                return

    def _hint_text(self) -> str:
        if self._read_only:
            return self.tr("The workbook is open read-only: the circle can be looked at here.")
        return self.tr(
            "Drag a person to another ring to change how close they are, or pick them "
            "and press 1, 2 or 3."
        )

    def set_read_only(self, read_only: bool) -> None:
        """A workbook opened read-only (open elsewhere): people are shown, not changed."""
        self._read_only = read_only
        self.circle.set_read_only(read_only)
        self.add_button.setEnabled(not read_only)
        self.hint.setText(self._hint_text())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None and not self._read_only
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _edit_person(self, person_id: str) -> None:
        if person_id and not self._read_only:
            self.edit_requested.emit(person_id)

    def _edit_current(self) -> None:
        person_id = self.current_id()
        if person_id:
            self._edit_person(person_id)

    def _delete_current(self) -> None:
        person_id = self.current_id()
        if person_id and not self._read_only:
            self.delete_requested.emit(person_id)
