"""Each pattern chart as a plain table: the alternative to the picture (STYLE.md, habit 13).

A screen reader cannot read a heat map, and some people simply prefer numbers. Every table
here holds the same numbers as its chart, computed by the same `analysis.patterns`
functions, and keeps the interaction ids behind each cell so a table cell can be opened
just like a bar. Pure Python (no Qt, no matplotlib): it runs on the worker thread with the
charts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from iptwork.analysis import labels as lb
from iptwork.analysis import patterns as pt
from iptwork.analysis.filters import PatternFilter, select
from iptwork.store.records import Contents

Ids = tuple[str, ...]


@dataclass(frozen=True)
class ChartTable:
    """Rows of text under `headers`; `ids[row][column]` are the interactions behind a cell
    (empty for a label or a cell with nothing behind it)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    ids: tuple[tuple[Ids, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.rows


def _table(
    headers: list[str], rows: list[list[tuple[str, Ids]]]
) -> ChartTable:  # cells as (text, ids)
    return ChartTable(
        tuple(headers),
        tuple(tuple(text for text, _ in row) for row in rows),
        tuple(tuple(ids for _, ids in row) for row in rows),
    )


def _label(text: str) -> tuple[str, Ids]:
    return (text, ())


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else ""


UNDERSTOOD_COLUMNS = (
    ("yes", "Understood"),
    ("partly", "Partly"),
    ("no", "Not understood"),
    ("unsure", "Not sure"),
)


def understood_by_person(contents: Contents, flt: PatternFilter) -> ChartTable:
    rows = []
    for row in pt.understood_by_person(contents, flt):
        if not row.recorded:
            continue
        cells = [_label(row.label), (str(row.recorded), ())]
        for value, _ in UNDERSTOOD_COLUMNS:
            count = row.count(value)
            cells.append(
                (f"{count} ({_share(count, row.recorded)})" if count else "0", row.ids[value])
            )
        rows.append(cells)
    headers = ["Person", "Interactions noted", *(title for _, title in UNDERSTOOD_COLUMNS)]
    return _table(headers, rows)


def understood_over_time(contents: Contents, flt: PatternFilter) -> ChartTable:
    rows = []
    for row in pt.understood_by_week(contents, flt):
        if not row.total:
            continue
        cells = [_label(row.label if row.start is None else row.start.isoformat())]
        cells += [(str(row.count(value)), row.ids[value]) for value, _ in UNDERSTOOD_COLUMNS]
        rows.append(cells)
    return _table(["Week starting", *(title for _, title in UNDERSTOOD_COLUMNS)], rows)


def problems_by_person(contents: Contents, flt: PatternFilter) -> ChartTable:
    table = pt.problems_by_person(contents, flt)
    rows = [
        [
            _label(problem.label),
            *(
                (str(table.count(p.id, problem.key)), table.ids(p.id, problem.key))
                for p in table.people
            ),
        ]
        for problem in table.problems
    ]
    headers = ["Communication problem", *(f"{p.name} ({p.count})" for p in table.people)]
    return _table(headers, rows)


def problem_trend(contents: Contents, flt: PatternFilter) -> ChartTable:
    trend = pt.problem_trend(contents, flt, by="halves")
    if len(trend.periods) < 2:
        return _table([], [])
    rows = []
    for row in trend.rows:
        cells = [_label(row.label)]
        for n, period in enumerate(trend.periods):
            cells.append(
                (
                    f"{row.count(n)} of {period.count} ({_share(row.count(n), period.count)})",
                    row.ids[n],
                )
            )
        cells.append(_label(row.direction))
        rows.append(cells)
    headers = ["Communication problem", *(p.label for p in trend.periods), "Change"]
    return _table(headers, rows)


def emotions_by_person(contents: Contents, flt: PatternFilter) -> ChartTable:
    table = pt.emotions_by_person(contents, flt)
    rows = []
    for person in table.people:
        cells = [_label(f"{person.name} ({person.count})")]
        for emotion in table.emotions:
            cell = table.cell(person.id, emotion.name)
            text = f"{cell.count} (avg {cell.mean:.0f})" if cell.mean is not None else "0"
            cells.append((text, cell.ids))
        rows.append(cells)
    # Cells: times felt, and the average intensity (0–100) in brackets.
    return _table(["Person (interactions)", *(e.name for e in table.emotions)], rows)


def satisfaction_symptoms(contents: Contents, flt: PatternFilter) -> ChartTable:
    rows: list[list[tuple[str, Ids]]] = []
    for week in pt.satisfaction_by_week(contents, flt):
        if week.mean is None:
            continue
        rows.append(
            [
                _label(week.start.isoformat()),
                (f"{week.mean:.1f} ({lb.plural(len(week.ratings), 'rating')})", week.ids),
                _label(""),
            ]
        )
    for point in pt.phq9_series(contents, flt):
        score = f"{point.total} ({point.severity})"
        if point.item9_positive:
            score += ", item 9 above 0"
        rows.append([_label(point.taken_on.isoformat()), _label(""), _label(score)])
    rows.sort(key=lambda row: row[0][0])
    return _table(["Week or day", "Average satisfaction (0–10)", "PHQ-9 total"], rows)


def activity(contents: Contents, flt: PatternFilter) -> ChartTable:
    found = pt.activity(contents, flt)
    rows = []
    for week in found.weeks:
        if not week.count:
            continue
        cells = [
            _label(week.start.isoformat() if week.start else week.label),
            (str(week.count), week.ids),
        ]
        for area in found.areas:
            ids = found.ids(week.key, area.key)
            cells.append((str(len(ids)), ids))
        rows.append(cells)
    if found.areas:
        total = [_label("All weeks"), (str(sum(a.count for a in found.areas)), ())]
        total += [(str(area.count), area.ids) for area in found.areas]
        rows.append(total)
    return _table(["Week starting", "Interactions", *(a.label for a in found.areas)], rows)


RINGS = {1: "Inner circle", 2: "Middle circle", 3: "Outer circle"}
TONES = {pt.SUPPORTIVE: "Mostly supportive", pt.MIXED: "Mixed", pt.CONFLICTED: "Mostly conflict"}


def closeness_circle(contents: Contents, flt: PatternFilter) -> ChartTable:
    rows = [
        [
            _label(person.name),
            _label(RINGS.get(person.ring, "")),
            _label(TONES.get(person.tone, person.tone)),
            _label(f"{person.support} / {person.conflict}"),
            (str(len(person.ids)), person.ids),
        ]
        for person in pt.closeness_circle(contents, flt)
    ]
    headers = ["Person", "Circle", "Relationship", "Support / conflict (0–10)", "Interactions"]
    return _table(headers, rows)


#: Chart key (as in `analysis.charts.CHARTS`) → its table.
TABLES: dict[str, Callable[[Contents, PatternFilter], ChartTable]] = {
    "understood_by_person": understood_by_person,
    "understood_over_time": understood_over_time,
    "problems_by_person": problems_by_person,
    "problem_trend": problem_trend,
    "emotions_by_person": emotions_by_person,
    "satisfaction_symptoms": satisfaction_symptoms,
    "activity": activity,
    "closeness_circle": closeness_circle,
}


def all_tables(contents: Contents, flt: PatternFilter | None = None) -> dict[str, ChartTable]:
    flt = flt or PatternFilter()
    chosen = select(contents, flt)
    return {key: build(chosen, flt) for key, build in TABLES.items()}
