"""The focus of the therapy: the problem area(s), their details, and goals with status.

Edits are saved as they are made (a moment after typing stops, and whenever the focus is
left), each save an undo step that merges with the previous one while typing goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iptwork import domain
from iptwork.store import records as r
from iptwork.ui import alerts, editors, labels, theme
from iptwork.ui.editors import EntryLine, PeoplePicker, TextField
from iptwork.ui.record_table import ID_ROLE, ROOT, Index

SAVE_DELAY_MS = 700

#: How each area's details are laid out: rows of one or two fields side by side.
DETAIL_ROWS: dict[str, tuple[tuple[str, ...], ...]] = {
    "dispute": (("i_expect", "they_expect"), ("what_is_at_stake",)),
    "transition": (
        ("old_role", "new_role"),
        ("old_role_good", "new_role_good"),
        ("old_role_hard", "new_role_hard"),
        ("lost", "gained"),
    ),
    "grief": (("person_lost", "died_on"), ("relationship_good", "relationship_hard")),
    "sensitivity": (("pattern", "wished_for"),),
}
SHORT_DETAILS = frozenset({"old_role", "new_role", "person_lost", "died_on"})


class FocusListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._focuses: list[r.Focus] = []

    def set_focuses(self, focuses: Sequence[r.Focus]) -> None:
        self.beginResetModel()
        self._focuses = list(focuses)
        self.endResetModel()

    def focus(self, row: int) -> r.Focus:
        return self._focuses[row]

    def row_of(self, focus_id: str) -> int:
        return next((n for n, f in enumerate(self._focuses) if f.id == focus_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._focuses)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        focus = self._focuses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Two short lines: what it is, and where it stands (the editor has the rest).
            title = labels.area(focus.area)
            if focus.stage:
                title += " · " + labels.stage(focus.stage).split(":")[0]
            open_goals = sum(1 for g in focus.goals if g.status == "open")
            status = (
                self.tr("%1 of %2 goals open")
                .replace("%1", str(open_goals))
                .replace("%2", str(len(focus.goals)))
                if focus.goals
                else self.tr("no goals yet")
            )
            return f"{title}\n{status}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return focus.description or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return labels.focus_title(focus)
        if role == ID_ROLE:
            return focus.id
        return None


class GoalsModel(QAbstractTableModel):
    """A focus's goals: the text and the status are edited in place."""

    goals_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._goals: list[r.Goal] = []
        self.titles = (self.tr("Goal"), self.tr("Status"))

    def set_goals(self, goals: Sequence[r.Goal]) -> None:
        self.beginResetModel()
        self._goals = list(goals)
        self.endResetModel()

    def goals(self) -> tuple[r.Goal, ...]:
        return tuple(self._goals)

    def add(self, text: str) -> None:
        row = len(self._goals)
        self.beginInsertRows(QModelIndex(), row, row)
        self._goals.append(r.Goal(text=text))
        self.endInsertRows()
        self.goals_changed.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._goals):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._goals[row]
            self.endRemoveRows()
            self.goals_changed.emit()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._goals)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 2
        ):
            return self.titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        goal = self._goals[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return goal.text
            return (
                labels.goal_status(goal.status)
                if role == Qt.ItemDataRole.DisplayRole
                else (goal.status)
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        goal = self._goals[index.row()]
        if index.column() == 0:
            text = str(value).strip()
            if not text or text == goal.text:
                return False  # a goal needs words; an emptied cell keeps the old text
            goal = replace(goal, text=text)
        else:
            if value not in {s.value for s in domain.GoalStatus} or value == goal.status:
                return False
            goal = replace(goal, status=str(value))
        self._goals[index.row()] = goal
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, role])
        self.goals_changed.emit()
        return True


class StatusDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for status in domain.GoalStatus:
            combo.addItem(labels.goal_status(status.value), status.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class FocusEditor(QWidget):
    """Everything about one focus; emits `edited` with the new record after a pause."""

    edited = Signal(object)  # r.Focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focus-editor")
        self._focus: r.Focus | None = None
        self._loading = False
        self._read_only = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.title = QLabel()
        theme.scale_font(self.title, 1.3, bold=True)
        self.area = QComboBox()
        self.area.setObjectName("focus-area")
        self.area.setAccessibleName(self.tr("Problem area"))
        for area in domain.ProblemArea:
            self.area.addItem(labels.area(area.value), area.value)
        self.area.currentIndexChanged.connect(lambda _i: self._change_area())
        area_row = QHBoxLayout()
        area_label = QLabel(self.tr("Problem a&rea:"))
        area_label.setBuddy(self.area)
        area_row.addWidget(area_label)
        area_row.addWidget(self.area)
        area_row.addStretch(1)
        self.description = TextField(self.tr("Description"), self.tr("In a few words, what is it?"))
        self.description.setMaximumHeight(56)
        self.description.textChanged.connect(self._schedule)
        self.stage = QComboBox()
        self.stage.setAccessibleName(self.tr("Dispute stage"))
        self.stage.addItem(self.tr("Not decided yet"), None)
        for stage in domain.DisputeStage:
            self.stage.addItem(labels.stage(stage.value), stage.value)
        self.stage.currentIndexChanged.connect(lambda _i: self._schedule(now=True))
        self.stage_history = QLabel()
        self.stage_history.setProperty("role", "hint")
        self.stage_history.setWordWrap(True)
        self.stage_row = QWidget()
        stage_layout = QHBoxLayout(self.stage_row)
        stage_layout.setContentsMargins(0, 0, 0, 0)
        stage_label = QLabel(self.tr("&Stage of the dispute:"))
        stage_label.setBuddy(self.stage)
        stage_layout.addWidget(stage_label)
        stage_layout.addWidget(self.stage)
        stage_layout.addWidget(self.stage_history, 1)
        self.details_box = QGroupBox(self.tr("Details"))
        self.details_grid = QGridLayout(self.details_box)
        self.details: dict[str, TextField | QLineEdit] = {}
        self.people = PeoplePicker(None)
        self.people.list.setMaximumHeight(110)
        self.people.changed.connect(self._schedule)
        self.goals = GoalsModel(self)
        self.goals.goals_changed.connect(lambda: self._schedule(now=True))
        self.goals_table = QTableView()
        self.goals_table.setObjectName("goals-table")
        self.goals_table.setAccessibleName(self.tr("Goals"))
        self.goals_table.setModel(self.goals)
        self.goals_table.setItemDelegateForColumn(1, StatusDelegate(self.goals_table))
        self.goals_table.verticalHeader().hide()
        self.goals_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        theme.set_column_widths(self.goals_table, {1: 120})
        self.goals_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.goals_table.setMinimumHeight(120)
        self.new_goal = EntryLine()
        self.new_goal.setPlaceholderText(self.tr("A new goal: type it and press Enter"))
        self.new_goal.setAccessibleName(self.tr("New goal"))
        self.new_goal.submitted.connect(self._add_goal)
        self.remove_goal = remove_goal = QPushButton(self.tr("Remove goal"))
        remove_goal.clicked.connect(self._remove_goal)
        goal_row = QHBoxLayout()
        goal_row.addWidget(self.new_goal, 1)
        goal_row.addWidget(remove_goal)
        self.message = QLabel()
        self.message.setProperty("role", "problem")
        self.message.setWordWrap(True)
        self.message.hide()
        goals_box = QGroupBox(self.tr("Goals"))
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.addWidget(self.goals_table)
        goals_layout.addLayout(goal_row)
        people_box = QGroupBox(self.tr("People involved"))
        QVBoxLayout(people_box).addWidget(self.people)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(area_row)
        layout.addWidget(self.description)
        layout.addWidget(self.stage_row)
        layout.addWidget(self.details_box)
        layout.addWidget(self.message)
        layout.addWidget(goals_box)
        layout.addWidget(people_box)
        layout.addStretch(1)

    # --- loading ----------------------------------------------------------------------

    def focus(self) -> r.Focus | None:
        return self._focus

    def load(self, focus: r.Focus, people: Sequence[r.Person]) -> None:
        self._timer.stop()
        self._loading = True
        try:
            self._focus = focus
            self.title.setText(labels.area(focus.area))
            self.area.setCurrentIndex(max(self.area.findData(focus.area), 0))
            if self.description.text() != focus.description:
                self.description.set_text(focus.description)
            is_dispute = focus.area == domain.ProblemArea.DISPUTE
            self.stage_row.setVisible(is_dispute)
            self.stage.setCurrentIndex(max(self.stage.findData(focus.stage), 0))
            self._show_history(focus)
            self._build_details(focus)
            self.people.set_people(people, focus.people)
            if self.goals.goals() != focus.goals:
                self.goals.set_goals(focus.goals)
            self.message.hide()
            if self._read_only:
                editors.set_read_only(self, True)  # the detail fields may be new ones
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """A workbook opened read-only (open elsewhere): the focus is shown, not edited."""
        self._timer.stop()
        self._read_only = read_only
        editors.set_read_only(self, read_only)
        self.new_goal.setVisible(not read_only)
        self.remove_goal.setVisible(not read_only)

    def _show_history(self, focus: r.Focus) -> None:
        history = [
            f"{labels.stage(c.stage).split(':')[0]} ({c.changed_on:%Y-%m-%d})"
            for c in reversed(focus.stage_history)
        ]
        self.stage_history.setText(
            self.tr("History: %1").replace("%1", " ← ".join(history)) if history else ""
        )

    def _build_details(self, focus: r.Focus) -> None:
        keys = [k for row in DETAIL_ROWS[focus.area] for k in row]
        if list(self.details) != keys:
            while self.details_grid.count():
                item = self.details_grid.takeAt(0)
                if item is not None and item.widget() is not None:
                    item.widget().deleteLater()
            self.details = {}
            for row_number, row in enumerate(DETAIL_ROWS[focus.area]):
                for column, key in enumerate(row):
                    field: TextField | QLineEdit
                    if key in SHORT_DETAILS:
                        field = QLineEdit()
                        field.setPlaceholderText(labels.detail_prompt(key))
                        field.setAccessibleName(labels.detail_label(key))
                        field.textChanged.connect(self._schedule)
                    else:
                        field = TextField(labels.detail_label(key), labels.detail_prompt(key))
                        field.setMinimumHeight(60)
                        field.setMaximumHeight(110)
                        field.textChanged.connect(self._schedule)
                    caption = QLabel(labels.detail_label(key))
                    caption.setBuddy(field)
                    span = 2 if len(row) == 1 else 1
                    self.details_grid.addWidget(caption, row_number * 2, column, 1, span)
                    self.details_grid.addWidget(field, row_number * 2 + 1, column, 1, span)
                    self.details[key] = field
        for key, field in self.details.items():
            value = focus.details.get(key, "")
            if field.text() != value:
                if isinstance(field, QLineEdit):
                    field.setText(value)
                else:
                    field.set_text(value)

    # --- saving -----------------------------------------------------------------------

    def _schedule(self, now: bool = False) -> None:
        if self._loading or self._focus is None or self._read_only:
            return
        if now:
            self.flush()
        else:
            self._timer.start()

    def composed(self) -> tuple[r.Focus | None, str]:
        """The focus as the editor shows it, and a problem that stops it being saved."""
        focus = self._focus
        if focus is None:
            return None, ""
        details = {key: field.text() for key, field in self.details.items() if field.text()}
        died_on = details.get("died_on", "").strip()
        if died_on:
            try:
                day = date.fromisoformat(died_on)
            except ValueError:
                return None, self.tr(
                    "The date of death needs the form YYYY-MM-DD, e.g. 2025-03-14."
                )
            if day > date.today():
                return None, self.tr("The date of death is in the future; please check it.")
            details["died_on"] = day.isoformat()
        stage = self.stage.currentData() if focus.area == domain.ProblemArea.DISPUTE else None
        return (
            replace(
                focus,
                description=self.description.text(),
                stage=stage,
                people=self.people.checked_ids(),
                details=details,
                goals=self.goals.goals(),
            ),
            "",
        )

    def flush(self) -> None:
        """Save now whatever is waiting (also called when leaving the focus)."""
        self._timer.stop()
        if self._read_only:
            return
        new, problem = self.composed()
        self.message.setVisible(bool(problem))
        self.message.setText(problem)
        if new is None or self._focus is None:
            return
        if replace(new, stage_history=()) != replace(self._focus, stage_history=()):
            self.edited.emit(new)

    def _change_area(self) -> None:
        """Move the focus to another problem area, asking first if details would be lost."""
        if self._loading or self._focus is None or self._read_only:
            return
        area = str(self.area.currentData())
        if area == self._focus.area:
            return
        self.flush()  # what was typed is saved first, as its own step
        focus = self._focus
        composed, _problem = self.composed()
        base = composed or focus
        if base.area != focus.area:  # the save above was refused; nothing is consistent
            base = focus
        kept = set(domain.FOCUS_DETAILS[domain.ProblemArea(area)])
        details = {k: v for k, v in base.details.items() if k in kept}
        dispute = area == domain.ProblemArea.DISPUTE
        lost = [labels.detail_label(k) for k, v in base.details.items() if k not in kept and v]
        if not dispute and (base.stage is not None or focus.stage_history):
            lost.append(self.tr("the stage of the dispute and its history"))
        if lost and not alerts.confirm(
            self,
            self.tr("Change the problem area?"),
            self.tr("These details belong to %1 and will be dropped: %2. (Undo brings them back.)")
            .replace("%1", labels.area(focus.area))
            .replace("%2", "; ".join(lost)),
            self.tr("Change and drop them"),
        ):
            self._loading = True
            try:
                self.area.setCurrentIndex(max(self.area.findData(focus.area), 0))
            finally:
                self._loading = False
            return
        self.message.hide()
        self.edited.emit(
            replace(
                base,
                area=area,
                details=details,
                stage=base.stage if dispute else None,
                stage_history=focus.stage_history if dispute else (),
            )
        )

    def saved(self, focus: r.Focus) -> None:
        """The document took the edit: keep its history and go on editing."""
        self._focus = focus
        self._show_history(focus)

    def _add_goal(self) -> None:
        text = self.new_goal.text().strip()
        if text:
            self.goals.add(text)
            self.new_goal.clear()

    def _remove_goal(self) -> None:
        index = self.goals_table.currentIndex()
        if index.isValid():
            self.goals.remove(index.row())


class NewFocusDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A new focus"))
        self.area = QComboBox()
        for area in domain.ProblemArea:
            self.area.addItem(labels.area(area.value), area.value)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("In a few words (you can change it later)"))
        help_text = QLabel(
            self.tr(
                "IPT usually works on one problem area, at most two: grief after a death, a "
                "dispute with someone, a change of role in life, or loneliness and few "
                "relationships."
            )
        )
        help_text.setWordWrap(True)
        help_text.setProperty("role", "hint")
        form = QFormLayout()
        form.addRow(self.tr("Problem &area"), self.area)
        form.addRow(self.tr("&Description"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def focus(self) -> r.Focus:
        area = str(self.area.currentData())
        stage = domain.DisputeStage.RENEGOTIATION.value if area == "dispute" else None
        return r.Focus(area=area, description=self.description.text().strip(), stage=stage)

    @classmethod
    def ask(cls, parent: QWidget | None) -> r.Focus | None:
        dialog = cls(parent)
        try:
            return dialog.focus() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class FocusView(QWidget):
    add_requested = Signal()
    delete_requested = Signal(str)
    edited = Signal(object, object)  # old r.Focus, new r.Focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focus-view")
        self.model = FocusListModel(self)
        self.list = QListView()
        self.list.setObjectName("focus-list")
        self.list.setAccessibleName(self.tr("Problem areas"))
        self.list.setModel(self.model)
        self.list.setSpacing(3)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.editor = FocusEditor()
        self.editor.edited.connect(self._edited)
        self.empty = QLabel(
            self.tr(
                "No focus yet. In the first sessions you and your therapist choose the problem "
                "area to work on; add it here with “Add a focus”."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = add = QPushButton(self.tr("&Add a focus…"))
        add.clicked.connect(self.add_requested)
        self.delete_button = QPushButton(self.tr("&Delete focus…"))
        self.delete_button.clicked.connect(self._delete_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(add)
        left_layout.addWidget(self.delete_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.scroll = scroll
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.empty, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._people: list[r.Person] = []
        self._read_only = False
        self._show_current()

    def set_read_only(self, read_only: bool) -> None:
        """A workbook opened read-only (open elsewhere): focuses are shown, not changed."""
        if read_only:
            self.editor.flush()  # nothing waits to be saved when the editing stops
        self._read_only = read_only
        self.editor.set_read_only(read_only)
        self.add_button.setEnabled(not read_only)
        self.delete_button.setEnabled(self.current_id() is not None and not read_only)

    def set_data(self, focuses: Sequence[r.Focus], people: Sequence[r.Person]) -> None:
        self._people = list(people)
        current = self.current_id()
        self.model.set_focuses(focuses)
        row = self.model.row_of(current) if current else -1
        if row < 0 and focuses:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._show_current()

    def select(self, focus_id: str) -> None:
        row = self.model.row_of(focus_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(self.model.data(index, ID_ROLE)) if index.isValid() else None

    def _show_current(self) -> None:
        index = self.list.currentIndex()
        has = index.isValid()
        self.scroll.setVisible(has)
        self.empty.setVisible(not has)
        self.delete_button.setEnabled(has and not self._read_only)
        if not has:
            return
        focus = self.model.focus(index.row())
        shown = self.editor.focus()
        if shown is not None and shown.id != focus.id:
            self.editor.flush()  # leaving a focus saves what was typed in it
        self.editor.load(focus, self._people)

    def _edited(self, new: r.Focus) -> None:
        old = (
            self.model.focus(self.model.row_of(new.id)) if self.model.row_of(new.id) >= 0 else None
        )
        if old is not None:
            self.edited.emit(old, new)

    def _delete_current(self) -> None:
        focus_id = self.current_id()
        if focus_id and not self._read_only:
            self.editor.flush()
            self.delete_requested.emit(focus_id)
