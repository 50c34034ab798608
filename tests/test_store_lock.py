"""The lock file: a second opener learns who has the workbook and gets a real choice."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iptwork.store.errors import ReadOnlyWorkbook, StorageFull, WriteFailed
from iptwork.store.lock import WorkbookLock, WorkbookLocked


def test_a_second_opener_is_told_who_has_it(workbook_path: Path) -> None:
    first = WorkbookLock(workbook_path)
    first.acquire()
    with pytest.raises(WorkbookLocked) as caught:
        WorkbookLock(workbook_path).acquire()
    assert not caught.value.stale
    assert "read-only" in str(caught.value)
    assert caught.value.info is not None
    first.release()
    assert not first.path.exists()
    WorkbookLock(workbook_path).acquire()  # free again


def test_a_lock_left_by_a_dead_process_is_stale(workbook_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock = WorkbookLock(workbook_path)
    lock.acquire()
    data = json.loads(lock.path.read_text())
    data["pid"] = int(gone.stdout)
    lock.path.write_text(json.dumps(data))
    with pytest.raises(WorkbookLocked) as caught:
        WorkbookLock(workbook_path).acquire()
    assert caught.value.stale
    assert "safe to open it anyway" in str(caught.value)
    taker = WorkbookLock(workbook_path)
    taker.acquire(force=True)
    assert taker.held
    lock.release()  # no longer ours: must not remove the new holder's lock
    assert taker.path.exists()
    taker.release()
    assert not taker.path.exists()


def test_a_lock_from_another_computer_is_never_called_stale(workbook_path: Path) -> None:
    lock = WorkbookLock(workbook_path)
    lock.path.write_text(
        json.dumps(
            {
                "host": "therapy-room-pc",
                "pid": 1,
                "user": "ana",
                "since": "2026-11-26T10:00:00",
                "token": "x",
            }
        )
    )
    with pytest.raises(WorkbookLocked, match="therapy-room-pc") as caught:
        lock.acquire()
    assert not caught.value.stale


def test_an_unreadable_lock_still_protects(workbook_path: Path) -> None:
    lock = WorkbookLock(workbook_path)
    lock.path.write_bytes(b"\x00garbage")
    with pytest.raises(WorkbookLocked) as caught:
        lock.acquire()
    assert caught.value.info is None
    assert not caught.value.stale


def test_read_only_opening_shows_everything_and_writes_nothing(workbook_path: Path) -> None:
    from datetime import datetime

    from iptwork.store import errors, services
    from iptwork.store import records as r
    from iptwork.store.workbook import create_workbook, open_workbook

    with create_workbook(workbook_path) as wb:
        services.add_interaction(wb, r.Interaction(occurred_at=datetime(2026, 10, 1), said="kept"))
    writer = open_workbook(workbook_path)  # the other instance, still open
    before = workbook_path.read_bytes()
    with open_workbook(workbook_path, read_only=True) as viewer:
        assert [i.said for i in services.list_interactions(viewer)] == ["kept"]
        with pytest.raises(errors.ReadOnlyWorkbook):
            services.add_interaction(viewer, r.Interaction(occurred_at=datetime(2026, 10, 2)))
    assert workbook_path.read_bytes() == before
    services.add_interaction(writer, r.Interaction(occurred_at=datetime(2026, 10, 3), said="later"))
    writer.close()


@pytest.mark.parametrize(
    ("number", "kind", "words"),
    [
        (errno.EACCES, ReadOnlyWorkbook, "read-only"),
        (errno.EROFS, ReadOnlyWorkbook, "read-only"),
        (errno.ENOSPC, StorageFull, "full"),
        (errno.EIO, WriteFailed, "Could not write"),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_a_folder_where_no_lock_can_be_written_gives_a_calm_error(
    workbook_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    number: int,
    kind: type[Exception],
    words: str,
    force: bool,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(Path, "write_bytes", refuse)
    lock = WorkbookLock(workbook_path)
    with pytest.raises(kind) as caught:
        lock.acquire(force=force)
    assert words in str(caught.value)
    assert str(workbook_path) in str(caught.value)
    assert not lock.held
