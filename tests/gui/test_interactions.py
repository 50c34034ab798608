"""The interaction list: filters, sorting, the detail pane, editing, deleting, undo."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork.store.listing import InteractionRow
from iptwork.ui.interaction_form import InteractionFormDialog
from iptwork.ui.interactions_view import PAGE, InteractionListModel
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import focused, in_modal, listed_rows, wait_listed


def people_column(main: MainWindow) -> list[str]:
    return [row[1] for row in listed_rows(main)]


def choose(combo: object, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_the_list_shows_the_newest_first_and_the_selected_one_in_full(
    opened: MainWindow, qtmodeltester: ModelTester
) -> None:
    rows = listed_rows(opened)
    assert len(rows) == 8
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)
    assert rows[0][1] == "Priya"
    detail = opened.interactions.detail.toPlainText()
    assert "What I wanted" in detail
    assert "What I took them to mean" in detail
    assert "Thanks for asking" in detail
    qtmodeltester.check(opened.interactions.model)


def test_filters_by_person_problem_focus_text_and_dates(qtbot: QtBot, opened: MainWindow) -> None:
    bar = opened.interactions.filters
    choose(bar.person, "Alex")
    wait_listed(qtbot, opened)
    assert people_column(opened) == ["Alex", "Alex", "Alex"]
    assert opened.interactions.count_label.text() == "3 interactions shown"

    choose(bar.problem, "Attacking words")
    wait_listed(qtbot, opened)
    assert len(listed_rows(opened)) == 1

    bar.clear()
    wait_listed(qtbot, opened)
    choose(bar.focus, "Role transition")
    wait_listed(qtbot, opened)
    assert people_column(opened) == ["Mr Okafor"]

    bar.clear()
    qtbot.keyClicks(bar.text, "weekend")
    qtbot.waitUntil(lambda: people_column(opened) == ["Alex", "Alex"], timeout=3000)

    bar.clear()
    wait_listed(qtbot, opened)
    newest = date.today() - timedelta(days=5)
    bar.date_from.setDate(QDate(newest.year, newest.month, newest.day))
    wait_listed(qtbot, opened)
    assert people_column(opened) == ["Priya"]
    bar.date_to.setDate(QDate(newest.year, newest.month, newest.day).addDays(-1))
    wait_listed(qtbot, opened)
    assert listed_rows(opened) == []
    assert opened.interactions.empty.isVisible()
    assert "Clear filters" in opened.interactions.empty.text()

    bar.clear_button.click()
    wait_listed(qtbot, opened)
    assert len(listed_rows(opened)) == 8


def test_sorting_by_a_column_header(qtbot: QtBot, opened: MainWindow) -> None:
    header = opened.interactions.table.horizontalHeader()
    header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # satisfaction
    wait_listed(qtbot, opened)
    satisfaction = [int(r[3]) for r in listed_rows(opened)]
    assert satisfaction == sorted(satisfaction, reverse=True)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # with whom
    wait_listed(qtbot, opened)
    names = people_column(opened)
    assert names == sorted(names)


def test_edit_in_the_full_form_then_undo_and_redo(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.interactions
    view.select(view.model.ids()[0])

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, InteractionFormDialog)
        dialog.texts["therapist_note"].set_text("Notice how she accepted help.")
        follow = dialog.follow_up
        assert follow.count() > 1  # earlier interactions with a plan
        follow.setCurrentIndex(1)
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    in_modal(qtbot, lambda: opened.actions.trigger("interaction.edit"), edit)
    wait_listed(qtbot, opened)
    assert "Notice how she accepted help." in view.detail.toPlainText()
    assert "This follows up" in view.detail.toPlainText()
    assert "Undo Edit" in opened.actions["edit.undo"].text()

    opened.actions.trigger("edit.undo")
    wait_listed(qtbot, opened)
    assert "Notice how" not in view.detail.toPlainText()
    opened.actions.trigger("edit.redo")
    wait_listed(qtbot, opened)
    assert "Notice how she accepted help." in view.detail.toPlainText()


def test_delete_asks_and_can_be_undone(qtbot: QtBot, opened: MainWindow, answers: Answers) -> None:
    view = opened.interactions
    # The calm walk follows up the late-night argument: deleting that one must not lose
    # the link for good.
    view.filters.person.setCurrentIndex(view.filters.person.findText("Alex"))
    wait_listed(qtbot, opened)
    argument = view.model.ids()[1]
    view.select(argument)
    view.table.setFocus()
    answers.confirm.append(False)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "Delete this interaction?" in answers.said[-1][1]
    assert argument in view.model.ids()

    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    wait_listed(qtbot, opened)
    assert argument not in view.model.ids()
    assert opened.document is not None
    walk = opened.document.interaction(view.model.ids()[0])
    assert walk is not None
    assert walk.follow_up_of is None

    opened.actions.trigger("edit.undo")
    wait_listed(qtbot, opened)
    assert argument in view.model.ids()
    walk = opened.document.interaction(view.model.ids()[0])
    assert walk is not None
    assert walk.follow_up_of == argument


def test_rows_are_rendered_on_demand_page_by_page(qtmodeltester: ModelTester) -> None:
    from datetime import datetime

    asked: list[int] = []

    def load(ids: list[str]) -> list[InteractionRow]:
        asked.append(len(ids))
        return [
            InteractionRow(
                id=i,
                occurred_at=datetime(2026, 1, 1),
                channel="phone",
                people=("Alex",),
                said=f"line {i}",
                satisfaction=5,
                understood="yes",
                problems=("silence",),
                focus=None,
                private=False,
                follow_up_of=None,
            )
            for i in ids
        ]

    model = InteractionListModel(load)
    model.set_ids([f"id-{n}" for n in range(100_000)])
    assert model.rowCount() == 100_000
    assert asked == []
    assert model.data(model.index(99_999, 2)) == "line id-99999"
    assert asked == [100_000 - (100_000 // PAGE) * PAGE]
    assert model.data(model.index(0, 1)) == "Alex"
    assert model.data(model.index(1, 1)) == "Alex"
    assert asked[-1] == PAGE
    assert len(asked) == 2
    model.set_ids([f"id-{n}" for n in range(300)])
    qtmodeltester.check(model)


def test_one_interaction_is_counted_in_the_singular(qtbot: QtBot, opened: MainWindow) -> None:
    bar = opened.interactions.filters
    choose(bar.person, "Alex")
    choose(bar.problem, "Attacking words")
    wait_listed(qtbot, opened)
    assert len(listed_rows(opened)) == 1
    assert opened.interactions.count_label.text() == "1 interaction shown"


def test_the_full_form_is_wide_enough_at_150_percent(qtbot: QtBot, opened: MainWindow) -> None:
    """At a large text size the form must not need a sideways scroll bar (the sliders of
    the second column of feelings and the satisfaction row were cut off)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from iptwork.ui import theme

    view = opened.interactions
    view.select(view.model.ids()[0])
    theme.apply("system", 150)
    try:
        seen: list[int] = []

        def look(dialog: QDialog) -> None:
            assert isinstance(dialog, InteractionFormDialog)
            QApplication.processEvents()
            scroll = dialog.findChild(QScrollArea)
            assert scroll is not None
            seen.append(scroll.horizontalScrollBar().maximum())
            dialog.reject()

        in_modal(qtbot, lambda: opened.actions.trigger("interaction.edit"), look)
        assert seen == [0]
    finally:
        theme.apply("system", 100)
