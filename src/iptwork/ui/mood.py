""" "How are you today?": the daily mood, 0–10, in two keystrokes (Ctrl+M, then a digit).

Eleven buttons in a row; a digit key answers at once (0–9; 10 is a click, or Tab to it and
Enter). Nothing else to fill in: the point is that it takes two seconds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.ui import theme


class MoodDialog(QDialog):
    def __init__(self, current: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mood-dialog")
        self.setWindowTitle(self.tr("How are you today?"))
        self.rating: int | None = None
        question = QLabel(self.tr("How are you today, all in all?"))
        theme.scale_font(question, 1.3)
        hint = QLabel(
            self.tr("0 is the worst you can imagine, 10 the best. Press a number key, or click.")
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        low, high = domain.MOOD_RANGE
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.setSpacing(4)
        for value in range(low, high + 1):
            button = QPushButton(str(value))
            button.setObjectName(f"mood-{value}")
            button.setMinimumSize(44, 44)
            button.setAutoDefault(False)
            button.setAccessibleName(self.tr("Mood %1 of 10").replace("%1", str(value)))
            if value == current:
                button.setToolTip(self.tr("Your rating so far today"))
                button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(lambda _c=False, v=value: self.choose(v))
            row.addWidget(button)
            self.buttons.append(button)
        ends = QHBoxLayout()
        ends.addWidget(QLabel(self.tr("very low")))
        ends.addStretch(1)
        ends.addWidget(QLabel(self.tr("very good")))
        today = QLabel(
            self.tr("Today's rating so far: %1. A new one replaces it.").replace("%1", str(current))
            if current is not None
            else ""
        )
        today.setProperty("role", "hint")
        today.setVisible(current is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addLayout(ends)
        layout.addWidget(today)
        layout.addWidget(buttons)

    def choose(self, value: int) -> None:
        self.rating = value
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        chords = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        # Shift is allowed: some keyboards (AZERTY) need it for digits.
        if len(text) == 1 and text in "0123456789" and not event.modifiers() & chords:
            self.choose(int(text))
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, current: int | None = None) -> int | None:
        dialog = cls(current, parent)
        try:
            return dialog.rating if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
