"""Passwords, backups, read-only opens and auto-lock, as a person using the app sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iptwork.store import backup, services
from iptwork.store import records as r
from iptwork.store.errors import PasswordRequired, WrongPassword
from iptwork.store.workbook import create_workbook, open_workbook
from iptwork.ui import alerts
from iptwork.ui.inventory import PersonDialog
from iptwork.ui.main_window import MainWindow
from iptwork.ui.record_table import ID_ROLE
from iptwork.ui.security import RestoreDialog
from tests.gui.conftest import Answers

SENTINEL = "Zebraquokka"


@pytest.fixture
def backups(window: MainWindow, tmp_path: Path) -> Path:
    window.data_folder = tmp_path / "data"
    return window.security.backup_root


@pytest.fixture
def encrypted_path(tmp_path: Path) -> Path:
    from tests.gui import sample

    path = tmp_path / "secret.iptw"
    with create_workbook(path, title="Secret", password="pw") as wb:
        sample.fill(wb)
    return path


@pytest.fixture
def new_passwords(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    given: list[str | None] = []
    monkeypatch.setattr(alerts, "ask_new_password", lambda _p, _t: given.pop(0))
    return given


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)


def count(path: Path, password: str | None = None) -> int:
    with open_workbook(path, password=password) as wb:
        return services.count_interactions(wb)


def test_wrong_then_right_password_opens(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, encrypted_path: Path
) -> None:
    before = encrypted_path.read_bytes()
    answers.passwords.extend(["nope", None])
    assert not window.open_path(encrypted_path)
    assert window.pages.currentWidget() is window.welcome
    assert encrypted_path.read_bytes() == before
    answers.passwords.extend(["nope", "pw"])
    assert window.open_path(encrypted_path)
    assert any("wrong=True" in text for _t, text in answers.said)
    assert window.document is not None
    assert window.document.workbook.encrypted
    settle(qtbot, window)


def test_new_encrypted_workbook_is_not_plaintext(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    new_passwords: list[str | None],
    tmp_path: Path,
) -> None:
    path = tmp_path / "private.iptw"
    answers.paths.append(path)
    new_passwords.append("secret")
    window.actions.trigger("file.new_encrypted")
    document = window.document
    assert document is not None
    assert document.workbook.encrypted
    assert document.add_person(r.Person(name=SENTINEL))
    settle(qtbot, window)
    window.close_workbook()
    for file in [path, *path.parent.glob(f"{path.name}-*"), *backups.rglob("*.iptw")]:
        data = file.read_bytes()
        assert SENTINEL.encode() not in data
        assert not data.startswith(b"SQLite format 3")
    with pytest.raises(PasswordRequired):
        open_workbook(path)


def test_set_change_remove_password_keep_records(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    new_passwords: list[str | None],
    sample_path: Path,
) -> None:
    assert window.open_path(sample_path)
    settle(qtbot, window)
    assert backup.list_backups(backups, sample_path)  # a plain backup from the open

    new_passwords.append("one")
    window.actions.trigger("workbook.set_password")
    settle(qtbot, window)
    said = answers.texts()
    assert "A backup of the workbook as it was before is kept" in said
    assert "now encrypted with the new password too" in said
    assert "copies you saved yourself elsewhere are still unencrypted" in said
    kept = backup.list_backups(backups, sample_path)
    assert len(kept) == 2  # the one from the open and the one taken before the password
    for copy in kept:  # older copies are kept, and encrypted like the workbook now
        assert count(copy, "one") == 8
    window.close_workbook()
    assert count(sample_path, "one") == 8
    with pytest.raises(PasswordRequired):
        open_workbook(sample_path)

    answers.passwords.append("one")
    assert window.open_path(sample_path)
    settle(qtbot, window)
    before_change = set(backup.list_backups(backups, sample_path))
    answers.passwords.append("one")  # the current password, asked before changing it
    new_passwords.append("two")
    window.actions.trigger("workbook.change_password")
    settle(qtbot, window)
    (taken,) = set(backup.list_backups(backups, sample_path)) - before_change
    assert count(taken, "one") == 8  # the backup first, under the old password
    window.close_workbook()
    assert count(sample_path, "two") == 8
    with pytest.raises(WrongPassword):
        open_workbook(sample_path, password="one")

    answers.passwords.append("two")
    assert window.open_path(sample_path)
    settle(qtbot, window)
    before_removal = set(backup.list_backups(backups, sample_path))
    answers.passwords.append("two")
    window.actions.trigger("workbook.remove_password")
    settle(qtbot, window)
    (taken,) = set(backup.list_backups(backups, sample_path)) - before_removal
    assert count(taken, "two") == 8
    with pytest.raises(PasswordRequired):
        open_workbook(taken)
    window.close_workbook()
    assert count(sample_path) == 8


def test_set_password_counts_the_backup_it_took_once(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    new_passwords: list[str | None],
    sample_path: Path,
) -> None:
    """One backup from the open, one taken before the password: two copies in all, both
    encrypted. The message must not add them up to three."""
    assert window.open_path(sample_path)
    settle(qtbot, window)
    assert len(backup.list_backups(backups, sample_path)) == 1
    new_passwords.append("one")
    window.actions.trigger("workbook.set_password")
    settle(qtbot, window)
    assert len(backup.list_backups(backups, sample_path)) == 2
    said = answers.texts()
    assert "2 older copies" not in said
    assert "The older copy iptwork had kept of it is now encrypted" in said
    assert "as it was before is kept with the other backups, encrypted with the new" in said


def test_set_password_leaves_no_plain_copy_of_ours(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    new_passwords: list[str | None],
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_workbook(sample_path) as wb:
        services.add_person(wb, r.Person(name=SENTINEL))
    window.security.open_min_age = None
    for _ in range(2):  # two automatic backups, made on opening
        assert window.open_path(sample_path)
        settle(qtbot, window)
        window.close_workbook()
    assert window.open_path(sample_path)
    settle(qtbot, window)
    # A restore keeps the workbook as it was beside it ("-before-restore-"), plain.
    chosen = backup.list_backups(backups, sample_path)[0]
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda _cls, _p, _b: chosen))
    window.actions.trigger("workbook.restore_backup")
    qtbot.waitUntil(lambda: "restored" in answers.texts(), timeout=30_000)
    settle(qtbot, window)
    (before_restore,) = sample_path.parent.glob("sample-before-restore-*.iptw")
    # An upgrade keeps the older file beside it too; the person's own copy is theirs.
    upgrade_copy = sample_path.with_name("sample.v1-20260101-120000.iptw")
    backup.copy_into(sample_path, upgrade_copy)
    own_copy = sample_path.with_name("my own copy.iptw")
    assert window.document is not None
    window.document.save_copy(own_copy)
    ours = [*backups.rglob("*"), before_restore, upgrade_copy]
    assert any(SENTINEL.encode() in p.read_bytes() for p in ours if p.is_file())

    new_passwords.append("secret")
    window.actions.trigger("workbook.set_password")
    settle(qtbot, window)
    assert "older copies iptwork had kept of it are now encrypted" in answers.texts()
    window.close_workbook()
    made_by_us = [p for p in [*backups.rglob("*"), *sample_path.parent.iterdir()] if p.is_file()]
    made_by_us = [p for p in made_by_us if p != own_copy and p.suffix != ".ini"]
    assert before_restore in made_by_us
    assert upgrade_copy in made_by_us
    for path in made_by_us:
        assert SENTINEL.encode() not in path.read_bytes(), path
    for path in [*backup.list_backups(backups, sample_path), before_restore, upgrade_copy]:
        with open_workbook(path, password="secret", upgrade=False) as wb:
            assert SENTINEL in [p.name for p in services.list_people(wb)]
    assert SENTINEL.encode() in own_copy.read_bytes()  # the person's own copy: left alone


def test_backups_on_open_are_rotated(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, sample_path: Path
) -> None:
    window.settings.backups_keep = 2
    window.security.open_min_age = None  # by default at most one an hour
    for _ in range(3):
        assert window.open_path(sample_path)
        settle(qtbot, window)
        window.close_workbook()
    kept = backup.list_backups(backups, sample_path)
    assert len(kept) == 2
    assert count(kept[0]) == 8


def test_restore_from_a_backup_round_trips(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(sample_path)
    settle(qtbot, window)
    document = window.document
    assert document is not None
    first = document.people()[0]
    assert document.add_person(r.Person(name=SENTINEL))
    chosen = backup.list_backups(backups, sample_path)[0]
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda _cls, _p, _b: chosen))
    window.actions.trigger("workbook.restore_backup")
    qtbot.waitUntil(lambda: "restored" in answers.texts(), timeout=30_000)
    settle(qtbot, window)
    restored = window.document
    assert restored is not None
    names = [p.name for p in restored.people()]
    assert SENTINEL not in names
    assert first.name in names
    assert "kept as" in answers.texts()
    kept = list(sample_path.parent.glob("sample-before-restore-*.iptw"))
    assert len(kept) == 1


def test_read_only_open_refuses_edits_and_leaves_the_file(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, sample_path: Path
) -> None:
    from iptwork.store.lock import WorkbookLock

    before = sample_path.read_bytes()
    other = WorkbookLock(sample_path)
    other.acquire()
    try:
        answers.choose.append("read_only")
        assert window.open_path(sample_path)
        settle(qtbot, window)
        assert "(read-only)" in window.windowTitle()
        assert not window.actions["interaction.new"].isEnabled()
        assert not window.actions["person.add"].isEnabled()
        assert not window.actions["workbook.set_password"].isEnabled()
        document = window.document
        assert document is not None
        assert not document.add_person(r.Person(name=SENTINEL))
        assert "read-only" in answers.texts()
        window.close_workbook()
        assert other.held  # the other instance's lock is untouched
    finally:
        other.release()
    assert sample_path.read_bytes() == before


def test_auto_lock_hides_and_unlock_returns_intact(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, encrypted_path: Path
) -> None:
    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    window.tabs.setCurrentIndex(1)
    dialog = PersonDialog(None, [], window)
    dialog.open()
    dialog.name.setText("half-writ")
    security = window.security
    security.interval_ms = 150
    security.restart_idle()
    qtbot.waitUntil(lambda: security.locked, timeout=3000)
    unlock = security.unlock_dialog
    assert unlock is not None
    assert unlock.isVisible()
    covers = window.findChildren(QWidget, "lock-cover")
    assert covers
    assert all(c.isVisible() for c in covers)
    unlock.password.setText("wrong")
    unlock.unlock_button.click()
    assert security.locked
    assert "not right" in unlock.message.text()
    unlock.password.setText("pw")
    unlock.unlock_button.click()
    assert not security.locked
    assert window.document is not None
    assert window.tabs.currentIndex() == 1
    assert dialog.isVisible()
    assert dialog.name.text() == "half-writ"
    dialog.reject()
    dialog.deleteLater()


def test_auto_lock_does_nothing_for_plain_workbooks(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, sample_path: Path
) -> None:
    assert window.open_path(sample_path)
    settle(qtbot, window)
    window.security.interval_ms = 50
    window.security.restart_idle()
    qtbot.wait(200)
    assert not window.security.locked


def test_a_stale_lock_offers_open_anyway(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, sample_path: Path
) -> None:
    import json
    import subprocess
    import sys

    from iptwork.store.lock import WorkbookLock, _this_host

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    lock = WorkbookLock(sample_path)
    lock.path.write_text(
        json.dumps(
            {"host": _this_host(), "pid": ended.pid, "user": "x", "since": "2026", "token": "t"}
        ),
        encoding="utf-8",
    )
    answers.choose.append("force")
    assert window.open_path(sample_path)
    settle(qtbot, window)
    assert "(read-only)" not in window.windowTitle()
    assert window.actions["person.add"].isEnabled()
    assert WorkbookLock(sample_path).read().pid != ended.pid  # type: ignore[union-attr]


def test_restore_a_backup_made_under_an_older_password(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    new_passwords: list[str | None],
    encrypted_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    chosen = backup.list_backups(backups, encrypted_path)[0]
    answers.passwords.append("pw")
    new_passwords.append("newer")
    window.actions.trigger("workbook.change_password")
    settle(qtbot, window)
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda _cls, _p, _b: chosen))
    answers.passwords.extend(["wrong", "pw"])
    window.actions.trigger("workbook.restore_backup")
    qtbot.waitUntil(lambda: "restored" in answers.texts(), timeout=30_000)
    settle(qtbot, window)
    assert window.document is not None
    assert window.document.workbook.password == "pw"
    assert window.document.count_interactions() == 8


def test_drafts_of_encrypted_workbooks_stay_out_of_the_settings(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    encrypted_path: Path,
) -> None:
    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    window._keep_draft(encrypted_path, {"what": SENTINEL})
    window.settings.sync()
    assert window.settings.draft(encrypted_path) is None
    assert SENTINEL not in Path(window.settings.file_name).read_text(encoding="utf-8")
    assert window.security.draft(encrypted_path) == {"what": SENTINEL}


def test_a_new_password_must_be_typed_twice_and_not_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    typed = [("", True), ("one", True), ("other", True), ("same", True), ("same", True)]
    prompts: list[str] = []

    def get_text(_parent: object, _title: str, label: str, _echo: object) -> tuple[str, bool]:
        prompts.append(label)
        return typed.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    assert alerts.ask_new_password(None, "Set a password") == "same"
    assert "empty" in prompts[1]
    assert "not the same" in prompts[3]


def test_password_prompts_say_what_to_type(monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing or removing a password asks for the current one in those words (not the
    words for opening a file); a new password is told it cannot be recovered."""
    from PySide6.QtWidgets import QInputDialog

    prompts: list[str] = []

    def get_text(_parent: object, _title: str, label: str, _echo: object) -> tuple[str, bool]:
        prompts.append(label)
        return "x", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    alerts.ask_password(None, "demo.iptw", current=True)
    alerts.ask_password(None, "demo.iptw", wrong=True, current=True)
    alerts.ask_new_password(None, "Set a password")
    assert "current password" in prompts[0]
    assert "demo.iptw" in prompts[0]
    assert "not the current password" in prompts[1]
    assert "open" not in prompts[1]
    assert "forgotten password" in prompts[2]


