"""The timeline tab: life events added, edited and deleted (each undoable), approximate dates
shown as such, and the time line drawn once the tab is shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork.ui.main_window import MainWindow
from iptwork.ui.timeline_view import EventDialog
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal


def show_timeline(qtbot: QtBot, main: MainWindow) -> None:
    main.actions.trigger("view.timeline")
    qtbot.waitExposed(main.timeline)
    qtbot.waitUntil(lambda: not main.timeline.chart_loading, timeout=15000)


def test_the_time_line_is_drawn_when_first_shown(
    qtbot: QtBot, opened: MainWindow, qtmodeltester: ModelTester
) -> None:
    view = opened.timeline
    assert view.chart.figure is None  # nothing drawn before the tab is shown
    show_timeline(qtbot, opened)
    figure = view.chart.figure
    assert figure is not None
    assert len(figure.get_axes()) == 4
    assert view.chart.canvas is not None
    assert "interactions per week" in view.chart.canvas.accessibleDescription()
    qtmodeltester.check(view.model)


def test_events_are_added_edited_and_deleted_undoably(
    qtbot: QtBot, opened: MainWindow, answers: Answers, qtmodeltester: ModelTester
) -> None:
    document = opened.document
    assert document is not None

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        dialog.on.setDate(QDate(2025, 3, 1))
        dialog.approximate.setChecked(True)
        dialog.kind.setCurrentIndex(dialog.kind.findData("transition"))
        dialog.people.set_checked([next(p.id for p in document.people() if p.name == "Lena")])
        qtbot.keyClicks(dialog.note, "Started the new job")
        dialog.accept()

    in_modal(qtbot, lambda: opened.actions.trigger("event.add"), add)
    [event] = document.events()
    assert (event.on, event.kind, event.approximate) == (date(2025, 3, 1), "transition", True)
    assert event.note == "Started the new job"
    view = opened.timeline
    assert view.isVisible()
    assert view.model.rowCount() == 1
    assert view.model.index(0, 0).data() == "about Mar 2025"
    assert view.model.index(0, 1).data() == "Change in life"
    assert view.model.index(0, 2).data() == "Lena"
    assert view.current_id() == event.id
    qtmodeltester.check(view.model)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        assert dialog.approximate.isChecked()
        dialog.approximate.setChecked(False)
        dialog.on.setDate(QDate(2025, 3, 3))
        dialog.accept()

    in_modal(qtbot, view.edit_button.click, edit)
    [edited] = document.events()
    assert (edited.on, edited.approximate, edited.id) == (date(2025, 3, 3), False, event.id)
    assert view.model.index(0, 0).data().endswith("03 Mar 2025")
    view.delete_button.click()
    assert "Delete this life event?" in answers.said[-1][1]
    assert document.events() == []
    opened.actions.trigger("edit.undo")
    assert document.events() == [edited]
    opened.actions.trigger("edit.undo")
    assert document.events() == [event]
    opened.actions.trigger("edit.undo")
    assert document.events() == []
    qtbot.waitUntil(lambda: not view.chart_loading, timeout=15000)


def test_the_span_can_reach_back_to_every_event(qtbot: QtBot, opened: MainWindow) -> None:
    from iptwork.store import records as r

    document = opened.document
    assert document is not None
    document.save_event(None, r.LifeEvent(date(2001, 6, 1), "loss", (), "Grandad died"))
    show_timeline(qtbot, opened)
    view = opened.timeline
    assert view.outside.text() == "1 earlier event is outside this span."
    view.span.setCurrentIndex(view.span.findData("everything"))
    qtbot.waitUntil(lambda: not view.chart_loading, timeout=15000)
    assert view.outside.text() == ""
