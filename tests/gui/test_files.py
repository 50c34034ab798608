"""Starting, creating, opening, closing and copying workbooks, as a user does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iptwork.store import services
from iptwork.store.check import check_workbook
from iptwork.store.workbook import open_workbook
from iptwork.ui.app import start
from iptwork.ui.main_window import MainWindow
from iptwork.ui.settings import Settings
from tests.gui.conftest import Answers
from tests.gui.helpers import listed_rows, wait_listed


def test_first_start_shows_the_welcome_page(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.welcome
    assert window.windowTitle() == "iptwork"
    assert not window.actions["interaction.new"].isEnabled()
    assert window.welcome.new_button.isEnabled()


def test_new_workbook_then_reopen_finds_everything(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "mine.iptw"
    answers.paths.append(path)
    window.actions.trigger("file.new")
    wait_listed(qtbot, window)
    assert window.windowTitle().startswith("mine.iptw")
    assert window.interactions.empty.isVisible()
    assert "Ctrl+N" in window.interactions.empty.text()
    assert window.actions["interaction.new"].isEnabled()

    window.actions.trigger("file.close")
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.recent.count() == 1
    assert path.name in window.welcome.recent.item(0).text()
    assert settings.last_workbook is None  # closed on purpose: next start shows welcome

    window.welcome.recent.setCurrentRow(0)
    window.welcome.recent.itemActivated.emit(window.welcome.recent.item(0))
    wait_listed(qtbot, window)
    assert window.document is not None
    assert window.document.path == path


def test_start_opens_the_last_workbook(
    qtbot: QtBot, sample_path: Path, settings: Settings, answers: Answers
) -> None:
    settings.last_workbook = sample_path
    main = start(None, settings)
    qtbot.addWidget(main)
    try:
        assert main.windowTitle() == "sample.iptw — iptwork"  # shown before it is open
        wait_listed(qtbot, main)
        assert len(listed_rows(main)) == 8
    finally:
        main.close()


def test_a_file_that_is_not_a_workbook_gives_a_calm_message(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.iptw"
    bogus.write_text("just some notes\n")
    assert not window.open_path(bogus)
    assert window.pages.currentWidget() is window.welcome
    title, text = answers.said[-1]
    assert "could not be opened" in title
    assert "not an iptwork workbook" in text
    assert bogus.read_text() == "just some notes\n"  # left as it was


def test_a_missing_workbook_leaves_the_recent_list(
    window: MainWindow, answers: Answers, settings: Settings, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.iptw"
    settings.add_recent(gone)
    assert not window.open_path(gone)
    assert "no workbook" in answers.texts().lower()
    assert gone not in settings.recent_files


def test_a_workbook_open_elsewhere_offers_only_read_only(
    qtbot: QtBot, window: MainWindow, answers: Answers, sample_path: Path
) -> None:
    from iptwork.store.lock import WorkbookLock

    other = WorkbookLock(sample_path)
    other.acquire()
    try:
        answers.choose.append(None)
        assert not window.open_path(sample_path)
        assert "open in iptwork" in answers.said[-1][1] or "not closed" in answers.said[-1][1]
        answers.choose.append("read_only")
        assert window.open_path(sample_path)
        wait_listed(qtbot, window)
        assert "(read-only)" in window.windowTitle()
    finally:
        other.release()


def test_a_workbook_in_a_folder_that_takes_no_writing_can_be_read(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No lock can be written beside it (a read-only share): say so calmly, offer reading."""
    import errno
    import os

    real_open = os.open

    def refuse_locks(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_locks)
    answers.choose.append(None)
    assert not window.open_path(sample_path)
    assert "read-only" in answers.said[-1][1]
    assert window.pages.currentWidget() is window.welcome
    answers.choose.append("read_only")
    assert window.open_path(sample_path)
    wait_listed(qtbot, window)
    assert "(read-only)" in window.windowTitle()
    assert listed_rows(window)


def test_save_a_copy(qtbot: QtBot, opened: MainWindow, answers: Answers, tmp_path: Path) -> None:
    target = tmp_path / "copy for session.iptw"
    answers.paths.append(target)
    opened.actions.trigger("file.save_copy")
    qtbot.waitUntil(lambda: not opened.ops.busy)
    with open_workbook(target) as wb:
        assert services.count_interactions(wb) == 8
    assert "copy" in opened.statusBar().currentMessage()


def test_open_the_demo_workbook(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    window.data_folder = tmp_path / "data"
    button = window.welcome.demo_button
    if not button.isEnabled():
        return  # no demo generator in this installation: the button says so in its tooltip
    button.click()
    if window.document is None:  # the generator failed to import: said, and switched off
        assert "demo" in answers.texts().lower()
        assert not button.isEnabled()
        return
    assert answers.said == []
    assert window.windowTitle() == "demo.iptw — iptwork"
    assert (tmp_path / "data" / "demo.iptw").exists()
    wait_listed(qtbot, window)
    assert len(listed_rows(window)) == 120


def test_a_logout_or_kill_closes_the_app_as_the_user_would(
    sample_path: Path, tmp_path: Path
) -> None:
    """SIGTERM (a logout, a shutdown, `kill`) saves and releases the lock, like closing."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "iptwork", str(sample_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    lock = sample_path.with_name(sample_path.name + ".lock")
    deadline = time.monotonic() + 30
    while not lock.exists() and time.monotonic() < deadline and app.poll() is None:
        time.sleep(0.05)
    assert lock.exists(), "the app never opened the workbook"
    app.send_signal(signal.SIGTERM)
    _, errors = app.communicate(timeout=30)
    assert app.returncode == 0, errors
    assert not lock.exists()
    assert check_workbook(sample_path).ok


def test_closing_before_the_workbook_opens_leaves_it_unlocked(
    qtbot: QtBot, settings: Settings, sample_path: Path
) -> None:
    """Closed (or logged out) in the moment between the window and the workbook."""
    main = start(sample_path, settings)
    qtbot.addWidget(main)
    main.close()
    qtbot.wait(500)  # past the moment the workbook would have been opened
    assert main.document is None
    assert not sample_path.with_name(sample_path.name + ".lock").exists()
