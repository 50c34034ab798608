"""The operations the app and the command line perform on a workbook.

Each function is one transaction and takes and returns frozen `records`, never ORM objects,
so a caller can hold the result as long as it likes. Records are validated first; a rule
broken gives `InvalidRecord` naming the field, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Literal, TypeVar

from sqlalchemy import Connection, Table, delete, func, select, update

from iptwork.store import models as m
from iptwork.store import read, validate, write
from iptwork.store import records as r
from iptwork.store.errors import InvalidRecord, PersonInUse, RecordNotFound
from iptwork.store.workbook import Workbook

T = TypeVar("T")

# --- what records may refer to -------------------------------------------------------


def _known(connection: Connection, interaction_ids: Sequence[str] = ()) -> validate.Known:
    known = validate.Known(
        people=set(connection.scalars(select(m.Person.id))),
        focuses=set(connection.scalars(select(m.Focus.id))),
        emotions=set(connection.scalars(select(m.EmotionWord.name))),
        problems=set(connection.scalars(select(m.ProblemKind.key))),
    )
    if interaction_ids:
        table: Table = m.Interaction.__table__  # type: ignore[assignment]
        known.interactions = write.existing_ids(connection, table, list(interaction_ids))
    return known


def _name_key(name: str) -> str:
    """Names that differ only in case or surrounding spaces are the same name."""
    return name.strip().casefold()


def _check_person_name(connection: Connection, person: r.Person, where: str) -> None:
    wanted = _name_key(person.name)
    for person_id, name in connection.execute(select(m.Person.id, m.Person.name)):
        if person_id != person.id and _name_key(name) == wanted:
            raise InvalidRecord(
                where, "name", f"there is already a person called {name}; names must differ"
            )


def _delete(wb: Workbook, model: type[m.Base], record_id: str, kind: str) -> None:
    table: Table = model.__table__  # type: ignore[assignment]
    with wb.write() as connection:
        if connection.execute(delete(table).where(table.c.id == record_id)).rowcount == 0:
            raise RecordNotFound(kind, record_id)


def _one(found: list[T], kind: str, record_id: str) -> T:
    if not found:
        raise RecordNotFound(kind, record_id)
    return found[0]


# --- workbook -------------------------------------------------------------------------


def get_meta(wb: Workbook) -> r.WorkbookMeta:
    with wb.read() as connection:
        return read.meta(connection)


def set_meta(wb: Workbook, meta: r.WorkbookMeta) -> None:
    validate.meta("workbook", meta)
    with wb.write() as connection:
        write.put_meta(connection, meta)


# --- people ----------------------------------------------------------------------------


def list_people(wb: Workbook) -> list[r.Person]:
    with wb.read() as connection:
        return read.people(connection)


def get_person(wb: Workbook, person_id: str) -> r.Person:
    with wb.read() as connection:
        return _one(read.people(connection, [person_id]), "person", person_id)


def _save_person(wb: Workbook, person: r.Person, mode: write.Mode) -> r.Person:
    where = f"person {person.name}"
    validate.person(where, person)
    with wb.write() as connection:
        _check_person_name(connection, person, where)
        write.put_people(connection, [person], mode)
    return person


def add_person(wb: Workbook, person: r.Person) -> r.Person:
    return _save_person(wb, person, "insert")


def update_person(wb: Workbook, person: r.Person) -> r.Person:
    return _save_person(wb, person, "update")


def person_usage(wb: Workbook, person_id: str) -> int:
    """How many interactions mention this person."""
    link = m.interaction_person
    with wb.read() as connection:
        return int(
            connection.scalar(select(func.count()).where(link.c.person_id == person_id)) or 0
        )


def delete_person(
    wb: Workbook, person_id: str, interactions: Literal["refuse", "detach", "delete"] = "refuse"
) -> None:
    """Delete a person. If interactions mention them, the caller decides what happens to
    those: `refuse` raises `PersonInUse` (with the count), `detach` removes the person from
    them, `delete` deletes them too. Nothing is ever deleted silently."""
    link = m.interaction_person
    with wb.write() as connection:
        name = connection.scalar(select(m.Person.name).where(m.Person.id == person_id))
        if name is None:
            raise RecordNotFound("person", person_id)
        used = list(
            connection.scalars(select(link.c.interaction_id).where(link.c.person_id == person_id))
        )
        if used and interactions == "refuse":
            raise PersonInUse(name, len(used))
        if interactions == "delete":
            for part in write.chunks(used):
                connection.execute(delete(m.Interaction).where(m.Interaction.id.in_(part)))
        else:
            connection.execute(delete(link).where(link.c.person_id == person_id))
        connection.execute(delete(m.Person).where(m.Person.id == person_id))


# --- focuses ---------------------------------------------------------------------------


def list_focuses(wb: Workbook) -> list[r.Focus]:
    with wb.read() as connection:
        return read.focuses(connection)


def get_focus(wb: Workbook, focus_id: str) -> r.Focus:
    with wb.read() as connection:
        return _one(read.focuses(connection, [focus_id]), "focus", focus_id)


def _save_focus(wb: Workbook, focus: r.Focus, mode: write.Mode, today: date | None) -> r.Focus:
    with wb.write() as connection:
        validate.focus(f"focus {focus.area}", focus, _known(connection))
        # A dispute's stage is kept with its history: a new stage is dated today.
        history = list(focus.stage_history)
        if focus.stage is not None and (not history or history[-1].stage != focus.stage):
            day = today or date.today()
            history = [c for c in history if c.changed_on != day] + [
                r.StageChange(focus.stage, day)
            ]
            focus = replace(focus, stage_history=tuple(history))
        write.put_focuses(connection, [focus], mode)
    return focus


def add_focus(wb: Workbook, focus: r.Focus, *, today: date | None = None) -> r.Focus:
    return _save_focus(wb, focus, "insert", today)


def update_focus(wb: Workbook, focus: r.Focus, *, today: date | None = None) -> r.Focus:
    return _save_focus(wb, focus, "update", today)


def delete_focus(wb: Workbook, focus_id: str) -> None:
    """Delete a focus and its goals; its interactions stay, no longer assigned to a focus."""
    _delete(wb, m.Focus, focus_id, "focus")


# --- interactions ----------------------------------------------------------------------


def list_interactions(
    wb: Workbook,
    where: r.InteractionFilter = r.InteractionFilter(),
    *,
    newest_first: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[r.Interaction]:
    with wb.read() as connection:
        ids = read.interaction_ids(
            connection, where, newest_first=newest_first, limit=limit, offset=offset
        )
        return read.interactions(connection, ids)


def count_interactions(wb: Workbook, where: r.InteractionFilter = r.InteractionFilter()) -> int:
    with wb.read() as connection:
        return read.count_interactions(connection, where)


def get_interaction(wb: Workbook, interaction_id: str) -> r.Interaction:
    with wb.read() as connection:
        return _one(read.interactions(connection, [interaction_id]), "interaction", interaction_id)


def _save_interaction(wb: Workbook, interaction: r.Interaction, mode: write.Mode) -> r.Interaction:
    with wb.write() as connection:
        refs = [interaction.follow_up_of] if interaction.follow_up_of else []
        validate.interaction(
            f"interaction of {interaction.occurred_at:%Y-%m-%d %H:%M}",
            interaction,
            _known(connection, refs),
        )
        write.put_interactions(connection, [interaction], mode)
    return interaction


def add_interaction(wb: Workbook, interaction: r.Interaction) -> r.Interaction:
    return _save_interaction(wb, interaction, "insert")


def update_interaction(wb: Workbook, interaction: r.Interaction) -> r.Interaction:
    return _save_interaction(wb, interaction, "update")


def delete_interaction(wb: Workbook, interaction_id: str) -> None:
    """Delete one interaction; follow-ups of it stay, no longer linked."""
    _delete(wb, m.Interaction, interaction_id, "interaction")


# --- events, sessions, questionnaires, moods ------------------------------------------


def list_events(wb: Workbook) -> list[r.LifeEvent]:
    with wb.read() as connection:
        return read.events(connection)


def save_event(wb: Workbook, event: r.LifeEvent) -> r.LifeEvent:
    """Add the event, or replace the one with the same id."""
    with wb.write() as connection:
        validate.event(f"event of {event.on}", event, _known(connection))
        write.put_events(connection, [event], "upsert")
    return event


def delete_event(wb: Workbook, event_id: str) -> None:
    _delete(wb, m.LifeEvent, event_id, "event")


def list_sessions(wb: Workbook) -> list[r.TherapySession]:
    with wb.read() as connection:
        return read.sessions(connection)


def save_session(wb: Workbook, session: r.TherapySession) -> r.TherapySession:
    """Add the session, or replace the one with the same id. Numbers are unique."""
    where = f"session {session.number}"
    with wb.write() as connection:
        validate.session(where, session, _known(connection, session.interactions))
        clash = connection.scalar(
            select(m.TherapySession.id).where(
                m.TherapySession.number == session.number, m.TherapySession.id != session.id
            )
        )
        if clash is not None:
            raise InvalidRecord(where, "number", f"there is already a session {session.number}")
        write.put_sessions(connection, [session], "upsert")
    return session


def delete_session(wb: Workbook, session_id: str) -> None:
    _delete(wb, m.TherapySession, session_id, "session")


def _simple(
    check: Callable[[str, T], None],
    put: Callable[[Connection, Sequence[T], write.Mode], None],
    label: Callable[[T], str],
) -> Callable[[Workbook, T], T]:
    def save(wb: Workbook, record: T) -> T:
        check(label(record), record)
        with wb.write() as connection:
            put(connection, [record], "upsert")
        return record

    return save


save_phq9 = _simple(validate.phq9, write.put_phq9, lambda a: f"PHQ-9 of {a.taken_on}")
save_gad7 = _simple(validate.gad7, write.put_gad7, lambda a: f"GAD-7 of {a.taken_on}")
save_mood = _simple(validate.mood, write.put_moods, lambda x: f"mood of {x.on}")


def list_phq9(wb: Workbook) -> list[r.Phq9]:
    with wb.read() as connection:
        return read.phq9(connection)


def list_gad7(wb: Workbook) -> list[r.Gad7]:
    with wb.read() as connection:
        return read.gad7(connection)


def list_moods(wb: Workbook) -> list[r.Mood]:
    with wb.read() as connection:
        return read.moods(connection)


def delete_phq9(wb: Workbook, record_id: str) -> None:
    _delete(wb, m.Phq9, record_id, "PHQ-9")


def delete_gad7(wb: Workbook, record_id: str) -> None:
    _delete(wb, m.Gad7, record_id, "GAD-7")


def delete_mood(wb: Workbook, record_id: str) -> None:
    _delete(wb, m.Mood, record_id, "mood")


def mark_reviewed(
    wb: Workbook, session_id: str, interaction_id: str, reviewed: bool = True
) -> None:
    """Add an interaction to (or take it off) the list reviewed in a session."""
    with wb.write() as connection:
        session = _one(
            [s for s in read.sessions(connection) if s.id == session_id], "session", session_id
        )
        table: Table = m.Interaction.__table__  # type: ignore[assignment]
        if not write.existing_ids(connection, table, [interaction_id]):
            raise RecordNotFound("interaction", interaction_id)
        listed = [i for i in session.interactions if i != interaction_id]
        if reviewed:
            listed.append(interaction_id)
        write.put_sessions(connection, [replace(session, interactions=tuple(listed))], "update")


def snapshot_circle(wb: Workbook, session_id: str) -> r.TherapySession:
    """Keep the closeness circle as it is now with a session (replacing an earlier one)."""
    with wb.write() as connection:
        session = _one(
            [s for s in read.sessions(connection) if s.id == session_id], "session", session_id
        )
        circle = tuple(
            r.Placement(p.name, p.closeness, p.support, p.conflict, p.id)
            for p in read.people(connection)
        )
        session = replace(session, circle=circle)
        write.put_sessions(connection, [session], "update")
    return session


def get_formulation(wb: Workbook) -> r.Formulation:
    with wb.read() as connection:
        return read.formulation(connection)


def set_formulation(wb: Workbook, sheet: r.Formulation) -> None:
    validate.formulation("formulation", sheet)
    with wb.write() as connection:
        write.put_formulation(connection, sheet)


def get_termination(wb: Workbook) -> r.Termination:
    with wb.read() as connection:
        return read.termination(connection)


def set_termination(wb: Workbook, sheet: r.Termination) -> None:
    validate.termination("termination", sheet)
    with wb.write() as connection:
        write.put_termination(connection, sheet)


# --- vocabulary ------------------------------------------------------------------------


def list_emotion_words(wb: Workbook) -> list[str]:
    with wb.read() as connection:
        return read.emotion_words(connection)


def list_problem_kinds(wb: Workbook) -> list[r.ProblemKind]:
    with wb.read() as connection:
        return read.problem_kinds(connection)


def add_vocabulary(wb: Workbook, vocabulary: r.Vocabulary) -> None:
    """Add the user's own emotion words and communication problems."""
    for word in vocabulary.emotions:
        validate.emotion_word("vocabulary", word)
    for problem in vocabulary.problems:
        validate.problem_kind(f"vocabulary problem {problem.key}", problem)
    with wb.write() as connection:
        write.put_vocabulary(connection, vocabulary)


