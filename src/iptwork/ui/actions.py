"""The app's actions in one registry keyed by name.

Menus, toolbars and tests all reach an action by its name ("file.open",
"interaction.new"); each knows its text, shortcut, tip and whether it needs an open
workbook, so the main window enables them in one place.

Every action has a tip: one plain sentence that says what it does, shown as the tooltip
(with the shortcut) and in the status bar while the pointer rests on it. A test walks the
menus and the toolbar to keep it so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None


def _noop(text: str) -> str:
    """Marks a string for translation where it is defined (QT_TRANSLATE_NOOP)."""
    return text


#: Tips for actions whose `add(...)` gives none (made in loops or in other modules); a tip
#: given to `add` wins. Translated in the "actions" context when used.
TIPS: dict[str, str] = {
    "view.interactions": _noop("The conversations you have written down, newest first"),
    "view.inventory": _noop("The people in your life and the closeness circle"),
    "view.focus": _noop("The problem areas you are working on, with their goals"),
    "view.sessions": _noop("The session log: notes, homework, ratings and what was reviewed"),
    "view.questionnaires": _noop("PHQ-9, GAD-7 and daily mood, with their history"),
    "view.timeline": _noop("Life events, interactions and scores on one time line"),
    "view.sheets": _noop("The formulation and the ending (termination) sheet"),
    "workbook.set_password": _noop("Encrypt this workbook: it then opens only with its password"),
    "workbook.change_password": _noop("Give this encrypted workbook a new password"),
    "workbook.remove_password": _noop(
        "Store this workbook without encryption, so it opens without a password"
    ),
    "workbook.restore_backup": _noop(
        "Put back one of the automatic backups (the workbook as it is now is kept too)"
    ),
    "edit.preferences": _noop("Theme, text size, export choices, auto-lock and backups"),
}


def _with_shortcut(tip: str, action: QAction) -> str:
    """The tooltip: the tip, and the shortcut unless the tip already names it."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if not keys or keys in tip:
        return tip
    return f"{tip} ({keys})"


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
        if not tip and name in TIPS:
            tip = QCoreApplication.translate("actions", TIPS[name])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(_with_shortcut(tip, action))
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
