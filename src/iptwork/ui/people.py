"""The people and focuses for the main window: the inventory of people in the client's
life (adding, editing, moving on the closeness circle, deleting) and the problem areas
being worked on.

Kept out of `main_window.py` so the window stays thin, like `Security` and `Course`:
`People(window)` adds its actions to the window's registry (the window puts them in its
menus), and the window connects the People and Focus views' signals to its handlers when
it builds them. Dialogs and alerts are parented to the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from iptwork.ui import alerts, labels

if TYPE_CHECKING:
    from iptwork.store import records as r
    from iptwork.ui.main_window import MainWindow


class People(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._make_actions()

    def _make_actions(self) -> None:
        add = self.window.actions.add
        add(
            "person.add",
            self.tr("Add a &person…"),
            self.add_person,
            needs_workbook=True,
            tip=self.tr("Add someone who matters in your life to your inventory"),
        )
        delete = add(
            "person.delete",
            self.tr("Delete the person…"),
            self._delete_current_person,
            shortcut=QKeySequence.StandardKey.Delete,
            needs_workbook=True,
            tip=self.tr("Delete the person you picked (Undo brings them back)"),
        )
        # Delete deletes what the focused list shows: the window's `_build` ties this one
        # to the people table.
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.removeAction(delete)
        add(
            "focus.add",
            self.tr("Add a &focus…"),
            self.add_focus,
            needs_workbook=True,
            tip=self.tr("Choose a problem area to work on: grief, a dispute, a change, loneliness"),
        )

    # --- people -----------------------------------------------------------------------

    def _person(self, person_id: str) -> r.Person | None:
        document = self.window.document
        people = document.people() if document is not None else []
        return next((p for p in people if p.id == person_id), None)

    def _taken_names(self) -> list[str]:
        document = self.window.document
        return [p.name for p in document.people()] if document is not None else []

    def add_person(self) -> None:
        document = self.window.document
        if document is None:
            return
        from iptwork.ui.inventory import PersonDialog

        person = PersonDialog.ask(self.window, None, self._taken_names())
        if person is not None and document.add_person(person):
            self.window.inventory.circle.set_current(person.id)
            self.window.inventory._select_in_table(person.id)

    def edit_person(self, person_id: str) -> None:
        document = self.window.document
        old = self._person(person_id)
        if document is None or old is None:
            return
        from iptwork.ui.inventory import PersonDialog

        new = PersonDialog.ask(self.window, old, self._taken_names())
        if new is not None:
            document.update_person(old, new)

    def move_person(self, person_id: str, closeness: int) -> None:
        from dataclasses import replace

        document = self.window.document
        old = self._person(person_id)
        if document is None or old is None:
            return
        text = (
            self.tr("Move %1 to the %2")
            .replace("%1", old.name)
            .replace("%2", labels.closeness(closeness).lower())
        )
        if document.update_person(old, replace(old, closeness=closeness), text):
            self.window.statusBar().showMessage(text, 4000)

    def _delete_current_person(self) -> None:
        person_id = self.window.inventory.current_id()
        if person_id:
            self.delete_person(person_id)

    def delete_person(self, person_id: str) -> None:
        document = self.window.document
        person = self._person(person_id)
        if document is None or person is None:
            return
        used = document.person_usage(person_id)
        undo_note = self.tr("You can bring it all back with Edit ▸ Undo (Ctrl+Z).")
        if used == 0:
            text = self.tr("Delete %1 from your inventory?").replace("%1", person.name)
            if alerts.confirm(
                self.window, self.tr("Delete"), f"{text}\n\n{undo_note}", self.tr("Delete")
            ):
                document.delete_person(person, "detach")
            return
        text = labels.counted(
            used,
            self.tr(
                "%1 appears in one interaction. Remove %1 from it and keep the interaction, "
                "or delete the interaction too?"
            ),
            self.tr(
                "%1 appears in %n interactions. Remove %1 from them and keep the "
                "interactions, or delete those interactions too?"
            ),
        ).replace("%1", person.name)
        choice = alerts.choose(
            self.window,
            self.tr("Delete"),
            f"{text}\n\n{undo_note}",
            [
                ("detach", self.tr("Keep the interactions")),
                ("delete", self.tr("Delete them too")),
            ],
        )
        if choice in ("detach", "delete"):
            document.delete_person(person, choice)  # type: ignore[arg-type]

    # --- focus ------------------------------------------------------------------------

    def add_focus(self) -> None:
        document = self.window.document
        if document is None:
            return
        from iptwork.ui.focus_view import NewFocusDialog

        focus = NewFocusDialog.ask(self.window)
        if focus is not None and document.add_focus(focus) is not None:
            self.window.views.show("focus")
            self.window.focus_view.select(focus.id)

    def update_focus(self, old: r.Focus, new: r.Focus) -> None:
        document = self.window.document
        if document is None:
            return
        saved = document.update_focus(old, new)
        if saved is not None:
            self.window.focus_view.editor.saved(saved)

    def delete_focus(self, focus_id: str) -> None:
        document = self.window.document
        focuses = document.focuses() if document is not None else []
        focus = next((f for f in focuses if f.id == focus_id), None)
        if document is None or focus is None:
            return

        text = self.tr(
            "Delete the focus “%1” with its details and goals? Its interactions stay; they "
            "just no longer belong to it.\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
        ).replace("%1", labels.focus_title(focus))
        if alerts.confirm(self.window, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_focus(focus)