def rename_problem_kind(wb: Workbook, key: str, label: str) -> None:
    """Reword a communication problem's label (its key, stored everywhere, stays)."""
    validate.check_text(f"problem {key}", "label", label, required=True)
    with wb.write() as connection:
        table = m.ProblemKind
        if (
            connection.execute(update(table).where(table.key == key).values(label=label)).rowcount
            == 0
        ):
            raise RecordNotFound("communication problem", key)


# --- whole workbooks ------------------------------------------------------------------


def read_contents(wb: Workbook, where: r.InteractionFilter | None = None) -> r.Contents:
    with wb.read() as connection:
        return read.contents(connection, where)


def check_contents(
    connection: Connection, contents: r.Contents, label: Callable[[str, int, str], str]
) -> None:
    """Validate a whole set of records against each other and the workbook.

    `label(collection, index, id)` names a record in messages; raises at the first problem.
    """
    known = _known(connection, [i.follow_up_of for i in contents.interactions if i.follow_up_of])
    for index, word in enumerate(contents.vocabulary.emotions):
        validate.emotion_word(label("vocabulary.emotions", index, word), word)
    for index, problem in enumerate(contents.vocabulary.problems):
        validate.problem_kind(label("vocabulary.problems", index, problem.key), problem)
    known.emotions.update(contents.vocabulary.emotions)
    known.problems.update(p.key for p in contents.vocabulary.problems)
    validate.meta(label("workbook", -1, ""), contents.meta)
    validate.formulation(label("formulation", -1, ""), contents.formulation)
    validate.termination(label("termination", -1, ""), contents.termination)

    names: dict[str, str] = {
        _name_key(name): pid for pid, name in connection.execute(select(m.Person.id, m.Person.name))
    }
    seen_people: set[str] = set()
    for index, person in enumerate(contents.people):
        where = label("people", index, person.id)
        validate.person(where, person)
        if person.id in seen_people:
            raise InvalidRecord(where, "id", "is used twice in the file")
        seen_people.add(person.id)
        owner = names.get(_name_key(person.name))
        if owner is not None and owner != person.id:
            raise InvalidRecord(where, "name", f"another person is already called {person.name}")
        names[_name_key(person.name)] = person.id
        known.people.add(person.id)
    known.focuses.update(f.id for f in contents.focuses)
    known.interactions.update(i.id for i in contents.interactions)
    checks: list[tuple[str, Sequence[object], Callable[[str, object], None]]] = [
        ("focuses", contents.focuses, lambda w, x: validate.focus(w, x, known)),  # type: ignore[arg-type]
        ("interactions", contents.interactions, lambda w, x: validate.interaction(w, x, known)),  # type: ignore[arg-type]
        ("events", contents.events, lambda w, x: validate.event(w, x, known)),  # type: ignore[arg-type]
        ("sessions", contents.sessions, lambda w, x: validate.session(w, x, known)),  # type: ignore[arg-type]
        ("phq9", contents.phq9, validate.phq9),  # type: ignore[list-item]
        ("gad7", contents.gad7, validate.gad7),  # type: ignore[list-item]
        ("moods", contents.moods, validate.mood),  # type: ignore[list-item]
    ]
    for collection, items, check in checks:
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = label(collection, index, item.id)  # type: ignore[attr-defined]
            check(where, item)
            if item.id in seen:  # type: ignore[attr-defined]
                raise InvalidRecord(where, "id", "is used twice in the file")
            seen.add(item.id)  # type: ignore[attr-defined]
    _check_goal_ids(connection, contents, label)
    sessions = connection.execute(select(m.TherapySession.number, m.TherapySession.id))
    numbers: dict[int, str] = {number: session_id for number, session_id in sessions}
    for index, session in enumerate(contents.sessions):
        owner = numbers.get(session.number)
        if owner is not None and owner != session.id:
            raise InvalidRecord(
                label("sessions", index, session.id),
                "number",
                f"session {session.number} exists already",
            )
        numbers[session.number] = session.id


