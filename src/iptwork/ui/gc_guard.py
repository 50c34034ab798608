"""Python's cyclic garbage collector runs in whichever thread happens to allocate; if it
frees a Qt object there — a worker thread of ui/ops.py — Qt crashes (seen as segfaults
while a worker compiled a query). So while the app runs, automatic collection is off and
this timer collects on the GUI thread instead, generation by generation, as often as the
collector's own thresholds would have."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Hand collection back to Python (tests; the end of the app)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
