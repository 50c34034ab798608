"""The sessions tab: the session log, "since we last met", and the closeness-circle
snapshots.

The log lists every session ("Session 5 of 16", date, phase, the two 1–5 ratings of how far
the focus problem has improved, how many interactions were reviewed). For the selected
session, three pages: *Since we last met* (what happened since the previous session, to open
this one with: new interactions to tick off as reviewed, mood and questionnaire changes in
plain words, life events); *Notes and homework*; and *Closeness circle* (keep today's circle
with the session, and the first and the latest kept circles side by side).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.analysis import course
from iptwork.store import records as r
from iptwork.ui import labels, theme
from iptwork.ui.closeness_circle import ClosenessCircle
from iptwork.ui.editors import TextField
from iptwork.ui.record_table import ID_ROLE, Index, RecordTableModel, record_buttons
from iptwork.ui.reload_on_show import ReloadOnShow

if TYPE_CHECKING:
    from iptwork.ui.document import Document


def tr(text: str) -> str:
    return labels.tr(text)


def session_title(number: int, planned: int | None) -> str:
    """'Session 5 of 16' (or 'Session 17, 16 planned' past the plan, 'Session 5' without)."""
    if planned is None:
        return tr("Session %1").replace("%1", str(number))
    if number > planned:
        return tr("Session %1, %2 planned").replace("%1", str(number)).replace("%2", str(planned))
    return tr("Session %1 of %2").replace("%1", str(number)).replace("%2", str(planned))


RATINGS = {
    1: "1 · not improved",
    2: "2 · a little better",
    3: "3 · somewhat better",
    4: "4 · much better",
    5: "5 · very much better",
}


def rating_text(value: int | None) -> str:
    return tr(RATINGS[value]) if value in RATINGS else tr("not rated")


class SessionsModel(RecordTableModel[r.TherapySession]):
    """The session log, in the order the sessions were held."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.planned: int | None = None
        self.titles = (
            self.tr("Session"),
            self.tr("Date"),
            self.tr("Phase"),
            self.tr("Client"),
            self.tr("Therapist"),
            self.tr("Reviewed"),
        )

    def set_sessions(self, sessions: Sequence[r.TherapySession], planned: int | None) -> None:
        self.planned = planned
        self.set_records(course.ordered(sessions))

    def session(self, row: int) -> r.TherapySession:
        return self.record(row)

    def sessions(self) -> list[r.TherapySession]:
        return self.records()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        session = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if self.planned is None:
                    return str(session.number)
                return (
                    self.tr("%1 of %2")
                    .replace("%1", str(session.number))
                    .replace("%2", str(self.planned))
                )
            if column == 1:
                return f"{session.held_on:%a %d %b %Y}"
            if column == 2:
                return labels.phase(session.phase)
            if column in (3, 4):
                value = session.client_rating if column == 3 else session.therapist_rating
                return str(value) if value is not None else "–"
            return str(len(session.interactions))
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 4):
            value = session.client_rating if column == 3 else session.therapist_rating
            return self.tr("How far the focus problem has improved: %1").replace(
                "%1", rating_text(value)
            )
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return session_title(session.number, self.planned)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return session.id
        return None