def _check_goal_ids(
    connection: Connection, contents: r.Contents, label: Callable[[str, int, str], str]
) -> None:
    """Goal ids are unique across all focuses, in the file and in the workbook."""
    owner_of: dict[str, str] = {}
    for index, focus in enumerate(contents.focuses):
        for goal in focus.goals:
            if goal.id in owner_of:
                raise InvalidRecord(
                    label("focuses", index, focus.id), "goals", f"goal id {goal.id} is used twice"
                )
            owner_of[goal.id] = focus.id
    ids = list(owner_of)
    for part in write.chunks(ids):
        query = select(m.Goal.id, m.Goal.focus_id).where(m.Goal.id.in_(part))
        for goal_id, focus_id in connection.execute(query):
            if owner_of[goal_id] != focus_id:
                index = next(i for i, f in enumerate(contents.focuses) if f.id == owner_of[goal_id])
                raise InvalidRecord(
                    label("focuses", index, owner_of[goal_id]),
                    "goals",
                    f"goal id {goal_id} belongs to another focus in this workbook",
                )


Sheet = TypeVar("Sheet", r.Formulation, r.Termination)


def _fill_empty(current: Sheet, incoming: Sheet) -> Sheet:
    """Fields filled in the workbook stay; empty ones take the incoming value."""
    names = current.__dataclass_fields__
    return type(current)(**{n: getattr(current, n) or getattr(incoming, n) for n in names})


def _default_label(collection: str, index: int, record_id: str) -> str:
    if index < 0:
        return collection
    return f"{collection}[{index}] (id {record_id})"


def apply_contents(
    wb: Workbook,
    contents: r.Contents,
    *,
    label: Callable[[str, int, str], str] = _default_label,
    fill_meta: bool = True,
) -> None:
    """Import: validate everything, then add new records and update known ones, all in one
    transaction. With `fill_meta`, the workbook's empty title/owner/… are filled from
    `contents.meta`; filled ones are left alone."""
    with wb.write() as connection:
        check_contents(connection, contents, label)
        if fill_meta:
            current = read.meta(connection)
            incoming = contents.meta
            merged = r.WorkbookMeta(
                title=current.title or incoming.title,
                owner=current.owner or incoming.owner,
                therapist=current.therapist or incoming.therapist,
                started_on=current.started_on or incoming.started_on,
                planned_sessions=current.planned_sessions or incoming.planned_sessions,
            )
            write.put_meta(connection, merged)
            write.put_formulation(
                connection, _fill_empty(read.formulation(connection), contents.formulation)
            )
            write.put_termination(
                connection, _fill_empty(read.termination(connection), contents.termination)
            )
        write.put_contents(connection, contents, "upsert")
