"""A flat table model over a list of records: the rows, the column titles and the lookups
that every list-backed table in the UI shares. A subclass sets `titles` and implements
`data` (and `flags`/`setData` where it is editable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root: what `parent` is for a flat model
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's record id, for views and tests


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """One record a row; one title a column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[T] = []
        self.titles: tuple[str, ...] = ()

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._records[row]

    def records(self) -> list[T]:
        return list(self._records)

    def row_of(self, record_id: str) -> int:
        return next((n for n, x in enumerate(self._records) if x.id == record_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None


def record_buttons(
    add_text: str,
    add: Callable[[], object],
    edit: Callable[[], object],
    delete: Callable[[], object],
) -> tuple[QHBoxLayout, QPushButton, QPushButton, QPushButton]:
    """The row under a list of records: Add… (`add_text`), Edit…, Delete…, to the left.
    Returns the row and the three buttons."""
    buttons = []
    for text, action in (
        (add_text, add),
        (QCoreApplication.translate("records", "&Edit…"), edit),
        (QCoreApplication.translate("records", "&Delete…"), delete),
    ):
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, act=action: act())
        buttons.append(button)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row, buttons[0], buttons[1], buttons[2]
