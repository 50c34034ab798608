"""Opening an encrypted 10,000-interaction workbook vs the same workbook unencrypted.

Two store-level measures, each the median of several runs in this one process:
- "open + first page": open the file and read what the window shows first (the count and
  the newest 200 interactions);
- "open + everything": open the file and read every record (what stats and export do).
The key derivation (PBKDF2-SHA512, 256,000 iterations in SQLCipher 4) is paid once per
connection, so it weighs most on the first measure.

And one in the app, as a person sees it: from the spawn of a fresh process to the
interaction list painting its rows (`iptwork.ui.bench_children`: `child_app` for the
plain workbook, `child_app_encrypted` with the password given where the app would ask, so
no dialog is timed). Plain and encrypted runs alternate; medians and the ratio are printed.

    .venv/bin/python benchmarks/open_encrypted.py [--runs 7] [--interactions 10000]

Uses the display in $DISPLAY if there is one, else Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from iptwork.demo import create_demo
from iptwork.store import services
from iptwork.store.password import change_password
from iptwork.store.workbook import open_workbook

PASSWORD = "a long enough passphrase"
RUNS = 7


def _first_page(path: Path, password: str | None) -> None:
    with open_workbook(path, password=password) as wb:
        services.count_interactions(wb)
        services.list_interactions(wb, newest_first=True, limit=200)


def _everything(path: Path, password: str | None) -> None:
    with open_workbook(path, password=password) as wb:
        services.read_contents(wb)


def _median(action: Callable[[], None]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


#: The children print this once the list has painted rows (see bench_children).
READY = "READY"
CHILD = (
    "import sys; from pathlib import Path; from iptwork.ui import bench_children as b; "
    "getattr(b, sys.argv[1])(Path(sys.argv[2]), Path(sys.argv[3]))"
)


def time_app(child: str, path: Path, settings_file: Path, env: dict[str, str]) -> float:
    """Seconds from the spawn of the app to its interaction list painting rows."""
    settings_file.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, child, str(path), str(settings_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the offscreen plugin's chatter
        text=True,
        env=env,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == READY:
            listed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{child} ended without listing the rows")
    process.wait(timeout=30)
    return listed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--interactions", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain.iptw"
        create_demo(plain, interactions=args.interactions, seed=1)
        encrypted = Path(folder) / "encrypted.iptw"
        shutil.copyfile(plain, encrypted)
        with open_workbook(encrypted) as wb:
            change_password(wb, PASSWORD)
        print(f"workbook: {args.interactions:,} interactions; store level, {RUNS} runs each")
        for name, measure in (
            ("open + first page", _first_page),
            ("open + everything", _everything),
        ):
            base = _median(lambda m=measure: m(plain, None))
            enc = _median(lambda m=measure: m(encrypted, PASSWORD))
            print(
                f"{name:18} plain {base * 1000:7.1f} ms  "
                f"encrypted {enc * 1000:7.1f} ms  ratio {enc / base:.2f}"
            )

        env = dict(os.environ, IPTWORK_PASSWORD=PASSWORD)
        env["XDG_DATA_HOME"] = str(Path(folder) / "data")  # the app's backups stay in here
        if not env.get("DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        settings_file = Path(folder) / "settings.ini"
        children = (("child_app", plain), ("child_app_encrypted", encrypted))
        for child, path in children:  # warm the file cache, the imports, the first backup
            time_app(child, path, settings_file, env)
        times: dict[str, list[float]] = {child: [] for child, _path in children}
        for _ in range(args.runs):
            for child, path in children:
                times[child].append(time_app(child, path, settings_file, env))
        base = statistics.median(times["child_app"])
        enc = statistics.median(times["child_app_encrypted"])
        platform = env.get("QT_QPA_PLATFORM") or "display " + env.get("DISPLAY", "")
        print(
            f"in the app, spawn to rows painted ({args.runs} runs each, alternating, {platform}):"
        )
        print(
            f"{'app, rows painted':18} plain {base * 1000:7.1f} ms  "
            f"encrypted {enc * 1000:7.1f} ms  ratio {enc / base:.2f}  (target <= 1.5)"
        )


if __name__ == "__main__":
    main()
