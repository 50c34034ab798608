"""The guided entry, driven with the keyboard only, as someone would at night."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from iptwork.store import services
from iptwork.store.workbook import open_workbook
from iptwork.ui.document import EntryChoices
from iptwork.ui.guided_entry import GuidedEntryDialog
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import focused, in_modal, listed_rows, wait_listed

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def next_question(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type like a keyboard; characters beyond the BMP (emoji) arrive as one key event each,
    the way an input method or emoji picker delivers them (QTest.keyClicks cannot)."""
    for char in text:
        if ord(char) > 0xFFFF:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    focused(),
                    QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char),
                )
        else:
            qtbot.keyClicks(focused(), char)


def type_answer(qtbot: QtBot, dialog: QDialog, text: str) -> None:
    type_text(qtbot, text)
    next_question(qtbot, dialog)


def test_keyboard_only_entry_from_a_new_workbook_and_reopen(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "night.iptw"
    answers.paths.append(path)
    window.actions.trigger("file.new")
    wait_listed(qtbot, window)
    seen_questions: list[str] = []

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, GuidedEntryDialog)

        def note() -> None:
            seen_questions.append(dialog.step.key)

        note()
        next_question(qtbot, dialog)  # when: now is fine
        note()
        type_answer_name = "Alex"
        qtbot.keyClicks(focused(), type_answer_name)  # inventory is empty: a new name
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert dialog.step.key == "people"  # Enter adds the person, it does not move on
        next_question(qtbot, dialog)
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Right, ALT)  # skip the focus (there is none)
        for text in (
            "Sunday night in the kitchen",
            "I wanted one free weekend",
            "Fine, do what you want 😤",
            "Why are you sulking?",
            "That I am being difficult",
        ):
            note()
            type_answer(qtbot, dialog, text)
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Right, ALT)  # their view: skipped
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Space)  # the first feeling: angry
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # to its slider
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
        next_question(qtbot, dialog)
        note()
        type_answer(qtbot, dialog, "Alex went to bed early")
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Space)  # yes …
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # … partly
        next_question(qtbot, dialog)
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Left)
        qtbot.keyClick(focused(), Qt.Key.Key_Left)
        next_question(qtbot, dialog)
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Space)  # acting it out instead of saying it
        next_question(qtbot, dialog)
        note()
        type_answer(qtbot, dialog, "Ask for one weekend in words")
        note()
        type_answer(qtbot, dialog, "Say what I need, calmly")
        note()
        next_question(qtbot, dialog)  # not a follow-up
        note()
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "weekend, home")
        next_question(qtbot, dialog)  # save

    in_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_N, CTRL), drive)
    assert seen_questions == [
        "when",
        "people",
        "focus",
        "setting",
        "intended",
        "said",
        "other_said",
        "heard",
        "their_view",
        "emotions",
        "outcome",
        "understood",
        "satisfaction",
        "problems",
        "alternative",
        "plan",
        "follow_up_of",
        "last",
    ]
    wait_listed(qtbot, window)
    rows = listed_rows(window)
    assert len(rows) == 1
    assert rows[0][1] == "Alex"
    assert rows[0][2] == "Fine, do what you want 😤"
    assert rows[0][3] == "3"
    assert rows[0][4] == "Partly"
    assert "Acting it out" in rows[0][5]
    assert "Fine, do what you want 😤" in window.interactions.detail.toPlainText()
    assert window.settings.draft(path) is None

    window.actions.trigger("file.close")
    with open_workbook(path) as wb:
        (saved,) = services.list_interactions(wb)
        (alex,) = services.list_people(wb)
    assert saved.people == (alex.id,)
    assert saved.setting == "Sunday night in the kitchen"
    assert saved.their_view == ""
    assert [(e.name, e.intensity) for e in saved.emotions] == [("angry", 60)]
    assert saved.understood == "partly"
    assert saved.satisfaction == 3
    assert saved.problems == ("nonverbal_substitute",)
    assert saved.plan == "Say what I need, calmly"
    assert saved.tags == ("weekend", "home")

    assert window.open_path(path)
    wait_listed(qtbot, window)
    assert listed_rows(window)[0][2] == "Fine, do what you want 😤"


def test_closing_half_way_keeps_a_draft(qtbot: QtBot, opened: MainWindow, answers: Answers) -> None:
    def write_two_answers(dialog: QDialog) -> None:
        assert isinstance(dialog, GuidedEntryDialog)
        dialog.go_to(3)
        type_answer(qtbot, dialog, "At the station")
        qtbot.keyClicks(focused(), "I wanted a hug")
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    in_modal(qtbot, lambda: opened.actions.trigger("interaction.new"), write_two_answers)
    assert opened.document is not None
    draft = opened.settings.draft(opened.document.path)
    assert draft is not None
    assert draft["texts"]["intended"] == "I wanted a hug"
    assert len(listed_rows(opened)) == 8  # nothing saved yet

    def resume(dialog: QDialog) -> None:
        assert isinstance(dialog, GuidedEntryDialog)
        assert dialog.draft_note.isVisible()
        assert dialog.step.key == "intended"
        assert dialog.texts["setting"].text() == "At the station"
        dialog.go_to(len(dialog.steps) - 1)
        next_question(qtbot, dialog)

    in_modal(qtbot, lambda: opened.actions.trigger("interaction.new"), resume)
    wait_listed(qtbot, opened)
    assert len(listed_rows(opened)) == 9
    assert opened.settings.draft(opened.document.path) is None