class RatingChoice(QComboBox):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.addItem(tr("Not rated"), None)
        for value in RATINGS:
            self.addItem(rating_text(value), value)

    def value(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_value(self, value: int | None) -> None:
        self.setCurrentIndex(max(self.findData(value), 0) if value is not None else 0)


class SessionDialog(QDialog):
    """A new session (number and phase suggested) or an existing one to edit."""

    def __init__(
        self,
        sessions: Sequence[r.TherapySession],
        planned: int | None,
        session: r.TherapySession | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("session-dialog")
        self._session = session
        self._planned = planned
        self._taken = {s.number for s in sessions if session is None or s.id != session.id}
        self._phase_touched = session is not None
        self.setWindowTitle(self.tr("A new session") if session is None else self.tr("Session"))
        self.resize(620, 560)
        self.number = QSpinBox()
        self.number.setRange(*domain.SESSION_NUMBER_RANGE)
        self.number.setAccessibleName(self.tr("Session number"))
        self.of_planned = QLabel()
        self.of_planned.setProperty("role", "hint")
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setAccessibleName(self.tr("Date of the session"))
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Phase"))
        for phase in domain.Phase:
            self.phase.addItem(labels.phase(phase.value), phase.value)
        self.notes = TextField(self.tr("Notes"), self.tr("What you talked about"))
        self.homework = TextField(self.tr("Homework"), self.tr("What to try before next time"))
        self.homework.setMaximumHeight(90)
        self.client_rating = RatingChoice(self.tr("Client's rating"))
        self.therapist_rating = RatingChoice(self.tr("Therapist's rating"))
        self.message = QLabel()
        self.message.setProperty("role", "problem")
        self.message.setWordWrap(True)
        self.message.hide()
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.of_planned, 1)
        form = QFormLayout()
        number_label = QLabel(self.tr("&Number"))
        number_label.setBuddy(self.number)
        form.addRow(number_label, number_row)
        form.addRow(self.tr("&Date"), self.held_on)
        form.addRow(self.tr("&Phase"), self.phase)
        form.addRow(self.tr("N&otes"), self.notes)
        form.addRow(self.tr("&Homework"), self.homework)
        ratings_hint = QLabel(
            self.tr("How far has the focus problem improved? 1 not improved … 5 very much better.")
        )
        ratings_hint.setProperty("role", "hint")
        ratings_hint.setWordWrap(True)
        form.addRow(ratings_hint)
        form.addRow(self.tr("&Client's rating"), self.client_rating)
        form.addRow(self.tr("&Therapist's rating"), self.therapist_rating)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        if session is None:
            number = course.next_number(sessions)
            self.number.setValue(number)
            self.held_on.setDate(QDate(today or date.today()))
            self._suggest_phase()
        else:
            self.number.setValue(session.number)
            self.held_on.setDate(QDate(session.held_on))
            self.phase.setCurrentIndex(max(self.phase.findData(session.phase), 0))
            self.notes.set_text(session.notes)
            self.homework.set_text(session.homework)
            self.client_rating.set_value(session.client_rating)
            self.therapist_rating.set_value(session.therapist_rating)
        self.phase.activated.connect(self._phase_chosen)
        self.number.valueChanged.connect(lambda _n: self._number_changed())
        self._number_changed()
        self.notes.setFocus()

    def _phase_chosen(self, _index: int) -> None:
        self._phase_touched = True

    def _suggest_phase(self) -> None:
        phase = course.suggested_phase(self.number.value(), self._planned)
        self.phase.setCurrentIndex(max(self.phase.findData(phase), 0))

    def _number_changed(self) -> None:
        number = self.number.value()
        if not self._phase_touched:
            self._suggest_phase()
        self.of_planned.setText(
            self.tr("of %1 planned").replace("%1", str(self._planned)) if self._planned else ""
        )
        clash = number in self._taken
        self.message.setText(
            self.tr("There is already a session %1. Choose another number.").replace(
                "%1", str(number)
            )
            if clash
            else ""
        )
        self.message.setVisible(clash)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not clash)

    def session(self) -> r.TherapySession:
        base = self._session or r.TherapySession(number=1, held_on=date.today())
        held_on: date = self.held_on.date().toPython()  # type: ignore[assignment]
        return r.TherapySession(
            number=self.number.value(),
            held_on=held_on,
            phase=str(self.phase.currentData()),
            notes=self.notes.text(),
            homework=self.homework.text(),
            interactions=base.interactions,
            client_rating=self.client_rating.value(),
            therapist_rating=self.therapist_rating.value(),
            circle=base.circle,
            id=base.id,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        sessions: Sequence[r.TherapySession],
        planned: int | None,
        session: r.TherapySession | None = None,
        today: date | None = None,
    ) -> r.TherapySession | None:
        dialog = cls(sessions, planned, session, today, parent)
        try:
            return dialog.session() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


# --- since we last met ----------------------------------------------------------------------


def _short(day: date) -> str:
    return f"{day:%a %d %b}"


