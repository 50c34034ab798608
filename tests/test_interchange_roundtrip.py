"""A workbook exported to JSON and imported into a new one is the same workbook."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iptwork.interchange import ExportOptions, export_document, import_file, write_json
from iptwork.interchange.errors import ExportFileError
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook, create_workbook

EVERYTHING = ExportOptions(include_private=True)


def fill_workbook(wb: Workbook) -> dict[str, Any]:
    """Every kind of record the workbook holds, entered through the services."""
    services.set_meta(
        wb,
        r.WorkbookMeta(
            title="Autumn course",
            owner="Maria Lopez",
            therapist="Dr Kim",
            started_on=date(2026, 9, 1),
            planned_sessions=16,
        ),
    )
    services.add_vocabulary(
        wb,
        r.Vocabulary(
            emotions=("overwhelmed",),
            problems=(r.ProblemKind("talked_over", "Talking over them", "Not letting them end"),),
        ),
    )
    alex = services.add_person(
        wb,
        r.Person(
            name="Alex",
            relationship="partner",
            closeness=1,
            support=6,
            conflict=8,
            expectations="Help with the kids",
            expectations_met="partly",
            notes="Together 9 years",
        ),
    )
    mum = services.add_person(wb, r.Person(name="Mum", relationship="parent", closeness=2))
    ex = services.add_person(
        wb, r.Person(name="Jordan", relationship="ex_partner", closeness=3, support=1)
    )
    dispute = services.add_focus(
        wb,
        r.Focus(
            area="dispute",
            description="Housework and money",
            stage="renegotiation",
            people=(alex.id,),
            details={"i_expect": "Share the chores", "they_expect": "Less nagging"},
            goals=(r.Goal("Ask directly"), r.Goal("Weekly talk", status="achieved")),
        ),
        today=date(2026, 9, 10),
    )
    dispute = services.update_focus(wb, replace(dispute, stage="impasse"), today=date(2026, 10, 1))
    services.add_focus(
        wb,
        r.Focus(
            area="grief",
            description="Dad",
            details={"person_lost": "Dad", "died_on": "2025-03-02"},
            goals=(r.Goal("Look at the photos", status="dropped"),),
        ),
    )
    first = services.add_interaction(
        wb,
        r.Interaction(
            occurred_at=datetime(2026, 10, 3, 19, 30),
            channel="face_to_face",
            people=(alex.id,),
            focus=dispute.id,
            setting="Kitchen, after dinner",
            intended="That I am exhausted",
            said="You never help!",
            other_said="I do plenty",
            heard="You don't matter",
            their_view="Felt attacked",
            emotions=(r.EmotionRating("hurt", 70), r.EmotionRating("overwhelmed", 40)),
            outcome="Silence all evening",
            understood="no",
            satisfaction=2,
            problems=("hostile", "talked_over"),
            alternative="Say I am tired and ask for one thing",
            plan="Ask for help with the dishes",
            rehearsed=True,
            therapist_note="Classic attack-withdraw",
            tags=("chores", "evening"),
        ),
    )
    follow_up = services.add_interaction(
        wb,
        r.Interaction(
            occurred_at=datetime(2026, 10, 8, 8, 15),
            channel="message",
            people=(alex.id, mum.id),
            focus=dispute.id,
            said="Could you do the dishes tonight?",
            emotions=(r.EmotionRating("hopeful", 60),),
            understood="yes",
            satisfaction=7,
            follow_up_of=first.id,
        ),
    )
    secret = services.add_interaction(
        wb,
        r.Interaction(
            occurred_at=datetime(2026, 10, 9, 22, 0),
            channel="phone",
            people=(ex.id,),
            said="I miss you",
            private=True,
            understood="unsure",
        ),
    )
    services.save_event(
        wb, r.LifeEvent(on=date(2026, 6, 1), kind="transition", people=(alex.id, mum.id))
    )
    services.save_event(
        wb, r.LifeEvent(on=date(2025, 3, 2), kind="loss", note="Dad died", approximate=True)
    )
    services.save_session(
        wb,
        r.TherapySession(
            number=1,
            held_on=date(2026, 9, 10),
            phase="initial",
            notes="Inventory",
            homework="Write down one argument",
            client_rating=2,
            therapist_rating=2,
        ),
    )
    services.save_session(
        wb,
        r.TherapySession(
            number=4,
            held_on=date(2026, 10, 10),
            phase="middle",
            interactions=(first.id, follow_up.id, secret.id),
            client_rating=3,
        ),
    )
    services.save_phq9(
        wb, r.Phq9(taken_on=date(2026, 9, 10), items=(1, 2, 1, 0, 1, 2, 1, 0, 1), difficulty=2)
    )
    services.save_phq9(wb, r.Phq9(taken_on=date(2026, 10, 10), items=(0,) * 9))
    services.save_gad7(wb, r.Gad7(taken_on=date(2026, 9, 10), items=(1, 1, 2, 0, 1, 1, 0)))
    services.save_mood(wb, r.Mood(on=date(2026, 10, 3), rating=3, note="Bad evening"))
    return {"alex": alex, "first": first, "follow_up": follow_up, "secret": secret}


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


def round_trip(source: Workbook, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Export `source`, import the file into a new workbook, export that."""
    path = folder / "export.json"
    write_json(source, EVERYTHING, path)
    target = create_workbook(folder / "copy.iptw")
    try:
        import_file(target, path)
        again = export_document(target, EVERYTHING)
    finally:
        target.close()
    return json.loads(path.read_text(encoding="utf-8")), again


