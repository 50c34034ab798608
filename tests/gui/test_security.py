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
    qtbot.waitUntil(lambda: not window.ops.busy)


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
    assert "deleted" in answers.texts()
    assert backup.list_backups(backups, sample_path) == []
    window.close_workbook()
    assert count(sample_path, "one") == 8
    with pytest.raises(PasswordRequired):
        open_workbook(sample_path)

    answers.passwords.append("one")
    assert window.open_path(sample_path)
    settle(qtbot, window)
    answers.passwords.append("one")  # the current password, asked before changing it
    new_passwords.append("two")
    window.actions.trigger("workbook.change_password")
    settle(qtbot, window)
    window.close_workbook()
    assert count(sample_path, "two") == 8
    with pytest.raises(WrongPassword):
        open_workbook(sample_path, password="one")

    answers.passwords.append("two")
    assert window.open_path(sample_path)
    settle(qtbot, window)
    answers.passwords.append("two")
    window.actions.trigger("workbook.remove_password")
    settle(qtbot, window)
    window.close_workbook()
    assert count(sample_path) == 8


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
    qtbot.waitUntil(lambda: "restored" in answers.texts())
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
    qtbot.waitUntil(lambda: "restored" in answers.texts())
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
