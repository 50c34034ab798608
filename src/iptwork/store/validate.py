"""Rules a record must meet before it is written, with messages naming the field.

The schema enforces the same rules (so a bug cannot store bad data); checking here first
turns a driver's "CHECK constraint failed" into a sentence a person can act on. `where`
names the record in messages, e.g. "interactions[3] (id 5f0c…)" or "person Alex".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache

from iptwork import domain
from iptwork.store import records as r
from iptwork.store.errors import InvalidRecord

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass
class Known:
    """The ids and words a record may refer to."""

    people: set[str] = field(default_factory=set)
    focuses: set[str] = field(default_factory=set)
    interactions: set[str] = field(default_factory=set)
    emotions: set[str] = field(default_factory=lambda: set(domain.BUILTIN_EMOTIONS))
    problems: set[str] = field(default_factory=lambda: set(domain.BUILTIN_PROBLEM_KEYS))


def _fail(where: str, name: str, problem: str) -> None:
    raise InvalidRecord(where, name, problem)


def check_id(where: str, value: str, name: str = "id") -> None:
    if not isinstance(value, str) or not UUID_RE.match(value):
        _fail(where, name, f"{value!r} is not a lowercase UUID")


def check_choice(
    where: str, name: str, value: object, choices: type[StrEnum], optional: bool = False
) -> None:
    if value is None and optional:
        return
    if value not in _values(choices):
        allowed = ", ".join(c.value for c in choices)
        _fail(where, name, f"{value!r} is not one of {allowed}")


@cache
def _values(choices: type[StrEnum]) -> frozenset[str]:
    return frozenset(c.value for c in choices)


def check_range(
    where: str, name: str, value: object, bounds: tuple[int, int], optional: bool = False
) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not bounds[0] <= value <= bounds[1]:
        _fail(where, name, f"{value!r} is not a whole number from {bounds[0]} to {bounds[1]}")


def check_text(
    where: str, name: str, value: object, limit: int = domain.MAX_TEXT, required: bool = False
) -> None:
    if not isinstance(value, str):
        _fail(where, name, "must be text")
        return
    if required and not value.strip():
        _fail(where, name, "must not be empty")
    if len(value) > limit:
        _fail(where, name, f"is {len(value):,} characters long; the limit is {limit:,}")
    if "\x00" in value:
        _fail(where, name, "contains a NUL character")
    if not value.isascii() and SURROGATE_RE.search(value):
        _fail(where, name, "contains a broken character (a lone surrogate)")


def _check_refs(where: str, name: str, ids: Iterable[str], known: set[str], what: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            _fail(where, name, f"lists {what} {value} twice")
        seen.add(value)
        if value not in known:
            _fail(where, name, f"refers to {what} {value}, which is not in the workbook")


def _check_unique_words(
    where: str, name: str, words: Iterable[str], known: set[str], what: str
) -> None:
    seen: set[str] = set()
    for word in words:
        if word in seen:
            _fail(where, name, f"lists {word!r} twice")
        seen.add(word)
        if word not in known:
            _fail(where, name, f"{word!r} is not a known {what}; add it to the vocabulary first")


def meta(where: str, value: r.WorkbookMeta) -> None:
    for name in ("title", "owner", "therapist"):
        check_text(where, name, getattr(value, name), limit=domain.MAX_NAME)
    check_range(
        where,
        "planned_sessions",
        value.planned_sessions,
        domain.PLANNED_SESSIONS_RANGE,
        optional=True,
    )


def person(where: str, value: r.Person) -> None:
    check_id(where, value.id)
    check_text(where, "name", value.name, limit=domain.MAX_NAME, required=True)
    check_choice(where, "relationship", value.relationship, domain.Relationship)
    check_range(where, "closeness", value.closeness, domain.CLOSENESS_RANGE)
    check_range(where, "support", value.support, domain.SUPPORT_RANGE)
    check_range(where, "conflict", value.conflict, domain.CONFLICT_RANGE)
    check_choice(
        where, "expectations_met", value.expectations_met, domain.ExpectationsMet, optional=True
    )
    check_text(where, "expectations", value.expectations)
    check_text(where, "notes", value.notes)


def focus(where: str, value: r.Focus, known: Known) -> None:
    check_id(where, value.id)
    check_choice(where, "area", value.area, domain.ProblemArea)
    check_text(where, "description", value.description)
    if value.stage is not None:
        if value.area != domain.ProblemArea.DISPUTE:
            _fail(where, "stage", "only a dispute has a stage")
        check_choice(where, "stage", value.stage, domain.DisputeStage)
    if value.stage_history and value.area != domain.ProblemArea.DISPUTE:
        _fail(where, "stage_history", "only a dispute has a stage history")
    days: set[date] = set()
    for change in value.stage_history:
        check_choice(where, "stage_history", change.stage, domain.DisputeStage)
        if change.changed_on in days:
            _fail(where, "stage_history", f"has two stages on {change.changed_on}")
        days.add(change.changed_on)
    _check_refs(where, "people", value.people, known.people, "person")
    allowed = domain.FOCUS_DETAILS[domain.ProblemArea(value.area)]
    for key, text in value.details.items():
        if key not in allowed:
            _fail(
                where,
                f"details.{key}",
                f"is not a detail of a {value.area} focus ({', '.join(allowed)})",
            )
        check_text(where, f"details.{key}", text)
        if key in domain.FOCUS_DATE_DETAILS and text:
            try:
                date.fromisoformat(text)
            except ValueError:
                _fail(where, f"details.{key}", f"{text!r} is not a date (YYYY-MM-DD)")
    seen: set[str] = set()
    for index, goal in enumerate(value.goals):
        goal_where = f"{where} goals[{index}]"
        check_id(goal_where, goal.id)
        if goal.id in seen:
            _fail(goal_where, "id", "is used twice")
        seen.add(goal.id)
        check_text(goal_where, "text", goal.text, required=True)
        check_choice(goal_where, "status", goal.status, domain.GoalStatus)


def interaction(where: str, value: r.Interaction, known: Known) -> None:
    check_id(where, value.id)
    check_choice(where, "channel", value.channel, domain.Channel)
    _check_refs(where, "people", value.people, known.people, "person")
    if value.focus is not None and value.focus not in known.focuses:
        _fail(where, "focus", f"refers to focus {value.focus}, which is not in the workbook")
    for name in (
        "setting",
        "intended",
        "said",
        "other_said",
        "heard",
        "their_view",
        "outcome",
        "alternative",
        "plan",
        "therapist_note",
    ):
        check_text(where, name, getattr(value, name))
    _check_unique_words(
        where, "emotions", (e.name for e in value.emotions), known.emotions, "emotion"
    )
    for emotion in value.emotions:
        check_range(
            where, f"emotions[{emotion.name}].intensity", emotion.intensity, domain.INTENSITY_RANGE
        )
    check_choice(where, "understood", value.understood, domain.Understood, optional=True)
    check_range(where, "satisfaction", value.satisfaction, domain.SATISFACTION_RANGE, optional=True)
    _check_unique_words(where, "problems", value.problems, known.problems, "communication problem")
    if value.follow_up_of is not None:
        if value.follow_up_of == value.id:
            _fail(where, "follow_up_of", "an interaction cannot follow up itself")
        if value.follow_up_of not in known.interactions:
            _fail(
                where,
                "follow_up_of",
                f"refers to interaction {value.follow_up_of}, which is not in the workbook",
            )
    seen: set[str] = set()
    for tag in value.tags:
        check_text(where, "tags", tag, limit=domain.MAX_LABEL, required=True)
        if tag in seen:
            _fail(where, "tags", f"lists {tag!r} twice")
        seen.add(tag)


def event(where: str, value: r.LifeEvent, known: Known) -> None:
    check_id(where, value.id)
    check_choice(where, "kind", value.kind, domain.EventKind)
    _check_refs(where, "people", value.people, known.people, "person")
    check_text(where, "note", value.note)


def session(where: str, value: r.TherapySession, known: Known) -> None:
    check_id(where, value.id)
    low, high = domain.SESSION_NUMBER_RANGE
    if (
        isinstance(value.number, bool)
        or not isinstance(value.number, int)
        or not low <= value.number <= high
    ):
        _fail(where, "number", f"{value.number!r} is not a session number ({low} to {high})")
    check_choice(where, "phase", value.phase, domain.Phase)
    check_text(where, "notes", value.notes)
    check_text(where, "homework", value.homework)
    _check_refs(where, "interactions", value.interactions, known.interactions, "interaction")
    check_range(
        where, "client_rating", value.client_rating, domain.SESSION_RATING_RANGE, optional=True
    )
    check_range(
        where,
        "therapist_rating",
        value.therapist_rating,
        domain.SESSION_RATING_RANGE,
        optional=True,
    )
    placements(where, value.circle, known)


def placements(where: str, circle: Iterable[r.Placement], known: Known) -> None:
    for index, placement in enumerate(circle):
        name = f"circle[{index}]"
        check_text(where, f"{name}.name", placement.name, limit=domain.MAX_NAME, required=True)
        check_range(where, f"{name}.closeness", placement.closeness, domain.CLOSENESS_RANGE)
        check_range(where, f"{name}.support", placement.support, domain.SUPPORT_RANGE)
        check_range(where, f"{name}.conflict", placement.conflict, domain.CONFLICT_RANGE)
        if placement.person is not None and placement.person not in known.people:
            _fail(where, f"{name}.person", f"refers to person {placement.person}, not here")


def formulation(where: str, value: r.Formulation) -> None:
    for name in ("diagnosis", "focus", "link"):
        check_text(where, name, getattr(value, name))
    check_range(
        where,
        "agreed_sessions",
        value.agreed_sessions,
        domain.PLANNED_SESSIONS_RANGE,
        optional=True,
    )


def termination(where: str, value: r.Termination) -> None:
    for name in ("gains", "warning_signs", "action_plan"):
        check_text(where, name, getattr(value, name))


def _items(where: str, items: tuple[int, ...], count: int) -> None:
    if len(items) != count:
        _fail(where, "items", f"has {len(items)} answers; expected {count}")
    for index, item in enumerate(items, start=1):
        check_range(where, f"items[{index}]", item, domain.ITEM_RANGE)


def phq9(where: str, value: r.Phq9) -> None:
    check_id(where, value.id)
    _items(where, value.items, domain.PHQ9_ITEMS)
    check_range(where, "difficulty", value.difficulty, domain.ITEM_RANGE, optional=True)


def gad7(where: str, value: r.Gad7) -> None:
    check_id(where, value.id)
    _items(where, value.items, domain.GAD7_ITEMS)


def mood(where: str, value: r.Mood) -> None:
    check_id(where, value.id)
    check_range(where, "rating", value.rating, domain.MOOD_RANGE)
    check_text(where, "note", value.note)


def emotion_word(where: str, word: str) -> None:
    check_text(where, "emotions", word, limit=domain.MAX_LABEL, required=True)


def problem_kind(where: str, value: r.ProblemKind) -> None:
    if (
        not isinstance(value.key, str)
        or not KEY_RE.match(value.key)
        or len(value.key) > domain.MAX_LABEL
    ):
        _fail(
            where,
            "key",
            f"{value.key!r} must be lowercase letters, digits and _ , starting with a letter",
        )
    check_text(where, "label", value.label, limit=domain.MAX_LABEL, required=True)
    check_text(where, "explanation", value.explanation, limit=domain.MAX_NAME)
