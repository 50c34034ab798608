"""How fast is importing 10,000 interactions, against the least work that could do it?

Generates a realistic JSON export (people, focuses, the user's own words, 10,000
interactions with people, emotions, problems, tags and follow-ups), then times:

* iptwork: `interchange.import_file` into a fresh workbook (read, parse, validate, write,
  one transaction);
* baseline: the stdlib `sqlite3` module reading the same JSON file and inserting the same
  rows (interactions and their child rows, plus the people, focuses and words they refer
  to) with `executemany` in one transaction, into a copy of an empty iptwork workbook (so
  the same tables, constraints, indexes, WAL and `synchronous=FULL`).

Each is run a few times on fresh files; the medians and their ratio are printed. The target
is a ratio of 3.0 or less. Run with `make bench` or `.venv/bin/python benchmarks/import_10k.py`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from iptwork import domain
from iptwork.interchange import import_file
from iptwork.store.workbook import create_workbook

TARGET_RATIO = 3.0

_TEXT = (
    "I told them that I needed help with the dishes and they said they were tired again "
    "after work so we argued about money the kids the weekend plans my mother visiting "
    "and whether anyone ever listens when I try to explain what I mean without shouting "
    "she looked away he sighed we went quiet later I felt it was unfair but said nothing"
)
WORDS = tuple(_TEXT.split())


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def make_document(count: int = 10_000, seed: int = 1) -> dict[str, Any]:
    """A JSON export with `count` interactions, deterministic for a seed."""
    rng = random.Random(seed)
    names = ("Alex", "Sam", "Mum", "Dad", "Jordan", "Priya", "Chen", "Maria", "Tom", "Ola")
    relationships = ("partner", "friend", "parent", "parent", "colleague", "boss", "sibling")
    people = [
        {
            "id": _uuid(rng),
            "name": name,
            "relationship": relationships[n % len(relationships)],
            "closeness": 1 + n % 3,
            "support": rng.randint(0, 10),
            "conflict": rng.randint(0, 10),
            "expectations": _sentence(rng, 5, 15),
            "notes": _sentence(rng, 5, 25),
        }
        for n, name in enumerate(names)
    ]
    focuses = [
        {
            "id": _uuid(rng),
            "area": "dispute",
            "description": "Arguments with Alex about housework",
            "stage": "impasse",
            "people": [people[0]["id"]],
            "details": {"i_expect": "Help at home", "they_expect": "Less criticism"},
            "goals": [{"id": _uuid(rng), "text": "Ask directly for help", "status": "open"}],
        },
        {
            "id": _uuid(rng),
            "area": "transition",
            "description": "New job",
            "stage": None,
            "people": [people[4]["id"], people[5]["id"]],
            "details": {"old_role": "student", "new_role": "analyst"},
            "goals": [],
        },
    ]
    own_emotions = ["overwhelmed", "unappreciated"]
    emotions = [*domain.EMOTIONS, *own_emotions]
    problems = [*sorted(domain.BUILTIN_PROBLEM_KEYS), "talked_over"]
    tags = ["money", "housework", "kids", "work", "holidays", "in-laws", "phone", "evening"]
    start = datetime(2024, 1, 1, 8, 0)
    interactions: list[dict[str, Any]] = []
    for n in range(count):
        moment = start + timedelta(minutes=n * 97 + rng.randint(0, 60))
        with_people = rng.sample(people, k=1 if rng.random() < 0.8 else 2)
        earlier = rng.choice(interactions)["id"] if interactions and rng.random() < 0.2 else None
        interactions.append(
            {
                "id": _uuid(rng),
                "occurred_at": moment.strftime("%Y-%m-%dT%H:%M:%S"),
                "channel": rng.choice([c.value for c in domain.Channel]),
                "people": [p["id"] for p in with_people],
                "focus": rng.choice([None, focuses[0]["id"], focuses[1]["id"]]),
                "setting": _sentence(rng, 8, 30),
                "intended": _sentence(rng, 8, 30),
                "said": _sentence(rng, 8, 40),
                "other_said": _sentence(rng, 8, 40),
                "heard": _sentence(rng, 5, 25),
                "their_view": _sentence(rng, 0, 20),
                "emotions": [
                    {"name": e, "intensity": rng.randint(0, 100)}
                    for e in rng.sample(emotions, k=rng.randint(1, 3))
                ],
                "outcome": _sentence(rng, 5, 25),
                "understood": rng.choice([None, "yes", "partly", "no", "unsure"]),
                "satisfaction": rng.choice([None, *range(11)]),
                "problems": rng.sample(problems, k=rng.randint(0, 3)),
                "alternative": _sentence(rng, 0, 25),
                "plan": _sentence(rng, 0, 20),
                "rehearsed": rng.random() < 0.3,
                "follow_up_of": earlier,
                "therapist_note": _sentence(rng, 0, 15) if rng.random() < 0.3 else "",
                "private": rng.random() < 0.05,
                "tags": rng.sample(tags, k=rng.randint(0, 3)),
            }
        )
    return {
        "format": "iptwork-workbook",
        "version": 1,
        "exported_at": "2026-11-26T12:00:00Z",
        "workbook": {
            "title": "Benchmark",
            "owner": "Client",
            "therapist": "Therapist",
            "started_on": "2024-01-01",
            "planned_sessions": 16,
        },
        "people": people,
        "focuses": focuses,
        "interactions": interactions,
        "events": [],
        "sessions": [],
        "phq9": [],
        "gad7": [],
        "moods": [],
        "vocabulary": {
            "emotions": own_emotions,
            "problems": [{"key": "talked_over", "label": "Talking over them"}],
        },
    }


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def baseline_import(database: Path, source: Path) -> tuple[float, float]:
    """Plain sqlite3: read the JSON, insert the rows. Returns (total, inserting only) seconds."""
    started = time.perf_counter()
    document = json.loads(source.read_text(encoding="utf-8"))
    parsed = time.perf_counter()
    connection = sqlite3.connect(database, isolation_level=None)
    for pragma in (
        "foreign_keys = ON",
        "journal_mode = WAL",
        "synchronous = FULL",
        "secure_delete = ON",
    ):
        connection.execute(f"PRAGMA {pragma}")
    now = _now()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("PRAGMA defer_foreign_keys = ON")
    vocabulary = document["vocabulary"]
    connection.executemany(
        "INSERT INTO emotion_word (name, builtin) VALUES (?, 0)",
        [(e,) for e in vocabulary["emotions"]],
    )
    connection.executemany(
        "INSERT INTO problem_kind (key, label, explanation, builtin) VALUES (?, ?, '', 0)",
        [(p["key"], p["label"]) for p in vocabulary["problems"]],
    )
    connection.executemany(
        "INSERT INTO person (id, name, relationship, closeness, support, conflict, "
        "expectations, expectations_met, notes, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
        [
            (
                p["id"],
                p["name"],
                p["relationship"],
                p["closeness"],
                p["support"],
                p["conflict"],
                p["expectations"],
                p["notes"],
                now,
                now,
            )
            for p in document["people"]
        ],
    )
    connection.executemany(
        "INSERT INTO focus (id, area, description, stage, details, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (f["id"], f["area"], f["description"], f["stage"], json.dumps(f["details"]), now, now)
            for f in document["focuses"]
        ],
    )
    interactions = document["interactions"]
    columns = [
        "id",
        "occurred_at",
        "channel",
        "focus_id",
        "setting",
        "intended",
        "said",
        "other_said",
        "heard",
        "their_view",
        "outcome",
        "understood",
        "satisfaction",
        "alternative",
        "plan",
        "rehearsed",
        "follow_up_of",
        "therapist_note",
        "private",
        "created_at",
        "updated_at",
    ]
    connection.executemany(
        f"INSERT INTO interaction ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [
            (
                i["id"],
                i["occurred_at"],
                i["channel"],
                i["focus"],
                i["setting"],
                i["intended"],
                i["said"],
                i["other_said"],
                i["heard"],
                i["their_view"],
                i["outcome"],
                i["understood"],
                i["satisfaction"],
                i["alternative"],
                i["plan"],
                i["rehearsed"],
                i["follow_up_of"],
                i["therapist_note"],
                i["private"],
                now,
                now,
            )
            for i in interactions
        ],
    )
    connection.executemany(
        "INSERT INTO interaction_person (interaction_id, person_id, position) VALUES (?, ?, ?)",
        [(i["id"], p, n) for i in interactions for n, p in enumerate(i["people"])],
    )
    connection.executemany(
        "INSERT INTO interaction_emotion (interaction_id, emotion, intensity, position) "
        "VALUES (?, ?, ?, ?)",
        [
            (i["id"], e["name"], e["intensity"], n)
            for i in interactions
            for n, e in enumerate(i["emotions"])
        ],
    )
    connection.executemany(
        "INSERT INTO interaction_problem (interaction_id, problem, position) VALUES (?, ?, ?)",
        [(i["id"], p, n) for i in interactions for n, p in enumerate(i["problems"])],
    )
    connection.executemany(
        "INSERT INTO interaction_tag (interaction_id, tag, position) VALUES (?, ?, ?)",
        [(i["id"], t, n) for i in interactions for n, t in enumerate(i["tags"])],
    )
    connection.execute("COMMIT")
    finished = time.perf_counter()
    connection.close()
    return finished - started, finished - parsed


def iptwork_import(database: Path, source: Path) -> float:
    workbook = create_workbook(database)
    try:
        started = time.perf_counter()
        import_file(workbook, source)
        return time.perf_counter() - started
    finally:
        workbook.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interactions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile one iptwork import")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="iptwork-bench-") as folder:
        root = Path(folder)
        source = root / "import.json"
        source.write_text(
            json.dumps(make_document(args.interactions), ensure_ascii=False), encoding="utf-8"
        )
        empty = root / "empty.iptw"
        create_workbook(empty).close()
        print(
            f"{args.interactions:,} interactions, {source.stat().st_size / 1e6:.1f} MB of JSON, "
            f"{args.runs} runs each"
        )

        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            workbook = create_workbook(root / "profiled.iptw")
            profiler.enable()
            import_file(workbook, source)
            profiler.disable()
            workbook.close()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            return 0

        ours: list[float] = []
        theirs: list[float] = []
        inserts: list[float] = []
        for run in range(args.runs):
            ours.append(iptwork_import(root / f"iptwork-{run}.iptw", source))
            copy = root / f"baseline-{run}.iptw"
            shutil.copyfile(empty, copy)
            total, inserting = baseline_import(copy, source)
            theirs.append(total)
            inserts.append(inserting)

    ours_median = statistics.median(ours)
    base_median = statistics.median(theirs)
    insert_median = statistics.median(inserts)
    ratio = ours_median / base_median
    print(f"iptwork import_file            median {ours_median:.3f} s")
    print(f"sqlite3 (read JSON + insert)   median {base_median:.3f} s")
    print(f"sqlite3 (insert only)          median {insert_median:.3f} s")
    print(f"ratio (iptwork / sqlite3 read JSON + insert) {ratio:.2f}  (target <= {TARGET_RATIO})")
    print(f"ratio (iptwork / sqlite3 insert only)        {ours_median / insert_median:.2f}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
