"""The inventory: the closeness circle (drag, keyboard) and the table beside it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork.ui.closeness_circle import ClosenessCircle, colour, sign
from iptwork.ui.inventory import PersonDialog
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal, listed_rows, wait_listed


def person(main: MainWindow, name: str):  # type: ignore[no-untyped-def]
    return next(p for p in main.inventory.model.people() if p.name == name)


def ring_point(circle: ClosenessCircle, ring: int) -> QPoint:
    inner, outer = circle.ring_bounds(ring)
    centre = circle.centre()
    return QPoint(round(centre.x()), round(centre.y() + (inner + outer) / 2))


def show_inventory(qtbot: QtBot, main: MainWindow) -> ClosenessCircle:
    main.actions.trigger("view.inventory")
    circle = main.inventory.circle
    qtbot.waitExposed(circle)
    return circle


def test_drag_a_person_to_another_ring_and_undo(
    qtbot: QtBot, opened: MainWindow, qtmodeltester: ModelTester
) -> None:
    circle = show_inventory(qtbot, opened)
    mum = person(opened, "Mum")
    assert mum.closeness == 2
    start = circle.position_of(mum.id).toPoint()
    target = ring_point(circle, 1)
    qtbot.mousePress(circle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(circle, target)
    qtbot.mouseRelease(circle, Qt.MouseButton.LeftButton, pos=target)
    assert person(opened, "Mum").closeness == 1
    assert "Mum" in circle.accessibleDescription().split(";")[0]  # inner circle
    assert "Move Mum to the inner circle" in opened.actions["edit.undo"].text()

    opened.actions.trigger("edit.undo")
    assert person(opened, "Mum").closeness == 2
    qtmodeltester.check(opened.inventory.model)
    qtmodeltester.check(opened.inventory.proxy)


def test_a_click_without_moving_changes_nothing(qtbot: QtBot, opened: MainWindow) -> None:
    circle = show_inventory(qtbot, opened)
    alex = person(opened, "Alex")
    at = circle.position_of(alex.id).toPoint()
    qtbot.mouseClick(circle, Qt.MouseButton.LeftButton, pos=at)
    assert circle.current() == alex.id
    assert opened.inventory.current_id() == alex.id  # the table follows the circle
    assert not opened.actions["edit.undo"].isEnabled()


def test_move_with_the_keyboard(qtbot: QtBot, opened: MainWindow) -> None:
    circle = show_inventory(qtbot, opened)
    circle.setFocus()
    qtbot.waitUntil(circle.hasFocus)
    first = circle.current()
    assert first is not None
    qtbot.keyClick(circle, Qt.Key.Key_Right)
    chosen = circle.current()
    assert chosen is not None
    assert chosen != first
    qtbot.keyClick(circle, Qt.Key.Key_3)
    moved = next(p for p in opened.inventory.model.people() if p.id == chosen)
    assert moved.closeness == 3


def test_colours_and_signs_say_support_or_conflict() -> None:
    from iptwork.store import records as r

    warm = r.Person(name="a", support=9, conflict=1)
    cold = r.Person(name="b", support=1, conflict=9)
    mixed = r.Person(name="c", support=5, conflict=5)
    assert (sign(warm), sign(cold), sign(mixed)) == ("+", "−", "±")
    assert colour(warm).blue() > colour(warm).red()
    assert colour(cold).red() > colour(cold).blue()


def test_add_a_person_with_every_field(qtbot: QtBot, opened: MainWindow) -> None:
    show_inventory(qtbot, opened)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.save()
        assert "give a name" in dialog.message.text()
        qtbot.keyClicks(dialog.name, "alex")
        dialog.save()
        assert "already someone called alex" in dialog.message.text()
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "Grandad")
        dialog.relationship.setCurrentIndex(dialog.relationship.findData("other"))
        dialog.closeness.setCurrentIndex(0)
        dialog.support.setValue(8)
        dialog.conflict.setValue(2)
        dialog.expectations.set_text("Sunday calls")
        dialog.expectations_met.setCurrentIndex(dialog.expectations_met.findData("yes"))
        dialog.notes.set_text("Lives far away")
        dialog.save()

    in_modal(qtbot, lambda: opened.actions.trigger("person.add"), fill)
    grandad = person(opened, "Grandad")
    assert (grandad.closeness, grandad.support, grandad.conflict) == (1, 8, 2)
    assert grandad.expectations_met == "yes"
    assert opened.inventory.current_id() == grandad.id


def test_delete_a_person_who_appears_in_interactions(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    show_inventory(qtbot, opened)
    lena = person(opened, "Lena")
    opened.inventory._select_in_table(lena.id)
    answers.choose.append("detach")
    opened.inventory.delete_button.click()
    assert "appears in one interaction" in answers.said[-1][1]
    assert all(p.name != "Lena" for p in opened.inventory.model.people())
    wait_listed(qtbot, opened)
    assert all("Lena" not in row[1] for row in listed_rows(opened))
    assert len(listed_rows(opened)) == 8  # the interaction stayed

    opened.actions.trigger("edit.undo")
    wait_listed(qtbot, opened)
    assert any(row[1] == "Lena" for row in listed_rows(opened))
    assert person(opened, "Lena").id == lena.id
