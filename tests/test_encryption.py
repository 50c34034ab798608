"""Encrypted workbooks: nobody who picks up the file can read it without the password, and
setting, changing or removing the password keeps every record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from iptwork import cli
from iptwork.store import errors, services
from iptwork.store import records as r
from iptwork.store.backup import (
    automatic_backup,
    backup_workbook,
    list_backups,
    restore_workbook,
    save_copy,
)
from iptwork.store.password import change_password, encrypt_copy, rekey
from iptwork.store.workbook import Workbook, create_workbook, open_workbook, sidecars
from tests.factories import populate

SENTINELS = ("ZEBRA-SENTINEL-7731", "Приватная-фраза-42", "كلمة-سرية-99")


def _bytes_on_disk(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, *sidecars(path)) if p.exists())


def _leaks(data: bytes) -> list[str]:
    return [s for s in SENTINELS if s.encode("utf-8") in data or s.encode("utf-16-le") in data]


def _write_secrets(wb: Workbook) -> None:
    alex = services.add_person(wb, r.Person(name=SENTINELS[0], notes=SENTINELS[1]))
    for n in range(20):
        services.add_interaction(
            wb,
            r.Interaction(
                occurred_at=datetime(2026, 10, 1 + n, 9),
                people=(alex.id,),
                said=f"{SENTINELS[0]} {n}",
                heard=SENTINELS[1],
                tags=(SENTINELS[2],),
            ),
        )


def test_no_plaintext_reaches_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "secret.iptw"
    wb = create_workbook(path, password="correct horse")
    _write_secrets(wb)
    # While open, the WAL and shared-memory files hold the latest pages: encrypted too.
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    assert _leaks(_bytes_on_disk(path)) == []
    copy = backup_workbook(path, tmp_path / "copy.iptw", password="correct horse")
    wb.close()
    assert _leaks(_bytes_on_disk(path)) == []
    assert _leaks(copy.read_bytes()) == []
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(errors.PasswordRequired):
        open_workbook(copy)
    with open_workbook(copy, password="correct horse") as restored:
        assert services.count_interactions(restored) == 20


def test_the_same_text_is_readable_in_a_plain_workbook(tmp_path: Path) -> None:
    """The leak check above can fail: without a password the sentinels are in the file."""
    path = tmp_path / "plain.iptw"
    with create_workbook(path) as wb:
        _write_secrets(wb)
    assert set(_leaks(_bytes_on_disk(path))) == set(SENTINELS)


def test_deleted_text_is_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "plain.iptw"
    with create_workbook(path) as wb:
        saved = services.add_interaction(
            wb, r.Interaction(occurred_at=datetime(2026, 10, 1), said=SENTINELS[0] * 50)
        )
    with open_workbook(path) as wb:
        services.delete_interaction(wb, saved.id)
    assert _leaks(_bytes_on_disk(path)) == []


def test_wrong_and_missing_passwords_fail_cleanly_and_change_nothing(tmp_path: Path) -> None:
    path = tmp_path / "secret.iptw"
    with create_workbook(path, password="right") as wb:
        populate(wb)
    before = path.read_bytes()
    with pytest.raises(errors.PasswordRequired, match="encrypted"):
        open_workbook(path)
    with pytest.raises(errors.WrongPassword, match="does not open"):
        open_workbook(path, password="wrong")
    with pytest.raises(errors.WrongPassword):
        open_workbook(path, password="")
    assert path.read_bytes() == before
    assert not any(p.exists() for p in sidecars(path))


def test_set_change_and_remove_the_password_keep_every_record(tmp_path: Path) -> None:
    path = tmp_path / "w.iptw"
    wb = create_workbook(path)
    populate(wb)
    _write_secrets(wb)
    original = services.read_contents(wb)

    change_password(wb, "first")
    assert services.read_contents(wb) == original
    assert _leaks(_bytes_on_disk(path)) == []

    change_password(wb, "second")
    assert services.read_contents(wb) == original
    wb.close()
    with pytest.raises(errors.WrongPassword):
        open_workbook(path, password="first")

    wb = open_workbook(path, password="second")
    change_password(wb, None)
    assert services.read_contents(wb) == original
    wb.close()
    with open_workbook(path) as plain:
        assert services.read_contents(plain) == original
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_an_empty_password_is_refused(tmp_path: Path) -> None:
    with pytest.raises(errors.WorkbookError, match="empty password"):
        create_workbook(tmp_path / "w.iptw", password="")
    assert not (tmp_path / "w.iptw").exists()
    with create_workbook(tmp_path / "v.iptw") as wb:
        with pytest.raises(errors.WorkbookError, match="empty password"):
            change_password(wb, "")
        assert services.count_interactions(wb) == 0


def test_command_line_with_an_encrypted_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "secret.iptw"
    monkeypatch.setenv("IPTWORK_PASSWORD", "from the environment")
    assert cli.main(["new", str(path), "--encrypt", "--title", "Private"]) == 0
    assert "encrypted" in capsys.readouterr().out
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert cli.main(["check", str(path)]) == 0
    assert "encrypted iptwork workbook" in capsys.readouterr().out

    monkeypatch.setenv("IPTWORK_PASSWORD", "not it")
    assert cli.main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "does not open" in err

    monkeypatch.delenv("IPTWORK_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "IPTWORK_PASSWORD" in err
    assert cli.main(["new", str(tmp_path / "other.iptw"), "--encrypt"]) == 1
    assert not (tmp_path / "other.iptw").exists()


def test_further_connections_reuse_the_derived_key(tmp_path: Path) -> None:
    """A second connection (a worker thread, a nested read) opens the encrypted file too."""
    import threading

    path = tmp_path / "secret.iptw"
    with create_workbook(path, password="pw") as wb:
        populate(wb)
    with open_workbook(path, password="pw") as wb, wb.read():
        found: list[int] = []
        worker = threading.Thread(target=lambda: found.append(services.count_interactions(wb)))
        worker.start()
        worker.join()
        assert found == [3]


def test_connections_survive_many_short_lived_threads(tmp_path: Path) -> None:
    """Worker threads come and go (Qt's pool); each must get a working connection, and one
    thread's connection must never be closed under another (the memory-database pool did)."""
    import threading

    path = tmp_path / "w.iptw"
    with create_workbook(path) as wb:
        populate(wb)
        counts: list[int] = []
        errors_seen: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(5):
                    counts.append(services.count_interactions(wb))
            except BaseException as error:  # collected for the assertion below
                errors_seen.append(error)

        for _ in range(4):
            threads = [threading.Thread(target=work) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert errors_seen == []
        assert counts == [3] * 160


def test_rekey_backs_up_first_under_the_old_key(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "w.iptw"
    wb = create_workbook(path, password="old")
    _write_secrets(wb)
    original = services.read_contents(wb)
    done = rekey(wb, "new", root, keep=5)
    assert done.backup is not None
    assert list_backups(root, path) == [done.backup]
    with pytest.raises(errors.WrongPassword):
        open_workbook(done.backup, password="new")
    wb.close()
    # The backup restores the workbook as it was, with its old password.
    restore_workbook(done.backup, path, password="old")
    with open_workbook(path, password="old") as restored:
        assert services.read_contents(restored) == original


def test_rekey_when_removing_the_password_keeps_an_encrypted_backup(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "w.iptw"
    with create_workbook(path, password="old") as wb:
        _write_secrets(wb)
        done = rekey(wb, None, root, keep=5)
        assert not wb.encrypted
    assert done.backup is not None
    assert _leaks(done.backup.read_bytes()) == []
    with open_workbook(done.backup, password="old") as kept:
        assert services.count_interactions(kept) == 20


def test_setting_a_password_encrypts_our_own_plain_copies(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "w.iptw"
    wb = create_workbook(path)
    _write_secrets(wb)
    automatic = automatic_backup(wb, root, keep=5)
    before_restore = tmp_path / "w-before-restore-20260101-120000.iptw"
    before_upgrade = tmp_path / "w.v1-20260101-120000.iptw"
    users_own = tmp_path / "w copy.iptw"
    for copy in (before_restore, before_upgrade, users_own):
        save_copy(wb, copy)
    damaged = tmp_path / "w-before-restore-20260102-120000.iptw"
    damaged.write_bytes(b"SQLite format 3\x00" + SENTINELS[0].encode() * 40)
    done = rekey(wb, "new", root, keep=5)
    wb.close()
    assert automatic is not None
    assert done.backup is not None
    assert set(done.encrypted) == {automatic, done.backup, before_restore, before_upgrade}
    assert done.left == (damaged,)  # unreadable: left as it was, never deleted
    for copy in done.encrypted:
        assert _leaks(_bytes_on_disk(copy)) == []
        with open_workbook(copy, password="new", upgrade=False) as opened:
            assert services.count_interactions(opened) == 20
    assert _leaks(users_own.read_bytes())  # the person's own copy is theirs
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporaries


def test_encrypting_a_copy_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.iptw"
    with create_workbook(path) as wb:
        _write_secrets(wb)
    assert encrypt_copy(path, "pw")
    data = path.read_bytes()
    assert not encrypt_copy(path, "pw")
    assert path.read_bytes() == data
    with pytest.raises(errors.WorkbookError, match="empty password"):
        encrypt_copy(path, "")
