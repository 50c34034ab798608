"""The user's own communication problems, added on the spot in the guided entry and the
full form, marked as theirs, and found again in the list's problem filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from iptwork.store import services
from iptwork.store.workbook import open_workbook
from iptwork.ui.document import own_problem_key
from iptwork.ui.guided_entry import GuidedEntryDialog
from iptwork.ui.interaction_form import InteractionFormDialog
from iptwork.ui.main_window import MainWindow
from tests.gui.helpers import focused, in_modal, listed_rows, wait_listed

CTRL = Qt.KeyboardModifier.ControlModifier


def add_own_problem(qtbot: QtBot, text: str) -> None:
    """Type into the "Another problem?" line (it has the keyboard focus) and press Enter."""
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def problem_filter_items(main: MainWindow) -> dict[str, str]:
    combo = main.interactions.filters.problem
    return {str(combo.itemData(i)): combo.itemText(i) for i in range(1, combo.count())}


def test_keys_are_made_from_the_label() -> None:
    assert own_problem_key("Changing the subject", set()) == "changing_the_subject"
    assert own_problem_key("2nd-guessing!", set()) == "own_2nd_guessing"
    assert own_problem_key("Sarcasm", {"sarcasm", "sarcasm_2"}) == "sarcasm_3"
    assert own_problem_key("😤", set()) == "problem"


def test_an_own_problem_added_in_the_guided_entry_is_kept_and_filtered_on(
    qtbot: QtBot, opened: MainWindow, sample_path: Path
) -> None:
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, GuidedEntryDialog)
        dialog.texts["said"].set_text("Whatever you say.")
        dialog.go_to([s.key for s in dialog.steps].index("problems"))
        line = dialog.problems.new_problem
        line.setFocus()
        assert focused() is line
        assert "Another problem?" in line.placeholderText()
        add_own_problem(qtbot, "Changing the subject")
        assert dialog.step.key == "problems"  # Enter adds the problem, it does not move on
        box = dialog.problems.box("changing_the_subject")
        assert box.isChecked()
        assert box.text() == "Changing the subject (your own)"
        assert line.text() == ""
        add_own_problem(qtbot, "changing the subject")  # the same words: no second one
        assert dialog.problems.keys() == ("changing_the_subject",)
        dialog.finish()

    in_modal(qtbot, lambda: qtbot.keyClick(opened, Qt.Key.Key_N, CTRL), drive)
    wait_listed(qtbot, opened)
    assert problem_filter_items(opened)["changing_the_subject"] == "Changing the subject"

    opened.actions.trigger("file.close")
    with open_workbook(sample_path) as wb:
        kinds = {k.key: k for k in services.list_problem_kinds(wb)}
        (written,) = [i for i in services.list_interactions(wb) if i.said == "Whatever you say."]
    assert not kinds["changing_the_subject"].builtin
    assert written.problems == ("changing_the_subject",)

    assert opened.open_path(sample_path)  # after a reload, the filter still offers it
    wait_listed(qtbot, opened)
    combo = opened.interactions.filters.problem
    combo.setCurrentIndex(combo.findData("changing_the_subject"))
    wait_listed(qtbot, opened)
    rows = listed_rows(opened)
    assert len(rows) == 1
    assert rows[0][2] == "Whatever you say."


def test_an_own_problem_added_in_the_full_form(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.interactions
    first = view.model.ids()[0]
    view.select(first)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, InteractionFormDialog)
        line = dialog.problems.new_problem
        line.setFocus()
        add_own_problem(qtbot, "Sarcasm")
        assert dialog.isVisible()  # Enter in the line never saves the form
        assert dialog.problems.box("sarcasm").isChecked()
        assert dialog.problems.box("sarcasm").text() == "Sarcasm (your own)"
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)

    in_modal(qtbot, lambda: opened.actions.trigger("interaction.edit"), edit)
    wait_listed(qtbot, opened)
    assert opened.document is not None
    edited = opened.document.interaction(first)
    assert edited is not None
    assert "sarcasm" in edited.problems
    assert "Sarcasm" in view.detail.toPlainText()
    assert problem_filter_items(opened)["sarcasm"] == "Sarcasm"
