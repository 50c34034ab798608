"""Help: the guide (F1), About, and a tip on every action in the menus and the toolbar."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from iptwork import domain
from iptwork.ui.about import AboutDialog
from iptwork.ui.help_guide import HelpWindow, load_topics
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import PLATFORM_NOISE
from tests.gui.helpers import in_modal

#: Bringing the guide to the front is not something the headless platform can do.
headless_raise = pytest.mark.qt_log_ignore(*PLATFORM_NOISE, "This plugin does not support raise")


def _plain(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def _menu_actions(menu: QMenu, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], QAction]]:
    found: list[tuple[tuple[str, ...], QAction]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub, (*path, _plain(action.text())))
        else:
            found.append(((*path, _plain(action.text())), action))
    return found


def _all_menu_actions(window: MainWindow) -> list[tuple[tuple[str, ...], QAction]]:
    found: list[tuple[tuple[str, ...], QAction]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            found += _menu_actions(menu, (_plain(top.text()),))
    return found


def _guide(qtbot: QtBot, window: MainWindow) -> HelpWindow:
    qtbot.waitUntil(lambda: window.findChild(HelpWindow) is not None)
    guide = window.findChild(HelpWindow)
    assert isinstance(guide, HelpWindow)
    qtbot.waitExposed(guide)
    return guide


@headless_raise
def test_f1_opens_the_guide_with_a_topic_for_every_tab(qtbot: QtBot, window: MainWindow) -> None:
    action = window.actions["help.guide"]
    assert QKeySequence("F1") in action.shortcuts()
    assert action.isEnabled()  # no workbook needed
    window.actions.trigger("help.guide")
    guide = _guide(qtbot, window)
    titles = " / ".join(t.title.lower() for t in guide.topics)
    tabs = [_plain(window.tabs.tabText(i)).lower() for i in range(window.tabs.count())]
    assert len(tabs) >= 8
    for tab in [*tabs, "communication analysis", "review mode", "export", "passwords"]:
        assert tab in titles, tab
    assert guide.contents.count() == len(guide.topics)
    assert guide.current_key() == guide.topics[0].key
    assert "Getting started" in guide.page.toPlainText()
    guide.contents.setCurrentRow(1)
    assert "Communication analysis" in guide.page.toPlainText()
    window.actions.trigger("help.guide")  # again: the same window, not a second one
    assert len(window.findChildren(HelpWindow)) == 1


@headless_raise
def test_the_guide_can_be_searched(qtbot: QtBot, window: MainWindow) -> None:
    window.actions.trigger("help.guide")
    guide = _guide(qtbot, window)
    guide.search.setText("sarcasm")
    assert guide.visible_keys() == ["02-communication-analysis"]
    assert guide.current_key() == "02-communication-analysis"
    assert guide.page.textCursor().selectedText().lower() == "sarcasm"
    guide.search.setText("password backup")
    assert "13-passwords-backups" in guide.visible_keys()
    assert "02-communication-analysis" not in guide.visible_keys()
    guide.search.setText("xylophone")
    assert guide.visible_keys() == []
    assert guide.nothing.isVisible()
    assert "xylophone" in guide.nothing.text()
    guide.search.clear()
    assert len(guide.visible_keys()) == len(guide.topics)
    assert not guide.nothing.isVisible()


def test_every_menu_the_guide_names_exists(window: MainWindow) -> None:
    """ "Workbook ▸ Set password" in the guide must be what the menus say."""
    entries = {path for path, _action in _all_menu_actions(window)}
    named = 0
    for topic in load_topics():
        for found in re.findall(r"\*\*([^*]+? ▸ [^*]+?)\*\*", topic.markdown):
            path = tuple(_plain(part) for part in found.split("▸"))
            assert any(
                len(entry) == len(path)
                and entry[:-1] == path[:-1]
                and entry[-1].startswith(path[-1])
                for entry in entries
            ), (topic.key, found)
            named += 1
    assert named >= 10


@headless_raise
def test_the_crisis_entry_opens_the_crisis_topic(qtbot: QtBot, window: MainWindow) -> None:
    window.actions.trigger("help.crisis")
    guide = _guide(qtbot, window)
    assert guide.current_key() == "15-crisis"
    text = guide.page.toPlainText()
    assert "not a crisis service" in text
    assert "emergency" in text
    assert not re.search(r"\d{3}", text)  # no invented phone numbers


@headless_raise
def test_the_crisis_entry_clears_a_search_left_in_the_guide(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A search that found nothing must not sit beside the crisis topic, nor hide the rest."""
    window.actions.trigger("help.guide")
    guide = _guide(qtbot, window)
    guide.search.setText("xylophone")
    assert guide.nothing.isVisible()
    window.actions.trigger("help.crisis")
    assert guide.current_key() == "15-crisis"
    assert guide.search.text() == ""
    assert not guide.nothing.isVisible()
    assert len(guide.visible_keys()) == len(guide.topics)
    assert "not a crisis service" in guide.page.toPlainText()


def test_about_says_version_licence_questionnaires_and_crisis(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog.text())
        dialog.reject()

    in_modal(qtbot, lambda: window.actions.trigger("help.about"), drive)
    text = seen[0]
    assert f"iptwork {version('iptwork')}" in text
    assert "GPL-3.0-or-later" in text
    assert domain.QUESTIONNAIRE_COPYRIGHT in text
    assert "not a crisis service" in text
    assert "emergency" in text
    assert not re.search(r"\d{3}", text.split("\n", 1)[1].replace(version("iptwork"), ""))
    assert QApplication.activeModalWidget() is None


def test_every_action_has_a_tip_of_its_own(window: MainWindow) -> None:
    actions = _all_menu_actions(window)
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert isinstance(toolbar, QToolBar)
    actions += [
        (("toolbar", _plain(a.text())), a) for a in toolbar.actions() if not a.isSeparator()
    ]
    assert len(actions) >= 30
    missing = []
    for path, action in actions:
        text = _plain(action.text()).lower()
        tip = action.statusTip().strip()
        tooltip = action.toolTip().strip()
        if (
            len(tip.split()) < 3
            or tip.lower().rstrip(".") == text
            or _plain(tooltip).lower() == text
            or not tooltip.startswith(tip)
        ):
            missing.append(" ▸ ".join(path))
    assert missing == []


def test_tips_show_the_shortcut_and_reach_the_status_bar(window: MainWindow) -> None:
    action = window.actions["file.open"]
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert keys
    assert keys in action.toolTip()
    assert keys not in action.statusTip()
    assert window.actions["interaction.new"].toolTip().count("Ctrl+N") == 1  # not twice
    action.showStatusText(window)
    assert window.statusBar().currentMessage() == action.statusTip()
