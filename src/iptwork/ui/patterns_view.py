"""The Patterns tab: the plain-language summary, then every pattern chart, filterable.

Everything slow happens on a worker (`Ops`): reading the workbook once (kept until it
changes), the summary, the charts (`analysis.charts.all_charts`, plain Figures) and their
table alternatives. Only the canvases are made here, on the GUI thread. matplotlib is
imported the first time the tab is shown, never at start-up.

A click on a bar, a cell or a mark (matplotlib's pick event; the chart's `hits` say which
interactions are behind it) opens a small window listing those interactions, each
readable in full, so the charts stay where they were.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.analysis.filters import PatternFilter
from iptwork.store import records as r
from iptwork.ui import labels, theme
from iptwork.ui.interactions_view import (
    FilterBar,
    InteractionListModel,
    render_interaction,
)
from iptwork.ui.record_table import ID_ROLE, ROOT, Index

if TYPE_CHECKING:
    from iptwork.analysis.charts import Chart
    from iptwork.store.workbook import Workbook
    from iptwork.ui.chart_tables import ChartTable
    from iptwork.ui.document import Document
    from iptwork.ui.ops import Ops

IDS_ROLE = Qt.ItemDataRole.UserRole + 2
#: The summary and the safety note, a little larger than the text around them.
LARGER = 1.15

STYLE = """
QLabel#patterns-safety {
    background: #fff6e0; border: 1px solid #e3c27a; border-left: 5px solid #c98a00;
    border-radius: 4px; padding: 10px; color: #3d2f00;
}
QLabel#patterns-summary { padding: 2px 4px; }
QFrame#chart-panel { background: white; border: 1px solid #dde2e7; border-radius: 6px; }
QLabel#chart-empty { color: #56616c; padding: 8px; }  /* on the white chart panel */
QLabel#patterns-empty { color: palette(placeholder-text); padding: 40px; }
"""


# --- the work done on the worker --------------------------------------------------------


@dataclass(frozen=True)
class PatternsResult:
    """What one computation produced (plain data and Figures: safe to hand across threads)."""

    contents: r.Contents  # the whole workbook as read (reused while it has not changed)
    flt: PatternFilter
    sentences: tuple[str, ...]
    charts: Mapping[str, Chart]
    tables: Mapping[str, ChartTable]
    interactions: int  # in range


def compute_patterns(
    workbook: Workbook, flt: PatternFilter, contents: r.Contents | None = None
) -> PatternsResult:
    """Read (unless given), summarise and chart the workbook: runs on a worker thread."""
    # Warm the Qt canvas module here too, so the GUI thread never pays for the import.
    import matplotlib.backends.backend_qtagg  # noqa: F401

    from iptwork.analysis import charts, summary
    from iptwork.analysis.filters import select
    from iptwork.store import services
    from iptwork.ui import chart_tables

    if contents is None:
        contents = services.read_contents(workbook)
    chosen = select(contents, flt)
    return PatternsResult(
        contents=contents,
        flt=flt,
        sentences=tuple(summary.summary_sentences(chosen, flt)),
        charts=charts.all_charts(chosen, flt),
        tables=chart_tables.all_tables(chosen, flt),
        interactions=len(chosen.interactions),
    )


# --- a chart's table --------------------------------------------------------------------


class ChartTableModel(QAbstractTableModel):
    """A `ChartTable` for a QTableView; IDS_ROLE gives the interactions behind a cell."""

    def __init__(self, table: ChartTable, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = table

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._table.headers):
            return self._table.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._table.rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._table.rows[row][column]
        if role == IDS_ROLE:
            return self._table.ids[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and self._table.ids[row][column]:
            return self.tr("Double-click to see these interactions")
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


# --- one chart --------------------------------------------------------------------------


def _make_canvas(figure: Any) -> QWidget:
    """The Qt canvas for a Figure (matplotlib's Qt module is loaded on first use)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    return FigureCanvasQTAgg(figure)


class ChartPanel(QFrame):
    """A chart, its "Show as table" alternative, and clicks on its parts."""

    interactions_requested = Signal(str, object)  # what was clicked, interaction ids

    def __init__(
        self, key: str, chart: Chart, table: ChartTable | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chart-panel")
        self.key = key
        self.chart = chart
        self.canvas: QWidget | None = None
        self.table_view: QTableView | None = None
        self.table_model: ChartTableModel | None = None
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.description)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        if chart.empty:
            # A calm line instead of a big picture of nothing.
            note = QLabel(f"<b>{html.escape(chart.title)}</b><br>{html.escape(chart.description)}")
            note.setObjectName("chart-empty")
            note.setWordWrap(True)
            note.setAccessibleName(chart.title)
            layout.addWidget(note)
            return
        canvas = _make_canvas(chart.figure)
        canvas.setAccessibleName(chart.title)
        canvas.setAccessibleDescription(chart.description)
        canvas.setToolTip(self.tr("Click a bar, a square or a mark to see its interactions"))
        width, height = chart.figure.get_size_inches() * chart.figure.dpi
        canvas.setFixedHeight(int(height))
        canvas.setMinimumWidth(int(min(width, 560)))
        canvas.setMaximumWidth(int(width * 1.3))
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        canvas.mpl_connect("pick_event", self._picked)  # type: ignore[attr-defined]
        self.canvas = canvas
        layout.addWidget(canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        if table is not None and not table.empty:
            self.table_button = QPushButton(self.tr("Show as table"))
            self.table_button.setCheckable(True)
            self.table_button.setAccessibleName(
                self.tr("Show “%1” as a table").replace("%1", chart.title)
            )
            self.table_button.toggled.connect(self.show_table)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.table_button)
            layout.addLayout(row)
            self._table = table

    def _picked(self, event: Any) -> None:
        ids = self.chart.interactions_at(event.artist)
        if ids:
            self.interactions_requested.emit(self.chart.title, tuple(ids))

    def show_table(self, shown: bool) -> None:
        """Swap the picture for its table (and back)."""
        if shown and self.table_view is None:
            self.table_model = ChartTableModel(self._table, self)
            view = QTableView()
            view.setObjectName("chart-table")
            view.setModel(self.table_model)
            view.setAccessibleName(self.tr("%1 (table)").replace("%1", self.chart.title))
            view.setAccessibleDescription(self.chart.description)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setAlternatingRowColors(True)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.activated.connect(self._open_cell)
            view.doubleClicked.connect(self._open_cell)
            rows = self.table_model.rowCount()
            row_height = view.verticalHeader().defaultSectionSize()
            view.setFixedHeight(
                min(420, (rows + 1) * row_height + view.horizontalHeader().sizeHint().height())
            )
            self.table_view = view
            self.layout().insertWidget(1, view)
        if self.table_view is not None:
            self.table_view.setVisible(shown)
        if self.canvas is not None:
            self.canvas.setVisible(not shown)
        if hasattr(self, "table_button"):
            self.table_button.setText(
                self.tr("Show as chart") if shown else self.tr("Show as table")
            )

    def _open_cell(self, index: QModelIndex) -> None:
        ids = index.data(IDS_ROLE)
        if ids:
            model = index.model()
            what = f"{model.data(model.index(index.row(), 0))} · " + str(
                model.headerData(index.column(), Qt.Orientation.Horizontal)
            )
            self.interactions_requested.emit(f"{self.chart.title}: {what}", tuple(ids))


# --- the interactions behind a click ----------------------------------------------------


class BehindDialog(QDialog):
    """The interactions behind a bar or a cell: a short list, the chosen one in full."""

    edit_requested = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("behind-dialog")
        self._document = document
        self.resize(round(900 * theme.text_scale()), round(560 * theme.text_scale()))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model = InteractionListModel(document.summaries, self)
        self.list = QTableView()
        self.list.setObjectName("behind-list")
        self.list.setAccessibleName(self.tr("The interactions behind what you clicked"))
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(False)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        for column in (3, 4, 5):
            self.list.hideColumn(column)  # the detail shows them; keep the list short
        theme.set_column_widths(self.list, {0: 136, 1: 90})
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.list.doubleClicked.connect(lambda index: self._edit(index))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("The selected interaction"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setChildrenCollapsible(False)
        split.setSizes([470, 430])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.edit_button = buttons.addButton(
            self.tr("&Edit…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.clicked.connect(lambda: self._edit(self.list.currentIndex()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

    def show_ids(self, title: str, ids: Sequence[str]) -> None:
        document = self._document
        people = document.people()
        self._names = {p.id: p.name for p in people}
        self._focus_titles = {f.id: labels.focus_title(f) for f in document.focuses()}
        self.model.problem_labels = labels.problem_labels(document.problem_kinds())
        # Newest first, as in the interaction list.
        rows = {row.id: row for row in document.summaries(list(ids))}
        ordered = sorted(rows, key=lambda i: rows[i].occurred_at, reverse=True)
        self.model.set_ids(ordered)
        self._title = title
        self.setWindowTitle(title)
        count = len(ordered)
        self.heading.setText(
            (
                self.tr("One interaction is behind this:")
                if count == 1
                else self.tr("%1 interactions are behind this:").replace("%1", str(count))
            )
            + f" {title}"
        )
        if ordered:
            self.list.selectRow(0)
        self._show_current()

    def refresh(self) -> None:
        """After a change: drop what was deleted, show the edits."""
        self.show_ids(self._title, self.model.ids())

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(self.model.data(index, ID_ROLE)) if index.isValid() else None

    def _show_current(self) -> None:
        interaction_id = self.current_id()
        interaction = self._document.interaction(interaction_id) if interaction_id else None
        self.edit_button.setEnabled(interaction is not None)
        if interaction is None:
            self.detail.clear()
            return
        self.detail.setHtml(
            render_interaction(
                interaction, self._names, self._focus_titles, self.model.problem_labels
            )
        )

    def _edit(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_requested.emit(str(self.model.data(index, ID_ROLE)))


# --- the filters ------------------------------------------------------------------------


class PatternFilterBar(FilterBar):
    """The interaction list's filters less text and problem (charts are about those), plus
    whether private interactions count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for label in self.findChildren(QLabel):
            if label.buddy() is self.text:
                label.hide()
        self.text.hide()
        self.problem.hide()
        self.person.setMaximumWidth(260)
        self.focus.setMaximumWidth(380)
        self.private = QCheckBox(self.tr("Include &private ones"))
        self.private.setToolTip(
            self.tr("Count the interactions you marked private too (they are left out otherwise)")
        )
        self.private.toggled.connect(lambda _c: self.changed.emit())
        layout = self.layout()
        layout.insertWidget(layout.count() - 1, self.private)  # type: ignore[attr-defined]
        layout.insertStretch(layout.count() - 1, 1)  # type: ignore[attr-defined]

    def pattern_filter(self) -> PatternFilter:
        value = self.value()
        return PatternFilter(
            date_from=value.date_from,
            date_to=value.date_to,
            people=value.people,
            focus=value.focus,
            include_private=self.private.isChecked(),
        )

    def clear(self) -> None:
        self.private.blockSignals(True)
        self.private.setChecked(False)
        self.private.blockSignals(False)
        super().clear()


# --- the tab ----------------------------------------------------------------------------


class PatternsView(QWidget):
    """Summary sentences on top, the charts below in one scrolling column."""

    edit_requested = Signal(str)
    computed = Signal()  # a new set of charts is on screen (tests wait for it)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patterns-view")
        self.setStyleSheet(STYLE)
        self._ops = ops
        self._document: Document | None = None
        self._contents: r.Contents | None = None  # the workbook as last read
        self._generation = 0
        self._stale = True
        self.loading = False
        self.result: PatternsResult | None = None
        self.panels: dict[str, ChartPanel] = {}
        self.behind: BehindDialog | None = None

        self.filters = PatternFilterBar()
        self.filters.changed.connect(self.recompute)
        self.busy = QProgressBar()
        self.busy.setObjectName("patterns-busy")
        self.busy.setRange(0, 0)  # a moving bar: how long it takes is not known
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Working out the patterns"))
        self.busy_label = QLabel(self.tr("Working out the patterns…"))
        self.busy_label.setProperty("role", "hint")
        busy_row = QHBoxLayout()
        busy_row.addStretch(1)
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy)

        self.safety = QLabel()
        self.safety.setObjectName("patterns-safety")
        theme.scale_font(self.safety, LARGER)
        self.safety.setWordWrap(True)
        self.safety.setTextFormat(Qt.TextFormat.PlainText)
        self.safety.setAccessibleName(self.tr("Important"))
        self.safety.hide()
        self.summary = QLabel()
        self.summary.setObjectName("patterns-summary")
        theme.scale_font(self.summary, LARGER)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.empty = QLabel()
        self.empty.setObjectName("patterns-empty")
        theme.scale_font(self.empty, theme.EMPTY_NOTE)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        self.column = QWidget()
        self.column.setObjectName("patterns-column")
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(12, 8, 12, 12)
        self.column_layout.setSpacing(12)
        self.column_layout.addWidget(self.safety)
        self.column_layout.addWidget(self.summary)
        self.column_layout.addWidget(self.empty)
        self.charts_box = QVBoxLayout()
        self.charts_box.setSpacing(14)
        self.column_layout.addLayout(self.charts_box)
        self.column_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("patterns-scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.column)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(busy_row)
        layout.addWidget(self.scroll, 1)
        self._show_busy(False)

    # --- the document -----------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._contents = None
        self._generation += 1
        self._stale = True
        self.loading = False
        self._show_busy(False)
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        self._clear_charts()
        self.summary.clear()
        self.safety.hide()
        if self.behind is not None:
            self.behind.close()
            self.behind.deleteLater()
            self.behind = None
        if document is None:
            self.filters.set_choices([], [], [])
            return
        self.refresh_choices()
        if self.isVisible():
            self.recompute()

    def refresh_choices(self) -> None:
        document = self._document
        if document is not None:
            self.filters.set_choices(document.people(), document.focuses(), [])

    def on_changed(self, kinds: frozenset[str]) -> None:
        """The workbook changed: read it again, now if the tab is on screen, else later."""
        if self._document is None:
            return
        if kinds & {"people", "focuses"}:
            self.refresh_choices()
        if self.behind is not None and self.behind.isVisible():
            self.behind.refresh()
        self._contents = None
        self._stale = True
        if self.isVisible():
            self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._document is not None:
            self.recompute()

    # --- computing --------------------------------------------------------------------

    def recompute(self) -> None:
        """Work out the summary and the charts for the current filters, on a worker."""
        document = self._document
        if document is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        flt = self.filters.pattern_filter()
        contents = self._contents
        workbook = document.workbook
        self.loading = True
        self._show_busy(True)
        self._ops.run(
            lambda: compute_patterns(workbook, flt, contents),
            lambda result: self._computed(generation, result),
            lambda error: self._failed(generation, str(error)),
        )

    def _show_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._show_busy(False)
        self.summary.setText(html.escape(message))

    def _computed(self, generation: int, result: PatternsResult) -> None:
        if generation != self._generation:
            for chart in result.charts.values():
                chart.figure.clear()
            return  # filters changed meanwhile: a newer result is on its way
        self._contents = result.contents
        self.result = result
        self._show_summary(result.sentences)
        self._clear_charts()
        nothing = result.interactions == 0
        if nothing:
            self.empty.setText(self._empty_text(result))
        self.empty.setVisible(nothing)
        for key, chart in result.charts.items():
            if nothing and key != "closeness_circle":
                continue  # the friendly explanation says it once, not eight times
            panel = ChartPanel(key, chart, result.tables.get(key))
            panel.interactions_requested.connect(self.show_interactions)
            self.panels[key] = panel
            self.charts_box.addWidget(panel)
        self.loading = False
        self._show_busy(False)
        self.computed.emit()

    def _empty_text(self, result: PatternsResult) -> str:
        filtered = result.flt != PatternFilter()
        if filtered:
            return self.tr(
                "No interactions match these filters. Widen the dates or choose “Everyone” "
                "to see patterns again."
            )
        return self.tr(
            "Patterns show here once you have written down a few interactions.\n\n"
            "Each one adds to the picture: who understood you, which communication problems "
            "come up with whom, how you felt, and how things change over the weeks. "
            "Press Ctrl+N to write one down."
        )

    def _show_summary(self, sentences: Sequence[str]) -> None:
        rest = list(sentences)
        if rest and rest[0] == domain.ITEM9_MESSAGE:
            self.safety.setText(rest.pop(0))
            self.safety.show()
        else:
            self.safety.hide()
        items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in rest)
        self.summary.setText(f"<ul style='margin-left: -20px'>{items}</ul>" if items else "")

    def _clear_charts(self) -> None:
        for panel in self.panels.values():
            self.charts_box.removeWidget(panel)
            panel.chart.figure.clear()
            panel.deleteLater()
        self.panels = {}

    # --- click-through ----------------------------------------------------------------

    def show_interactions(self, title: str, ids: Sequence[str]) -> None:
        """Open (or refill) the window listing the interactions behind a click."""
        document = self._document
        if document is None or not ids:
            return
        if self.behind is None:
            self.behind = BehindDialog(document, self.window())
            self.behind.edit_requested.connect(self.edit_requested)
        self.behind.show_ids(title, ids)
        self.behind.show()
        self.behind.raise_()
        self.behind.activateWindow()
