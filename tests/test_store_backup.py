"""Automatic rotating backups: made with the backup API, checked, encrypted like the
workbook, the oldest removed beyond the number to keep."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from iptwork.store import errors, services
from iptwork.store import records as r
from iptwork.store.backup import automatic_backup, list_backups, restore_workbook
from iptwork.store.workbook import create_workbook, open_workbook


def _add(wb: object, n: int) -> None:
    services.add_interaction(
        wb, r.Interaction(occurred_at=datetime(2026, 10, 1 + n), said=f"entry {n}")
    )  # type: ignore[arg-type]


def test_backups_rotate_and_each_holds_the_state_of_its_time(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    wb = create_workbook(tmp_path / "w.iptw")
    made = []
    for n in range(5):
        _add(wb, n)
        made.append(automatic_backup(wb, root, keep=3))
    wb.close()
    kept = list_backups(root, wb.path)
    assert kept == list(reversed(made[-3:]))
    with open_workbook(kept[0]) as newest:
        assert services.count_interactions(newest) == 5
    with open_workbook(kept[-1]) as oldest:
        assert services.count_interactions(oldest) == 3


def test_a_recent_backup_is_not_repeated(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    with create_workbook(tmp_path / "w.iptw") as wb:
        assert automatic_backup(wb, root, keep=5, min_age=timedelta(days=1)) is not None
        assert automatic_backup(wb, root, keep=5, min_age=timedelta(days=1)) is None
        assert automatic_backup(wb, root, keep=5, min_age=timedelta(0)) is not None
    assert len(list_backups(root, wb.path)) == 2


def test_workbooks_with_the_same_name_keep_separate_backups(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        with create_workbook(tmp_path / folder / "w.iptw") as wb:
            automatic_backup(wb, root, keep=2)
    assert len(list_backups(root, tmp_path / "a" / "w.iptw")) == 1
    assert len(list_backups(root, tmp_path / "b" / "w.iptw")) == 1


def test_an_encrypted_workbook_has_encrypted_backups_that_restore(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "w.iptw"
    with create_workbook(path, password="pw") as wb:
        _add(wb, 1)
        (backup,) = [automatic_backup(wb, root, keep=2)]
        _add(wb, 2)
    assert backup is not None
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(errors.PasswordRequired):
        restore_workbook(backup, path)
    restore_workbook(backup, path, password="pw")
    with open_workbook(path, password="pw") as wb:
        assert [i.said for i in services.list_interactions(wb)] == ["entry 1"]


def test_a_backup_rewritten_later_still_counts_from_when_it_was_taken(tmp_path: Path) -> None:
    """Set password rewrites older backups (new modification time): the hourly backup
    must still come when the newest backup was *taken* more than an hour ago."""
    import os

    root = tmp_path / "backups"
    with create_workbook(tmp_path / "w.iptw") as wb:
        first = automatic_backup(wb, root, keep=5)
        assert first is not None
        two_hours_ago = datetime.now() - timedelta(hours=2)
        older = first.with_name(f"w-{two_hours_ago:%Y%m%d-%H%M%S-%f}.iptw")
        first.rename(older)
        os.utime(older)  # rewritten just now, as Set password does
        assert automatic_backup(wb, root, keep=5, min_age=timedelta(hours=1)) is not None
        assert len(list_backups(root, wb.path)) == 2
        assert automatic_backup(wb, root, keep=5, min_age=timedelta(hours=1)) is None
