"""The short plain-language summary shown above the charts and by `iptwork stats`.

The sentences describe, they do not judge: counts with their denominators ("6 of 8"),
changes with both ends ("rose from 3.2 to 6.1"), and an honest "not enough yet" when the
numbers are too few to mean anything.
"""

from __future__ import annotations

from datetime import date

from iptwork import domain
from iptwork.analysis import labels as lb
from iptwork.analysis import patterns as pt
from iptwork.analysis.filters import PatternFilter, select
from iptwork.store.records import Contents

#: Fewer interactions than this (overall, or with one person) show no pattern yet.
MIN_FOR_PATTERN = 3
#: A problem is worth a sentence when it shows in at least this share of interactions
#: (and at least twice).
NOTABLE_SHARE = 1 / 3
#: Summaries mention at most this many people (the ones with most interactions).
MAX_PEOPLE = 5
#: Per-person satisfaction is followed over this many recent weeks.
RECENT_WEEKS = 4

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _weeks_words(weeks: int) -> str:
    return _NUMBER_WORDS[weeks] if weeks < len(_NUMBER_WORDS) else str(weeks)


def _span(start: date, end: date) -> str:
    """'between 2 September and 20 November 2026' (the year once when it is shared)."""
    if start == end:
        return f"on {lb.long_date(start)}"
    first = lb.long_date(start)
    if start.year == end.year:
        first = first.rsplit(" ", 1)[0]
    return f"between {first} and {lb.long_date(end)}"


def _period_words(period: pt.Period) -> str:
    return f"{lb.short_date(period.start)} to {lb.short_date(period.end)}"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _mean(value: float) -> str:
    return f"{value:.1f}"


def _satisfaction_clause(trend: pt.Trend, weeks: int | None) -> str:
    if weeks is not None and not trend.whole:
        when = f"over the last {_weeks_words(weeks)} weeks"
    else:
        when = _span(trend.start, trend.end)
    if trend.direction == "steady":
        middle = _mean((trend.first_mean + trend.last_mean) / 2)
        return f"satisfaction stayed around {middle} {when}"
    return (
        f"satisfaction {trend.direction} from {_mean(trend.first_mean)} "
        f"to {_mean(trend.last_mean)} {when}"
    )


def _person_sentence(
    contents: Contents,
    flt: PatternFilter,
    person: pt.PersonRef,
    labels: dict[str, str],
    understood: dict[str, pt.UnderstoodRow],
) -> str:
    total = person.count
    if total < MIN_FOR_PATTERN:
        return f"Not enough interactions with {person.name} yet to see a pattern."
    clauses: list[str] = []
    problems = pt.problem_counts(contents, flt, person=person.id)
    top = problems[0] if problems else None
    if top is not None and top.count >= 2 and top.count >= NOTABLE_SHARE * total:
        clauses.append(
            f"With {person.name}, {top.count} of {total} interactions involved "
            f"{lb.problem_phrase(labels, top.key)}"
        )
    else:
        row = understood.get(person.id)
        if row is not None and row.recorded:
            clauses.append(
                f"{person.name} understood what you meant, fully or partly, in "
                f"{row.understood} of {row.recorded} interactions"
            )
        else:
            clauses.append(f"With {person.name}, {total} interactions so far")
    trend = pt.satisfaction_trend(contents, flt, person=person.id, weeks=RECENT_WEEKS)
    weeks: int | None = RECENT_WEEKS
    if trend is None:
        trend = pt.satisfaction_trend(contents, flt, person=person.id)
        weeks = None
    if trend is not None:
        clauses.append(_satisfaction_clause(trend, weeks))
    return "; ".join(clauses) + "."


