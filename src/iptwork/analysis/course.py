"""The IPT course in plain data: session numbers and phases, and "since we last met".

Pure functions over records and dates (no Qt, no database), tested without a window; the
session and review views turn their results into words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import mean

from iptwork import domain
from iptwork.store import records as r

#: IPT's initial phase: the first three sessions (inventory, choosing the focus).
INITIAL_SESSIONS = 3
#: The termination phase: the last three of the planned sessions.
TERMINATION_SESSIONS = 3
#: A change of the mean mood smaller than this reads as "about the same".
MOOD_STEP = 0.5


def ordered(sessions: Sequence[r.TherapySession]) -> list[r.TherapySession]:
    """Sessions in the order they were held (date, then number)."""
    return sorted(sessions, key=lambda s: (s.held_on, s.number))


def next_number(sessions: Sequence[r.TherapySession]) -> int:
    return max((s.number for s in sessions), default=0) + 1


def suggested_phase(number: int, planned: int | None) -> str:
    """Sessions 1–3 initial, the last three of the planned ones termination, else middle."""
    if number <= INITIAL_SESSIONS:
        return domain.Phase.INITIAL.value
    if planned and number > planned - TERMINATION_SESSIONS:
        return domain.Phase.TERMINATION.value
    return domain.Phase.MIDDLE.value


def planned_sessions(meta: r.WorkbookMeta, formulation: r.Formulation) -> int | None:
    """The number of sessions the course is planned for: the workbook's, else the one
    agreed in the formulation."""
    return meta.planned_sessions or formulation.agreed_sessions or None


def latest(sessions: Sequence[r.TherapySession]) -> r.TherapySession | None:
    found = ordered(sessions)
    return found[-1] if found else None


def previous_of(
    sessions: Sequence[r.TherapySession], session: r.TherapySession
) -> r.TherapySession | None:
    before = [
        s for s in ordered(sessions) if (s.held_on, s.number) < (session.held_on, session.number)
    ]
    return before[-1] if before else None


def reviewed_before(sessions: Sequence[r.TherapySession], session: r.TherapySession) -> set[str]:
    """Interactions already looked at in a session held before `session`."""
    key = (session.held_on, session.number)
    return {
        i
        for s in sessions
        if (s.held_on, s.number) < key and s.id != session.id
        for i in s.interactions
    }


@dataclass(frozen=True)
class Score:
    """One questionnaire result, reduced to what a sentence about it needs."""

    taken_on: date
    total: int
    severity: str
    item9_positive: bool = False


@dataclass(frozen=True)
class ScoreChange:
    """The latest result up to a day, the one before it, and whether the latest is new."""

    latest: Score
    previous: Score | None
    is_new: bool  # taken since the previous session

    @property
    def difference(self) -> int | None:
        return None if self.previous is None else self.latest.total - self.previous.total


@dataclass(frozen=True)
class MoodChange:
    """Mean daily mood in the period, and in the period before it."""

    mean: float | None
    count: int
    previous_mean: float | None
    previous_count: int

    @property
    def direction(self) -> str:
        """ "up", "down", "same", or "" when there is nothing to compare."""
        if self.mean is None or self.previous_mean is None:
            return ""
        change = self.mean - self.previous_mean
        if abs(change) < MOOD_STEP:
            return "same"
        return "up" if change > 0 else "down"


@dataclass(frozen=True)
class SinceLastMeeting:
    """What happened between the previous session and this one, to open it with."""

    session: r.TherapySession
    previous: r.TherapySession | None
    interactions: tuple[r.Interaction, ...]  # new, not reviewed before, not private
    held_back: int  # private interactions in the same period
    events: tuple[r.LifeEvent, ...]
    phq9: ScoreChange | None
    gad7: ScoreChange | None
    mood: MoodChange | None

    @property
    def start(self) -> date | None:
        return self.previous.held_on if self.previous else None

    @property
    def end(self) -> date:
        return self.session.held_on


def _score_change(
    results: Sequence[tuple[date, str, domain.Score, bool]], start: date | None, end: date
) -> ScoreChange | None:
    taken = sorted((x for x in results if x[0] <= end), key=lambda x: (x[0], x[1]))
    if not taken:
        return None
    scores = [Score(day, score.total, score.severity, alert) for day, _id, score, alert in taken]
    latest_score = scores[-1]
    return ScoreChange(
        latest_score,
        scores[-2] if len(scores) > 1 else None,
        start is None or latest_score.taken_on >= start,
    )


def _mood_change(
    moods: Sequence[r.Mood], start: date | None, end: date, before: date | None
) -> MoodChange | None:
    now = [m.rating for m in moods if (start is None or m.on > start) and m.on <= end]
    earlier = (
        [m.rating for m in moods if (before is None or m.on > before) and m.on <= start]
        if start is not None
        else []
    )
    if not now and not earlier:
        return None
    return MoodChange(
        mean(now) if now else None, len(now), mean(earlier) if earlier else None, len(earlier)
    )


def in_period(day: date, start: date | None, end: date) -> bool:
    return (start is None or day >= start) and day <= end


def since_last_meeting(contents: r.Contents, session_id: str) -> SinceLastMeeting:
    """Gather what happened from the previous session's day up to this session's day:
    interactions not looked at in an earlier session (private ones only counted), the life
    events, the latest PHQ-9 and GAD-7 against the one before, and the mean mood against
    the period before. Session 1 looks at everything up to its day."""
    session = next(s for s in contents.sessions if s.id == session_id)
    previous = previous_of(contents.sessions, session)
    start, end = (previous.held_on if previous else None), session.held_on
    before_previous = previous_of(contents.sessions, previous) if previous else None
    seen = reviewed_before(contents.sessions, session)
    window = [
        i
        for i in contents.interactions
        if in_period(i.occurred_at.date(), start, end) and i.id not in seen
    ]
    shown = tuple(sorted((i for i in window if not i.private), key=lambda i: i.occurred_at))
    return SinceLastMeeting(
        session=session,
        previous=previous,
        interactions=shown,
        held_back=len(window) - len(shown),
        events=tuple(
            sorted((e for e in contents.events if in_period(e.on, start, end)), key=lambda e: e.on)
        ),
        phq9=_score_change(
            [(q.taken_on, q.id, q.score, q.item9_positive) for q in contents.phq9], start, end
        ),
        gad7=_score_change([(q.taken_on, q.id, q.score, False) for q in contents.gad7], start, end),
        mood=_mood_change(
            contents.moods, start, end, before_previous.held_on if before_previous else None
        ),
    )


def review_start(sessions: Sequence[r.TherapySession], today: date) -> date | None:
    """Where "new since we last met" begins for review mode: the previous session's day
    when the latest session is today's (or still ahead), else the latest session's day
    (today's session is not written down yet). None when there is no session."""
    current = latest(sessions)
    if current is None:
        return None
    if current.held_on >= today:
        previous = previous_of(sessions, current)
        return previous.held_on if previous else None
    return current.held_on


@dataclass(frozen=True)
class CircleMove:
    name: str
    before: int
    after: int


def circle_moves(first: Sequence[r.Placement], last: Sequence[r.Placement]) -> list[CircleMove]:
    """Who changed ring between two snapshots (matched by person id, else by name);
    ring 0 means not in that snapshot."""

    def key(p: r.Placement) -> str:
        return p.person or f"name:{p.name.casefold()}"

    before = {key(p): p for p in first}
    after = {key(p): p for p in last}
    moves = []
    for k in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(k), after.get(k)
        rings = (old.closeness if old else 0, new.closeness if new else 0)
        if rings[0] != rings[1]:
            moves.append(CircleMove((new or old).name, *rings))  # type: ignore[union-attr]
    return moves
