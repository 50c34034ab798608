"""Slow work off the GUI thread: run a function on a worker, get its result back here.

Modelled on Anki's QueryOp: `Ops.run(work, on_done, on_failed)` calls `work()` on a thread
pool and delivers the result (or the exception) to the callbacks on the GUI thread. Storage
errors the user can act on reach `on_failed`; anything else is a bug and goes to
`sys.excepthook`, as on the GUI thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from iptwork.store.errors import WorkbookError


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # delivered to the GUI thread, re-raised there
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


class Ops(QObject):
    """A small pool of workers owned by the main window (so each test has its own)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[WorkbookError], None] | None = None,
    ) -> None:
        relay = _Relay()  # lives on the GUI thread: its signals arrive there, queued
        was_busy = self.busy
        self._running.add(relay)

        def finish() -> None:
            self._running.discard(relay)
            relay.deleteLater()
            if not self.busy:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, WorkbookError) and on_failed is not None:
                on_failed(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)

        relay.done.connect(done)
        relay.failed.connect(failed)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has finished (before a workbook is closed)."""
        return self._pool.waitForDone(msecs)
