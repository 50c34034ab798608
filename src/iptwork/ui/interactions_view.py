"""The interaction list, its filters, and the selected interaction shown in full.

The model holds only the ids that match the filter, in order (one query on a worker
thread), and renders rows on demand from pages of light summaries (one short query per 256
rows), so 100,000 interactions scroll smoothly. Sorting and filtering happen in SQL, which
is why this view has no proxy model: a proxy would have to load every row first.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iptwork.store import records as r
from iptwork.ui import labels, search_results, theme
from iptwork.ui.record_table import ID_ROLE, ROOT, Index

if TYPE_CHECKING:
    from iptwork.store.listing import InteractionRow, SortKey
    from iptwork.ui.document import Document
    from iptwork.ui.ops import Ops

PAGE = 256
MAX_PAGES = 64  # ~16,000 rows of summaries kept; the rest is fetched again when shown


@dataclass(frozen=True)
class Column:
    sort: SortKey
    title: str


class InteractionListModel(QAbstractTableModel):
    """Ids in order; rows rendered on demand through `load(ids) -> summaries`."""

    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(
        self, load: Callable[[list[str]], Sequence[InteractionRow]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, InteractionRow]] = OrderedDict()
        self.problem_labels: dict[str, str] = {}
        #: Search hits by id while the Find box has words (see `search_results`).
        self.hits: dict[str, search_results.SearchHit] = {}
        self.columns = (
            Column("date", self.tr("When")),
            Column("people", self.tr("With")),
            Column("said", self.tr("What I said")),
            Column("satisfaction", self.tr("Satisfaction")),
            Column("understood", self.tr("Understood")),
            Column("problems", self.tr("Problems")),
        )

    # --- content ----------------------------------------------------------------------

    def set_ids(self, ids: list[str], hits: Any = None) -> None:
        self.beginResetModel()
        self._ids = ids
        self.hits = dict(hits or {})
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget the rendered rows (after an edit) and repaint what is on screen."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def ids(self) -> list[str]:
        return self._ids

    def row_of(self, interaction_id: str) -> int:
        try:
            return self._ids.index(interaction_id)
        except ValueError:
            return -1

    def row_summary(self, row: int) -> InteractionRow | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            part = self._ids[number * PAGE : (number + 1) * PAGE]
            page = {s.id: s for s in self._load(part)}
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    # --- Qt's model interface ---------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            if self.hits and self.columns[section].sort == "said":
                return self.tr("Where the words are")
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == search_results.SNIPPET_ROLE:
            said = self.columns[index.column()].sort == "said"
            return search_results.hit_data(self.hits, self._ids[index.row()]) if said else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_summary(index.row())
        if row is None:
            return None
        column = self.columns[index.column()].sort
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "satisfaction":
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "said" and not row.said:
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        text = self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if column in ("said", "problems", "people") and text else None
        return text

    def _text(self, row: InteractionRow, column: str) -> str:
        if column == "date":
            lock = " 🔒" if row.private else ""
            return f"{row.occurred_at:%Y-%m-%d %H:%M}{lock}"
        if column == "people":
            return ", ".join(row.people)
        if column == "said":
            hit = self.hits.get(row.id)
            if hit is not None:
                return search_results.plain(hit)
            return row.said or self.tr("(nothing written)")
        if column == "satisfaction":
            return "" if row.satisfaction is None else str(row.satisfaction)
        if column == "understood":
            return labels.understood(row.understood)
        return "; ".join(self.problem_labels.get(k, k) for k in row.problems)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The view asks; the query runs in SQL, on a worker (see InteractionsView).
        if 0 <= column < len(self.columns):
            self.sort_requested.emit(column, order)


def render_interaction(
    i: r.Interaction,
    names: dict[str, str],
    focus_titles: dict[str, str],
    problem_labels: dict[str, str],
    follow_up_title: str = "",
) -> str:
    """The whole interaction as HTML; every user text escaped, line breaks kept; its tints
    follow the light or dark theme."""
    tints = theme.tints()

    def text(value: str) -> str:
        return html.escape(value).replace("\n", "<br>")

    def section(title: str, value: str) -> str:
        if not value.strip():
            return ""
        return f"<h3>{html.escape(title)}</h3><p>{text(value)}</p>"

    tr = labels.tr
    people = ", ".join(names.get(p, "?") for p in i.people) or tr("no one named")
    parts = [
        f"<h2>{html.escape(labels.when(i.occurred_at))}</h2>",
        f"<p><b>{html.escape(tr('With'))}:</b> {html.escape(people)} · "
        f"{html.escape(labels.channel(i.channel))}",
    ]
    if i.focus:
        parts.append(f" · {html.escape(focus_titles.get(i.focus, ''))}")
    if i.private:
        parts.append(f" · <i>{html.escape(tr('private'))}</i>")
    parts.append("</p>")
    parts.append(section(tr("What led up to it"), i.setting))
    # Intended beside heard: the heart of the communication analysis.
    if i.intended.strip() or i.heard.strip():
        parts.append(
            "<table width='100%' cellspacing='0' cellpadding='6'><tr>"
            f"<td width='50%' valign='top' bgcolor='{tints.mine}'><b>"
            f"{html.escape(tr('What I wanted'))}</b><br>{text(i.intended)}</td>"
            f"<td width='50%' valign='top' bgcolor='{tints.theirs}'><b>"
            f"{html.escape(tr('What I took them to mean'))}</b><br>{text(i.heard)}</td>"
            "</tr></table>"
        )
    parts.append(section(tr("What I said"), i.said))
    parts.append(section(tr("What they said"), i.other_said))
    parts.append(section(tr("What they might have wanted or heard"), i.their_view))
    if i.emotions:
        felt = ", ".join(f"{labels.emotion(e.name)} {e.intensity}" for e in i.emotions)
        parts.append(section(tr("What I felt"), felt))
    parts.append(section(tr("How it ended"), i.outcome))
    rating = []
    if i.understood:
        rating.append(f"{tr('Understood')}: {labels.understood(i.understood)}")
    if i.satisfaction is not None:
        rating.append(f"{tr('Satisfaction')}: {i.satisfaction}/10")
    if rating:
        parts.append(f"<p>{html.escape(' · '.join(rating))}</p>")
    if i.problems:
        items = "".join(f"<li>{html.escape(problem_labels.get(p, p))}</li>" for p in i.problems)
        parts.append(f"<h3>{html.escape(tr('Communication problems'))}</h3><ul>{items}</ul>")
    parts.append(section(tr("What else I could have said or done"), i.alternative))
    plan = i.plan + (f"\n({tr('rehearsed in session')})" if i.plan and i.rehearsed else "")
    parts.append(section(tr("Next time I will try"), plan))
    if follow_up_title:
        parts.append(section(tr("This follows up"), follow_up_title))
    parts.append(section(tr("Therapist note"), i.therapist_note))
    if i.tags:
        parts.append(f"<p><i>{html.escape(', '.join(i.tags))}</i></p>")
    return "".join(parts)


class FilterBar(QWidget):
    """Date range, person, focus, problem and text; emits `changed` (text is debounced)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_from = self._date_edit(self.tr("From date"))
        self.date_to = self._date_edit(self.tr("To date"))
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Filter by person"))
        self.focus = QComboBox()
        self.focus.setAccessibleName(self.tr("Filter by problem area"))
        self.problem = QComboBox()
        self.problem.setAccessibleName(self.tr("Filter by communication problem"))
        for combo in (self.person, self.focus, self.problem):
            # Long problem-area titles must not squeeze the search field: the box keeps a
            # modest width and its list opens wide enough to read every choice.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search the words…"))
        self.text.setAccessibleName(self.tr("Search text"))
        self.text.setClearButtonEnabled(True)
        self._keep_room_to_search()
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.person, self.focus, self.problem):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            combo.currentTextChanged.connect(combo.setToolTip)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search = QLabel(self.tr("&Find:"))
        search.setBuddy(self.text)
        layout.addWidget(search)
        layout.addWidget(self.text, 2)
        from_label = QLabel(self.tr("From"))
        from_label.setBuddy(self.date_from)
        layout.addWidget(from_label)
        layout.addWidget(self.date_from)
        to_label = QLabel(self.tr("to"))
        to_label.setBuddy(self.date_to)
        layout.addWidget(to_label)
        layout.addWidget(self.date_to)
        layout.addWidget(self.person, 1)
        layout.addWidget(self.focus, 1)
        layout.addWidget(self.problem, 1)
        layout.addWidget(self.clear_button)
        self.set_choices([], [], [])

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDate(edit.minimumDate())
        edit.setAccessibleName(name)
        return edit

    def set_choices(
        self,
        people: Sequence[r.Person],
        focuses: Sequence[r.Focus],
        problems: Sequence[r.ProblemKind],
    ) -> None:
        """Refill the combo boxes, keeping what was chosen when it still exists."""
        names = labels.problem_labels(problems)
        for combo, everything, items in (
            (self.person, self.tr("Everyone"), [(p.id, p.name) for p in people]),
            (
                self.focus,
                self.tr("Every problem area"),
                [(f.id, labels.focus_title(f)) for f in focuses],
            ),
            (
                self.problem,
                self.tr("Any communication problem"),
                [(p.key, names[p.key]) for p in problems],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for key, text in items:
                combo.addItem(text, key)
            found = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(found, 0))
            combo.setToolTip(combo.currentText())
            combo.view().setMinimumWidth(min(combo.view().sizeHintForColumn(0) + 24, 640))
            combo.blockSignals(False)
            if current and found < 0:
                self.changed.emit()

    def _keep_room_to_search(self) -> None:
        """The search field always shows its hint, whatever the text size."""
        hint = self.text.placeholderText()
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance(hint) + 40)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._keep_room_to_search()

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == edit.minimumDate() else value.toPython()  # type: ignore[return-value]

    def value(self) -> r.InteractionFilter:
        person = self.person.currentData()
        return r.InteractionFilter(
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            people=(str(person),) if person else (),
            focus=self.focus.currentData() or None,
            problem=self.problem.currentData() or None,
            text=self.text.text().strip(),
        )

    def clear(self) -> None:
        widgets = (self.date_from, self.date_to, self.person, self.focus, self.problem, self.text)
        for widget in widgets:
            widget.blockSignals(True)
        self.date_from.setDate(self.date_from.minimumDate())
        self.date_to.setDate(self.date_to.minimumDate())
        for combo in (self.person, self.focus, self.problem):
            combo.setCurrentIndex(0)
        self.text.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.changed.emit()


