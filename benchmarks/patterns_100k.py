"""The patterns view on 100,000 interactions: reading, summary, charts and their tables.

Times (median of RUNS) what the Patterns tab runs on its worker thread:
- `analysis.charts.all_charts(contents)` alone (the target: under 2 s);
- the whole computation (`ui.patterns_view.compute_patterns`): summary sentences, every
  chart and its table, with the workbook already read (a filter change);
- reading the workbook (`services.read_contents`), paid once until it changes.
Set IPTWORK_BENCH_WORKBOOK to reuse a 100,000-interaction workbook built before.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from iptwork.analysis.filters import PatternFilter, select
from iptwork.demo import create_demo
from iptwork.store import services
from iptwork.store.workbook import open_workbook

RUNS = 5
INTERACTIONS = 100_000


def median_s(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
        _close(result)
    return statistics.median(times)


def _close(result: object) -> None:
    """Free the figures (each chart holds a Figure)."""
    charts = getattr(result, "charts", result)
    if isinstance(charts, dict):
        for chart in charts.values():
            chart.figure.clear()


def run(path: Path) -> None:
    from iptwork.analysis import charts
    from iptwork.ui.patterns_view import compute_patterns

    with open_workbook(path) as wb:
        read = median_s(lambda: services.read_contents(wb))
        contents = services.read_contents(wb)
        flt = PatternFilter()
        # A fresh selection each run: nothing memoised from the run before.
        alone = median_s(lambda: charts.all_charts(select(_fresh(contents), flt), flt))
        whole = median_s(lambda: compute_patterns(wb, flt, _fresh(contents)))
    print(f"interactions: {len(contents.interactions):,}")
    print(f"all_charts:                         {alone:6.2f} s (target < 2 s)")
    print(f"summary + charts + tables (filter): {whole:6.2f} s")
    print(f"reading the workbook (once):        {read:6.2f} s")


def _fresh(contents: object) -> object:
    from dataclasses import replace

    return replace(contents)  # type: ignore[type-var]


def main() -> None:
    given = os.environ.get("IPTWORK_BENCH_WORKBOOK")
    if given:
        run(Path(given))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "100k.iptw"
        create_demo(path, INTERACTIONS, 1)
        run(path)


if __name__ == "__main__":
    main()