def test_round_trip_through_a_new_workbook_changes_nothing(
    workbook: Workbook, tmp_path: Path
) -> None:
    fill_workbook(workbook)
    first, second = round_trip(workbook, tmp_path)
    assert without_time(first) == without_time(second)
    assert len(first["interactions"]) == 3
    assert first["focuses"][0]["stage_history"] or first["focuses"][1]["stage_history"]


def test_export_has_the_spec_layout(workbook: Workbook) -> None:
    records = fill_workbook(workbook)
    document = export_document(workbook, EVERYTHING)

    assert list(document)[:3] == ["format", "version", "exported_at"]
    assert document["format"] == "iptwork-workbook"
    assert document["version"] == 1
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["exported_at"])
    assert document["workbook"] == {
        "title": "Autumn course",
        "owner": "Maria Lopez",
        "therapist": "Dr Kim",
        "started_on": "2026-09-01",
        "planned_sessions": 16,
    }
    spec_keys = {
        "people": {
            "id",
            "name",
            "relationship",
            "closeness",
            "support",
            "conflict",
            "expectations",
            "notes",
        },
        "focuses": {"id", "area", "description", "stage", "people", "details", "goals"},
        "interactions": {
            "id",
            "occurred_at",
            "channel",
            "people",
            "focus",
            "setting",
            "intended",
            "said",
            "other_said",
            "heard",
            "their_view",
            "emotions",
            "outcome",
            "understood",
            "satisfaction",
            "problems",
            "alternative",
            "plan",
            "rehearsed",
            "follow_up_of",
            "therapist_note",
            "private",
            "tags",
        },
        "events": {"id", "on", "kind", "people", "note"},
        "sessions": {
            "id",
            "number",
            "held_on",
            "phase",
            "notes",
            "homework",
            "interactions",
            "client_rating",
            "therapist_rating",
        },
        "phq9": {"id", "taken_on", "items", "difficulty"},
        "gad7": {"id", "taken_on", "items"},
        "moods": {"id", "on", "rating"},
    }
    for collection, keys in spec_keys.items():
        assert document[collection], collection
        for record in document[collection]:
            assert keys <= set(record), (collection, keys - set(record))

    first = next(i for i in document["interactions"] if i["id"] == records["first"].id)
    assert first["occurred_at"] == "2026-10-03T19:30:00"
    assert first["emotions"] == [
        {"name": "hurt", "intensity": 70},
        {"name": "overwhelmed", "intensity": 40},
    ]
    assert first["rehearsed"] is True
    assert first["private"] is False
    follow_up = next(i for i in document["interactions"] if i["id"] == records["follow_up"].id)
    assert follow_up["follow_up_of"] == records["first"].id
    alex = next(p for p in document["people"] if p["name"] == "Alex")
    assert alex["expectations_met"] == "partly"
    assert document["vocabulary"] == {
        "emotions": ["overwhelmed"],
        "problems": [
            {
                "key": "talked_over",
                "label": "Talking over them",
                "explanation": "Not letting them end",
            }
        ],
    }
    assert document["phq9"][0]["items"] == [1, 2, 1, 0, 1, 2, 1, 0, 1]
    assert {e["on"] for e in document["events"]} == {"2026-06-01", "2025-03-02"}


