"""Time to a window listing 10,000 interactions: iptwork against a bare PySide6 table.

Both run as fresh subprocesses, alternately, on the same 10,000-interaction workbook:

* bare:    QApplication + QTableView over rows read with stdlib sqlite3 (one query, all rows)
* iptwork: the real app (`iptwork.ui.app.start`) opening the workbook and listing it

Each child reports when its table has painted its first rows; the parent measures from the
spawn, so interpreter start and imports count for both. It prints the medians and the ratio
(target: iptwork <= 1.5 x bare), then how long filtering and scrolling the list block the
GUI thread at most (target: <= 100 ms), measured with a 2 ms heartbeat timer.

    .venv/bin/python benchmarks/window_10k.py [--runs 7] [--interactions 10000]

Uses the display in $DISPLAY if there is one, else Qt's offscreen platform. The children
(the windows being timed) are `iptwork.ui.bench_children`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

READY = "READY"
SHOWN = "SHOWN"
#: The Qt side of the measurement lives in the ui package (Qt is imported nowhere else).
CHILDREN = "iptwork.ui.bench_children"


# --- the workbook ----------------------------------------------------------------------


def make_workbook(path: Path, count: int, seed: int = 7) -> None:
    from iptwork.store import records as r
    from iptwork.store import services
    from iptwork.store.workbook import create_workbook

    rng = random.Random(seed)
    people = tuple(
        r.Person(name=name, relationship=rel, closeness=rng.randint(1, 3))
        for name, rel in (
            ("Alex", "partner"),
            ("Mum", "parent"),
            ("Jordan", "friend"),
            ("Priya", "colleague"),
            ("Lena", "sibling"),
            ("Mr Okafor", "boss"),
        )
    )
    problems = ("silence", "hostile", "need_unstated", "assumed_understood", "indirect_verbal")
    start = datetime(2020, 1, 1, 8, 0)
    words = ["weekend", "money", "dishes", "holiday", "phone", "late", "tired", "visit", "work"]
    interactions = tuple(
        r.Interaction(
            occurred_at=start + timedelta(hours=5 * n + rng.randrange(4)),
            people=(rng.choice(people).id,),
            setting=f"At home, about the {rng.choice(words)}",
            intended=f"I wanted them to understand the {rng.choice(words)} mattered",
            said=f"I said something about the {rng.choice(words)} and the {rng.choice(words)}",
            other_said="They said it was not a big deal",
            heard="That it does not matter to them",
            satisfaction=rng.randrange(11),
            understood=rng.choice(("yes", "partly", "no", "unsure")),
            problems=tuple(rng.sample(problems, rng.randrange(3))),
        )
        for n in range(count)
    )
    with create_workbook(path, title="Benchmark") as wb:
        services.apply_contents(wb, r.Contents(people=people, interactions=interactions))


# --- the parent ------------------------------------------------------------------------


def time_child(kind: str, path: Path, settings_file: Path) -> tuple[float, float]:
    """(seconds to the window on screen, seconds to its rows painted) from the spawn."""
    settings_file.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", CHILDREN, kind, str(path), str(settings_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the offscreen plugin's chatter
        text=True,
    )
    assert process.stdout is not None
    shown = None
    for line in process.stdout:
        if line.strip() == SHOWN and shown is None:
            shown = time.perf_counter() - started
        if line.strip() == READY:
            listed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{kind} child ended without listing the rows")
    process.wait(timeout=30)
    return (shown if shown is not None else listed), listed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--interactions", type=int, default=10_000)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    # An installed iptwork starts from compiled bytecode (pip and the bundle compile it);
    # with PYTHONDONTWRITEBYTECODE set, a source tree would be compiled again on every run.
    import compileall

    import iptwork

    compileall.compile_dir(Path(iptwork.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.iptw"
        settings_file = Path(folder) / "settings.ini"
        began = time.perf_counter()
        make_workbook(path, args.interactions)
        print(
            f"workbook: {args.interactions:,} interactions "
            f"(made in {time.perf_counter() - began:.1f} s); "
            f"platform: {os.environ.get('QT_QPA_PLATFORM') or 'display ' + os.environ['DISPLAY']}"
        )
        for kind in ("bare", "app"):  # warm the file cache and the imports once
            time_child(kind, path, settings_file)
        times: dict[str, list[tuple[float, float]]] = {"bare": [], "app": []}
        for _ in range(args.runs):
            for kind in ("bare", "app"):
                times[kind].append(time_child(kind, path, settings_file))
        bare = statistics.median(t[1] for t in times["bare"])
        shown = statistics.median(t[0] for t in times["app"])
        listed = statistics.median(t[1] for t in times["app"])
        print(f"medians over {args.runs} runs each, from the spawn of the process:")
        print(f"  bare PySide6 + sqlite3, rows painted : {bare * 1000:6.0f} ms")
        print(f"  iptwork, window on screen            : {shown * 1000:6.0f} ms")
        print(f"  iptwork, rows painted                : {listed * 1000:6.0f} ms")
        print(f"ratio, window on screen / bare : {shown / bare:.2f}  (target <= 1.5)")
        print(f"ratio, rows painted / bare     : {listed / bare:.2f}")
        settings_file.unlink(missing_ok=True)
        output = subprocess.run(
            [sys.executable, "-m", CHILDREN, "respond", str(path), str(settings_file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            check=True,
        ).stdout
        print("longest GUI-thread stall (target <= 100 ms):")
        for line in output.strip().splitlines():
            name, value = line.split("\t")
            print(f"  {name:18s} {float(value):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