def score_words(name: str, change: course.ScoreChange | None) -> str:
    """One plain sentence about the latest PHQ-9 or GAD-7 against the one before."""
    if change is None:
        return tr("%1: none filled in yet.").replace("%1", name)
    latest = change.latest
    value = (
        tr("%1 (%2) on %3")
        .replace("%1", str(latest.total))
        .replace("%2", labels.severity(latest.severity))
        .replace("%3", _short(latest.taken_on))
    )
    if not change.is_new:
        return (
            tr("%1: nothing new since the last session; the latest was %2.")
            .replace("%1", name)
            .replace("%2", value)
        )
    previous = change.previous
    if previous is None:
        return tr("%1: %2, the first one.").replace("%1", name).replace("%2", value)
    before = (
        tr("%1 (%2) on %3")
        .replace("%1", str(previous.total))
        .replace("%2", labels.severity(previous.severity))
        .replace("%3", _short(previous.taken_on))
    )
    difference = change.difference or 0
    if difference == 0:
        text = tr("%1: %2, the same as the one before.")
    elif difference < 0:
        text = tr("%1: %2, %4 lower than the one before, %3.")
    else:
        text = tr("%1: %2, %4 higher than the one before, %3.")
    points = abs(difference)
    return (
        text.replace("%1", name)
        .replace("%2", value)
        .replace("%3", before)
        .replace("%4", tr("1 point") if points == 1 else tr("%1 points").replace("%1", str(points)))
    )


def mood_words(change: course.MoodChange | None) -> str:
    if change is None or change.mean is None:
        return tr("Mood: no daily ratings in this time.")
    text = (
        tr("Mood: on average %1 of 10 (%2 days rated)")
        .replace("%1", f"{change.mean:.1f}")
        .replace("%2", str(change.count))
    )
    before = f"{change.previous_mean:.1f}" if change.previous_mean is not None else ""
    direction = change.direction
    if direction == "up":
        return text + tr(", up from %1 the time before.").replace("%1", before)
    if direction == "down":
        return text + tr(", down from %1 the time before.").replace("%1", before)
    if direction == "same":
        return text + tr(", about the same as the time before (%1).").replace("%1", before)
    return text + "."


def interaction_line(interaction: r.Interaction, names: dict[str, str]) -> str:
    people = ", ".join(names.get(p, "?") for p in interaction.people) or tr("no one named")
    said = next(
        (
            line.strip()
            for line in (interaction.said or interaction.intended).splitlines()
            if line.strip()
        ),
        "",
    )
    if len(said) > 90:
        said = said[:89].rstrip() + "…"
    if said and said[0] not in "“\"'‘«„":
        said = f"“{said}”"
    parts = [f"{interaction.occurred_at:%a %d %b, %H:%M}", people]
    if interaction.understood:
        parts.append(tr("understood: %1").replace("%1", labels.understood(interaction.understood)))
    if interaction.satisfaction is not None:
        parts.append(tr("satisfaction %1").replace("%1", str(interaction.satisfaction)))
    return " · ".join(parts) + (f" — {said}" if said else "")


def event_line(event: r.LifeEvent, names: dict[str, str]) -> str:
    when = _short(event.on)
    if event.approximate:
        when = tr("about %1").replace("%1", f"{event.on:%b %Y}")
    people = ", ".join(names.get(p, "?") for p in event.people)
    head = " · ".join(x for x in (when, labels.event_kind(event.kind), people) if x)
    return f"{head} — {event.note}" if event.note else head


def _section(text: str) -> QLabel:
    label = QLabel(text)
    theme.scale_font(label, 1.1, bold=True)
    return label


