"""GUI test fixtures: a fresh settings file per test, alerts answered by the test, and a
main window that is closed (and its workbook closed) at the end of every test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from iptwork.ui import alerts
from iptwork.ui.main_window import MainWindow
from iptwork.ui.settings import Settings

GUI_TESTS = Path(__file__).parent

#: Qt messages that come from the headless platform plugin itself, not from iptwork.
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(*PLATFORM_NOISE))


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp: Any) -> Iterator[None]:
    """As the app does: no garbage collection in worker threads (see ui/gc_guard.py)."""
    from iptwork.ui.gc_guard import MainThreadCollector

    collector = MainThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def _test_paths() -> None:
    # Standard locations (the demo's data folder) point into a test area, not the home.
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@dataclass
class Answers:
    """What the patched `alerts` module says and answers, instead of modal boxes."""

    said: list[tuple[str, str]] = field(default_factory=list)
    confirm: list[bool] = field(default_factory=list)
    choose: list[str | None] = field(default_factory=list)
    paths: list[Path | None] = field(default_factory=list)
    passwords: list[str | None] = field(default_factory=list)

    def texts(self) -> str:
        return "\n".join(text for _title, text in self.said)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def tell(_parent: Any, title: str, text: str) -> None:
        given.said.append((title, text))

    def confirm(_parent: Any, title: str, text: str, _action: str) -> bool:
        given.said.append((title, text))
        return given.confirm.pop(0) if given.confirm else True

    def choose(_parent: Any, title: str, text: str, _choices: Any) -> str | None:
        given.said.append((title, text))
        return given.choose.pop(0) if given.choose else None

    def path(*_args: Any, **_kwargs: Any) -> Path | None:
        return given.paths.pop(0) if given.paths else None

    def password(
        _parent: Any, name: str, *, wrong: bool = False, current: bool = False
    ) -> str | None:
        given.said.append(("password", f"{name} wrong={wrong}"))
        return given.passwords.pop(0) if given.passwords else None

    def crash(_parent: Any, details: str) -> None:
        raise AssertionError(f"crash dialog shown:\n{details}")

    monkeypatch.setattr(alerts, "inform", tell)
    monkeypatch.setattr(alerts, "problem", tell)
    monkeypatch.setattr(alerts, "confirm", confirm)
    monkeypatch.setattr(alerts, "choose", choose)
    monkeypatch.setattr(alerts, "ask_open_path", path)
    monkeypatch.setattr(alerts, "ask_new_path", path)
    monkeypatch.setattr(alerts, "ask_copy_path", path)
    monkeypatch.setattr(alerts, "ask_password", password)
    monkeypatch.setattr(alerts, "crash", crash)
    return given


@pytest.fixture
def window(
    qtbot: QtBot, settings: Settings, answers: Answers, tmp_path: Path
) -> Iterator[MainWindow]:
    main = MainWindow(settings)
    # The app's own files (demo workbook, automatic backups) in this test's folder only.
    main.data_folder = tmp_path / "data"
    qtbot.addWidget(main)
    main.resize(1280, 820)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A workbook with the sample people, focuses and interactions."""
    from iptwork.store.workbook import create_workbook
    from tests.gui import sample

    path = tmp_path / "sample.iptw"
    with create_workbook(path, title="Sample") as wb:
        sample.fill(wb)
    return path


@pytest.fixture
def opened(qtbot: QtBot, window: MainWindow, sample_path: Path) -> MainWindow:
    """The main window with the sample workbook open and listed."""
    assert window.open_path(sample_path)
    qtbot.waitUntil(lambda: not window.interactions.loading)
    return window
