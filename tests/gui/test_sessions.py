"""The session log: numbering and phases, "since we last met", reviewed interactions, and
the closeness-circle snapshots — each change undoable."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork.analysis import course
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import create_workbook
from iptwork.ui.main_window import MainWindow
from iptwork.ui.sessions_view import SessionDialog, moves_words
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal

TODAY = date.today()


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def at(offset: int, hour: int = 19) -> datetime:
    return datetime.combine(day(offset), time(hour))


def uid(name: str) -> str:
    """A stable UUID per name, so the tests can speak of records by name."""
    return str(uuid.uuid5(uuid.NAMESPACE_OID, name))


def said(text: str, offset: int, *, hour: int = 19, private: bool = False) -> r.Interaction:
    return r.Interaction(
        occurred_at=at(offset, hour),
        people=(uid("alex"),),
        said=text,
        private=private,
        id=uid(text),
    )


@pytest.fixture
def course_path(tmp_path: Path) -> Path:
    """Three sessions a week apart (the last today), with what happened around them."""
    path = tmp_path / "course.iptw"
    with create_workbook(path, title="Course") as wb:
        services.set_meta(wb, r.WorkbookMeta(title="Course", planned_sessions=16))
        for person in (
            r.Person("Alex", "partner", closeness=1, support=4, conflict=8, id=uid("alex")),
            r.Person("Mum", "parent", closeness=2, support=7, conflict=3, id=uid("mum")),
            r.Person("Jordan", "friend", closeness=3, support=8, conflict=1, id=uid("jordan")),
        ):
            services.add_person(wb, person)
        for interaction in (
            said("old", -20),
            said("seen", -7),
            said("new one", -6),
            said("secret", -3, private=True),
            said("new two", -2),
            said("this morning", 0, hour=8),
        ):
            services.add_interaction(wb, interaction)
        for number, offset, reviewed in ((1, -14, ("old",)), (2, -7, ("seen",)), (3, 0, ())):
            services.save_session(
                wb,
                r.TherapySession(
                    number,
                    day(offset),
                    "initial",
                    interactions=tuple(uid(i) for i in reviewed),
                    id=uid(f"s{number}"),
                ),
            )
        services.save_phq9(wb, r.Phq9(day(-8), (2, 2, 2, 2, 1, 1, 1, 1, 0)))  # 12
        services.save_phq9(wb, r.Phq9(day(-1), (1, 1, 1, 1, 1, 1, 1, 2, 0)))  # 9
        services.save_gad7(wb, r.Gad7(day(-10), (1, 1, 1, 1, 1, 1, 1)))  # 7
        for offset in range(-12, -7):
            services.save_mood(wb, r.Mood(day(offset), 4))
        for offset in range(-6, 0):
            services.save_mood(wb, r.Mood(day(offset), 6))
        services.save_event(
            wb, r.LifeEvent(day(-4), "conflict", (uid("alex"),), "Row about the holidays")
        )
        services.save_event(wb, r.LifeEvent(day(-30), "loss", (), "Outside the window"))
    return path


@pytest.fixture
def in_course(qtbot: QtBot, window: MainWindow, course_path: Path) -> MainWindow:
    assert window.open_path(course_path)
    window.actions.trigger("view.sessions")
    qtbot.waitExposed(window.sessions_view)
    return window


def session(main: MainWindow, number: int) -> r.TherapySession:
    assert main.document is not None
    return next(s for s in main.document.sessions() if s.number == number)


@pytest.mark.parametrize(
    ("number", "planned", "phase"),
    [
        (1, 16, "initial"),
        (3, 16, "initial"),
        (4, 16, "middle"),
        (13, 16, "middle"),
        (14, 16, "termination"),
        (16, 16, "termination"),
        (17, 16, "termination"),
        (5, None, "middle"),
        (40, None, "middle"),
        (2, 4, "initial"),
        (4, 6, "termination"),
    ],
)
def test_suggested_phases(number: int, planned: int | None, phase: str) -> None:
    assert course.suggested_phase(number, planned) == phase


def test_the_log_shows_session_n_of_planned(
    in_course: MainWindow, qtmodeltester: ModelTester
) -> None:
    view = in_course.sessions_view
    model = view.model
    assert model.rowCount() == 3
    assert [model.index(row, 0).data() for row in range(3)] == ["1 of 16", "2 of 16", "3 of 16"]
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Session 1 of 16"
    assert model.index(1, 5).data() == "1"  # one interaction reviewed in session 2
    assert view.current_id() == uid("s3")  # the session being held today
    assert view.title.text().startswith("Session 3 of 16 · Initial phase")
    assert "3 sessions so far of 16 planned" in view.course_line.text()
    qtmodeltester.check(model)


def test_a_new_session_gets_the_next_number_and_phase_and_is_undoable(
    qtbot: QtBot, in_course: MainWindow
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SessionDialog)
        assert dialog.number.value() == 4
        assert dialog.phase.currentData() == "middle"
        assert dialog.of_planned.text() == "of 16 planned"
        dialog.number.setValue(14)
        assert dialog.phase.currentData() == "termination"
        dialog.number.setValue(2)  # taken
        assert dialog.message.isVisible()
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.number.setValue(4)
        qtbot.keyClicks(dialog.notes, "Chose the dispute with Alex as the focus.")
        dialog.client_rating.set_value(2)
        dialog.accept()

    in_modal(qtbot, lambda: in_course.actions.trigger("session.new"), fill)
    added = session(in_course, 4)
    assert added.phase == "middle"
    assert added.held_on == TODAY
    assert added.notes == "Chose the dispute with Alex as the focus."
    assert added.client_rating == 2
    assert in_course.sessions_view.current_id() == added.id
    in_course.actions.trigger("edit.undo")
    assert [s.number for s in in_course.document.sessions()] == [1, 2, 3]  # type: ignore[union-attr]
    in_course.actions.trigger("edit.redo")
    assert session(in_course, 4) == added


def test_a_phase_chosen_by_hand_stays_when_the_number_changes(qtbot: QtBot) -> None:
    dialog = SessionDialog([], 16)
    qtbot.addWidget(dialog)
    assert (dialog.number.value(), dialog.phase.currentData()) == (1, "initial")
    dialog.phase.setCurrentIndex(dialog.phase.findData("middle"))
    dialog.phase.activated.emit(dialog.phase.currentIndex())
    dialog.number.setValue(15)
    assert dialog.phase.currentData() == "middle"


def test_edit_and_delete_a_session_undoably(
    qtbot: QtBot, in_course: MainWindow, answers: Answers
) -> None:
    view = in_course.sessions_view
    view.select(uid("s2"))
    before = session(in_course, 2)

    def rate(dialog: QDialog) -> None:
        assert isinstance(dialog, SessionDialog)
        assert dialog.number.value() == 2
        dialog.therapist_rating.set_value(3)
        qtbot.keyClicks(dialog.homework, "Say it in one sentence.")
        dialog.accept()

    in_modal(qtbot, view.edit_button.click, rate)
    edited = session(in_course, 2)
    assert (edited.therapist_rating, edited.homework) == (3, "Say it in one sentence.")
    assert edited.interactions == before.interactions
    assert "Therapist's rating: 3 · somewhat better" in view.notes.toPlainText()
    view.delete_button.click()
    assert "Delete session 2" in answers.said[-1][1]
    assert [s.number for s in in_course.document.sessions()] == [1, 3]  # type: ignore[union-attr]
    in_course.actions.trigger("edit.undo")
    assert session(in_course, 2) == edited
    in_course.actions.trigger("edit.undo")
    assert session(in_course, 2) == before


def test_since_we_last_met_gathers_what_happened(in_course: MainWindow) -> None:
    page = in_course.sessions_view.since
    assert page.isVisible()
    assert "from session 2" in page.heading.text()
    assert "to session 3" in page.heading.text()
    lines = [page.list.item(n).text() for n in range(page.list.count())]
    assert len(lines) == 3  # not "old" (before), "seen" (reviewed), nor the private one
    assert [line.split(" — ")[-1] for line in lines] == ["“new one”", "“new two”", "“this morning”"]
    assert page.held_back.text() == (
        "1 private interaction in this time is held back and not shown."
    )
    phq9 = page.phq9.text()
    assert phq9.startswith("PHQ-9: 9 (mild) on ")
    assert "3 points lower than the one before, 12 (moderate)" in phq9
    assert page.gad7.text().startswith(
        "GAD-7: nothing new since the last session; the latest was 7"
    )
    assert page.mood.text() == (
        "Mood: on average 6.0 of 10 (6 days rated), up from 4.0 the time before."
    )
    assert not page.item9.isVisible()
    shown = "\n".join(label.text() for label in page.widget().findChildren(type(page.mood)))
    assert "Conflict · Alex — Row about the holidays" in shown
    assert "Outside the window" not in shown


def test_session_one_looks_at_everything_before_it(in_course: MainWindow) -> None:
    view = in_course.sessions_view
    view.select(uid("s1"))
    page = view.since
    assert page.heading.text().startswith("Before the first session")
    assert [page.list.item(n).text().split(" — ")[-1] for n in range(page.list.count())] == [
        "“old”"
    ]
    assert page.item9.isHidden()
    assert not page.review_button.isVisible()  # review mode works on the latest session


def test_ticking_an_interaction_marks_it_reviewed_and_undo_unmarks(
    in_course: MainWindow,
) -> None:
    page = in_course.sessions_view.since
    page.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert session(in_course, 3).interactions == (uid("new one"),)
    assert in_course.sessions_view.model.index(2, 5).data() == "1"
    assert page.list.item(0).checkState() == Qt.CheckState.Checked
    in_course.actions.trigger("edit.undo")
    assert session(in_course, 3).interactions == ()
    assert page.list.item(0).checkState() == Qt.CheckState.Unchecked


def test_item9_since_the_last_session_is_pointed_out(in_course: MainWindow) -> None:
    assert in_course.document is not None
    in_course.document.add_phq9(r.Phq9(day(0), (1, 1, 1, 1, 1, 1, 1, 1, 1)))
    page = in_course.sessions_view.since
    assert page.item9.isVisible()
    assert "question 9" in page.item9.text()


def test_circle_snapshots_are_kept_and_the_first_and_latest_compared(
    qtbot: QtBot, in_course: MainWindow, answers: Answers
) -> None:
    view = in_course.sessions_view
    document = in_course.document
    assert document is not None
    circle = view.circle
    view.pages.setCurrentWidget(circle)
    assert circle.empty.isVisible()
    view.select(uid("s1"))
    circle.keep_button.click()
    kept = session(in_course, 1).circle
    assert sorted((p.name, p.closeness) for p in kept) == [
        ("Alex", 1),
        ("Jordan", 3),
        ("Mum", 2),
    ]
    assert circle.first.isVisible()
    assert not circle.latest.isVisible()
    alex = next(p for p in document.people() if p.name == "Alex")
    document.update_person(alex, replace(alex, closeness=2))
    view.select(uid("s3"))
    circle.keep_button.click()
    assert circle.first_title.text().startswith("First: session 1")
    assert circle.latest_title.text().startswith("Latest: session 3")
    assert circle.latest.isVisible()
    assert {p.name: p.closeness for p in circle.latest.people()}["Alex"] == 2
    assert {p.name: p.closeness for p in circle.first.people()}["Alex"] == 1
    assert circle.moves.text() == "Alex moved further out (inner circle → middle circle)."
    # Keeping again asks before replacing; undo takes the snapshot back.
    answers.confirm.append(False)
    circle.keep_button.click()
    assert "already has a circle" in answers.said[-1][1]
    in_course.actions.trigger("edit.undo")
    assert session(in_course, 3).circle == ()
    assert not circle.latest.isVisible()


def test_review_starts_from_the_previous_session_when_todays_is_written_down() -> None:
    week_ago = r.TherapySession(1, day(-7))
    today = r.TherapySession(2, TODAY)
    assert course.review_start([], TODAY) is None
    assert course.review_start([week_ago], TODAY) == day(-7)  # today's not written yet
    assert course.review_start([week_ago, today], TODAY) == day(-7)
    assert course.review_start([today], TODAY) is None  # the first session: everything


def test_circle_moves_name_who_came_went_and_changed_ring() -> None:
    first = (
        r.Placement("Alex", 1, person=uid("alex")),
        r.Placement("Mum", 2, person=uid("mum")),
        r.Placement("Sam K.", 3, person=None),
    )
    last = (
        r.Placement("Alex (renamed)", 2, person=uid("alex")),
        r.Placement("Mum", 2, person=uid("mum")),
        r.Placement("Jordan", 1, person=uid("jordan")),
    )
    moves = course.circle_moves(first, last)
    assert [(m.name, m.before, m.after) for m in moves] == [
        ("Alex (renamed)", 1, 2),
        ("Sam K.", 3, 0),
        ("Jordan", 0, 1),
    ]
    assert moves_words(moves) == (
        "Alex (renamed) moved further out (inner circle → middle circle); "
        "Sam K. is no longer in the circle; Jordan joined the inner circle."
    )


def test_a_session_added_while_the_log_is_hidden_shows_when_it_is_opened(
    opened: MainWindow,
) -> None:
    opened.views.show("sessions")
    before = opened.sessions_view.model.rowCount()
    opened.views.show("interactions")
    assert opened.document is not None
    opened.document.save_session(None, r.TherapySession(before + 1, date.today(), "initial"))
    assert opened.sessions_view.model.rowCount() == before  # hidden: not read yet
    opened.views.show("sessions")
    assert opened.sessions_view.model.rowCount() == before + 1
