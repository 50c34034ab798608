"""Reading a decoded JSON export into records, checking every value on the way.

`parse_document` is the first of the import's two passes (see `json_format`): every record
on its own. The first problem raises `InvalidRecord`, whose `record` names the collection,
the index in the file (counting from 0) and the id — "interactions[3] (id 5f0c…)" — and
whose `field` is the JSON key, with list positions counted from 0 too:
"emotions[1].intensity", "goals[0].text", "items[8]".

What the parser accepts, beyond the letter of the format:

* keys it does not know are ignored (a newer iptwork may add fields); a missing optional
  key takes the record's default; `null` for a text is "", `null` for a list is empty;
* ids in any letter case (they are stored in lowercase);
* relationships spelled "ex-partner" or "ex partner" (`domain.RELATIONSHIP_ALIASES`);
* times as "YYYY-MM-DDTHH:MM:SS", also with a space instead of "T", without seconds, with
  a fraction of a second (dropped: the workbook keeps whole seconds) or with "Z" or an
  offset such as "+02:00" (dropped: `occurred_at` is the wall-clock time where it
  happened, so 19:30+02:00 stays 19:30);
* dates only as "YYYY-MM-DD".

It refuses: a bool where a number is expected (JSON `true` is not 1), a number with a
fraction where a whole number is expected (3.0 included), numbers written as text, values
outside a fixed vocabulary (`channel`, `understood`, …), text with NUL or broken (lone
surrogate) characters, and a file of a newer format version (`NewerExport`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NoReturn

from iptwork import domain
from iptwork.interchange.errors import NewerExport
from iptwork.store import records as r
from iptwork.store.errors import InvalidRecord

FORMAT = "iptwork-workbook"
VERSION = 1
#: IPT has 12-20 sessions, maintenance work a few dozen more; beyond this is a typo (and
#: beyond 2**63 SQLite cannot store it at all).
MAX_SESSION_NUMBER = 9_999

_UUID_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_DATETIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?"
    r"(Z|[+-][0-9]{2}(:?[0-9]{2})?)?\Z"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_KEY_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_MISSING: Any = object()


def _describe(value: object) -> str:
    """A value as a message shows it: short, with its JSON type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        shown = repr(value)
        return f"the number {shown if len(shown) <= 20 else shown[:17] + '...'}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def record_label(collection: str, index: int, record_id: str) -> str:
    """How messages name a record: "interactions[3] (id 5f0c…)"."""
    if index < 0:
        return collection
    if not record_id:
        return f"{collection}[{index}]"
    if collection.startswith("vocabulary"):
        return f"{collection}[{index}] ({record_id})"
    return f"{collection}[{index}] (id {record_id})"


