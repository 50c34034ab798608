"""The focus view: problem areas, their details, the dispute stage, goals with status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork.ui.focus_view import NewFocusDialog
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal


def show_focus(qtbot: QtBot, main: MainWindow, area: str = "dispute") -> None:
    main.actions.trigger("view.focus")
    qtbot.waitExposed(main.focus_view.editor)
    assert main.document is not None
    main.focus_view.select(next(f.id for f in main.document.focuses() if f.area == area))


def dispute(main: MainWindow):  # type: ignore[no-untyped-def]
    assert main.document is not None
    return next(f for f in main.document.focuses() if f.area == "dispute")


def test_the_dispute_shows_its_details_stage_and_goals(
    qtbot: QtBot, opened: MainWindow, qtmodeltester: ModelTester
) -> None:
    show_focus(qtbot, opened)
    view = opened.focus_view
    assert view.model.rowCount() == 2
    editor = view.editor
    assert editor.title.text() == "Role dispute"
    assert editor.stage_row.isVisible()
    assert editor.stage.currentData() == "impasse"
    assert editor.details["i_expect"].text() == "That Alex asks me before saying yes to plans."
    assert editor.goals.rowCount() == 3
    qtmodeltester.check(view.model)
    qtmodeltester.check(editor.goals)


def test_edits_are_saved_as_made_and_undo_as_one_step(qtbot: QtBot, opened: MainWindow) -> None:
    show_focus(qtbot, opened)
    editor = opened.focus_view.editor
    field = editor.details["what_is_at_stake"]
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " And trust.")
    qtbot.waitUntil(lambda: opened.actions["edit.undo"].isEnabled(), timeout=3000)
    assert opened.document is not None
    saved = dispute(opened)
    assert saved.details["what_is_at_stake"].endswith("And trust.")

    editor.stage.setCurrentIndex(editor.stage.findData("renegotiation"))
    saved = dispute(opened)
    assert saved.stage == "renegotiation"
    assert saved.stage_history[-1].stage == "renegotiation"
    assert "Renegotiation" in editor.stage_history.text()

    opened.actions.trigger("edit.undo")  # typing and the stage change: one focus edit
    restored = dispute(opened)
    assert restored.stage == "impasse"
    assert not restored.details["what_is_at_stake"].endswith("And trust.")
    assert editor.details["what_is_at_stake"].text() == restored.details["what_is_at_stake"]


def test_goals_are_added_and_their_status_changed(qtbot: QtBot, opened: MainWindow) -> None:
    show_focus(qtbot, opened)
    editor = opened.focus_view.editor
    qtbot.keyClicks(editor.new_goal, "Ask Alex for a weekly check-in")
    qtbot.keyClick(editor.new_goal, Qt.Key.Key_Return)
    assert opened.document is not None
    goals = dispute(opened).goals
    assert goals[-1].text == "Ask Alex for a weekly check-in"
    assert goals[-1].status == "open"
    assert editor.goals.setData(editor.goals.index(3, 1), "achieved")
    assert dispute(opened).goals[-1].status == "achieved"
    assert not editor.goals.setData(editor.goals.index(3, 0), "   ")  # a goal needs words


def test_a_bad_date_of_death_is_explained(qtbot: QtBot, opened: MainWindow) -> None:
    def grief(dialog: QDialog) -> None:
        assert isinstance(dialog, NewFocusDialog)
        dialog.area.setCurrentIndex(dialog.area.findData("grief"))
        qtbot.keyClicks(dialog.description, "Dad")
        dialog.accept()

    in_modal(qtbot, lambda: opened.actions.trigger("focus.add"), grief)
    editor = opened.focus_view.editor
    assert editor.title.text() == "Grief"
    assert not editor.stage_row.isVisible()
    editor.details["died_on"].setText("last spring")
    editor.flush()
    assert editor.message.isVisible()
    assert "YYYY-MM-DD" in editor.message.text()
    editor.details["died_on"].setText("2025-03-14")
    editor.flush()
    assert not editor.message.isVisible()
    assert opened.document is not None
    grief_focus = next(f for f in opened.document.focuses() if f.area == "grief")
    assert grief_focus.details["died_on"] == "2025-03-14"


def test_delete_a_focus_keeps_its_interactions_and_undo_links_them_again(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    show_focus(qtbot, opened)
    assert opened.document is not None
    before = dispute(opened)
    opened.focus_view.delete_button.click()
    assert "Its interactions stay" in answers.said[-1][1]
    assert [f.area for f in opened.document.focuses()] == ["transition"]
    assert opened.document.count_interactions() == 8
    opened.actions.trigger("edit.undo")
    assert dispute(opened) == before
    from iptwork.store import records as r
    from iptwork.store import services

    linked = services.list_interactions(
        opened.document.workbook, r.InteractionFilter(focus=before.id)
    )
    assert len(linked) == 3
