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
    ReadOnlyWorkbook,
    WorkbookError,
    WorkbookNotFound,
    WrongPassword,
)
from iptwork.ui import alerts
from iptwork.ui.actions import ActionRegistry
from iptwork.ui.lazy_tabs import LazyTabs
from iptwork.ui.ops import Ops
from iptwork.ui.settings import Settings
from iptwork.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from iptwork.ui.document import Document
    from iptwork.ui.exporting import Exporter
    from iptwork.ui.focus_view import FocusView
    from iptwork.ui.interactions_view import InteractionsView
    from iptwork.ui.inventory import InventoryView
    from iptwork.ui.patterns_view import PatternsView
    from iptwork.ui.questionnaire import QuestionnairesView
    from iptwork.ui.review_mode import ReviewPage
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
        self._review: ReviewPage | None = None
        self._exporter: Exporter | None = None
        self._marks_into_latest = False
        self.pages = QStackedWidget()
        for page in (self.welcome, self.opening, self.tabs):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self._make_actions()
        self._make_pattern_actions()
        self._make_course_actions()
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
    def review(self) -> ReviewPage:
        if self._review is None:
            from iptwork.ui.review_mode import ReviewPage

            self._review = ReviewPage()
            self._review.leave_requested.connect(self.leave_review)
            self._review.note_edited.connect(self._save_note)
            self._review.mark_requested.connect(self._mark_reviewed_now)
            self.pages.addWidget(self._review)
        return self._review

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
            view.add_requested.connect(self.add_person)
            view.edit_requested.connect(self.edit_person)
            view.delete_requested.connect(self.delete_person)
            view.move_requested.connect(self.move_person)
            self.actions.scope("person.delete", view.table)
        elif key == "focus":
            from iptwork.ui.focus_view import FocusView

            view = FocusView()
            view.add_requested.connect(self.add_focus)
            view.delete_requested.connect(self.delete_focus)
            view.edited.connect(self.update_focus)
        elif key == "patterns":
            from iptwork.ui.patterns_view import PatternsView

            view = PatternsView(self.ops)
            view.edit_requested.connect(self.edit_interaction)
        elif key == "sessions":
            from iptwork.ui.sessions_view import SessionsView

            view = SessionsView()
            view.new_requested.connect(self.new_session)
            view.edit_requested.connect(self.edit_session)
            view.delete_requested.connect(self.delete_session)
            view.mark_requested.connect(self._mark_in_session)
            view.snapshot_requested.connect(self.snapshot_circle)
            view.review_requested.connect(self.enter_review)
        elif key == "questionnaires":
            from iptwork.ui.questionnaire import QuestionnairesView

            view = QuestionnairesView(self.ops)
            view.take_requested.connect(self.take_questionnaire)
            view.mood_requested.connect(self.rate_mood)
            view.delete_requested.connect(self.delete_score)
        elif key == "timeline":
            from iptwork.ui.timeline_view import TimelineView

            view = TimelineView(self.ops)
            view.add_requested.connect(self.add_event)
            view.edit_requested.connect(self.edit_event)
            view.delete_requested.connect(self.delete_event)
        else:
            from iptwork.ui.sheets_view import SheetsView

            view = SheetsView()
            view.formulation_edited.connect(self._save_formulation)
            view.termination_edited.connect(self._save_termination)
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
        if self._review is not None:
            self._review.flush()

    def _in_review(self) -> bool:
        return self._review is not None and self.pages.currentWidget() is self._review

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
        add(
            "person.add",
            self.tr("Add a &person…"),
            self.add_person,
            needs_workbook=True,
            tip=self.tr("Add someone who matters in your life to your inventory"),
        )
        add(
            "person.delete",
            self.tr("Delete the person…"),
            lambda: self._delete_current_person(),
            shortcut=key.Delete,
            needs_workbook=True,
            tip=self.tr("Delete the person you picked (Undo brings them back)"),
        )
        add(
            "focus.add",
            self.tr("Add a &focus…"),
            self.add_focus,
            needs_workbook=True,
            tip=self.tr("Choose a problem area to work on: grief, a dispute, a change, loneliness"),
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
        for name in ("interaction.delete", "person.delete"):
            # Delete deletes what the focused list shows: `_build` ties each to its list.
            action = self.actions[name]
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
        self._add_course_menus(bar, view_menu, toolbar)

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
        if self._in_review():
            self.pages.setCurrentWidget(self.tabs)
        if self._review is not None:
            self._review.clear()
        self.actions["review.toggle"].setChecked(False)
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
        if self._in_review() and kinds & {"interactions", "sessions", "people"}:
            self.review.refresh()
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

    # --- people -----------------------------------------------------------------------

    def _person(self, person_id: str) -> r.Person | None:
        document = self.document
        people = document.people() if document is not None else []
        return next((p for p in people if p.id == person_id), None)

    def _taken_names(self) -> list[str]:
        return [p.name for p in self.document.people()] if self.document is not None else []

    def add_person(self) -> None:
        document = self.document
        if document is None:
            return
        from iptwork.ui.inventory import PersonDialog

        person = PersonDialog.ask(self, None, self._taken_names())
        if person is not None and document.add_person(person):
            self.inventory.circle.set_current(person.id)
            self.inventory._select_in_table(person.id)

    def edit_person(self, person_id: str) -> None:
        document = self.document
        old = self._person(person_id)
        if document is None or old is None:
            return
        from iptwork.ui.inventory import PersonDialog

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
        from iptwork.ui.focus_view import NewFocusDialog

        focus = NewFocusDialog.ask(self)
        if focus is not None and document.add_focus(focus) is not None:
            self.views.show("focus")
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
        focuses = document.focuses() if document is not None else []
        focus = next((f for f in focuses if f.id == focus_id), None)
        if document is None or focus is None:
            return
        from iptwork.ui import labels

        text = self.tr(
            "Delete the focus “%1” with its details and goals? Its interactions stay; they "
            "just no longer belong to it.\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
        ).replace("%1", labels.focus_title(focus))
        if alerts.confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_focus(focus)

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

    # --- the IPT course (issue 6): sessions, questionnaires, timeline, sheets, review ----

    def _make_course_actions(self) -> None:
        """The course tabs' and review mode's actions, kept together here."""
        self.tabs.currentChanged.connect(lambda _i: self._course_tab_changed())
        add = self.actions.add
        add(
            "session.new",
            self.tr("&New session…"),
            self.new_session,
            needs_workbook=True,
            tip=self.tr("Add a session to the log (its number and phase are suggested)"),
        )
        add(
            "questionnaire.phq9",
            self.tr("Fill in the &PHQ-9…"),
            lambda: self.take_questionnaire("phq9"),
            needs_workbook=True,
            tip=self.tr("Nine questions about the last two weeks (depression)"),
        )
        add(
            "questionnaire.gad7",
            self.tr("Fill in the &GAD-7…"),
            lambda: self.take_questionnaire("gad7"),
            needs_workbook=True,
            tip=self.tr("Seven questions about the last two weeks (anxiety)"),
        )
        add(
            "mood.rate",
            self.tr("How are you &today?…"),
            self.rate_mood,
            shortcut="Ctrl+M",
            needs_workbook=True,
            tip=self.tr("Rate your mood today, 0 to 10: Ctrl+M, then a number key"),
        )
        add(
            "event.add",
            self.tr("Add a life &event…"),
            self.add_event,
            needs_workbook=True,
            tip=self.tr("Put something that happened in your life on the timeline"),
        )
        review = add(
            "review.toggle",
            self.tr("&Review mode"),
            self.toggle_review,
            shortcut="F11",
            needs_workbook=True,
            tip=self.tr("For the therapist: one interaction at a time, in large type (F11)"),
        )
        review.setCheckable(True)
        for name, key, text in (
            ("view.sessions", "sessions", self.tr("&Sessions")),
            ("view.questionnaires", "questionnaires", self.tr("&Questionnaires")),
            ("view.timeline", "timeline", self.tr("&Timeline")),
            ("view.sheets", "sheets", self.tr("F&ormulation and ending")),
        ):
            add(name, text, lambda k=key: self._show_course_tab(k), needs_workbook=True)

    def _add_course_menus(self, bar: Any, view_menu: QMenu, toolbar: Any) -> None:
        menu = QMenu(self.tr("&Course"), self)
        for name in ("session.new", "questionnaire.phq9", "questionnaire.gad7", "mood.rate"):
            menu.addAction(self.actions[name])
        menu.addAction(self.actions["event.add"])
        menu.addSeparator()
        menu.addAction(self.actions["review.toggle"])
        bar.insertMenu(view_menu.menuAction(), menu)
        view_menu.addSeparator()
        for name in ("view.sessions", "view.questionnaires", "view.timeline", "view.sheets"):
            view_menu.addAction(self.actions[name])
        toolbar.addSeparator()
        toolbar.addAction(self.actions["mood.rate"])
        toolbar.addAction(self.actions["review.toggle"])

    def _course_tab_changed(self) -> None:
        if self._in_review():
            self.leave_review()  # a tab asked for (Ctrl+1, …) is a tab to see

    def _show_course_tab(self, key: str) -> None:
        if self._in_review():
            self.leave_review()
        self.views.show(key)

    # sessions

    def _planned(self, document: Document) -> int | None:
        from iptwork.analysis import course

        return course.planned_sessions(document.meta(), document.formulation())

    def _session(self, session_id: str) -> r.TherapySession | None:
        document = self.document
        if document is None:
            return None
        return next((s for s in document.sessions() if s.id == session_id), None)

    def new_session(self) -> None:
        document = self.document
        if document is None:
            return
        from iptwork.ui.sessions_view import SessionDialog

        session = SessionDialog.ask(self, document.sessions(), self._planned(document))
        if session is not None and document.save_session(None, session):
            self._show_course_tab("sessions")
            self.sessions_view.select(session.id)

    def edit_session(self, session_id: str) -> None:
        document = self.document
        old = self._session(session_id)
        if document is None or old is None:
            return
        from iptwork.ui.sessions_view import SessionDialog

        new = SessionDialog.ask(self, document.sessions(), self._planned(document), old)
        if new is not None and new != old:
            document.save_session(old, new)

    def delete_session(self, session_id: str) -> None:
        document = self.document
        session = self._session(session_id)
        if document is None or session is None:
            return
        text = (
            self.tr(
                "Delete session %1 of %2 with its notes and ratings? The interactions stay."
                "\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
            )
            .replace("%1", str(session.number))
            .replace("%2", f"{session.held_on:%d %b %Y}")
        )
        if alerts.confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_session(session)

    def _mark_in_session(self, session_id: str, interaction_id: str, reviewed: bool) -> None:
        session = self._session(session_id)
        if self.document is not None and session is not None:
            self.document.mark_reviewed(session, interaction_id, reviewed)

    def snapshot_circle(self, session_id: str) -> None:
        document = self.document
        session = self._session(session_id)
        if document is None or session is None:
            return
        if session.circle and not alerts.confirm(
            self,
            self.tr("Keep today's circle"),
            self.tr(
                "Session %1 already has a circle kept with it. Replace it with today's?"
            ).replace("%1", str(session.number)),
            self.tr("Replace"),
        ):
            return
        if document.snapshot_circle(session):
            self.statusBar().showMessage(
                self.tr("Today's circle is kept with session %1.").replace(
                    "%1", str(session.number)
                ),
                5000,
            )

    # questionnaires and mood

    def take_questionnaire(self, key: str) -> None:
        document = self.document
        if document is None:
            return
        from iptwork.ui.questionnaire import QuestionnaireDialog

        record = QuestionnaireDialog.ask(self, key)
        if record is None:
            return
        saved = (
            document.add_phq9(record) if isinstance(record, r.Phq9) else document.add_gad7(record)
        )
        if saved:
            self.statusBar().showMessage(self.tr("Saved. Thank you for filling it in."), 5000)

    def delete_score(self, kind: str, record_id: str) -> None:
        document = self.document
        if document is None:
            return
        found: r.Phq9 | r.Gad7 | r.Mood | None
        if kind == "phq9":
            found = next((q for q in document.phq9s() if q.id == record_id), None)
        elif kind == "gad7":
            found = next((q for q in document.gad7s() if q.id == record_id), None)
        else:
            found = next((m for m in document.moods() if m.id == record_id), None)
        if found is None:
            return
        text = self.tr("Delete this entry?\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z).")
        if not alerts.confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            return
        if isinstance(found, r.Phq9):
            document.delete_phq9(found)
        elif isinstance(found, r.Gad7):
            document.delete_gad7(found)
        else:
            document.delete_mood(found)

    def rate_mood(self) -> None:
        document = self.document
        if document is None:
            return
        from datetime import date

        from iptwork.ui.mood import MoodDialog

        today = date.today()
        current = next((m.rating for m in document.moods() if m.on == today), None)
        rating = MoodDialog.ask(self, current)
        if rating is not None and document.rate_mood(r.Mood(today, rating)):
            self.statusBar().showMessage(
                self.tr("Mood %1 of 10 kept for today. Thank you.").replace("%1", str(rating)),
                5000,
            )

    # life events

    def _event(self, event_id: str) -> r.LifeEvent | None:
        document = self.document
        if document is None:
            return None
        return next((e for e in document.events() if e.id == event_id), None)

    def add_event(self) -> None:
        document = self.document
        if document is None:
            return
        from iptwork.ui.timeline_view import EventDialog

        event = EventDialog.ask(self, document.people())
        if event is not None and document.save_event(None, event):
            self._show_course_tab("timeline")
            self.timeline.select(event.id)

    def edit_event(self, event_id: str) -> None:
        document = self.document
        old = self._event(event_id)
        if document is None or old is None:
            return
        from iptwork.ui.timeline_view import EventDialog

        new = EventDialog.ask(self, document.people(), old)
        if new is not None and new != old:
            document.save_event(old, new)

    def delete_event(self, event_id: str) -> None:
        document = self.document
        event = self._event(event_id)
        if document is None or event is None:
            return
        text = self.tr(
            "Delete this life event?\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
        )
        if alerts.confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_event(event)

    # formulation and termination

    def _save_formulation(self, old: r.Formulation, new: r.Formulation) -> None:
        if self.document is not None and self.document.update_formulation(old, new):
            self.sheets.formulation.saved(new)

    def _save_termination(self, old: r.Termination, new: r.Termination) -> None:
        if self.document is not None and self.document.update_termination(old, new):
            self.sheets.termination.saved(new)

    # review mode

    def toggle_review(self) -> None:
        if self._in_review():
            self.leave_review()
        else:
            self.enter_review()

    def enter_review(self) -> None:
        document = self.document
        if document is None:
            self.actions["review.toggle"].setChecked(False)
            return
        self._flush_editors()
        self._marks_into_latest = False
        self.review.start(document)
        self.pages.setCurrentWidget(self.review)
        self.actions["review.toggle"].setChecked(True)

    def leave_review(self) -> None:
        self.review.flush()
        if self.document is not None:
            self.pages.setCurrentWidget(self.tabs)
        self.actions["review.toggle"].setChecked(False)

    def _save_note(self, old: r.Interaction, note: str) -> None:
        if self.document is not None:
            self.document.update_therapist_note(old, note)

    def _mark_reviewed_now(self, interaction_id: str, reviewed: bool) -> None:
        """Mark in the current session: the latest one; if there is none, or the latest
        was on an earlier day, ask whether to start today's session first."""
        document = self.document
        if document is None:
            return
        session = self._session_for_marks(document) if reviewed else self.review.session
        if session is None:
            self.review.refresh()  # nothing changed: put the tick back as it was
            return
        document.mark_reviewed(session, interaction_id, reviewed)

    def _session_for_marks(self, document: Document) -> r.TherapySession | None:
        from datetime import date

        from iptwork.analysis import course

        sessions = document.sessions()
        latest = course.latest(sessions)
        today = date.today()
        if latest is not None and (latest.held_on >= today or self._marks_into_latest):
            return latest
        number = course.next_number(sessions)
        if latest is None:
            if not alerts.confirm(
                self,
                self.tr("No session yet"),
                self.tr(
                    "Reviewed interactions are kept with a session, and there is none yet. "
                    "Start session 1 today?"
                ),
                self.tr("Start session 1"),
            ):
                return None
        else:
            choice = alerts.choose(
                self,
                self.tr("Which session?"),
                self.tr(
                    "The latest session is session %1, on %2. Start session %3 today, or mark "
                    "it as reviewed in session %1?"
                )
                .replace("%1", str(latest.number))
                .replace("%2", f"{latest.held_on:%d %b %Y}")
                .replace("%3", str(number)),
                [
                    ("new", self.tr("Start session %1 today").replace("%1", str(number))),
                    ("latest", self.tr("Mark in session %1").replace("%1", str(latest.number))),
                ],
            )
            if choice == "latest":
                self._marks_into_latest = True
                return latest
            if choice != "new":
                return None
        session = r.TherapySession(
            number, today, course.suggested_phase(number, self._planned(document))
        )
        return session if document.save_session(None, session) else None

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
