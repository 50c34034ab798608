"""What an export holds: the records that pass the filters, with privacy applied.

JSON, CSV and the PDF builder all export `select_contents(wb, options)`, so the filters
(`--from`, `--to`, `--person`), `--include-private`, `--no-therapist-notes` and
`--pseudonymize` mean the same thing in every format (SPEC.md, "Filters").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from iptwork.interchange.errors import UnknownPerson
from iptwork.interchange.pseudonymize import (
    Pseudonymizer,
    people_in_label_order,
    pseudonymize_contents,
)
from iptwork.store import read
from iptwork.store import records as r
from iptwork.store.workbook import Workbook


@dataclass(frozen=True)
class ExportOptions:
    """How to narrow and protect an export; the defaults export everything but private work.

    `date_from`/`date_to` are inclusive and compared with the date part of an interaction's
    `occurred_at`; events, sessions, questionnaires and moods are compared by their own
    date. `people` are person names (any case): an interaction is kept when it involves
    any of them. People, focuses and the vocabulary are always exported whole, so that
    every kept record's references resolve and the file imports cleanly.
    """

    date_from: date | None = None
    date_to: date | None = None
    people: tuple[str, ...] = ()
    pseudonymize: bool = False
    therapist_notes: bool = True
    include_private: bool = False


def resolve_people(people: list[r.Person], names: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of the people called `names` (case-insensitively); unknown → `UnknownPerson`."""
    by_name = {" ".join(p.name.casefold().split()): p.id for p in people}
    ids: list[str] = []
    for name in names:
        person_id = by_name.get(" ".join(name.casefold().split()))
        if person_id is None:
            raise UnknownPerson(name)
        if person_id not in ids:
            ids.append(person_id)
    return tuple(ids)


def _narrow(contents: r.Contents, options: ExportOptions) -> r.Contents:
    """Leave out dated records outside the range and references to interactions left out."""

    def in_range(day: date) -> bool:
        return (options.date_from is None or day >= options.date_from) and (
            options.date_to is None or day <= options.date_to
        )

    kept = {i.id for i in contents.interactions}
    interactions = tuple(
        i if i.follow_up_of is None or i.follow_up_of in kept else replace(i, follow_up_of=None)
        for i in contents.interactions
    )
    if not options.therapist_notes:
        interactions = tuple(
            replace(i, therapist_note="") if i.therapist_note else i for i in interactions
        )
    sessions = tuple(
        s
        if all(x in kept for x in s.interactions)
        else replace(s, interactions=tuple(x for x in s.interactions if x in kept))
        for s in contents.sessions
        if in_range(s.held_on)
    )
    return replace(
        contents,
        # Sorted by id, not by creation time: the file of a workbook and the file of its
        # copy made by importing that file must be identical.
        focuses=tuple(
            replace(f, people=tuple(sorted(f.people)))
            for f in sorted(contents.focuses, key=lambda f: f.id)
        ),
        interactions=interactions,
        events=tuple(
            replace(e, people=tuple(sorted(e.people))) for e in contents.events if in_range(e.on)
        ),
        sessions=sessions,
        phq9=tuple(a for a in contents.phq9 if in_range(a.taken_on)),
        gad7=tuple(a for a in contents.gad7 if in_range(a.taken_on)),
        moods=tuple(x for x in contents.moods if in_range(x.on)),
    )


def select_contents(wb: Workbook, options: ExportOptions | None = None) -> r.Contents:
    """The records an export with `options` holds, read in one consistent snapshot."""
    options = options or ExportOptions()
    with wb.read() as connection:
        people_ids = resolve_people(read.people(connection), options.people)
        where = r.InteractionFilter(
            date_from=options.date_from,
            date_to=options.date_to,
            people=people_ids,
            include_private=options.include_private,
        )
        contents = read.contents(connection, where)
        order = people_in_label_order(connection) if options.pseudonymize else []
    contents = _narrow(contents, options)
    if options.pseudonymize:
        names = Pseudonymizer(order, contents.meta.owner, contents.meta.therapist)
        contents = pseudonymize_contents(contents, names)
    return contents