def choices() -> EntryChoices:
    return EntryChoices(people=(), focuses=(), emotions=("hurt",), problems=(), follow_ups=())


def test_a_future_date_is_explained_not_silently_refused(qtbot: QtBot) -> None:
    dialog = GuidedEntryDialog(choices())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.when.set_value(datetime.now() + timedelta(days=3))
    dialog.next()
    assert dialog.step.key == "when"
    assert dialog.message.isVisible()
    assert "future" in dialog.message.text()
    dialog.when.set_value(datetime.now() - timedelta(hours=2))
    dialog.next()
    assert dialog.step.key == "people"


def test_an_empty_interaction_is_explained(qtbot: QtBot) -> None:
    dialog = GuidedEntryDialog(choices())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.go_to(len(dialog.steps) - 1)
    dialog.next()
    assert dialog.result_interaction() is None
    assert dialog.message.isVisible()
    assert "Nothing is written yet" in dialog.message.text()


def test_long_text_emoji_and_right_to_left_come_through(qtbot: QtBot, opened: MainWindow) -> None:
    long_text = ("כתבתי לה: אני צריכה עזרה 🙏 " * 2000)[:50_000]

    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, GuidedEntryDialog)
        dialog.go_to(5)
        dialog.texts["said"].set_text(long_text)
        dialog.go_to(len(dialog.steps) - 1)
        next_question(qtbot, dialog)

    in_modal(qtbot, lambda: opened.actions.trigger("interaction.new"), write)
    wait_listed(qtbot, opened)
    assert opened.document is not None
    top = listed_rows(opened)[0]
    assert top[2].startswith("כתבתי לה")
    assert len(top[2]) <= 160
    interaction = opened.document.interaction(opened.interactions.current_id() or "")
    assert interaction is not None
    assert interaction.said == long_text
    assert "🙏" in opened.interactions.detail.toPlainText()


def test_own_feelings_stay_in_the_two_columns(qtbot: QtBot) -> None:
    """A 21st feeling (the 19 built in and two of one's own) must not open a third column
    wider than the page, with its slider cut off."""
    from iptwork import domain
    from iptwork.ui.editors import EmotionsEditor

    words = list(domain.EMOTIONS)
    editor = EmotionsEditor(words, lambda _word: True)
    qtbot.addWidget(editor)
    for word in ("overwhelmed", "опустошён", "😶 numb-ish"):
        editor.new_word.setText(word)
        editor._new_word()
    assert editor.box("опустошён").isChecked()
    grid = editor._grid
    used = set()
    for index in range(grid.count()):
        _row, column, _rows, _columns = grid.getItemPosition(index)
        used.add(column)
    assert max(used) <= 5, sorted(used)  # tick, slider, value: twice
    count = len(words) + 3 - ("overwhelmed" in words)
    assert grid.rowCount() == -(-count // 2)


def test_satisfaction_clear_button_does_not_repeat_the_state(qtbot: QtBot) -> None:
    """Beside "Not rated" (the state) the button must not say "Not rated" too: it clears a
    rating, so it says so, and there is nothing to clear before one is given."""
    from iptwork.ui.editors import SatisfactionInput

    field = SatisfactionInput()
    qtbot.addWidget(field)
    assert field.shown.text() == "Not rated"
    assert field.clear_button.text() != field.shown.text()
    assert not field.clear_button.isEnabled()
    field.slider.setValue(7)
    assert field.value() == 7
    assert field.clear_button.isEnabled()
    field.clear_button.click()
    assert field.value() is None
    assert field.shown.text() == "Not rated"
    assert not field.clear_button.isEnabled()


def test_next_past_satisfaction_without_moving_it_leaves_it_not_rated(qtbot: QtBot) -> None:
    """Clicking through must not put a made-up 5 into the satisfaction trend."""
    dialog = GuidedEntryDialog(choices())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.texts["said"].set_text("I said I was fine.")
    dialog.go_to(next(i for i, s in enumerate(dialog.steps) if s.key == "satisfaction"))
    dialog.next()
    saved = dialog.interaction()
    assert saved is not None
    assert saved.satisfaction is None
    dialog.go_to(next(i for i, s in enumerate(dialog.steps) if s.key == "satisfaction"))
    qtbot.keyClick(dialog.satisfaction.slider, Qt.Key.Key_Right)
    dialog.next()
    saved = dialog.interaction()
    assert saved is not None
    assert saved.satisfaction == 6
