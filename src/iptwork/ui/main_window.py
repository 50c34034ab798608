"""The main window: creates the views, the actions and the status bar, and wires them.

It stays thin: views own their models, `Document` runs every change as an undo step, and
every message box goes through `alerts`. The storage layer (SQLAlchemy) is imported only
when a workbook is opened, so the window can appear first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from iptwork.store import records as r
from iptwork.store.errors import (
    PasswordRequired,
    WorkbookError,
    WorkbookNotFound,
    WrongPassword,
)
from iptwork.ui import alerts
from iptwork.ui.actions import ActionRegistry
from iptwork.ui.focus_view import FocusView, NewFocusDialog
from iptwork.ui.interactions_view import InteractionsView
from iptwork.ui.inventory import InventoryView, PersonDialog
from iptwork.ui.ops import Ops
from iptwork.ui.settings import Settings
from iptwork.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from iptwork.ui.document import Document

STYLE = """
QLabel[role="hint"] { color: #56616c; }
QLabel[role="problem"] {
    color: #7a1d12; background: #fdece8; border: 1px solid #f2b8ab;
    border-radius: 4px; padding: 6px;
}
QLabel[role="note"] {
    background: #eaf2fb; border: 1px solid #c4d8ee; border-radius: 4px; padding: 6px;
}
QLabel#empty-note { color: #56616c; font-size: 13pt; }
QTabWidget::pane { border-top: 1px solid #c9cfd6; }
"""


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.settings = settings
        self.document: Document | None = None
        self.ops = Ops(self)
        #: Where the app keeps its own files (the demo workbook); tests point it elsewhere.
        self.data_folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        self.actions = ActionRegistry(self)
        self.setStyleSheet(STYLE)

        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self.new_workbook)
        self.welcome.open_requested.connect(self.open_workbook)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(self.open_path)
        self.opening = QLabel()
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.interactions = InteractionsView(self.ops)
        self.interactions.edit_requested.connect(self.edit_interaction)
        self.interactions.delete_requested.connect(self.delete_interactions)
        self.inventory = InventoryView()
        self.inventory.add_requested.connect(self.add_person)
        self.inventory.edit_requested.connect(self.edit_person)
        self.inventory.delete_requested.connect(self.delete_person)
        self.inventory.move_requested.connect(self.move_person)
        self.focus_view = FocusView()
        self.focus_view.add_requested.connect(self.add_focus)
        self.focus_view.delete_requested.connect(self.delete_focus)
        self.focus_view.edited.connect(self.update_focus)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.interactions, self.tr("&Interactions"))
        self.tabs.addTab(self.inventory, self.tr("&People"))
        self.tabs.addTab(self.focus_view, self.tr("&Focus"))
        self.tabs.currentChanged.connect(lambda _i: self.focus_view.editor.flush())
        self.pages = QStackedWidget()
        for page in (self.welcome, self.opening, self.tabs):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self._make_actions()
        self._make_menus()
        self._show_welcome()
        geometry = settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        splitter = settings.splitter_state
        if not splitter.isEmpty():
            self.interactions.splitter.restoreState(splitter)

    # --- actions and menus ------------------------------------------------------------

    def _make_actions(self) -> None:
        add = self.actions.add
        key = QKeySequence.StandardKey
        add(
            "file.new",
            self.tr("&New workbook…"),
            self.new_workbook,
            shortcut="Ctrl+Shift+N",
            tip=self.tr("Create a new, empty workbook file"),
        )
        add(
            "file.open",
            self.tr("&Open…"),
            self.open_workbook,
            shortcut=key.Open,
            tip=self.tr("Open a workbook file"),
        )
        add(
            "file.save_copy",
            self.tr("Save a &copy…"),
            self.save_copy,
            shortcut=key.SaveAs,
            tip=self.tr("Write a complete copy of this workbook to another file"),
            needs_workbook=True,
        )
        add(
            "file.close",
            self.tr("&Close workbook"),
            self.close_workbook,
            shortcut=key.Close,
            needs_workbook=True,
        )
        add("file.quit", self.tr("&Quit"), self.close, shortcut=key.Quit)
        add("edit.undo", self.tr("&Undo"), self.undo, shortcut=key.Undo, needs_workbook=True)
        add("edit.redo", self.tr("&Redo"), self.redo, shortcut=key.Redo, needs_workbook=True)
        add(
            "interaction.new",
            self.tr("&Write down an interaction…"),
            self.new_interaction,
            shortcut="Ctrl+N",
            needs_workbook=True,
            tip=self.tr("A few questions, one at a time (Ctrl+N)"),
        )
        add(
            "interaction.edit",
            self.tr("&Edit the interaction…"),
            self.edit_interaction,
            shortcut="Ctrl+E",
            needs_workbook=True,
        )
        add(
            "interaction.delete",
            self.tr("&Delete the interaction…"),
            lambda: self.delete_interactions(self.interactions.selected_ids()),
            shortcut=key.Delete,
            needs_workbook=True,
        )
        add("person.add", self.tr("Add a &person…"), self.add_person, needs_workbook=True)
        add(
            "person.delete",
            self.tr("Delete the person…"),
            lambda: self._delete_current_person(),
            shortcut=key.Delete,
            needs_workbook=True,
        )
        add("focus.add", self.tr("Add a &focus…"), self.add_focus, needs_workbook=True)
        for number, (name, text) in enumerate(
            (
                ("view.interactions", self.tr("&Interactions")),
                ("view.inventory", self.tr("&People")),
                ("view.focus", self.tr("&Focus")),
            )
        ):
            add(
                name,
                text,
                lambda n=number: self._show_tab(n),
                shortcut=f"Ctrl+{number + 1}",
                needs_workbook=True,
            )
        self.actions.scope("interaction.delete", self.interactions.table)
        self.actions.scope("person.delete", self.inventory.table)
        self.actions.set_workbook_open(False)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for name in ("file.new", "file.open"):
            file_menu.addAction(self.actions[name])
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.actions["file.save_copy"])
        file_menu.addAction(self.actions["file.close"])
        file_menu.addSeparator()
        file_menu.addAction(self.actions["file.quit"])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.actions["edit.undo"])
        edit_menu.addAction(self.actions["edit.redo"])
        record_menu = bar.addMenu(self.tr("&Workbook"))
        for name in ("interaction.new", "interaction.edit", "interaction.delete"):
            record_menu.addAction(self.actions[name])
        record_menu.addSeparator()
        record_menu.addAction(self.actions["person.add"])
        record_menu.addAction(self.actions["focus.add"])
        view_menu = bar.addMenu(self.tr("&View"))
        for name in ("view.interactions", "view.inventory", "view.focus"):
            view_menu.addAction(self.actions[name])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("interaction.new", "person.add", "focus.add"):
            toolbar.addAction(self.actions[name])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.settings.recent_files
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _show_tab(self, number: int) -> None:
        self.tabs.setCurrentIndex(number)
        widget = (self.interactions.table, self.inventory.table, self.focus_view.list)[number]
        widget.setFocus()

    # --- pages and title --------------------------------------------------------------

    def _show_welcome(self) -> None:
        self.welcome.set_recent([p for p in self.settings.recent_files])
        self.pages.setCurrentWidget(self.welcome)
        self.setWindowTitle("iptwork")
        self.setWindowFilePath("")

    # --- files ------------------------------------------------------------------------

    def _folder(self) -> Path | None:
        last = self.settings.last_workbook or next(iter(self.settings.recent_files), None)
        return last.parent if last else None

    def new_workbook(self) -> None:
        path = alerts.ask_new_path(self, self._folder())
        if path is None:
            return
        from iptwork.ui.document import Document

        self.close_workbook()
        try:
            document = Document.create(path, self)
        except WorkbookError as error:
            alerts.problem(self, self.tr("The workbook could not be created"), str(error))
            self._show_welcome()
            return
        self._attach(document)

    def open_workbook(self) -> None:
        path = alerts.ask_open_path(self, self._folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        self.close_workbook(forget=False)
        self.setWindowTitle(f"{path.name} — iptwork")
        self.opening.setText(self.tr("Opening %1…").replace("%1", path.name))
        self.pages.setCurrentWidget(self.opening)
        from iptwork.store.lock import WorkbookLocked
        from iptwork.ui.document import Document

        password: str | None = None
        force_lock = False
        while True:
            try:
                document = Document.open(path, self, password=password, force_lock=force_lock)
                break
            except (PasswordRequired, WrongPassword) as error:
                password = alerts.ask_password(
                    self, path.name, wrong=isinstance(error, WrongPassword)
                )
                if password is None:
                    self._show_welcome()
                    return False
            except WorkbookLocked as error:
                if error.stale and not force_lock:
                    force_lock = True  # left by an iptwork on this computer that has ended
                    continue
                if force_lock or not alerts.confirm(
                    self, self.tr("The workbook is in use"), str(error), self.tr("Open anyway")
                ):
                    self._show_welcome()
                    return False
                force_lock = True
            except WorkbookError as error:
                alerts.problem(self, self.tr("The workbook could not be opened"), str(error))
                if isinstance(error, WorkbookNotFound):
                    self.settings.remove_recent(path)
                    if self.settings.last_workbook == path.resolve():
                        self.settings.last_workbook = None
                self._show_welcome()
                return False
        self._attach(document)
        return True

    def open_demo(self) -> None:
        try:
            from iptwork.demo import create_demo  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            self.welcome.demo_button.setEnabled(False)
            alerts.problem(
                self,
                self.tr("No demo workbook"),
                self.tr("The demo workbook is not part of this installation of iptwork."),
            )
            return
        folder = self.data_folder
        path = folder / "demo.iptw"
        if not path.exists():
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                create_demo(path, interactions=120, seed=1)
            except (WorkbookError, OSError) as error:
                alerts.problem(self, self.tr("The demo could not be created"), str(error))
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.open_path(path)

    def _attach(self, document: Document) -> None:
        self.document = document
        document.changed.connect(self._on_changed)
        stack = document.undo_stack
        stack.canUndoChanged.connect(self._update_undo)
        stack.canRedoChanged.connect(self._update_undo)
        stack.undoTextChanged.connect(lambda _t: self._update_undo())
        stack.redoTextChanged.connect(lambda _t: self._update_undo())
        self.settings.add_recent(document.path)
        self.settings.last_workbook = document.path
        self.settings.sync()
        self.setWindowTitle(f"{document.path.name} — iptwork")
        self.setWindowFilePath(str(document.path))
        self.actions.set_workbook_open(True)
        self.pages.setCurrentWidget(self.tabs)
        self.interactions.set_document(document)
        self._reload(frozenset({"people", "focuses"}))
        self._update_undo()
        self.tabs.setCurrentIndex(0)
        self.interactions.table.setFocus()

    def close_workbook(self, forget: bool = True) -> None:
        """Close the open workbook (everything is saved already) and show the welcome page."""
        document = self.document
        if document is None:
            return
        self.focus_view.editor.flush()
        self.ops.wait()
        self.document = None
        self.interactions.set_document(None)
        self.inventory.set_people([])
        self.focus_view.set_data([], [])
        self.actions.set_workbook_open(False)
        document.changed.disconnect(self._on_changed)
        document.close()
        document.deleteLater()
        if forget:
            self.settings.last_workbook = None
        self._show_welcome()

    def save_copy(self) -> None:
        document = self.document
        if document is None:
            return
        suggested = document.path.with_name(f"{document.path.stem} copy.iptw")
        target = alerts.ask_copy_path(self, suggested)
        if target is None:
            return
        self.statusBar().showMessage(self.tr("Saving a copy…"))
        self.ops.run(
            lambda: document.save_copy(target),
            lambda _r: self.statusBar().showMessage(
                self.tr("A copy was saved as %1").replace("%1", str(target)), 8000
            ),
            lambda error: alerts.problem(self, self.tr("The copy was not saved"), str(error)),
        )

    # --- changes ----------------------------------------------------------------------

    def _on_changed(self, kinds: frozenset[str]) -> None:
        self._reload(kinds)
        self.interactions.on_changed(kinds)
        self.statusBar().showMessage(self.tr("Saved"), 3000)

    def _reload(self, kinds: frozenset[str]) -> None:
        document = self.document
        if document is None:
            return
        if kinds & {"people", "focuses"}:
            people = document.people()
            self.inventory.set_people(people)
            self.focus_view.set_data(document.focuses(), people)

    def _update_undo(self) -> None:
        document = self.document
        undo, redo = self.actions["edit.undo"], self.actions["edit.redo"]
        if document is None:
            return
        stack = document.undo_stack
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(
            self.tr("&Undo %1").replace("%1", stack.undoText())
            if stack.canUndo()
            else self.tr("&Undo")
        )
        redo.setText(
            self.tr("&Redo %1").replace("%1", stack.redoText())
            if stack.canRedo()
            else self.tr("&Redo")
        )

    def undo(self) -> None:
        if self.document is not None:
            self.focus_view.editor.flush()
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    # --- interactions -----------------------------------------------------------------

    def _keep_draft(self, path: Path, draft: dict[str, Any] | None) -> None:
        if draft is None:
            self.settings.clear_draft(path)
        else:
            self.settings.set_draft(path, draft)

    def _add_person_named(self, name: str) -> r.Person | None:
        document = self.document
        if document is None:
            return None
        person = r.Person(name=name.strip())
        return person if document.add_person(person) else None

    def _add_word(self, word: str) -> bool:
        return self.document.add_emotion_word(word) if self.document else False

    def new_interaction(self) -> None:
        document = self.document
        if document is None:
            return
        from iptwork.ui.guided_entry import GuidedEntryDialog

        path = document.path
        result = GuidedEntryDialog.ask(
            self,
            document.entry_choices(),
            draft=self.settings.draft(path),
            keep_draft=lambda draft: self._keep_draft(path, draft),
            add_person=self._add_person_named,
            add_word=self._add_word,
        )
        if result is not None and self.document is document and document.add_interaction(result):
            self.settings.clear_draft(path)
            self.tabs.setCurrentWidget(self.interactions)
            self.interactions.filters.clear()
            self.interactions._wanted_selection = result.id
            self.statusBar().showMessage(self.tr("Saved. Thank you for writing it down."), 5000)

    def edit_interaction(self, interaction_id: str | None = None) -> None:
        document = self.document
        interaction_id = interaction_id or self.interactions.current_id()
        if document is None or not interaction_id:
            return
        old = document.interaction(interaction_id)
        if old is None:
            return
        from iptwork.ui.interaction_form import InteractionFormDialog

        new = InteractionFormDialog.ask(
            self,
            document.entry_choices(old),
            old,
            add_person=self._add_person_named,
            add_word=self._add_word,
        )
        if new is not None:
            document.update_interaction(old, new)

    def delete_interactions(self, ids: list[str]) -> None:
        document = self.document
        if document is None or not ids:
            return
        question = (
            self.tr("Delete this interaction?")
            if len(ids) == 1
            else self.tr("Delete these %1 interactions?").replace("%1", str(len(ids)))
        )
        text = question + "\n\n" + self.tr("You can bring it back with Edit ▸ Undo (Ctrl+Z).")
        if alerts.confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_interactions(ids)

    # --- people -----------------------------------------------------------------------

    def _person(self, person_id: str) -> r.Person | None:
        return next((p for p in self.inventory.model.people() if p.id == person_id), None)

    def _taken_names(self) -> list[str]:
        return [p.name for p in self.inventory.model.people()]

    def add_person(self) -> None:
        document = self.document
        if document is None:
            return
        person = PersonDialog.ask(self, None, self._taken_names())
        if person is not None and document.add_person(person):
            self.inventory.circle.set_current(person.id)
            self.inventory._select_in_table(person.id)

    def edit_person(self, person_id: str) -> None:
        document = self.document
        old = self._person(person_id)
        if document is None or old is None:
            return
        new = PersonDialog.ask(self, old, self._taken_names())
        if new is not None:
            document.update_person(old, new)

    def move_person(self, person_id: str, closeness: int) -> None:
        from dataclasses import replace

        from iptwork.ui import labels

        document = self.document
        old = self._person(person_id)
        if document is None or old is None:
            return
        text = (
            self.tr("Move %1 to the %2")
            .replace("%1", old.name)
            .replace("%2", labels.closeness(closeness).lower())
        )
        if document.update_person(old, replace(old, closeness=closeness), text):
            self.statusBar().showMessage(text, 4000)

    def _delete_current_person(self) -> None:
        person_id = self.inventory.current_id()
        if person_id:
            self.delete_person(person_id)

    def delete_person(self, person_id: str) -> None:
        document = self.document
        person = self._person(person_id)
        if document is None or person is None:
            return
        used = document.person_usage(person_id)
        undo_note = self.tr("You can bring it all back with Edit ▸ Undo (Ctrl+Z).")
        if used == 0:
            text = self.tr("Delete %1 from your inventory?").replace("%1", person.name)
            if alerts.confirm(self, self.tr("Delete"), f"{text}\n\n{undo_note}", self.tr("Delete")):
                document.delete_person(person, "detach")
            return
        text = (
            self.tr(
                "%1 appears in %2 interaction(s). Remove %1 from them and keep the interactions, "
                "or delete those interactions too?"
            )
            .replace("%1", person.name)
            .replace("%2", str(used))
        )
        choice = alerts.choose(
            self,
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
        document = self.document
        if document is None:
            return
        focus = NewFocusDialog.ask(self)
        if focus is not None and document.add_focus(focus) is not None:
            self.tabs.setCurrentWidget(self.focus_view)
            self.focus_view.select(focus.id)

    def update_focus(self, old: r.Focus, new: r.Focus) -> None:
        document = self.document
        if document is None:
            return
        saved = document.update_focus(old, new)
        if saved is not None:
            self.focus_view.editor.saved(saved)

    def delete_focus(self, focus_id: str) -> None:
        document = self.document
        focus = next(
            (
                self.focus_view.model.focus(row)
                for row in range(self.focus_view.model.rowCount())
                if self.focus_view.model.focus(row).id == focus_id
            ),
            None,
        )
        if document is None or focus is None:
            return
        from iptwork.ui import labels

        text = self.tr(
            "Delete the focus “%1” with its details and goals? Its interactions stay; they "
            "just no longer belong to it.\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
        ).replace("%1", labels.focus_title(focus))
        if alerts.confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_focus(focus)

    # --- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.splitter_state = self.interactions.splitter.saveState()
        self.close_workbook(forget=False)
        self.settings.sync()
        super().closeEvent(event)
