"""PHQ-9 and GAD-7 inside the app, the item-9 safety message, and the daily mood."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork import domain
from iptwork.ui import alerts
from iptwork.ui.main_window import MainWindow
from iptwork.ui.mood import MoodDialog
from iptwork.ui.questionnaire import QuestionnaireDialog
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal


@dataclass
class Safety:
    """Every time the item-9 message is shown, and what was on screen at that moment."""

    shown: list[dict[str, Any]] = field(default_factory=list)
    look: Any = None  # called when the message is shown; returns what the test wants kept

    def __call__(self, parent: Any) -> None:
        self.shown.append(self.look(parent) if self.look else {})


@pytest.fixture
def safety(monkeypatch: pytest.MonkeyPatch, answers: Answers) -> Safety:
    """The item-9 message recorded instead of shown (other boxes answered by `answers`)."""
    recorder = Safety()
    monkeypatch.setattr(alerts, "safety_message", recorder)
    return recorder


def answers_for(total: int, count: int) -> list[int]:
    """Answers adding up to `total`, item 9 (for the PHQ-9) filled last."""
    items = [0] * count
    left = total
    for n in range(count):
        items[n] = min(3, left)
        left -= items[n]
    assert left == 0
    return items


def on_screen(dialog: QuestionnaireDialog) -> dict[str, Any]:
    return {
        "page": "result" if dialog.pages.currentWidget() is dialog.result_page else "questions",
        "score": dialog.total_label.text(),
    }


def press(qtbot: QtBot, dialog: QDialog, keys: str) -> None:
    for key in keys:
        qtbot.keyClick(dialog.focusWidget() or dialog, key)


def open_dialog(qtbot: QtBot, key: str) -> QuestionnaireDialog:
    dialog = QuestionnaireDialog(key)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


PHQ9_BOUNDARIES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "moderately severe"),
    (19, "moderately severe"),
    (20, "severe"),
    (27, "severe"),
]
GAD7_BOUNDARIES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "severe"),
    (21, "severe"),
]


@pytest.mark.parametrize(("total", "band"), PHQ9_BOUNDARIES)
def test_phq9_totals_are_scored_with_their_band_in_words(
    qtbot: QtBot, safety: Safety, total: int, band: str
) -> None:
    dialog = open_dialog(qtbot, "phq9")
    press(qtbot, dialog, "".join(str(a) for a in answers_for(total, 9)))
    if total:
        assert dialog.item_text.text().startswith("If you checked off any problems")
        qtbot.keyClick(dialog.focusWidget() or dialog, "1")  # the difficulty question
    assert dialog.pages.currentWidget() is dialog.result_page
    text = dialog.total_label.text()
    assert f"Your PHQ-9 total is {total} of 27: {band} depression symptoms." == text
    assert "0–4 minimal, 5–9 mild, 10–14 moderate" in dialog.bands_label.text()
    record = dialog.record()
    assert record is not None
    assert record.score.total == total
    assert len(safety.shown) == (1 if total > 24 else 0)  # only 25+ needs item 9 above 0


@pytest.mark.parametrize(("total", "band"), GAD7_BOUNDARIES)
def test_gad7_totals_are_scored_with_their_band_in_words(
    qtbot: QtBot, safety: Safety, total: int, band: str
) -> None:
    dialog = open_dialog(qtbot, "gad7")
    press(qtbot, dialog, "".join(str(a) for a in answers_for(total, 7)))
    assert dialog.total_label.text() == (
        f"Your GAD-7 total is {total} of 21: {band} anxiety symptoms."
    )
    assert not safety.shown


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_a_positive_item9_shows_the_safety_message_first(
    qtbot: QtBot, safety: Safety, answer: int
) -> None:
    dialog = open_dialog(qtbot, "phq9")
    safety.look = lambda _parent: on_screen(dialog)
    press(qtbot, dialog, "00000000")
    assert not safety.shown
    press(qtbot, dialog, str(answer))
    # Shown at once, while the questions were still on screen and no score was shown.
    assert safety.shown == [{"page": "questions", "score": ""}]
    press(qtbot, dialog, "0")  # the difficulty question
    assert dialog.pages.currentWidget() is dialog.result_page
    assert dialog.item9_note.isVisible()
    assert domain.ITEM9_MESSAGE in dialog.item9_note.text()
    # Every time: answering item 9 again shows it again.
    dialog.back()
    dialog.back()
    assert dialog.step == 8
    press(qtbot, dialog, str(answer))
    assert len(safety.shown) == 2


def test_no_safety_message_when_item9_is_zero(qtbot: QtBot, safety: Safety) -> None:
    dialog = open_dialog(qtbot, "phq9")
    press(qtbot, dialog, "333333330")
    press(qtbot, dialog, "2")
    assert dialog.pages.currentWidget() is dialog.result_page
    assert not safety.shown
    assert not dialog.item9_note.isVisible()


def test_the_form_shows_the_message_as_item9_is_answered(qtbot: QtBot, safety: Safety) -> None:
    dialog = open_dialog(qtbot, "phq9")
    safety.look = lambda _parent: on_screen(dialog)
    dialog.all_at_once.setChecked(True)
    assert dialog.pages.currentWidget() is dialog.form_page
    assert not dialog.score_button.isEnabled()
    for index in range(8):
        dialog.groups[index].button(1).click()
    assert "Still to answer: 9" in dialog.form_hint.text()
    dialog.groups[8].button(0).click()
    assert not safety.shown
    dialog.groups[8].button(2).click()
    assert safety.shown == [{"page": "questions", "score": ""}]
    dialog.score_button.click()
    assert dialog.total_label.text().startswith("Your PHQ-9 total is 10 of 27: moderate")
    assert dialog.item9_note.isVisible()


def test_switching_between_one_at_a_time_and_the_form_keeps_the_answers(
    qtbot: QtBot, safety: Safety
) -> None:
    dialog = open_dialog(qtbot, "gad7")
    press(qtbot, dialog, "123")
    dialog.all_at_once.setChecked(True)
    assert [g.checkedId() for g in dialog.groups[:4]] == [1, 2, 3, -1]
    dialog.all_at_once.setChecked(False)
    assert dialog.step == 3
    assert "Question 4 of 7" in dialog.progress.text()


def test_a_phq9_with_item9_is_saved_only_after_the_message(
    qtbot: QtBot, opened: MainWindow, safety: Safety
) -> None:
    document = opened.document
    assert document is not None
    safety.look = lambda _parent: {"saved": len(document.phq9s())}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, QuestionnaireDialog)
        assert domain.QUESTIONNAIRE_COPYRIGHT in [
            label.text() for label in dialog.findChildren(type(dialog.progress))
        ]
        press(qtbot, dialog, "1111111110")  # nine answers, then the difficulty
        dialog.save_button.click()

    in_modal(qtbot, lambda: opened.actions.trigger("questionnaire.phq9"), fill)
    assert safety.shown == [{"saved": 0}]
    saved = document.phq9s()
    assert len(saved) == 1
    assert saved[0].items == (1,) * 9
    assert saved[0].difficulty == 0
    assert saved[0].item9_positive
    assert saved[0].taken_on == date.today()


def test_history_lists_and_charts_the_scores_and_undo_removes_one(
    qtbot: QtBot, opened: MainWindow, safety: Safety, qtmodeltester: ModelTester
) -> None:
    from iptwork.store import records as r

    document = opened.document
    assert document is not None
    document.add_phq9(r.Phq9(date(2026, 1, 5), (2, 2, 2, 2, 2, 2, 2, 2, 1)))
    document.add_gad7(r.Gad7(date(2026, 1, 5), (1, 1, 1, 1, 1, 1, 1)))
    opened.actions.trigger("view.questionnaires")
    view = opened.questionnaires
    qtbot.waitUntil(lambda: not view.chart_loading, timeout=10000)
    assert view.chart.figure is not None
    assert view.proxy.rowCount() == 2
    texts = [view.proxy.index(row, 3).data() for row in range(2)]
    assert "moderately severe depression symptoms · item 9 above 0" in texts  # 17
    assert "mild anxiety symptoms" in texts  # 7
    assert domain.QUESTIONNAIRE_COPYRIGHT in [
        label.text() for label in view.findChildren(type(view.chart.message))
    ]
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    view.kind.setCurrentIndex(view.kind.findData("phq9"))
    assert view.proxy.rowCount() == 1
    view.select_first()
    view.delete_button.click()
    assert document.phq9s() == []
    opened.actions.trigger("edit.undo")
    assert len(document.phq9s()) == 1
    opened.actions.trigger("edit.undo")  # the GAD-7's adding
    assert document.gad7s() == []
    opened.actions.trigger("edit.redo")
    document.rate_mood(r.Mood(date(2026, 1, 6), 3))
    for kind, listed in (("gad7", document.gad7s), ("mood", document.moods)):
        view.kind.setCurrentIndex(view.kind.findData(kind))
        assert view.proxy.rowCount() == 1
        view.select_first()
        view.delete_button.click()
        assert listed() == []
        opened.actions.trigger("edit.undo")
        assert len(listed()) == 1


def test_the_daily_mood_takes_two_keystrokes_and_a_second_rating_replaces_it(
    qtbot: QtBot, opened: MainWindow
) -> None:
    document = opened.document
    assert document is not None

    def seven(dialog: QDialog) -> None:
        assert isinstance(dialog, MoodDialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, "7")

    opened.interactions.table.setFocus()
    in_modal(
        qtbot,
        lambda: qtbot.keyClick(opened, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier),
        seven,
    )
    moods = document.moods()
    assert [(m.on, m.rating) for m in moods] == [(date.today(), 7)]
    assert "Mood 7 of 10" in opened.statusBar().currentMessage()

    def four(dialog: QDialog) -> None:
        assert isinstance(dialog, MoodDialog)
        assert "Today's rating so far: 7" in "\n".join(
            label.text() for label in dialog.findChildren(type(opened.opening))
        )
        dialog.buttons[4].click()

    in_modal(qtbot, lambda: opened.actions.trigger("mood.rate"), four)
    assert [m.rating for m in document.moods()] == [4]
    opened.actions.trigger("edit.undo")
    assert [m.rating for m in document.moods()] == [7]
    opened.actions.trigger("edit.undo")
    assert document.moods() == []


def test_stopping_half_way_asks_first(qtbot: QtBot, answers: Answers) -> None:
    dialog = open_dialog(qtbot, "gad7")
    press(qtbot, dialog, "12")
    answers.confirm.append(False)
    dialog.reject()
    assert dialog.isVisible()
    assert "will not be kept" in answers.said[-1][1]
    dialog.reject()
    assert not dialog.isVisible()
