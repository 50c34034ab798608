"""The composition root of the desktop app.

`run_gui(path)` is what `iptwork [PATH]` calls: it builds the QApplication, the settings
and the main window (in the theme and text size chosen in Preferences, so nothing flashes),
shows the window at once, and then opens PATH, or the last workbook, or shows the welcome
page. A file that cannot be opened (missing, foreign, damaged) ends in a calm message and
the welcome page; settings that cannot be kept are said on the welcome page. Nothing here
is a module-level singleton, so tests build their own window with their own settings file.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from iptwork.ui import alerts, theme
from iptwork.ui.app_icon import app_icon
from iptwork.ui.gc_guard import MainThreadCollector
from iptwork.ui.main_window import MainWindow
from iptwork.ui.settings import Settings


def start(path: Path | None, settings: Settings) -> MainWindow:
    """Show the main window, then open `path` (or the last workbook) right after."""
    window = MainWindow(settings)
    problem = settings.problem()
    if problem:
        window.welcome.set_notice(problem)
        window.statusBar().showMessage(problem, 30000)
    window.show()
    target = path
    if target is None:
        last = settings.last_workbook
        target = last if last is not None and last.exists() else None
    if target is not None:
        opening = target
        window.opening.setText(window.tr("Opening %1…").replace("%1", opening.name))
        window.pages.setCurrentWidget(window.opening)
        window.setWindowTitle(f"{opening.name} — iptwork")
        # Not if the window was closed meanwhile (a logout right at start-up).
        _after_first_paint(window, lambda: window.isVisible() and window.open_path(opening))
    return window


class _FirstPaint(QObject):
    """Runs `then` once the window has painted (so it is on screen before the storage layer,
    ~0.3 s of imports, loads), or after a short while if no paint comes (e.g. minimised)."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(300, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._go)
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def _after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    _FirstPaint(window, then)


def crash_details(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> str:
    """What a bug report needs — versions, the error's type and where it happened — and
    never workbook content: exception messages are left out, because they can quote what
    the person wrote (a database error lists the values it was given)."""
    from importlib.metadata import PackageNotFoundError, version

    from PySide6 import __version__ as pyside_version

    try:
        ours = version("iptwork")
    except PackageNotFoundError:
        ours = "unknown"
    lines = [
        f"iptwork {ours}, Python {sys.version.split()[0]}, PySide6 {pyside_version}, "
        f"{sys.platform}",
        f"{kind.__module__}.{kind.__qualname__} (its message is left out: it may quote "
        "what you wrote)",
        "Where it happened (most recent last):",
    ]
    frames = traceback.extract_tb(trace)
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    cause = error.__cause__ or error.__context__
    if cause is not None:
        lines.append(f"Caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


def install_crash_handler(window: MainWindow) -> None:
    """Bugs (not environment problems) end in a dialog that offers the details to copy."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        details = crash_details(kind, error, trace)
        sys.stderr.write(details + "\n")
        try:
            alerts.crash(window, details)
        except Exception:  # the crash dialog itself must never take the app down
            previous(kind, error, trace)

    sys.excepthook = hook


class _Terminate(QObject):
    """A logout, shutdown or `kill` (SIGTERM, SIGHUP) closes the window as the user would:
    what editors hold is saved and the workbook's lock is released. Python runs signal
    handlers only when it gets control, so Qt watches the signal's wake-up byte for it."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), lambda _n, _f: self._close(window))

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(256)

    @staticmethod
    def _close(window: QWidget) -> None:
        QTimer.singleShot(0, window.close)


def run_gui(path: Path | None, *, settings_file: Path | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("iptwork")
    app.setOrganizationName("iptwork")
    app.setApplicationDisplayName("iptwork")
    app.setDesktopFileName("iptwork")
    app.setWindowIcon(app_icon())
    settings = Settings.at(settings_file) if settings_file else Settings.default()
    theme.apply(settings.theme, settings.text_size, app)
    collector = MainThreadCollector(app)
    window = start(path, settings)
    install_crash_handler(window)
    _Terminate(app, window)
    # However the app ends, the open workbook is closed properly (its lock released).
    app.aboutToQuit.connect(lambda: window.close_workbook(forget=False))
    try:
        return app.exec()
    finally:
        collector.stop()
