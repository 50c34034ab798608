"""A bad import file changes nothing and names the first bad record and field."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iptwork.interchange import NewerExport, NotAnExport, import_file
from iptwork.interchange.errors import ImportFileNotFound
from iptwork.store import records as r
from iptwork.store import services, write
from iptwork.store.errors import InvalidRecord, WorkbookError
from iptwork.store.workbook import Workbook, create_workbook

Document = dict[str, Any]
BAD = 50  # the index of the bad interaction, in the middle of 101


def uid(n: int) -> str:
    return str(uuid.UUID(int=n, version=4))


ALEX, SAM, FOCUS, GOAL, SESSION = uid(1), uid(2), uid(3), uid(4), uid(5)


def interaction_id(n: int) -> str:
    return uid(1000 + n)


def good_document(count: int = 101) -> Document:
    """A valid export with `count` interactions that refer to each other and to people."""
    return {
        "format": "iptwork-workbook",
        "version": 1,
        "exported_at": "2026-11-26T12:00:00Z",
        "workbook": {"title": "Imported", "owner": "Client", "therapist": "", "started_on": None},
        "people": [
            {"id": ALEX, "name": "Alex", "relationship": "partner", "closeness": 1},
            {"id": SAM, "name": "Sam", "relationship": "friend"},
        ],
        "focuses": [
            {
                "id": FOCUS,
                "area": "dispute",
                "stage": "impasse",
                "people": [ALEX],
                "details": {"i_expect": "help"},
                "goals": [{"id": GOAL, "text": "Ask directly", "status": "open"}],
            }
        ],
        "interactions": [
            {
                "id": interaction_id(n),
                "occurred_at": f"2026-10-{1 + n % 28:02d}T19:30:00",
                "channel": "face_to_face",
                "people": [ALEX] if n % 2 else [ALEX, SAM],
                "focus": FOCUS if n % 3 else None,
                "said": f"Number {n}",
                "emotions": [
                    {"name": "hurt", "intensity": 70},
                    {"name": "overwhelmed", "intensity": 20},
                ],
                "understood": "no",
                "satisfaction": n % 11,
                "problems": ["assumed_understood", "talked_over"],
                "rehearsed": False,
                "follow_up_of": interaction_id(n - 1) if n else None,
                "private": False,
                "tags": ["money"],
            }
            for n in range(count)
        ],
        "events": [{"id": uid(6), "on": "2026-06-01", "kind": "transition", "people": [SAM]}],
        "sessions": [
            {
                "id": SESSION,
                "number": 1,
                "held_on": "2026-10-05",
                "phase": "initial",
                "interactions": [interaction_id(0), interaction_id(1)],
            }
        ],
        "phq9": [{"id": uid(7), "taken_on": "2026-10-05", "items": [1, 2, 1, 0, 1, 2, 1, 0, 0]}],
        "gad7": [{"id": uid(8), "taken_on": "2026-10-05", "items": [1, 1, 2, 0, 1, 1, 0]}],
        "moods": [{"id": uid(9), "on": "2026-10-05", "rating": 4}],
        "vocabulary": {
            "emotions": ["overwhelmed"],
            "problems": [{"key": "talked_over", "label": "Talking over them"}],
        },
    }


@pytest.fixture
def used_workbook(workbook: Workbook) -> Workbook:
    """A workbook with something in it, so that "nothing changed" means something."""
    person = services.add_person(workbook, r.Person(name="Robin", relationship="sibling"))
    services.add_interaction(
        workbook,
        r.Interaction(occurred_at=datetime(2026, 9, 1, 10), people=(person.id,), said="Hi"),
    )
    return workbook


def snapshot(wb: Workbook) -> r.Contents:
    return services.read_contents(wb)


def write_document(folder: Path, document: object) -> Path:
    path = folder / "import.json"
    # ASCII escapes: a broken character (a lone surrogate) can be written only as "\\ud800".
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_good_document_imports(used_workbook: Workbook, tmp_path: Path) -> None:
    summary = import_file(used_workbook, write_document(tmp_path, good_document()))
    assert summary.added["interactions"] == 101
    assert services.count_interactions(used_workbook) == 102


def at(index: int, key: str, value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["interactions"][index][key] = value

    return change


def drop(key: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        del document["interactions"][BAD][key]

    return change


def emotion_intensity(value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["interactions"][BAD]["emotions"][1]["intensity"] = value

    return change


def second_person_named(name: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["people"][1]["name"] = name

    return change


def session_refers_to(target: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["sessions"][0]["interactions"].append(target)

    return change


def not_an_object(document: Document) -> None:
    document["interactions"][BAD] = ["not", "an", "object"]


BAD_RECORD = f"interactions[{BAD}] (id {interaction_id(BAD)})"
UNKNOWN = uid(999_999)

CASES: list[tuple[str, Callable[[Document], None], str, str, str]] = [
    # (name, change, record, field, words in the problem)
    ("text for a number", at(BAD, "satisfaction", "3"), BAD_RECORD, "satisfaction", "text"),
    ("bool for a number", at(BAD, "satisfaction", True), BAD_RECORD, "satisfaction", "true"),
    ("float for a number", at(BAD, "satisfaction", 3.0), BAD_RECORD, "satisfaction", "3.0"),
    ("number for text", at(BAD, "said", 42), BAD_RECORD, "said", "must be text"),
    ("number for a bool", at(BAD, "private", 0), BAD_RECORD, "private", "true or false"),
    ("list for text", at(BAD, "heard", ["a"]), BAD_RECORD, "heard", "a list"),
    ("out of range", at(BAD, "satisfaction", 11), BAD_RECORD, "satisfaction", "0 to 10"),
    ("negative", at(BAD, "satisfaction", -1), BAD_RECORD, "satisfaction", "0 to 10"),
    (
        "nested out of range",
        emotion_intensity(101),
        BAD_RECORD,
        "emotions[1].intensity",
        "0 to 100",
    ),
    ("unknown channel", at(BAD, "channel", "telepathy"), BAD_RECORD, "channel", "telepathy"),
    ("unknown understood", at(BAD, "understood", "maybe"), BAD_RECORD, "understood", "maybe"),
    (
        "emotion not in any vocabulary",
        at(BAD, "emotions", [{"name": "elated", "intensity": 5}]),
        BAD_RECORD,
        "emotions",
        "elated",
    ),
    (
        "problem not in any vocabulary",
        at(BAD, "problems", ["mind_reading"]),
        BAD_RECORD,
        "problems",
        "mind_reading",
    ),
    ("dangling person", at(BAD, "people", [UNKNOWN]), BAD_RECORD, "people", UNKNOWN),
    ("dangling focus", at(BAD, "focus", UNKNOWN), BAD_RECORD, "focus", UNKNOWN),
    ("dangling follow-up", at(BAD, "follow_up_of", UNKNOWN), BAD_RECORD, "follow_up_of", UNKNOWN),
    (
        "follows itself",
        at(BAD, "follow_up_of", interaction_id(BAD)),
        BAD_RECORD,
        "follow_up_of",
        "itself",
    ),
    (
        "dangling session reference",
        session_refers_to(UNKNOWN),
        f"sessions[0] (id {SESSION})",
        "interactions",
        UNKNOWN,
    ),
    (
        "duplicate id",
        at(BAD, "id", interaction_id(10)),
        f"interactions[{BAD}] (id {interaction_id(10)})",
        "id",
        "twice",
    ),
    ("duplicate person name", second_person_named("alex"), f"people[1] (id {SAM})", "name", "alex"),
    (
        "impossible date",
        at(BAD, "occurred_at", "2026-13-01T10:00:00"),
        BAD_RECORD,
        "occurred_at",
        "2026-13-01",
    ),
    ("not a date", at(BAD, "occurred_at", "yesterday"), BAD_RECORD, "occurred_at", "yesterday"),
    ("date without time", at(BAD, "occurred_at", "2026-10-01"), BAD_RECORD, "occurred_at", "time"),
    ("missing required key", drop("occurred_at"), BAD_RECORD, "occurred_at", "missing"),
    ("missing id", drop("id"), f"interactions[{BAD}]", "id", "missing"),
    ("bad id", at(BAD, "id", "not-a-uuid"), f"interactions[{BAD}]", "id", "not-a-uuid"),
    ("record not an object", not_an_object, f"interactions[{BAD}]", "(record)", "a list"),
    ("NUL in text", at(BAD, "said", "a\x00b"), BAD_RECORD, "said", "NUL"),
    ("broken character", at(BAD, "said", "a\ud800b"), BAD_RECORD, "said", "broken"),
    ("blank tag", at(BAD, "tags", ["money", " "]), BAD_RECORD, "tags[1]", "empty"),
    ("repeated tag", at(BAD, "tags", ["money", "money"]), BAD_RECORD, "tags", "twice"),
    ("too long", at(BAD, "plan", "x" * 1_000_001), BAD_RECORD, "plan", "limit"),
]


@pytest.mark.parametrize(
    ("change", "record", "field", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_one_bad_record_changes_nothing_and_is_named(
    used_workbook: Workbook,
    tmp_path: Path,
    change: Callable[[Document], None],
    record: str,
    field: str,
    words: str,
) -> None:
    before = snapshot(used_workbook)
    document = good_document()
    change(document)
    with pytest.raises(InvalidRecord) as caught:
        import_file(used_workbook, write_document(tmp_path, document))
    assert (caught.value.record, caught.value.field) == (record, field)
    assert words in caught.value.problem
    assert record in str(caught.value)
    assert snapshot(used_workbook) == before


def test_a_failure_while_writing_rolls_everything_back(
    used_workbook: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interactions already written in the transaction disappear when a later step fails."""
    before = snapshot(used_workbook)

    def broken(*_args: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(write, "put_sessions", broken)
    with pytest.raises(OSError, match="went away"):
        import_file(used_workbook, write_document(tmp_path, good_document()))
    assert snapshot(used_workbook) == before


def test_a_clash_with_the_workbook_is_named(used_workbook: Workbook, tmp_path: Path) -> None:
    before = snapshot(used_workbook)
    document = good_document()
    document["people"][1]["name"] = "ROBIN"  # Robin is already in the workbook, another id
    with pytest.raises(InvalidRecord, match="ROBIN") as caught:
        import_file(used_workbook, write_document(tmp_path, document))
    assert (caught.value.record, caught.value.field) == (f"people[1] (id {SAM})", "name")
    assert snapshot(used_workbook) == before


def file_level(change: Callable[[Document], None]) -> Document:
    document = good_document(3)
    change(document)
    return document


@pytest.mark.parametrize(
    ("document", "field", "words"),
    [
        pytest.param(
            file_level(lambda d: d.update(format="something-else")),
            "format",
            "not an iptwork",
            id="wrong marker",
        ),
        pytest.param(file_level(lambda d: d.pop("format")), "format", "missing", id="no marker"),
        pytest.param(
            file_level(lambda d: d.update(version="1")),
            "version",
            "whole number",
            id="version as text",
        ),
        pytest.param(
            file_level(lambda d: d.update(version=0)), "version", "whole number", id="version 0"
        ),
        pytest.param(
            file_level(lambda d: d.update(interactions={})),
            "interactions",
            "list",
            id="collection not a list",
        ),
        pytest.param([good_document(1)], "(top level)", "JSON object", id="top level list"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    used_workbook: Workbook, tmp_path: Path, document: object, field: str, words: str
) -> None:
    before = snapshot(used_workbook)
    with pytest.raises(InvalidRecord) as caught:
        import_file(used_workbook, write_document(tmp_path, document))
    assert (caught.value.record, caught.value.field) == ("file", field)
    assert words in caught.value.problem
    assert snapshot(used_workbook) == before


def test_a_newer_file_asks_for_an_update(used_workbook: Workbook, tmp_path: Path) -> None:
    before = snapshot(used_workbook)
    document = good_document(3)
    document["version"] = 2
    document["interactions"][0]["satisfaction"] = "a shape this iptwork cannot know"
    with pytest.raises(NewerExport, match="Update iptwork") as caught:
        import_file(used_workbook, write_document(tmp_path, document))
    assert caught.value.version == 2
    assert "\n" not in str(caught.value)
    assert snapshot(used_workbook) == before


RAW_CASES = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"  \n\t\n", "empty", id="only white space"),
    pytest.param(b"this is not json", "not valid JSON", id="not JSON"),
    pytest.param(
        b'{"format": "iptwork-workbook", "version": 1, "people": [{"id": "',
        "cut short",
        id="truncated",
    ),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", id="binary"),
    pytest.param(
        '{"format": "iptwork-workbook", "title": "Zoë"}'.encode("latin-1"), "UTF-8", id="not UTF-8"
    ),
    pytest.param('{"format": "iptwork-workbook"}'.encode("utf-16"), "UTF-16", id="UTF-16"),
    pytest.param(b"[" * 100_000, "nested too deeply", id="nested too deeply"),
    pytest.param(b"[" + b"7" * 5000 + b"]", "number too long", id="endless number"),
]


@pytest.mark.parametrize(("content", "words"), RAW_CASES)
def test_a_file_that_is_not_json_is_refused_in_one_line(
    used_workbook: Workbook, tmp_path: Path, content: bytes, words: str
) -> None:
    before = snapshot(used_workbook)
    path = tmp_path / "import.json"
    path.write_bytes(content)
    with pytest.raises(NotAnExport) as caught:
        import_file(used_workbook, path)
    message = str(caught.value)
    assert "is not an iptwork JSON export" in message
    assert words in message
    assert "\n" not in message
    assert snapshot(used_workbook) == before


def test_the_cut_off_half_of_a_real_export_is_refused(
    used_workbook: Workbook, tmp_path: Path
) -> None:
    text = json.dumps(good_document(), indent=2)
    path = tmp_path / "import.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(NotAnExport, match="cut short"):
        import_file(used_workbook, path)


def test_a_missing_file_or_a_folder_is_a_clear_error(
    used_workbook: Workbook, tmp_path: Path
) -> None:
    with pytest.raises(ImportFileNotFound, match="There is no file"):
        import_file(used_workbook, tmp_path / "nowhere.json")
    with pytest.raises(NotAnExport, match="folder"):
        import_file(used_workbook, tmp_path)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 200)
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(
        [ALEX, SAM, FOCUS, GOAL, SESSION, UNKNOWN, interaction_id(1), "2026-10-05", "dispute"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
PLACES = [
    ("people", 0),
    ("people", 1),
    ("focuses", 0),
    ("interactions", 0),
    ("interactions", 2),
    ("events", 0),
    ("sessions", 0),
    ("phq9", 0),
    ("gad7", 0),
    ("moods", 0),
]


@settings(max_examples=60, deadline=None)
@given(place=st.sampled_from(PLACES), key=st.text(max_size=12), value=JSON_VALUES, data=st.data())
def test_any_damaged_record_is_refused_with_a_message_or_imported(
    tmp_path_factory: pytest.TempPathFactory,
    place: tuple[str, int],
    key: str,
    value: object,
    data: st.DataObject,
) -> None:
    """Whatever a record holds, the import either succeeds or raises a WorkbookError
    (a one-line message) — never a raw database or Python error."""
    document = good_document(3)
    collection, index = place
    record = document[collection][index]
    key = data.draw(st.sampled_from([*record, key]), label="key")
    record[key] = value
    folder = tmp_path_factory.mktemp("damaged")
    wb = create_workbook(folder / "workbook.iptw")
    message = None
    try:
        try:
            import_file(wb, write_document(folder, document))
        except WorkbookError as error:
            message = str(error)
        assert services.count_interactions(wb) == (3 if message is None else 0)
    finally:
        wb.close()
    assert message is None or "\n" not in message
