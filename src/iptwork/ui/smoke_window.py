"""The window step of `iptwork --smoke-test` (see `iptwork.smoke`): the real main window,
opened on the smoke-test workbook, shown for a moment, then closed.

It proves what a bundle most often loses at run time: a Qt platform plugin, a Qt module
the views import, the app icon. The window reads and writes only the settings file it is
given. A dialog that would wait for an answer (a damaged file, say) is dismissed by a
watchdog, so the smoke test fails with a reason instead of hanging.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from iptwork.ui.app_icon import app_icon
from iptwork.ui.gc_guard import MainThreadCollector

#: How long the window stays up once shown, and how long any step may wait for a dialog.
LINGER_MS = 300
WATCHDOG_MS = 20_000


#: Qt messages that say nothing about the program: the offscreen platform cannot pass
#: size hints to a window manager it does not have.
HARMLESS = ("This plugin does not support propagateSizeHints()",)


def _quiet_harmless(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message not in HARMLESS:
        sys.stderr.write(f"{message}\n")


def _dismiss_dialogs(dismissed: list[str]) -> None:
    for _ in range(10):
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        dismissed.append(widget.windowTitle() or type(widget).__name__)
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()


def show_main_window(workbook: Path, settings_file: Path) -> str:
    """Open `workbook` in the main window; returns what was seen, raises on failure."""
    from iptwork.ui.main_window import MainWindow
    from iptwork.ui.settings import Settings

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qInstallMessageHandler(_quiet_harmless)
    icon = app_icon()
    if icon.isNull() or len(icon.availableSizes()) < 2:
        raise RuntimeError("the app icon's PNG files are missing")
    app.setWindowIcon(icon)
    dismissed: list[str] = []
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: _dismiss_dialogs(dismissed))
    watchdog.start(WATCHDOG_MS)
    collector = MainThreadCollector()
    window = MainWindow(Settings.at(settings_file))
    try:
        window.show()
        opened = window.open_path(workbook)
        if dismissed:
            raise RuntimeError(f"the window waited for an answer to “{dismissed[0]}”")
        if not opened:
            raise RuntimeError(f"the main window could not open {workbook.name}")
        pause = QEventLoop()  # not app.exec(): app.quit() would close the window first
        QTimer.singleShot(LINGER_MS, pause.quit)
        pause.exec()
        title = window.windowTitle()
        if workbook.name not in title:
            raise RuntimeError(f"the window's title is {title!r}")
        visible = window.isVisible()
    finally:
        collector.stop()
        watchdog.stop()
        window.close()
        window.deleteLater()
    if not visible:
        raise RuntimeError("the main window did not stay open")
    return (
        f"main window “{title}” shown on the {QGuiApplication.platformName()} platform, "
        f"icon in {len(icon.availableSizes())} sizes"
    )
