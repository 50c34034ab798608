"""Review mode: one interaction at a time, private ones held back (and counted), the
therapist's note kept apart and undoable, and marking as reviewed in the current session."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import open_workbook
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import wait_listed


@pytest.fixture
def with_private(qtbot: QtBot, window: MainWindow, sample_path: Path) -> MainWindow:
    """The sample workbook with two of its eight interactions made private."""
    with open_workbook(sample_path) as wb:
        for interaction in services.list_interactions(wb)[:2]:
            services.update_interaction(wb, replace(interaction, private=True))
    assert window.open_path(sample_path)
    wait_listed(qtbot, window)
    return window


def enter(qtbot: QtBot, main: MainWindow) -> None:
    qtbot.keyClick(main, Qt.Key.Key_F11)
    assert main.pages.currentWidget() is main.course.review
    assert main.actions["review.toggle"].isChecked()


def test_private_interactions_are_held_back_and_counted(
    qtbot: QtBot, with_private: MainWindow
) -> None:
    main = with_private
    enter(qtbot, main)
    review = main.course.review
    assert len(review.ids) == 6
    assert review.held_back_label.text() == (
        "2 private interactions held back: they are not shown here."
    )
    seen = []
    for _ in range(8):
        assert review.interaction is not None
        assert not review.interaction.private
        seen.append(review.interaction.id)
        qtbot.keyClick(review, Qt.Key.Key_PageDown)
    assert len(set(seen)) == 6
    assert review.position_label.text() == "Interaction 6 of 6"
    review.scope.setCurrentIndex(review.scope.findData("all"))
    review.load_ids()
    assert len(review.ids) == 6


def test_the_words_stand_side_by_side_with_emotions_and_problems(
    qtbot: QtBot, opened: MainWindow
) -> None:
    enter(qtbot, opened)
    review = opened.course.review
    interaction = review.interaction
    assert interaction is not None
    for name in ("intended", "said", "other_said", "heard"):
        assert review.columns[name].text() == getattr(interaction, name)
    xs = [
        review.columns[name].mapTo(review, review.columns[name].rect().topLeft()).x()
        for name in ("intended", "said", "other_said", "heard")
    ]
    assert xs == sorted(xs)  # left to right, in the order the conversation went
    assert review.columns["intended"].font().pointSizeF() > review.header.font().pointSizeF()
    assert "hurt" in "\n".join(
        w.text() for w in review.findChildren(type(review.header)) if w.isVisible()
    )
    assert "• Not saying what I needed" in review.problems.text()
    assert "Did they understand? No" in review.understood.text()


def test_keys_move_and_escape_leaves(qtbot: QtBot, opened: MainWindow) -> None:
    enter(qtbot, opened)
    review = opened.course.review
    assert review.position == 0
    qtbot.keyClick(review, Qt.Key.Key_Right)
    qtbot.keyClick(review, Qt.Key.Key_PageDown)
    assert review.position == 2
    qtbot.keyClick(review, Qt.Key.Key_PageUp)
    assert review.position == 1
    qtbot.keyClick(review, Qt.Key.Key_Left)
    qtbot.keyClick(review, Qt.Key.Key_Left)  # already at the first: stays
    assert review.position == 0
    assert not review.previous_button.isEnabled()
    qtbot.keyClick(review, Qt.Key.Key_Escape)
    assert opened.pages.currentWidget() is opened.tabs
    assert not opened.actions["review.toggle"].isChecked()


def test_the_therapist_note_is_saved_as_typed_and_undone_in_one_step(
    qtbot: QtBot, opened: MainWindow
) -> None:
    enter(qtbot, opened)
    review = opened.course.review
    document = opened.document
    assert document is not None
    assert review.interaction is not None
    interaction_id = review.interaction.id
    review.note.setFocus()
    qtbot.keyClicks(review.note, "Asked what she needed ")
    qtbot.waitUntil(lambda: opened.actions["edit.undo"].isEnabled(), timeout=3000)
    qtbot.keyClicks(review.note, "from Alex.")
    qtbot.keyClick(review.note, Qt.Key.Key_Right)  # arrows stay in the note while typing
    review.flush()
    assert review.position == 0
    saved = document.interaction(interaction_id)
    assert saved is not None
    assert saved.therapist_note == "Asked what she needed from Alex."
    assert saved.said == review.columns["said"].text()  # the client's words untouched
    opened.actions.trigger("edit.undo")
    restored = document.interaction(interaction_id)
    assert restored is not None
    assert restored.therapist_note == ""
    assert review.note.text() == ""


def test_marking_reviewed_without_a_session_starts_session_one(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    enter(qtbot, opened)
    review = opened.course.review
    document = opened.document
    assert document is not None
    assert review.interaction is not None
    assert review.reviewed.text() == "Reviewed in a session (starts session 1)"
    review.reviewed.click()
    assert "Start session 1 today?" in answers.said[-1][1]
    [session] = document.sessions()
    assert (session.number, session.held_on, session.phase) == (1, date.today(), "initial")
    assert session.interactions == (review.interaction.id,)
    assert review.reviewed.isChecked()
    assert review.reviewed.text().startswith("Reviewed in session 1")
    review.reviewed.click()  # unticking takes it off again
    assert document.sessions()[0].interactions == ()
    opened.actions.trigger("edit.undo")  # the unticking
    assert document.sessions()[0].interactions == (review.interaction.id,)
    assert review.reviewed.isChecked()
    opened.actions.trigger("edit.undo")  # the marking
    opened.actions.trigger("edit.undo")  # the new session
    assert document.sessions() == []


def test_declining_to_start_a_session_marks_nothing(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    enter(qtbot, opened)
    answers.confirm.append(False)
    opened.course.review.reviewed.click()
    assert opened.document is not None
    assert opened.document.sessions() == []
    assert not opened.course.review.reviewed.isChecked()


def test_with_last_weeks_session_it_asks_which_session(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    document = opened.document
    assert document is not None
    last_week = r.TherapySession(4, date.today() - timedelta(days=7), "middle")
    document.save_session(None, last_week)
    enter(qtbot, opened)
    review = opened.course.review
    review.scope.setCurrentIndex(review.scope.findData("all"))
    review.load_ids()
    first = review.interaction
    assert first is not None
    answers.choose.append("new")
    review.reviewed.click()
    assert "The latest session is session 4" in answers.said[-1][1]
    today = next(s for s in document.sessions() if s.number == 5)
    assert today.held_on == date.today()
    assert today.interactions == (first.id,)
    assert review.position == len(review.ids) - 1  # the new one since last week, the latest
    qtbot.keyClick(review, Qt.Key.Key_Left)
    review.reviewed.click()  # today's session is now the latest: no question
    assert len(answers.said) == 1
    assert len(next(s for s in document.sessions() if s.number == 5).interactions) == 2
