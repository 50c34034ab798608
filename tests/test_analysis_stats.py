"""`iptwork stats`: the SPEC JSON document exactly, and the text version with the safety
message first whenever a PHQ-9 has item 9 above 0."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

from iptwork import domain
from iptwork.analysis.filters import PatternFilter
from iptwork.analysis.stats import stats_document, stats_text
from iptwork.store import records as r
from tests.test_analysis_data import generated, handmade, without_item9

SPEC_KEYS = ("interactions", "from", "to", "people", "problems", "emotions", "phq9", "gad7")

HANDMADE = {
    "interactions": 5,
    "from": "2026-09-01",
    "to": "2026-09-20",
    "people": {
        "Alex": {
            "interactions": 4,
            "understood": {"yes": 1, "partly": 1, "no": 1, "unsure": 0},
            "problems": {"assumed_understood": 2, "silence": 2, "hostile": 1},
            "satisfaction_mean": 4.33,
        },
        "Sam": {
            "interactions": 2,
            "understood": {"yes": 1, "partly": 1, "no": 0, "unsure": 0},
            "problems": {"assumed_understood": 1},
            "satisfaction_mean": 6.0,
        },
    },
    "problems": {"assumed_understood": 2, "silence": 2, "hostile": 1},
    "emotions": {
        "hurt": {"count": 3, "intensity_mean": 60.0},
        "angry": {"count": 1, "intensity_mean": 40.0},
        "sad": {"count": 1, "intensity_mean": 20.0},
        "calm": {"count": 1, "intensity_mean": 30.0},
    },
    "phq9": [
        {"taken_on": "2026-09-02", "total": 8, "severity": "mild", "item9_positive": False},
        {
            "taken_on": "2026-09-16",
            "total": 16,
            "severity": "moderately severe",
            "item9_positive": True,
        },
    ],
    "gad7": [{"taken_on": "2026-09-02", "total": 5, "severity": "mild"}],
}


def test_document_matches_the_hand_count_exactly() -> None:
    doc = stats_document(handmade())
    assert list(doc)[: len(SPEC_KEYS)] == list(SPEC_KEYS)
    assert {key: doc[key] for key in SPEC_KEYS} == HANDMADE
    # Most frequent first, ties in the vocabulary's order.
    assert list(doc["problems"]) == ["assumed_understood", "silence", "hostile"]
    assert list(doc["people"]) == ["Alex", "Sam"]


def test_document_is_plain_json() -> None:
    doc = stats_document(generated())
    assert json.loads(json.dumps(doc)) == doc


def test_document_shape_follows_the_spec_example() -> None:
    doc = stats_document(generated(200, seed=3))
    assert isinstance(doc["interactions"], int)
    for entry in doc["people"].values():
        assert set(entry) == {"interactions", "understood", "problems", "satisfaction_mean"}
        assert list(entry["understood"]) == ["yes", "partly", "no", "unsure"]
        assert all(count > 0 for count in entry["problems"].values())
        mean = entry["satisfaction_mean"]
        assert mean is None or round(mean, 2) == mean
    for entry in doc["emotions"].values():
        assert set(entry) == {"count", "intensity_mean"}
    for entry in doc["phq9"]:
        assert set(entry) == {"taken_on", "total", "severity", "item9_positive"}
    for entry in doc["gad7"]:
        assert set(entry) == {"taken_on", "total", "severity"}
    assert [e["taken_on"] for e in doc["phq9"]] == sorted(e["taken_on"] for e in doc["phq9"])
    assert {e["severity"] for e in doc["phq9"] + doc["gad7"]} <= {
        "minimal",
        "mild",
        "moderate",
        "moderately severe",
        "severe",
    }


def test_private_interactions_are_left_out_everywhere() -> None:
    doc = stats_document(handmade())
    assert "Jo" not in doc["people"]  # Jo took part only in the private one
    assert doc["people"]["Alex"]["problems"]["hostile"] == 1  # i5, not the private one
    assert doc["people"]["Alex"]["understood"]["no"] == 1
    assert doc["emotions"]["angry"] == {"count": 1, "intensity_mean": 40.0}
    contents = generated()
    counted = [i for i in contents.interactions if not i.private]
    assert len(counted) < len(contents.interactions)
    assert stats_document(contents)["interactions"] == len(counted)


def test_shared_interactions_count_once_per_person_and_once_overall() -> None:
    doc = stats_document(handmade())
    assert doc["people"]["Alex"]["problems"]["assumed_understood"] == 2  # i1, i2
    assert doc["people"]["Sam"]["problems"]["assumed_understood"] == 1  # i2
    assert doc["problems"]["assumed_understood"] == 2
    total = sum(entry["interactions"] for entry in doc["people"].values())
    assert total == 6 > doc["interactions"]


def test_means_are_rounded_to_two_decimals() -> None:
    contents = r.Contents(
        people=(r.Person("Alex", id="a"),),
        interactions=tuple(
            r.Interaction(
                occurred_at=datetime(2026, 10, day, 9),
                people=("a",),
                satisfaction=value,
                emotions=(r.EmotionRating("hurt", intensity),),
                id=f"i{day}",
            )
            for day, value, intensity in [(1, 4, 61), (2, 5, 61), (3, 5, 62)]
        ),
    )
    doc = stats_document(contents)
    assert doc["people"]["Alex"]["satisfaction_mean"] == 4.67
    assert doc["emotions"]["hurt"] == {"count": 3, "intensity_mean": 61.33}


def test_a_person_without_ratings_has_a_null_mean() -> None:
    contents = r.Contents(
        people=(r.Person("Alex", id="a"),),
        interactions=(r.Interaction(occurred_at=datetime(2026, 10, 1), people=("a",), id="i"),),
    )
    entry = stats_document(contents)["people"]["Alex"]
    assert entry == {
        "interactions": 1,
        "understood": {"yes": 0, "partly": 0, "no": 0, "unsure": 0},
        "problems": {},
        "satisfaction_mean": None,
    }


def test_an_empty_workbook() -> None:
    doc = stats_document(r.Contents())
    assert {key: doc[key] for key in SPEC_KEYS} == {
        "interactions": 0,
        "from": None,
        "to": None,
        "people": {},
        "problems": {},
        "emotions": {},
        "phq9": [],
        "gad7": [],
    }
    assert json.loads(json.dumps(doc)) == doc


def test_only_private_interactions_count_as_none() -> None:
    contents = replace(
        handmade(), interactions=tuple(i for i in handmade().interactions if i.private)
    )
    doc = stats_document(contents)
    assert (doc["interactions"], doc["from"], doc["to"], doc["people"]) == (0, None, None, {})


def test_extras_follow_the_spec_keys() -> None:
    doc = stats_document(handmade())
    assert doc["item9_positive"] is True
    assert doc["understood"] == {"yes": 2, "partly": 1, "no": 1, "unsure": 0}
    assert doc["satisfaction_by_week"] == [
        {"week_start": "2026-08-31", "ratings": 2, "mean": 3.0},
        {"week_start": "2026-09-07", "ratings": 1, "mean": 8.0},
        {"week_start": "2026-09-14", "ratings": 1, "mean": 7.0},
    ]
    assert doc["interactions_by_area"] == {"dispute": 2, "none": 3}
    assert doc["summary"][0] == domain.ITEM9_MESSAGE


# --- text -------------------------------------------------------------------------------


def test_text_starts_with_the_safety_message_when_item9_is_positive() -> None:
    text = stats_text(handmade())
    assert text.startswith(domain.ITEM9_MESSAGE)
    assert text.count(domain.ITEM9_MESSAGE) == 1


def test_text_shows_the_safety_message_even_when_the_answer_is_outside_the_range() -> None:
    flt = PatternFilter(date_to=date(2026, 9, 5))
    assert stats_text(handmade(), flt).startswith(domain.ITEM9_MESSAGE)


def test_text_has_no_safety_message_when_item9_is_zero() -> None:
    text = stats_text(without_item9(handmade()))
    assert domain.ITEM9_MESSAGE not in text
    assert text.startswith("Hand-counted")


def test_text_reads_like_the_numbers() -> None:
    text = stats_text(without_item9(handmade()))
    assert "5 interactions from 1 September 2026 to 20 September 2026" in text
    assert "Alex: 4 interactions, satisfaction 4.33 on average" in text
    assert "understood what you meant: yes 1, partly 1, no 1, not sure 0" in text
    assert "most frequent problem: Assuming I understood them (2)" in text
    assert "Assuming I understood them" in text
    assert "hurt (average intensity 60)" in text
    assert "PHQ-9: 15 (moderately severe) on 16 September 2026" in text  # item 9 set to 0
    assert "GAD-7: 5 (mild) on 2 September 2026" in text
    assert "Summary" in text
    assert not text.endswith("\n")


def test_text_for_an_empty_workbook() -> None:
    text = stats_text(r.Contents())
    assert "No interactions yet" in text
    assert "PHQ-9: none taken yet" in text
    assert domain.ITEM9_MESSAGE not in text
