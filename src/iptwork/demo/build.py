"""Assembling the demo workbook from `texts`: pure and deterministic.

The course calendar is fixed. Sam's first appointment (and the workbook's start) is Tuesday
1 September 2026; sixteen weekly sessions follow on Thursdays, 3 September to
17 December, which is the course end. Interactions are spread evenly over the 107 days
from 1 September to 16 December, each at a time of day that suits its kind (school mornings, work
hours, evenings), so a session always has some from the week before it to review. With a
few hundred interactions that is a realistic one to three a day; asked for more (a load
test, e.g. 10,000), the same weeks are packed more densely rather than stretched, so
every date stays inside the course and the story (new job in August, therapy in the
autumn) still holds. Two interactions never share a time: a clash moves the later one on by
a second.

Determinism: all choices come from two `random.Random`s seeded from `seed` (one for ids,
one for everything else), in a fixed order; nothing iterates over a set or depends on the
clock, the locale or hash randomisation.
"""

from __future__ import annotations

import random
import uuid
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from iptwork.demo import texts
from iptwork.demo.texts import Line, Theme
from iptwork.store import records as r

T = TypeVar("T")

COURSE_START = date(2026, 9, 1)
FIRST_SESSION = date(2026, 9, 3)
PLANNED_SESSIONS = len(texts.SESSIONS)
SESSION_DATES = tuple(FIRST_SESSION + timedelta(weeks=k) for k in range(PLANNED_SESSIONS))
COURSE_END = SESSION_DATES[-1]

_DAYS = (COURSE_END - COURSE_START).days  # days with interactions: 1 Sep to 16 Dec
_START = datetime.combine(COURSE_START, time())
_SPAN = (datetime.combine(COURSE_END, time()) - _START).total_seconds()

PRIVATE_SHARE = 0.05
FOLLOW_UP_CHANCE = 0.3
FOLLOW_UP_DAYS = 28
FRESH_SAID = 300  # the first interactions never repeat one another's words (as long as they last)

