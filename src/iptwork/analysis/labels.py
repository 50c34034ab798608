"""Names, labels and plain-language phrases for what the analysis shows.

Kept apart so the charts, the summary sentences and `iptwork stats` word things alike.
"""

from __future__ import annotations

from datetime import date

from iptwork import domain
from iptwork.analysis.filters import NO_FOCUS
from iptwork.store.records import Contents

NO_FOCUS_LABEL = "No problem area"

#: How a problem reads after "involved …" in a summary sentence (the user's own problems
#: are quoted by their label instead).
PROBLEM_PHRASES: dict[str, str] = {
    "nonverbal_substitute": "showing it without words (sulking, withdrawing) instead of saying it",
    "assumed_communicated": "assuming you had made yourself clear",
    "assumed_understood": "assuming you understood them without checking",
    "indirect_verbal": "hints or sarcasm instead of saying it directly",
    "silence": "going silent",
    "hostile": "attacking words",
    "need_unstated": "not saying what you needed",
    "pushes_away": "asking for care in a way that pushed them away",
    "anger_held_in": "holding anger in until it burst out",
}

UNDERSTOOD_LABELS: dict[str, str] = {u.value: u.label for u in domain.Understood}


def person_names(contents: Contents) -> dict[str, str]:
    return {person.id: person.name for person in contents.people}


def problem_labels(contents: Contents) -> dict[str, str]:
    """Problem key → label: the built-in ones, then the user's own."""
    labels = {p.key: p.label for p in domain.COMMUNICATION_PROBLEMS}
    for kind in contents.vocabulary.problems:
        labels.setdefault(kind.key, kind.label)
    return labels


def problem_label(labels: dict[str, str], key: str) -> str:
    return labels.get(key, key.replace("_", " ").capitalize())


def problem_phrase(labels: dict[str, str], key: str) -> str:
    return PROBLEM_PHRASES.get(key) or f"“{problem_label(labels, key)}”"


def area_label(key: str) -> str:
    if key == NO_FOCUS:
        return NO_FOCUS_LABEL
    try:
        return domain.ProblemArea(key).label
    except ValueError:
        return key.capitalize()


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """'5 October 2026': unambiguous wherever the reader lives.

    Month names are spelled out here rather than by strftime, whose words follow the C
    locale (Qt switches it to the user's, and the rest of the sentence is English).
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """'5 Oct'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"
