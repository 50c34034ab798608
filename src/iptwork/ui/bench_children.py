"""The windows that benchmarks/window_10k.py times, each run as its own process.

    python -m iptwork.ui.bench_children bare|app|respond WORKBOOK SETTINGS_FILE

`bare` is the baseline: a plain QTableView over every row read with stdlib sqlite3. `app` is
iptwork's own start-up. Both print READY when their table has painted rows (`app` prints
SHOWN first, when its window is on screen). `respond` prints the longest GUI-thread stall
while filtering, sorting and scrolling. They live here because Qt is imported only in ui.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

READY = "READY"
SHOWN = "SHOWN"


def child_bare(path: Path) -> None:
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    connection = sqlite3.connect(path)
    rows = connection.execute(
        """
        SELECT i.occurred_at,
               (SELECT group_concat(p.name, ', ') FROM interaction_person ip
                JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = i.id),
               substr(i.said, 1, 160), i.satisfaction, i.understood,
               (SELECT group_concat(problem, '; ') FROM interaction_problem
                WHERE interaction_id = i.id)
        FROM interaction i ORDER BY i.occurred_at DESC
        """
    ).fetchall()

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return len(rows)

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 6

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                return rows[index.row()][index.column()]
            return None

    window = QMainWindow()
    table = QTableView()
    table.setModel(Model())
    window.setCentralWidget(table)
    window.resize(1280, 820)
    _report_first_paint(app, table, QObject, QEvent)
    window.show()
    app.exec()


def child_app(path: Path, settings_file: Path) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from iptwork.ui.app import start
    from iptwork.ui.settings import Settings

    window = start(path, Settings.at(settings_file))
    window.resize(1280, 820)

    class Shown(QObject):
        """The window on screen (painted), before the workbook's rows arrive."""

        def eventFilter(self, watched: object, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(SHOWN, flush=True)
                watched.removeEventFilter(self)  # type: ignore[attr-defined]
            return False

    shown = Shown(window)
    window.installEventFilter(shown)
    # The list is built when the workbook is attached; watch its rows from then on.
    window.views.built.connect(
        lambda key: (
            key == "interactions"
            and _report_first_paint(app, window.interactions.table, QObject, QEvent)
        )
    )
    app.exec()


def child_app_encrypted(path: Path, settings_file: Path, password: str | None = None) -> None:
    """`child_app` for an encrypted workbook: the password (the argument, else
    IPTWORK_PASSWORD) is given where the app would ask for it, so no dialog is shown and the
    time measured is the app's own. Prints READY when the list has painted rows."""
    import os

    from iptwork.ui import alerts

    given = password if password is not None else os.environ.get("IPTWORK_PASSWORD", "")
    alerts.ask_password = lambda *_args, **_kwargs: given  # type: ignore[assignment]
    child_app(path, settings_file)


def _report_first_paint(app: object, table: object, QObject: type, QEvent: type) -> None:  # noqa: N803
    """Print READY once the table's viewport paints with rows in it, then quit."""

    class Watch(QObject):  # type: ignore[misc, valid-type]
        def eventFilter(self, watched: object, event: object) -> bool:
            if event.type() == QEvent.Type.Paint and table.model().rowCount() > 0:  # type: ignore[attr-defined]
                print(READY, flush=True)
                app.quit()  # type: ignore[attr-defined]
            return False

    watch = Watch(table)
    table.viewport().installEventFilter(watch)  # type: ignore[attr-defined]


def child_responsiveness(path: Path, settings_file: Path) -> None:
    """Print the longest GUI-thread stall (ms) while filtering and while scrolling."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from iptwork.ui.app import start
    from iptwork.ui.settings import Settings

    window = start(path, Settings.at(settings_file))
    view = window.interactions
    clock = QElapsedTimer()
    gaps: list[float] = [0.0]
    last = [0.0]

    def beat() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    def settle(condition: object, limit_ms: int = 20_000) -> None:
        deadline = time.perf_counter() + limit_ms / 1000
        while not condition() and time.perf_counter() < deadline:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)

    settle(lambda: window.document is not None and not view.loading and view.model.rowCount())
    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(beat)
    clock.start()
    last[0] = 0.0
    heartbeat.start()
    results = {}
    for name, action in (
        ("filter by text", lambda: view.filters.text.setText("holiday dishes")),
        ("filter by person", lambda: view.filters.person.setCurrentIndex(2)),
        ("clear filters", view.filters.clear),
        ("sort by people", lambda: view.model.sort(1)),
    ):
        gaps[:] = [0.0]
        settle(lambda: clock.elapsed() > 0)
        action()
        settle(lambda: not view.loading and not window.ops.busy)
        deadline = time.perf_counter() + 0.35  # the debounce of the text field, and after
        settle(lambda d=deadline: time.perf_counter() > d)
        settle(lambda: not view.loading and not window.ops.busy)
        results[name] = max(gaps)
    gaps[:] = [0.0]
    bar = view.table.verticalScrollBar()
    for fraction in (1.0, 0.5, 0.25, 0.75, 0.0, 0.9):
        bar.setValue(int(bar.maximum() * fraction))
        settle(lambda: True)
        deadline = time.perf_counter() + 0.05
        settle(lambda d=deadline: time.perf_counter() > d)
    results["scroll jumps"] = max(gaps)
    heartbeat.stop()
    for name, value in results.items():
        print(f"{name}\t{value:.1f}", flush=True)
    window.close()


def main(argv: list[str]) -> int:
    kind, path, settings_file = argv
    if kind == "bare":
        child_bare(Path(path))
    elif kind == "app":
        child_app(Path(path), Path(settings_file))
    else:
        child_responsiveness(Path(path), Path(settings_file))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