def test_change_password_asks_for_the_current_one(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    encrypted_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    asked: list[bool] = []

    def password(
        _parent: object, _name: str, *, wrong: bool = False, current: bool = False
    ) -> str | None:
        asked.append(current)
        return None  # gives up: nothing is changed

    monkeypatch.setattr(alerts, "ask_password", password)
    window.actions.trigger("workbook.change_password")
    window.actions.trigger("workbook.remove_password")
    assert asked == [True, True]


def test_change_and_remove_say_older_backups_keep_the_old_password(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    new_passwords: list[str | None],
    encrypted_path: Path,
) -> None:
    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    answers.passwords.append("pw")
    new_passwords.append("two")
    window.actions.trigger("workbook.change_password")
    settle(qtbot, window)
    assert "keep the password they were made with" in answers.texts()
    answers.said.clear()
    answers.passwords.append("two")
    window.actions.trigger("workbook.remove_password")
    settle(qtbot, window)
    assert "keep the password they were made with" in answers.texts()


def test_restore_lists_each_backup_at_the_time_it_was_taken(qtbot: QtBot, tmp_path: Path) -> None:
    """Setting a password re-encrypts older backups, which changes their files' times: the
    list must still say when each was taken (from its name), not when it was rewritten."""
    older = tmp_path / "demo-20260101-120000-123456.iptw"
    newer = tmp_path / "demo-20260102-090807-000001.iptw"
    for path in (older, newer):
        path.write_bytes(b"x" * 10)  # both rewritten just now
    dialog = RestoreDialog([newer, older])
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert texts[0].startswith("2026-01-02 09:08:07")
    assert texts[1].startswith("2026-01-01 12:00:00")


def test_lock_screen_offers_to_close_the_workbook(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, encrypted_path: Path
) -> None:
    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    window.security.lock_now()
    unlock = window.security.unlock_dialog
    assert unlock is not None
    unlock.close_button.click()
    assert window.document is None
    assert window.pages.currentWidget() is window.welcome
    qtbot.waitUntil(lambda: not window.findChildren(QWidget, "lock-cover"))


def test_preferences_are_kept(
    qtbot: QtBot, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iptwork.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings.autolock_minutes, window.settings.backups_keep, None)
    assert dialog.autolock.value() == 10
    assert dialog.keep.value() == 10
    dialog.deleteLater()
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda _c, _p, _a, _k: (0, 3)))
    window.actions.trigger("edit.preferences")
    assert window.settings.autolock_minutes == 0
    assert window.settings.backups_keep == 3
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions["file.new_encrypted"] in file_menu.actions()