class _Fields:
    """Typed access to one JSON object, failing with the record's name and the key."""

    __slots__ = ("data", "prefix", "where")

    def __init__(self, data: object, where: str, prefix: str = "") -> None:
        self.where = where
        self.prefix = prefix
        if not isinstance(data, dict):
            raise InvalidRecord(
                where,
                prefix.rstrip(".") or "(record)",
                f"must be a JSON object, not {_describe(data)}",
            )
        self.data: dict[str, Any] = data

    def error(self, key: str, problem: str) -> InvalidRecord:
        return InvalidRecord(self.where, self.prefix + key, problem)

    def _required(self, key: str) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            raise self.error(key, "is missing; it is required")
        return value

    def text(
        self,
        key: str,
        *,
        limit: int = domain.MAX_TEXT,
        required: bool = False,
        value: Any = _MISSING,
    ) -> str:
        if value is _MISSING:
            value = self._required(key) if required else self.data.get(key)
        # The common case in one test: text within the limit, nothing odd in it.
        if (
            type(value) is str
            and len(value) <= limit
            and "\x00" not in value
            and (value.isascii() or not _SURROGATE_RE.search(value))
            and (not required or (value and not value.isspace()))
        ):
            return value
        if value is None and not required:
            return ""
        return self._bad_text(key, value, limit)

    def _bad_text(self, key: str, value: object, limit: int) -> NoReturn:
        if value is None:
            raise self.error(key, "must not be empty")
        if not isinstance(value, str):
            raise self.error(key, f"must be text, not {_describe(value)}")
        if len(value) > limit:
            raise self.error(key, f"is {len(value):,} characters long; the limit is {limit:,}")
        if "\x00" in value:
            raise self.error(key, "contains a NUL character")
        if _SURROGATE_RE.search(value):
            raise self.error(key, "contains a broken character (an unpaired UTF-16 surrogate)")
        raise self.error(key, "must not be empty")

    def integer(
        self,
        key: str,
        bounds: tuple[int, int],
        *,
        default: Any = _MISSING,
        nullable: bool = False,
        value: Any = _MISSING,
    ) -> Any:
        if value is _MISSING:
            value = self._required(key) if default is _MISSING else self.data.get(key, default)
        if value is None and nullable:
            return None
        if type(value) is not int or not bounds[0] <= value <= bounds[1]:
            raise self.error(
                key,
                f"must be a whole number from {bounds[0]} to {bounds[1]}, not {_describe(value)}",
            )
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if type(value) is not bool:
            raise self.error(key, f"must be true or false, not {_describe(value)}")
        return value  # type: ignore[no-any-return]

    def choice(
        self,
        key: str,
        choices: type[StrEnum],
        *,
        default: Any = _MISSING,
        nullable: bool = False,
        aliases: Mapping[str, str] | None = None,
    ) -> Any:
        value = self._required(key) if default is _MISSING else self.data.get(key, default)
        if value is None and nullable:
            return None
        if type(value) is str:
            if value in choices._value2member_map_:
                return value
            if aliases and value.strip().lower() in aliases:
                return str(aliases[value.strip().lower()])
        allowed = ", ".join(c.value for c in choices)
        raise self.error(key, f"{_describe(value)} is not one of: {allowed}")

    def day(self, key: str, *, required: bool = True, value: Any = _MISSING) -> Any:
        if value is _MISSING:
            value = self._required(key) if required else self.data.get(key)
        if value is None and not required:
            return None
        if type(value) is str and _DATE_RE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(key, f"{_describe(value)} is not a date (YYYY-MM-DD)")

    def moment(self, key: str) -> datetime:
        value = self._required(key)
        if type(value) is str and _DATETIME_RE.match(value):
            try:
                parsed = datetime.fromisoformat(value.replace(",", "."))
            except ValueError:
                pass
            else:
                return parsed.replace(tzinfo=None, microsecond=0)
        raise self.error(key, f"{_describe(value)} is not a date and time (YYYY-MM-DDTHH:MM:SS)")

    def ident(self, key: str, *, value: Any = _MISSING, nullable: bool = False) -> Any:
        if value is _MISSING:
            value = self.data.get(key) if nullable else self._required(key)
        if value is None and nullable:
            return None
        if type(value) is str and _UUID_RE.match(value):
            return value.lower()
        raise self.error(key, f"{_describe(value)} is not an id (a UUID such as 5f0c1e2a-…)")

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if type(value) is not list:
            raise self.error(key, f"must be a list, not {_describe(value)}")
        return value

    def idents(self, key: str) -> tuple[str, ...]:
        return tuple(
            self.ident(f"{key}[{n}]", value=value) for n, value in enumerate(self.items(key))
        )

    def texts(self, key: str, limit: int) -> tuple[str, ...]:
        return tuple(
            self.text(f"{key}[{n}]", value=value, limit=limit, required=True)
            for n, value in enumerate(self.items(key))
        )


class _Ids:
    """Catches an id used twice in one collection of the file."""

    def __init__(self, collection: str) -> None:
        self.collection = collection
        self.seen: dict[str, int] = {}

    def add(self, where: str, record_id: str, index: int, field: str = "id") -> None:
        first = self.seen.setdefault(record_id, index)
        if first != index:
            raise InvalidRecord(
                where,
                field,
                f"{record_id} is used twice in the file (also at {self.collection}[{first}])",
            )


