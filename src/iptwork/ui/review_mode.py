"""Review mode, for the therapist in session (F11): one interaction at a time, in large type.

What the client wanted them to understand, what they said, what the other person said and
what the client heard stand side by side, so the gaps between them can be seen; the
emotions and the communication problems beside them; a therapist's note below, set apart
from the client's words (its own colour and heading) and saved as it is typed (undoable).
Previous / Next (arrow keys, PageUp / PageDown), "Reviewed in session N", Esc to leave.

Private interactions are never shown here: a line says how many were held back.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iptwork.analysis import course
from iptwork.store import records as r
from iptwork.ui import labels, theme
from iptwork.ui.editors import TextField

if TYPE_CHECKING:
    from iptwork.ui.document import Document

SAVE_DELAY_MS = 700
NEW, ALL = "new", "all"
LARGE = 1.5  # the client's words, relative to the normal font

#: Palette roles and translucent tints only, so that it reads in the light and the dark
#: theme alike: the client's words on the base colour, the side panel on the alternate
#: one, the therapist's note in a tint of its own.
STYLE = """
QFrame#review-column {
    background: palette(base); border: 1px solid palette(mid); border-radius: 6px;
}
QFrame#review-column[gap="true"] { border: 2px solid palette(highlight); }
QFrame#review-column QLabel { color: palette(text); }
QFrame#review-column QLabel#review-column-title,
QFrame#review-column QLabel[empty="true"] { color: palette(placeholder-text); }
QLabel#review-column-title { font-weight: bold; }
QFrame#therapist-note {
    background: rgba(201, 162, 39, 0.16); border: 1px solid rgba(201, 162, 39, 0.55);
    border-left: 6px solid #c9a227; border-radius: 4px;
}
QLabel#therapist-note-title { color: palette(window-text); font-weight: bold; }
QFrame#review-side { background: palette(alternate-base); border-radius: 6px; }
QFrame#review-side QLabel { color: palette(text); }
QFrame#review-side QLabel#review-column-title { color: palette(placeholder-text); }
"""

#: The four columns: the record's field, the heading, and whether it is one end of the gap.
COLUMNS = (
    ("intended", "1 · What I wanted them to understand", True),
    ("said", "2 · What I said", False),
    ("other_said", "3 · What they said", False),
    ("heard", "4 · What I took it to mean", True),
)


def tr(text: str) -> str:
    return labels.tr(text)


def _wrapped(text: str = "", scale: float = 1.0) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if scale != 1.0:
        theme.scale_font(label, scale)
    return label


class ReviewPage(QWidget):
    leave_requested = Signal()
    note_edited = Signal(object, str)  # the interaction as it was, the new note
    mark_requested = Signal(str, bool)  # interaction id, reviewed in the current session

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-page")
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._document: Document | None = None
        self.ids: list[str] = []
        self.position = 0
        self.held_back = 0
        self.interaction: r.Interaction | None = None
        self.session: r.TherapySession | None = None  # the current (latest) session
        self._names: dict[str, str] = {}
        self._problems: dict[str, str] = {}
        self._focus_titles: dict[str, str] = {}
        self._loading = False
        self._today = date.today()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

        title = QLabel(self.tr("Review mode"))
        theme.scale_font(title, 1.4, bold=True)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Which interactions"))
        self.scope.addItem(self.tr("New since we last met"), NEW)
        self.scope.addItem(self.tr("All interactions"), ALL)
        self.scope.activated.connect(self._scope_chosen)
        leave = QPushButton(self.tr("Leave review mode (Esc)"))
        leave.setObjectName("leave-review")
        leave.clicked.connect(self.leave)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.scope)
        top.addWidget(leave)
        self.position_label = QLabel()
        self.held_back_label = QLabel()
        self.held_back_label.setObjectName("held-back")
        self.held_back_label.setProperty("role", "hint")
        status = QHBoxLayout()
        status.addWidget(self.position_label)
        status.addSpacing(16)
        status.addWidget(self.held_back_label, 1)

        self.header = _wrapped(scale=1.1)
        self.header.setObjectName("review-header")
        self.setting = _wrapped()
        self.columns: dict[str, QLabel] = {}
        columns = QHBoxLayout()
        columns.setSpacing(10)
        for name, heading, gap in COLUMNS:
            frame = QFrame()
            frame.setObjectName("review-column")
            frame.setProperty("gap", "true" if gap else "false")
            heading_label = QLabel(tr(heading))
            heading_label.setObjectName("review-column-title")
            heading_label.setWordWrap(True)
            body = _wrapped(scale=LARGE)
            body.setObjectName(f"review-{name}")
            body.setMinimumWidth(150)
            frame.setMinimumHeight(170)
            inner = QVBoxLayout(frame)
            inner.addWidget(heading_label)
            inner.addWidget(body, 1)
            columns.addWidget(frame, 1)
            self.columns[name] = body
        self.understood = _wrapped(scale=1.1)
        self.their_view = _wrapped()
        self.after = _wrapped()
        self.after.setTextFormat(Qt.TextFormat.RichText)
        self.emotions = QGridLayout()
        self.emotions.setColumnStretch(1, 1)
        self.problems = _wrapped()
        side = QFrame()
        side.setObjectName("review-side")
        side.setMinimumWidth(220)
        side.setMaximumWidth(300)
        side_layout = QVBoxLayout(side)
        feelings = QLabel(self.tr("Emotions"))
        feelings.setObjectName("review-column-title")
        side_layout.addWidget(feelings)
        side_layout.addLayout(self.emotions)
        side_layout.addSpacing(10)
        problems = QLabel(self.tr("Communication problems"))
        problems.setObjectName("review-column-title")
        side_layout.addWidget(problems)
        side_layout.addWidget(self.problems)
        side_layout.addStretch(1)

        words = QWidget()
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.addWidget(self.header)
        words_layout.addWidget(self.setting)
        words_layout.addLayout(columns)
        words_layout.addWidget(self.understood)
        words_layout.addWidget(self.their_view)
        words_layout.addWidget(self.after)
        words_layout.addStretch(1)
        body_row = QHBoxLayout()
        body_row.addWidget(words, 1)
        body_row.addWidget(side)
        body = QWidget()
        body.setLayout(body_row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        note_frame = QFrame()
        note_frame.setObjectName("therapist-note")
        note_title = QLabel(self.tr("Therapist's note — kept apart from the client's words"))
        note_title.setObjectName("therapist-note-title")
        self.note = TextField(
            self.tr("Therapist's note"), self.tr("Notes from the session (saved as you type)")
        )
        self.note.setObjectName("therapist-note-field")
        self.note.setMaximumHeight(110)
        self.note.textChanged.connect(self._note_typed)
        note_layout = QVBoxLayout(note_frame)
        note_layout.addWidget(note_title)
        note_layout.addWidget(self.note)

        self.previous_button = QPushButton(self.tr("‹ Previous (PgUp)"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(self.tr("Next (PgDn) ›"))
        self.next_button.clicked.connect(self.next)
        self.reviewed = QCheckBox()
        self.reviewed.setObjectName("reviewed-in-session")
        self.reviewed.clicked.connect(self._reviewed_clicked)
        for widget in (self.previous_button, self.next_button):
            widget.setMinimumHeight(34)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.reviewed)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        self.empty = QLabel()
        self.empty.setObjectName("empty-note")
        theme.scale_font(self.empty, theme.EMPTY_NOTE)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown = QWidget()
        shown_layout = QVBoxLayout(self.shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.addWidget(self.scroll, 1)
        shown_layout.addWidget(note_frame)
        shown_layout.addLayout(nav)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.empty, 1)

    # --- what is shown ----------------------------------------------------------------

    def start(self, document: Document, today: date | None = None) -> None:
        """Open review mode at the first interaction new since the last session (or, when
        there is none, at the most recent of all)."""
        self._document = document
        self._today = today or date.today()
        self._names = {p.id: p.name for p in document.people()}
        self._problems = labels.problem_labels(document.problem_kinds())
        self._focus_titles = {f.id: labels.focus_title(f) for f in document.focuses()}
        self.interaction = None
        read_only = document.workbook.read_only  # open elsewhere: look, do not change
        self.note.setReadOnly(read_only)
        self.reviewed.setEnabled(not read_only)
        self.scope.setCurrentIndex(self.scope.findData(NEW))
        self.load_ids()
        if not self.ids:
            self.scope.setCurrentIndex(self.scope.findData(ALL))
            self.load_ids()
            if self.ids:
                self.position = len(self.ids) - 1
                self._show()
        self.setFocus()

    def load_ids(self, wanted: str | None = None) -> None:
        """The interactions of the chosen scope, oldest first (never the private ones)."""
        document = self._document
        if document is None:
            return
        self.flush()
        wanted = wanted or (self.interaction.id if self.interaction else None)
        sessions = document.sessions()
        self.session = course.latest(sessions)
        start: date | None = None
        seen: set[str] = set()
        if self.scope.currentData() == NEW:
            # New: from the last meeting on, less what an earlier session looked at (those
            # ticked in the current, latest session stay, ticked).
            start = course.review_start(sessions, self._today)
            current = self.session.id if self.session else None
            seen = {i for s in sessions if s.id != current for i in s.interactions}
        everything = document.list_ids(r.InteractionFilter(date_from=start), "date", False)
        shown = document.list_ids(
            r.InteractionFilter(date_from=start, include_private=False), "date", False
        )
        self.held_back = len(everything) - len(shown)
        self.ids = [i for i in shown if i not in seen]
        self.position = self.ids.index(wanted) if wanted in self.ids else 0
        self._show()

    def _scope_chosen(self, _index: int) -> None:
        self.load_ids()
        self.setFocus()  # the arrow and page keys move through interactions again

    def refresh(self) -> None:
        """After a change elsewhere (an undo, an edit): the same place, fresh records."""
        if self._document is not None:
            self._names = {p.id: p.name for p in self._document.people()}
            self.load_ids()

    def _show(self) -> None:
        document = self._document
        has = bool(self.ids) and document is not None
        self.shown.setVisible(has)
        self.empty.setVisible(not has)
        self.held_back_label.setText(
            labels.counted(
                self.held_back,
                self.tr("1 private interaction held back: it is not shown here."),
                self.tr("%n private interactions held back: they are not shown here."),
            )
            if self.held_back
            else self.tr("No private interactions held back.")
        )
        if not has or document is None:
            self.interaction = None
            self.position_label.setText("")
            self.empty.setText(
                self.tr(
                    "No new interactions since the last session. Choose “All interactions” "
                    "to look further back."
                )
                if self.scope.currentData() == NEW
                else self.tr("No interactions to review yet.")
            )
            return
        self.position = min(max(self.position, 0), len(self.ids) - 1)
        interaction = document.interaction(self.ids[self.position])
        if interaction is None:
            return
        self.interaction = interaction
        self.position_label.setText(
            self.tr("Interaction %1 of %2")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(len(self.ids)))
        )
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.ids) - 1)
        self._fill(interaction)

    def _fill(self, interaction: r.Interaction) -> None:
        people = ", ".join(self._names.get(p, "?") for p in interaction.people)
        parts = [labels.when(interaction.occurred_at), labels.channel(interaction.channel)]
        if people:
            parts.append(self.tr("with %1").replace("%1", people))
        if interaction.focus and interaction.focus in self._focus_titles:
            parts.append(self._focus_titles[interaction.focus])
        self.header.setText(" · ".join(parts))
        self.setting.setText(
            self.tr("What led up to it: %1").replace("%1", interaction.setting)
            if interaction.setting.strip()
            else ""
        )
        self.setting.setVisible(bool(interaction.setting.strip()))
        nothing = self.tr("(not written down)")
        for name, label in self.columns.items():
            text = getattr(interaction, name).strip()
            label.setText(text or nothing)
            if label.property("empty") != (not text):  # the hint colour, not greyed out
                label.setProperty("empty", not text)
                style = label.style()  # polish again, for the style sheet to see it
                style.unpolish(label)
                style.polish(label)
        understood = (
            labels.understood(interaction.understood)
            if interaction.understood
            else self.tr("not said")
        )
        satisfaction = (
            self.tr("%1 of 10").replace("%1", str(interaction.satisfaction))
            if interaction.satisfaction is not None
            else self.tr("not rated")
        )
        self.understood.setText(
            self.tr("Did they understand? %1   ·   Satisfaction: %2")
            .replace("%1", understood)
            .replace("%2", satisfaction)
        )
        self.their_view.setText(
            self.tr("What they might have wanted or heard: %1").replace(
                "%1", interaction.their_view
            )
        )
        self.their_view.setVisible(bool(interaction.their_view.strip()))
        after = []
        for title, text in (
            (self.tr("How it ended"), interaction.outcome),
            (self.tr("What else I could have said"), interaction.alternative),
            (self.tr("Next time"), interaction.plan),
        ):
            if text.strip():
                body = html.escape(text.strip()).replace("\n", "<br>")
                after.append(f"<p><b>{html.escape(title)}:</b> {body}</p>")
        self.after.setText("".join(after))
        self.after.setVisible(bool(after))
        self._fill_emotions(interaction.emotions)
        self.problems.setText(
            "\n".join(f"• {self._problems.get(p, p)}" for p in interaction.problems)
            or self.tr("None ticked")
        )
        self._loading = True
        try:
            if self.note.text() != interaction.therapist_note:
                self.note.set_text(interaction.therapist_note)
        finally:
            self._loading = False
        self._show_reviewed()

    def _fill_emotions(self, emotions: Sequence[r.EmotionRating]) -> None:
        while self.emotions.count():
            item = self.emotions.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for row, emotion in enumerate(emotions):
            name = QLabel(labels.emotion(emotion.name))
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(emotion.intensity)
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setAccessibleName(
                self.tr("%1, intensity %2 of 100")
                .replace("%1", labels.emotion(emotion.name))
                .replace("%2", str(emotion.intensity))
            )
            value = QLabel(str(emotion.intensity))
            self.emotions.addWidget(name, row, 0)
            self.emotions.addWidget(bar, row, 1)
            self.emotions.addWidget(value, row, 2)
        if not emotions:
            self.emotions.addWidget(QLabel(self.tr("None written down")), 0, 0, 1, 3)

    def _show_reviewed(self) -> None:
        session = self.session
        interaction = self.interaction
        if session is None:
            self.reviewed.setText(self.tr("Reviewed in a session (starts session 1)"))
            self.reviewed.setChecked(False)
            return
        self.reviewed.setText(
            self.tr("Reviewed in session %1 (%2)")
            .replace("%1", str(session.number))
            .replace("%2", labels.day(session.held_on))
        )
        self.reviewed.setChecked(interaction is not None and interaction.id in session.interactions)

    # --- moving -------------------------------------------------------------------------

    def next(self) -> None:
        if self.position < len(self.ids) - 1:
            self.flush()
            self.position += 1
            self._show()

    def previous(self) -> None:
        if self.position > 0:
            self.flush()
            self.position -= 1
            self._show()

    def leave(self) -> None:
        self.flush()
        self.leave_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys reach here when the focused child does not use them (the note keeps its own
        # arrows and page keys for editing).
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.previous()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)

    # --- the note and the mark ----------------------------------------------------------

    def _note_typed(self) -> None:
        if not self._loading and self.interaction is not None:
            self._timer.start()

    def flush(self) -> None:
        """Save the note now if it changed (also before moving, leaving or an undo)."""
        self._timer.stop()
        interaction = self.interaction
        text = self.note.text()
        if interaction is not None and text != interaction.therapist_note:
            # Taken as saved before asking, so the refresh the save causes finds nothing new.
            self.interaction = replace(interaction, therapist_note=text)
            self.note_edited.emit(interaction, text)

    def _reviewed_clicked(self, checked: bool) -> None:
        if self.interaction is not None:
            self.mark_requested.emit(self.interaction.id, checked)
        self._show_reviewed()  # the document's answer (via refresh) decides the tick

    def clear(self) -> None:
        self._timer.stop()
        self._document = None
        self.ids = []
        self.interaction = None
        self.session = None
