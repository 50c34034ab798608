"""What the app shows when no workbook is open: new, open, recent, or the demo workbook.

It is often the first thing someone sees, maybe upset and tired, so it says in three short
sentences what the workbook is for and offers three plain ways in. A problem found at
start (settings that cannot be kept, a file that could not be opened) is shown here too,
calmly, above the buttons."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
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
        self.title = QLabel(self.tr("iptwork"))
        self.title.setObjectName("welcome-title")
        self._size_title()
        self.intro = QLabel(
            self.tr(
                "This is a private workbook for interpersonal therapy (IPT), where you write "
                "down the conversations that stay with you while they are fresh. Going "
                "through them one at a time shows what you meant, what the other person "
                "heard, and what you might try next time. Everything stays in one file on "
                "this computer and is saved as you go."
            )
        )
        self.intro.setObjectName("welcome-intro")
        self.intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("welcome-notice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "note")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.new_button = QPushButton(self.tr("&New workbook…"))
        self.new_button.setToolTip(self.tr("Start your own workbook: an empty file you name"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setToolTip(self.tr("Open a workbook you already have"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = QPushButton(self.tr("Explore the &demo workbook"))
        self.demo_button.setToolTip(
            self.tr(
                "A made-up workbook with sample people and conversations, to look around in. "
                "Your own workbooks are not touched."
            )
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.demo_button.setEnabled(demo_available())
        if not self.demo_button.isEnabled():
            self.demo_button.setToolTip(
                self.tr("The demo workbook is not part of this installation")
            )
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(34)
        self.new_button.setDefault(True)
        self.guide_hint = QLabel(self.tr("New here? F1 opens a short guide."))
        self.guide_hint.setProperty("role", "hint")
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
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(8)
        column.addWidget(self.notice)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addWidget(self.guide_hint)
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

    def _size_title(self) -> None:
        font = self.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size preference changed
            self._size_title()
        super().changeEvent(event)

    def set_notice(self, text: str) -> None:
        """Show a calm note above the buttons (empty text hides it)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

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