def _problem_trend_sentences(contents: Contents, flt: PatternFilter) -> list[str]:
    trend = pt.problem_trend(contents, flt, by="halves")
    if len(trend.periods) < 2:
        return []
    early, late = trend.periods[0], trend.periods[-1]
    labels = lb.problem_labels(contents)
    sentences = []
    for row in trend.rows:
        if row.direction not in (pt.RARER, pt.MORE_OFTEN):
            continue
        what = _capitalize(lb.problem_phrase(labels, row.key))
        numbers = (
            f"in {row.count(0)} of {early.count} interactions from {_period_words(early)}, "
            f"then in {row.count(len(trend.periods) - 1)} of {late.count} "
            f"from {_period_words(late)}"
        )
        if row.direction == pt.RARER:
            sentences.append(f"{what} came up less often lately: {numbers}.")
        else:
            sentences.append(
                f"{what} came up more often lately: {numbers}. It may be worth looking at together."
            )
    return sentences[:3]


def _emotion_sentence(contents: Contents, flt: PatternFilter) -> str | None:
    totals = pt.emotion_totals(contents, flt)
    if not totals:
        return None
    most = totals[0].count
    top = [cell for cell in totals if cell.count == most]
    if len(top) == 1:
        cell = top[0]
        return (
            f"The feeling you noted most often was {cell.name} "
            f"({_times(cell.count)}, average intensity {cell.mean or 0:.0f} of 100)."
        )
    names = ", ".join(c.name for c in top[:-1]) + f" and {top[-1].name}"
    return f"The feelings you noted most often were {names} ({_times(most)} each)."


def _score_sentence(name: str, points: tuple[pt.ScorePoint, ...]) -> str | None:
    if not points:
        return None
    last = points[-1]
    sentence = f"Your {name} on {lb.long_date(last.taken_on)} was {last.total} ({last.severity})"
    if len(points) > 1:
        first = points[0]
        if last.total < first.total:
            change = "down from"
        elif last.total > first.total:
            change = "up from"
        else:
            change = "the same as"
        sentence += f", {change} {first.total} on {lb.long_date(first.taken_on)}"
    return sentence + "."


def summary_sentences(
    contents: Contents, flt: PatternFilter | None = None, *, safety_first: bool = True
) -> list[str]:
    """A few plain sentences about the filtered workbook, most telling first.

    With `safety_first`, a PHQ-9 in range with item 9 above 0 puts domain.ITEM9_MESSAGE
    before everything else (SPEC.md: shown every time, before anything else).
    """
    flt = flt or PatternFilter()
    contents = select(contents, flt)  # once: the pattern functions below reuse it
    sentences: list[str] = []
    phq9 = pt.phq9_series(contents, flt)
    if safety_first and any(point.item9_positive for point in phq9):
        sentences.append(domain.ITEM9_MESSAGE)

    interactions = contents.interactions
    count = len(interactions)
    if count == 0:
        sentences.append(
            "No interactions in this range yet. Once a few are written down, patterns will "
            "show here."
        )
    else:
        first, last = interactions[0].occurred_at.date(), interactions[-1].occurred_at.date()
        sentences.append(f"You wrote down {lb.plural(count, 'interaction')} {_span(first, last)}.")
        if count < MIN_FOR_PATTERN:
            sentences.append("A few more will start to show patterns.")
        else:
            labels = lb.problem_labels(contents)
            understood = {row.key: row for row in pt.understood_by_person(contents, flt)}
            for person in pt.people_in_range(contents, flt)[:MAX_PEOPLE]:
                sentences.append(_person_sentence(contents, flt, person, labels, understood))
            sentences.extend(_problem_trend_sentences(contents, flt))
            overall = pt.understood_overall(contents, flt)
            if overall.recorded >= MIN_FOR_PATTERN:
                sentences.append(
                    "Overall, the other person understood what you meant, fully or partly, in "
                    f"{overall.understood} of {overall.recorded} interactions."
                )
            trend = pt.satisfaction_trend(contents, flt)
            if trend is not None:
                sentences.append(_capitalize(_satisfaction_clause(trend, None)) + ".")
            emotion = _emotion_sentence(contents, flt)
            if emotion:
                sentences.append(emotion)

    for name, points in (("PHQ-9", phq9), ("GAD-7", pt.gad7_series(contents, flt))):
        sentence = _score_sentence(name, points)
        if sentence:
            sentences.append(sentence)
    return sentences
