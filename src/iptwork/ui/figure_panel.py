"""A matplotlib `Figure` on screen, for the course views (questionnaire history, timeline).

matplotlib's Qt canvas costs most of a second to import, so it is imported the first time
a figure is shown, never at start-up; until then (and while a figure is being built on a
worker) the panel shows one calm line of text instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedLayout, QWidget

from iptwork.ui import theme

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class FigurePanel(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.message = QLabel()
        self.message.setObjectName("empty-note")
        theme.scale_font(self.message, theme.EMPTY_NOTE)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._layout = QStackedLayout(self)
        self._layout.addWidget(self.message)
        self.canvas: QWidget | None = None
        self.figure: Figure | None = None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self._layout.setCurrentWidget(self.message)

    def show_figure(self, figure: Figure, description: str = "") -> None:
        """Put `figure` on screen in place of the previous one (which is let go)."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        old = self.canvas
        canvas = FigureCanvasQTAgg(figure)
        canvas.setAccessibleName(self.accessibleName())
        canvas.setAccessibleDescription(description)
        canvas.setMinimumSize(320, 240)
        self._layout.addWidget(canvas)
        self._layout.setCurrentWidget(canvas)
        self.canvas, self.figure = canvas, figure
        if old is not None:
            self._layout.removeWidget(old)
            old.deleteLater()
