"""Narrowing a workbook to what a chart or a summary looks at.

SPEC.md: every chart can be filtered by date range, person and problem area; dates are
inclusive and compare with the date part of `occurred_at` (events, sessions, questionnaires
and moods by their own date); a person filter keeps interactions with *any* of the people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar, cast

from iptwork.store.records import Contents, Interaction

#: The `focus` filter value that keeps interactions not assigned to any focus.
NO_FOCUS = "none"

# The attribute a selected Contents carries its filter in (see `select`).
_SELECTED_BY = "_iptwork_selected_by"
_MISSING = object()
T = TypeVar("T")


@dataclass(frozen=True)
class PatternFilter:
    """What to look at. Empty fields do not filter.

    `focus` is a focus id, a problem-area key ("dispute": every focus of that area), or
    `NO_FOCUS` for interactions not assigned to a focus. Private interactions are left out
    unless `include_private` is set, as in exports.
    """

    date_from: date | None = None
    date_to: date | None = None
    people: tuple[str, ...] = ()
    focus: str | None = None
    include_private: bool = False

    def keeps_day(self, day: date) -> bool:
        """Whether a date lies within the (inclusive) date range."""
        if self.date_from is not None and day < self.date_from:
            return False
        return self.date_to is None or day <= self.date_to


def memo(contents: Contents, name: str, build: Callable[[], T]) -> T:
    """`build()`, computed once per Contents object and kept on it.

    A Contents and everything in it is immutable, so a value derived from it alone never
    goes stale; the patterns share groupings (by person, by week) this way instead of
    regrouping 100,000 interactions for every chart.
    """
    key = f"_iptwork_memo_{name}"
    found = contents.__dict__.get(key, _MISSING)
    if found is _MISSING:
        found = build()
        contents.__dict__[key] = found
    return cast(T, found)


def focus_areas(contents: Contents) -> dict[str, str]:
    """Focus id → its problem-area key."""
    return {focus.id: focus.area for focus in contents.focuses}


def area_of(interaction: Interaction, areas: dict[str, str]) -> str:
    """The problem-area key an interaction belongs to, or `NO_FOCUS`."""
    if interaction.focus is None:
        return NO_FOCUS
    return areas.get(interaction.focus, NO_FOCUS)


def _keeps_interaction(
    interaction: Interaction, flt: PatternFilter, areas: dict[str, str], people: frozenset[str]
) -> bool:
    if interaction.private and not flt.include_private:
        return False
    if not flt.keeps_day(interaction.occurred_at.date()):
        return False
    if people and people.isdisjoint(interaction.people):
        return False
    if flt.focus is None:
        return True
    if flt.focus in areas:
        return interaction.focus == flt.focus
    return area_of(interaction, areas) == flt.focus


def select(contents: Contents, flt: PatternFilter | None = None) -> Contents:
    """The workbook narrowed by `flt`, interactions sorted oldest first.

    People, focuses and vocabulary stay whole: they are what names and labels come from.
    The result remembers its filter, so selecting it again with the same filter costs
    nothing: callers that compute several patterns select once and pass the result on.
    """
    flt = flt or PatternFilter()
    if contents.__dict__.get(_SELECTED_BY) == flt:
        return contents
    areas = focus_areas(contents)
    people = frozenset(flt.people)
    interactions = sorted(
        (i for i in contents.interactions if _keeps_interaction(i, flt, areas, people)),
        key=lambda i: (i.occurred_at, i.id),
    )
    chosen = replace(
        contents,
        interactions=tuple(interactions),
        events=tuple(e for e in contents.events if flt.keeps_day(e.on)),
        sessions=tuple(s for s in contents.sessions if flt.keeps_day(s.held_on)),
        phq9=tuple(
            sorted(
                (q for q in contents.phq9 if flt.keeps_day(q.taken_on)),
                key=lambda q: (q.taken_on, q.id),
            )
        ),
        gad7=tuple(
            sorted(
                (q for q in contents.gad7 if flt.keeps_day(q.taken_on)),
                key=lambda q: (q.taken_on, q.id),
            )
        ),
        moods=tuple(
            sorted((m for m in contents.moods if flt.keeps_day(m.on)), key=lambda m: (m.on, m.id))
        ),
    )
    object.__setattr__(chosen, _SELECTED_BY, flt)
    return chosen
