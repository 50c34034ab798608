"""A crash at any moment loses nothing committed and never leaves a damaged workbook; two
writers at once never corrupt; a full disk gives a clear message and keeps what was saved."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.check import check_workbook
from iptwork.store.workbook import create_workbook, open_workbook

ROOT = Path(__file__).resolve().parent.parent


def _writer(path: Path, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.writer_process", str(path), str(count), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _collect(process: subprocess.Popen[str], into: list[str]) -> threading.Thread:
    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            into.append(line.strip())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _finish(process: subprocess.Popen[str], reader: threading.Thread) -> str:
    """Wait for the process and its output; return what it wrote on stderr."""
    process.wait(timeout=120)
    reader.join(timeout=5)
    assert process.stdout is not None
    assert process.stderr is not None
    errors = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    return errors


def _stored_ids(path: Path) -> set[str]:
    with open_workbook(path) as wb:
        return {i.id for i in services.list_interactions(wb)}


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.iptw"
    with create_workbook(path) as wb:
        services.add_person(wb, r.Person(name="Alex", relationship="partner"))
    return path


@pytest.mark.slow
def test_kill_9_at_random_moments_never_loses_committed_work(shared: Path) -> None:
    rng = random.Random(20261126)
    committed: set[str] = set()
    for _ in range(6):
        reported: list[str] = []
        process = _writer(shared, 100_000)
        reader = _collect(process, reported)
        deadline = time.monotonic() + 10
        while len(reported) < 2 and time.monotonic() < deadline:  # until it is writing
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        _finish(process, reader)
        committed.update(line for line in reported if not line.startswith("ERROR"))
        report = check_workbook(shared)
        assert report.ok, report.problems
        stored = _stored_ids(shared)
        assert committed <= stored, f"{len(committed - stored)} committed interactions lost"
    assert len(committed) > 10


def test_two_writers_at_once_never_corrupt(shared: Path) -> None:
    outputs: list[list[str]] = [[], []]
    processes = [_writer(shared, 60) for _ in outputs]
    readers = [_collect(p, out) for p, out in zip(processes, outputs, strict=True)]
    for process, reader in zip(processes, readers, strict=True):
        assert "Traceback" not in _finish(process, reader)
        assert process.returncode == 0
    assert all(len(out) == 60 for out in outputs)
    assert check_workbook(shared).ok
    assert _stored_ids(shared) == set(outputs[0]) | set(outputs[1])


def test_a_full_disk_gives_a_clear_message_and_keeps_what_was_saved(shared: Path) -> None:
    reported: list[str] = []
    limit = shared.stat().st_size + 300_000
    process = _writer(shared, 10_000, "--fsize-limit", str(limit))
    reader = _collect(process, reported)
    assert "Traceback" not in _finish(process, reader)
    assert process.returncode == 1
    *saved, error = reported
    assert error.startswith("ERROR WriteFailed") or error.startswith("ERROR StorageFull")
    assert "everything saved before it is safe" in error or "saved before is safe" in error
    assert saved
    assert check_workbook(shared).ok
    assert set(saved) <= _stored_ids(shared)
