"""Importing by id: new records added, known ones updated, nothing duplicated."""

from __future__ import annotations

import gc
import json
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from iptwork.interchange import ExportOptions, export_document, import_file, write_json
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.errors import InvalidRecord
from iptwork.store.workbook import Workbook, create_workbook

Document = dict[str, Any]


def uid(n: int) -> str:
    return str(uuid.UUID(int=n, version=4))


ALEX, SAM, FOCUS = uid(1), uid(2), uid(3)


def document(**extra: Any) -> Document:
    base: Document = {
        "format": "iptwork-workbook",
        "version": 1,
        "exported_at": "2026-11-26T12:00:00Z",
        "workbook": {
            "title": "From the file",
            "owner": "Client from the file",
            "therapist": "Therapist from the file",
            "started_on": "2026-09-01",
            "planned_sessions": 12,
        },
        "people": [
            {"id": ALEX, "name": "Alex", "relationship": "partner"},
            {"id": SAM, "name": "Sam", "relationship": "friend"},
        ],
        "focuses": [{"id": FOCUS, "area": "dispute", "stage": "impasse", "people": [ALEX]}],
        "interactions": [
            {
                "id": uid(100 + n),
                "occurred_at": f"2026-10-0{n + 1}T19:30:00",
                "people": [ALEX],
                "focus": FOCUS,
                "said": f"Said {n}",
                "satisfaction": n,
                "emotions": [{"name": "hurt", "intensity": 10 * n}],
            }
            for n in range(3)
        ],
    }
    base.update(extra)
    return base


def save(folder: Path, doc: object, name: str = "import.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    workbook: Workbook, tmp_path: Path
) -> None:
    path = save(tmp_path, document())
    first = import_file(workbook, path)
    after_first = services.read_contents(workbook)
    second = import_file(workbook, path)

    assert first.added == {
        "people": 2,
        "focuses": 1,
        "interactions": 3,
        "events": 0,
        "sessions": 0,
        "phq9": 0,
        "gad7": 0,
        "moods": 0,
    }
    assert first.total_updated == 0
    assert second.total_added == 0
    assert second.updated["interactions"] == 3
    assert services.read_contents(workbook) == after_first
    assert len(services.list_people(workbook)) == 2


def test_the_summary_reads_as_a_sentence(workbook: Workbook, tmp_path: Path) -> None:
    path = save(tmp_path, document())
    assert str(import_file(workbook, path)) == (
        "6 new and 0 updated records (people: 2 new; focuses: 1 new; interactions: 3 new)"
    )
    assert str(import_file(workbook, path)) == (
        "0 new and 6 updated records (people: 2 updated; focuses: 1 updated; "
        "interactions: 3 updated)"
    )


def test_a_changed_record_in_the_file_updates_the_known_one(
    workbook: Workbook, tmp_path: Path
) -> None:
    import_file(workbook, save(tmp_path, document()))
    changed = document()
    changed["interactions"][1]["said"] = "What I really said"
    changed["interactions"][1]["emotions"] = [{"name": "sad", "intensity": 90}]
    changed["interactions"][1]["people"] = [ALEX, SAM]
    changed["people"][1]["name"] = "Samira"
    changed["interactions"].append(
        {"id": uid(200), "occurred_at": "2026-10-20T08:00:00", "people": [SAM]}
    )

    summary = import_file(workbook, save(tmp_path, changed))

    assert (summary.added["interactions"], summary.updated["interactions"]) == (1, 3)
    interaction = services.get_interaction(workbook, uid(101))
    assert interaction.said == "What I really said"
    assert interaction.emotions == (r.EmotionRating("sad", 90),)
    assert interaction.people == (ALEX, SAM)
    assert services.get_person(workbook, SAM).name == "Samira"
    assert services.count_interactions(workbook) == 4


def test_the_file_fills_only_the_workbooks_empty_fields(workbook: Workbook, tmp_path: Path) -> None:
    services.set_meta(workbook, r.WorkbookMeta(title="My own title", planned_sessions=20))
    import_file(workbook, save(tmp_path, document()))
    assert services.get_meta(workbook) == r.WorkbookMeta(
        title="My own title",
        owner="Client from the file",
        therapist="Therapist from the file",
        started_on=date(2026, 9, 1),
        planned_sessions=20,
    )


def test_records_may_use_words_the_workbook_already_knows(
    workbook: Workbook, tmp_path: Path
) -> None:
    services.add_vocabulary(
        workbook,
        r.Vocabulary(emotions=("drained",), problems=(r.ProblemKind("talked_over", "Over"),)),
    )
    doc = document()
    doc["interactions"][0]["emotions"] = [{"name": "drained", "intensity": 80}]
    doc["interactions"][0]["problems"] = ["talked_over", "silence"]
    import_file(workbook, save(tmp_path, doc))
    interaction = services.get_interaction(workbook, uid(100))
    assert interaction.emotions == (r.EmotionRating("drained", 80),)
    assert interaction.problems == ("talked_over", "silence")


def test_the_files_own_words_are_added(workbook: Workbook, tmp_path: Path) -> None:
    doc = document(
        vocabulary={
            "emotions": ["unseen"],
            "problems": [{"key": "mind_reading", "label": "Guessing their thoughts"}],
        }
    )
    doc["interactions"][0]["emotions"] = [{"name": "unseen", "intensity": 80}]
    doc["interactions"][0]["problems"] = ["mind_reading"]
    import_file(workbook, save(tmp_path, doc))
    assert "unseen" in services.list_emotion_words(workbook)
    labels = {p.key: p.label for p in services.list_problem_kinds(workbook)}
    assert labels["mind_reading"] == "Guessing their thoughts"


