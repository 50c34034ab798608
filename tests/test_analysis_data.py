"""Workbooks for the analysis tests (no tests here): one small enough to count by hand, and
a generated one that looks like a few months of real use.

The hand-counted workbook (`handmade`), interaction by interaction:

| id | when              | with      | focus   | understood | sat. | problems                     | emotions         |
|----|-------------------|-----------|---------|------------|------|------------------------------|------------------|
| i1 | Tue 1 Sep 10:00   | Alex      | dispute | no         | 2    | assumed_understood, silence  | hurt 70, angry 40 |
| i2 | Thu 3 Sep 20:00   | Alex, Sam | –       | partly     | 4    | assumed_understood           | hurt 50          |
| i3 | Thu 10 Sep 09:00  | Sam       | –       | yes        | 8    | –                            | calm 30          |
| ip | Sat 12 Sep 18:00  | Alex      | –       | no         | 0    | hostile        (PRIVATE)     | angry 90         |
| i4 | Tue 15 Sep 23:59  | Alex      | dispute | yes        | 7    | silence                      | hurt 60, sad 20  |
| i5 | Sun 20 Sep 12:00  | Alex      | –       | –          | –    | hostile                      | –                |

ISO weeks (Mondays): 31 Aug (i1, i2), 7 Sep (i3, ip), 14 Sep (i4, i5). Mira is in the
inventory without interactions; Jo only in the private one.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from iptwork import domain
from iptwork.store import records as r

ALEX, SAM, MIRA, JO = "p-alex", "p-sam", "p-mira", "p-jo"
DISPUTE = "f-dispute"


def handmade() -> r.Contents:
    people = (
        r.Person("Alex", "partner", closeness=1, support=4, conflict=8, id=ALEX),
        r.Person("Sam", "friend", closeness=1, support=9, conflict=1, id=SAM),
        r.Person("Mira", "boss", closeness=3, support=5, conflict=5, id=MIRA),
        r.Person("Jo", "sibling", closeness=2, support=6, conflict=6, id=JO),
    )
    interactions = (
        # Deliberately not in date order: the analysis sorts.
        r.Interaction(
            occurred_at=datetime(2026, 9, 15, 23, 59),
            people=(ALEX,),
            focus=DISPUTE,
            understood="yes",
            satisfaction=7,
            problems=("silence",),
            emotions=(r.EmotionRating("hurt", 60), r.EmotionRating("sad", 20)),
            id="i4",
        ),
        r.Interaction(
            occurred_at=datetime(2026, 9, 1, 10, 0),
            people=(ALEX,),
            focus=DISPUTE,
            understood="no",
            satisfaction=2,
            problems=("assumed_understood", "silence"),
            emotions=(r.EmotionRating("hurt", 70), r.EmotionRating("angry", 40)),
            id="i1",
        ),
        r.Interaction(
            occurred_at=datetime(2026, 9, 3, 20, 0),
            people=(ALEX, SAM),
            understood="partly",
            satisfaction=4,
            problems=("assumed_understood",),
            emotions=(r.EmotionRating("hurt", 50),),
            id="i2",
        ),
        r.Interaction(
            occurred_at=datetime(2026, 9, 10, 9, 0),
            people=(SAM,),
            understood="yes",
            satisfaction=8,
            emotions=(r.EmotionRating("calm", 30),),
            id="i3",
        ),
        r.Interaction(
            occurred_at=datetime(2026, 9, 12, 18, 0),
            people=(ALEX, JO),
            understood="no",
            satisfaction=0,
            problems=("hostile",),
            emotions=(r.EmotionRating("angry", 90),),
            private=True,
            id="ip",
        ),
        r.Interaction(
            occurred_at=datetime(2026, 9, 20, 12, 0),
            people=(ALEX,),
            problems=("hostile",),
            id="i5",
        ),
    )
    return r.Contents(
        meta=r.WorkbookMeta(title="Hand-counted", owner="Client"),
        people=people,
        focuses=(r.Focus("dispute", "Chores with Alex", "impasse", (ALEX,), id=DISPUTE),),
        interactions=interactions,
        events=(
            r.LifeEvent(date(2026, 8, 20), "transition", id="e-early"),
            r.LifeEvent(date(2026, 9, 10), "conflict", (ALEX,), id="e-mid"),
        ),
        sessions=(r.TherapySession(1, date(2026, 9, 4), id="s1"),),
        phq9=(
            r.Phq9(date(2026, 9, 16), (2, 2, 2, 2, 2, 2, 2, 1, 1), id="q2"),
            r.Phq9(date(2026, 9, 2), (1, 1, 1, 1, 1, 1, 1, 1, 0), id="q1"),
        ),
        gad7=(r.Gad7(date(2026, 9, 2), (1, 1, 1, 1, 1, 0, 0), id="g1"),),
        moods=(r.Mood(date(2026, 9, 3), 4, id="m1"), r.Mood(date(2026, 9, 21), 6, id="m2")),
    )


def without_item9(contents: r.Contents) -> r.Contents:
    """The same workbook with no PHQ-9 answer above 0 on item 9."""
    from dataclasses import replace

    return replace(
        contents,
        phq9=tuple(replace(q, items=(*q.items[:8], 0)) for q in contents.phq9),
    )


def generated(count: int = 120, seed: int = 7, people: int = 6) -> r.Contents:
    """A few months of plausible use: problems fade and satisfaction rises over time."""
    rnd = random.Random(seed)
    names = ["Alex", "Sam", "Mum", "Jo", "Mira", "Priya", "Tom", "Lee", "Kim", "Ana", "Ola", "Bo"]
    relationships = ["partner", "friend", "parent", "sibling", "boss", "colleague", "other"]
    persons = tuple(
        r.Person(
            names[n % len(names)] + ("" if n < len(names) else f" {n}"),
            relationships[n % len(relationships)],
            closeness=1 + n % 3,
            support=rnd.randint(0, 10),
            conflict=rnd.randint(0, 10),
            id=f"p{n}",
        )
        for n in range(people)
    )
    focuses = (
        r.Focus("dispute", id="f-dispute"),
        r.Focus("transition", id="f-transition"),
        r.Focus("grief", id="f-grief"),
    )
    vocabulary = r.Vocabulary(
        emotions=("overwhelmed",),
        problems=(r.ProblemKind("talked_over", "Talking over them"),),
    )
    problems = [p.key for p in domain.COMMUNICATION_PROBLEMS] + ["talked_over"]
    emotions = [*domain.EMOTIONS, "overwhelmed"]
    start = datetime(2026, 11, 2, 8, 0)  # runs into the next year
    interactions = []
    for n in range(count):
        when = start + timedelta(days=rnd.uniform(0, 100), minutes=rnd.randint(0, 600))
        progress = (when - start).days / 100
        who = rnd.choices(persons, [len(persons) - k for k in range(len(persons))])[0]
        with_ids = (who.id,)
        if rnd.random() < 0.15:
            with_ids = tuple(dict.fromkeys((who.id, rnd.choice(persons).id)))
        interactions.append(
            r.Interaction(
                occurred_at=when.replace(microsecond=0),
                people=with_ids,
                focus=rnd.choice([None, "f-dispute", "f-dispute", "f-transition", "f-grief"]),
                understood=rnd.choice(["yes", "partly", "no", "unsure", None]),
                satisfaction=(
                    None
                    if rnd.random() < 0.1
                    else max(0, min(10, round(rnd.gauss(3 + 5 * progress, 1.5))))
                ),
                problems=tuple(k for k in problems if rnd.random() < 0.35 - 0.25 * progress),
                emotions=tuple(
                    r.EmotionRating(e, rnd.randint(0, 100))
                    for e in rnd.sample(emotions, rnd.randint(0, 3))
                ),
                private=rnd.random() < 0.05,
                id=f"g{n:04d}",
            )
        )
    phq9 = tuple(
        r.Phq9(
            start.date() + timedelta(weeks=w),
            tuple(min(3, max(0, 2 - w // 5 + rnd.randint(-1, 1))) for _ in range(8))
            + ((1,) if w == 2 else (0,)),
            id=f"q{w}",
        )
        for w in range(14)
    )
    gad7 = tuple(
        r.Gad7(
            start.date() + timedelta(weeks=w),
            tuple(min(3, max(0, 2 - w // 5 + rnd.randint(-1, 1))) for _ in range(7)),
            id=f"g{w}",
        )
        for w in range(14)
    )
    return r.Contents(
        meta=r.WorkbookMeta(title="Generated"),
        people=persons,
        focuses=focuses,
        interactions=tuple(interactions),
        phq9=phq9,
        gad7=gad7,
        vocabulary=vocabulary,
    )
