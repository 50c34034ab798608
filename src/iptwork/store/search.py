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
import unicodedata
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
# beyond this many matches, the most recently written come first instead.
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
    """The best matches (bm25; for very common words the most recently written), each with
    a snippet of the field where the words matched most."""
    match = match_expression(query)
    if match is None:
        return []
    private = "" if include_private else "AND i.private = 0"
    # Counting stops once the ranked set is too large: that is all the choice needs.
    many = connection.execute(
        text(
            f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
            "LIMIT :cap)"
        ),
        {"match": match, "cap": RANKED_AT_MOST + 1},
    ).scalar_one()
    # FTS5 reads rowids in descending order natively; ranking ~50,000 rows would not pay.
    order = "f.rank" if many <= RANKED_AT_MOST else "f.rowid DESC"
    columns = ", ".join(f"i.{name}" for name in INTERACTION_TEXTS)
    rows = connection.execute(
        text(
            f"SELECT i.id, {columns} FROM {FTS_TABLE} f JOIN interaction i ON i.rowid = f.rowid "
            f"WHERE {FTS_TABLE} MATCH :match {private} ORDER BY {order} LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    ).all()
    terms = _terms(query)
    return [_hit(row[0], row[1:], terms) for row in rows]


def _fold(word: str) -> str:
    """A word as the index compares it: case folded, diacritics removed (unicode61 with
    remove_diacritics 2)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _terms(query: str) -> list[tuple[str, bool]]:
    """The query's words, folded, each with whether it matches as a prefix."""
    words = _WORD.findall(query)
    prefix_last = query[-1:].isalnum() or query[-1:] == "_"
    return [(_fold(w), prefix_last and n == len(words) - 1) for n, w in enumerate(words)]


def mark_matches(value: str, terms: Sequence[tuple[str, bool]]) -> tuple[str, int]:
    """`value` with MARK_START/MARK_END around each word the terms match; and how many."""
    found = 0
    parts: list[str] = []
    last = 0
    for word in _WORD.finditer(value):
        folded = _fold(word.group())
        if any(folded.startswith(t) if prefix else folded == t for t, prefix in terms):
            parts += [value[last : word.start()], MARK_START, word.group(), MARK_END]
            last = word.end()
            found += 1
    parts.append(value[last:])
    return "".join(parts), found


def _hit(
    interaction_id: str, values: Sequence[str], terms: Sequence[tuple[str, bool]]
) -> SearchHit:
    """The field with the most matched words, and a snippet of it."""
    best_field, best_text, best_count = INTERACTION_TEXTS[0], values[0] or "", -1
    for name, value in zip(INTERACTION_TEXTS, values, strict=True):
        if not value:
            continue
        marked, count = mark_matches(value, terms)
        if count > best_count:
            best_field, best_text, best_count = name, marked, count
    return SearchHit(interaction_id, best_field, _excerpt(best_text))


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
