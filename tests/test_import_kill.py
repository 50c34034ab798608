"""`kill -9` in the middle of an import leaves the workbook exactly as it was before."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from iptwork.interchange import export_document, import_file
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.check import check_workbook
from iptwork.store.workbook import create_workbook, open_workbook

# The importing process: says "ready" before it starts and "writing" when the first batch
# of rows goes to the database, i.e. inside the import's one write transaction.
CHILD = """
import sys
from pathlib import Path

from sqlalchemy import event

from iptwork.interchange import import_file
from iptwork.store.workbook import open_workbook

wb = open_workbook(Path(sys.argv[1]))
told = []


@event.listens_for(wb.engine, "before_cursor_execute")
def tell(connection, cursor, statement, parameters, context, executemany):
    if executemany and not told:
        told.append(True)
        print("writing", flush=True)


print("ready", flush=True)
import_file(wb, Path(sys.argv[2]))
wb.close()
print("done", flush=True)
"""

INTERACTIONS = 5_000


def big_document(known: dict[str, Any], count: int = INTERACTIONS) -> dict[str, Any]:
    """The workbook's own records changed, plus `count` new interactions."""
    rng = random.Random(5)
    document = json.loads(json.dumps(known))
    for interaction in document["interactions"]:
        interaction["said"] += " (changed by the import)"
    document["people"][0]["notes"] = "Changed by the import"
    people = [p["id"] for p in document["people"]]
    start = datetime(2025, 1, 1, 8)
    for n in range(count):
        document["interactions"].append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "occurred_at": (start + timedelta(hours=7 * n)).isoformat(),
                "people": rng.sample(people, k=rng.randint(1, 2)),
                "setting": "At home " * rng.randint(1, 30),
                "said": f"Interaction {n}: " + "words " * rng.randint(5, 80),
                "heard": "They did not care " * rng.randint(1, 10),
                "emotions": [
                    {"name": name, "intensity": rng.randint(0, 100)}
                    for name in rng.sample(["hurt", "angry", "sad", "calm"], k=2)
                ],
                "satisfaction": rng.randint(0, 10),
                "understood": rng.choice(["yes", "partly", "no", "unsure"]),
                "problems": rng.sample(["silence", "hostile", "need_unstated"], k=1),
                "tags": rng.sample(["money", "kids", "work"], k=rng.randint(0, 2)),
            }
        )
    return document


def dump(path: Path) -> list[tuple[str, list[str]]]:
    """Every row of every table, timestamps included, in a comparable form."""
    connection = sqlcipher3.connect(str(path))
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return [
            (table, sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')))
            for table in tables
        ]
    finally:
        connection.close()


@pytest.fixture
def pristine(tmp_path: Path) -> tuple[Path, Path]:
    """A closed workbook with some work in it, and a large file that changes and adds to it."""
    path = tmp_path / "pristine.iptw"
    with create_workbook(path, title="Before") as wb:
        alex = services.add_person(wb, r.Person(name="Alex", relationship="partner"))
        sam = services.add_person(wb, r.Person(name="Sam"))
        for n in range(20):
            services.add_interaction(
                wb,
                r.Interaction(
                    occurred_at=datetime(2026, 10, 1 + n, 19, 30),
                    people=(alex.id,) if n % 2 else (alex.id, sam.id),
                    said=f"Before {n}",
                    emotions=(r.EmotionRating("hurt", 50),),
                ),
            )
        known = export_document(wb)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(big_document(known)), encoding="utf-8")
    return path, source


def start_import(workbook: Path, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(workbook), str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(process: subprocess.Popen[str], word: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line == word, f"expected {word!r}, got {line!r}: {process.stderr.read()}"  # type: ignore[union-attr]


@pytest.mark.slow
def test_kill_9_during_an_import_leaves_the_workbook_as_it_was(
    pristine: tuple[Path, Path], tmp_path: Path
) -> None:
    original, source = pristine
    before = dump(original)

    # The control: left alone, the import does change the workbook (so the test can fail).
    finished = tmp_path / "finished.iptw"
    shutil.copyfile(original, finished)
    with open_workbook(finished) as wb:
        started = time.monotonic()
        import_file(wb, source)
        duration = time.monotonic() - started
    assert dump(finished) != before

    rng = random.Random(20261126)
    # (when, extra delay): right after start-up (reading and checking the file), then at
    # random moments after the first rows went to the database.
    # Writing takes about two thirds of the import (0.35 s of 0.5 s on a laptop).
    window = 0.6 * duration
    moments = [("ready", 0.0), *(("writing", rng.uniform(0.0, window)) for _ in range(5))]
    killed_while_writing = 0
    for attempt, (signal_word, delay) in enumerate(moments):
        workbook = tmp_path / f"attempt-{attempt}.iptw"
        shutil.copyfile(original, workbook)
        process = start_import(workbook, source)
        wait_for(process, "ready")
        if signal_word == "writing":
            wait_for(process, "writing")
        time.sleep(delay)
        still_running = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL or not still_running

        report = check_workbook(workbook)
        assert report.ok, report.problems
        after = dump(workbook)
        if still_running:
            killed_while_writing += signal_word == "writing"
            assert after == before, f"attempt {attempt} (killed {delay:.3f} s after {signal_word})"
        else:  # the import won the race: then all of it is there
            with open_workbook(workbook) as wb, open_workbook(finished) as done:
                assert services.read_contents(wb) == services.read_contents(done)
    assert killed_while_writing >= 3, "the import always finished before the kill"
