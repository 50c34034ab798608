"""Reading records inside a transaction the caller owns, as frozen `records`.

Child rows (people, emotions, problems, tags, goals…) are fetched in one query per kind for
a whole batch of parents, never one query per row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    Table,
    and_,
    exists,
    false,
    func,
    literal_column,
    select,
    text,
)

from iptwork import domain
from iptwork.store import models as m
from iptwork.store import records as r
from iptwork.store import search
from iptwork.store.write import chunks


def meta(connection: Connection) -> r.WorkbookMeta:
    row = connection.execute(select(m.WorkbookInfo).where(m.WorkbookInfo.id == 1)).one()
    return r.WorkbookMeta(
        title=row.title,
        owner=row.owner,
        therapist=row.therapist,
        started_on=row.started_on,
        planned_sessions=row.planned_sessions,
    )


#: Beyond this many ids, reading the whole table once beats a thousand IN (...) queries.
WHOLE_TABLE_AT = 5_000


def _rows_for(
    connection: Connection, query: Select[Any], column: Any, ids: Sequence[str]
) -> list[Any]:
    """The rows of `query` whose `column` is one of `ids` (in the query's order)."""
    if len(ids) > WHOLE_TABLE_AT:
        wanted = set(ids)
        return [row for row in connection.execute(query).all() if row[0] in wanted]
    found: list[Any] = []
    for part in chunks(list(ids)):
        found.extend(connection.execute(query.where(column.in_(part))).all())
    return found


def _children(
    connection: Connection, table: Table, owner: str, owners: Sequence[str], *columns: str
) -> dict[str, list[Any]]:
    """owner id -> child rows (as tuples of `columns`, or single values), in stored order."""
    found: dict[str, list[Any]] = defaultdict(list)
    order = [table.c.position] if "position" in table.c else []
    query = select(table.c[owner], *(table.c[c] for c in columns)).order_by(table.c[owner], *order)
    single = len(columns) == 1
    for row in _rows_for(connection, query, table.c[owner], owners):
        found[row[0]].append(row[1] if single else tuple(row[1:]))
    return found


def people(connection: Connection, ids: Sequence[str] | None = None) -> list[r.Person]:
    query = select(m.Person).order_by(m.Person.name)
    if ids is not None:
        query = query.where(m.Person.id.in_(ids))
    return [
        r.Person(
            id=p.id,
            name=p.name,
            relationship=p.relationship,
            closeness=p.closeness,
            support=p.support,
            conflict=p.conflict,
            expectations=p.expectations,
            expectations_met=p.expectations_met,
            notes=p.notes,
        )
        for p in connection.execute(query)
    ]


def focuses(connection: Connection, ids: Sequence[str] | None = None) -> list[r.Focus]:
    query = select(m.Focus).order_by(m.Focus.created_at, m.Focus.id)
    if ids is not None:
        query = query.where(m.Focus.id.in_(ids))
    rows = list(connection.execute(query))
    owners = [f.id for f in rows]
    links = _children(connection, m.focus_person, "focus_id", owners, "person_id")
    goal_table: Table = m.Goal.__table__  # type: ignore[assignment]
    goals = _children(connection, goal_table, "focus_id", owners, "id", "text", "status")
    stage_table: Table = m.StageChange.__table__  # type: ignore[assignment]
    history: dict[str, list[r.StageChange]] = defaultdict(list)
    for part in chunks(owners):
        query_history = (
            select(stage_table.c.focus_id, m.StageChange.stage, m.StageChange.changed_on)
            .where(stage_table.c.focus_id.in_(part))
            .order_by(m.StageChange.changed_on)
        )
        for focus_id, stage, changed_on in connection.execute(query_history):
            history[focus_id].append(r.StageChange(stage, changed_on))
    return [
        r.Focus(
            id=f.id,
            area=f.area,
            description=f.description,
            stage=f.stage,
            people=tuple(links[f.id]),
            details=json.loads(f.details),
            goals=tuple(r.Goal(id=g[0], text=g[1], status=g[2]) for g in goals[f.id]),
            stage_history=tuple(history[f.id]),
        )
        for f in rows
    ]


def filtered(query: Select[Any], where: r.InteractionFilter) -> Select[Any]:
    table = m.Interaction
    day = func.substr(table.occurred_at, 1, 10)
    if where.date_from is not None:
        query = query.where(day >= where.date_from.isoformat())
    if where.date_to is not None:
        query = query.where(day <= where.date_to.isoformat())
    if where.people:
        link = m.interaction_person
        query = query.where(
            exists().where(
                and_(link.c.interaction_id == table.id, link.c.person_id.in_(where.people))
            )
        )
    if where.focus is not None:
        query = query.where(table.focus_id == where.focus)
    if where.problem is not None:
        link = m.interaction_problem
        query = query.where(
            exists().where(and_(link.c.interaction_id == table.id, link.c.problem == where.problem))
        )
    if not where.include_private:
        query = query.where(table.private.is_(False))
    match = search.match_expression(where.text)
    if match is None and where.text.strip():
        query = query.where(false())  # only punctuation: nothing can match it
    elif match is not None:
        matching = text(search.matching_rowids_sql()).bindparams(match=match)
        query = query.where(literal_column("interaction.rowid").in_(matching))
    return query


def interaction_ids(
    connection: Connection,
    where: r.InteractionFilter = r.InteractionFilter(),
    *,
    newest_first: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[str]:
    """Ids of the interactions that match, in time order."""
    order = (
        (m.Interaction.occurred_at.desc(), m.Interaction.id.desc())
        if newest_first
        else (
            m.Interaction.occurred_at,
            m.Interaction.id,
        )
    )
    query = filtered(select(m.Interaction.id), where).order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(connection.scalars(query))


def count_interactions(
    connection: Connection, where: r.InteractionFilter = r.InteractionFilter()
) -> int:
    return int(connection.scalar(filtered(select(func.count(m.Interaction.id)), where)) or 0)


def interactions(connection: Connection, ids: Sequence[str]) -> list[r.Interaction]:
    """The interactions with these ids, in the order of `ids`."""
    table: Table = m.Interaction.__table__  # type: ignore[assignment]
    rows = {row.id: row._mapping for row in _rows_for(connection, select(table), table.c.id, ids)}
    present = [i for i in ids if i in rows]
    people_of = _children(connection, m.interaction_person, "interaction_id", present, "person_id")
    emotions_of = _children(
        connection, m.interaction_emotion, "interaction_id", present, "emotion", "intensity"
    )
    problems_of = _children(connection, m.interaction_problem, "interaction_id", present, "problem")
    tags_of = _children(connection, m.interaction_tag, "interaction_id", present, "tag")
    result = []
    for interaction_id in present:
        row = rows[interaction_id]
        result.append(
            r.Interaction(
                id=interaction_id,
                occurred_at=row["occurred_at"],
                channel=row["channel"],
                people=tuple(people_of[interaction_id]),
                focus=row["focus_id"],
                setting=row["setting"],
                intended=row["intended"],
                said=row["said"],
                other_said=row["other_said"],
                heard=row["heard"],
                their_view=row["their_view"],
                emotions=tuple(r.EmotionRating(n, v) for n, v in emotions_of[interaction_id]),
                outcome=row["outcome"],
                understood=row["understood"],
                satisfaction=row["satisfaction"],
                problems=tuple(problems_of[interaction_id]),
                alternative=row["alternative"],
                plan=row["plan"],
                rehearsed=bool(row["rehearsed"]),
                follow_up_of=row["follow_up_of"],
                therapist_note=row["therapist_note"],
                private=bool(row["private"]),
                tags=tuple(tags_of[interaction_id]),
            )
        )
    return result


def events(connection: Connection) -> list[r.LifeEvent]:
    rows = list(
        connection.execute(select(m.LifeEvent).order_by(m.LifeEvent.happened_on, m.LifeEvent.id))
    )
    people_of = _children(connection, m.event_person, "event_id", [e.id for e in rows], "person_id")
    return [
        r.LifeEvent(
            id=e.id,
            on=e.happened_on,
            kind=e.kind,
            people=tuple(sorted(people_of[e.id])),
            note=e.note,
            approximate=e.approximate,
        )
        for e in rows
    ]


def sessions(connection: Connection) -> list[r.TherapySession]:
    rows = list(connection.execute(select(m.TherapySession).order_by(m.TherapySession.number)))
    reviewed = _children(
        connection, m.session_interaction, "session_id", [s.id for s in rows], "interaction_id"
    )
    circles = _children(
        connection,
        m.circle_placement,
        "session_id",
        [s.id for s in rows],
        "name",
        "closeness",
        "support",
        "conflict",
        "person_id",
    )
    return [
        r.TherapySession(
            id=s.id,
            number=s.number,
            held_on=s.held_on,
            phase=s.phase,
            notes=s.notes,
            homework=s.homework,
            interactions=tuple(reviewed[s.id]),
            client_rating=s.client_rating,
            therapist_rating=s.therapist_rating,
            circle=tuple(r.Placement(*placement) for placement in circles[s.id]),
        )
        for s in rows
    ]


def phq9(connection: Connection) -> list[r.Phq9]:
    rows = connection.execute(select(m.Phq9).order_by(m.Phq9.taken_on, m.Phq9.id))
    return [
        r.Phq9(
            id=a.id,
            taken_on=a.taken_on,
            items=tuple(getattr(a, f"item{n}") for n in range(1, 10)),
            difficulty=a.difficulty,
        )
        for a in rows
    ]


def gad7(connection: Connection) -> list[r.Gad7]:
    rows = connection.execute(select(m.Gad7).order_by(m.Gad7.taken_on, m.Gad7.id))
    return [
        r.Gad7(
            id=a.id, taken_on=a.taken_on, items=tuple(getattr(a, f"item{n}") for n in range(1, 8))
        )
        for a in rows
    ]


def moods(connection: Connection) -> list[r.Mood]:
    rows = connection.execute(select(m.Mood).order_by(m.Mood.rated_on, m.Mood.id))
    return [r.Mood(id=x.id, on=x.rated_on, rating=x.rating, note=x.note) for x in rows]


def vocabulary(connection: Connection) -> r.Vocabulary:
    """The user's own words only (the built-in ones live in `domain`)."""
    emotions = connection.scalars(
        select(m.EmotionWord.name)
        .where(m.EmotionWord.builtin.is_(False))
        .order_by(m.EmotionWord.name)
    )
    problems = connection.execute(
        select(m.ProblemKind.key, m.ProblemKind.label, m.ProblemKind.explanation)
        .where(m.ProblemKind.builtin.is_(False))
        .order_by(m.ProblemKind.key)
    )
    return r.Vocabulary(
        emotions=tuple(emotions),
        problems=tuple(
            r.ProblemKind(key=k, label=label, explanation=e) for k, label, e in problems
        ),
    )


def problem_kinds(connection: Connection) -> list[r.ProblemKind]:
    """Every communication problem: the built-in ones in SPEC order, then the user's own."""
    order = {p.key: n for n, p in enumerate(domain.COMMUNICATION_PROBLEMS)}
    rows = connection.execute(
        select(
            m.ProblemKind.key, m.ProblemKind.label, m.ProblemKind.explanation, m.ProblemKind.builtin
        )
    )
    kinds = [r.ProblemKind(key=k, label=label, explanation=e, builtin=b) for k, label, e, b in rows]
    return sorted(kinds, key=lambda p: (order.get(p.key, len(order)), p.label.casefold()))


def emotion_words(connection: Connection) -> list[str]:
    """Every emotion word: the built-in ones in SPEC order, then the user's own."""
    order = {e: n for n, e in enumerate(domain.EMOTIONS)}
    words = connection.scalars(select(m.EmotionWord.name))
    return sorted(words, key=lambda e: (order.get(e, len(order)), e.casefold()))


def formulation(connection: Connection) -> r.Formulation:
    row = connection.execute(select(m.FormulationSheet).where(m.FormulationSheet.id == 1)).one()
    return r.Formulation(
        diagnosis=row.diagnosis,
        focus=row.focus,
        link=row.link,
        agreed_sessions=row.agreed_sessions,
        agreed_on=row.agreed_on,
    )


def termination(connection: Connection) -> r.Termination:
    row = connection.execute(select(m.TerminationSheet).where(m.TerminationSheet.id == 1)).one()
    return r.Termination(
        gains=row.gains,
        warning_signs=row.warning_signs,
        action_plan=row.action_plan,
        written_on=row.written_on,
    )


def contents(connection: Connection, where: r.InteractionFilter | None = None) -> r.Contents:
    """Everything in the workbook (interactions narrowed by `where`, if given)."""
    ids = interaction_ids(connection, where or r.InteractionFilter())
    return r.Contents(
        meta=meta(connection),
        people=tuple(people(connection)),
        focuses=tuple(focuses(connection)),
        interactions=tuple(interactions(connection, ids)),
        events=tuple(events(connection)),
        sessions=tuple(sessions(connection)),
        phq9=tuple(phq9(connection)),
        gad7=tuple(gad7(connection)),
        moods=tuple(moods(connection)),
        vocabulary=vocabulary(connection),
        formulation=formulation(connection),
        termination=termination(connection),
    )
