"""Export filters and protections: dates, people, private work, notes, pseudonyms."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from iptwork.interchange import (
    ExportOptions,
    UnknownPerson,
    export_document,
    import_file,
    write_json,
)
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook, create_workbook


def said(document: dict[str, object]) -> list[str]:
    return [i["said"] for i in document["interactions"]]  # type: ignore[attr-defined, index]


@pytest.fixture
def dated(workbook: Workbook) -> Workbook:
    """Interactions and dated records on both sides of 1–3 October."""
    alex = services.add_person(workbook, r.Person(name="Alex"))
    for moment, text in [
        (datetime(2026, 9, 30, 23, 59, 59), "before"),
        (datetime(2026, 10, 1, 0, 0), "first minute"),
        (datetime(2026, 10, 2, 12, 0), "middle"),
        (datetime(2026, 10, 3, 23, 59, 59), "last second"),
        (datetime(2026, 10, 4, 0, 0), "after"),
    ]:
        services.add_interaction(
            workbook, r.Interaction(occurred_at=moment, people=(alex.id,), said=text)
        )
    for day in (date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 3), date(2026, 10, 4)):
        services.save_event(workbook, r.LifeEvent(on=day, note=str(day)))
        services.save_phq9(workbook, r.Phq9(taken_on=day, items=(1,) * 9))
        services.save_gad7(workbook, r.Gad7(taken_on=day, items=(1,) * 7))
        services.save_mood(workbook, r.Mood(on=day, rating=5))
        services.save_session(workbook, r.TherapySession(number=day.day, held_on=day))
    return workbook


def test_the_date_range_includes_both_ends(dated: Workbook) -> None:
    document = export_document(
        dated, ExportOptions(date_from=date(2026, 10, 1), date_to=date(2026, 10, 3))
    )
    assert said(document) == ["first minute", "middle", "last second"]
    inside = ["2026-10-01", "2026-10-03"]
    assert [e["on"] for e in document["events"]] == inside
    assert [a["taken_on"] for a in document["phq9"]] == inside
    assert [a["taken_on"] for a in document["gad7"]] == inside
    assert [x["on"] for x in document["moods"]] == inside
    assert [s["held_on"] for s in document["sessions"]] == inside


def test_an_open_ended_range(dated: Workbook) -> None:
    assert said(export_document(dated, ExportOptions(date_from=date(2026, 10, 3)))) == [
        "last second",
        "after",
    ]
    assert said(export_document(dated, ExportOptions(date_to=date(2026, 9, 30)))) == ["before"]


@pytest.fixture
def people(workbook: Workbook) -> dict[str, r.Person]:
    found = {
        name: services.add_person(workbook, r.Person(name=name)) for name in ("Alex", "Sam", "Mum")
    }
    for text, names in [
        ("with Alex", ["Alex"]),
        ("with Sam", ["Sam"]),
        ("with Mum", ["Mum"]),
        ("with Alex and Mum", ["Alex", "Mum"]),
    ]:
        services.add_interaction(
            workbook,
            r.Interaction(
                occurred_at=datetime(2026, 10, 1 + len(text) % 20, 9),
                people=tuple(found[n].id for n in names),
                said=text,
            ),
        )
    return found


def test_people_filter_keeps_interactions_with_any_of_them(
    workbook: Workbook, people: dict[str, r.Person]
) -> None:
    document = export_document(workbook, ExportOptions(people=("alex", "SAM")))
    assert sorted(said(document)) == ["with Alex", "with Alex and Mum", "with Sam"]
    # Everyone stays in the inventory, so the interaction with Alex and Mum still imports.
    assert {p["name"] for p in document["people"]} == {"Alex", "Sam", "Mum"}


def test_an_unknown_person_is_a_clear_error(
    workbook: Workbook, people: dict[str, r.Person]
) -> None:
    with pytest.raises(UnknownPerson, match='no person called "Alexa" in this workbook'):
        export_document(workbook, ExportOptions(people=("Alexa",)))


@pytest.fixture
def private_work(workbook: Workbook) -> dict[str, r.Interaction]:
    alex = services.add_person(workbook, r.Person(name="Alex"))
    shared = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 1, 9),
            people=(alex.id,),
            said="shared",
            therapist_note="Note from session 3",
        ),
    )
    secret = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 2, 9),
            people=(alex.id,),
            said="kept to myself",
            private=True,
        ),
    )
    follow_up = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 3, 9),
            people=(alex.id,),
            said="tried again",
            follow_up_of=secret.id,
        ),
    )
    services.save_session(
        workbook,
        r.TherapySession(
            number=1,
            held_on=date(2026, 10, 4),
            interactions=(shared.id, secret.id, follow_up.id),
        ),
    )
    return {"shared": shared, "secret": secret, "follow_up": follow_up}


def test_private_interactions_are_left_out_without_a_trace(
    workbook: Workbook, private_work: dict[str, r.Interaction]
) -> None:
    document = export_document(workbook)
    assert said(document) == ["shared", "tried again"]
    text = json.dumps(document)
    assert private_work["secret"].id not in text
    assert "kept to myself" not in text
    assert document["sessions"][0]["interactions"] == [
        private_work["shared"].id,
        private_work["follow_up"].id,
    ]
    assert document["interactions"][1]["follow_up_of"] is None


def test_private_interactions_are_included_on_request(
    workbook: Workbook, private_work: dict[str, r.Interaction]
) -> None:
    document = export_document(workbook, ExportOptions(include_private=True))
    assert said(document) == ["shared", "kept to myself", "tried again"]
    assert document["interactions"][1]["private"] is True
    assert document["interactions"][2]["follow_up_of"] == private_work["secret"].id
    assert len(document["sessions"][0]["interactions"]) == 3


def test_therapist_notes_can_be_left_out(
    workbook: Workbook, private_work: dict[str, r.Interaction]
) -> None:
    with_notes = export_document(workbook)
    without = export_document(workbook, ExportOptions(therapist_notes=False))
    assert with_notes["interactions"][0]["therapist_note"] == "Note from session 3"
    assert {i["therapist_note"] for i in without["interactions"]} == {""}
    assert "Note from session 3" not in json.dumps(without)


# --- pseudonyms ------------------------------------------------------------------------

REAL_NAMES = (
    "Alexandra Novak",
    "Alexandra",
    "Novak",
    "Samuel",
    "Oma",
    "Maria Lopez",
    "Maria",
    "Kim",
)


@pytest.fixture
def named(workbook: Workbook) -> dict[str, r.Person]:
    """A workbook whose texts mention its people by name, everywhere."""
    services.set_meta(
        workbook,
        r.WorkbookMeta(title="Maria's workbook", owner="Maria Lopez", therapist="Kim"),
    )
    services.add_vocabulary(
        workbook,
        r.Vocabulary(
            emotions=("left out by Samuel",),
            problems=(r.ProblemKind("oma_rule", "Doing it like Oma"),),
        ),
    )
    alex = services.add_person(
        workbook,
        r.Person(
            name="Alexandra Novak",
            relationship="partner",
            expectations="That Alexandra listens",
            notes="Samuel's mother. Kim says Alexandra Novak is key.",
        ),
    )
    samuel = services.add_person(
        workbook, r.Person(name="Samuel", notes="Alexandra's son; ALEXANDRA calls him SAMUEL")
    )
    oma = services.add_person(workbook, r.Person(name="Oma", relationship="parent"))
    focus = services.add_focus(
        workbook,
        r.Focus(
            area="dispute",
            description="Alexandra and Maria about Samuel",
            people=(alex.id,),
            details={"i_expect": "Alexandra helps", "they_expect": "Maria calms down"},
            goals=(r.Goal("Talk to Alexandra calmly"),),
        ),
    )
    first = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 3, 19, 30),
            people=(alex.id, samuel.id),
            focus=focus.id,
            setting="At Oma's, with Samuel",
            intended="Alexandra, I need you",
            said="Alexandra Novak!\nSamuel, stop.",
            other_said="Maria, calm down",
            heard="Alexandra thinks I'm a fool",
            their_view="Kim would say Alexandra was tired",
            emotions=(r.EmotionRating("left out by Samuel", 60),),
            outcome="Oma left",
            problems=("oma_rule",),
            alternative="Tell Alexandra",
            plan="Ask Samuel",
            therapist_note="Maria and Alexandra: attack-withdraw",
            tags=("Oma", "oma", "Alexandra"),
        ),
    )
    services.save_event(
        workbook, r.LifeEvent(on=date(2026, 6, 1), people=(oma.id,), note="Oma moved in")
    )
    services.save_session(
        workbook,
        r.TherapySession(
            number=1,
            held_on=date(2026, 10, 4),
            notes="Samuel came up",
            homework="Write to Alexandra",
            interactions=(first.id,),
        ),
    )
    services.save_mood(workbook, r.Mood(on=date(2026, 10, 4), rating=3, note="Oma is ill"))
    return {"alex": alex, "samuel": samuel, "oma": oma}


def test_pseudonymised_export_holds_no_real_name(
    workbook: Workbook, named: dict[str, r.Person], tmp_path: Path
) -> None:
    path = tmp_path / "pseudonymised.json"
    write_json(workbook, ExportOptions(pseudonymize=True), path)
    text = path.read_text(encoding="utf-8")
    for name in REAL_NAMES:
        assert not re.search(rf"\b{name}\b", text, re.IGNORECASE), name
    document = json.loads(text)
    assert document["workbook"]["owner"] == "Client"
    assert document["workbook"]["therapist"] == "Therapist"
    assert document["workbook"]["title"] == "Client's workbook"


def test_each_person_keeps_one_label_throughout(
    workbook: Workbook, named: dict[str, r.Person]
) -> None:
    document = export_document(workbook, ExportOptions(pseudonymize=True))
    labels = {p["id"]: p["name"] for p in document["people"]}
    # Labels follow the order people were added: stable for the same workbook.
    assert labels == {
        named["alex"].id: "Person A",
        named["samuel"].id: "Person B",
        named["oma"].id: "Person C",
    }
    interaction = document["interactions"][0]
    assert interaction["said"] == "Person A!\nPerson B, stop."
    assert interaction["setting"] == "At Person C's, with Person B"
    assert interaction["therapist_note"] == "Client and Person A: attack-withdraw"
    assert interaction["tags"] == ["Person C", "Person A"]  # "Oma" and "oma" became one tag
    assert interaction["emotions"] == [{"name": "left out by Person B", "intensity": 60}]
    assert document["vocabulary"]["emotions"] == ["left out by Person B"]
    assert document["vocabulary"]["problems"] == [
        {"key": "person_c_rule", "label": "Doing it like Person C", "explanation": ""}
    ]
    assert interaction["problems"] == ["person_c_rule"]
    samuel = next(p for p in document["people"] if p["id"] == named["samuel"].id)
    assert samuel["notes"] == "Person A's son; Person A calls him Person B"
    assert document["events"][0]["note"] == "Person C moved in"
    assert document["sessions"][0]["homework"] == "Write to Person A"
    assert document["moods"][0]["note"] == "Person C is ill"
    assert document["focuses"][0]["details"]["they_expect"] == "Client calms down"
    assert (
        export_document(workbook, ExportOptions(pseudonymize=True))["people"] == document["people"]
    )


def test_a_pseudonymised_export_imports_cleanly(
    workbook: Workbook, named: dict[str, r.Person], tmp_path: Path
) -> None:
    path = tmp_path / "pseudonymised.json"
    write_json(workbook, ExportOptions(pseudonymize=True, include_private=True), path)
    target = create_workbook(tmp_path / "target.iptw")
    try:
        summary = import_file(target, path)
        names = sorted(p.name for p in services.list_people(target))
    finally:
        target.close()
    assert summary.added["interactions"] == 1
    assert names == ["Person A", "Person B", "Person C"]


def test_the_person_filter_uses_real_names_with_pseudonyms(
    workbook: Workbook, named: dict[str, r.Person]
) -> None:
    document = export_document(workbook, ExportOptions(people=("samuel",), pseudonymize=True))
    assert len(document["interactions"]) == 1
    assert "Samuel" not in json.dumps(document)
