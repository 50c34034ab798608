"""Writing records inside a transaction the caller owns.

Every function takes many records and writes them with a few executemany statements, so
that adding one interaction from the app and importing 10,000 from a file go through the
same code. `mode` says what may happen to the ids: "insert" (all new), "update" (all
known) or "upsert" (import: new ones added, known ones replaced).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any, Literal

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from iptwork.store import models as m
from iptwork.store import records as r
from iptwork.store.errors import RecordNotFound
from iptwork.store.models import utc_now

Mode = Literal["insert", "update", "upsert"]
CHUNK = 500  # stays below SQLite's limit on bound parameters in IN (...)


def chunks(values: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def existing_ids(connection: Connection, table: Table, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in chunks(ids):
        found.update(connection.scalars(select(table.c.id).where(table.c.id.in_(part))))
    return found


def _put(
    connection: Connection, model: type[m.Base], rows: list[dict[str, Any]], mode: Mode, kind: str
) -> None:
    if not rows:
        return
    table: Table = model.__table__  # type: ignore[assignment]
    now = utc_now()
    if mode == "update":
        ids = [row["id"] for row in rows]
        missing = set(ids) - existing_ids(connection, table, ids)
        if missing:
            raise RecordNotFound(kind, sorted(missing)[0])
        for row in rows:
            connection.execute(
                update(table).where(table.c.id == row["id"]).values(**row, updated_at=now)
            )
        return
    for row in rows:
        row.setdefault("created_at", now)
        row["updated_at"] = now
    if mode == "insert":
        connection.execute(insert(table), rows)
        return
    statement = sqlite_insert(table)
    columns = [c for c in rows[0] if c not in ("id", "created_at")]
    statement = statement.on_conflict_do_update(
        index_elements=["id"], set_={c: statement.excluded[c] for c in columns}
    )
    connection.execute(statement, rows)


def _replace_links(
    connection: Connection,
    table: Table,
    owner_column: str,
    owners: Sequence[str],
    rows: list[dict[str, Any]],
    fresh: bool,
) -> None:
    """Replace the child rows of `owners` by `rows` (skip the delete for new owners)."""
    if not fresh:
        for part in chunks(owners):
            connection.execute(delete(table).where(table.c[owner_column].in_(part)))
    if rows:
        connection.execute(insert(table), rows)


def put_meta(connection: Connection, meta: r.WorkbookMeta) -> None:
    connection.execute(
        update(m.WorkbookInfo)
        .where(m.WorkbookInfo.id == 1)
        .values(
            title=meta.title,
            owner=meta.owner,
            therapist=meta.therapist,
            started_on=meta.started_on,
            planned_sessions=meta.planned_sessions,
            updated_at=utc_now(),
        )
    )


def put_people(connection: Connection, people: Sequence[r.Person], mode: Mode) -> None:
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "relationship": p.relationship,
            "closeness": p.closeness,
            "support": p.support,
            "conflict": p.conflict,
            "expectations": p.expectations,
            "expectations_met": p.expectations_met,
            "notes": p.notes,
        }
        for p in people
    ]
    _put(connection, m.Person, rows, mode, "person")


def put_focuses(connection: Connection, focuses: Sequence[r.Focus], mode: Mode) -> None:
    rows = [
        {
            "id": f.id,
            "area": f.area,
            "description": f.description,
            "stage": f.stage,
            "details": json.dumps(dict(f.details), ensure_ascii=False, sort_keys=True),
        }
        for f in focuses
    ]
    _put(connection, m.Focus, rows, mode, "focus")
    ids = [f.id for f in focuses]
    fresh = mode == "insert"
    _replace_links(
        connection,
        m.focus_person,
        "focus_id",
        ids,
        [{"focus_id": f.id, "person_id": p} for f in focuses for p in f.people],
        fresh,
    )
    _replace_links(
        connection,
        m.Goal.__table__,  # type: ignore[arg-type]
        "focus_id",
        ids,
        [
            {"id": g.id, "focus_id": f.id, "position": i, "text": g.text, "status": g.status}
            for f in focuses
            for i, g in enumerate(f.goals)
        ],
        fresh,
    )
    history = [
        {"focus_id": f.id, "stage": c.stage, "changed_on": c.changed_on}
        for f in focuses
        for c in f.stage_history
    ]
    _replace_links(connection, m.StageChange.__table__, "focus_id", ids, history, fresh)  # type: ignore[arg-type]


def _interaction_row(i: r.Interaction) -> dict[str, Any]:
    return {
        "id": i.id,
        "occurred_at": i.occurred_at,
        "channel": i.channel,
        "focus_id": i.focus,
        "setting": i.setting,
        "intended": i.intended,
        "said": i.said,
        "other_said": i.other_said,
        "heard": i.heard,
        "their_view": i.their_view,
        "outcome": i.outcome,
        "understood": i.understood,
        "satisfaction": i.satisfaction,
        "alternative": i.alternative,
        "plan": i.plan,
        "rehearsed": i.rehearsed,
        "follow_up_of": i.follow_up_of,
        "therapist_note": i.therapist_note,
        "private": i.private,
    }


def put_interactions(
    connection: Connection, interactions: Sequence[r.Interaction], mode: Mode
) -> None:
    # Follow-ups may point at interactions later in the same batch: foreign keys are
    # checked at commit (Workbook.write defers them).
    _put(
        connection, m.Interaction, [_interaction_row(i) for i in interactions], mode, "interaction"
    )
    ids = [i.id for i in interactions]
    fresh = mode == "insert"
    _replace_links(
        connection,
        m.interaction_person,
        "interaction_id",
        ids,
        [
            {"interaction_id": i.id, "person_id": p, "position": n}
            for i in interactions
            for n, p in enumerate(i.people)
        ],
        fresh,
    )
    _replace_links(
        connection,
        m.interaction_emotion,
        "interaction_id",
        ids,
        [
            {"interaction_id": i.id, "emotion": e.name, "intensity": e.intensity, "position": n}
            for i in interactions
            for n, e in enumerate(i.emotions)
        ],
        fresh,
    )
    _replace_links(
        connection,
        m.interaction_problem,
        "interaction_id",
        ids,
        [
            {"interaction_id": i.id, "problem": p, "position": n}
            for i in interactions
            for n, p in enumerate(i.problems)
        ],
        fresh,
    )
    _replace_links(
        connection,
        m.interaction_tag,
        "interaction_id",
        ids,
        [
            {"interaction_id": i.id, "tag": t, "position": n}
            for i in interactions
            for n, t in enumerate(i.tags)
        ],
        fresh,
    )


def put_events(connection: Connection, events: Sequence[r.LifeEvent], mode: Mode) -> None:
    rows = [
        {
            "id": e.id,
            "happened_on": e.on,
            "approximate": e.approximate,
            "kind": e.kind,
            "note": e.note,
        }
        for e in events
    ]
    _put(connection, m.LifeEvent, rows, mode, "event")
    _replace_links(
        connection,
        m.event_person,
        "event_id",
        [e.id for e in events],
        [{"event_id": e.id, "person_id": p} for e in events for p in e.people],
        mode == "insert",
    )


def put_sessions(connection: Connection, sessions: Sequence[r.TherapySession], mode: Mode) -> None:
    rows = [
        {
            "id": s.id,
            "number": s.number,
            "held_on": s.held_on,
            "phase": s.phase,
            "notes": s.notes,
            "homework": s.homework,
            "client_rating": s.client_rating,
            "therapist_rating": s.therapist_rating,
        }
        for s in sessions
    ]
    _put(connection, m.TherapySession, rows, mode, "session")
    ids = [s.id for s in sessions]
    fresh = mode == "insert"
    _replace_links(
        connection,
        m.session_interaction,
        "session_id",
        ids,
        [
            {"session_id": s.id, "interaction_id": i, "position": n}
            for s in sessions
            for n, i in enumerate(s.interactions)
        ],
        fresh,
    )
    _replace_links(
        connection,
        m.circle_placement,
        "session_id",
        ids,
        [
            {
                "session_id": s.id,
                "position": n,
                "person_id": p.person,
                "name": p.name,
                "closeness": p.closeness,
                "support": p.support,
                "conflict": p.conflict,
            }
            for s in sessions
            for n, p in enumerate(s.circle)
        ],
        fresh,
    )


def put_formulation(connection: Connection, sheet: r.Formulation) -> None:
    connection.execute(
        update(m.FormulationSheet)
        .where(m.FormulationSheet.id == 1)
        .values(**asdict(sheet), updated_at=utc_now())
    )


def put_termination(connection: Connection, sheet: r.Termination) -> None:
    connection.execute(
        update(m.TerminationSheet)
        .where(m.TerminationSheet.id == 1)
        .values(**asdict(sheet), updated_at=utc_now())
    )


def put_phq9(connection: Connection, answers: Sequence[r.Phq9], mode: Mode) -> None:
    rows = [
        {"id": a.id, "taken_on": a.taken_on, "difficulty": a.difficulty}
        | {f"item{n}": v for n, v in enumerate(a.items, start=1)}
        for a in answers
    ]
    _put(connection, m.Phq9, rows, mode, "PHQ-9")


def put_gad7(connection: Connection, answers: Sequence[r.Gad7], mode: Mode) -> None:
    rows = [
        {"id": a.id, "taken_on": a.taken_on}
        | {f"item{n}": v for n, v in enumerate(a.items, start=1)}
        for a in answers
    ]
    _put(connection, m.Gad7, rows, mode, "GAD-7")


def put_moods(connection: Connection, moods: Sequence[r.Mood], mode: Mode) -> None:
    rows = [{"id": x.id, "rated_on": x.on, "rating": x.rating, "note": x.note} for x in moods]
    _put(connection, m.Mood, rows, mode, "mood")


def put_vocabulary(connection: Connection, vocabulary: r.Vocabulary) -> None:
    """Add the user's own words; words already known are left as they are."""
    if vocabulary.emotions:
        connection.execute(
            sqlite_insert(m.EmotionWord).on_conflict_do_nothing(),
            [{"name": e, "builtin": False} for e in vocabulary.emotions],
        )
    if vocabulary.problems:
        statement = sqlite_insert(m.ProblemKind)
        statement = statement.on_conflict_do_update(
            index_elements=["key"],
            set_={"label": statement.excluded.label, "explanation": statement.excluded.explanation},
            where=m.ProblemKind.builtin.is_(False),
        )
        connection.execute(
            statement,
            [
                {"key": p.key, "label": p.label, "explanation": p.explanation, "builtin": False}
                for p in vocabulary.problems
            ],
        )


def put_contents(connection: Connection, contents: r.Contents, mode: Mode = "upsert") -> None:
    """Write a whole set of records in dependency order (the caller has validated them)."""
    put_vocabulary(connection, contents.vocabulary)
    put_people(connection, contents.people, mode)
    put_focuses(connection, contents.focuses, mode)
    put_interactions(connection, contents.interactions, mode)
    put_events(connection, contents.events, mode)
    put_sessions(connection, contents.sessions, mode)
    put_phq9(connection, contents.phq9, mode)
    put_gad7(connection, contents.gad7, mode)
    put_moods(connection, contents.moods, mode)
