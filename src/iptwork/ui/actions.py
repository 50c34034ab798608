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
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

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

#: Tips for submenus, keyed by the name of the first action in them (a submenu has no name
#: of its own). Translated in the "actions" context when used.
SUBMENU_TIPS: dict[str, str] = {
    "file.export_json": _noop(
        "Save the records as JSON (to keep or move them) or as CSV tables (for a spreadsheet)"
    ),
}
RECENT_TIP = _noop("Workbooks you opened lately: pick one to open it again")
RECENT_ENTRY_TIP = _noop("Open %1")
NO_RECENT_TIP = _noop("No workbook has been opened yet")


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def _set_tip(action: QAction, tip: str) -> None:
    action.setStatusTip(tip)
    action.setToolTip(_with_shortcut(tip, action))


def describe_submenus(bar: QMenuBar, recent: QMenu | None = None) -> None:
    """Give every submenu a tip, like every action has: shown in the status bar while the
    pointer rests on it. `recent` (Open recent) also gets one for each workbook it lists,
    with the workbook's whole path, each time it is filled."""
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            _describe(menu, recent)
    if recent is not None:
        recent.aboutToShow.connect(lambda: _describe_recent(recent))  # after it is filled


def _describe(menu: QMenu, recent: QMenu | None) -> None:
    for action in menu.actions():
        sub = action.menu()
        if not isinstance(sub, QMenu):
            continue
        _describe(sub, recent)
        if action.statusTip():
            continue
        if sub is recent:
            tip = _tr(RECENT_TIP)
        else:
            inside = [a for a in sub.actions() if not a.isSeparator()]
            first = inside[0].objectName() if inside else ""
            tip = (
                _tr(SUBMENU_TIPS[first])
                if first in SUBMENU_TIPS
                else ", ".join(a.text().replace("&", "").rstrip("…") for a in inside)
            )
        _set_tip(action, tip)


def _describe_recent(recent: QMenu) -> None:
    for action in recent.actions():
        if action.isSeparator() or action.statusTip():
            continue
        if action.isEnabled():  # the tooltip is the workbook's path
            _set_tip(action, _tr(RECENT_ENTRY_TIP).replace("%1", action.toolTip()))
        else:
            _set_tip(action, _tr(NO_RECENT_TIP))


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
