"""What the app shows when no workbook is open: new, open, recent, or the demo workbook."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def demo_available() -> bool:
    """Whether the demo generator is installed (looked up without importing it)."""
    try:
        return importlib.util.find_spec("iptwork.demo") is not None
    except (ImportError, ValueError):
        return False


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(self.tr("iptwork"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "A private workbook for interpersonal therapy. Write down the conversations "
                "that stay with you, see the patterns in them, and bring them to your "
                "sessions. Everything stays in one file on this computer."
            )
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New workbook…"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("&Open a workbook…"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = QPushButton(self.tr("Open the &demo workbook"))
        self.demo_button.setToolTip(
            self.tr("A made-up workbook with sample people and interactions, to look around")
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.demo_button.setEnabled(demo_available())
        if not self.demo_button.isEnabled():
            self.demo_button.setToolTip(
                self.tr("The demo workbook is not part of this installation")
            )
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(34)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        self.recent_title = QLabel(self.tr("&Recent workbooks"))
        self.recent = QListWidget()
        self.recent.setObjectName("recent-list")
        self.recent.setAccessibleName(self.tr("Recent workbooks"))
        self.recent_title.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent, 2)
        column.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(720)
        box.setLayout(column)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)

    def set_recent(self, paths: Sequence[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
        if paths:
            self.recent.setCurrentRow(0)
