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

from iptwork.store.errors import (
    PasswordRequired,
    ReadOnlyWorkbook,
    WorkbookError,
    WorkbookNotFound,
    WrongPassword,
)
from iptwork.ui import alerts
from iptwork.ui.actions import ActionRegistry
from iptwork.ui.course import Course
from iptwork.ui.lazy_tabs import LazyTabs
from iptwork.ui.ops import Ops
from iptwork.ui.people import People
from iptwork.ui.settings import Settings
from iptwork.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from iptwork.store import records as r
    from iptwork.ui.document import Document
    from iptwork.ui.exporting import Exporter
    from iptwork.ui.focus_view import FocusView
    from iptwork.ui.interactions_view import InteractionsView
    from iptwork.ui.inventory import InventoryView
    from iptwork.ui.patterns_view import PatternsView
    from iptwork.ui.questionnaire import QuestionnairesView
    from iptwork.ui.sessions_view import SessionsView
    from iptwork.ui.sheets_view import SheetsView
    from iptwork.ui.timeline_view import TimelineView

#: Palette roles and translucent tints only, so that it reads in the light and the dark
#: theme alike (ui/theme.py sets the style sheet again when the palette changes).
STYLE = """
QLabel[role="hint"] { color: palette(placeholder-text); }
QLabel[role="problem"] {
    color: palette(window-text); background: rgba(213, 94, 0, 0.13);
    border: 1px solid rgba(213, 94, 0, 0.55); border-radius: 4px; padding: 6px;
}
QLabel[role="note"] {
    color: palette(window-text); background: rgba(0, 114, 178, 0.12);
    border: 1px solid rgba(0, 114, 178, 0.45); border-radius: 4px; padding: 6px;
}
QLabel#empty-note { color: palette(placeholder-text); }  /* sized by theme.scale_font */
QTabWidget::pane { border-top: 1px solid palette(mid); }
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
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Each view is built (and its module imported) when it is first shown or used, so
        # the window appears at once; `_build` makes them and `_load` fills them.
        self.views = LazyTabs(self.tabs)
        for key, text in (
            ("interactions", self.tr("&Interactions")),
            ("inventory", self.tr("&People")),
            ("focus", self.tr("&Focus")),
            ("patterns", self.tr("P&atterns")),
            ("sessions", self.tr("&Sessions")),
            ("questionnaires", self.tr("&Questionnaires")),
            ("timeline", self.tr("&Timeline")),
            ("sheets", self.tr("F&ormulation and ending")),
        ):
            self.views.add(key, text, lambda k=key: self._build(k))
        self.tabs.currentChanged.connect(lambda _i: self._flush_editors())
        self._exporter: Exporter | None = None
        self.pages = QStackedWidget()
        for page in (self.welcome, self.opening, self.tabs):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self._make_actions()
        self.people = People(self)  # the inventory of people, and the focuses
        self._make_pattern_actions()
        self.course = Course(self)  # sessions, questionnaires, timeline, sheets, review
        self._make_menus()
        from iptwork.ui.security import Security

        self.security = Security(self)
        self._show_welcome()
        geometry = settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 820)

    # --- the views, built on first use --------------------------------------------------

    @property
    def interactions(self) -> InteractionsView:
        return self.views.view("interactions")  # type: ignore[return-value]

    @property
    def inventory(self) -> InventoryView:
        return self.views.view("inventory")  # type: ignore[return-value]

    @property
    def focus_view(self) -> FocusView:
        return self.views.view("focus")  # type: ignore[return-value]

    @property
    def patterns(self) -> PatternsView:
        return self.views.view("patterns")  # type: ignore[return-value]

    @property
    def sessions_view(self) -> SessionsView:
        return self.views.view("sessions")  # type: ignore[return-value]

    @property
    def questionnaires(self) -> QuestionnairesView:
        return self.views.view("questionnaires")  # type: ignore[return-value]

    @property
    def timeline(self) -> TimelineView:
        return self.views.view("timeline")  # type: ignore[return-value]

    @property
    def sheets(self) -> SheetsView:
        return self.views.view("sheets")  # type: ignore[return-value]

    @property
    def exporter(self) -> Exporter:
        if self._exporter is None:
            from iptwork.ui.exporting import Exporter

            self._exporter = Exporter(self)
        return self._exporter

    def _build(self, key: str) -> QWidget:
        """Make the view for the tab `key`, wire it to the window and fill it."""
        view: Any
        if key == "interactions":
            from iptwork.ui.interactions_view import InteractionsView

            view = InteractionsView(self.ops)
            view.edit_requested.connect(self.edit_interaction)
            view.delete_requested.connect(self.delete_interactions)
            self.actions.scope("interaction.delete", view.table)
            splitter = self.settings.splitter_state
            if not splitter.isEmpty():
                view.splitter.restoreState(splitter)
        elif key == "inventory":
            from iptwork.ui.inventory import InventoryView

            view = InventoryView()
            view.add_requested.connect(self.people.add_person)
            view.edit_requested.connect(self.people.edit_person)
            view.delete_requested.connect(self.people.delete_person)
            view.move_requested.connect(self.people.move_person)
            self.actions.scope("person.delete", view.table)
        elif key == "focus":
            from iptwork.ui.focus_view import FocusView

            view = FocusView()
            view.add_requested.connect(self.people.add_focus)
            view.delete_requested.connect(self.people.delete_focus)
            view.edited.connect(self.people.update_focus)
        elif key == "patterns":
            from iptwork.ui.patterns_view import PatternsView

            view = PatternsView(self.ops)
            view.edit_requested.connect(self.edit_interaction)
        elif key == "sessions":
            from iptwork.ui.sessions_view import SessionsView

            view = SessionsView()
            view.new_requested.connect(self.course.new_session)
            view.edit_requested.connect(self.course.edit_session)
            view.delete_requested.connect(self.course.delete_session)
            view.mark_requested.connect(self.course.mark_in_session)
            view.snapshot_requested.connect(self.course.snapshot_circle)
            view.review_requested.connect(self.course.enter_review)
        elif key == "questionnaires":
            from iptwork.ui.questionnaire import QuestionnairesView

            view = QuestionnairesView(self.ops)
            view.take_requested.connect(self.course.take_questionnaire)
            view.mood_requested.connect(self.course.rate_mood)
            view.delete_requested.connect(self.course.delete_score)
        elif key == "timeline":
            from iptwork.ui.timeline_view import TimelineView

            view = TimelineView(self.ops)
            view.add_requested.connect(self.course.add_event)
            view.edit_requested.connect(self.course.edit_event)
            view.delete_requested.connect(self.course.delete_event)
        else:
            from iptwork.ui.sheets_view import SheetsView

            view = SheetsView()
            view.formulation_edited.connect(self.course.save_formulation)
            view.termination_edited.connect(self.course.save_termination)
        if self.document is not None:
            self._load(key, view)
        return view

    def _load(self, key: str, view: Any) -> None:
        """Fill a built view from the open workbook, or empty it when none is open."""
        document = self.document
        if key == "inventory":
            view.set_people(document.people() if document else [])
        elif key == "focus":
            if document is None:
                view.set_data([], [])
            else:
                view.set_data(document.focuses(), document.people())
        else:
            view.set_document(document)

    def _flush_editors(self) -> None:
        """Save what open editors still hold (before undo, a tab change, locking)."""
        focus = self.views.built_view("focus")
        if focus is not None:
            focus.editor.flush()  # type: ignore[attr-defined]
        sheets = self.views.built_view("sheets")
        if sheets is not None:
            sheets.flush()  # type: ignore[attr-defined]
        self.course.flush()

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
            tip=self.tr("Close this workbook; everything in it is already saved"),
        )
        add(
            "file.quit",
            self.tr("&Quit"),
            self.close,
            shortcut=key.Quit,
            tip=self.tr("Close iptwork; everything is already saved"),
        )
        add(
            "edit.undo",
            self.tr("&Undo"),
            self.undo,
            shortcut=key.Undo,
            needs_workbook=True,
            tip=self.tr("Take back the last change"),
        )
        add(
            "edit.redo",
            self.tr("&Redo"),
            self.redo,
            shortcut=key.Redo,
            needs_workbook=True,
            tip=self.tr("Make the change you took back again"),
        )
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
            tip=self.tr("Change what is written in the interaction you picked"),
        )
        add(
            "interaction.delete",
            self.tr("&Delete the interaction…"),
            lambda: self.delete_interactions(self.interactions.selected_ids()),
            shortcut=key.Delete,
            needs_workbook=True,
            tip=self.tr("Delete the interactions you picked (Undo brings them back)"),
        )
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
        # Delete deletes what the focused list shows: `_build` ties it to the list.
        action = self.actions["interaction.delete"]
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(action)
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
        self._add_export_menus(file_menu)
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
        view_menu.addAction(self.actions["view.patterns"])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("interaction.new", "person.add", "focus.add"):
            toolbar.addAction(self.actions[name])
        self.course.add_menus(bar, view_menu, toolbar)

        def guide(topic: str | None = None) -> None:
            from iptwork.ui.help_guide import show_guide

            show_guide(self, topic)

        def about() -> None:
            from iptwork.ui.about import AboutDialog

            AboutDialog.ask(self)

        help_menu = bar.addMenu(self.tr("&Help"))
        for name, text, slot, shortcut, tip in (
            (
                "help.guide",
                self.tr("iptwork &guide"),
                guide,
                QKeySequence.StandardKey.HelpContents,
                self.tr("How to write down a conversation, and what each part of iptwork is for"),
            ),
            (
                "help.crisis",
                self.tr("If you are in &crisis"),
                lambda: guide("15-crisis"),
                None,
                self.tr("What to do if you might not be safe: iptwork is not a crisis service"),
            ),
            (
                "help.about",
                self.tr("&About iptwork"),
                about,
                None,
                self.tr("Version, licence and the questionnaires' copyright"),
            ),
        ):
            help_menu.addAction(self.actions.add(name, text, slot, shortcut=shortcut, tip=tip))

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

    def open_path(self, path: Path, password: str | None = None) -> bool:
        self.close_workbook(forget=False)
        self.setWindowTitle(f"{path.name} — iptwork")
        self.opening.setText(self.tr("Opening %1…").replace("%1", path.name))
        self.pages.setCurrentWidget(self.opening)
        from iptwork.store.lock import WorkbookLocked
        from iptwork.ui.document import Document

        force_lock = False
        read_only = False
        while True:
            try:
                document = Document.open(
                    path, self, password=password, force_lock=force_lock, read_only=read_only
                )
                break
            except (PasswordRequired, WrongPassword) as error:
                password = alerts.ask_password(
                    self, path.name, wrong=isinstance(error, WrongPassword)
                )
                if password is None:
                    self._show_welcome()
                    return False
            except WorkbookLocked as error:
                # In use elsewhere: never two writers silently. A stale lock (its iptwork
                # has ended) may be taken over; a live one only allows reading.
                choices = [("read_only", self.tr("Open read-only"))]
                if error.stale:
                    choices.insert(0, ("force", self.tr("Open anyway")))
                choice = None
                if not force_lock:
                    choice = alerts.choose(
                        self, self.tr("The workbook is in use"), str(error), choices
                    )
                if choice is None:
                    self._show_welcome()
                    return False
                force_lock = choice == "force"
                read_only = choice == "read_only"
            except ReadOnlyWorkbook as error:
                # Its folder takes no writing (a read-only share, a CD): reading still works.
                if read_only:
                    alerts.problem(self, self.tr("The workbook could not be opened"), str(error))
                    self._show_welcome()
                    return False
                choice = alerts.choose(
                    self,
                    self.tr("The workbook cannot be changed here"),
                    str(error),
                    [("read_only", self.tr("Open read-only"))],
                )
                if choice is None:
                    self._show_welcome()
                    return False
                read_only = True
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
        for key, view in self.views.built_items():
            self._load(key, view)
        self.tabs.setCurrentIndex(0)
        self.pages.setCurrentWidget(self.tabs)
        self._update_undo()
        self.interactions.table.setFocus()
        self.security.attached(document)

    def close_workbook(self, forget: bool = True) -> None:
        """Close the open workbook (everything is saved already) and show the welcome page."""
        document = self.document
        if document is None:
            return
        self._flush_editors()
        self.course.closing()
        self.ops.wait()
        self.document = None
        for key, view in self.views.built_items():
            self._load(key, view)
        if self._exporter is not None:
            self._exporter.cleanup()
        self.actions.set_workbook_open(False)
        self.security.detached()
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
        for key, view in self.views.built_items():
            if key in ("inventory", "focus"):
                if kinds & {"people", "focuses"}:
                    self._load(key, view)
            else:
                view.on_changed(kinds)  # type: ignore[attr-defined]
        self.course.on_changed(kinds)
        self.statusBar().showMessage(self.tr("Saved"), 3000)

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
            self._flush_editors()
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    # --- interactions -----------------------------------------------------------------

    def _keep_draft(self, path: Path, draft: dict[str, Any] | None) -> None:
        if self.security.keeps_drafts_in_memory(path):
            self.security.keep_draft(path, draft)  # never plaintext on disk
        elif draft is None:
            self.settings.clear_draft(path)
        else:
            self.settings.set_draft(path, draft)

    def _add_person_named(self, name: str) -> r.Person | None:
        from iptwork.store import records as r

        document = self.document
        if document is None:
            return None
        person = r.Person(name=name.strip())
        return person if document.add_person(person) else None

    def _add_word(self, word: str) -> bool:
        return self.document.add_emotion_word(word) if self.document else False

    def _add_problem(self, label: str) -> r.ProblemKind | None:
        return self.document.add_problem_kind(label) if self.document else None

    def new_interaction(self) -> None:
        document = self.document
        if document is None:
            return
        from iptwork.ui.guided_entry import GuidedEntryDialog

        path = document.path
        result = GuidedEntryDialog.ask(
            self,
            document.entry_choices(),
            draft=self.security.draft(path) or self.settings.draft(path),
            keep_draft=lambda draft: self._keep_draft(path, draft),
            add_person=self._add_person_named,
            add_word=self._add_word,
            add_problem=self._add_problem,
        )
        if result is not None and self.document is document and document.add_interaction(result):
            self._keep_draft(path, None)
            self.views.show("interactions")
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
            add_problem=self._add_problem,
            read_only=document.workbook.read_only,
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

    # --- patterns, export, print and import (issues 4 and 5) --------------------------

    def _make_pattern_actions(self) -> None:
        """The Patterns tab and the export/print/import actions, kept together here."""
        add = self.actions.add
        add(
            "view.patterns",
            self.tr("P&atterns"),
            lambda: self.views.show("patterns"),
            shortcut="Ctrl+Shift+P",
            needs_workbook=True,
            tip=self.tr("The patterns in your interactions, with charts"),
        )
        add(
            "file.export_pdf",
            self.tr("Export &PDF…"),
            lambda: self.exporter.export_pdf(),
            shortcut="Ctrl+Shift+E",
            needs_workbook=True,
            tip=self.tr("Write the workbook, or a summary, as a PDF to print or bring along"),
        )
        add(
            "file.print",
            self.tr("&Print…"),
            lambda: self.exporter.print_workbook(),
            shortcut=QKeySequence.StandardKey.Print,
            needs_workbook=True,
            tip=self.tr("Print the workbook, or a summary, to bring to a session"),
        )
        add(
            "file.export_json",
            self.tr("&JSON…"),
            lambda: self.exporter.export_data("json"),
            needs_workbook=True,
            tip=self.tr("Every record, to import into another workbook"),
        )
        add(
            "file.export_csv",
            self.tr("&CSV (a spreadsheet)…"),
            lambda: self.exporter.export_data("csv"),
            needs_workbook=True,
            tip=self.tr("The interactions as a table, one row each"),
        )
        add(
            "file.import_json",
            self.tr("&Import JSON…"),
            lambda: self.exporter.import_json(),
            needs_workbook=True,
            tip=self.tr("Add or update records from an iptwork JSON export"),
        )
        self.actions.set_workbook_open(False)

    def _add_export_menus(self, file_menu: QMenu) -> None:
        file_menu.addSeparator()
        file_menu.addAction(self.actions["file.export_pdf"])
        export_menu = file_menu.addMenu(self.tr("E&xport"))
        export_menu.addAction(self.actions["file.export_json"])
        export_menu.addAction(self.actions["file.export_csv"])
        file_menu.addAction(self.actions["file.import_json"])
        file_menu.addAction(self.actions["file.print"])
        file_menu.addSeparator()

    # --- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        interactions = self.views.built_view("interactions")
        if interactions is not None:
            self.settings.splitter_state = interactions.splitter.saveState()  # type: ignore[attr-defined]
        self.close_workbook(forget=False)
        if self._exporter is not None:
            self._exporter.cleanup()
        self.settings.sync()
        super().closeEvent(event)
