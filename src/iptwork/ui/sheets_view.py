"""The formulation and termination sheets (SPEC.md, "Sessions"), editable in the app.

The formulation is what client and therapist agree on at the end of the initial phase: the
diagnosis in plain words, the focus problem area, the link between the two, the number of
sessions, the date. The termination sheet, at the end, keeps the gains, the warning signs
and what to do if they come back. Both print with the PDF workbook.

Edits are saved as they are made, as in the focus view: a moment after typing stops and
whenever the tab is left, each save an undo step that merges with the previous one while
typing goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.store import records as r
from iptwork.ui import editors, labels
from iptwork.ui.editors import TextField
from iptwork.ui.reload_on_show import ReloadOnShow

if TYPE_CHECKING:
    from iptwork.ui.document import Document

SAVE_DELAY_MS = 700
Sheet = r.Formulation | r.Termination


@dataclass(frozen=True)
class TextSpec:
    name: str  # the record's field
    label: str
    prompt: str


FORMULATION_TEXTS = (
    TextSpec("diagnosis", "The difficulty, in plain words", "e.g. depression after a hard year"),
    TextSpec(
        "focus",
        "The focus we agreed to work on",
        "The problem area, e.g. the dispute with Alex about time together",
    ),
    TextSpec(
        "link",
        "How the two connect",
        "How the mood and the relationships affect each other",
    ),
)
TERMINATION_TEXTS = (
    TextSpec("gains", "What I gained", "What changed; what I can do now that I could not before"),
    TextSpec(
        "warning_signs",
        "Warning signs",
        "How I would notice that things are slipping back",
    ),
    TextSpec(
        "action_plan",
        "What I will do then",
        "Who I will talk to, what I will try, when to get help",
    ),
)


class OptionalDate(QWidget):
    """A date that may be left empty: a tick box and a date field."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName(text)
        self.edit.setDate(QDate(date.today()))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        day: date = self.edit.date().toPython()  # type: ignore[assignment]
        return day

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.setDate(QDate(day or date.today()))


class SheetEditor(QGroupBox):
    """One sheet's fields; emits `edited(old, new)` a moment after a change."""

    edited = Signal(object, object)

    def __init__(
        self,
        title: str,
        about: str,
        texts: tuple[TextSpec, ...],
        date_field: tuple[str, str],
        empty: Sheet,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._sheet: Sheet = empty
        self._loading = False
        self._read_only = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        intro = QLabel(about)
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.texts: dict[str, TextField] = {}
        for spec in texts:
            field = TextField(labels.tr(spec.label), labels.tr(spec.prompt))
            field.setMinimumHeight(70)
            field.textChanged.connect(self._schedule)
            caption = QLabel(labels.tr(spec.label))
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field, 1)
            self.texts[spec.name] = field
        self.extra = QHBoxLayout()
        layout.addLayout(self.extra)
        self._date_name = date_field[0]
        self.date = OptionalDate(labels.tr(date_field[1]))
        self.date.changed.connect(lambda: self._schedule(now=True))
        self.extra.addWidget(self.date, 1)

    def sheet(self) -> Sheet:
        return self._sheet

    def set_read_only(self, read_only: bool) -> None:
        """A workbook opened read-only (open elsewhere) is shown, not edited."""
        self._timer.stop()
        self._read_only = read_only
        editors.set_read_only(self, read_only)

    def load(self, sheet: Sheet) -> None:
        self._timer.stop()
        self._loading = True
        try:
            self._sheet = sheet
            for name, field in self.texts.items():
                if field.text() != getattr(sheet, name):
                    field.set_text(getattr(sheet, name))
            self.date.set_value(getattr(sheet, self._date_name))
            self._load_extra(sheet)
        finally:
            self._loading = False

    def _load_extra(self, sheet: Sheet) -> None:
        """Fields only one of the sheets has."""

    def _extra_values(self) -> dict[str, Any]:
        return {}

    def composed(self) -> Sheet:
        values: dict[str, Any] = {name: field.text() for name, field in self.texts.items()}
        values[self._date_name] = self.date.value()
        values.update(self._extra_values())
        return replace(self._sheet, **values)

    def _schedule(self, now: bool = False) -> None:
        if self._loading or self._read_only:
            return
        if now:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        """Save now whatever is waiting (also when the tab is left, before an undo)."""
        self._timer.stop()
        if self._read_only:
            return
        new = self.composed()
        if new != self._sheet:
            self.edited.emit(self._sheet, new)

    def saved(self, sheet: Sheet) -> None:
        self._sheet = sheet


class FormulationEditor(SheetEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            labels.tr("Formulation"),
            labels.tr(
                "What you and your therapist agree on at the end of the first sessions: "
                "the difficulty in plain words, the focus, how the two connect, and how many "
                "sessions you will have. It prints with a signature line."
            ),
            FORMULATION_TEXTS,
            ("agreed_on", "Agreed on"),
            r.Formulation(),
            parent,
        )
        self.sessions = QSpinBox()
        self.sessions.setRange(0, domain.PLANNED_SESSIONS_RANGE[1])
        self.sessions.setSpecialValueText(labels.tr("not agreed yet"))
        self.sessions.setAccessibleName(labels.tr("Number of sessions agreed"))
        self.sessions.valueChanged.connect(lambda _n: self._schedule())
        caption = QLabel(labels.tr("Sessions agreed:"))
        caption.setBuddy(self.sessions)
        self.extra.insertWidget(0, caption)
        self.extra.insertWidget(1, self.sessions)
        self.extra.insertSpacing(2, 24)

    def _load_extra(self, sheet: Sheet) -> None:
        assert isinstance(sheet, r.Formulation)
        self.sessions.setValue(sheet.agreed_sessions or 0)

    def _extra_values(self) -> dict[str, Any]:
        return {"agreed_sessions": self.sessions.value() or None}


class TerminationEditor(SheetEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            labels.tr("Termination"),
            labels.tr(
                "At the end of the course: what you gained, the signs that things might be "
                "slipping back, and what you will do if they come. Keep it where you can find it."
            ),
            TERMINATION_TEXTS,
            ("written_on", "Written on"),
            r.Termination(),
            parent,
        )


class SheetsView(ReloadOnShow, QWidget):
    RELOAD_ON = frozenset({"sheets"})
    formulation_edited = Signal(object, object)
    termination_edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheets-view")
        self._document: Document | None = None
        self._stale = True
        self.formulation = FormulationEditor()
        self.formulation.edited.connect(self.formulation_edited)
        self.termination = TerminationEditor()
        self.termination.edited.connect(self.termination_edited)
        body = QWidget()
        row = QHBoxLayout(body)
        row.addWidget(self.formulation, 1)
        row.addWidget(self.termination, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        for editor in (self.formulation, self.termination):
            editor.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._stale = True
        read_only = document is not None and document.workbook.read_only
        for editor in (self.formulation, self.termination):
            editor.set_read_only(read_only)
        if document is None:
            self.formulation.load(r.Formulation())
            self.termination.load(r.Termination())
        elif self.isVisible():
            self.reload()

    def reload(self) -> None:
        document = self._document
        if document is None:
            return
        self._stale = False
        self.formulation.load(document.formulation())
        self.termination.load(document.termination())

    def flush(self) -> None:
        self.formulation.flush()
        self.termination.flush()
