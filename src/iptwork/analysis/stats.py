"""`iptwork stats PATH [--json]`: the pattern summary as a JSON document or as plain text.

The JSON keys of SPEC.md ("interactions", "from", "to", "people", "problems", "emotions",
"phq9", "gad7") are a contract that scripts and outside tests rely on; keys after them are
extras. Private interactions are left out, as in exports. No matplotlib here: the command
must start quickly.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from iptwork import domain
from iptwork.analysis import labels as lb
from iptwork.analysis import patterns as pt
from iptwork.analysis.filters import PatternFilter, select
from iptwork.analysis.summary import summary_sentences
from iptwork.store.records import Contents, Interaction

#: Text output lists at most this many problems and emotions.
TOP_N = 5


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _counts(found: dict[str, int], order: dict[str, int]) -> dict[str, int]:
    """Nonzero counts, most frequent first (ties in vocabulary order, then by key)."""
    keys = sorted(
        (k for k, n in found.items() if n), key=lambda k: (-found[k], order.get(k, len(order)), k)
    )
    return {key: found[key] for key in keys}


def _person_entry(interactions: list[Interaction], problem_order: dict[str, int]) -> dict[str, Any]:
    understood = dict.fromkeys(pt.UNDERSTOOD_KEYS, 0)
    problems: dict[str, int] = defaultdict(int)
    ratings = []
    for interaction in interactions:
        if interaction.understood in understood:
            understood[interaction.understood] += 1
        for key in dict.fromkeys(interaction.problems):
            problems[key] += 1
        if interaction.satisfaction is not None:
            ratings.append(interaction.satisfaction)
    return {
        "interactions": len(interactions),
        "understood": understood,
        "problems": _counts(problems, problem_order),
        "satisfaction_mean": _mean(ratings),
    }


def stats_document(contents: Contents, flt: PatternFilter | None = None) -> dict[str, Any]:
    """The JSON document of `iptwork stats --json` (SPEC.md), extras after the SPEC keys.

    People are keyed by name and listed when they took part in at least one counted
    interaction (most interactions first); an interaction with several people counts once
    for each of them there, and once in the top-level counts.
    """
    flt = flt or PatternFilter()
    chosen = select(contents, flt)
    interactions = chosen.interactions
    problem_order = pt.problem_order(chosen)
    names = lb.person_names(chosen)

    by_person: dict[str, list[Interaction]] = defaultdict(list)
    problems: dict[str, int] = defaultdict(int)
    for interaction in interactions:
        for person_id in dict.fromkeys(interaction.people):
            by_person[person_id].append(interaction)
        for key in dict.fromkeys(interaction.problems):
            problems[key] += 1
    people_order = sorted(
        by_person, key=lambda p: (-len(by_person[p]), names.get(p, p).casefold(), p)
    )
    people = {
        names.get(person_id, person_id): _person_entry(by_person[person_id], problem_order)
        for person_id in people_order
    }
    emotions = {
        cell.name: {"count": cell.count, "intensity_mean": round(cell.mean or 0.0, 2)}
        for cell in pt.emotion_totals(chosen, flt)
    }
    phq9 = pt.phq9_series(chosen, flt)
    gad7 = pt.gad7_series(chosen, flt)
    overall = pt.understood_overall(chosen, flt)
    found = pt.activity(chosen, flt)
    return {
        "interactions": len(interactions),
        "from": interactions[0].occurred_at.date().isoformat() if interactions else None,
        "to": interactions[-1].occurred_at.date().isoformat() if interactions else None,
        "people": people,
        "problems": _counts(problems, problem_order),
        "emotions": emotions,
        "phq9": [
            {
                "taken_on": p.taken_on.isoformat(),
                "total": p.total,
                "severity": p.severity,
                "item9_positive": p.item9_positive,
            }
            for p in phq9
        ],
        "gad7": [
            {"taken_on": p.taken_on.isoformat(), "total": p.total, "severity": p.severity}
            for p in gad7
        ],
        # Extras (SPEC: "more keys may follow").
        "item9_positive": any(p.item9_positive for p in phq9),
        "understood": {value: overall.count(value) for value in pt.UNDERSTOOD_KEYS},
        "satisfaction_mean": _mean(
            [i.satisfaction for i in interactions if i.satisfaction is not None]
        ),
        "satisfaction_by_week": [
            {
                "week_start": week.start.isoformat(),
                "ratings": len(week.ratings),
                "mean": None if week.mean is None else round(week.mean, 2),
            }
            for week in pt.satisfaction_by_week(chosen, flt)
        ],
        "interactions_by_week": [
            {"week_start": week.key, "interactions": week.count} for week in found.weeks
        ],
        "interactions_by_area": {area.key: area.count for area in found.areas},
        "summary": summary_sentences(chosen, flt),
    }


def _score_line(name: str, points: tuple[pt.ScorePoint, ...]) -> str:
    if not points:
        return f"{name}: none taken yet"
    last = points[-1]
    line = f"{name}: {last.total} ({last.severity}) on {lb.long_date(last.taken_on)}"
    if len(points) > 1:
        line += f"; {len(points)} taken, the first {points[0].total} ({points[0].severity})"
    return line


def stats_text(contents: Contents, flt: PatternFilter | None = None) -> str:
    """The readable version of `iptwork stats`. When any PHQ-9 has item 9 above 0 the
    safety message comes first, every time (SPEC.md)."""
    flt = flt or PatternFilter()
    chosen = select(contents, flt)
    doc = stats_document(chosen, flt)
    labels = lb.problem_labels(chosen)
    lines: list[str] = []
    if any(q.item9_positive for q in contents.phq9):
        lines += [domain.ITEM9_MESSAGE, ""]

    count = doc["interactions"]
    title = chosen.meta.title or "Workbook"
    lines += [title, "=" * len(title)]
    if count:
        first = lb.long_date(chosen.interactions[0].occurred_at.date())
        last = lb.long_date(chosen.interactions[-1].occurred_at.date())
        lines.append(
            f"{lb.plural(count, 'interaction')} from {first} to {last} (private ones left out)."
        )
    else:
        lines.append("No interactions yet (private ones left out).")

    if doc["people"]:
        lines += ["", "People"]
        for name, entry in doc["people"].items():
            heading = f"  {name}: {lb.plural(entry['interactions'], 'interaction')}"
            if entry["satisfaction_mean"] is not None:
                heading += f", satisfaction {entry['satisfaction_mean']:.2f} on average"
            lines.append(heading)
            understood = ", ".join(
                f"{lb.UNDERSTOOD_LABELS[value].lower()} {entry['understood'][value]}"
                for value in pt.UNDERSTOOD_KEYS
            )
            lines.append(f"      understood what you meant: {understood}")
            if entry["problems"]:
                key, times = next(iter(entry["problems"].items()))
                lines.append(
                    f"      most frequent problem: {lb.problem_label(labels, key)} ({times})"
                )

    if doc["problems"]:
        lines += ["", "Communication problems"]
        for key, times in list(doc["problems"].items())[:TOP_N]:
            lines.append(f"  {times:>4}  {lb.problem_label(labels, key)}")

    if doc["emotions"]:
        lines += ["", "Emotions"]
        for name, entry in list(doc["emotions"].items())[:TOP_N]:
            lines.append(
                f"  {entry['count']:>4}  {name} (average intensity {entry['intensity_mean']:.0f})"
            )

    lines += [
        "",
        "Questionnaires",
        "  " + _score_line("PHQ-9", pt.phq9_series(chosen, flt)),
        "  " + _score_line("GAD-7", pt.gad7_series(chosen, flt)),
    ]

    sentences = summary_sentences(chosen, flt, safety_first=False)
    if sentences:
        lines += ["", "Summary"]
        lines += [f"  - {sentence}" for sentence in sentences]
    return "\n".join(lines)
