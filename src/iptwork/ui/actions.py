"""The app's actions in one registry keyed by name.

Menus, toolbars and tests all reach an action by its name ("file.open",
"interaction.new"); each knows its text, shortcut, tooltip and whether it needs an open
workbook, so the main window enables them in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None


class ActionRegistry:
    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._actions: dict[str, QAction] = {}
        self._needs_workbook: set[str] = set()

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: Shortcut = None,
        tip: str = "",
        needs_workbook: bool = False,
    ) -> QAction:
        if name in self._actions:
            raise ValueError(f"action {name!r} registered twice")
        action = QAction(text, self._owner)
        action.setObjectName(name)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self._owner.addAction(action)
        self._actions[name] = action
        if needs_workbook:
            self._needs_workbook.add(name)
            action.setEnabled(False)
        return action

    def scope(self, name: str, widget: QWidget) -> None:
        """Let the action's shortcut fire only while `widget` (or a child) has the focus:
        Delete means one thing in the interaction list and another in the people table."""
        action = self._actions[name]
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._owner.removeAction(action)
        widget.addAction(action)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._actions)

    def trigger(self, name: str) -> None:
        action = self._actions[name]
        if not action.isEnabled():
            raise RuntimeError(f"action {name!r} is disabled")
        action.trigger()

    def set_workbook_open(self, is_open: bool) -> None:
        for name in self._needs_workbook:
            self._actions[name].setEnabled(is_open)
