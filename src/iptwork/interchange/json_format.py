"""The JSON interchange format (SPEC.md, "JSON interchange"): export and import.

Export writes exactly the SPEC layout, plus a few extra keys the SPEC allows ("more fields
may be added"): `expectations_met` on people, `stage_history` on focuses, `approximate` on
events, `note` on moods and `explanation` on the user's own communication problems.

Import reads a file, checks every value before anything is written, and applies the whole
file in one transaction through `services.apply_contents`: new ids are added, known ids
are replaced, and a bad file changes nothing. Checks run in two passes, each in file
order: first every record on its own (`json_parse.parse_document`: types, required keys,
fixed vocabularies, ranges, dates, ids used twice), then the references between records
and to the workbook (`services.check_contents`: people, focuses, follow-ups, emotion and
problem words, names and session numbers already taken). The problem reported is the
first of the first pass, if there is one. It is an `InvalidRecord` naming the record
("interactions[3] (id 5f0c…)") and the JSON field ("emotions[1].intensity").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from iptwork.interchange.bulk import paused_cycle_collector
from iptwork.interchange.errors import ImportFileNotFound, NotAnExport
from iptwork.interchange.files import atomic_text_file
from iptwork.interchange.json_parse import FORMAT, VERSION, parse_document, record_label
from iptwork.interchange.selection import ExportOptions, select_contents
from iptwork.store import models as m
from iptwork.store import records as r
from iptwork.store import services, write
from iptwork.store.errors import InvalidRecord, WorkbookError
from iptwork.store.workbook import Workbook

#: The record collections of a file, in the order of the format.
COLLECTIONS = (
    "people",
    "focuses",
    "interactions",
    "events",
    "sessions",
    "phq9",
    "gad7",
    "moods",
)

__all__ = [
    "COLLECTIONS",
    "FORMAT",
    "VERSION",
    "ExportOptions",
    "ImportSummary",
    "document_from_contents",
    "export_document",
    "import_file",
    "parse_document",
    "read_document",
    "record_label",
    "write_json",
]

# --- export ---------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def document_from_contents(
    contents: r.Contents, exported_at: datetime | None = None
) -> dict[str, Any]:
    """The JSON document of a set of records (already filtered and protected)."""
    now = (exported_at or datetime.now(UTC)).astimezone(UTC)
    meta = contents.meta
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "workbook": {
            "title": meta.title,
            "owner": meta.owner,
            "therapist": meta.therapist,
            "started_on": _day(meta.started_on),
            "planned_sessions": meta.planned_sessions,
        },
        "people": [
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
            for p in contents.people
        ],
        "focuses": [
            {
                "id": f.id,
                "area": f.area,
                "description": f.description,
                "stage": f.stage,
                "people": list(f.people),
                "details": dict(sorted(f.details.items())),
                "goals": [{"id": g.id, "text": g.text, "status": g.status} for g in f.goals],
                "stage_history": [
                    {"stage": c.stage, "changed_on": c.changed_on.isoformat()}
                    for c in f.stage_history
                ],
            }
            for f in contents.focuses
        ],
        "interactions": [
            {
                "id": i.id,
                "occurred_at": i.occurred_at.strftime("%Y-%m-%dT%H:%M:%S"),
                "channel": i.channel,
                "people": list(i.people),
                "focus": i.focus,
                "setting": i.setting,
                "intended": i.intended,
                "said": i.said,
                "other_said": i.other_said,
                "heard": i.heard,
                "their_view": i.their_view,
                "emotions": [{"name": e.name, "intensity": e.intensity} for e in i.emotions],
                "outcome": i.outcome,
                "understood": i.understood,
                "satisfaction": i.satisfaction,
                "problems": list(i.problems),
                "alternative": i.alternative,
                "plan": i.plan,
                "rehearsed": i.rehearsed,
                "follow_up_of": i.follow_up_of,
                "therapist_note": i.therapist_note,
                "private": i.private,
                "tags": list(i.tags),
            }
            for i in contents.interactions
        ],
        "events": [
            {
                "id": e.id,
                "on": e.on.isoformat(),
                "kind": e.kind,
                "people": list(e.people),
                "note": e.note,
                "approximate": e.approximate,
            }
            for e in contents.events
        ],
        "sessions": [
            {
                "id": s.id,
                "number": s.number,
                "held_on": s.held_on.isoformat(),
                "phase": s.phase,
                "notes": s.notes,
                "homework": s.homework,
                "interactions": list(s.interactions),
                "client_rating": s.client_rating,
                "therapist_rating": s.therapist_rating,
                "circle": [
                    {
                        "person": p.person,
                        "name": p.name,
                        "closeness": p.closeness,
                        "support": p.support,
                        "conflict": p.conflict,
                    }
                    for p in s.circle
                ],
            }
            for s in contents.sessions
        ],
        "phq9": [
            {
                "id": a.id,
                "taken_on": a.taken_on.isoformat(),
                "items": list(a.items),
                "difficulty": a.difficulty,
            }
            for a in contents.phq9
        ],
        "gad7": [
            {"id": a.id, "taken_on": a.taken_on.isoformat(), "items": list(a.items)}
            for a in contents.gad7
        ],
        "moods": [
            {"id": x.id, "on": x.on.isoformat(), "rating": x.rating, "note": x.note}
            for x in contents.moods
        ],
        "formulation": {
            "diagnosis": contents.formulation.diagnosis,
            "focus": contents.formulation.focus,
            "link": contents.formulation.link,
            "agreed_sessions": contents.formulation.agreed_sessions,
            "agreed_on": _day(contents.formulation.agreed_on),
        },
        "termination": {
            "gains": contents.termination.gains,
            "warning_signs": contents.termination.warning_signs,
            "action_plan": contents.termination.action_plan,
            "written_on": _day(contents.termination.written_on),
        },
        "vocabulary": {
            "emotions": list(contents.vocabulary.emotions),
            "problems": [
                {"key": p.key, "label": p.label, "explanation": p.explanation}
                for p in contents.vocabulary.problems
            ],
        },
    }


def export_document(
    wb: Workbook, options: ExportOptions | None = None, *, exported_at: datetime | None = None
) -> dict[str, Any]:
    """The workbook (narrowed and protected by `options`) as a SPEC JSON document."""
    return document_from_contents(select_contents(wb, options or ExportOptions()), exported_at)


def dump_document(document: Mapping[str, Any]) -> str:
    """The text of a document as iptwork writes it: UTF-8 friendly, indented, newline-ended."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_json(wb: Workbook, options: ExportOptions | None, out_path: Path | str) -> int:
    """Export to `out_path` atomically; returns the number of interactions written."""
    with paused_cycle_collector():
        document = export_document(wb, options)
        text = dump_document(document)
    with atomic_text_file(Path(out_path), encoding="utf-8") as handle:
        handle.write(text)
    return len(document["interactions"])