def test_lenient_spellings_are_accepted(workbook: Workbook, tmp_path: Path) -> None:
    """What a person or another program may reasonably write, read as meant."""
    doc = document()
    doc["people"][1]["relationship"] = "ex-partner"
    doc["people"][1]["id"] = SAM.upper()
    doc["interactions"][0]["people"] = [ALEX.upper()]
    doc["interactions"][0]["occurred_at"] = "2026-10-01T19:30:15.250Z"
    doc["interactions"][1]["occurred_at"] = "2026-10-02 07:05"
    doc["interactions"][2]["occurred_at"] = "2026-10-03T19:30:00+02:00"
    doc["interactions"][2]["said"] = None
    doc["interactions"][2]["tags"] = None
    doc["interactions"][2]["a_field_from_the_future"] = {"anything": [1, 2]}
    path = tmp_path / "import.json"
    path.write_text(json.dumps(doc), encoding="utf-8-sig")  # with a byte-order mark

    import_file(workbook, path)

    assert services.get_person(workbook, SAM).relationship == "ex_partner"
    first, second, third = services.list_interactions(workbook)
    assert first.people == (ALEX,)
    assert first.occurred_at == datetime(2026, 10, 1, 19, 30, 15)
    assert second.occurred_at == datetime(2026, 10, 2, 7, 5)
    assert third.occurred_at == datetime(2026, 10, 3, 19, 30)  # the wall-clock time
    assert (third.said, third.tags) == ("", ())


def test_missing_optional_keys_take_the_defaults(workbook: Workbook, tmp_path: Path) -> None:
    doc = {
        "format": "iptwork-workbook",
        "version": 1,
        "people": [{"id": ALEX, "name": "Alex"}],
        "interactions": [{"id": uid(100), "occurred_at": "2026-10-01T19:30:00"}],
        "moods": [{"id": uid(5), "on": "2026-10-01", "rating": 6}],
    }
    import_file(workbook, save(tmp_path, doc))
    assert services.get_person(workbook, ALEX) == r.Person(name="Alex", id=ALEX)
    assert services.get_interaction(workbook, uid(100)) == r.Interaction(
        occurred_at=datetime(2026, 10, 1, 19, 30), id=uid(100)
    )
    assert services.list_moods(workbook) == [r.Mood(on=date(2026, 10, 1), rating=6, id=uid(5))]


def test_a_goal_id_belonging_to_another_focus_is_named(workbook: Workbook, tmp_path: Path) -> None:
    focus = services.add_focus(workbook, r.Focus(area="grief", goals=(r.Goal("Visit", id=uid(9)),)))
    doc = document()
    doc["focuses"][0]["goals"] = [{"id": uid(9), "text": "Talk"}]
    with pytest.raises(InvalidRecord) as caught:
        import_file(workbook, save(tmp_path, doc))
    assert caught.value.record == f"focuses[0] (id {FOCUS})"
    assert caught.value.field == "goals[0].id"
    assert services.list_focuses(workbook) == [focus]


def test_a_filtered_export_imports_cleanly_into_a_new_workbook(
    workbook: Workbook, tmp_path: Path
) -> None:
    """Left-out interactions leave no dangling follow-ups or session references behind."""
    alex = services.add_person(workbook, r.Person(name="Alex"))
    early = services.add_interaction(
        workbook, r.Interaction(occurred_at=datetime(2026, 9, 1, 9), people=(alex.id,))
    )
    secret = services.add_interaction(
        workbook,
        r.Interaction(occurred_at=datetime(2026, 10, 2, 9), people=(alex.id,), private=True),
    )
    late = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 5, 9), people=(alex.id,), follow_up_of=early.id
        ),
    )
    after_secret = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 6, 9), people=(alex.id,), follow_up_of=secret.id
        ),
    )
    services.save_session(
        workbook,
        r.TherapySession(
            number=3,
            held_on=date(2026, 10, 7),
            interactions=(early.id, secret.id, late.id, after_secret.id),
        ),
    )
    path = tmp_path / "october.json"
    write_json(workbook, ExportOptions(date_from=date(2026, 10, 1)), path)

    target = create_workbook(tmp_path / "new.iptw")
    try:
        import_file(target, path)
        imported = {i.id: i for i in services.list_interactions(target)}
        sessions = services.list_sessions(target)
    finally:
        target.close()
    assert set(imported) == {late.id, after_secret.id}
    assert imported[late.id].follow_up_of is None
    assert imported[after_secret.id].follow_up_of is None
    assert sessions[0].interactions == (late.id, after_secret.id)


def test_an_export_of_an_empty_workbook_imports(workbook: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    write_json(workbook, None, path)
    summary = import_file(workbook, path)
    assert (summary.total_added, summary.total_updated) == (0, 0)
    assert export_document(workbook)["interactions"] == []


def test_the_cycle_collector_runs_again_after_an_import(workbook: Workbook, tmp_path: Path) -> None:
    """Imports pause Python's cycle collector for speed; a long-running app needs it back."""
    import_file(workbook, save(tmp_path, document()))
    assert gc.isenabled()
    bad = document()
    bad["interactions"][0]["satisfaction"] = 99
    with pytest.raises(InvalidRecord):
        import_file(workbook, save(tmp_path, bad))
    assert gc.isenabled()
