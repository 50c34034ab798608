"""The patterns SPEC.md asks the analysis to show, computed over plain records.

Every function takes a whole workbook (`Contents`) and an optional `PatternFilter`, and
returns frozen results that carry the ids of the interactions behind each number, so a
chart's bar or cell can lead back to them. An interaction with several people counts once
for each person in per-person results, and once in overall results.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType
from typing import Literal, TypeVar

from iptwork import domain
from iptwork.analysis import labels as lb
from iptwork.analysis.filters import (
    NO_FOCUS,
    PatternFilter,
    area_of,
    focus_areas,
    memo,
    select,
)
from iptwork.store.records import Contents, Interaction

Ids = tuple[str, ...]

UNDERSTOOD_KEYS: tuple[str, ...] = tuple(u.value for u in domain.Understood)

# Trends: a problem "becomes rarer" when the share of interactions showing it drops by at
# least CHANGE_THRESHOLD between the first and the last period, each holding at least
# MIN_PERIOD_INTERACTIONS interactions. Below that, a change is more likely chance.
MIN_PERIOD_INTERACTIONS = 3
CHANGE_THRESHOLD = 0.10
RARER = "rarer"
MORE_OFTEN = "more often"
STEADY = "about the same"
TOO_LITTLE = "too little data"

# Satisfaction (0–10) "rose" or "fell" when the mean moves by at least this much, with at
# least MIN_TREND_RATINGS ratings on each side.
SATISFACTION_STEP = 0.5
MIN_TREND_RATINGS = 2

SUPPORTIVE = "supportive"
CONFLICTED = "conflicted"
MIXED = "mixed"
#: A relationship leans one way when support and conflict (0–10 each) differ by this much.
TONE_MARGIN = 2

PHQ9_MAX = 27
GAD7_MAX = 21

Measure = Literal["phq9", "gad7"]
PeriodKind = Literal["halves", "blocks"]


K = TypeVar("K")
V = TypeVar("V")


def _frozen_map(mapping: Mapping[K, V]) -> Mapping[K, V]:
    return MappingProxyType(dict(mapping))


def week_of(day: date) -> date:
    """The Monday of the ISO week a date falls in."""
    return day - timedelta(days=day.weekday())


def weeks_between(first: date, last: date) -> list[date]:
    """Every ISO week's Monday from the week of `first` to the week of `last`, no gaps."""
    start, end = week_of(first), week_of(last)
    return [start + timedelta(weeks=n) for n in range((end - start).days // 7 + 1)]


def _day(interaction: Interaction) -> date:
    return interaction.occurred_at.date()


def _ids(interactions: Iterable[Interaction]) -> Ids:
    return tuple(i.id for i in interactions)


# --- shared shapes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bucket:
    """A labelled group of interactions: one bar of a chart."""

    key: str
    label: str
    ids: Ids = ()
    start: date | None = None  # for a week: its Monday

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class PersonRef:
    """A person as a row of a per-person result, with their interactions in range."""

    id: str
    name: str
    ids: Ids = ()

    @property
    def count(self) -> int:
        return len(self.ids)


def _by_person(contents: Contents) -> dict[str, tuple[Interaction, ...]]:
    def build() -> dict[str, tuple[Interaction, ...]]:
        found: dict[str, list[Interaction]] = defaultdict(list)
        for interaction in contents.interactions:
            for person_id in dict.fromkeys(interaction.people):
                found[person_id].append(interaction)
        return {person_id: tuple(found[person_id]) for person_id in found}

    return memo(contents, "by_person", build)


def _days(contents: Contents) -> tuple[date, ...]:
    """The date of each interaction, in the order of `contents.interactions`."""
    return memo(contents, "days", lambda: tuple(_day(i) for i in contents.interactions))


def _people(
    contents: Contents, flt: PatternFilter
) -> list[tuple[PersonRef, tuple[Interaction, ...]]]:
    """People with interactions in range (only the filter's people, if it names any), most
    interactions first, ties by name."""
    names = lb.person_names(contents)
    wanted = set(flt.people)
    rows = [
        (PersonRef(person_id, names.get(person_id, person_id), _ids(found)), found)
        for person_id, found in _by_person(contents).items()
        if not wanted or person_id in wanted
    ]
    rows.sort(key=lambda row: (-row[0].count, row[0].name.casefold(), row[0].id))
    return rows


def people_in_range(contents: Contents, flt: PatternFilter | None = None) -> tuple[PersonRef, ...]:
    """The people of the per-person results, in their order."""
    flt = flt or PatternFilter()
    return tuple(ref for ref, _ in _people(select(contents, flt), flt))


def problem_order(contents: Contents) -> dict[str, int]:
    keys = [p.key for p in domain.COMMUNICATION_PROBLEMS]
    keys += [kind.key for kind in contents.vocabulary.problems]
    return {key: n for n, key in enumerate(dict.fromkeys(keys))}


def emotion_order(contents: Contents) -> dict[str, int]:
    words = list(domain.EMOTIONS) + list(contents.vocabulary.emotions)
    return {word: n for n, word in enumerate(dict.fromkeys(words))}


# --- understood -------------------------------------------------------------------------


@dataclass(frozen=True)
class UnderstoodRow:
    """How often the other person understood what was meant, for one person or one week.

    `ids` holds all four answers (`yes`, `partly`, `no`, `unsure`), empty ones included;
    interactions where the question was left unanswered are in `unrecorded`.
    """

    key: str
    label: str
    ids: Mapping[str, Ids]
    unrecorded: Ids = ()
    start: date | None = None

    def count(self, value: str) -> int:
        return len(self.ids.get(value, ()))

    @property
    def recorded(self) -> int:
        return sum(len(found) for found in self.ids.values())

    @property
    def total(self) -> int:
        return self.recorded + len(self.unrecorded)

    @property
    def understood(self) -> int:
        """Fully or partly understood."""
        return self.count("yes") + self.count("partly")


def _understood_row(
    key: str, label: str, interactions: Sequence[Interaction], start: date | None = None
) -> UnderstoodRow:
    found: dict[str, list[str]] = {value: [] for value in UNDERSTOOD_KEYS}
    unrecorded: list[str] = []
    for interaction in interactions:
        value = interaction.understood
        if value in found:
            found[value].append(interaction.id)
        else:
            unrecorded.append(interaction.id)
    return UnderstoodRow(
        key,
        label,
        _frozen_map({value: tuple(ids) for value, ids in found.items()}),
        tuple(unrecorded),
        start,
    )


def understood_overall(contents: Contents, flt: PatternFilter | None = None) -> UnderstoodRow:
    chosen = select(contents, flt)
    return _understood_row("all", "All interactions", chosen.interactions)


def understood_by_person(
    contents: Contents, flt: PatternFilter | None = None
) -> tuple[UnderstoodRow, ...]:
    flt = flt or PatternFilter()
    return tuple(
        _understood_row(ref.id, ref.name, found)
        for ref, found in _people(select(contents, flt), flt)
    )


def _by_week(
    interactions: Sequence[Interaction], days: Sequence[date] | None = None
) -> list[tuple[date, list[Interaction]]]:
    """Interactions grouped by ISO week, every week from the first to the last."""
    if not interactions:
        return []
    if days is None:
        days = [_day(i) for i in interactions]
    grouped: dict[date, list[Interaction]] = defaultdict(list)
    monday: dict[date, date] = {}
    for interaction, day in zip(interactions, days, strict=True):
        week = monday.get(day)
        if week is None:
            week = monday[day] = week_of(day)
        grouped[week].append(interaction)
    return [(week, grouped.get(week, [])) for week in weeks_between(min(days), max(days))]


def _all_by_week(contents: Contents) -> list[tuple[date, list[Interaction]]]:
    return memo(contents, "by_week", lambda: _by_week(contents.interactions, _days(contents)))


def understood_by_week(
    contents: Contents, flt: PatternFilter | None = None
) -> tuple[UnderstoodRow, ...]:
    """One row per ISO week from the first to the last interaction (empty weeks included)."""
    chosen = select(contents, flt)
    return tuple(
        _understood_row(week.isoformat(), lb.short_date(week), found, week)
        for week, found in _all_by_week(chosen)
    )


# --- communication problems -------------------------------------------------------------


def _problem_buckets(contents: Contents, interactions: Sequence[Interaction]) -> list[Bucket]:
    found: dict[str, list[str]] = defaultdict(list)
    for interaction in interactions:
        for key in dict.fromkeys(interaction.problems):
            found[key].append(interaction.id)
    order = problem_order(contents)
    labels = lb.problem_labels(contents)
    keys = sorted(found, key=lambda k: (-len(found[k]), order.get(k, len(order)), k))
    return [Bucket(key, lb.problem_label(labels, key), tuple(found[key])) for key in keys]


def _person_interactions(contents: Contents, person: str | None) -> tuple[Interaction, ...]:
    if person is None:
        return contents.interactions
    return _by_person(contents).get(person, ())


def problem_counts(
    contents: Contents, flt: PatternFilter | None = None, *, person: str | None = None
) -> tuple[Bucket, ...]:
    """How many interactions show each problem (only those that occur), most frequent
    first; ties in the vocabulary's order. `person` narrows to one person's interactions."""
    chosen = select(contents, flt)
    return tuple(_problem_buckets(chosen, _person_interactions(chosen, person)))


@dataclass(frozen=True)
class ProblemsByPerson:
    """A person × problem table: `cells[(person id, problem key)]` are interaction ids."""

    people: tuple[PersonRef, ...]
    problems: tuple[Bucket, ...]
    cells: Mapping[tuple[str, str], Ids]

    def ids(self, person_id: str, key: str) -> Ids:
        return self.cells.get((person_id, key), ())

    def count(self, person_id: str, key: str) -> int:
        return len(self.ids(person_id, key))


def problems_by_person(contents: Contents, flt: PatternFilter | None = None) -> ProblemsByPerson:
    flt = flt or PatternFilter()
    chosen = select(contents, flt)
    rows = _people(chosen, flt)
    cells: dict[tuple[str, str], Ids] = {}
    for ref, found in rows:
        for bucket in _problem_buckets(chosen, found):
            cells[(ref.id, bucket.key)] = bucket.ids
    shown = [i for i in chosen.interactions if not flt.people or set(flt.people) & set(i.people)]
    return ProblemsByPerson(
        tuple(ref for ref, _ in rows),
        tuple(_problem_buckets(chosen, shown)),
        _frozen_map(cells),
    )


@dataclass(frozen=True)
class Period:
    """A stretch of days (both ends inclusive) and the interactions in it."""

    start: date
    end: date
    ids: Ids = ()

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def label(self) -> str:
        if self.start == self.end:
            return lb.short_date(self.start)
        return f"{lb.short_date(self.start)} – {lb.short_date(self.end)}"


@dataclass(frozen=True)
class ProblemTrendRow:
    """One problem across the periods: `ids[n]` are its interactions in period n, `rates[n]`
    the share of that period's interactions showing it (None for an empty period)."""

    key: str
    label: str
    ids: tuple[Ids, ...]
    rates: tuple[float | None, ...]
    direction: str

    def count(self, period: int) -> int:
        return len(self.ids[period])


@dataclass(frozen=True)
class ProblemTrend:
    periods: tuple[Period, ...]
    rows: tuple[ProblemTrendRow, ...]

    def row(self, key: str) -> ProblemTrendRow | None:
        return next((row for row in self.rows if row.key == key), None)


def split_periods(first: date, last: date, by: PeriodKind = "halves") -> list[tuple[date, date]]:
    """Split the days first..last: into two halves (the first half gets the odd day), or into
    4-week blocks starting on the Monday of `first`'s week."""
    if last < first:
        return []
    if by == "halves":
        days = (last - first).days + 1
        middle = first + timedelta(days=math.ceil(days / 2) - 1)
        if middle == last:
            return [(first, last)]
        return [(first, middle), (middle + timedelta(days=1), last)]
    start = week_of(first)
    blocks = []
    while start <= last:
        end = start + timedelta(days=27)
        blocks.append((max(start, first), min(end, last)))
        start = end + timedelta(days=1)
    return blocks


def _range(chosen: Contents, flt: PatternFilter) -> tuple[date, date] | None:
    if not chosen.interactions:
        return None
    first = flt.date_from or _day(chosen.interactions[0])
    last = flt.date_to or _day(chosen.interactions[-1])
    return first, last


def _direction(rates: Sequence[float | None], periods: Sequence[Period]) -> str:
    usable = [
        rate
        for rate, period in zip(rates, periods, strict=True)
        if rate is not None and period.count >= MIN_PERIOD_INTERACTIONS
    ]
    if len(usable) < 2:
        return TOO_LITTLE
    change = usable[-1] - usable[0]
    if change <= -CHANGE_THRESHOLD:
        return RARER
    if change >= CHANGE_THRESHOLD:
        return MORE_OFTEN
    return STEADY


def problem_trend(
    contents: Contents,
    flt: PatternFilter | None = None,
    *,
    by: PeriodKind = "halves",
    person: str | None = None,
) -> ProblemTrend:
    """Whether each problem becomes rarer: its share of interactions per period.

    The periods split the filtered date range (or, without one, the days from the first to
    the last interaction) into halves or 4-week blocks. `direction` compares the first and
    the last period holding at least MIN_PERIOD_INTERACTIONS interactions.
    """
    flt = flt or PatternFilter()
    chosen = select(contents, flt)
    interactions = _person_interactions(chosen, person)
    bounds = _range(chosen, flt)
    if bounds is None or not interactions:
        return ProblemTrend((), ())
    spans = split_periods(*bounds, by=by)
    starts = [start for start, _ in spans]
    in_period: list[list[Interaction]] = [[] for _ in spans]
    with_problem: dict[str, list[list[str]]] = {}
    days = _days(chosen) if person is None else [_day(i) for i in interactions]
    for interaction, day in zip(interactions, days, strict=True):
        n = bisect_right(starts, day) - 1
        if n < 0 or day > spans[n][1]:
            continue
        in_period[n].append(interaction)
        for key in dict.fromkeys(interaction.problems):
            if key not in with_problem:
                with_problem[key] = [[] for _ in spans]
            with_problem[key][n].append(interaction.id)
    periods = tuple(
        Period(start, end, _ids(found))
        for (start, end), found in zip(spans, in_period, strict=True)
    )
    rows = []
    for bucket in _problem_buckets(chosen, interactions):
        per_period = tuple(tuple(ids) for ids in with_problem.get(bucket.key, [[] for _ in spans]))
        rates = tuple(
            len(ids) / period.count if period.count else None
            for ids, period in zip(per_period, periods, strict=True)
        )
        rows.append(
            ProblemTrendRow(bucket.key, bucket.label, per_period, rates, _direction(rates, periods))
        )
    return ProblemTrend(periods, tuple(rows))


# --- emotions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EmotionCell:
    """One emotion (for one person, or overall): how often it was felt and how strongly."""

    name: str
    ids: Ids = ()
    intensities: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        return len(self.intensities)

    @property
    def mean(self) -> float | None:
        return sum(self.intensities) / len(self.intensities) if self.intensities else None


def _emotion_cells(contents: Contents, interactions: Sequence[Interaction]) -> list[EmotionCell]:
    ids: dict[str, list[str]] = defaultdict(list)
    values: dict[str, list[int]] = defaultdict(list)
    for interaction in interactions:
        for rating in interaction.emotions:
            ids[rating.name].append(interaction.id)
            values[rating.name].append(rating.intensity)
    order = emotion_order(contents)
    names = sorted(ids, key=lambda n: (-len(values[n]), order.get(n, len(order)), n))
    return [EmotionCell(name, tuple(ids[name]), tuple(values[name])) for name in names]


def emotion_totals(
    contents: Contents, flt: PatternFilter | None = None, *, person: str | None = None
) -> tuple[EmotionCell, ...]:
    """Each emotion felt, most frequent first (ties in vocabulary order)."""
    chosen = select(contents, flt)
    return tuple(_emotion_cells(chosen, _person_interactions(chosen, person)))


@dataclass(frozen=True)
class EmotionsByPerson:
    """The person × emotion heat map: `cells[(person id, emotion)]`."""

    people: tuple[PersonRef, ...]
    emotions: tuple[EmotionCell, ...]
    cells: Mapping[tuple[str, str], EmotionCell]

    def cell(self, person_id: str, name: str) -> EmotionCell:
        return self.cells.get((person_id, name)) or EmotionCell(name)


def emotions_by_person(contents: Contents, flt: PatternFilter | None = None) -> EmotionsByPerson:
    flt = flt or PatternFilter()
    chosen = select(contents, flt)
    rows = _people(chosen, flt)
    cells: dict[tuple[str, str], EmotionCell] = {}
    for ref, found in rows:
        for cell in _emotion_cells(chosen, found):
            cells[(ref.id, cell.name)] = cell
    shown = [i for i in chosen.interactions if not flt.people or set(flt.people) & set(i.people)]
    return EmotionsByPerson(
        tuple(ref for ref, _ in rows), tuple(_emotion_cells(chosen, shown)), _frozen_map(cells)
    )


# --- satisfaction -----------------------------------------------------------------------


@dataclass(frozen=True)
class WeeklyMean:
    start: date
    ratings: tuple[int, ...] = ()
    ids: Ids = ()

    @property
    def mean(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


def _rated(contents: Contents, person: str | None) -> list[Interaction]:
    return [i for i in _person_interactions(contents, person) if i.satisfaction is not None]


def satisfaction_by_week(
    contents: Contents, flt: PatternFilter | None = None, *, person: str | None = None
) -> tuple[WeeklyMean, ...]:
    """Mean satisfaction (0–10) per ISO week, first to last rated week; a week without
    ratings has mean None."""
    rated = _rated(select(contents, flt), person)
    return tuple(
        WeeklyMean(week, tuple(i.satisfaction or 0 for i in found), _ids(found))
        for week, found in _by_week(rated)
    )


@dataclass(frozen=True)
class Trend:
    """Mean satisfaction in the first and the second half of a stretch of days."""

    first_mean: float
    last_mean: float
    first_ids: Ids
    last_ids: Ids
    start: date
    end: date
    whole: bool  # the stretch covers every rating in range (not only the last few weeks)

    @property
    def change(self) -> float:
        return self.last_mean - self.first_mean

    @property
    def direction(self) -> str:
        if self.change >= SATISFACTION_STEP:
            return "rose"
        if self.change <= -SATISFACTION_STEP:
            return "fell"
        return "steady"


def satisfaction_trend(
    contents: Contents,
    flt: PatternFilter | None = None,
    *,
    person: str | None = None,
    weeks: int | None = None,
) -> Trend | None:
    """How satisfaction moved: first half against second half of the days from the first to
    the last rating (or of the last `weeks` weeks up to the last rating). None when either
    half has fewer than MIN_TREND_RATINGS ratings."""
    rated = _rated(select(contents, flt), person)
    if not rated:
        return None
    first, end = _day(rated[0]), _day(rated[-1])
    start = first if weeks is None else max(first, end - timedelta(days=7 * weeks - 1))
    halves = split_periods(start, end, "halves")
    if len(halves) < 2:
        return None
    (_, middle), _ = halves
    early: list[Interaction] = []
    late: list[Interaction] = []
    for interaction in reversed(rated):  # newest first: stop at the start of the stretch
        day = _day(interaction)
        if day < start:
            break
        (late if day > middle else early).append(interaction)
    if len(early) < MIN_TREND_RATINGS or len(late) < MIN_TREND_RATINGS:
        return None
    early.reverse()
    late.reverse()

    def mean(found: list[Interaction]) -> float:
        return sum(i.satisfaction or 0 for i in found) / len(found)

    return Trend(mean(early), mean(late), _ids(early), _ids(late), start, end, start == first)


# --- questionnaires ---------------------------------------------------------------------


@dataclass(frozen=True)
class ScorePoint:
    id: str
    taken_on: date
    total: int
    severity: str
    item9_positive: bool = False


@dataclass(frozen=True)
class Band:
    """A severity band: totals low..high (inclusive) read as `word`."""

    low: int
    high: int
    word: str


def phq9_series(contents: Contents, flt: PatternFilter | None = None) -> tuple[ScorePoint, ...]:
    points = []
    for q in select(contents, flt).phq9:
        score = q.score
        points.append(ScorePoint(q.id, q.taken_on, score.total, score.severity, q.item9_positive))
    return tuple(points)


def gad7_series(contents: Contents, flt: PatternFilter | None = None) -> tuple[ScorePoint, ...]:
    points = []
    for q in select(contents, flt).gad7:
        score = q.score
        points.append(ScorePoint(q.id, q.taken_on, score.total, score.severity))
    return tuple(points)


def severity_bands(measure: Measure = "phq9") -> tuple[Band, ...]:
    bands, top = (
        (domain.PHQ9_BANDS, PHQ9_MAX) if measure == "phq9" else (domain.GAD7_BANDS, GAD7_MAX)
    )
    highs = [low - 1 for low, _ in bands[1:]] + [top]
    return tuple(Band(low, high, word) for (low, word), high in zip(bands, highs, strict=True))


# --- activity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    """Interactions per ISO week (no gaps) and per problem area (`NO_FOCUS` for none);
    `cells[(week key, area key)]` splits each week by area."""

    weeks: tuple[Bucket, ...]
    areas: tuple[Bucket, ...]
    cells: Mapping[tuple[str, str], Ids] = field(default_factory=dict)

    def ids(self, week_key: str, area_key: str) -> Ids:
        return self.cells.get((week_key, area_key), ())


def activity(contents: Contents, flt: PatternFilter | None = None) -> Activity:
    chosen = select(contents, flt)
    areas_of = focus_areas(chosen)
    by_area: dict[str, list[str]] = defaultdict(list)
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    weeks_found = _all_by_week(chosen)
    for week, found in weeks_found:
        week_key = week.isoformat()
        for interaction in found:
            area = area_of(interaction, areas_of)
            by_area[area].append(interaction.id)
            cells[(week_key, area)].append(interaction.id)
    order = [a.value for a in domain.ProblemArea] + [NO_FOCUS]
    area_keys = sorted(by_area, key=lambda k: (order.index(k) if k in order else len(order), k))
    weeks = tuple(
        Bucket(week.isoformat(), lb.short_date(week), _ids(found), week)
        for week, found in weeks_found
    )
    return Activity(
        weeks,
        tuple(Bucket(k, lb.area_label(k), tuple(by_area[k])) for k in area_keys),
        _frozen_map({key: tuple(ids) for key, ids in cells.items()}),
    )


def interactions_by_week(
    contents: Contents, flt: PatternFilter | None = None
) -> tuple[Bucket, ...]:
    return activity(contents, flt).weeks


def interactions_by_area(
    contents: Contents, flt: PatternFilter | None = None
) -> tuple[Bucket, ...]:
    return activity(contents, flt).areas


# --- closeness circle -------------------------------------------------------------------


@dataclass(frozen=True)
class CirclePerson:
    id: str
    name: str
    relationship: str
    ring: int  # 1 inner, 2 middle, 3 outer
    support: int
    conflict: int
    ids: Ids = ()  # interactions with them in range

    @property
    def tone(self) -> str:
        if self.support - self.conflict >= TONE_MARGIN:
            return SUPPORTIVE
        if self.conflict - self.support >= TONE_MARGIN:
            return CONFLICTED
        return MIXED


def closeness_circle(
    contents: Contents, flt: PatternFilter | None = None
) -> tuple[CirclePerson, ...]:
    """The inventory by ring (inner first, then by name); only the filter's people if it
    names any. Interactions in range are attached for click-through."""
    flt = flt or PatternFilter()
    found = _by_person(select(contents, flt))
    wanted = set(flt.people)
    people = [
        CirclePerson(
            p.id,
            p.name,
            p.relationship,
            min(max(p.closeness, 1), 3),
            p.support,
            p.conflict,
            _ids(found.get(p.id, ())),
        )
        for p in contents.people
        if not wanted or p.id in wanted
    ]
    people.sort(key=lambda c: (c.ring, c.name.casefold(), c.id))
    return tuple(people)
