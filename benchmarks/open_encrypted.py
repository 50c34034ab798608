"""Opening an encrypted 10,000-interaction workbook vs the same workbook unencrypted.

Two measures, each the median of several runs in this one process:
- "open + first page": open the file and read what the window shows first (the count and
  the newest 200 interactions);
- "open + everything": open the file and read every record (what stats and export do).
The key derivation (PBKDF2-SHA512, 256,000 iterations in SQLCipher 4) is paid once per
connection, so it weighs most on the first measure.
"""

from __future__ import annotations

import shutil
import statistics
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


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain.iptw"
        create_demo(plain, interactions=10_000, seed=1)
        encrypted = Path(folder) / "encrypted.iptw"
        shutil.copyfile(plain, encrypted)
        with open_workbook(encrypted) as wb:
            change_password(wb, PASSWORD)
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


if __name__ == "__main__":
    main()
