"""The timeline tab: life events (with dates or approximate periods) and one time axis
that shows them with the interactions per week, the questionnaire totals and the mood.

The chart (`analysis.timeline`) is built on a worker the first time the tab is shown and
after each change while it is visible; the events table beside it is its text alternative
and where events are added, edited and deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.store import records as r
from iptwork.ui import labels, theme
from iptwork.ui.editors import PeoplePicker, TextField
from iptwork.ui.figure_panel import FigurePanel
from iptwork.ui.record_table import ID_ROLE, Index, RecordTableModel, record_buttons
from iptwork.ui.reload_on_show import ReloadOnShow

if TYPE_CHECKING:
    from iptwork.ui.document import Document
    from iptwork.ui.ops import Ops

COURSE, EVERYTHING = "course", "everything"


def when_text(event: r.LifeEvent) -> str:
    if event.approximate:
        return labels.tr("about %1").replace("%1", f"{event.on:%b %Y}")
    return labels.day(event.on)


class EventsModel(RecordTableModel[r.LifeEvent]):
    """Life events, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self.titles = (self.tr("When"), self.tr("What kind"), self.tr("Who"), self.tr("What"))

    def set_events(self, events: Sequence[r.LifeEvent], names: dict[str, str]) -> None:
        self._names = dict(names)
        self.set_records(sorted(events, key=lambda e: (e.on, e.id), reverse=True))

    def life_event(self, row: int) -> r.LifeEvent:
        return self.record(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return when_text(event)
            if column == 1:
                return labels.event_kind(event.kind)
            if column == 2:
                return ", ".join(self._names.get(p, "?") for p in event.people)
            return " ".join(event.note.split())
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return event.note or None
        if role == ID_ROLE:
            return event.id
        return None


class EventDialog(QDialog):
    """A life event: when (a day, or roughly), what kind, who, and a note."""

    def __init__(
        self,
        people: Sequence[r.Person],
        event: r.LifeEvent | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("event-dialog")
        self.setWindowTitle(self.tr("A life event") if event is None else self.tr("Life event"))
        self.resize(560, 500)
        self._event = event
        self.on = QDateEdit()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setAccessibleName(self.tr("Date"))
        self.on.setDate(QDate(event.on if event else date.today()))
        self.approximate = QCheckBox(self.tr("&Roughly: I only know about when"))
        self.approximate.setChecked(bool(event and event.approximate))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What kind of event"))
        for kind in domain.EventKind:
            self.kind.addItem(labels.event_kind(kind.value), kind.value)
        if event is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(event.kind), 0))
        self.people = PeoplePicker(None)
        self.people.list.setMaximumHeight(130)
        self.people.set_people(people, event.people if event else ())
        self.note = TextField(self.tr("What happened"), self.tr("What happened, in a few words"))
        if event is not None:
            self.note.set_text(event.note)
        hint = QLabel(
            self.tr(
                "Events that changed your life or your relationships: a loss, a move, a new "
                "job, a separation, a conflict. IPT looks at how they link with your mood."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        when = QHBoxLayout()
        when.addWidget(self.on)
        when.addWidget(self.approximate, 1)
        form = QFormLayout()
        when_label = QLabel(self.tr("&When"))
        when_label.setBuddy(self.on)
        form.addRow(when_label, when)
        form.addRow(self.tr("&Kind"), self.kind)
        who_label = QLabel(self.tr("Wh&o"))
        who_label.setBuddy(self.people.list)
        form.addRow(who_label, self.people)
        form.addRow(self.tr("W&hat happened"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def value(self) -> r.LifeEvent:
        on: date = self.on.date().toPython()  # type: ignore[assignment]
        return r.LifeEvent(
            on=on,
            kind=str(self.kind.currentData()),
            people=self.people.checked_ids(),
            note=self.note.text().strip(),
            approximate=self.approximate.isChecked(),
            id=self._event.id if self._event else r.new_id(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, people: Sequence[r.Person], event: r.LifeEvent | None = None
    ) -> r.LifeEvent | None:
        dialog = cls(people, event, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class TimelineView(ReloadOnShow, QWidget):
    RELOAD_ON = frozenset({"events", "people", "interactions", "measures", "sessions"})
    add_requested = Signal()
    edit_requested = Signal(str)  # event id
    delete_requested = Signal(str)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline-view")
        self._ops = ops
        self._document: Document | None = None
        self._stale = True
        self._generation = 0
        self.chart_loading = False
        self.span = QComboBox()
        self.span.setAccessibleName(self.tr("Time span"))
        self.span.addItem(self.tr("The course and the months before it"), COURSE)
        self.span.addItem(self.tr("Everything, from the first event"), EVERYTHING)
        self.span.currentIndexChanged.connect(lambda _i: self._draw())
        self.outside = QLabel()
        self.outside.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.span)
        top.addWidget(self.outside, 1)
        self.chart = FigurePanel(
            self.tr("Time line of events, interactions, questionnaires and mood")
        )
        self.model = EventsModel(self)
        self.table = QTableView()
        self.table.setObjectName("events-table")
        self.table.setAccessibleName(self.tr("Life events"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        theme.set_column_widths(self.table, {0: 130, 1: 120, 2: 120})
        self.table.doubleClicked.connect(lambda _i: self._edit_current())
        buttons, self.add_button, self.edit_button, self.delete_button = record_buttons(
            self.tr("&Add a life event…"),
            self.add_requested.emit,
            self._edit_current,
            self._delete_current,
        )
        events = QWidget()
        events_layout = QVBoxLayout(events)
        events_layout.setContentsMargins(0, 0, 0, 0)
        events_layout.addWidget(self.table, 1)
        events_layout.addLayout(buttons)
        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(top)
        chart_layout.addWidget(self.chart, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(chart)
        splitter.addWidget(events)
        splitter.setSizes([560, 200])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _read_only(self) -> bool:
        """A workbook opened read-only (open elsewhere) is looked at, not changed."""
        return self._document is not None and self._document.workbook.read_only

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._generation += 1
        self._stale = True
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(not self._read_only())
        if document is None:
            self.model.set_events([], {})
            self.chart.show_message("")
        elif self.isVisible():
            self.reload()

    def reload(self) -> None:
        document = self._document
        if document is None:
            return
        self._stale = False
        current = self.current_id()
        names = {p.id: p.name for p in document.people()}
        self.model.set_events(document.events(), names)
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._draw()

    def _draw(self) -> None:
        document = self._document
        if document is None:
            return
        self._generation += 1
        generation = self._generation
        whole = self.span.currentData() == EVERYTHING
        self.chart_loading = True
        if self.chart.figure is None:
            self.chart.show_message(self.tr("Drawing the time line…"))

        # Drawn at the size it is shown at, so labels are placed for the real width.
        size = (max(self.chart.width(), 640) / 100, max(self.chart.height(), 420) / 100)

        def build() -> tuple[Any, int]:
            from iptwork.analysis import timeline

            contents = document.course_contents()
            start = None if whole else timeline.default_start(contents)
            figure = timeline.timeline_figure(contents, date_from=start, size=size)
            return figure, timeline.events_before(contents, start)

        def done(result: tuple[Any, int]) -> None:
            if generation != self._generation:
                return
            figure, hidden = result
            self.chart_loading = False
            self.outside.setText(
                labels.counted(
                    hidden,
                    self.tr("1 earlier event is outside this span."),
                    self.tr("%n earlier events are outside this span."),
                )
                if hidden
                else ""
            )
            self.chart.show_figure(
                figure,
                self.tr(
                    "Life events as markers, with interactions per week, PHQ-9 and GAD-7 totals "
                    "and the daily mood below them on the same dates. The table below lists "
                    "the events."
                ),
            )

        def failed(error: Exception) -> None:
            self.chart_loading = False
            self.chart.show_message(str(error))

        self._ops.run(build, done, failed)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.model.data(index, ID_ROLE)) if index.isValid() else None

    def select(self, event_id: str) -> None:
        row = self.model.row_of(event_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _edit_current(self) -> None:
        event_id = self.current_id()
        if event_id and not self._read_only():
            self.edit_requested.emit(event_id)

    def _delete_current(self) -> None:
        event_id = self.current_id()
        if event_id and not self._read_only():
            self.delete_requested.emit(event_id)
