"""Start-up must not pay for the storage layer, charts or PDF: the window shows first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iptwork.ui.main_window import MainWindow

PROBE = """
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iptwork.ui.main_window import MainWindow
from PySide6.QtWidgets import QApplication
app = QApplication([])
from iptwork.ui.settings import Settings
from iptwork.ui.main_window import MainWindow
window = MainWindow(Settings.at(Path(sys.argv[1])))
window.show()
app.processEvents()
print(",".join(m for m in ("sqlalchemy", "matplotlib", "reportlab") if m in sys.modules))
window.close()
"""


def test_showing_the_window_loads_no_storage_charts_or_pdf(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == ""


VIEW_MODULES = ("sessions_view", "patterns_view", "questionnaire", "timeline_view", "exporting")

LAZY_PROBE = PROBE.replace(
    'print(",".join(m for m in ("sqlalchemy", "matplotlib", "reportlab") if m in sys.modules))',
    f"print(','.join(m for m in {VIEW_MODULES!r} if 'iptwork.ui.' + m in sys.modules))",
)


def test_the_views_behind_other_tabs_are_not_loaded_to_show_the_window(tmp_path: Path) -> None:
    assert LAZY_PROBE != PROBE
    result = subprocess.run(
        [sys.executable, "-c", LAZY_PROBE, str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == ""


def test_a_tab_is_built_and_filled_when_first_shown(qtbot: QtBot, opened: MainWindow) -> None:
    assert [key for key, _view in opened.views.built_items()] == ["interactions"]
    qtbot.keyClick(opened, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert opened.inventory.isVisible()
    names = {opened.inventory.model.index(row, 0).data() for row in range(5)}
    assert "Alex" in names
    # Closing and opening another workbook refills the views built so far.
    path = opened.document.path
    opened.close_workbook()
    assert opened.inventory.model.rowCount() == 0
    opened.open_path(path)
    assert opened.inventory.model.rowCount() > 0