def test_written_file_is_readable_utf8_text(workbook: Workbook, tmp_path: Path) -> None:
    services.add_person(workbook, r.Person(name="Zoë 王伟", notes="שלום — مرحبا 🙂"))
    path = tmp_path / "out.json"
    write_json(workbook, None, path)
    text = path.read_bytes().decode("utf-8")
    assert "Zoë 王伟" in text  # written as characters, not \\u escapes
    assert "שלום — مرحبا 🙂" in text
    assert text.endswith("}\n")
    assert '\n  "people": [' in text  # indented, so a person can read it


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    workbook: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "out.json"
    path.write_text("the previous export", encoding="utf-8")

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("iptwork.atomic.os.replace", no_space)
    with pytest.raises(ExportFileError, match="No space left on device"):
        write_json(workbook, None, path)
    assert path.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in folder.iterdir()] == ["out.json"]


def test_exporting_into_a_missing_folder_is_a_clear_error(
    workbook: Workbook, tmp_path: Path
) -> None:
    with pytest.raises(ExportFileError, match="Could not write"):
        write_json(workbook, None, tmp_path / "no such folder" / "out.json")


def test_a_50000_character_answer_survives(workbook: Workbook, tmp_path: Path) -> None:
    long_text = ("Nobody listens to me 😞 — לא שומעים אותי\n" * 1300)[:50_000]
    assert len(long_text) == 50_000
    person = services.add_person(workbook, r.Person(name="Alex"))
    services.add_interaction(
        workbook,
        r.Interaction(occurred_at=datetime(2026, 1, 1, 9), people=(person.id,), said=long_text),
    )
    first, second = round_trip(workbook, tmp_path)
    assert without_time(first) == without_time(second)
    assert second["interactions"][0]["said"] == long_text


# --- hostile text --------------------------------------------------------------------

HOSTILE = (
    "🙂😡👨‍👩‍👧‍👦",
    "مرحبا، كيف حالك؟",
    "שלום, מה נשמע?",
    "我们又吵架了。她说：「你从来不听。」",
    "Ты меня не слышишь",
    '<b>bold</b> & <img src="x"> "quoted" \'single\'',
    "line one\nline two\r\nline three\rend",
    "tab\tseparated, comma; semicolon",
    "=SUM(A1:A9)",
    "\u202eRTL override\u202c and zero\u200bwidth",
    "e\u0301 decomposed vs é composed",
    "\\ backslash \\n not a newline",
    " leading and trailing spaces ",
)

text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=300,
    ),
)
short = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=40,
    ),
).filter(lambda s: bool(s.strip()))


@settings(max_examples=30, deadline=None)
@given(
    names=st.lists(short, min_size=1, max_size=3, unique_by=lambda s: s.strip().casefold()),
    texts=st.lists(text, min_size=12, max_size=12),
    tags=st.lists(short, max_size=3, unique=True),
    word=short,
)
def test_hostile_text_survives_export_and_import(
    tmp_path_factory: pytest.TempPathFactory,
    names: list[str],
    texts: list[str],
    tags: list[str],
    word: str,
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    source = create_workbook(folder / "source.iptw")
    try:
        services.set_meta(source, r.WorkbookMeta(title=texts[0][:200], owner=names[0]))
        own_word = "my " + word  # never a built-in emotion
        services.add_vocabulary(
            source,
            r.Vocabulary(emotions=(own_word,), problems=(r.ProblemKind("mine", word),)),
        )
        people = [services.add_person(source, r.Person(name=n, notes=texts[1])) for n in names]
        focus = services.add_focus(
            source,
            r.Focus(
                area="transition",
                description=texts[2],
                details={"old_role": texts[3], "new_role": texts[4]},
                goals=(r.Goal(word),),
            ),
        )
        services.add_interaction(
            source,
            r.Interaction(
                occurred_at=datetime(2026, 10, 3, 19, 30, 5),
                people=tuple(p.id for p in people),
                focus=focus.id,
                setting=texts[5],
                intended=texts[6],
                said=texts[7],
                other_said=texts[8],
                heard=texts[9],
                emotions=(r.EmotionRating(own_word, 55),),
                problems=("mine",),
                therapist_note=texts[10],
                tags=tuple(tags),
            ),
        )
        services.save_session(
            source, r.TherapySession(number=1, held_on=date(2026, 10, 4), notes=texts[11])
        )
        services.save_mood(source, r.Mood(on=date(2026, 10, 4), rating=5, note=texts[1]))
        first, second = round_trip(source, folder)
    finally:
        source.close()
    assert without_time(first) == without_time(second)
    assert first["interactions"][0]["said"] == texts[7]
    assert first["interactions"][0]["tags"] == tags
    assert {p["name"] for p in first["people"]} == set(names)