class InteractionsView(QWidget):
    """The list with its filters on top and the selected interaction beside it."""

    edit_requested = Signal(str)
    delete_requested = Signal(list)
    new_requested = Signal()
    count_changed = Signal(int)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactions-view")
        self._ops = ops
        self._document: Document | None = None
        self._generation = 0
        self._sort: tuple[SortKey, bool] = ("date", True)
        self._names: dict[str, str] = {}
        self._focus_titles: dict[str, str] = {}
        self._wanted_selection: str | None = None
        self.loading = False
        self._searched = ""  # the words of the last search, to rank again when they change
        self._by_rank = True

        self.filters = FilterBar()
        self.filters.changed.connect(self.reload)
        self.model = InteractionListModel(self._load_rows, self)
        self.model.sort_requested.connect(self._sort_by)
        self.table = QTableView()
        self.table.setObjectName("interaction-table")
        self.table.setAccessibleName(self.tr("Interactions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        theme.set_column_widths(self.table, dict(enumerate((152, 104, 240, 84, 84))))
        self.table.setItemDelegateForColumn(2, search_results.SnippetDelegate(self.table))
        self.table.doubleClicked.connect(
            lambda index: self.edit_requested.emit(self.model.data(index, ID_ROLE))
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(
            lambda index: self.edit_requested.emit(self.model.data(index, ID_ROLE))
        )

        self.empty = QLabel()
        self.empty.setObjectName("empty-note")
        theme.scale_font(self.empty, theme.EMPTY_NOTE)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.detail = QTextBrowser()
        self.detail.setObjectName("interaction-detail")
        self.detail.setAccessibleName(self.tr("The selected interaction"))
        self.detail.setOpenLinks(False)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self._delete_selected)
        detail_buttons = QHBoxLayout()
        detail_buttons.addStretch(1)
        detail_buttons.addWidget(self.edit_button)
        detail_buttons.addWidget(self.delete_button)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(detail_buttons)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty, 1)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        list_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        self._show_selected()

    # --- the document -----------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._generation += 1
        self.model.set_ids([])
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        if document is None:
            self.filters.set_choices([], [], [])
            return
        self.refresh_choices()
        self.reload()

    def refresh_choices(self) -> None:
        document = self._document
        if document is None:
            return
        people = document.people()
        focuses = document.focuses()
        problems = document.problem_kinds()
        self._names = {p.id: p.name for p in people}
        self._focus_titles = {f.id: labels.focus_title(f) for f in focuses}
        self.model.problem_labels = labels.problem_labels(problems)
        self.filters.set_choices(people, focuses, problems)

    def on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {"people", "focuses", "vocabulary"}:
            self.refresh_choices()
        self.reload()

    def _load_rows(self, ids: list[str]) -> Sequence[InteractionRow]:
        return self._document.summaries(ids) if self._document else []

    # --- querying ---------------------------------------------------------------------

    def _sort_by(self, column: int, order: Qt.SortOrder) -> None:
        key = self.model.columns[column].sort
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._by_rank = False  # a column chosen while searching sorts the results by it
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.reload()

    def reload(self) -> None:
        """Run the id query for the current filter and sort on a worker thread."""
        document = self._document
        if document is None:
            return
        self._generation += 1
        generation = self._generation
        where = self.filters.value()
        sort, descending = self._sort
        self.loading = True
        current = self.current_id()
        if current is not None:
            self._wanted_selection = current
        if where.text.strip() != self._searched:
            self._searched = where.text.strip()
            self._by_rank = True  # new words: best matches first
        by_rank = self._by_rank and bool(self._searched)
        self.table.horizontalHeader().setSortIndicatorShown(not by_rank)
        wide = round(380 * theme.text_scale())  # room for the words found around the match
        if self._searched and self.table.columnWidth(2) < wide:
            self.table.setColumnWidth(2, wide)
        workbook = document.workbook
        self._ops.run(
            lambda: search_results.list_ranked(workbook, where, sort, descending, by_rank),
            lambda listed: self._loaded(generation, listed),
            lambda error: self._failed(generation, str(error)),
        )

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading = False
            self.count_label.setText(message)

    def _loaded(self, generation: int, listed: search_results.Listed) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        wanted = self._wanted_selection
        ids = listed.ids
        self.model.set_ids(ids, listed.hits)
        self.loading = False
        filtered = self.filters.value() != r.InteractionFilter()
        if len(ids) == 1:
            counted = self.tr("1 interaction shown") if filtered else self.tr("1 interaction")
        else:
            counted = (
                self.tr("%1 interactions shown") if filtered else self.tr("%1 interactions")
            ).replace("%1", f"{len(ids):,}")
        self.count_label.setText(counted)
        self.count_changed.emit(len(ids))
        if not ids:
            self.empty.setText(
                self.tr("No interaction matches these filters. Clear filters to see them all.")
                if filtered
                else self.tr(
                    "No interactions yet.\n\nAfter a conversation that stayed with you, press "
                    "Ctrl+N: a few questions, one at a time, help you write it down."
                )
            )
        self.empty.setVisible(not ids)
        self.table.setVisible(bool(ids))
        if wanted is not None and self.select(wanted):
            return
        if ids:
            self._select_row(0)
        else:
            self._show_selected()

    # --- selection --------------------------------------------------------------------

    def select(self, interaction_id: str) -> bool:
        row = self.model.row_of(interaction_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.model.data(rows[0], ID_ROLE))

    def selected_ids(self) -> list[str]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [str(self.model.data(index, ID_ROLE)) for index in rows]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_selected()  # its tints follow the theme

    def _show_selected(self) -> None:
        interaction_id = self.current_id()
        self.edit_button.setEnabled(interaction_id is not None)
        self.delete_button.setEnabled(interaction_id is not None)
        document = self._document
        if interaction_id is None or document is None:
            hint = html.escape(self.tr("Pick an interaction to read it in full."))
            self.detail.setHtml(f"<p style='color:{theme.tints().muted}'>{hint}</p>")
            return
        self._wanted_selection = interaction_id
        interaction = document.interaction(interaction_id)
        if interaction is None:
            self.detail.clear()
            return
        follow_up = ""
        if interaction.follow_up_of:
            earlier = document.interaction(interaction.follow_up_of)
            if earlier is not None:
                follow_up = labels.when(earlier.occurred_at)
                if earlier.plan.strip():
                    follow_up += " — " + earlier.plan.strip().splitlines()[0]
        self.detail.setHtml(
            render_interaction(
                interaction,
                self._names,
                self._focus_titles,
                self.model.problem_labels,
                follow_up,
            )
        )

    def _edit_selected(self) -> None:
        interaction_id = self.current_id()
        if interaction_id:
            self.edit_requested.emit(interaction_id)

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)
