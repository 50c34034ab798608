"""Helpers the GUI tests share: waiting for the list, reading it, driving modal dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from iptwork.ui.main_window import MainWindow


def wait_listed(qtbot: QtBot, main: MainWindow) -> None:
    """Until the interaction list has its rows for the current filter."""
    qtbot.waitUntil(lambda: main.document is not None and not main.interactions.loading)


def listed_rows(main: MainWindow) -> list[list[str]]:
    model = main.interactions.model
    return [
        [str(model.data(model.index(row, column)) or "") for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def in_modal(qtbot: QtBot, open_it: Callable[[], object], drive: Callable[[QDialog], None]) -> None:
    """Open a modal dialog with `open_it` and drive it with `drive` inside its event loop.

    If `drive` fails, the dialog is rejected so the test ends with the failure instead of
    hanging; the failure is raised again afterwards.
    """
    failures: list[BaseException] = []
    attempts = [0]

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            attempts[0] += 1
            if attempts[0] < 200:
                QTimer.singleShot(10, run)
            return
        try:
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            drive(dialog)
        except BaseException as error:
            failures.append(error)
        finally:
            if dialog.isVisible() and failures:
                dialog.reject()

    QTimer.singleShot(0, run)
    open_it()
    if failures:
        raise failures[0]
    assert attempts[0] < 200, "the dialog never appeared"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget
