"""Light, paged queries for lists that must stay fast with 100,000 interactions.

The app's interaction list holds only the ids that match a filter, in the order asked for,
and renders the rows it shows from `summaries`: one short query per page of rows. Records
here are small frozen summaries, not whole interactions; `services.get_interaction` gives
the whole of one. No Qt: the same queries serve any front end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, case, func, select

from iptwork.store import models as m
from iptwork.store import records as r
from iptwork.store.read import filtered
from iptwork.store.workbook import Workbook
from iptwork.store.write import chunks

SortKey = Literal["date", "people", "said", "satisfaction", "understood", "problems"]
SORT_KEYS: tuple[SortKey, ...] = (
    "date",
    "people",
    "said",
    "satisfaction",
    "understood",
    "problems",
)
LINE = 240  # characters of a text kept for a one-line summary
UNDERSTOOD_ORDER = {"yes": 0, "partly": 1, "unsure": 2, "no": 3}


@dataclass(frozen=True)
class InteractionRow:
    """What one line of the interaction list shows."""

    id: str
    occurred_at: datetime
    channel: str
    people: tuple[str, ...]  # names, in the interaction's order
    said: str  # the first non-empty line of what was said (or, failing that, intended)
    satisfaction: int | None
    understood: str | None
    problems: tuple[str, ...]  # keys
    focus: str | None
    private: bool
    follow_up_of: str | None


@dataclass(frozen=True)
class InteractionChoice:
    """An earlier interaction offered as the one a new interaction follows up."""

    id: str
    occurred_at: datetime
    people: tuple[str, ...]
    plan: str  # first line of its plan


def first_line(text: str, limit: int = 160) -> str:
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def _sort_expression(key: SortKey) -> ColumnElement[Any]:
    table = m.Interaction
    link = m.interaction_person
    if key == "people":
        return (
            select(func.min(m.Person.name))
            .join(link, link.c.person_id == m.Person.id)
            .where(link.c.interaction_id == table.id)
            .scalar_subquery()
        )
    if key == "said":
        return func.lower(func.ltrim(func.substr(table.said, 1, 64), " \n\t"))
    if key == "satisfaction":
        return func.coalesce(table.satisfaction, -1)
    if key == "understood":
        # From understood to not: yes, partly, unsure, no, then not answered.
        return case(UNDERSTOOD_ORDER, value=table.understood, else_=len(UNDERSTOOD_ORDER))
    if key == "problems":
        problem = m.interaction_problem
        return (
            select(func.count())
            .select_from(problem)
            .where(problem.c.interaction_id == table.id)
            .scalar_subquery()
        )
    return table.occurred_at


def interaction_ids(
    connection: Connection,
    where: r.InteractionFilter = r.InteractionFilter(),
    sort: SortKey = "date",
    descending: bool = True,
) -> list[str]:
    """Ids of every matching interaction, sorted; ties fall back to newest first."""
    table = m.Interaction
    primary = _sort_expression(sort)
    order: list[Any] = [primary.desc() if descending else primary.asc()]
    if sort != "date":
        order.append(table.occurred_at.desc())
    order.append(table.id.desc() if descending or sort != "date" else table.id.asc())
    query = filtered(select(table.id), where).order_by(*order)
    return list(connection.scalars(query))


def summaries(connection: Connection, ids: Sequence[str]) -> list[InteractionRow]:
    """The list rows of these interactions, in the order of `ids` (missing ones left out)."""
    table = m.Interaction
    found: dict[str, Any] = {}
    people: dict[str, list[str]] = defaultdict(list)
    problems: dict[str, list[str]] = defaultdict(list)
    link = m.interaction_person
    problem = m.interaction_problem
    for part in chunks(list(ids)):
        query = select(
            table.id,
            table.occurred_at,
            table.channel,
            func.substr(table.said, 1, LINE),
            func.substr(table.intended, 1, LINE),
            table.satisfaction,
            table.understood,
            table.focus_id,
            table.private,
            table.follow_up_of,
        ).where(table.id.in_(part))
        for row in connection.execute(query):
            found[row[0]] = row
        names = (
            select(link.c.interaction_id, m.Person.name)
            .join(m.Person, m.Person.id == link.c.person_id)
            .where(link.c.interaction_id.in_(part))
            .order_by(link.c.interaction_id, link.c.position)
        )
        for interaction_id, name in connection.execute(names):
            people[interaction_id].append(name)
        keys = (
            select(problem.c.interaction_id, problem.c.problem)
            .where(problem.c.interaction_id.in_(part))
            .order_by(problem.c.interaction_id, problem.c.position)
        )
        for interaction_id, key in connection.execute(keys):
            problems[interaction_id].append(key)
    result = []
    for interaction_id in ids:
        row = found.get(interaction_id)
        if row is None:
            continue
        result.append(
            InteractionRow(
                id=interaction_id,
                occurred_at=row[1],
                channel=row[2],
                people=tuple(people[interaction_id]),
                said=first_line(row[3]) or first_line(row[4]),
                satisfaction=row[5],
                understood=row[6],
                problems=tuple(problems[interaction_id]),
                focus=row[7],
                private=bool(row[8]),
                follow_up_of=row[9],
            )
        )
    return result


def follow_up_choices(
    connection: Connection, *, exclude: str | None = None, limit: int = 300
) -> list[InteractionChoice]:
    """The most recent interactions that have a plan, newest first: what a new one may follow."""
    table = m.Interaction
    query = (
        select(table.id, table.occurred_at, func.substr(table.plan, 1, LINE))
        .where(func.length(func.trim(table.plan)) > 0)
        .order_by(table.occurred_at.desc(), table.id.desc())
        .limit(limit)
    )
    if exclude is not None:
        query = query.where(table.id != exclude)
    rows = list(connection.execute(query))
    names = {row.id: row.people for row in summaries(connection, [row[0] for row in rows])}
    return [
        InteractionChoice(id=i, occurred_at=at, people=names.get(i, ()), plan=first_line(plan))
        for i, at, plan in rows
    ]


def choice_of(connection: Connection, interaction_id: str) -> InteractionChoice | None:
    """One interaction as a follow-up choice (the one an edited interaction already follows)."""
    table = m.Interaction
    row = connection.execute(
        select(table.id, table.occurred_at, func.substr(table.plan, 1, LINE)).where(
            table.id == interaction_id
        )
    ).first()
    if row is None:
        return None
    people = summaries(connection, [interaction_id])[0].people
    return InteractionChoice(id=row[0], occurred_at=row[1], people=people, plan=first_line(row[2]))


def follow_ups_of(connection: Connection, interaction_ids: Sequence[str]) -> list[str]:
    """Ids of the interactions that follow up any of these (their link is lost on delete)."""
    table = m.Interaction
    found: list[str] = []
    for part in chunks(list(interaction_ids)):
        found.extend(connection.scalars(select(table.id).where(table.follow_up_of.in_(part))))
    return found


# --- one transaction each, for callers that hold only a Workbook ------------------------


def list_ids(
    wb: Workbook,
    where: r.InteractionFilter = r.InteractionFilter(),
    sort: SortKey = "date",
    descending: bool = True,
) -> list[str]:
    with wb.read() as connection:
        return interaction_ids(connection, where, sort, descending)


def list_summaries(wb: Workbook, ids: Sequence[str]) -> list[InteractionRow]:
    with wb.read() as connection:
        return summaries(connection, ids)


def list_follow_up_choices(
    wb: Workbook, *, exclude: str | None = None, include: str | None = None
) -> list[InteractionChoice]:
    with wb.read() as connection:
        choices = follow_up_choices(connection, exclude=exclude)
        if include is not None and all(c.id != include for c in choices):
            extra = choice_of(connection, include)
            if extra is not None:
                choices.append(extra)
        return choices


def list_follow_ups(wb: Workbook, interaction_ids: Sequence[str]) -> list[str]:
    with wb.read() as connection:
        return follow_ups_of(connection, interaction_ids)