def test_auto_lock_keeps_the_guided_entry_and_its_draft_private(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, encrypted_path: Path
) -> None:
    from PySide6.QtWidgets import QDialog

    from tests.gui.helpers import in_modal

    answers.passwords.append("pw")
    assert window.open_path(encrypted_path)
    settle(qtbot, window)
    security = window.security
    seen: list[str] = []

    def drive(dialog: QDialog) -> None:
        dialog.tags.setText(SENTINEL)  # type: ignore[attr-defined]
        security.interval_ms = 150
        security.restart_idle()
        qtbot.waitUntil(lambda: security.locked, timeout=3000)
        assert dialog.isVisible()
        assert dialog.findChildren(QWidget, "lock-cover")
        unlock = security.unlock_dialog
        assert unlock is not None
        unlock.password.setText("pw")
        unlock.unlock_button.click()
        assert not security.locked
        assert dialog.isVisible()
        seen.append(dialog.tags.text())  # type: ignore[attr-defined]
        dialog.reject()

    in_modal(qtbot, lambda: window.actions.trigger("interaction.new"), drive)
    assert seen == [SENTINEL]
    assert window.settings.draft(encrypted_path) is None
    assert SENTINEL in str(security.draft(encrypted_path))


# --- read-only: nothing can be typed, dragged or triggered that would not be saved --------

