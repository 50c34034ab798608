"""A long session must not end in a crash.

PySide6 6.12.0 returns None from every void method without taking a reference to it; on
Python 3.11 (where None is not yet immortal) each call takes one away, so after some
tens of thousands of calls (a few minutes of scrolling) Python aborts with
"none_dealloc: deallocating None". pyproject.toml keeps PySide6 off that release; this
test fails if a release with the same fault comes back.
"""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot

from iptwork.ui.main_window import MainWindow


def test_calling_qt_many_times_does_not_wear_away_none(qtbot: QtBot, opened: MainWindow) -> None:
    table = opened.interactions.table
    before = sys.getrefcount(None)
    for _ in range(5000):
        table.viewport().update()
        opened.statusBar().clearMessage()
    after = sys.getrefcount(None)
    # Other code may hold or drop a few references meanwhile; the fault takes 10,000.
    assert after - before > -500, f"None lost {before - after} references in 10,000 calls"
