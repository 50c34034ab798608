"""The full form: every field of an interaction on one scrolling page, for editing.

The therapist uses it in session (the therapist note lives only here), and the client uses
it to correct or complete an entry, including linking it as a follow-up of an earlier one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iptwork.store import records as r
from iptwork.ui import editors

if TYPE_CHECKING:
    from iptwork.ui.document import EntryChoices

TEXT_FIELDS = (
    "setting",
    "intended",
    "said",
    "other_said",
    "heard",
    "their_view",
    "outcome",
    "alternative",
    "plan",
    "therapist_note",
)


class InteractionFormDialog(QDialog):
    def __init__(
        self,
        choices: EntryChoices,
        interaction: r.Interaction,
        *,
        add_person: editors.AddPerson | None = None,
        add_word: editors.AddWord | None = None,
        add_problem: editors.AddProblem | None = None,
        parent: QWidget | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interaction-form")
        self.read_only = read_only
        self.setWindowTitle(
            self.tr("The interaction (read-only)") if read_only else self.tr("Edit the interaction")
        )
        self._original = interaction
        self._result: r.Interaction | None = None

        self.when = editors.WhenEdit()
        self.channel = editors.ChannelChoice()
        self.people = editors.PeoplePicker(add_person)
        self.people.set_people(choices.people)
        self.people.list.setMaximumHeight(130)
        self.focus_choice = editors.FocusChoice(choices.focuses)
        prompts = {
            "setting": (self.tr("What led up to it"), self.tr("What led up to it? Where?")),
            "intended": (self.tr("What you wanted"), self.tr("What did you want or need?")),
            "said": (self.tr("What you said"), self.tr("Your words and tone")),
            "other_said": (self.tr("What they said"), self.tr("Their words and tone")),
            "heard": (self.tr("What you heard"), self.tr("What you took them to mean")),
            "their_view": (self.tr("Their side"), self.tr("What might they have wanted?")),
            "outcome": (self.tr("How it ended"), self.tr("How did it end? What followed?")),
            "alternative": (self.tr("What else you could do"), self.tr("Other words or acts")),
            "plan": (self.tr("Plan for next time"), self.tr("One thing to try next time")),
            "therapist_note": (
                self.tr("Therapist note"),
                self.tr("Notes added in session, kept apart from the client's words"),
            ),
        }
        self.texts = {
            key: editors.TextField(name, placeholder)
            for key, (name, placeholder) in prompts.items()
        }
        for field in self.texts.values():
            field.setMinimumHeight(64)
        self.emotions = editors.EmotionsEditor(choices.emotions, add_word)
        self.understood = editors.UnderstoodChoice()
        self.satisfaction = editors.SatisfactionInput()
        self.problems = editors.ProblemsPicker(choices.problems, add_problem)
        self.rehearsed = QCheckBox(self.tr("Rehearsed in a session"))
        self.follow_up = editors.FollowUpChoice(choices.follow_ups)
        self.private = QCheckBox(self.tr("Private: keep out of therapist review and exports"))
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))

        form = QWidget()
        layout = QFormLayout(form)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addWidget(self.channel)
        when_row.addStretch(1)
        when_label = QLabel(self.tr("&When"))
        when_label.setBuddy(self.when)  # Alt+W; a row of two fields has no buddy by itself
        layout.addRow(when_label, when_row)
        layout.addRow(self.tr("&People"), self.people)
        layout.addRow(self.tr("Problem &area"), self.focus_choice)
        for key in ("setting", "intended", "said", "other_said", "heard", "their_view"):
            layout.addRow(prompts[key][0], self.texts[key])
        emotions_box = QGroupBox(self.tr("What you felt"))
        QVBoxLayout(emotions_box).addWidget(self.emotions)
        layout.addRow(emotions_box)
        layout.addRow(prompts["outcome"][0], self.texts["outcome"])
        layout.addRow(self.tr("Did they understand?"), self.understood)
        layout.addRow(self.tr("Satisfaction"), self.satisfaction)
        problems_box = QGroupBox(self.tr("Communication problems"))
        QVBoxLayout(problems_box).addWidget(self.problems)
        layout.addRow(problems_box)
        layout.addRow(prompts["alternative"][0], self.texts["alternative"])
        layout.addRow(prompts["plan"][0], self.texts["plan"])
        layout.addRow("", self.rehearsed)
        layout.addRow(self.tr("&Follow-up of"), self.follow_up)
        layout.addRow(prompts["therapist_note"][0], self.texts["therapist_note"])
        layout.addRow("", self.private)
        layout.addRow(self.tr("&Tags"), self.tags)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        self.message = QLabel()
        self.message.setObjectName("form-message")
        self.message.setProperty("role", "problem")
        self.message.setWordWrap(True)
        self.message.hide()
        outer = QVBoxLayout(self)
        if read_only:
            # The workbook is open elsewhere: everything can be read here, nothing changed.
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            note = QLabel(
                self.tr(
                    "This workbook is open read-only, so this interaction can be read but not "
                    "changed here."
                )
            )
            note.setObjectName("read-only-note")
            note.setProperty("role", "note")
            note.setWordWrap(True)
            outer.addWidget(note)
        else:
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            buttons.accepted.connect(self.save)
            editors.add_shortcut(self, "Ctrl+Return", self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.message)
        outer.addWidget(buttons)
        # Wide enough for the form at the text size in force (860 at 100 %), so that no
        # row needs a sideways scroll bar: at 150 % the feelings' second column and the
        # satisfaction row were cut off.
        margins = outer.contentsMargins()
        needed = (
            form.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
            + margins.left()
            + margins.right()
        )
        self.resize(max(860, needed), 760)
        self.load(interaction)
        if read_only:
            editors.set_read_only(form, True)
            self.setStyleSheet(editors.READ_ONLY_STYLE)
        self.when.setFocus()

    def load(self, i: r.Interaction) -> None:
        self.when.set_value(i.occurred_at)
        self.channel.set_value(i.channel)
        self.people.set_checked(i.people)
        self.focus_choice.set_value(i.focus)
        for key in TEXT_FIELDS:
            self.texts[key].set_text(getattr(i, key))
        self.emotions.set_ratings(i.emotions)
        self.understood.set_value(i.understood)
        self.satisfaction.set_value(i.satisfaction)
        self.problems.set_keys(i.problems)
        self.rehearsed.setChecked(i.rehearsed)
        self.follow_up.set_value(i.follow_up_of)
        self.private.setChecked(i.private)
        self.tags.setText(", ".join(i.tags))

    def interaction(self) -> r.Interaction:
        return replace(
            self._original,
            occurred_at=self.when.value(),
            channel=self.channel.value(),
            people=self.people.checked_ids(),
            focus=self.focus_choice.value(),
            emotions=self.emotions.ratings(),
            understood=self.understood.value(),
            satisfaction=self.satisfaction.value(),
            problems=self.problems.keys(),
            rehearsed=self.rehearsed.isChecked(),
            follow_up_of=self.follow_up.value(),
            private=self.private.isChecked(),
            tags=editors.parse_tags(self.tags.text()),
            **{key: self.texts[key].text() for key in TEXT_FIELDS},
        )

    def save(self) -> None:
        if self.read_only:
            return
        interaction = self.interaction()
        problem = editors.future_problem(interaction.occurred_at) or editors.emptiness_problem(
            interaction
        )
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        self._result = interaction
        self.accept()

    def result_interaction(self) -> r.Interaction | None:
        return self._result

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        choices: EntryChoices,
        interaction: r.Interaction,
        *,
        add_person: editors.AddPerson | None = None,
        add_word: editors.AddWord | None = None,
        add_problem: editors.AddProblem | None = None,
        read_only: bool = False,
    ) -> r.Interaction | None:
        """The edited interaction, or None when nothing is to be saved (always None when
        `read_only`: the interaction is only shown)."""
        dialog = cls(
            choices,
            interaction,
            add_person=add_person,
            add_word=add_word,
            add_problem=add_problem,
            parent=parent,
            read_only=read_only,
        )
        try:
            dialog.exec()
            result = dialog.result_interaction()
            return None if result == interaction else result
        finally:
            dialog.deleteLater()