#: Every action that changes the workbook: disabled while it is open read-only.
CHANGING_ACTIONS = (
    "edit.undo",
    "edit.redo",
    "interaction.new",
    "interaction.edit",
    "interaction.delete",
    "person.add",
    "person.delete",
    "focus.add",
    "session.new",
    "questionnaire.phq9",
    "questionnaire.gad7",
    "mood.rate",
    "event.add",
    "file.import_json",
    "workbook.set_password",
    "workbook.change_password",
    "workbook.remove_password",
    "workbook.restore_backup",
)


def _typed_into(qtbot: QtBot, field: QWidget, text: str = SENTINEL) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def test_read_only_window_takes_no_typing_drags_or_edits(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    backups: Path,
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QDialog

    from iptwork.store.lock import WorkbookLock
    from iptwork.ui.editors import TextField
    from tests.gui.helpers import in_modal

    with open_workbook(sample_path) as wb:
        contents_before = services.read_contents(wb)
    before = sample_path.read_bytes()
    other = WorkbookLock(sample_path)
    other.acquire()
    opened_dialogs: list[str] = []
    try:
        answers.choose.append("read_only")
        assert window.open_path(sample_path)
        settle(qtbot, window)
        qtbot.waitUntil(lambda: not window.interactions.loading)

        # Why, and how to get out of it: a banner over the window, and the status bar.
        banner = window.security.banner
        assert banner.isVisible()
        text = banner.text.text()
        assert text.startswith("Opened read-only because sample.iptw is open in iptwork on ")
        assert "Open for editing" in text
        assert window.security.status_label.isVisible()

        for name in CHANGING_ACTIONS:
            action = window.actions[name]
            assert not action.isEnabled(), name
            action.trigger()  # a disabled action does nothing, even when triggered
        for keys in ("Ctrl+N", "Ctrl+M", "Ctrl+Z", "Ctrl+E"):
            qtbot.keyClick(window, keys[-1], Qt.KeyboardModifier.ControlModifier)
        assert window.actions["file.save_copy"].isEnabled()
        assert window.actions["file.export_pdf"].isEnabled()

        # Interactions: no Delete; Edit opens the interaction to read, and it takes no typing.
        view = window.interactions
        assert not view.delete_button.isVisible()
        assert view.edit_button.text().replace("&", "") == "Open…"
        first = view.current_id() or view.model.data(view.model.index(0, 0), ID_ROLE)

        def read_form(dialog: QDialog) -> None:
            opened_dialogs.append(dialog.objectName())
            said = dialog.texts["said"]  # type: ignore[attr-defined]
            kept = said.text()
            _typed_into(qtbot, said)
            assert said.text() == kept
            assert said.isReadOnly()
            kept_tags = dialog.tags.text()  # type: ignore[attr-defined]
            _typed_into(qtbot, dialog.tags)  # type: ignore[attr-defined]
            assert dialog.tags.text() == kept_tags  # type: ignore[attr-defined]
            assert not dialog.satisfaction.slider.isEnabled()  # type: ignore[attr-defined]
            assert not dialog.private.isEnabled()  # type: ignore[attr-defined]
            when = dialog.when.value()  # type: ignore[attr-defined]
            _typed_into(qtbot, dialog.when, "1999")  # type: ignore[attr-defined]
            assert dialog.when.value() == when  # type: ignore[attr-defined]
            assert not dialog.people.list.isEnabled()  # type: ignore[attr-defined]
            assert dialog.findChild(QWidget, "read-only-note") is not None
            qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            dialog.reject()

        in_modal(qtbot, lambda: window.edit_interaction(first), read_form)
        assert opened_dialogs == ["interaction-form"]

        # People: buttons disabled, the circle neither drags nor moves with keys.
        window.actions.trigger("view.inventory")
        inventory = window.inventory
        circle = inventory.circle
        qtbot.waitExposed(circle)
        assert not inventory.add_button.isEnabled()
        mum = next(p for p in circle.people() if p.name == "Mum")
        start = circle.position_of(mum.id).toPoint()
        inner, outer = circle.ring_bounds(1)
        centre = circle.centre()
        target = QPoint(round(centre.x()), round(centre.y() + (inner + outer) / 2))
        with qtbot.assertNotEmitted(circle.moved), qtbot.assertNotEmitted(inventory.edit_requested):
            qtbot.mousePress(circle, Qt.MouseButton.LeftButton, pos=start)
            qtbot.mouseMove(circle, target)
            qtbot.mouseRelease(circle, Qt.MouseButton.LeftButton, pos=target)
            assert circle.current() == mum.id  # picking someone still works
            for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_Plus, Qt.Key.Key_Return):
                qtbot.keyClick(circle, key)
            qtbot.mouseDClick(circle, Qt.MouseButton.LeftButton, pos=start)
            inventory.table.selectRow(0)
            assert not inventory.edit_button.isEnabled()
            assert not inventory.delete_button.isEnabled()
            qtbot.keyClick(inventory.table, Qt.Key.Key_Return)

        # Focus: no field takes typing, no choice can be changed, no goal added or removed.
        window.actions.trigger("view.focus")
        focus_view = window.focus_view
        editor = focus_view.editor
        qtbot.waitExposed(editor)
        assert not focus_view.add_button.isEnabled()
        assert not focus_view.delete_button.isEnabled()
        for row in range(focus_view.model.rowCount()):  # each focus, each its own fields
            focus_view.list.setCurrentIndex(focus_view.model.index(row, 0))
            fields = [editor.description, *editor.details.values()]
            kept = [f.text() for f in fields]
            for field in fields:
                _typed_into(qtbot, field)
            assert [f.text() for f in fields] == kept
            assert not editor.area.isEnabled()
            assert not editor.stage.isEnabled()
            assert not editor.people.list.isEnabled()
            assert not editor.new_goal.isVisible()
            goals = editor.goals.goals()
            if goals:
                editor.goals_table.edit(editor.goals.index(0, 0))
                qtbot.keyClicks(editor.goals_table.viewport(), SENTINEL)
                assert editor.goals.goals() == goals
        editor.flush()

        # Sessions, questionnaires and the timeline: nothing to add, edit or delete.
        window.actions.trigger("view.sessions")
        sessions = window.sessions_view
        qtbot.waitExposed(sessions)
        assert not sessions.new_button.isEnabled()
        assert not sessions.edit_button.isEnabled()
        assert not sessions.delete_button.isEnabled()
        assert not sessions.circle.keep_button.isEnabled()
        with qtbot.assertNotEmitted(sessions.edit_requested):
            sessions.table.doubleClicked.emit(sessions.model.index(0, 0))
        window.actions.trigger("view.questionnaires")
        questionnaires = window.questionnaires
        assert not any(b.isEnabled() for b in questionnaires.record_buttons)
        assert not questionnaires.delete_button.isEnabled()
        window.actions.trigger("view.timeline")
        timeline = window.timeline
        for button in (timeline.add_button, timeline.edit_button, timeline.delete_button):
            assert not button.isEnabled()
        with qtbot.assertNotEmitted(timeline.edit_requested):
            timeline.table.doubleClicked.emit(timeline.model.index(0, 0))

        # The formulation and ending sheets take no typing.
        window.actions.trigger("view.sheets")
        sheets = window.sheets
        qtbot.waitExposed(sheets)
        for text_field in sheets.findChildren(TextField):
            kept_text = text_field.text()
            _typed_into(qtbot, text_field)
            assert text_field.text() == kept_text
        agreed = sheets.formulation.sessions
        kept_sessions = agreed.value()
        _typed_into(qtbot, agreed, "99")
        qtbot.keyClick(agreed, Qt.Key.Key_Up)
        assert agreed.value() == kept_sessions
        assert not sheets.formulation.date.check.isEnabled()
        sheets.formulation.date.check.setChecked(True)  # even when code enables the date
        _typed_into(qtbot, sheets.formulation.date.edit, "2001")
        assert sheets.formulation.date.edit.isReadOnly()
        sheets.formulation.date.check.setChecked(False)
        sheets.flush()

        # Review mode still shows the interactions, read-only.
        window.actions.trigger("review.toggle")
        review = window.course.review
        assert window.pages.currentWidget() is review
        kept_note = review.note.text()
        _typed_into(qtbot, review.note)
        assert review.note.text() == kept_note
        assert not review.reviewed.isEnabled()
        window.actions.trigger("review.toggle")

        # Nothing reached the workbook, so nothing had to be refused with a message.
        assert answers.said[1:] == []
        window.close_workbook()
        assert not banner.isVisible()
        assert other.held
    finally:
        other.release()
    assert sample_path.read_bytes() == before
    with open_workbook(sample_path) as wb:
        assert services.read_contents(wb) == contents_before


def test_read_only_lifts_when_opened_for_editing(
    qtbot: QtBot, window: MainWindow, answers: Answers, backups: Path, sample_path: Path
) -> None:
    from iptwork.store.lock import WorkbookLock

    other = WorkbookLock(sample_path)
    other.acquire()
    answers.choose.append("read_only")
    assert window.open_path(sample_path)
    settle(qtbot, window)
    banner = window.security.banner
    banner.reopen_button.click()  # still open elsewhere: it says so and stays read-only
    assert "still open in the other iptwork" in answers.texts()
    assert window.document is not None
    assert window.document.workbook.read_only
    other.release()
    banner.reopen_button.click()
    settle(qtbot, window)
    assert window.document is not None
    assert not window.document.workbook.read_only
    assert not banner.isVisible()
    assert "(read-only)" not in window.windowTitle()
    assert window.actions["person.add"].isEnabled()
    window.actions.trigger("view.inventory")
    assert window.inventory.add_button.isEnabled()
    assert not window.inventory.circle.is_read_only()
    window.actions.trigger("view.focus")
    editor = window.focus_view.editor
    assert not editor.description.isReadOnly()
    assert editor.area.isEnabled()
    settle(qtbot, window)
