"""The PHQ-9 and the GAD-7, filled in inside the app, and their history.

One question at a time (the keys 0–3 answer and move on; Backspace goes back) or all at
once as a form. The total and its severity band are then shown in plain words. **Any
answer above 0 on PHQ-9 item 9 (thoughts of self-harm) shows, every time and before
anything else, a calm message urging the person to contact their clinician or local
emergency services now** (`alerts.safety_message`): the moment the answer is given, before
the next question, before the score, before anything is saved. iptwork never pretends to be
a crisis service; the message says so.

The item wording is the standard, public-domain one, from `domain` (the printable
worksheets print the same words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.store import records as r
from iptwork.ui import alerts, labels, theme
from iptwork.ui.figure_panel import FigurePanel
from iptwork.ui.record_table import ID_ROLE, Index, RecordTableModel
from iptwork.ui.reload_on_show import ReloadOnShow

if TYPE_CHECKING:
    from iptwork.ui.document import Document
    from iptwork.ui.ops import Ops

KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
PHQ9, GAD7, MOOD = "phq9", "gad7", "mood"
QUESTIONNAIRES = "phq9 gad7"  # the history filter that keeps both questionnaires
ITEM9 = 8  # the index of PHQ-9 item 9 (thoughts of self-harm)
NAMES = {PHQ9: "PHQ-9", GAD7: "GAD-7"}
PHQ9_MAX = 3 * domain.PHQ9_ITEMS
GAD7_MAX = 3 * domain.GAD7_ITEMS


def tr(text: str) -> str:
    return labels.tr(text)


@dataclass(frozen=True)
class Form:
    """What differs between the two questionnaires."""

    key: str
    name: str
    about: str  # what it measures, in plain words
    question: str
    items: tuple[str, ...]
    maximum: int
    bands: tuple[tuple[int, str], ...]
    difficulty: tuple[str, tuple[str, ...]] | None = None  # PHQ-9's optional last question


def form(key: str) -> Form:
    if key == PHQ9:
        return Form(
            PHQ9,
            "PHQ-9",
            tr("depression"),
            tr(domain.PHQ9_QUESTION),
            tuple(tr(t) for t in domain.PHQ9_ITEM_TEXTS),
            PHQ9_MAX,
            domain.PHQ9_BANDS,
            (tr(domain.DIFFICULTY_QUESTION), tuple(tr(t) for t in domain.DIFFICULTY_SCALE)),
        )
    return Form(
        GAD7,
        "GAD-7",
        tr("anxiety"),
        tr(domain.GAD7_QUESTION),
        tuple(tr(t) for t in domain.GAD7_ITEM_TEXTS),
        GAD7_MAX,
        domain.GAD7_BANDS,
    )


def bands_text(bands: tuple[tuple[int, str], ...], maximum: int) -> str:
    """'0–4 minimal, 5–9 mild, …'."""
    parts = []
    for n, (low, word) in enumerate(bands):
        high = bands[n + 1][0] - 1 if n + 1 < len(bands) else maximum
        parts.append(f"{low}–{high} {labels.severity(word)}")
    return ", ".join(parts)


def score_sentence(name: str, about: str, score: domain.Score, maximum: int) -> str:
    return (
        tr("Your %1 total is %2 of %3: %4 %5 symptoms.")
        .replace("%1", name)
        .replace("%2", str(score.total))
        .replace("%3", str(maximum))
        .replace("%4", labels.severity(score.severity))
        .replace("%5", about)
    )


def scale() -> tuple[str, ...]:
    return tuple(tr(t) for t in domain.ITEM_SCALE)


class QuestionnaireDialog(QDialog):
    """Fill in one PHQ-9 or GAD-7; `ask` returns the record to save, or None."""

    def __init__(self, key: str, today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form(key)
        self.setObjectName(f"questionnaire-{key}")
        self.setWindowTitle(self.tr("%1: how you have been").replace("%1", self.form.name))
        self.resize(760, 540)
        count = len(self.form.items)
        self.answers: list[int | None] = [None] * count
        self.difficulty: int | None = None
        self.step = 0  # 0…count-1: the items; count: the difficulty question (PHQ-9)
        self._result: r.Phq9 | r.Gad7 | None = None

        title = QLabel(
            self.tr("%1 (%2)").replace("%1", self.form.name).replace("%2", self.form.about)
        )
        theme.scale_font(title, 1.3, bold=True)
        self.taken_on = QDateEdit()
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat("yyyy-MM-dd")
        self.taken_on.setDate(QDate(today or date.today()))
        self.taken_on.setMaximumDate(QDate(date.today()))
        self.taken_on.setAccessibleName(self.tr("Date filled in"))
        self.taken_on.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.all_at_once = QCheckBox(self.tr("Show all &questions at once"))
        self.all_at_once.toggled.connect(self._switch_mode)
        self.all_at_once.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(QLabel(self.tr("Date:")))
        header.addWidget(self.taken_on)
        header.addSpacing(12)
        header.addWidget(self.all_at_once)
        lead = QLabel(self.form.question)
        lead.setWordWrap(True)

        self.pages = QStackedWidget()
        self.step_page = self._make_step_page()
        self.form_page = self._make_form_page()
        self.result_page = self._make_result_page()
        for page in (self.step_page, self.form_page, self.result_page):
            self.pages.addWidget(page)

        copyright_line = QLabel(domain.QUESTIONNAIRE_COPYRIGHT)
        copyright_line.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(lead)
        layout.addWidget(self.pages, 1)
        layout.addWidget(copyright_line)
        self._show_step()

    # --- one question at a time -------------------------------------------------------

    def _make_step_page(self) -> QWidget:
        page = QWidget()
        self.progress = QLabel()
        self.progress.setProperty("role", "hint")
        self.item_text = QLabel()
        self.item_text.setObjectName("questionnaire-item")
        self.item_text.setWordWrap(True)
        theme.scale_font(self.item_text, 1.45)
        self.item_text.setMinimumHeight(90)
        self.item_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.choice_buttons: list[QPushButton] = []
        choices = QVBoxLayout()
        choices.setSpacing(6)
        for value in range(4):
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(40)
            button.setStyleSheet("text-align: left; padding-left: 12px;")
            button.clicked.connect(lambda _c=False, v=value: self.answer(v))
            choices.addWidget(button)
            self.choice_buttons.append(button)
        keys = QLabel(self.tr("Keys 0–3 answer and go on; Backspace goes back."))
        keys.setProperty("role", "hint")
        self.back_button = QPushButton(self.tr("‹ &Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.skip_button = QPushButton(self.tr("&Skip this question"))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self._skip_difficulty)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(keys)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress)
        layout.addWidget(self.item_text)
        layout.addLayout(choices)
        layout.addStretch(1)
        layout.addLayout(nav)
        return page

    def _show_step(self) -> None:
        count = len(self.form.items)
        on_difficulty = self.step >= count
        if on_difficulty and self.form.difficulty is not None:
            question, options = self.form.difficulty
            self.progress.setText(self.tr("One last question (you may skip it)"))
            self.item_text.setText(question)
            texts = options
            chosen = self.difficulty
        else:
            self.progress.setText(
                self.tr("Question %1 of %2")
                .replace("%1", str(self.step + 1))
                .replace("%2", str(count))
            )
            self.item_text.setText(self.form.items[self.step])
            texts = scale()
            chosen = self.answers[self.step]
        for value, (button, text) in enumerate(zip(self.choice_buttons, texts, strict=True)):
            button.setText(f"{value}   {text}")
            button.setChecked(value == chosen)
        self.back_button.setEnabled(self.step > 0)
        self.skip_button.setVisible(on_difficulty)
        self.pages.setCurrentWidget(self.step_page)
        target = self.choice_buttons[chosen if chosen is not None else 0]
        target.setFocus()

    def answer(self, value: int) -> None:
        """The answer to the question on screen; then the next question (or the score)."""
        count = len(self.form.items)
        if self.step >= count:
            self.difficulty = value
            self._finish()
            return
        self.answers[self.step] = value
        self._after_answer(self.step, value)
        self.step += 1
        if self.step < count:
            self._show_step()
        elif self.form.difficulty is not None and any(self.answers):
            self._show_step()  # the difficulty question is asked only if a problem was ticked
        else:
            self.difficulty = None
            self._finish()

    def _after_answer(self, index: int, value: int) -> None:
        """Item 9 above 0: the safety message, now, before anything else happens."""
        if self.form.key == PHQ9 and index == ITEM9 and value > 0:
            alerts.safety_message(self)

    def back(self) -> None:
        if self.pages.currentWidget() is self.result_page:
            if self.all_at_once.isChecked():
                self.pages.setCurrentWidget(self.form_page)
                return
            count = len(self.form.items)
            asked = self.form.difficulty is not None and any(self.answers)
            self.step = count if asked else count - 1
        elif self.step > 0:
            self.step -= 1
        self._show_step()

    def _skip_difficulty(self) -> None:
        self.difficulty = None
        self._finish()

    # --- all at once ------------------------------------------------------------------

    def _make_form_page(self) -> QWidget:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setColumnStretch(0, 1)
        for column in range(1, 5):
            grid.setColumnMinimumWidth(column, 80)
        for value, text in enumerate(scale()):
            heading = QLabel(f"{value}\n{text}")
            heading.setWordWrap(True)
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            heading.setProperty("role", "hint")
            heading.setMaximumWidth(96)
            grid.addWidget(heading, 0, value + 1)
        self.groups: list[QButtonGroup] = []
        for index, text in enumerate(self.form.items):
            label = QLabel(f"{index + 1}. {text}")
            label.setWordWrap(True)
            grid.addWidget(label, index + 1, 0)
            group = QButtonGroup(self)
            for value in range(4):
                radio = QRadioButton()
                radio.setAccessibleName(
                    self.tr("Question %1: %2")
                    .replace("%1", str(index + 1))
                    .replace("%2", scale()[value])
                )
                group.addButton(radio, value)
                grid.addWidget(radio, index + 1, value + 1, Qt.AlignmentFlag.AlignCenter)
            group.idClicked.connect(lambda value, i=index: self._form_answer(i, value))
            self.groups.append(group)
        self.difficulty_group: QButtonGroup | None = None
        row = len(self.form.items) + 1
        if self.form.difficulty is not None:
            question, options = self.form.difficulty
            label = QLabel(question + " " + self.tr("(you may leave this one out)"))
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            self.difficulty_group = QButtonGroup(self)
            for value, text in enumerate(options):
                radio = QRadioButton(text)
                radio.setAccessibleName(text)
                self.difficulty_group.addButton(radio, value)
                grid.addWidget(radio, row + 1 + value // 2, 1 + (value % 2) * 2, 1, 2)
            self.difficulty_group.idClicked.connect(self._form_difficulty)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.form_hint = QLabel()
        self.form_hint.setProperty("role", "hint")
        self.score_button = QPushButton(self.tr("See the &score"))
        self.score_button.clicked.connect(self._finish)
        bottom = QHBoxLayout()
        bottom.addWidget(self.form_hint, 1)
        bottom.addWidget(self.score_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        return page

    def _form_answer(self, index: int, value: int) -> None:
        self.answers[index] = value
        self._after_answer(index, value)
        self._update_form_hint()

    def _form_difficulty(self, value: int) -> None:
        self.difficulty = value

    def _update_form_hint(self) -> None:
        missing = [str(n + 1) for n, a in enumerate(self.answers) if a is None]
        self.score_button.setEnabled(not missing)
        self.form_hint.setText(
            self.tr("Still to answer: %1").replace("%1", ", ".join(missing)) if missing else ""
        )

    def _sync_form(self) -> None:
        for group, value in zip(self.groups, self.answers, strict=True):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(group.id(button) == value)
            group.setExclusive(True)
        if self.difficulty_group is not None:
            group = self.difficulty_group
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(group.id(button) == self.difficulty)
            group.setExclusive(True)
        self._update_form_hint()

    def _switch_mode(self, all_at_once: bool) -> None:
        if self.pages.currentWidget() is self.result_page:
            return
        if all_at_once:
            self._sync_form()
            self.pages.setCurrentWidget(self.form_page)
        else:
            missing = [n for n, a in enumerate(self.answers) if a is None]
            self.step = missing[0] if missing else len(self.form.items) - 1
            self._show_step()

    # --- the score --------------------------------------------------------------------

    def _make_result_page(self) -> QWidget:
        page = QWidget()
        self.total_label = QLabel()
        self.total_label.setObjectName("questionnaire-total")
        theme.scale_font(self.total_label, 1.45, bold=True)
        self.total_label.setWordWrap(True)
        self.bands_label = QLabel()
        self.bands_label.setWordWrap(True)
        self.bands_label.setProperty("role", "hint")
        about = QLabel(
            self.tr(
                "This is a way to follow how you are from week to week, not a diagnosis. "
                "Look at it together with your therapist."
            )
        )
        about.setWordWrap(True)
        self.item9_note = QLabel(tr(domain.ITEM9_MESSAGE))
        self.item9_note.setObjectName("item9-note")
        theme.safety_box(self.item9_note)  # as visible in the dark theme as in the light
        self.item9_note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        change = QPushButton(self.tr("‹ Change an &answer"))
        change.setAutoDefault(False)
        change.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(change)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.item9_note)  # first: before the score, as everywhere
        layout.addWidget(self.total_label)
        layout.addWidget(self.bands_label)
        layout.addSpacing(8)
        layout.addWidget(about)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def record(self) -> r.Phq9 | r.Gad7 | None:
        """The questionnaire as answered so far, or None while a question is unanswered."""
        if any(a is None for a in self.answers):
            return None
        items = tuple(a for a in self.answers if a is not None)
        taken_on: date = self.taken_on.date().toPython()  # type: ignore[assignment]
        if self.form.key == PHQ9:
            return r.Phq9(taken_on, items, self.difficulty)
        return r.Gad7(taken_on, items)

    def _finish(self) -> None:
        record = self.record()
        if record is None:
            return
        score = record.score
        self.total_label.setText(
            score_sentence(self.form.name, self.form.about, score, self.form.maximum)
        )
        self.bands_label.setText(
            self.tr("%1 totals: %2.")
            .replace("%1", self.form.name)
            .replace("%2", bands_text(self.form.bands, self.form.maximum))
        )
        self.item9_note.setVisible(isinstance(record, r.Phq9) and record.item9_positive)
        self.pages.setCurrentWidget(self.result_page)
        self.save_button.setFocus()

    def _save(self) -> None:
        self._result = self.record()
        if self._result is not None:
            self.accept()

    # --- keys and closing -------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pages.currentWidget() is self.step_page and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            text = event.text()
            if len(text) == 1 and text in "0123":
                self.answer(int(text))
                return
            if event.key() == Qt.Key.Key_Backspace:
                self.back()
                return
        super().keyPressEvent(event)

    def reject(self) -> None:
        started = any(a is not None for a in self.answers)
        if started and not alerts.confirm(
            self,
            self.tr("Stop here?"),
            self.tr("Your answers to this questionnaire will not be kept."),
            self.tr("Stop without saving"),
        ):
            return
        super().reject()

    @classmethod
    def ask(
        cls, parent: QWidget | None, key: str, today: date | None = None
    ) -> r.Phq9 | r.Gad7 | None:
        dialog = cls(key, today, parent)
        try:
            return dialog._result if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


# --- the history -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    kind: str  # PHQ9, GAD7 or MOOD
    id: str
    on: date
    total: int
    maximum: int
    severity: str  # '' for moods
    alert: bool = False  # PHQ-9 item 9 above 0
    note: str = ""


def rows_of(phq9: Sequence[r.Phq9], gad7: Sequence[r.Gad7], moods: Sequence[r.Mood]) -> list[Row]:
    rows = [
        Row(PHQ9, q.id, q.taken_on, q.score.total, PHQ9_MAX, q.score.severity, q.item9_positive)
        for q in phq9
    ]
    rows += [Row(GAD7, q.id, q.taken_on, q.score.total, GAD7_MAX, q.score.severity) for q in gad7]
    rows += [Row(MOOD, m.id, m.on, m.rating, 10, "", note=m.note) for m in moods]
    rows.sort(key=lambda x: (x.on, x.kind), reverse=True)
    return rows


class ScoresModel(RecordTableModel[Row]):
    """Every PHQ-9, GAD-7 and mood rating, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = (
            self.tr("Date"),
            self.tr("What"),
            self.tr("Score"),
            self.tr("In plain words"),
        )

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.set_records(rows)

    def row(self, number: int) -> Row:
        return self.record(number)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return labels.day(row.on)
            if column == 1:
                return NAMES.get(row.kind, self.tr("Mood"))
            if column == 2:
                return f"{row.total} / {row.maximum}"
            if row.kind == MOOD:
                return row.note
            words = (
                self.tr("%1 depression symptoms")
                if row.kind == PHQ9
                else self.tr("%1 anxiety symptoms")
            ).replace("%1", labels.severity(row.severity))
            return words + (self.tr(" · item 9 above 0") if row.alert else "")
        if role == SORT_ROLE:
            return (row.on.isoformat(), row.kind, row.total, row.severity)[column]
        if role == ID_ROLE:
            return row.id
        if role == KIND_ROLE:
            return row.kind
        if role == Qt.ItemDataRole.ForegroundRole and row.alert and column == 3:
            return QColor(theme.tints().alert)  # on the base colour, light or dark
        return None


