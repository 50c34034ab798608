"""Field editors shared by the guided entry and the full interaction form.

Each takes and gives plain values (ids, keys, records), never a workbook; adding a person or
an emotion word on the spot is asked of the owner through a callback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.ui import labels

if TYPE_CHECKING:
    from iptwork.store import records as r
    from iptwork.store.listing import InteractionChoice

AddPerson = Callable[[str], "r.Person | None"]
AddWord = Callable[[str], bool]
AddProblem = Callable[[str], "r.ProblemKind | None"]


def tr(text: str) -> str:
    return labels.tr(text)


class EntryLine(QLineEdit):
    """A one-line field where Enter submits this field only (never a dialog's default button)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TextField(QPlainTextEdit):
    """Multi-line text where Tab moves on (keyboard users must be able to leave it)."""

    def __init__(self, accessible_name: str, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(placeholder)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)


class WhenEdit(QDateTimeEdit):
    """Date and time of an interaction; past is normal, the future is questioned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setAccessibleName(tr("Date and time"))
        self.set_value(datetime.now().replace(second=0, microsecond=0))

    def value(self) -> datetime:
        return self.dateTime().toPython().replace(second=0, microsecond=0)  # type: ignore[no-any-return]

    def set_value(self, moment: datetime) -> None:
        self.setDateTime(QDateTime(moment.date(), moment.time()))


def future_problem(moment: datetime, now: datetime | None = None) -> str:
    """An explanation when a date lies in the future (a typo, almost always), else ''."""
    now = now or datetime.now()
    if moment > now.replace(second=59):
        return tr(
            "That date is in the future. An interaction is something that already "
            "happened; please check the date and time."
        )
    return ""


def emptiness_problem(interaction: r.Interaction) -> str:
    """An explanation when an interaction holds nothing worth keeping, else ''."""
    texts = (
        interaction.setting,
        interaction.intended,
        interaction.said,
        interaction.other_said,
        interaction.heard,
        interaction.their_view,
        interaction.outcome,
        interaction.alternative,
        interaction.plan,
        interaction.therapist_note,
    )
    if interaction.people or any(t.strip() for t in texts) or interaction.emotions:
        return ""
    return tr(
        "Nothing is written yet. Pick who it was with, or write a few words about what "
        "was said, so there is something to come back to."
    )


class ChannelChoice(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("How you talked"))
        for channel in domain.Channel:
            self.addItem(labels.channel(channel.value), channel.value)

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, key: str) -> None:
        index = self.findData(key)
        self.setCurrentIndex(max(index, 0))


class PeoplePicker(QWidget):
    """People from the inventory, ticked; someone new can be added by name on the spot."""

    changed = Signal()

    def __init__(self, add_person: AddPerson | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add_person = add_person
        self.list = QListWidget()
        self.list.setAccessibleName(tr("People"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.new_name = EntryLine()
        if add_person is not None:
            self.new_name.setPlaceholderText(tr("Someone new? Type a name and press Enter"))
            self.new_name.setAccessibleName(tr("Add a new person"))
            self.new_name.submitted.connect(self._add_new)
            add = QPushButton(tr("Add"))
            add.clicked.connect(self._add_new)
            row = QHBoxLayout()
            row.addWidget(self.new_name, 1)
            row.addWidget(add)
            layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def set_people(self, people: Sequence[r.Person], checked: Sequence[str] = ()) -> None:
        self.list.clear()
        for person in people:
            self._append(person, person.id in checked)

    def _append(self, person: r.Person, checked: bool) -> None:
        item = QListWidgetItem(f"{person.name}  ·  {labels.relationship(person.relationship)}")
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _add_new(self) -> None:
        name = self.new_name.text().strip()
        if not name or self._add_person is None:
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text().split("  ·  ")[0].casefold() == name.casefold():
                item.setCheckState(Qt.CheckState.Checked)
                self.new_name.clear()
                return
        person = self._add_person(name)
        if person is not None:
            self._append(person, True)
            self.new_name.clear()
            self.message.setText(
                tr("%1 was added to your inventory and ticked.").replace("%1", person.name)
            )
            self.message.show()

    def checked_ids(self) -> tuple[str, ...]:
        ids = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def set_checked(self, ids: Sequence[str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def focus_target(self) -> QWidget:
        if self.list.count() == 0 and self._add_person is not None:
            return self.new_name
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        return self.list


class FocusChoice(QComboBox):
    def __init__(self, focuses: Sequence[r.Focus], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Problem area"))
        self.addItem(tr("None of them / not sure"), None)
        for focus in focuses:
            self.addItem(labels.focus_title(focus), focus.id)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, focus_id: str | None) -> None:
        self.setCurrentIndex(max(self.findData(focus_id), 0) if focus_id else 0)


class EmotionsEditor(QWidget):
    """Each emotion a tick box with an intensity slider (0–100) beside it."""

    def __init__(
        self, words: Sequence[str], add_word: AddWord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: dict[str, tuple[QCheckBox, QSlider, QLabel]] = {}
        self._add_word = add_word
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(4, 1)
        outer.addLayout(self._grid)
        for word in words:
            self._add_row(word)
        if add_word is not None:
            self.new_word = EntryLine()
            self.new_word.setPlaceholderText(tr("Another feeling? Type it and press Enter"))
            self.new_word.setAccessibleName(tr("Add your own emotion word"))
            self.new_word.submitted.connect(self._new_word)
            outer.addSpacing(8)
            outer.addWidget(self.new_word)
        outer.addStretch(1)

    def _add_row(self, word: str) -> None:
        box = QCheckBox(labels.emotion(word))
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(*domain.INTENSITY_RANGE)
        slider.setValue(50)
        slider.setPageStep(10)
        slider.setSingleStep(5)
        slider.setEnabled(False)
        slider.setMinimumWidth(90)
        slider.setAccessibleName(tr("How strong: %1").replace("%1", labels.emotion(word)))
        value = QLabel("")
        value.setMinimumWidth(28)
        box.toggled.connect(slider.setEnabled)
        box.toggled.connect(lambda on, v=value, s=slider: v.setText(str(s.value()) if on else ""))
        slider.valueChanged.connect(lambda n, v=value: v.setText(str(n)))
        self._rows[word] = (box, slider, value)
        self._place()

    def _place(self) -> None:
        """Two columns of emotions keep the page short enough to see at once, also when
        the person adds their own words (a third column would run off the page)."""
        per_column = max(1, -(-len(self._rows) // 2))
        for index, widgets in enumerate(self._rows.values()):
            row, column = index % per_column, (index // per_column) * 3
            for offset, widget in enumerate(widgets):
                self._grid.removeWidget(widget)
                self._grid.addWidget(widget, row, column + offset)

    def _new_word(self) -> None:
        word = self.new_word.text().strip().casefold()
        if not word:
            return
        if word not in self._rows:
            if self._add_word is None or not self._add_word(word):
                return
            self._add_row(word)
        self._rows[word][0].setChecked(True)
        self.new_word.clear()

    def ratings(self) -> tuple[r.EmotionRating, ...]:
        from iptwork.store import records as r

        return tuple(
            r.EmotionRating(word, slider.value())
            for word, (box, slider, _v) in self._rows.items()
            if box.isChecked()
        )

    def set_ratings(self, ratings: Sequence[r.EmotionRating]) -> None:
        wanted = {e.name: e.intensity for e in ratings}
        for word in wanted:
            if word not in self._rows:
                self._add_row(word)
        for word, (box, slider, _value) in self._rows.items():
            box.setChecked(word in wanted)
            slider.setValue(wanted.get(word, 50))

    def focus_target(self) -> QWidget:
        return next(iter(self._rows.values()))[0] if self._rows else self

    def box(self, word: str) -> QCheckBox:
        return self._rows[word][0]

    def slider(self, word: str) -> QSlider:
        return self._rows[word][1]


class ProblemsPicker(QWidget):
    """Communication problems as tick boxes, each with its one-line explanation."""

    def __init__(
        self,
        kinds: Sequence[r.ProblemKind],
        add_problem: AddProblem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._boxes: dict[str, QCheckBox] = {}
        self._add_problem = add_problem
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._list = QVBoxLayout()
        self._list.setSpacing(0)
        outer.addLayout(self._list)
        for kind in kinds:
            self._add_row(kind)
        if add_problem is not None:
            self.new_problem = EntryLine()
            self.new_problem.setPlaceholderText(tr("Another problem? Type it and press Enter"))
            self.new_problem.setAccessibleName(tr("Add your own communication problem"))
            self.new_problem.submitted.connect(self._new_problem)
            outer.addSpacing(8)
            outer.addWidget(self.new_problem)

    def _add_row(self, kind: r.ProblemKind) -> None:
        name = labels.problem_labels((kind,))[kind.key]
        # Built-in problems are the plain ones; the user's own are marked as theirs.
        box = QCheckBox(name if kind.builtin else tr("%1 (your own)").replace("%1", name))
        explanation = labels.tr(kind.explanation) if kind.builtin else kind.explanation
        box.setAccessibleDescription(explanation)
        box.setToolTip(explanation)
        self._list.addWidget(box)
        if explanation:
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setIndent(26)
            note.setProperty("role", "hint")
            self._list.addWidget(note)
        self._list.addSpacing(6)
        self._boxes[kind.key] = box

    def _new_problem(self) -> None:
        label = self.new_problem.text().strip()
        if not label or self._add_problem is None:
            return
        kind = self._add_problem(label)
        if kind is None:
            return
        if kind.key not in self._boxes:
            self._add_row(kind)
        self._boxes[kind.key].setChecked(True)
        self.new_problem.clear()

    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, box in self._boxes.items() if box.isChecked())

    def set_keys(self, keys: Sequence[str]) -> None:
        for key, box in self._boxes.items():
            box.setChecked(key in keys)

    def focus_target(self) -> QWidget:
        return next(iter(self._boxes.values())) if self._boxes else self

    def box(self, key: str) -> QCheckBox:
        return self._boxes[key]


class UnderstoodChoice(QWidget):
    """yes / partly / no / not sure as radio buttons (arrow keys move between them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._buttons: dict[str, QRadioButton] = {}
        for choice in domain.Understood:
            button = QRadioButton(labels.understood(choice.value))
            self._group.addButton(button)
            layout.addWidget(button)
            self._buttons[choice.value] = button

    def value(self) -> str | None:
        for key, button in self._buttons.items():
            if button.isChecked():
                return key
        return None

    def set_value(self, key: str | None) -> None:
        self._group.setExclusive(False)
        for name, button in self._buttons.items():
            button.setChecked(name == key)
        self._group.setExclusive(True)

    def focus_target(self) -> QWidget:
        return self._buttons.get(self.value() or "yes", self)


class SatisfactionInput(QWidget):
    """0–10 on a slider; "not rated" until it is moved (or after Clear)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(*domain.SATISFACTION_RANGE)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setPageStep(1)
        self.slider.setAccessibleName(tr("Satisfaction, 0 to 10"))
        self.shown = QLabel()
        self.shown.setMinimumWidth(90)
        self._rated = False
        self.slider.valueChanged.connect(self._moved)
        # "Clear", not "Not rated": the label beside it already says "Not rated".
        self.clear_button = clear = QPushButton(tr("Clear"))
        clear.setAccessibleName(tr("Clear the satisfaction rating"))
        clear.setToolTip(tr("Leave it not rated"))
        clear.clicked.connect(lambda: self.set_value(None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("0 not at all")))
        row.addWidget(self.slider, 1)
        row.addWidget(QLabel(tr("10 completely")))
        row.addWidget(self.shown)
        row.addWidget(clear)
        self.set_value(None)

    def _moved(self, value: int) -> None:
        self._rated = True
        self.shown.setText(tr("%1 of 10").replace("%1", str(value)))
        self.clear_button.setEnabled(True)

    def value(self) -> int | None:
        return self.slider.value() if self._rated else None

    def set_value(self, value: int | None) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(5 if value is None else value)
        self.slider.blockSignals(False)
        self._rated = value is not None
        self.shown.setText(
            tr("Not rated") if value is None else tr("%1 of 10").replace("%1", str(value))
        )
        self.clear_button.setEnabled(self._rated)


def follow_up_label(choice: InteractionChoice) -> str:
    people = ", ".join(choice.people) or tr("no one named")
    plan = choice.plan[:70] + ("…" if len(choice.plan) > 70 else "")
    return f"{choice.occurred_at:%Y-%m-%d} · {people} — {plan}"


class FollowUpChoice(QComboBox):
    def __init__(self, choices: Sequence[InteractionChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(tr("Follow-up of an earlier interaction"))
        self.addItem(tr("No, not a follow-up"), None)
        for choice in choices:
            self.addItem(follow_up_label(choice), choice.id)
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, interaction_id: str | None) -> None:
        self.setCurrentIndex(max(self.findData(interaction_id), 0) if interaction_id else 0)


def parse_tags(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for tag in text.split(","):
        tag = tag.strip()[: domain.MAX_LABEL]
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def add_shortcut(widget: QWidget, keys: str, slot: Callable[[], Any]) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.activated.connect(slot)
    return shortcut


#: Marks a widget that `set_read_only` locked, so that lifting read-only unlocks only those
#: (a button disabled for its own reason stays disabled).
_LOCKED = "iptwork_read_only_locked"
#: Fields locked by `set_read_only` look it: greyed, so nobody starts typing into them.
READ_ONLY_STYLE = (
    f'QLineEdit[{_LOCKED}="true"], QPlainTextEdit[{_LOCKED}="true"], '
    f'QTextEdit[{_LOCKED}="true"], QAbstractSpinBox[{_LOCKED}="true"] '
    "{ background: palette(window); color: palette(placeholder-text); }"
)


def set_read_only(root: QWidget, read_only: bool) -> None:
    """Show every input under `root` without letting it change (a workbook opened
    read-only), or lift that again. Text stays selectable and copyable; choices, ticks,
    sliders and buttons that change something are disabled. The buttons of a dialog's
    button box (Close, Cancel) and the scroll bars are left alone."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QDialogButtonBox,
        QTabBar,
        QTextEdit,
    )

    for widget in (root, *root.findChildren(QWidget)):
        # Read-only, not disabled, where Qt allows: code that enables a field (a date
        # enabled by its tick box) cannot make it editable again.
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            if read_only and not widget.isReadOnly():
                widget.setReadOnly(True)
                widget.setProperty(_LOCKED, True)
            elif not read_only and widget.property(_LOCKED):
                widget.setReadOnly(False)
                widget.setProperty(_LOCKED, False)
            else:
                continue
            widget.style().unpolish(widget)  # the style sheet looks at the property again
            widget.style().polish(widget)
        elif isinstance(widget, QComboBox | QSlider | QListWidget) or (
            isinstance(widget, QAbstractButton)
            and not isinstance(widget.parent(), QDialogButtonBox | QTabBar)
        ):
            _lock_enabled(widget, read_only)
        elif isinstance(widget, QAbstractItemView):
            triggers = QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only and widget.editTriggers() != triggers:
                widget.setProperty(_LOCKED, int(widget.editTriggers().value))
                widget.setEditTriggers(triggers)
            elif not read_only and widget.property(_LOCKED):
                widget.setEditTriggers(QAbstractItemView.EditTrigger(int(widget.property(_LOCKED))))
                widget.setProperty(_LOCKED, None)


def _lock_enabled(widget: QWidget, read_only: bool) -> None:
    if read_only and not widget.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled):
        widget.setEnabled(False)
        widget.setProperty(_LOCKED, True)
    elif not read_only and widget.property(_LOCKED):
        widget.setEnabled(True)
        widget.setProperty(_LOCKED, False)