def _collection(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if type(value) is not list:
        raise InvalidRecord("file", key, f"must be a list, not {_describe(value)}")
    return value


def _start(collection: str, index: int, raw: object, ids: _Ids) -> tuple[_Fields, str]:
    """The fields of one record and its id, checked first so later messages can name it."""
    fields = _Fields(raw, record_label(collection, index, ""))
    record_id = fields.ident("id")
    fields.where = record_label(collection, index, record_id)
    ids.add(fields.where, record_id, index)
    return fields, record_id


def _meta(data: dict[str, Any]) -> r.WorkbookMeta:
    raw = data.get("workbook")
    if raw is None:
        return r.WorkbookMeta()
    f = _Fields(raw, "workbook")
    return r.WorkbookMeta(
        title=f.text("title", limit=domain.MAX_NAME),
        owner=f.text("owner", limit=domain.MAX_NAME),
        therapist=f.text("therapist", limit=domain.MAX_NAME),
        started_on=f.day("started_on", required=False),
        planned_sessions=f.integer(
            "planned_sessions", domain.PLANNED_SESSIONS_RANGE, default=None, nullable=True
        ),
    )


def _person(f: _Fields, record_id: str) -> r.Person:
    return r.Person(
        id=record_id,
        name=f.text("name", limit=domain.MAX_NAME, required=True),
        relationship=f.choice(
            "relationship",
            domain.Relationship,
            default="other",
            aliases=domain.RELATIONSHIP_ALIASES,
        ),
        closeness=f.integer("closeness", domain.CLOSENESS_RANGE, default=2),
        support=f.integer("support", domain.SUPPORT_RANGE, default=5),
        conflict=f.integer("conflict", domain.CONFLICT_RANGE, default=0),
        expectations=f.text("expectations"),
        expectations_met=f.choice(
            "expectations_met", domain.ExpectationsMet, default=None, nullable=True
        ),
        notes=f.text("notes"),
    )


def _focus(f: _Fields, record_id: str, goal_ids: _Ids) -> r.Focus:
    area = f.choice("area", domain.ProblemArea)
    stage = f.choice("stage", domain.DisputeStage, default=None, nullable=True)
    if stage is not None and area != domain.ProblemArea.DISPUTE:
        raise f.error("stage", f"only a dispute has a stage; this focus is a {area} focus")
    raw_details = f.data.get("details")
    details: dict[str, str] = {}
    if raw_details is not None:
        if type(raw_details) is not dict:
            raise f.error("details", f"must be an object, not {_describe(raw_details)}")
        allowed = domain.FOCUS_DETAILS[domain.ProblemArea(area)]
        for key, value in raw_details.items():
            name = f"details.{key}"
            if key not in allowed:
                raise f.error(name, f"is not a detail of a {area} focus ({', '.join(allowed)})")
            text = f.text(name, value=value)
            if key in domain.FOCUS_DATE_DETAILS and text:
                f.day(name, value=text)
            details[key] = text
    goals = []
    for n, raw_goal in enumerate(f.items("goals")):
        goal = _Fields(raw_goal, f.where, f"goals[{n}].")
        goal_id = goal.ident("id")
        goal_ids.add(f.where, goal_id, n, f"goals[{n}].id")
        goals.append(
            r.Goal(
                id=goal_id,
                text=goal.text("text", required=True),
                status=goal.choice("status", domain.GoalStatus, default="open"),
            )
        )
    history = []
    days: set[date] = set()
    for n, raw_change in enumerate(f.items("stage_history")):
        change = _Fields(raw_change, f.where, f"stage_history[{n}].")
        stage_then = change.choice("stage", domain.DisputeStage)
        changed_on = change.day("changed_on")
        if changed_on in days:
            raise change.error("changed_on", f"{changed_on} appears twice; one stage per day")
        days.add(changed_on)
        history.append(r.StageChange(stage_then, changed_on))
    return r.Focus(
        id=record_id,
        area=area,
        description=f.text("description"),
        stage=stage,
        people=f.idents("people"),
        details=details,
        goals=tuple(goals),
        stage_history=tuple(history),
    )


def _interaction(f: _Fields, record_id: str) -> r.Interaction:
    # Keyword arguments are evaluated in order: fields are checked in the SPEC's order.
    return r.Interaction(
        id=record_id,
        occurred_at=f.moment("occurred_at"),
        channel=f.choice("channel", domain.Channel, default="face_to_face"),
        people=f.idents("people"),
        focus=f.ident("focus", nullable=True),
        setting=f.text("setting"),
        intended=f.text("intended"),
        said=f.text("said"),
        other_said=f.text("other_said"),
        heard=f.text("heard"),
        their_view=f.text("their_view"),
        emotions=_emotions(f),
        outcome=f.text("outcome"),
        understood=f.choice("understood", domain.Understood, default=None, nullable=True),
        satisfaction=f.integer(
            "satisfaction", domain.SATISFACTION_RANGE, default=None, nullable=True
        ),
        problems=tuple(_problem_key(f, n, v) for n, v in enumerate(f.items("problems"))),
        alternative=f.text("alternative"),
        plan=f.text("plan"),
        rehearsed=f.boolean("rehearsed"),
        follow_up_of=f.ident("follow_up_of", nullable=True),
        therapist_note=f.text("therapist_note"),
        private=f.boolean("private"),
        tags=f.texts("tags", domain.MAX_LABEL),
    )


def _emotions(f: _Fields) -> tuple[r.EmotionRating, ...]:
    emotions = []
    for n, raw in enumerate(f.items("emotions")):
        emotion = _Fields(raw, f.where, f"emotions[{n}].")
        emotions.append(
            r.EmotionRating(
                emotion.text("name", limit=domain.MAX_LABEL, required=True),
                emotion.integer("intensity", domain.INTENSITY_RANGE),
            )
        )
    return tuple(emotions)


def _problem_key(f: _Fields, index: int, value: object) -> str:
    if type(value) is str and _KEY_RE.match(value):
        return value
    raise f.error(f"problems[{index}]", f"{_describe(value)} is not a communication problem key")


def _event(f: _Fields, record_id: str) -> r.LifeEvent:
    return r.LifeEvent(
        id=record_id,
        on=f.day("on"),
        kind=f.choice("kind", domain.EventKind, default="other"),
        people=f.idents("people"),
        note=f.text("note"),
        approximate=f.boolean("approximate"),
    )


def _session(f: _Fields, record_id: str) -> r.TherapySession:
    return r.TherapySession(
        id=record_id,
        number=f.integer("number", (1, MAX_SESSION_NUMBER)),
        held_on=f.day("held_on"),
        phase=f.choice("phase", domain.Phase, default="initial"),
        notes=f.text("notes"),
        homework=f.text("homework"),
        interactions=f.idents("interactions"),
        client_rating=f.integer(
            "client_rating", domain.SESSION_RATING_RANGE, default=None, nullable=True
        ),
        therapist_rating=f.integer(
            "therapist_rating", domain.SESSION_RATING_RANGE, default=None, nullable=True
        ),
        circle=tuple(_placement(f, n, raw) for n, raw in enumerate(f.items("circle"))),
    )


def _placement(session: _Fields, index: int, raw: object) -> r.Placement:
    f = _Fields(raw, session.where, f"{session.prefix}circle[{index}].")
    return r.Placement(
        name=f.text("name", limit=domain.MAX_NAME, required=True),
        closeness=f.integer("closeness", domain.CLOSENESS_RANGE),
        support=f.integer("support", domain.SUPPORT_RANGE, default=5),
        conflict=f.integer("conflict", domain.CONFLICT_RANGE, default=0),
        person=f.ident("person", nullable=True),
    )


def _formulation(data: dict[str, Any]) -> r.Formulation:
    raw = data.get("formulation")
    if raw is None:
        return r.Formulation()
    f = _Fields(raw, "formulation")
    return r.Formulation(
        diagnosis=f.text("diagnosis"),
        focus=f.text("focus"),
        link=f.text("link"),
        agreed_sessions=f.integer(
            "agreed_sessions", domain.PLANNED_SESSIONS_RANGE, default=None, nullable=True
        ),
        agreed_on=f.day("agreed_on", required=False),
    )


def _termination(data: dict[str, Any]) -> r.Termination:
    raw = data.get("termination")
    if raw is None:
        return r.Termination()
    f = _Fields(raw, "termination")
    return r.Termination(
        gains=f.text("gains"),
        warning_signs=f.text("warning_signs"),
        action_plan=f.text("action_plan"),
        written_on=f.day("written_on", required=False),
    )


def _answers(f: _Fields, count: int) -> tuple[int, ...]:
    raw = f._required("items")
    if type(raw) is not list:
        raise f.error("items", f"must be a list of {count} answers, not {_describe(raw)}")
    if len(raw) != count:
        raise f.error("items", f"has {len(raw)} answers; expected {count}")
    return tuple(
        f.integer(f"items[{n}]", domain.ITEM_RANGE, value=value) for n, value in enumerate(raw)
    )


def _phq9(f: _Fields, record_id: str) -> r.Phq9:
    return r.Phq9(
        id=record_id,
        taken_on=f.day("taken_on"),
        items=_answers(f, domain.PHQ9_ITEMS),
        difficulty=f.integer("difficulty", domain.ITEM_RANGE, default=None, nullable=True),
    )


def _gad7(f: _Fields, record_id: str) -> r.Gad7:
    return r.Gad7(id=record_id, taken_on=f.day("taken_on"), items=_answers(f, domain.GAD7_ITEMS))


def _mood(f: _Fields, record_id: str) -> r.Mood:
    return r.Mood(
        id=record_id,
        on=f.day("on"),
        rating=f.integer("rating", domain.MOOD_RANGE),
        note=f.text("note"),
    )


def _vocabulary(data: dict[str, Any]) -> r.Vocabulary:
    raw = data.get("vocabulary")
    if raw is None:
        return r.Vocabulary()
    f = _Fields(raw, "vocabulary")
    emotions = f.texts("emotions", domain.MAX_LABEL)
    problems = []
    keys = _Ids("vocabulary.problems")
    for n, item in enumerate(f.items("problems")):
        problem = _Fields(item, "vocabulary", f"problems[{n}].")
        key = problem._required("key")
        if type(key) is not str or not _KEY_RE.match(key) or len(key) > domain.MAX_LABEL:
            raise problem.error(
                "key",
                f"{_describe(key)} must be lowercase letters, digits and _, starting with a letter",
            )
        keys.add("vocabulary", key, n, f"problems[{n}].key")
        problems.append(
            r.ProblemKind(
                key=key,
                label=problem.text("label", limit=domain.MAX_LABEL, required=True),
                explanation=problem.text("explanation", limit=domain.MAX_NAME),
            )
        )
    return r.Vocabulary(emotions=tuple(dict.fromkeys(emotions)), problems=tuple(problems))


def parse_document(data: object) -> r.Contents:
    """Check a decoded JSON document completely and turn it into records.

    Raises `InvalidRecord` (or its subclass `NewerExport`) at the first problem. References
    between records and to the target workbook (people, focuses, follow-ups, vocabulary)
    are checked when the records are applied, by `services.apply_contents`.
    """
    if not isinstance(data, dict):
        raise InvalidRecord(
            "file",
            "(top level)",
            f"must be a JSON object (an iptwork export), not {_describe(data)}",
        )
    marker = data.get("format", _MISSING)
    if marker is _MISSING:
        raise InvalidRecord("file", "format", f'is missing; an iptwork export says "{FORMAT}"')
    if marker != FORMAT:
        raise InvalidRecord(
            "file",
            "format",
            f'is {_describe(marker)}, not "{FORMAT}": this is not an iptwork export',
        )
    version = data.get("version", _MISSING)
    if version is _MISSING:
        raise InvalidRecord("file", "version", "is missing")
    if type(version) is not int or version < 1:
        raise InvalidRecord(
            "file", "version", f"must be a whole number of 1 or more, not {_describe(version)}"
        )
    if version > VERSION:
        raise NewerExport(version, VERSION)
    exported_at = data.get("exported_at")
    if exported_at is not None and type(exported_at) is not str:
        raise InvalidRecord("file", "exported_at", f"must be text, not {_describe(exported_at)}")

    parsed: dict[str, list[Any]] = {}
    goal_ids = _Ids("goals")
    parsers: dict[str, Callable[[_Fields, str], Any]] = {
        "people": _person,
        "focuses": lambda f, i: _focus(f, i, goal_ids),
        "interactions": _interaction,
        "events": _event,
        "sessions": _session,
        "phq9": _phq9,
        "gad7": _gad7,
        "moods": _mood,
    }
    meta = _meta(data)
    for collection, parse in parsers.items():
        ids = _Ids(collection)
        records = []
        for index, raw in enumerate(_collection(data, collection)):
            fields, record_id = _start(collection, index, raw, ids)
            records.append(parse(fields, record_id))
        parsed[collection] = records
    return r.Contents(
        meta=meta,
        people=tuple(parsed["people"]),
        focuses=tuple(parsed["focuses"]),
        interactions=tuple(parsed["interactions"]),
        events=tuple(parsed["events"]),
        sessions=tuple(parsed["sessions"]),
        phq9=tuple(parsed["phq9"]),
        gad7=tuple(parsed["gad7"]),
        moods=tuple(parsed["moods"]),
        vocabulary=_vocabulary(data),
        formulation=_formulation(data),
        termination=_termination(data),
    )
