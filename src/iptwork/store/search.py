"""Full-text search over the interactions' own words (SQLite FTS5).

The index is an external-content FTS5 table over the interaction table, kept in step by
triggers on every insert, update and delete (so the app, imports and cascades all keep it
current), with FTS5's `secure-delete` on so deleted words leave the index too (PITFALLS).

A person's search text is never passed to FTS5 as syntax: every word is quoted, so `AND`,
`"`, `*`, `NEAR(` and the like are searched for as words. The last word matches as a prefix
(results while typing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from iptwork.store.models import INTERACTION_TEXTS

FTS_TABLE = "interaction_fts"
# Private-use characters mark a match in snippets: they cannot clash with what people write
# in practice, and the app turns them into highlighting.
MARK_START, MARK_END = "\ue000", "\ue001"
ELLIPSIS = "…"
# Ranking every match of a very common word by bm25 costs ~0.1 s per 100,000 matches;
# beyond this many matches, the newest come first instead.
RANKED_AT_MOST = 5_000

_columns = ", ".join(INTERACTION_TEXTS)
_new = ", ".join(f"new.{c}" for c in INTERACTION_TEXTS)
_old = ", ".join(f"old.{c}" for c in INTERACTION_TEXTS)

DDL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_columns}, content='interaction', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('secure-delete', 1)",
    f"CREATE TRIGGER interaction_fts_insert AFTER INSERT ON interaction BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_columns}) VALUES (new.rowid, {_new}); END",
    f"CREATE TRIGGER interaction_fts_delete AFTER DELETE ON interaction BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_columns}) "
    f"VALUES ('delete', old.rowid, {_old}); END",
    f"CREATE TRIGGER interaction_fts_update AFTER UPDATE OF {_columns} ON interaction BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_columns}) "
    f"VALUES ('delete', old.rowid, {_old}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_columns}) VALUES (new.rowid, {_new}); END",
)

_WORD = re.compile(r"\w+", re.UNICODE)


def create_index(connection: Connection) -> None:
    for statement in DDL:
        connection.exec_driver_sql(statement)


def match_expression(query: str) -> str | None:
    """The FTS5 query for what a person typed: all words, the last one as a prefix; None
    when there is nothing to search for."""
    words = _WORD.findall(query)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if query[-1:].isalnum() or query[-1:] == "_":
        quoted[-1] += "*"
    return " AND ".join(quoted)


def matching_rowids_sql() -> str:
    """SQL for the rowids of interactions matching :match (for use in a filter)."""
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"


@dataclass(frozen=True)
class SearchHit:
    id: str
    field: str  # the text field the snippet comes from
    snippet: str  # with MARK_START/MARK_END around each match


def search(
    connection: Connection, query: str, *, limit: int = 200, include_private: bool = True
) -> list[SearchHit]:
    """The best matches (bm25, or newest first for very common words), with a snippet of
    the field where the words matched best."""
    match = match_expression(query)
    if match is None:
        return []
    private = "" if include_private else "AND i.private = 0"
    total = connection.execute(
        text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"), {"match": match}
    ).scalar_one()
    order = "f.rank" if total <= RANKED_AT_MOST else "i.occurred_at DESC"
    rows = connection.execute(
        text(
            f"SELECT i.id, f.rowid FROM {FTS_TABLE} f JOIN interaction i ON i.rowid = f.rowid "
            f"WHERE {FTS_TABLE} MATCH :match {private} ORDER BY {order} LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    ).all()
    return [_hit(connection, match, interaction_id, rowid) for interaction_id, rowid in rows]


def _hit(connection: Connection, match: str, interaction_id: str, rowid: int) -> SearchHit:
    """The field with the most matched words, and a snippet of it."""
    highlights = connection.execute(
        text(
            "SELECT "
            + ", ".join(
                f"highlight({FTS_TABLE}, {n}, :start, :end)" for n in range(len(INTERACTION_TEXTS))
            )
            + f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match AND rowid = :rowid"
        ),
        {"match": match, "rowid": rowid, "start": MARK_START, "end": MARK_END},
    ).one()
    counts = [(value or "").count(MARK_START) for value in highlights]
    best = max(range(len(counts)), key=lambda n: counts[n])
    return SearchHit(interaction_id, INTERACTION_TEXTS[best], _excerpt(highlights[best] or ""))


def _excerpt(marked: str, around: int = 80) -> str:
    """A window of the marked text around its first match, on one line."""
    flat = " ".join(marked.split())
    first = flat.find(MARK_START)
    if first < 0:
        return flat[: 2 * around] + (ELLIPSIS if len(flat) > 2 * around else "")
    start = max(0, first - around)
    end = min(len(flat), first + 2 * around)
    # Never cut inside a marked word.
    if flat.rfind(MARK_START, start, end) > flat.rfind(MARK_END, start, end):
        end = flat.find(MARK_END, end) + 1 or len(flat)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(flat) else ""
    return prefix + flat[start:end] + suffix


def rebuild(connection: Connection) -> None:
    """Rebuild the index from the interactions (e.g. after a repair)."""
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def integrity_check(connection: Connection) -> Sequence[str]:
    """Problems with the index ([] when it matches the interactions)."""
    try:
        connection.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
        )
    except Exception as error:  # the driver reports a mismatch as a "corrupt" error
        return [f"the search index does not match the interactions ({error})"]
    return []
