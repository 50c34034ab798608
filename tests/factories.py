"""Small builders for tests: one realistic record of each kind."""

from __future__ import annotations

from datetime import date, datetime

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook


def populate(wb: Workbook) -> dict[str, object]:
    """A little of everything, returned by name so tests can refer to it."""
    alex = services.add_person(
        wb,
        r.Person(
            name="Alex",
            relationship="partner",
            closeness=1,
            support=6,
            conflict=8,
            expectations="To ask before making plans for both of us.",
            expectations_met="partly",
        ),
    )
    mira = services.add_person(wb, r.Person(name="Mira", relationship="boss", closeness=3))
    focus = services.add_focus(
        wb,
        r.Focus(
            area="dispute",
            description="Arguments with Alex about money",
            stage="impasse",
            people=(alex.id,),
            details={"i_expect": "to be asked", "they_expect": "to be trusted"},
            goals=(r.Goal("Say what I need in one sentence"), r.Goal("Ask before assuming")),
        ),
        today=date(2026, 9, 3),
    )
    first = services.add_interaction(
        wb,
        r.Interaction(
            occurred_at=datetime(2026, 10, 3, 19, 30),
            people=(alex.id,),
            focus=focus.id,
            setting="Kitchen, after dinner",
            intended="I wanted help planning the weekend",
            said="You never plan anything.",
            other_said="Fine, do it yourself then.",
            heard="They don't care",
            emotions=(r.EmotionRating("hurt", 70), r.EmotionRating("angry", 40)),
            understood="no",
            satisfaction=2,
            problems=("hostile", "need_unstated"),
            plan="Say what I need first",
            tags=("weekend",),
        ),
    )
    second = services.add_interaction(
        wb,
        r.Interaction(
            occurred_at=datetime(2026, 10, 10, 8, 15),
            channel="message",
            people=(alex.id, mira.id),
            said="Could we sit down on Sunday and plan together?",
            other_said="Yes, good idea.",
            understood="yes",
            satisfaction=8,
            follow_up_of=first.id,
            rehearsed=True,
            therapist_note="Good use of the rehearsal.",
        ),
    )
    private = services.add_interaction(
        wb,
        r.Interaction(
            occurred_at=datetime(2026, 10, 12, 22, 0),
            people=(mira.id,),
            said="Something I keep to myself",
            private=True,
        ),
    )
    return {
        "alex": alex,
        "mira": mira,
        "focus": focus,
        "first": first,
        "second": second,
        "private": private,
    }
