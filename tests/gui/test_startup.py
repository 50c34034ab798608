"""Start-up must not pay for the storage layer, charts or PDF: the window shows first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from pathlib import Path
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
