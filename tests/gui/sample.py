"""A small, realistic workbook for GUI tests and screenshots (made up, deterministic)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook

PEOPLE = (
    r.Person(
        name="Alex",
        relationship="partner",
        closeness=1,
        support=5,
        conflict=8,
        expectations="That we plan weekends together and that Alex asks before deciding.",
        expectations_met="partly",
        notes="Together nine years.",
    ),
    r.Person(name="Jordan", relationship="friend", closeness=1, support=9, conflict=1),
    r.Person(name="Mum", relationship="parent", closeness=2, support=7, conflict=4),
    r.Person(name="Lena", relationship="sibling", closeness=2, support=6, conflict=5),
    r.Person(name="Priya", relationship="colleague", closeness=3, support=6, conflict=1),
    r.Person(name="Mr Okafor", relationship="boss", closeness=3, support=3, conflict=7),
    r.Person(name="Sam K.", relationship="ex_partner", closeness=3, support=1, conflict=9),
)

SITUATIONS = (
    (
        "Alex",
        "Sunday evening in the kitchen, after Alex said yes to a weekend at the in-laws.",
        "I wanted Alex to see that I needed one weekend for us, without plans.",
        "“Fine. Do what you want, you always do.” Then I went quiet and washed up loudly.",
        "“Why are you sulking? It's just one weekend.”",
        "That my needs don't count and I am being difficult.",
        "Alex went to bed early; we did not talk about it again.",
        ("nonverbal_substitute", "need_unstated", "indirect_verbal"),
        (("hurt", 75), ("angry", 60), ("lonely", 40)),
        "no",
        3,
        "Say: “I'd like one weekend just for us this month. Can we pick one now?”",
    ),
    (
        "Mum",
        "Phone call on Wednesday, Mum asked about Christmas.",
        "I wanted to tell her we may not come this year, kindly.",
        "I said we were “probably busy” and changed the subject.",
        "“Busy? You're always busy for your family.”",
        "That I am a bad daughter.",
        "We hung up politely. I felt guilty all evening.",
        ("indirect_verbal", "assumed_communicated"),
        (("guilty", 70), ("anxious", 55)),
        "partly",
        4,
        "Tell her plainly and early, and say what we can do instead.",
    ),
    (
        "Jordan",
        "Coffee after work; I told Jordan about the fight with Alex.",
        "I wanted comfort, not advice.",
        "I said: “I don't need solutions, I just need you to listen for a bit.”",
        "Jordan nodded and asked how I felt about it.",
        "That Jordan was on my side.",
        "I felt lighter walking home.",
        (),
        (("relieved", 70), ("close/loved", 65)),
        "yes",
        8,
        "",
    ),
    (
        "Mr Okafor",
        "Team meeting; my report was criticised in front of everyone.",
        "I wanted him to know the deadline had been cut by a week.",
        "Nothing in the meeting. Afterwards I wrote a long, sharp email.",
        "He replied: “Let's discuss in person.”",
        "That I am in trouble.",
        "We have a meeting on Friday.",
        ("silence", "anger_held_in", "hostile"),
        (("embarrassed", 80), ("angry", 70), ("afraid", 45)),
        "unsure",
        2,
        "Ask for five minutes after the meeting and state the facts calmly.",
    ),
    (
        "Alex",
        "Thursday night, Alex came home late without texting.",
        "I wanted Alex to understand that I worry, not that I want to control.",
        "“Where were you? You could at least pretend to care.”",
        "“Here we go again. I was at work!”",
        "That I am nagging and Alex is fed up with me.",
        "We argued, then Alex slept on the sofa.",
        ("hostile", "pushes_away", "assumed_understood"),
        (("anxious", 70), ("resentful", 60), ("sad", 50)),
        "no",
        2,
        "Say I was worried, and ask for a text next time.",
    ),
    (
        "Alex",
        "Saturday morning walk, calmer.",
        "I wanted to try the plan: say I was worried and ask for a text.",
        "“When you are late and I don't know, I get worried. Could you text me?”",
        "“Sorry, I didn't think. Yes, I can do that.”",
        "That Alex heard me.",
        "We had breakfast together and planned the weekend.",
        (),
        (("hopeful", 70), ("calm", 60)),
        "yes",
        8,
        "Keep asking directly.",
    ),
    (
        "Lena",
        "Birthday dinner; Lena joked about my new job.",
        "I wanted her to be proud of me.",
        "I laughed along and said nothing.",
        "“Well, someone has to do the boring jobs.”",
        "That she looks down on me.",
        "I left early.",
        ("silence", "need_unstated"),
        (("hurt", 65), ("disappointed", 60)),
        "no",
        3,
        "Tell her the joke hurt, next time we are alone.",
    ),
    (
        "Priya",
        "Lunch break; Priya asked if I was okay.",
        "I wanted to accept her help without feeling weak.",
        "I said: “It's a rough week. Thanks for asking.”",
        "“Want to grab lunch tomorrow too?”",
        "That she likes spending time with me.",
        "We have lunch planned.",
        (),
        (("calm", 55), ("happy", 50)),
        "yes",
        7,
        "",
    ),
)


def fill(wb: Workbook, *, today: date | None = None, extra: int = 0, seed: int = 1) -> None:
    """People, two focuses and a dozen interactions; `extra` adds generated ones."""
    today = today or date.today()
    people = {p.name: services.add_person(wb, p) for p in PEOPLE}
    dispute = services.add_focus(
        wb,
        r.Focus(
            area="dispute",
            description="Alex and me: who decides about our weekends and time together",
            stage="impasse",
            people=(people["Alex"].id,),
            details={
                "i_expect": "That Alex asks me before saying yes to plans.",
                "they_expect": "That I tell Alex what I want instead of sulking.",
                "what_is_at_stake": "Feeling that I matter in this relationship.",
            },
            goals=(
                r.Goal("Say what I need in words, within a day", "open"),
                r.Goal("Agree on one free weekend a month", "achieved"),
                r.Goal("Stop checking Alex's phone", "dropped"),
            ),
        ),
        today=today - timedelta(days=30),
    )
    transition = services.add_focus(
        wb,
        r.Focus(
            area="transition",
            description="New job in a bigger team since March",
            details={
                "old_role": "Small team, knew everyone",
                "new_role": "Analyst in a team of forty",
                "old_role_good": "People knew my work.",
                "new_role_hard": "I feel invisible in meetings.",
            },
            goals=(r.Goal("Speak once in each team meeting"),),
        ),
    )
    start = datetime.combine(today, datetime.min.time()) - timedelta(days=40)
    earlier: dict[str, str] = {}
    for n, situation in enumerate(SITUATIONS):
        (
            name,
            setting,
            intended,
            said,
            other_said,
            heard,
            outcome,
            problems,
            felt,
            understood,
            satisfaction,
            plan,
        ) = situation
        focus = dispute.id if name == "Alex" else transition.id if name == "Mr Okafor" else None
        follow = earlier.get(name) if n == 5 else None
        interaction = services.add_interaction(
            wb,
            r.Interaction(
                occurred_at=start + timedelta(days=5 * n, hours=18 + n % 3, minutes=15),
                channel="phone" if name == "Mum" else "face_to_face",
                people=(people[name].id,),
                focus=focus,
                setting=setting,
                intended=intended,
                said=said,
                other_said=other_said,
                heard=heard,
                outcome=outcome,
                emotions=tuple(r.EmotionRating(e, v) for e, v in felt),
                understood=understood,
                satisfaction=satisfaction,
                problems=problems,
                plan=plan,
                follow_up_of=follow,
                tags=("weekend",) if "weekend" in setting else (),
            ),
        )
        earlier[name] = interaction.id
    rng = random.Random(seed)
    names = list(people)
    for n in range(extra):
        name = rng.choice(names)
        services.add_interaction(
            wb,
            r.Interaction(
                occurred_at=start - timedelta(days=n + 1, hours=rng.randrange(12)),
                people=(people[name].id,),
                said=f"Generated line {n} with {name}",
                satisfaction=rng.randrange(11),
                understood=rng.choice(("yes", "partly", "no", "unsure")),
            ),
        )