_MONTHS = (
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


def day_words(day: date) -> str:
    """'8 September': English whatever the locale (strftime would follow Qt's setlocale)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _clock(at: datetime) -> str:
    hour = at.hour % 12 or 12
    return f"{hour}.{at.minute:02d}{'am' if at.hour < 12 else 'pm'}"


def _part_of_day(at: datetime) -> str:
    return "morning" if at.hour < 12 else "afternoon" if at.hour < 17 else "evening"


def _minutes(span: str) -> tuple[int, int]:
    """'18:30-22:45' -> minutes after midnight at each end."""
    start, end = (int(h) * 60 + int(m) for h, m in (t.split(":") for t in span.split("-")))
    return start, end


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Ids:
    """Lowercase version-4 UUIDs from their own generator, so ids do not shift when the
    wording changes."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"iptwork demo ids {seed}")

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


class _Picker:
    """Chooses among options, preferring the ones used least so far for the same key, so
    that a hundred interactions use every wording before repeating one."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._used: dict[tuple[str, ...], list[int]] = {}

    def pick(self, key: tuple[str, ...], options: Sequence[T]) -> T:
        counts = self._used.get(key)
        if counts is None or len(counts) != len(options):
            counts = [0] * len(options)
            self._used[key] = counts
        least = min(counts)
        index = self.rng.choice([i for i, count in enumerate(counts) if count == least])
        counts[index] += 1
        return options[index]


@dataclass
class _Entry:
    """One interaction while it is being planned."""

    at: datetime
    theme: Theme
    id: str = ""
    private: bool = False
    quality: str = "mixed"  # how it went: "bad", "mixed" or "good"
    follows: int | None = None  # the earlier entry whose plan this one tries
    session: int | None = None  # the session (index) that reviewed it
    rehearsed: bool = False
    plan: str = ""
    summary: str = ""

    @property
    def progress(self) -> float:
        """How far through the course: 0 at the start, 1 at the end."""
        return (self.at - _START).total_seconds() / _SPAN


# --- when, and about what ------------------------------------------------------------


def _pick_theme(rng: random.Random, weekend: bool, progress: float) -> Theme:
    themes = [t for t in texts.THEMES if t.days == "any" or (t.days == "weekend") == weekend]
    weights = [
        t.weight + ((t.weight if t.late_weight is None else t.late_weight) - t.weight) * progress
        for t in themes
    ]
    return rng.choices(themes, weights)[0]


def _schedule(count: int, rng: random.Random) -> list[_Entry]:
    entries = []
    for index in range(count):
        # Evenly spread with jitter; the first falls on day one so session 1 has one to review.
        day = 0 if index == 0 else min(_DAYS - 1, int((index + rng.random()) * _DAYS / count))
        on = COURSE_START + timedelta(days=day)
        weekend = on.weekday() >= 5
        theme = _pick_theme(rng, weekend, day / _DAYS)
        start, end = _minutes(rng.choice(theme.weekend_hours if weekend else theme.weekday_hours))
        at = datetime.combine(on, time()) + timedelta(minutes=rng.randint(start, end))
        entries.append(_Entry(at, theme))
    entries.sort(key=lambda e: e.at)
    for index in range(1, len(entries)):
        if entries[index].at <= entries[index - 1].at:
            entries[index].at = entries[index - 1].at + timedelta(seconds=1)
    return entries


def _quality(rng: random.Random, entry: _Entry) -> str:
    """How it went: mostly badly at the start, mostly well at the end, with a setback in
    the weeks before session 8 and a lift when trying a plan from an earlier one."""
    progress = entry.progress
    bad = 0.70 - 0.62 * progress - entry.theme.ease
    good = 0.06 + 0.66 * progress + entry.theme.ease
    if 0.38 < progress < 0.47:
        bad, good = bad + 0.15, good - 0.08
    if entry.follows is not None:
        bad, good = bad * 0.4, good + 0.2
    roll = rng.random()
    return "bad" if roll < bad else "good" if roll > 1 - good else "mixed"


def _plan_entries(count: int, rng: random.Random, ids: _Ids) -> list[_Entry]:
    entries = _schedule(count, rng)
    open_plan: dict[str, int] = {}  # theme key -> latest entry whose plan is still untried
    for index, entry in enumerate(entries):
        entry.id = ids()
        entry.private = index > 0 and rng.random() < PRIVATE_SHARE
        if not entry.private:
            earlier = open_plan.get(entry.theme.key)
            if (
                earlier is not None
                and (entry.at - entries[earlier].at).days <= FOLLOW_UP_DAYS
                and rng.random() < FOLLOW_UP_CHANCE
            ):
                entry.follows = earlier
                del open_plan[entry.theme.key]
        entry.quality = _quality(rng, entry)
        if not entry.private and entry.quality != "good":
            open_plan[entry.theme.key] = index
    return entries


def _review_weight(entry: _Entry, number: int) -> float:
    by_quality = {"bad": 3.0, "mixed": 2.0, "good": 1.0 + 3.0 * number / PLANNED_SESSIONS}
    by_focus = {"dispute": 1.5, "transition": 1.0, None: 0.4}
    return by_quality[entry.quality] * by_focus[entry.theme.focus]


def _review(entries: list[_Entry], rng: random.Random) -> list[list[int]]:
    """Which interactions each session looks at: one to three from the week before it,
    more often the hard ones early on, good examples too later."""
    days = [e.at.date() for e in entries]
    reviewed: list[list[int]] = []
    previous = COURSE_START
    for number, held_on in enumerate(SESSION_DATES):
        end = bisect_left(days, held_on)
        start = bisect_left(days, previous)
        pool = [i for i in range(start, end) if not entries[i].private]
        if not pool:  # a thin demo: fall back on the latest ones not yet looked at
            unseen = [
                i for i in range(end) if not entries[i].private and entries[i].session is None
            ]
            pool = unseen[-6:]
        chosen: list[int] = []
        for _ in range(min(len(pool), rng.choice((1, 2, 2, 3)))):
            weights = [_review_weight(entries[i], number) for i in pool]
            chosen.append(pool.pop(rng.choices(range(len(pool)), weights)[0]))
        for index in chosen:
            entry = entries[index]
            entry.session = number
            entry.rehearsed = rng.random() < (0.15 if entry.quality == "good" else 0.7)
        reviewed.append(sorted(chosen))
        previous = held_on
    return reviewed


# --- the words -----------------------------------------------------------------------


def _options(options: Sequence[str | Line], channel: str) -> list[Line]:
    lines = [Line(o) if isinstance(o, str) else o for o in options]
    fitting = [line for line in lines if line.channel in (None, channel)]
    return fitting or lines


class _Writer:
    def __init__(self, rng: random.Random, people: dict[str, str], focuses: dict[str, str]):
        self.rng = rng
        self.picker = _Picker(rng)
        self.people = people  # person key -> id
        self.focuses = focuses  # area -> id
        self.names = {p.key: p.name for p in texts.PEOPLE}
        self.used_said: set[str] = set()  # only ever asked "is it in?", never iterated

    def _pick(self, theme: Theme, field: str, channel: str, options: Sequence[str | Line]) -> Line:
        return self.picker.pick((theme.key, field, channel), _options(options, channel))

    def _slots(self, theme: Theme, entry: _Entry) -> dict[str, str]:
        values = {"clock": _clock(entry.at), "part": _part_of_day(entry.at)}
        for slot in theme.slots:
            chosen = self.picker.pick((theme.key, "slot", *slot.names), slot.options)
            values.update(zip(slot.names, chosen, strict=True))
        return values

    def _said(self, entry: _Entry, channel: str, fresh: bool) -> tuple[str, Line, dict[str, str]]:
        """The words. With `fresh`, never the same as an earlier interaction's: try other
        wordings and details first, then (rarely) a neighbouring outcome."""
        theme = entry.theme
        order = [entry.quality] + [q for q in ("mixed", "bad", "good") if q != entry.quality]
        for quality in order if fresh else order[:1]:
            for _ in range(12 if fresh else 1):
                values = self._slots(theme, entry)
                line = self._pick(theme, "said:" + quality, channel, theme.said.of(quality))
                text = _sentence(line.text.format(**values))
                if not fresh or text not in self.used_said:
                    entry.quality = quality
                    self.used_said.add(text)
                    return text, line, values
        values = self._slots(theme, entry)  # every wording used up: repeat one
        line = self._pick(theme, "said:" + entry.quality, channel, theme.said.of(entry.quality))
        return _sentence(line.text.format(**values)), line, values

    def interaction(self, index: int, entries: list[_Entry]) -> r.Interaction:
        entry = entries[index]
        rng, theme = self.rng, entry.theme
        channel = rng.choices([c for c, _ in theme.channels], [w for _, w in theme.channels])[0]
        said_text, said_line, values = self._said(entry, channel, index < FRESH_SAID)
        quality = entry.quality

        def fill(field: str, options: Sequence[str | Line]) -> Line:
            line = self._pick(theme, f"{field}:{quality}", channel, options)
            return Line(_sentence(line.text.format(**values)), line.problems)

        setting = fill("setting", theme.setting).text
        if entry.follows is not None:
            earlier = entries[entry.follows]
            reviewed_before = (
                earlier.session is not None
                and earlier.rehearsed
                and SESSION_DATES[earlier.session] < entry.at.date()
            )
            tried = self._lower_first(earlier.plan)
            if reviewed_before:
                setting += f" I had the plan we rehearsed in session in mind: {tried}"
            else:
                setting += f" I had my plan from {day_words(earlier.at.date())} in mind: {tried}"
        heard = fill("heard", theme.heard.of(quality))
        # How it was heard adds a problem of its own, unless the words already showed two.
        extra = heard.problems if len(said_line.problems) < 2 else ()
        problems = list(dict.fromkeys(said_line.problems + extra))
        plan = fill("plan", theme.plan.of(quality)).text
        entry.plan = plan
        entry.summary = theme.summary.format(**values)
        person = self.names[theme.people[0]]
        tags = list(theme.tags)
        if entry.follows is not None:
            tags.append("tried the plan")
        elif quality == "bad" and entry.progress < 0.5 and rng.random() < 0.15:
            tags.append("to talk about")
        return r.Interaction(
            id=entry.id,
            occurred_at=entry.at,
            channel=channel,
            people=tuple(self.people[key] for key in theme.people),
            focus=self.focuses[theme.focus] if theme.focus else None,
            setting=setting,
            intended=fill("intended", theme.intended).text,
            said=said_text,
            other_said=(
                fill("reply:" + said_line.text, said_line.replies)
                if said_line.replies
                else fill("other_said", theme.other_said.of(quality))
            ).text,
            heard=heard.text,
            their_view=fill("their_view", theme.their_view).text if rng.random() < 0.85 else "",
            emotions=self._emotions(theme, quality),
            outcome=fill("outcome", theme.outcome.of(quality)).text,
            understood=self._understood(quality),
            satisfaction=rng.choice(
                {
                    "bad": (0, 1, 1, 2, 2, 3, 3),
                    "mixed": (3, 4, 4, 5, 5, 6),
                    "good": (6, 7, 7, 8, 8, 9, 10),
                }[quality]
            ),
            problems=tuple(problems),
            alternative=fill("alternative", theme.alternative.of(quality)).text,
            plan=plan,
            rehearsed=entry.rehearsed,
            follow_up_of=entries[entry.follows].id if entry.follows is not None else None,
            therapist_note=self._note(entry, problems, person),
            private=entry.private,
            tags=tuple(dict.fromkeys(tags)),
        )

    def _lower_first(self, text: str) -> str:
        """A sentence continued after a colon: 'Ask Alex…' becomes 'ask Alex…', but 'I…'
        and names keep their capital."""
        first = text.split(" ", 1)[0].rstrip(",.:;")
        if first == "I" or first.startswith("I'") or first in self.names.values():
            return text
        return text[:1].lower() + text[1:]

    def _emotions(self, theme: Theme, quality: str) -> tuple[r.EmotionRating, ...]:
        rng = self.rng
        palette = theme.feelings.of(quality)
        count = {"bad": (2, 2, 3), "mixed": (1, 2), "good": (1, 1, 2)}[quality]
        names = rng.sample(palette, min(len(palette), rng.choice(count)))
        ratings = []
        for position, name in enumerate(names):
            low, high = {
                "bad": (60, 95) if position == 0 else (35, 75),
                "mixed": (30, 65),
                "good": (40, 85),
            }[quality]
            ratings.append(r.EmotionRating(name, rng.randrange(low, high + 1, 5)))
        if quality == "good" and rng.random() < 0.3:
            leftover = [e for e in theme.feelings.mixed if e not in names]
            if leftover:
                ratings.append(r.EmotionRating(rng.choice(leftover), rng.randrange(10, 31, 5)))
        return tuple(ratings)

    def _understood(self, quality: str) -> str:
        choices, weights = {
            "bad": (("no", "unsure", "partly"), (5, 3, 2)),
            "mixed": (("partly", "unsure", "yes", "no"), (11, 3, 3, 3)),
            "good": (("yes", "partly"), (8, 2)),
        }[quality]
        return self.rng.choices(choices, weights)[0]

    def _note(self, entry: _Entry, problems: list[str], person: str) -> str:
        """The therapist annotates only what was looked at in a session."""
        if entry.session is None or self.rng.random() > 0.85:
            return ""
        if problems:
            note = self.picker.pick(("note", problems[0]), texts.THERAPIST_NOTES[problems[0]])
        else:
            note = self.picker.pick(("note", "good"), texts.GOOD_NOTES)
        note = note.format(name=person)
        return f"{note} {texts.REHEARSED_NOTE}" if entry.rehearsed else note


# --- questionnaires and moods --------------------------------------------------------

_PHQ9_WEIGHTS = (1.1, 1.3, 1.4, 1.5, 0.8, 1.1, 1.0, 0.3)  # items 1-8; item 9 set apart
_GAD7_WEIGHTS = (1.3, 1.1, 1.3, 1.1, 0.6, 1.2, 0.8)


def _spread(rng: random.Random, total: int, weights: Sequence[float]) -> list[int]:
    """Answers 0-3 adding up to `total`, heavier where a real profile usually is."""
    items = [0] * len(weights)
    for _ in range(min(total, 3 * len(weights))):
        room = [i for i, value in enumerate(items) if value < 3]
        items[rng.choices(room, [weights[i] for i in room])[0]] += 1
    return items


def _questionnaires(rng: random.Random, ids: _Ids) -> tuple[tuple[r.Phq9, ...], tuple[r.Gad7, ...]]:
    """Weekly, before each session: PHQ-9 from 17 (moderately severe) to mild, GAD-7 from
    13 to minimal-mild, with noise and the setback before session 8. Item 9 is answered
    'several days' once, in week 2, and never again."""
    last = PLANNED_SESSIONS - 1
    phq9, gad7 = [], []
    for week, taken_on in enumerate(SESSION_DATES):
        setback = 2 if week == 7 else 0
        total = round(17 - 11 * week / last) + rng.choice((-1, 0, 0, 1)) + setback
        total = 17 if week == 0 else min(total, 6) if week == last else max(total, 3)
        item9 = 1 if week == 1 else 0
        items = (*_spread(rng, total - item9, _PHQ9_WEIGHTS), item9)
        difficulty = (
            2 if week < 5 else 1 if week < 12 else 0 if week == last else rng.choice((0, 1))
        )
        phq9.append(r.Phq9(taken_on, items, difficulty, id=ids()))
        anxious = round(13 - 9 * week / last) + rng.choice((-1, 0, 0, 1)) + setback
        anxious = 13 if week == 0 else min(anxious, 4) if week == last else max(anxious, 2)
        gad7.append(r.Gad7(taken_on, tuple(_spread(rng, anxious, _GAD7_WEIGHTS)), id=ids()))
    return tuple(phq9), tuple(gad7)


def _moods(rng: random.Random, ids: _Ids, entries: list[_Entry]) -> tuple[r.Mood, ...]:
    """Most days, a 0-10 rating drifting from about 3 to about 7, a little lower on a day
    with a bad interaction and higher on a day with a good one."""
    bad_days: dict[date, int] = {}
    good_days: dict[date, int] = {}
    for entry in entries:
        day = entry.at.date()
        if entry.quality == "bad":
            bad_days[day] = bad_days.get(day, 0) + 1
        elif entry.quality == "good":
            good_days[day] = good_days.get(day, 0) + 1
    moods = []
    for offset in range(_DAYS + 1):
        on = COURSE_START + timedelta(days=offset)
        skipped = rng.random() < 0.15
        if skipped and 0 < offset < _DAYS:
            continue
        progress = offset / _DAYS
        value = 3.0 + 4.2 * progress + rng.gauss(0, 0.9)
        value += 0.8 * ((good_days.get(on, 0) > 0) - (bad_days.get(on, 0) > 0))
        if 0.38 < progress < 0.47:
            value -= 1.0
        note = texts.SPECIAL_MOOD_NOTES.get(on.isoformat(), "")
        if not note and rng.random() < 0.12:
            note = rng.choice(texts.MOOD_NOTES)
        moods.append(r.Mood(on, max(1, min(10, round(value))), note, id=ids()))
    return tuple(moods)


# --- the whole workbook --------------------------------------------------------------


def build_demo(interactions: int = 120, seed: int = 1) -> r.Contents:
    """A whole, valid workbook for the fictional client Sam Rivera: the same arguments
    always give the same records, ids included."""
    if isinstance(interactions, bool) or not isinstance(interactions, int) or interactions < 0:
        raise ValueError(f"interactions must be a whole number, 0 or more, not {interactions!r}")
    ids = _Ids(seed)
    rng = random.Random(seed)

    people = tuple(
        r.Person(
            id=ids(),
            name=p.name,
            relationship=p.relationship,
            closeness=p.closeness,
            support=p.support,
            conflict=p.conflict,
            expectations=p.expectations,
            expectations_met=p.expectations_met,
            notes=p.notes,
        )
        for p in texts.PEOPLE
    )
    person_ids = {p.key: person.id for p, person in zip(texts.PEOPLE, people, strict=True)}

    def focus(spec: texts.FocusText, **stage: Any) -> r.Focus:
        return r.Focus(
            id=ids(),
            area=spec.area,
            description=spec.description,
            people=tuple(person_ids[key] for key in spec.people),
            details=spec.details,
            goals=tuple(r.Goal(text, status, id=ids()) for text, status in spec.goals),
            **stage,
        )

    dispute = focus(
        texts.DISPUTE,
        stage=texts.STAGE_HISTORY[-1][0],
        stage_history=tuple(
            r.StageChange(stage, date.fromisoformat(on)) for stage, on in texts.STAGE_HISTORY
        ),
    )
    transition = focus(texts.TRANSITION)
    events = tuple(
        r.LifeEvent(
            id=ids(),
            on=date.fromisoformat(on),
            kind=kind,
            people=tuple(person_ids[k] for k in who),
            note=note,
            approximate=approximate,
        )
        for on, approximate, kind, who, note in texts.EVENTS
    )

    entries = _plan_entries(interactions, rng, ids)
    reviewed = _review(entries, rng)
    writer = _Writer(rng, person_ids, {"dispute": dispute.id, "transition": transition.id})
    records = tuple(writer.interaction(index, entries) for index in range(len(entries)))

    sessions = []
    for number, (held_on, spec, looked_at) in enumerate(
        zip(SESSION_DATES, texts.SESSIONS, reviewed, strict=True), start=1
    ):
        phase, notes, homework, client, therapist = spec
        if looked_at:
            notes += (
                "\n\nLooked at together: "
                + "; ".join(
                    f"{entries[i].summary} ({day_words(entries[i].at.date())})" for i in looked_at
                )
                + "."
            )
        sessions.append(
            r.TherapySession(
                id=ids(),
                number=number,
                held_on=held_on,
                phase=phase,
                notes=notes,
                homework=homework,
                interactions=tuple(entries[i].id for i in looked_at),
                client_rating=client,
                therapist_rating=therapist,
            )
        )
    now = [
        r.Placement(person.name, person.closeness, person.support, person.conflict, person.id)
        for person in people
    ]
    first = [
        replace(
            p,
            **dict(zip(("closeness", "support", "conflict"), texts.FIRST_CIRCLE[key], strict=True)),
        )
        if key in texts.FIRST_CIRCLE
        else p
        for key, p in zip((t.key for t in texts.PEOPLE), now, strict=True)
    ]
    sessions[0] = replace(sessions[0], circle=tuple(first))
    sessions[-1] = replace(sessions[-1], circle=tuple(now))
    diagnosis, focus_text, link, agreed_on = texts.FORMULATION
    gains, warning_signs, action_plan, written_on = texts.TERMINATION
    phq9, gad7 = _questionnaires(rng, ids)
    key, label, explanation = texts.OWN_PROBLEM
    return r.Contents(
        meta=r.WorkbookMeta(
            title=texts.TITLE,
            owner=texts.OWNER,
            therapist=texts.THERAPIST,
            started_on=COURSE_START,
            planned_sessions=PLANNED_SESSIONS,
        ),
        people=people,
        focuses=(dispute, transition),
        interactions=records,
        events=events,
        sessions=tuple(sessions),
        phq9=phq9,
        gad7=gad7,
        moods=_moods(rng, ids, entries),
        vocabulary=r.Vocabulary(
            emotions=(texts.OWN_EMOTION,),
            problems=(r.ProblemKind(key, label, explanation),),
        ),
        formulation=r.Formulation(
            diagnosis, focus_text, link, PLANNED_SESSIONS, date.fromisoformat(agreed_on)
        ),
        termination=r.Termination(
            gains, warning_signs, action_plan, date.fromisoformat(written_on)
        ),
    )