def _line(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class SincePage(QScrollArea):
    """What happened since the previous session, built from `course.since_last_meeting`."""

    mark_requested = Signal(str, bool)  # interaction id, reviewed in this session
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("since-page")
        self.setWidgetResizable(True)
        self.since: course.SinceLastMeeting | None = None
        self.heading = _section("")
        self.heading.setWordWrap(True)
        self.mood = _line("")
        self.phq9 = _line("")
        self.gad7 = _line("")
        self.item9 = _line("")
        theme.safety_box(self.item9)  # as visible in the dark theme as in the light
        self.item9.setObjectName("since-item9")
        self.events_box = QVBoxLayout()
        self.interactions_intro = _line("")
        self.held_back = _line("", "hint")
        self.list = QListWidget()
        self.list.setObjectName("since-interactions")
        self.list.setAccessibleName(self.tr("New interactions; tick those reviewed today"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(160)
        self.list.itemChanged.connect(self._ticked)
        self.review_button = QPushButton(self.tr("Review them one at a time (F11)"))
        self.review_button.clicked.connect(self.review_requested)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addSpacing(4)
        layout.addWidget(_section(self.tr("How things have been")))
        for label in (self.mood, self.phq9, self.gad7, self.item9):
            layout.addWidget(label)
        layout.addSpacing(6)
        layout.addWidget(_section(self.tr("What happened")))
        layout.addLayout(self.events_box)
        layout.addSpacing(6)
        layout.addWidget(_section(self.tr("Interactions to look at")))
        layout.addWidget(self.interactions_intro)
        layout.addWidget(self.held_back)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._filling = False

    def show_since(
        self,
        since: course.SinceLastMeeting,
        names: dict[str, str],
        is_latest: bool,
        read_only: bool = False,
    ) -> None:
        self.since = since
        session = since.session
        if since.previous is None:
            heading = self.tr("Before the first session: everything up to %1.").replace(
                "%1", labels.day(session.held_on)
            )
        else:
            heading = (
                self.tr("Since we last met: from session %1 (%2) to session %3 (%4).")
                .replace("%1", str(since.previous.number))
                .replace("%2", labels.day(since.previous.held_on))
                .replace("%3", str(session.number))
                .replace("%4", labels.day(session.held_on))
            )
        self.heading.setText(heading)
        self.mood.setText(mood_words(since.mood))
        self.phq9.setText(score_words("PHQ-9", since.phq9))
        self.gad7.setText(score_words("GAD-7", since.gad7))
        alert = since.phq9 is not None and since.phq9.is_new and since.phq9.latest.item9_positive
        self.item9.setVisible(alert)
        if alert and since.phq9 is not None:
            self.item9.setText(
                self.tr(
                    "In the PHQ-9 of %1, question 9 (thoughts of being better off dead or of "
                    "self-harm) was answered above 0. Talk about it first."
                ).replace("%1", _short(since.phq9.latest.taken_on))
            )
        while self.events_box.count():
            item = self.events_box.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for event in since.events:
            self.events_box.addWidget(_line(event_line(event, names)))
        if not since.events:
            self.events_box.addWidget(_line(self.tr("No life events written down in this time.")))
        count = len(since.interactions)
        self.interactions_intro.setText(
            self.tr("No new interactions in this time.")
            if count == 0
            else labels.counted(
                count,
                self.tr(
                    "1 new interaction, not looked at in an earlier session. Tick it if you "
                    "review it in session %2."
                ),
                self.tr(
                    "%n new interactions, not looked at in an earlier session. Tick those you "
                    "review in session %2."
                ),
            ).replace("%2", str(session.number))
        )
        self.held_back.setText(
            labels.counted(
                since.held_back,
                self.tr("1 private interaction in this time is held back and not shown."),
                self.tr("%n private interactions in this time are held back and not shown."),
            )
        )
        self.held_back.setVisible(since.held_back > 0)
        self._filling = True
        try:
            self.list.clear()
            reviewed = set(session.interactions)
            for interaction in since.interactions:
                item = QListWidgetItem(interaction_line(interaction, names))
                item.setData(ID_ROLE, interaction.id)
                if not read_only:  # a workbook open elsewhere is looked at, not changed
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if interaction.id in reviewed else Qt.CheckState.Unchecked
                )
                self.list.addItem(item)
        finally:
            self._filling = False
        self.list.setVisible(count > 0)
        self.review_button.setVisible(count > 0 and is_latest)

    def _ticked(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.mark_requested.emit(
                str(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked
            )


# --- the closeness circle ------------------------------------------------------------------


class SnapshotCircle(ClosenessCircle):
    """A kept circle, read-only: the live circle's drawing without dragging or keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(240, 240)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_placements(self, placements: Sequence[r.Placement]) -> None:
        self.set_people(
            [
                r.Person(
                    name=p.name,
                    closeness=p.closeness,
                    support=p.support,
                    conflict=p.conflict,
                    id=p.person or f"kept-{n}",
                )
                for n, p in enumerate(placements)
            ]
        )
        self.setToolTip("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()


def moves_words(moves: Sequence[course.CircleMove]) -> str:
    if not moves:
        return tr("No one moved to another ring between the two.")
    parts = []
    for move in moves:
        if move.before == 0:
            parts.append(
                tr("%1 joined the %2")
                .replace("%1", move.name)
                .replace("%2", labels.closeness(move.after).lower())
            )
        elif move.after == 0:
            parts.append(tr("%1 is no longer in the circle").replace("%1", move.name))
        else:
            closer = move.after < move.before
            parts.append(
                (
                    tr("%1 moved closer (%2 → %3)")
                    if closer
                    else tr("%1 moved further out (%2 → %3)")
                )
                .replace("%1", move.name)
                .replace("%2", labels.closeness(move.before).lower())
                .replace("%3", labels.closeness(move.after).lower())
            )
    return "; ".join(parts) + "."


class CirclePage(QWidget):
    snapshot_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keep_button = QPushButton(self.tr("&Keep today's circle with this session"))
        self.keep_button.setObjectName("keep-circle")
        self.keep_button.clicked.connect(self.snapshot_requested)
        self.kept = _line("", "hint")
        self.first_title = QLabel()
        self.latest_title = QLabel()
        for title in (self.first_title, self.latest_title):
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        self.first = SnapshotCircle()
        self.first.setAccessibleName(self.tr("The first kept circle"))
        self.latest = SnapshotCircle()
        self.latest.setAccessibleName(self.tr("The latest kept circle"))
        self.moves = _line("")
        self.empty = _line(
            self.tr(
                "No circle kept yet. In a session, press “Keep today's circle with this "
                "session”; once there are two, the first and the latest are shown side by side."
            ),
            "hint",
        )
        grid = QGridLayout()
        grid.addWidget(self.first_title, 0, 0)
        grid.addWidget(self.latest_title, 0, 1)
        grid.addWidget(self.first, 1, 0)
        grid.addWidget(self.latest, 1, 1)
        grid.setRowStretch(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.keep_button)
        top.addWidget(self.kept, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addLayout(grid, 1)
        layout.addWidget(self.moves)

    def show_circles(
        self, session: r.TherapySession | None, sessions: Sequence[r.TherapySession]
    ) -> None:
        self.keep_button.setEnabled(session is not None)
        self.kept.setText(
            self.tr("A circle is kept with this session; keeping today's replaces it.")
            if session is not None and session.circle
            else ""
        )
        kept = [s for s in course.ordered(sessions) if s.circle]
        several = len(kept) > 1
        self.empty.setVisible(not kept)
        for widget in (self.first, self.first_title):
            widget.setVisible(bool(kept))
        for widget in (self.latest, self.latest_title, self.moves):
            widget.setVisible(several)
        if not kept:
            return
        first, last = kept[0], kept[-1]
        self.first.set_placements(first.circle)
        caption = (
            self.tr("First: session %1, %2")
            if several
            else self.tr("Session %1, %2 (keep another one later to compare)")
        )
        self.first_title.setText(
            caption.replace("%1", str(first.number)).replace("%2", labels.day(first.held_on))
        )
        if several:
            self.latest.set_placements(last.circle)
            self.latest_title.setText(
                self.tr("Latest: session %1, %2")
                .replace("%1", str(last.number))
                .replace("%2", labels.day(last.held_on))
            )
            self.moves.setText(moves_words(course.circle_moves(first.circle, last.circle)))


# --- the tab ---------------------------------------------------------------------------------


class SessionsView(ReloadOnShow, QWidget):
    RELOAD_ON = frozenset({"sessions", "interactions", "measures", "events", "people", "sheets"})
    new_requested = Signal()
    edit_requested = Signal(str)  # session id
    delete_requested = Signal(str)
    mark_requested = Signal(str, str, bool)  # session id, interaction id, reviewed
    snapshot_requested = Signal(str)
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessions-view")
        self._document: Document | None = None
        self._stale = True
        self._names: dict[str, str] = {}
        self._reloading = False
        self.model = SessionsModel(self)
        self.table = QTableView()
        self.table.setObjectName("sessions-table")
        self.table.setAccessibleName(self.tr("Session log"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        # Every column keeps room for its words (the list scrolls sideways when narrow);
        # the last one takes what is left.
        header.setStretchLastSection(True)
        theme.set_column_widths(self.table, {0: 70, 1: 118, 2: 130, 3: 52, 4: 72, 5: 70})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.table.doubleClicked.connect(lambda _i: self._edit_current())
        buttons, self.new_button, self.edit_button, self.delete_button = record_buttons(
            self.tr("&New session…"),
            self.new_requested.emit,
            self._edit_current,
            self._delete_current,
        )
        self.course_line = _line("", "hint")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.course_line)
        left_layout.addLayout(buttons)

        self.title = _section("")
        self.title.setObjectName("session-title")
        self.since = SincePage()
        self.since.mark_requested.connect(self._mark)
        self.since.review_requested.connect(self.review_requested)
        self.notes = QTextBrowser()
        self.notes.setObjectName("session-notes")
        self.notes.setOpenLinks(False)
        self.circle = CirclePage()
        self.circle.snapshot_requested.connect(self._snapshot)
        self.pages = QTabWidget()
        self.pages.addTab(self.since, self.tr("Since we last met"))
        self.pages.addTab(self.notes, self.tr("Notes and homework"))
        self.pages.addTab(self.circle, self.tr("Closeness circle"))
        self.empty = QLabel()
        self.empty.setObjectName("empty-note")
        theme.scale_font(self.empty, theme.EMPTY_NOTE)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.pages, 1)
        right_layout.addWidget(self.empty, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([470, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_current()

    # --- data -------------------------------------------------------------------------

    def _read_only(self) -> bool:
        """A workbook opened read-only (open elsewhere) is looked at, not changed."""
        return self._document is not None and self._document.workbook.read_only

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._stale = True
        self.new_button.setEnabled(not self._read_only())
        if document is None:
            self.model.set_sessions([], None)
            self._show_current()
        elif self.isVisible():
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._document is not None:
            self._show_current()  # the notes' HTML carries a colour of the theme

    def reload(self) -> None:
        document = self._document
        if document is None:
            return
        self._stale = False
        current = self.current_id()
        planned = course.planned_sessions(document.meta(), document.formulation())
        self.model.set_sessions(document.sessions(), planned)
        self._names = {p.id: p.name for p in document.people()}
        row = self.model.row_of(current) if current else -1
        if row < 0:  # the session being held: the latest one up to today
            held = [s for s in self.model.sessions() if s.held_on <= date.today()]
            row = self.model.row_of(held[-1].id) if held else self.model.rowCount() - 1
        self._reloading = True  # one _show_current below, not one more for the row change
        try:
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._reloading = False
        self._show_course_line(planned)
        self._show_current()

    def _row_changed(self) -> None:
        if not self._reloading:
            self._show_current()

    def _show_course_line(self, planned: int | None) -> None:
        sessions = self.model.sessions()
        if not sessions:
            self.course_line.setText("")
            return
        latest = course.latest(sessions)
        assert latest is not None
        text = labels.counted(
            len(sessions), self.tr("1 session so far"), self.tr("%n sessions so far")
        )
        if planned:
            text += self.tr(" of %1 planned").replace("%1", str(planned))
        text += self.tr("; the latest: %1.").replace("%1", labels.day(latest.held_on))
        self.course_line.setText(text)

    def select(self, session_id: str) -> None:
        row = self.model.row_of(session_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.model.data(index, ID_ROLE)) if index.isValid() else None

    def current(self) -> r.TherapySession | None:
        index = self.table.currentIndex()
        return self.model.session(index.row()) if index.isValid() else None

    def _show_current(self) -> None:
        session = self.current()
        has = session is not None
        self.pages.setVisible(has)
        self.title.setVisible(has)
        self.empty.setVisible(not has)
        self.empty.setText(
            self.tr(
                "No sessions in this workbook. It is open read-only, so none can be added "
                "here: open it for editing to add one."
            )
            if self._read_only()
            else self.tr(
                "No sessions yet. Add one with “New session…”: the number and the phase are "
                "suggested, and the first page then gathers what happened since the last one."
            )
        )
        self.edit_button.setEnabled(has and not self._read_only())
        self.delete_button.setEnabled(has and not self._read_only())
        sessions = self.model.sessions()
        self.circle.show_circles(session, sessions)
        document = self._document
        if session is None or document is None:
            return
        phase = labels.phase(session.phase)
        self.title.setText(
            f"{session_title(session.number, self.model.planned)} · {phase} · "
            f"{labels.day(session.held_on)}"
        )
        self.notes.setHtml(self._notes_html(session, document))
        previous = course.previous_of(sessions, session)
        start = previous.held_on if previous else None
        contents = r.Contents(
            interactions=tuple(document.interactions_between(start, session.held_on)),
            events=tuple(document.events()),
            sessions=tuple(sessions),
            phq9=tuple(document.phq9s()),
            gad7=tuple(document.gad7s()),
            moods=tuple(document.moods()),
        )
        latest = course.latest(sessions)
        self.since.show_since(
            course.since_last_meeting(contents, session.id),
            self._names,
            latest is not None and latest.id == session.id,
            document.workbook.read_only,
        )
        self.circle.keep_button.setEnabled(not document.workbook.read_only)

    def _notes_html(self, session: r.TherapySession, document: Document) -> str:
        nothing = html.escape(self.tr("Nothing written yet."))
        muted = theme.tints(self.notes.palette()).muted  # readable on its base, light or dark

        def block(title: str, text: str) -> str:
            body = (
                html.escape(text).replace("\n", "<br>")
                if text.strip()
                else f"<span style='color:{muted}'>{nothing}</span>"
            )
            return f"<h3>{html.escape(title)}</h3><p>{body}</p>"

        parts = [
            "<p>"
            + html.escape(
                self.tr("Client's rating: %1").replace("%1", rating_text(session.client_rating))
            )
            + "<br>"
            + html.escape(
                self.tr("Therapist's rating: %1").replace(
                    "%1", rating_text(session.therapist_rating)
                )
            )
            + "</p>",
            block(self.tr("Notes"), session.notes),
            block(self.tr("Homework"), session.homework),
        ]
        rows = document.summaries(list(session.interactions))
        parts.append(f"<h3>{html.escape(self.tr('Interactions reviewed in this session'))}</h3>")
        if rows:
            items = "".join(
                "<li>"
                + html.escape(
                    f"{row.occurred_at:%a %d %b} · {', '.join(row.people) or '–'} — {row.said}"
                )
                + "</li>"
                for row in sorted(rows, key=lambda x: x.occurred_at)
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{html.escape(self.tr('None marked yet.'))}</p>")
        return "".join(parts)

    # --- requests -----------------------------------------------------------------------

    def _edit_current(self) -> None:
        session_id = self.current_id()
        if session_id and not self._read_only():
            self.edit_requested.emit(session_id)

    def _delete_current(self) -> None:
        session_id = self.current_id()
        if session_id and not self._read_only():
            self.delete_requested.emit(session_id)

    def _mark(self, interaction_id: str, reviewed: bool) -> None:
        session_id = self.current_id()
        if session_id and not self._read_only():
            self.mark_requested.emit(session_id, interaction_id, reviewed)

    def _snapshot(self) -> None:
        session_id = self.current_id()
        if session_id and not self._read_only():
            self.snapshot_requested.emit(session_id)
