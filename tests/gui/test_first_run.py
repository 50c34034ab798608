"""The first minutes: the welcome page, and starting with a file or settings that are not
right — always a calm message and the welcome page, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from iptwork.ui.app import start
from iptwork.ui.main_window import MainWindow
from iptwork.ui.settings import Settings
from tests.gui.conftest import Answers


def _started(qtbot: QtBot, path: Path | None, settings: Settings) -> MainWindow:
    main = start(path, settings)
    qtbot.addWidget(main)
    return main


def test_the_welcome_page_says_what_the_workbook_is_for(window: MainWindow) -> None:
    welcome = window.welcome
    assert window.pages.currentWidget() is welcome
    sentences = [s for s in re.split(r"(?<=\.)\s+", welcome.intro.text()) if s]
    assert len(sentences) == 3
    assert "interpersonal therapy" in welcome.intro.text()
    assert "on this computer" in welcome.intro.text()
    buttons = [b.text().replace("&", "") for b in (welcome.new_button, welcome.open_button)]
    assert buttons == ["New workbook…", "Open…"]
    assert welcome.demo_button.text().replace("&", "") == "Explore the demo workbook"
    for button in (welcome.new_button, welcome.open_button, welcome.demo_button):
        assert button.isVisible()
        assert button.toolTip()
    assert not welcome.notice.isVisible()  # nothing wrong: nothing to say
    assert "F1" in welcome.guide_hint.text()


def test_a_missing_file_on_the_command_line_ends_on_the_welcome_page(
    qtbot: QtBot, settings: Settings, answers: Answers, tmp_path: Path
) -> None:
    main = _started(qtbot, tmp_path / "gone.iptw", settings)
    try:
        qtbot.waitUntil(lambda: bool(answers.said))
        assert main.pages.currentWidget() is main.welcome
        title, text = answers.said[-1]
        assert "could not be opened" in title
        assert "no workbook" in text.lower()
        assert main.windowTitle() == "iptwork"
    finally:
        main.close()


def test_a_foreign_file_on_the_command_line_is_left_alone(
    qtbot: QtBot, settings: Settings, answers: Answers, tmp_path: Path
) -> None:
    foreign = tmp_path / "holiday.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 not a workbook at all")
    main = _started(qtbot, foreign, settings)
    try:
        qtbot.waitUntil(lambda: bool(answers.said))
        assert main.pages.currentWidget() is main.welcome
        assert "not an iptwork workbook" in answers.said[-1][1]
        assert foreign.read_bytes() == b"\xff\xd8\xff\xe0 not a workbook at all"
    finally:
        main.close()


def test_a_damaged_last_workbook_gives_a_calm_message(
    qtbot: QtBot, sample_path: Path, settings: Settings, answers: Answers
) -> None:
    data = sample_path.read_bytes()
    sample_path.write_bytes(data[: len(data) // 3])  # cut short, as by a full disk
    settings.last_workbook = sample_path
    main = _started(qtbot, None, settings)
    try:
        qtbot.waitUntil(lambda: bool(answers.said))
        assert main.pages.currentWidget() is main.welcome
        assert "damaged" in answers.said[-1][1]
        assert "backup" in answers.said[-1][1]
        assert main.document is None
    finally:
        main.close()


def test_settings_in_a_folder_that_cannot_exist_are_said_on_the_welcome_page(
    qtbot: QtBot, answers: Answers, tmp_path: Path
) -> None:
    blocker = tmp_path / "settings"
    blocker.write_text("a file where the settings folder should be")
    settings = Settings.at(blocker / "iptwork.ini")
    main = _started(qtbot, None, settings)
    try:
        qtbot.waitExposed(main)
        assert main.pages.currentWidget() is main.welcome
        assert main.welcome.notice.isVisible()
        notice = main.welcome.notice.text()
        assert "cannot be kept" in notice
        assert str(blocker) in notice
        assert "workbooks are not affected" in notice
        assert answers.said == []  # said on the page, not in a box to dismiss
    finally:
        main.close()  # saving the geometry into nowhere must not fail either


def test_a_settings_file_with_nonsense_in_it_gives_the_usual_settings(
    qtbot: QtBot, answers: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[appearance]\ntheme=purple\ntext_size=huge\n[files]\nrecent=not json\n"
        "[window]\ngeometry=@ByteArray(\\x1)\n[security]\nautolock_minutes=-5\n"
    )
    settings = Settings.at(path)
    assert settings.theme == "system"
    assert settings.text_size == 100
    assert settings.recent_files == []
    assert settings.autolock_minutes == 0
    main = _started(qtbot, None, settings)
    try:
        qtbot.waitExposed(main)
        assert main.pages.currentWidget() is main.welcome
        assert answers.said == []
    finally:
        main.close()
