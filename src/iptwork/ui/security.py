"""Passwords, automatic backups, read-only opens and auto-lock for the main window.

Kept out of `main_window.py` so the window stays thin: `Security(window)` adds its actions
to the registry, and the window tells it when a workbook is attached or closed. Slow work
(re-keying, backups, restores) goes through the window's `Ops`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iptwork.store.errors import PasswordRequired, WorkbookError, WrongPassword
from iptwork.ui import alerts
from iptwork.ui.actions import describe_submenus
from iptwork.ui.editors import READ_ONLY_STYLE

if TYPE_CHECKING:
    from iptwork.ui.document import Document
    from iptwork.ui.main_window import MainWindow

#: Actions that still work on a workbook opened read-only (everything else changes it).
READ_ONLY_ALLOWED = frozenset(
    {
        "file.new",
        "file.new_encrypted",
        "file.open",
        "file.close",
        "file.quit",
        "file.save_copy",
        "file.export_pdf",
        "file.export_json",
        "file.export_csv",
        "file.print",
        "edit.preferences",
        "help.guide",  # help, the crisis page and About always work
        "help.crisis",
        "help.about",
        "review.toggle",  # review mode shows a read-only workbook without changing it
    }
)
#: How often the daily backup is considered while a workbook stays open.
DAILY_CHECK_MS = 60 * 60 * 1000
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _when(path: Path) -> str:
    """When the backup was taken (see store.backup.taken_at), or "?"."""
    from iptwork.store.backup import taken_at

    try:
        return taken_at(path).strftime("%Y-%m-%d %H:%M:%S")
    except OSError:
        return "?"


class RestoreDialog(QDialog):
    """This workbook's backups, newest first, with date/time and size."""

    def __init__(self, backups: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore-dialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Choose a backup to put back. The workbook as it is now is kept beside it "
                "first, so nothing is lost."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        for path in backups:
            item = QListWidgetItem(f"{_when(path)}    {_size(path)}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        restore = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    @classmethod
    def ask(cls, parent: QWidget | None, backups: list[Path]) -> Path | None:
        dialog = cls(backups, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class UnlockDialog(QDialog):
    """Shown over everything while the workbook is locked; not run with exec(), so that
    dialogs already open underneath keep their own event loops and contents."""

    def __init__(self, name: str, check: Callable[[str], bool], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock-dialog")
        self.setWindowTitle(self.tr("Workbook locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._check = check
        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr("%1 was locked after a while without use. Type its password to go on.").replace(
                "%1", name
            )
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        layout.addWidget(self.password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close workbook"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def try_unlock(self) -> None:
        if self._check(self.password.text()):
            self.accept()
        else:
            self.password.clear()
            self.message.setText(self.tr("That password is not right. Please try again."))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return  # Escape must not unlock or close the workbook
        super().keyPressEvent(event)


class ReadOnlyBanner(QFrame):
    """Across the top of the window while the workbook is open read-only: why, and how to
    get out of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read-only-banner")
        # A tint and the palette's text: it reads in the light and the dark theme alike.
        self.setStyleSheet(
            "#read-only-banner { background: rgba(201, 162, 39, 0.2); "
            "border-bottom: 1px solid rgba(201, 162, 39, 0.6); }"
            "#read-only-banner QLabel { color: palette(window-text); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("read-only-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.reopen_button = QPushButton(self.tr("Open for &editing"))
        self.reopen_button.setObjectName("read-only-reopen")
        self.reopen_button.setToolTip(
            self.tr("Once it is closed in the other iptwork, open it again here to make changes")
        )
        layout.addWidget(self.reopen_button)
        self.hide()


class Security(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self._covers: list[QWidget] = []
        #: Guided-entry drafts of encrypted workbooks: in memory only, never in settings.
        self._drafts: dict[Path, dict[str, Any]] = {}
        #: A backup on open unless the newest is younger than this (None: every open).
        self.open_min_age: timedelta | None = timedelta(hours=1)
        self.unlock_dialog: UnlockDialog | None = None
        self._frozen: dict[str, bool] = {}
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock_now)
        self.interval_ms: int | None = None  # tests set a short interval here
        self.daily = QTimer(self)
        self.daily.setInterval(DAILY_CHECK_MS)
        self.daily.timeout.connect(lambda: self.backup(timedelta(days=1)))
        self._make_actions()
        self._make_banner()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def backup_root(self) -> Path:
        """The app's backups folder, shared with the backups made before an import."""
        return self.window.data_folder / "backups"

    # --- actions ----------------------------------------------------------------------

    def _make_actions(self) -> None:
        window = self.window
        add = window.actions.add
        tr = self.tr
        add(
            "file.new_encrypted",
            tr("New &encrypted workbook…"),
            self.new_encrypted,
            tip=tr("Create a new workbook that only opens with its password"),
        )
        add("workbook.set_password", tr("Set &password…"), self.set_password, needs_workbook=True)
        add("workbook.change_password", tr("C&hange password…"), self.change_password)
        add("workbook.remove_password", tr("&Remove password…"), self.remove_password)
        add(
            "workbook.restore_backup",
            tr("Restore from a &backup…"),
            self.restore_backup,
            needs_workbook=True,
        )
        add("edit.preferences", tr("&Preferences…"), self.preferences)
        for name in ("workbook.change_password", "workbook.remove_password"):
            window.actions[name].setEnabled(False)
        bar = window.menuBar()
        for menu_action in bar.actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            text = menu_action.text().replace("&", "")
            if text == window.tr("File").replace("&", ""):
                menu.insertAction(window.actions["file.open"], window.actions["file.new_encrypted"])
            elif text == window.tr("Edit").replace("&", ""):
                menu.addSeparator()
                menu.addAction(window.actions["edit.preferences"])
            elif text == window.tr("Workbook").replace("&", ""):
                menu.addSeparator()
                for name in (
                    "workbook.set_password",
                    "workbook.change_password",
                    "workbook.remove_password",
                    "workbook.restore_backup",
                ):
                    menu.addAction(window.actions[name])
        # The menus are complete now: their submenus get tips like every action has.
        describe_submenus(bar, getattr(window, "recent_menu", None))

    def _update_actions(self) -> None:
        document = self.window.document
        actions = self.window.actions
        writable = document is not None and not document.workbook.read_only
        encrypted = document is not None and document.workbook.encrypted
        actions["workbook.set_password"].setEnabled(writable and not encrypted)
        actions["workbook.change_password"].setEnabled(writable and encrypted)
        actions["workbook.remove_password"].setEnabled(writable and encrypted)
        actions["workbook.restore_backup"].setEnabled(writable)
        if document is not None and document.workbook.read_only:
            for name in actions:
                if name not in READ_ONLY_ALLOWED and not name.startswith("view."):
                    actions[name].setEnabled(False)

    # --- the window tells us ----------------------------------------------------------

    def attached(self, document: Document) -> None:
        if document.workbook.read_only:
            self.window.setWindowTitle(
                self.tr("%1 (read-only) — iptwork").replace("%1", document.path.name)
            )
        self._show_read_only(document)
        self._update_actions()
        self.backup(self.open_min_age)
        self.daily.start()
        self.restart_idle()

    def detached(self) -> None:
        self.daily.stop()
        self.idle.stop()
        if self.locked:
            self._uncover()
        self._show_read_only(None)
        self._update_actions()

    # --- read-only ---------------------------------------------------------------------

    def _make_banner(self) -> None:
        """The banner goes above the window's pages; a label in the status bar repeats it."""
        window = self.window
        self.banner = ReadOnlyBanner()
        self.banner.reopen_button.clicked.connect(self.open_for_editing)
        pages = window.takeCentralWidget()
        holder = QWidget()
        holder.setObjectName("central")
        holder.setStyleSheet(READ_ONLY_STYLE)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        if pages is not None:
            layout.addWidget(pages, 1)
        window.setCentralWidget(holder)
        self.status_label = QLabel(self.tr("Read-only"))
        self.status_label.setObjectName("read-only-status")
        self.status_label.setToolTip(self.tr("Nothing can be changed in this workbook here"))
        window.statusBar().addPermanentWidget(self.status_label)
        self.status_label.hide()
        views = getattr(window, "views", None)  # tabs built on first use, when there are
        if views is not None and hasattr(views, "built"):
            views.built.connect(lambda _key: self._apply_to_views())

    def _read_only_reason(self, document: Document) -> str:
        from iptwork.store.lock import WorkbookLock

        info = WorkbookLock(document.path).read()
        name = document.path.name
        if info is None:
            where = self.tr("%1 is open in another iptwork").replace("%1", name)
        else:
            where = (
                self.tr("%1 is open in iptwork on %2 (user %3, since %4)")
                .replace("%1", name)
                .replace("%2", info.host)
                .replace("%3", info.user)
                .replace("%4", info.since.replace("T", " ")[:16])
            )
        return self.tr(
            "Opened read-only because %1. You can read, export and print it here, but not "
            "change it. To make changes, close it there, then choose “Open for editing”."
        ).replace("%1", where)

    def _show_read_only(self, document: Document | None) -> None:
        read_only = document is not None and document.workbook.read_only
        if document is not None and read_only:
            self.banner.text.setText(self._read_only_reason(document))
        self.banner.setVisible(read_only)
        self.status_label.setVisible(read_only)
        self._apply_to_views()

    def _views(self) -> list[QWidget]:
        """The window's views that exist now (views built later are told when built)."""
        window = self.window
        views = getattr(window, "views", None)
        if views is not None and hasattr(views, "built_views"):
            return list(views.built_views())
        names = ("interactions", "inventory", "focus_view", "patterns", "sessions_view")
        names += ("questionnaires", "timeline", "sheets")
        return [getattr(window, name) for name in names if hasattr(window, name)]

    def _apply_to_views(self) -> None:
        """Every view shows a read-only workbook without letting anything be changed: the
        fields take no typing, the buttons that would change something are disabled."""
        document = self.window.document
        read_only = document is not None and document.workbook.read_only
        for view in self._views():
            set_read_only = getattr(view, "set_read_only", None)
            if set_read_only is not None:
                set_read_only(read_only)
            name = view.objectName()
            if name == "interactions-view":
                # Its Edit button opens the interaction to read; Delete is not offered.
                view.edit_button.setText(  # type: ignore[attr-defined]
                    self.tr("&Open…") if read_only else self.tr("&Edit…")
                )
                view.delete_button.setVisible(not read_only)  # type: ignore[attr-defined]

    def open_for_editing(self) -> None:
        """Reopen the workbook for changes once the other iptwork has let go of it."""
        from iptwork.store.lock import WorkbookLock

        window = self.window
        document = window.document
        if document is None:
            return
        lock = WorkbookLock(document.path)
        holder = lock.read()
        if lock.path.exists() and not lock.is_stale(holder):
            alerts.inform(
                window,
                self.tr("Still open elsewhere"),
                self.tr(
                    "%1 is still open in the other iptwork. Close it there first, then "
                    "choose “Open for editing” again."
                ).replace("%1", document.path.name),
            )
            return
        window.open_path(document.path, password=document.workbook.password)

    # --- drafts -----------------------------------------------------------------------

    def keeps_drafts_in_memory(self, path: Path) -> bool:
        document = self.window.document
        return document is not None and document.path == path and document.workbook.encrypted

    def keep_draft(self, path: Path, draft: dict[str, Any] | None) -> None:
        if draft is None:
            self._drafts.pop(path.resolve(), None)
        else:
            self._drafts[path.resolve()] = draft

    def draft(self, path: Path) -> dict[str, Any] | None:
        return self._drafts.get(path.resolve())

    # --- passwords --------------------------------------------------------------------

    def new_encrypted(self) -> None:
        window = self.window
        path = alerts.ask_new_path(window, window._folder())
        if path is None:
            return
        password = alerts.ask_new_password(window, self.tr("Password for the new workbook"))
        if password is None:
            return
        from iptwork.ui.document import Document

        window.close_workbook()
        try:
            document = Document.create(path, window, password=password)
        except WorkbookError as error:
            alerts.problem(window, self.tr("The workbook could not be created"), str(error))
            window._show_welcome()
            return
        window._attach(document)

    def _confirm_current(self, document: Document) -> bool:
        """Ask for the current password before changing or removing it."""
        wrong = False
        while True:
            given = alerts.ask_password(self.window, document.path.name, wrong=wrong, current=True)
            if given is None:
                return False
            if given == document.workbook.password:
                return True
            wrong = True

    def set_password(self) -> None:
        document = self.window.document
        if document is None or document.workbook.encrypted:
            return
        password = alerts.ask_new_password(self.window, self.tr("Set a password"))
        if password is not None:
            self._rekey(document, password, self.tr("set"))

    def change_password(self) -> None:
        document = self.window.document
        if document is None or not document.workbook.encrypted:
            return
        if not self._confirm_current(document):
            return
        password = alerts.ask_new_password(self.window, self.tr("Change the password"))
        if password is not None:
            self._rekey(document, password, self.tr("changed"))

    def remove_password(self) -> None:
        document = self.window.document
        if document is None or not document.workbook.encrypted:
            return
        if not self._confirm_current(document):
            return
        if not alerts.confirm(
            self.window,
            self.tr("Remove the password?"),
            self.tr("Without a password, anyone who has the file can read everything in it."),
            self.tr("Remove password"),
        ):
            return
        self._rekey(document, None, self.tr("removed"))

    def _busy(self, text: str) -> None:
        """While the file is re-keyed or restored nothing may touch it: every action and
        the views are disabled, and the cursor and status bar say why."""
        actions = self.window.actions
        self._frozen = {name: actions[name].isEnabled() for name in actions}
        for name in actions:
            actions[name].setEnabled(False)
        self.window.statusBar().showMessage(text)
        self.window.pages.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def _idle(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.window.pages.setEnabled(True)
        self.window.statusBar().clearMessage()
        actions = self.window.actions
        for name, enabled in self._frozen.items():
            actions[name].setEnabled(enabled)
        self._frozen = {}

    def _rekey(self, document: Document, password: str | None, verb: str) -> None:
        from iptwork.store.password import Rekeyed, rekey

        was_plain = not document.workbook.encrypted
        workbook = document.workbook
        root = self.backup_root
        keep = self.window.settings.backups_keep
        flush = getattr(self.window, "_flush_editors", None)
        if flush is not None:
            flush()
        else:
            self.window.focus_view.editor.flush()
        self.window.ops.wait()
        self._busy(self.tr("Backing up and re-encrypting the workbook…"))

        def work() -> Rekeyed:
            # A checked backup first, as the workbook is now (under its old password, if
            # any), kept with the other automatic backups.
            return rekey(workbook, password, root, keep=keep)

        def done(result: Rekeyed) -> None:
            if was_plain and password is not None:
                self.window.settings.clear_draft(workbook.path)
            elif password is None:
                kept_draft = self._drafts.pop(workbook.path.resolve(), None)
                if kept_draft is not None:
                    self.window.settings.set_draft(workbook.path, kept_draft)
            self._idle()
            self._update_actions()
            alerts.inform(
                self.window,
                self.tr("Password"),
                self._rekey_text(
                    verb, result, was_plain and password is not None, had_password=not was_plain
                ),
            )
            self.restart_idle()

        def failed(error: WorkbookError) -> None:
            self._idle()
            self._update_actions()
            alerts.problem(
                self.window,
                self.tr("The password was not changed"),
                str(error) + "\n" + self.tr("The workbook is as it was, with its old password."),
            )

        self.window.ops.run(work, done, failed)

    def _rekey_text(
        self, verb: str, result: Any, protected_now: bool, *, had_password: bool = False
    ) -> str:
        """One calm paragraph: what happened, the backup taken first, and the older copies."""
        text = self.tr("The password was %1.").replace("%1", verb)
        # The backup just taken is one of the copies encrypted afterwards: say so once,
        # and count only the copies that were there before it.
        backup_encrypted = result.backup is not None and result.backup in result.encrypted
        if backup_encrypted:
            text += " " + self.tr(
                "A backup of the workbook as it was before is kept with the other backups, "
                "encrypted with the new password."
            )
        elif result.backup is not None:
            text += " " + self.tr(
                "A backup of the workbook as it was before is kept with the other backups."
            )
        count = len([p for p in result.encrypted if p != result.backup])
        if count:
            older = (
                self.tr(
                    "The older copy iptwork had kept of it is now encrypted with the new "
                    "password too"
                )
                if count == 1
                else self.tr(
                    "The %n older copies iptwork had kept of it are now encrypted with the new "
                    "password too"
                ).replace("%n", str(count))
            )
            text += " " + older
            text += (
                self.tr("; copies you saved yourself elsewhere are still unencrypted.")
                if protected_now
                else "."
            )
        elif protected_now:
            text += " " + self.tr("Copies you saved yourself elsewhere are still unencrypted.")
        if had_password:  # encrypted copies are not re-keyed: they need the old password
            text += " " + self.tr(
                "The backups iptwork made before, and the one just taken, keep the password "
                "they were made with: restoring one of them asks for the old password."
            )
        if result.left:
            text += " " + self.tr(
                "These older copies could not be read, so they were left as they were: %1"
            ).replace("%1", ", ".join(str(p) for p in result.left))
        return text

    # --- backups ----------------------------------------------------------------------

    def backup(self, min_age: timedelta | None) -> None:
        document = self.window.document
        if document is None:
            return
        from iptwork.store import backup

        workbook = document.workbook
        root = self.backup_root
        keep = self.window.settings.backups_keep

        def work() -> Path | None:
            return backup.automatic_backup(workbook, root, keep=keep, min_age=min_age)

        def failed(error: WorkbookError) -> None:
            self.window.statusBar().showMessage(
                self.tr("The automatic backup could not be made: %1").replace("%1", str(error)),
                10000,
            )

        self.window.ops.run(work, lambda _made: None, failed)

    def backups(self) -> list[Path]:
        document = self.window.document
        if document is None:
            return []
        from iptwork.store import backup

        return backup.list_backups(self.backup_root, document.path)

    def restore_backup(self) -> None:
        window = self.window
        document = window.document
        if document is None:
            return
        backups = self.backups()
        if not backups:
            alerts.inform(
                window,
                self.tr("No backups yet"),
                self.tr("There are no backups of this workbook yet."),
            )
            return
        chosen = RestoreDialog.ask(window, backups)
        if chosen is None:
            return

        path = document.path
        window.close_workbook(forget=False)
        current = document.workbook.password
        self._restore(chosen, path, current, current=current, asked=False)

    def _restore(
        self, chosen: Path, path: Path, password: str | None, *, current: str | None, asked: bool
    ) -> None:
        """Put `chosen` back at `path` and reopen it. A backup made under an older password
        (or before one was removed) needs that password: it is asked for, and the restored
        workbook opens with it."""
        from iptwork.store import backup

        window = self.window
        self._busy(self.tr("Restoring the backup…"))

        def work() -> Path | None:
            return backup.restore_workbook(chosen, path, password)

        def done(kept: Path | None) -> None:
            self._idle()
            if window.open_path(path, password=password):
                where = (
                    self.tr(" The workbook as it was before is kept as %1.").replace(
                        "%1", str(kept)
                    )
                    if kept
                    else ""
                )
                alerts.inform(
                    window,
                    self.tr("Backup restored"),
                    self.tr("The backup from %1 was restored.").replace("%1", _when(chosen))
                    + where,
                )

        def failed(error: WorkbookError) -> None:
            self._idle()
            if isinstance(error, PasswordRequired | WrongPassword):  # the backup's password
                older = alerts.ask_password(
                    window,
                    self.tr("The backup from %1").replace("%1", _when(chosen)),
                    wrong=asked,
                )
                if older is not None:
                    self._restore(chosen, path, older, current=current, asked=True)
                    return
            else:
                alerts.problem(window, self.tr("The backup was not restored"), str(error))
            window.open_path(path, password=current)

        window.ops.run(work, done, failed)

    # --- auto-lock --------------------------------------------------------------------

    def restart_idle(self) -> None:
        document = self.window.document
        minutes = self.window.settings.autolock_minutes
        interval = self.interval_ms if self.interval_ms is not None else minutes * 60_000
        if document is None or not document.workbook.encrypted or interval <= 0 or self.locked:
            self.idle.stop()
            return
        self.idle.start(interval)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.idle.isActive():
            self.idle.start()  # restart with the same interval
        return False

    def lock_now(self) -> None:
        """Cover every window of the app and ask for the password; nothing is closed."""
        window = self.window
        document = window.document
        if document is None or not document.workbook.encrypted or self.locked:
            return
        self.locked = True
        self.idle.stop()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and (top is window or top.parent() is not None or top.isModal()):
                cover = QWidget(top)
                cover.setObjectName("lock-cover")
                cover.setAutoFillBackground(True)
                cover.setBackgroundRole(QPalette.ColorRole.Window)
                cover.setGeometry(0, 0, 20000, 20000)
                cover.show()
                cover.raise_()
                self._covers.append(cover)
        dialog = UnlockDialog(document.path.name, self._check, window)
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(self._close_from_lock)
        self.unlock_dialog = dialog
        dialog.show()
        dialog.password.setFocus()

    def _check(self, given: str) -> bool:
        document = self.window.document
        return document is not None and given == document.workbook.password

    def _uncover(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None
        self.locked = False

    def _unlocked(self) -> None:
        self._uncover()
        self.restart_idle()

    def _close_from_lock(self) -> None:
        self._uncover()
        # Dialogs left open over the workbook are closed without saving into it.
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.reject()
        self.window.close_workbook(forget=False)

    # --- preferences ------------------------------------------------------------------

    def preferences(self) -> None:
        from iptwork.ui.preferences import PreferencesDialog

        settings = self.window.settings
        result = PreferencesDialog.ask(
            self.window, settings.autolock_minutes, settings.backups_keep
        )
        if result is None:
            return
        settings.autolock_minutes, settings.backups_keep = result
        settings.sync()
        self.restart_idle()
