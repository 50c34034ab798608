"""Search on 100,000 interactions: `store.search.search` vs the bare FTS5 query.

Builds the 100,000-interaction demo workbook (about 15 s), then, for a rare word, a common
word, a prefix, two words and a phrase typed with quotes, times (median of RUNS):
- "search()": what the app asks for, through a Workbook (SQLAlchemy, a read transaction):
  count the matches, rank the best 200 (bm25, or newest first past RANKED_AT_MOST
  matches) and make a snippet for each;
- "list": what the interaction list runs while searching (`ui.search_results.list_ranked`:
  the list's filtered id query plus search());
- "bare FTS5": the same MATCH expression run directly, `SELECT rowid … ORDER BY rank LIMIT
  200`, on one raw connection (stdlib sqlite3 if it can read the index, else sqlcipher3).
The target is a median under 50 ms for search(). Set IPTWORK_BENCH_WORKBOOK to reuse a
workbook built before (it is not changed).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from iptwork.demo import create_demo
from iptwork.store import records as r
from iptwork.store.search import FTS_TABLE, match_expression, search
from iptwork.store.workbook import open_workbook

RUNS = 21
INTERACTIONS = 100_000
QUERIES = (
    ("rare word", "swimming"),
    ("common word", "Alex"),
    ("prefix", "disappoi"),
    ("two words", "weekend plans"),
    ("phrase", '"the weekend"'),
)
BARE = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rank LIMIT 200"


def median_ms(action: Callable[[], object]) -> float:
    action()  # warm the page cache and the statement cache
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def bare_connection(path: Path) -> tuple[object, str]:
    try:
        connection = sqlite3.connect(path)
        connection.execute(BARE, ('"x"',)).fetchall()
        return connection, f"stdlib sqlite3 (SQLite {sqlite3.sqlite_version})"
    except sqlite3.Error as error:
        import sqlcipher3  # type: ignore[import-untyped]

        connection = sqlcipher3.connect(str(path))
        why = f"stdlib sqlite3 cannot read the index: {error}"
        return connection, f"raw sqlcipher3 connection ({why})"


def run(path: Path) -> None:
    from iptwork.ui.search_results import list_ranked

    connection, baseline = bare_connection(path)
    print(f"baseline: {baseline}")
    print(f"{'query':<28}{'matches':>9}{'search()':>11}{'list':>10}{'bare FTS5':>11}{'ratio':>8}")
    worst = 0.0
    with open_workbook(path) as wb:
        for name, query in QUERIES:
            match = match_expression(query)
            assert match is not None
            total = connection.execute(  # type: ignore[attr-defined]
                f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (match,)
            ).fetchone()[0]

            def ours(query: str = query) -> object:
                with wb.read() as db:
                    return search(db, query)

            def listed(query: str = query) -> object:
                return list_ranked(wb, r.InteractionFilter(text=query), "date", True)

            def bare(match: str = match) -> object:
                return connection.execute(BARE, (match,)).fetchall()  # type: ignore[attr-defined]

            mine, lists, theirs = median_ms(ours), median_ms(listed), median_ms(bare)
            worst = max(worst, mine)
            label = f"{name} ({query})"
            print(
                f"{label:<28}{total:>9,}{mine:>9.1f}ms{lists:>8.1f}ms{theirs:>9.2f}ms"
                f"{mine / theirs:>7.1f}x"
            )
    print(f"slowest search() median: {worst:.1f} ms (target < 50 ms)")


def main() -> None:
    given = os.environ.get("IPTWORK_BENCH_WORKBOOK")
    if given:
        run(Path(given))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "100k.iptw"
        start = time.perf_counter()
        create_demo(path, INTERACTIONS, 1)
        print(f"built {INTERACTIONS:,} interactions in {time.perf_counter() - start:.1f} s")
        run(path)


if __name__ == "__main__":
    main()
