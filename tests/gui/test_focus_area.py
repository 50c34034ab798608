"""Changing a focus's problem area: asked first when details would be dropped, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iptwork.store import records as r
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import focused
from tests.gui.test_focus import dispute, show_focus


def focus_by_id(main: MainWindow, focus_id: str) -> r.Focus:
    assert main.document is not None
    return next(f for f in main.document.focuses() if f.id == focus_id)


def choose_area_with_keys(qtbot: QtBot, main: MainWindow, area: str) -> None:
    combo = main.focus_view.editor.area
    combo.setFocus()
    assert focused() is combo
    key = Qt.Key.Key_Down if combo.findData(area) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != area:
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        if combo.currentIndex() == before:  # refused and put back: stop trying
            return


def test_changing_the_area_asks_before_dropping_details_and_undoes(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    show_focus(qtbot, opened)
    editor = opened.focus_view.editor
    original = dispute(opened)
    assert editor.area.currentData() == "dispute"

    answers.confirm.append(False)  # "no": nothing changes
    choose_area_with_keys(qtbot, opened, "transition")
    assert "What I expect of them" in answers.texts()
    assert "stage of the dispute" in answers.texts()
    assert editor.area.currentData() == "dispute"
    assert focus_by_id(opened, original.id) == original
    assert not opened.actions["edit.undo"].isEnabled()

    answers.said.clear()
    answers.confirm.append(True)
    choose_area_with_keys(qtbot, opened, "transition")
    assert answers.said  # asked
    moved = focus_by_id(opened, original.id)
    assert moved.area == "transition"
    assert moved.stage is None
    assert moved.stage_history == ()
    assert dict(moved.details) == {}
    assert moved.description == original.description
    assert moved.goals == original.goals
    assert editor.title.text() == "Role transition"
    assert not editor.stage_row.isVisible()
    assert "old_role" in editor.details
    assert "i_expect" not in editor.details
    assert "Undo Change the problem area" in opened.actions["edit.undo"].text()

    opened.actions.trigger("edit.undo")
    restored = focus_by_id(opened, original.id)
    assert restored.area == "dispute"
    assert restored.stage == "impasse"
    assert restored.details == original.details
    assert restored.stage_history == original.stage_history
    assert editor.area.currentData() == "dispute"
    assert editor.details["i_expect"].text() == original.details["i_expect"]


def test_typing_before_the_change_is_its_own_undo_step(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    show_focus(qtbot, opened)
    editor = opened.focus_view.editor
    focus_id = dispute(opened).id
    editor.description.setFocus()
    editor.description.moveCursor(editor.description.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.description, " (and money)")
    editor.area.setFocus()
    qtbot.keyClicks(editor.area, "I")  # typing jumps straight to "Interpersonal sensitivity"
    moved = focus_by_id(opened, focus_id)
    assert moved.area == "sensitivity"
    assert moved.description.endswith("(and money)")
    opened.actions.trigger("edit.undo")  # the area goes back, the typing stays
    back = focus_by_id(opened, focus_id)
    assert back.area == "dispute"
    assert back.description.endswith("(and money)")


def test_a_focus_without_details_changes_area_without_asking(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    assert opened.document is not None
    plain = r.Focus(area="sensitivity", description="Hard to start conversations")
    assert opened.document.add_focus(plain) is not None
    show_focus(qtbot, opened, "sensitivity")
    editor = opened.focus_view.editor
    choose_area_with_keys(qtbot, opened, "grief")
    assert answers.said == []
    assert focus_by_id(opened, plain.id).area == "grief"
    assert "person_lost" in editor.details
    assert opened.focus_view.model.data(
        opened.focus_view.model.index(opened.focus_view.model.row_of(plain.id), 0)
    ).startswith("Grief")
