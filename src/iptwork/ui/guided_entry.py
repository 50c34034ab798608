"""The guided entry: one question at a time, in SPEC.md's order, in plain and warm words.

Written for someone upset, late at night, right after a hard conversation: one question on
the screen, a line of help under it, Back / Skip / Next (Ctrl+Enter), everything reachable
by keyboard. Closing half-way keeps a draft (the main window stores it per workbook in the
settings) and the next guided entry starts from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iptwork.store import records as r
from iptwork.ui import editors, theme

if TYPE_CHECKING:
    from iptwork.ui.document import EntryChoices

DRAFT_VERSION = 1


@dataclass
class _Step:
    key: str
    question: str
    helper: str
    widget: QWidget
    focus: Callable[[], QWidget]
    optional: bool = True


class GuidedEntryDialog(QDialog):
    def __init__(
        self,
        choices: EntryChoices,
        *,
        draft: dict[str, Any] | None = None,
        add_person: editors.AddPerson | None = None,
        add_word: editors.AddWord | None = None,
        add_problem: editors.AddProblem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write down an interaction"))
        self.setObjectName("guided-entry")
        self.resize(round(720 * theme.text_scale()), round(560 * theme.text_scale()))
        self._choices = choices
        self._result: r.Interaction | None = None
        self._id = r.new_id()

        # --- the answers ---------------------------------------------------------------
        self.when = editors.WhenEdit()
        self.channel = editors.ChannelChoice()
        self.people = editors.PeoplePicker(add_person)
        self.people.set_people(choices.people)
        self.focus_choice = editors.FocusChoice(choices.focuses)
        self.texts: dict[str, editors.TextField] = {}
        self.emotions = editors.EmotionsEditor(choices.emotions, add_word)
        self.understood = editors.UnderstoodChoice()
        self.satisfaction = editors.SatisfactionInput()
        self.problems = editors.ProblemsPicker(choices.problems, add_problem)
        self.rehearsed = QCheckBox(self.tr("We rehearsed it in a session"))
        self.follow_up = editors.FollowUpChoice(choices.follow_ups)
        self.private = QCheckBox(self.tr("Keep this one private (out of review and exports)"))
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas (e.g. money, holidays)"))

        self.steps = self._build_steps()

        # --- the frame -----------------------------------------------------------------
        self.progress_label = QLabel()
        self.progress_label.setProperty("role", "hint")
        self.progress = QProgressBar()
        self.progress.setRange(0, len(self.steps))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(self.tr("Progress through the questions"))
        self.draft_note = QLabel(self.tr("You started this one earlier; here is what you wrote."))
        self.draft_note.setProperty("role", "note")
        self.start_over = QPushButton(self.tr("Start over"))
        self.start_over.clicked.connect(self._start_over)
        note_row = QHBoxLayout()
        note_row.addWidget(self.draft_note, 1)
        note_row.addWidget(self.start_over)
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(self._page(step))
        self.message = QLabel()
        self.message.setObjectName("entry-message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "problem")
        self.message.hide()
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setToolTip(self.tr("Previous question (Alt+Left)"))
        self.skip_button = QPushButton(self.tr("&Skip"))
        self.skip_button.setToolTip(self.tr("Leave this one out for now"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setToolTip(self.tr("Next question (Ctrl+Enter)"))
        close = QPushButton(self.tr("Close"))
        close.setToolTip(self.tr("What you wrote is kept as a draft"))
        close.clicked.connect(self.reject)
        # Enter belongs to the fields (a new name, a new feeling); Ctrl+Enter moves on.
        for button in (self.back_button, self.skip_button, self.next_button, close):
            button.setAutoDefault(False)
        self.start_over.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addLayout(note_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            editors.add_shortcut(self, keys, self.next)
        editors.add_shortcut(self, "Alt+Left", self.back)
        editors.add_shortcut(self, "Alt+Right", self.skip)
        editors.add_shortcut(
            self, QKeySequence(QKeySequence.StandardKey.Back).toString(), self.back
        )

        has_draft = bool(draft)
        self.draft_note.setVisible(has_draft)
        self.start_over.setVisible(has_draft)
        start = self.load_draft(draft) if draft else 0
        self.go_to(start)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.step.focus().setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the questions -----------------------------------------------------------------

    def _text(self, key: str, name: str, placeholder: str = "") -> editors.TextField:
        field = editors.TextField(name, placeholder)
        self.texts[key] = field
        return field

    def _build_steps(self) -> list[_Step]:
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.when)
        row.addWidget(self.channel)
        row.addStretch(1)
        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self._text("plan", self.tr("Your plan")), 1)
        plan_layout.addWidget(self.rehearsed)
        last = QWidget()
        last_layout = QVBoxLayout(last)
        last_layout.setContentsMargins(0, 0, 0, 0)
        last_layout.addWidget(self.private)
        last_layout.addWidget(self.tags)
        last_layout.addStretch(1)
        no_focus = not self._choices.focuses
        focus_help = (
            self.tr(
                "There is no focus in this workbook yet; you can set one up in the Focus "
                "tab. Skip this for now."
            )
            if no_focus
            else self.tr("If it belongs to what you are working on in therapy, pick it.")
        )
        t = self._text
        return [
            _Step(
                "when",
                self.tr("When did it happen, and how did you talk?"),
                self.tr("Take a breath. Start with the facts: the day, the time, the way."),
                when,
                lambda: self.when,
                optional=False,
            ),
            _Step(
                "people",
                self.tr("Who was it with?"),
                self.tr(
                    "Tick everyone who was part of it (Space ticks). Someone new? "
                    "Type their name below and press Enter."
                ),
                self.people,
                self.people.focus_target,
            ),
            _Step(
                "focus",
                self.tr("Which problem area does it belong to?"),
                focus_help,
                self.focus_choice,
                lambda: self.focus_choice,
            ),
            _Step(
                "setting",
                self.tr("What led up to it? Where were you?"),
                self.tr("A few words are enough: the place, the moment, what came before."),
                t("setting", self.tr("What led up to it")),
                lambda: self.texts["setting"],
            ),
            _Step(
                "intended",
                self.tr("What did you want or need from them?"),
                self.tr(
                    "What did you want them to understand? It is all right if it was not "
                    "clear to you at the time."
                ),
                t("intended", self.tr("What you wanted")),
                lambda: self.texts["intended"],
            ),
            _Step(
                "said",
                self.tr("What exactly did you say or do?"),
                self.tr("Your words and your tone, as close as you can remember them."),
                t("said", self.tr("What you said")),
                lambda: self.texts["said"],
            ),
            _Step(
                "other_said",
                self.tr("What exactly did they say or do?"),
                self.tr("Their words as best you recall, before deciding what they meant."),
                t("other_said", self.tr("What they said")),
                lambda: self.texts["other_said"],
            ),
            _Step(
                "heard",
                self.tr("What did you take them to mean?"),
                self.tr("How did it land with you? What did you hear in it?"),
                t("heard", self.tr("What you heard")),
                lambda: self.texts["heard"],
            ),
            _Step(
                "their_view",
                self.tr("What might they have wanted, or heard you say?"),
                self.tr("Optional. Imagine their side for a moment, if you can."),
                t("their_view", self.tr("Their side")),
                lambda: self.texts["their_view"],
            ),
            _Step(
                "emotions",
                self.tr("What did you feel?"),
                self.tr(
                    "Tick each feeling, then set how strong it was (arrow keys move the "
                    "slider). Mixed feelings are normal."
                ),
                self.emotions,
                self.emotions.focus_target,
            ),
            _Step(
                "outcome",
                self.tr("How did it end? What happened afterwards?"),
                self.tr("How you parted, and anything that followed."),
                t("outcome", self.tr("How it ended")),
                lambda: self.texts["outcome"],
            ),
            _Step(
                "understood",
                self.tr("Did they understand what you meant?"),
                self.tr("Your best guess is fine."),
                self.understood,
                self.understood.focus_target,
            ),
            _Step(
                "satisfaction",
                self.tr("How satisfied are you with how it went?"),
                self.tr("0 is not at all, 10 is completely. There is no right answer."),
                self.satisfaction,
                lambda: self.satisfaction.slider,
            ),
            _Step(
                "problems",
                self.tr("Which communication problems can you see in it?"),
                self.tr(
                    "These are common ways conversations go wrong for everyone. Tick any you "
                    "recognise; it is about patterns, not blame."
                ),
                self.problems,
                self.problems.focus_target,
            ),
            _Step(
                "alternative",
                self.tr("What else could you have said or done?"),
                self.tr("Looking back, with kindness to yourself: any idea counts."),
                t("alternative", self.tr("What else you could have done")),
                lambda: self.texts["alternative"],
            ),
            _Step(
                "plan",
                self.tr("What will you try next time?"),
                self.tr("One small, concrete thing. You can rehearse it with your therapist."),
                plan,
                lambda: self.texts["plan"],
            ),
            _Step(
                "follow_up_of",
                self.tr("Was this you trying out a plan from before?"),
                self.tr("If so, pick that earlier interaction: it closes the loop."),
                self.follow_up,
                lambda: self.follow_up,
            ),
            _Step(
                "last",
                self.tr("Anything else?"),
                self.tr(
                    "Private interactions stay out of therapist review and exports. Tags "
                    "help you find it again. Then save: Ctrl+Enter."
                ),
                last,
                lambda: self.private,
            ),
        ]

    def _page(self, step: _Step) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        question = QLabel(step.question)
        question.setProperty("role", "question")
        question.setWordWrap(True)
        theme.scale_font(question, 1.35, bold=True)
        helper = QLabel(step.helper)
        helper.setWordWrap(True)
        helper.setProperty("role", "hint")
        layout.addWidget(question)
        layout.addWidget(helper)
        layout.addSpacing(6)
        if step.key in ("emotions", "problems"):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(step.widget)
            layout.addWidget(scroll, 1)
        else:
            stretch = (
                1
                if isinstance(step.widget, editors.TextField)
                or step.key
                in (
                    "people",
                    "plan",
                )
                else 0
            )
            layout.addWidget(step.widget, stretch)
            if not stretch:
                layout.addStretch(1)
        step.widget.setAccessibleDescription(step.helper)
        page.setAccessibleName(step.question)
        return page

    # --- moving through ----------------------------------------------------------------

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    @property
    def step(self) -> _Step:
        return self.steps[self.index]

    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        self.stack.setCurrentIndex(index)
        last = index == len(self.steps) - 1
        self.progress_label.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.steps)))
        )
        self.progress.setValue(index + 1)
        self.back_button.setEnabled(index > 0)
        self.skip_button.setEnabled(not last and self.step.optional)
        self.next_button.setText(self.tr("&Save") if last else self.tr("&Next"))
        self.message.hide()
        self.step.focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.message.setAccessibleName(text)

    def back(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def skip(self) -> None:
        if self.step.key == "satisfaction":
            self.satisfaction.set_value(None)
        if self.skip_button.isEnabled():
            self.go_to(self.index + 1)

    def next(self) -> None:
        key = self.step.key
        if key == "when":
            problem = editors.future_problem(self.when.value())
            if problem:
                self._problem(problem)
                self.when.setFocus()
                return
        if self.index < len(self.steps) - 1:
            self.go_to(self.index + 1)
            return
        self.finish()

    def finish(self) -> None:
        interaction = self.interaction()
        problem = editors.future_problem(interaction.occurred_at) or editors.emptiness_problem(
            interaction
        )
        if problem:
            self._problem(problem)
            return
        self._result = interaction
        self.accept()

    def _start_over(self) -> None:
        self.when.set_value(datetime.now().replace(second=0, microsecond=0))
        self.channel.set_value("face_to_face")
        self.people.set_checked(())
        self.focus_choice.set_value(None)
        for field in self.texts.values():
            field.set_text("")
        self.emotions.set_ratings(())
        self.understood.set_value(None)
        self.satisfaction.set_value(None)
        self.problems.set_keys(())
        self.rehearsed.setChecked(False)
        self.follow_up.set_value(None)
        self.private.setChecked(False)
        self.tags.clear()
        self.draft_note.hide()
        self.start_over.hide()
        self.go_to(0)

    # --- the result and the draft ------------------------------------------------------

    def interaction(self) -> r.Interaction:
        text = {key: field.text() for key, field in self.texts.items()}
        return r.Interaction(
            id=self._id,
            occurred_at=self.when.value(),
            channel=self.channel.value(),
            people=self.people.checked_ids(),
            focus=self.focus_choice.value(),
            setting=text["setting"],
            intended=text["intended"],
            said=text["said"],
            other_said=text["other_said"],
            heard=text["heard"],
            their_view=text["their_view"],
            emotions=self.emotions.ratings(),
            outcome=text["outcome"],
            understood=self.understood.value(),
            satisfaction=self.satisfaction.value(),
            problems=self.problems.keys(),
            alternative=text["alternative"],
            plan=text["plan"],
            rehearsed=self.rehearsed.isChecked(),
            follow_up_of=self.follow_up.value(),
            private=self.private.isChecked(),
            tags=editors.parse_tags(self.tags.text()),
        )

    def result_interaction(self) -> r.Interaction | None:
        return self._result

    def has_content(self) -> bool:
        return not editors.emptiness_problem(self.interaction()) or bool(
            self.problems.keys() or self.tags.text().strip()
        )

    def draft(self) -> dict[str, Any]:
        """What has been written so far, as JSON-ready data (kept in the settings)."""
        i = self.interaction()
        return {
            "version": DRAFT_VERSION,
            "id": i.id,
            "step": self.index,
            "occurred_at": i.occurred_at.isoformat(timespec="minutes"),
            "channel": i.channel,
            "people": list(i.people),
            "focus": i.focus,
            "texts": {key: field.text() for key, field in self.texts.items()},
            "emotions": [[e.name, e.intensity] for e in i.emotions],
            "understood": i.understood,
            "satisfaction": i.satisfaction,
            "problems": list(i.problems),
            "rehearsed": i.rehearsed,
            "follow_up_of": i.follow_up_of,
            "private": i.private,
            "tags": self.tags.text(),
        }

    def load_draft(self, draft: dict[str, Any]) -> int:
        """Fill in a draft; anything that no longer fits (a deleted person…) is left out."""
        try:
            if draft.get("version") != DRAFT_VERSION:
                return 0
            self._id = str(draft.get("id") or self._id)
            self.when.set_value(datetime.fromisoformat(str(draft["occurred_at"])))
            self.channel.set_value(str(draft.get("channel", "face_to_face")))
            self.people.set_checked([str(p) for p in draft.get("people", [])])
            self.focus_choice.set_value(draft.get("focus"))
            for key, text in dict(draft.get("texts", {})).items():
                if key in self.texts:
                    self.texts[key].set_text(str(text))
            known = set(self._choices.emotions)
            self.emotions.set_ratings(
                [
                    r.EmotionRating(str(name), int(value))
                    for name, value in draft.get("emotions", [])
                    if name in known
                ]
            )
            self.understood.set_value(draft.get("understood"))
            satisfaction = draft.get("satisfaction")
            self.satisfaction.set_value(int(satisfaction) if satisfaction is not None else None)
            self.problems.set_keys([str(k) for k in draft.get("problems", [])])
            self.rehearsed.setChecked(bool(draft.get("rehearsed")))
            self.follow_up.set_value(draft.get("follow_up_of"))
            self.private.setChecked(bool(draft.get("private")))
            self.tags.setText(str(draft.get("tags", "")))
            return int(draft.get("step", 0))
        except (KeyError, TypeError, ValueError):
            return 0

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        choices: EntryChoices,
        *,
        draft: dict[str, Any] | None,
        keep_draft: Callable[[dict[str, Any] | None], None],
        add_person: editors.AddPerson | None = None,
        add_word: editors.AddWord | None = None,
        add_problem: editors.AddProblem | None = None,
    ) -> r.Interaction | None:
        """Run the guided entry; the interaction to save, or None.

        Whatever was written is passed to `keep_draft` first, even when it is to be saved:
        the caller clears the draft only once the interaction is safely in the workbook.
        """
        dialog = cls(
            choices,
            draft=draft,
            add_person=add_person,
            add_word=add_word,
            add_problem=add_problem,
            parent=parent,
        )
        try:
            dialog.exec()
            keep_draft(dialog.draft() if dialog.has_content() else None)
            return dialog.result_interaction()
        finally:
            dialog.deleteLater()