# --- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each collection an import added and how many it updated."""

    added: Mapping[str, int]
    updated: Mapping[str, int]

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    def __str__(self) -> str:
        """E.g. "12 new and 3 updated records (people: 2 new; interactions: 10 new, 3 updated)"."""
        parts = []
        for name in COLLECTIONS:
            counts = [
                f"{count:,} {word}"
                for count, word in (
                    (self.added.get(name, 0), "new"),
                    (self.updated.get(name, 0), "updated"),
                )
                if count
            ]
            if counts:
                parts.append(f"{name}: {', '.join(counts)}")
        total = f"{self.total_added:,} new and {self.total_updated:,} updated records"
        return f"{total} ({'; '.join(parts)})" if parts else total


_TABLES: dict[str, type[m.Base]] = {
    "people": m.Person,
    "focuses": m.Focus,
    "interactions": m.Interaction,
    "events": m.LifeEvent,
    "sessions": m.TherapySession,
    "phq9": m.Phq9,
    "gad7": m.Gad7,
    "moods": m.Mood,
}


def read_document(path: Path | str) -> object:
    """Read and decode a JSON file, or say in one line why it is not an export."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise ImportFileNotFound(path) from error
    except IsADirectoryError as error:
        raise NotAnExport(path, "it is a folder") from error
    except OSError as error:
        raise WorkbookError(
            f"{path} cannot be read ({error.strerror}). Nothing was imported."
        ) from error
    if not raw.strip():
        raise NotAnExport(path, "the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotAnExport(path, "it is UTF-16 text; save it as UTF-8")
    if b"\x00" in raw[:8192]:
        raise NotAnExport(path, "it is a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotAnExport(path, "it is not UTF-8 text") from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # A string that never ends ran into the end of the file: the file was cut short.
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            why = "the file is cut short: it ends before the JSON is complete"
        else:
            why = f"it is not valid JSON: {error.msg}, line {error.lineno} column {error.colno}"
        raise NotAnExport(path, why) from error
    except RecursionError as error:
        raise NotAnExport(path, "its JSON is nested too deeply") from error
    except ValueError as error:  # a number of more than 4,300 digits
        raise NotAnExport(path, "it holds a number too long to read") from error


def _known_before(wb: Workbook, contents: r.Contents) -> dict[str, set[str]]:
    """The ids of the file that the workbook already has, per collection.

    Read just before the import's write transaction, so if another program adds one of
    these records in between, only the summary's counts are off, never the data."""
    known: dict[str, set[str]] = {}
    with wb.read() as connection:
        for collection, model in _TABLES.items():
            table: Table = model.__table__  # type: ignore[assignment]
            ids = [x.id for x in getattr(contents, collection)]
            known[collection] = write.existing_ids(connection, table, ids) if ids else set()
        # A goal id is unique across focuses; the store would fail on the write with a raw
        # constraint error, so name the record here.
        goals = {g.id: (n, f) for n, f in enumerate(contents.focuses) for g in f.goals}
        goal_ids = list(goals)
        for start in range(0, len(goal_ids), write.CHUNK):
            part = goal_ids[start : start + write.CHUNK]
            query = select(m.Goal.id, m.Goal.focus_id).where(m.Goal.id.in_(part))
            for goal_id, focus_id in connection.execute(query):
                index, focus = goals[goal_id]
                if focus_id != focus.id:
                    position = [g.id for g in focus.goals].index(goal_id)
                    raise InvalidRecord(
                        record_label("focuses", index, focus.id),
                        f"goals[{position}].id",
                        f"{goal_id} is already the id of a goal of another focus",
                    )
    return known


def import_file(wb: Workbook, path: Path | str) -> ImportSummary:
    """Import a JSON export into `wb`: all of it, or (on any problem) nothing.

    Records with new ids are added; records whose id the workbook knows replace them. The
    file's workbook title, owner, therapist, start date and planned sessions fill only the
    workbook's empty fields.
    """
    with paused_cycle_collector():
        contents = parse_document(read_document(path))
        known = _known_before(wb, contents)
        services.apply_contents(wb, contents, label=record_label)
    added = {c: len(getattr(contents, c)) - len(known[c]) for c in COLLECTIONS}
    updated = {c: len(known[c]) for c in COLLECTIONS}
    return ImportSummary(added=added, updated=updated)