class KindFilter(QSortFilterProxyModel):
    """Sorts by each column's sort key and keeps the rows of one kind (or all)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = QUESTIONNAIRES  # space-separated kinds to keep; "" keeps every row
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.kind:
            return True
        model = self.sourceModel()
        return str(model.index(source_row, 0, source_parent).data(KIND_ROLE)) in self.kind.split()


class QuestionnairesView(ReloadOnShow, QWidget):
    """The questionnaires tab: fill one in, rate today's mood, see and chart the history."""

    RELOAD_ON = frozenset({"measures", "interactions", "people"})

    take_requested = Signal(str)  # PHQ9 or GAD7
    mood_requested = Signal()
    delete_requested = Signal(str, str)  # kind, id

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaires-view")
        self._ops = ops
        self._document: Document | None = None
        self._stale = True
        self._generation = 0
        self.chart_loading = False
        take_phq9 = QPushButton(self.tr("Fill in the PHQ-9 (depression)…"))
        take_phq9.clicked.connect(lambda: self.take_requested.emit(PHQ9))
        take_gad7 = QPushButton(self.tr("Fill in the GAD-7 (anxiety)…"))
        take_gad7.clicked.connect(lambda: self.take_requested.emit(GAD7))
        mood = QPushButton(self.tr("How are you today? (Ctrl+M)"))
        mood.clicked.connect(self.mood_requested)
        self.record_buttons = (take_phq9, take_gad7, mood)
        top = QHBoxLayout()
        for button in self.record_buttons:
            top.addWidget(button)
        top.addStretch(1)
        self.model = ScoresModel(self)
        self.proxy = KindFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("scores-table")
        self.table.setAccessibleName(self.tr("Questionnaires and moods"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        theme.set_column_widths(self.table, {0: 130, 1: 70, 2: 60})
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Show"))
        for text, key in (
            (self.tr("PHQ-9 and GAD-7"), QUESTIONNAIRES),
            ("PHQ-9", PHQ9),
            ("GAD-7", GAD7),
            (self.tr("Daily moods"), MOOD),
            (self.tr("Everything"), ""),
        ):
            self.kind.addItem(text, key)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind.currentData())
        )
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self._delete_current)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:")))
        filter_row.addWidget(self.kind, 1)
        filter_row.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.table, 1)

        self.measure = QComboBox()
        self.measure.setAccessibleName(self.tr("Chart"))
        self.measure.addItem(self.tr("PHQ-9 and satisfaction over time"), PHQ9)
        self.measure.addItem(self.tr("GAD-7 and satisfaction over time"), GAD7)
        self.measure.currentIndexChanged.connect(lambda _i: self._draw())
        self.chart = FigurePanel(self.tr("Questionnaire history chart"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.measure)
        right_layout.addWidget(self.chart, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([470, 780])
        splitter.setChildrenCollapsible(False)
        note = QLabel(
            self.tr(
                "These questionnaires follow how you are over the weeks; they are not a "
                "diagnosis. If you answer question 9 of the PHQ-9 with anything other than "
                "“Not at all”, please contact your clinician today."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        copyright_line = QLabel(domain.QUESTIONNAIRE_COPYRIGHT)
        copyright_line.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        layout.addWidget(copyright_line)

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._generation += 1
        self._stale = True
        # A workbook opened read-only (open elsewhere): scores are shown, none added.
        read_only = document is not None and document.workbook.read_only
        for button in (*self.record_buttons, self.delete_button):
            button.setEnabled(not read_only)
        if document is None:
            self.model.set_rows([])
            self.chart.show_message("")
        elif self.isVisible():
            self.reload()

    def reload(self) -> None:
        document = self._document
        if document is None:
            return
        self._stale = False
        self.model.set_rows(rows_of(document.phq9s(), document.gad7s(), document.moods()))
        self._draw()

    def _draw(self) -> None:
        document = self._document
        if document is None:
            return
        self._generation += 1
        generation = self._generation
        measure = str(self.measure.currentData())
        self.chart_loading = True
        if self.chart.figure is None:
            self.chart.show_message(self.tr("Drawing the chart…"))

        def build() -> Any:
            from iptwork.analysis import charts

            return charts.satisfaction_symptoms_chart(document.course_contents(), measure=measure)

        def done(chart: Any) -> None:
            if generation != self._generation:
                return
            self.chart_loading = False
            self.chart.show_figure(chart.figure, chart.description)

        def failed(error: Exception) -> None:
            self.chart_loading = False
            self.chart.show_message(str(error))

        self._ops.run(build, done, failed)

    def current(self) -> Row | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.row(source.row())

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _delete_current(self) -> None:
        row = self.current()
        read_only = self._document is not None and self._document.workbook.read_only
        if row is not None and not read_only:
            self.delete_requested.emit(row.kind, row.id)
