"""Plain, frozen records: what services take and return (never live ORM objects).

Field names follow SPEC.md's JSON so that interchange is a straight mapping. Lists are
tuples so a record can be compared and hashed; ids are lowercase UUID strings.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from iptwork import domain


def new_id() -> str:
    return str(uuid.uuid4())


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class WorkbookMeta:
    title: str = ""
    owner: str = ""
    therapist: str = ""
    started_on: date | None = None
    planned_sessions: int | None = None


@dataclass(frozen=True)
class Person:
    name: str
    relationship: str = "other"
    closeness: int = 2
    support: int = 5
    conflict: int = 0
    expectations: str = ""
    expectations_met: str | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Goal:
    text: str
    status: str = "open"
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class StageChange:
    stage: str
    changed_on: date


@dataclass(frozen=True)
class Focus:
    area: str
    description: str = ""
    stage: str | None = None
    people: tuple[str, ...] = ()
    details: Mapping[str, str] = field(default_factory=dict)
    goals: tuple[Goal, ...] = ()
    stage_history: tuple[StageChange, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "details", _frozen(self.details))


@dataclass(frozen=True)
class EmotionRating:
    name: str
    intensity: int


@dataclass(frozen=True)
class Interaction:
    occurred_at: datetime
    channel: str = "face_to_face"
    people: tuple[str, ...] = ()
    focus: str | None = None
    setting: str = ""
    intended: str = ""
    said: str = ""
    other_said: str = ""
    heard: str = ""
    their_view: str = ""
    emotions: tuple[EmotionRating, ...] = ()
    outcome: str = ""
    understood: str | None = None
    satisfaction: int | None = None
    problems: tuple[str, ...] = ()
    alternative: str = ""
    plan: str = ""
    rehearsed: bool = False
    follow_up_of: str | None = None
    therapist_note: str = ""
    private: bool = False
    tags: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class LifeEvent:
    on: date
    kind: str = "other"
    people: tuple[str, ...] = ()
    note: str = ""
    approximate: bool = False
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Placement:
    """Where one person stood on the closeness circle when a snapshot was taken. The name
    is kept with it, so the snapshot still reads right if the person is renamed or removed
    (`person` then becomes None)."""

    name: str
    closeness: int
    support: int = 5
    conflict: int = 0
    person: str | None = None


@dataclass(frozen=True)
class TherapySession:
    number: int
    held_on: date
    phase: str = "initial"
    notes: str = ""
    homework: str = ""
    interactions: tuple[str, ...] = ()  # reviewed in this session
    client_rating: int | None = None
    therapist_rating: int | None = None
    circle: tuple[Placement, ...] = ()  # the closeness circle as it was, if snapshotted
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Formulation:
    """What client and therapist agree on at the end of the initial phase."""

    diagnosis: str = ""  # in plain words
    focus: str = ""  # the problem area to work on, in plain words
    link: str = ""  # how the two connect
    agreed_sessions: int | None = None
    agreed_on: date | None = None


@dataclass(frozen=True)
class Termination:
    """The closing sheet: what was gained, the warning signs, and what to do then."""

    gains: str = ""
    warning_signs: str = ""
    action_plan: str = ""
    written_on: date | None = None


@dataclass(frozen=True)
class Phq9:
    taken_on: date
    items: tuple[int, ...]
    difficulty: int | None = None
    id: str = field(default_factory=new_id)

    @property
    def score(self) -> domain.Score:
        return domain.score_phq9(self.items)

    @property
    def item9_positive(self) -> bool:
        return domain.phq9_item9_positive(self.items)


@dataclass(frozen=True)
class Gad7:
    taken_on: date
    items: tuple[int, ...]
    id: str = field(default_factory=new_id)

    @property
    def score(self) -> domain.Score:
        return domain.score_gad7(self.items)


@dataclass(frozen=True)
class Mood:
    on: date
    rating: int
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class ProblemKind:
    key: str
    label: str
    explanation: str = ""
    builtin: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """The user's own words, beside the built-in ones of `domain`."""

    emotions: tuple[str, ...] = ()
    problems: tuple[ProblemKind, ...] = ()


@dataclass(frozen=True)
class Contents:
    """A whole workbook's records: what JSON import/export and `demo` move in one piece."""

    meta: WorkbookMeta = WorkbookMeta()
    people: tuple[Person, ...] = ()
    focuses: tuple[Focus, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    events: tuple[LifeEvent, ...] = ()
    sessions: tuple[TherapySession, ...] = ()
    phq9: tuple[Phq9, ...] = ()
    gad7: tuple[Gad7, ...] = ()
    moods: tuple[Mood, ...] = ()
    vocabulary: Vocabulary = Vocabulary()
    formulation: Formulation = Formulation()
    termination: Termination = Termination()


@dataclass(frozen=True)
class InteractionFilter:
    """Which interactions to list. Empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None
    people: tuple[str, ...] = ()  # any of these person ids
    focus: str | None = None
    problem: str | None = None
    text: str = ""
    include_private: bool = True
