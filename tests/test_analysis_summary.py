"""The plain-language summary: factual, warm, honest about thin data, safety first."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from iptwork import domain
from iptwork.analysis.filters import PatternFilter
from iptwork.analysis.summary import summary_sentences
from iptwork.store import records as r
from tests.test_analysis_data import SAM, generated, handmade, without_item9


def _at(day: date, n: int, **fields: object) -> r.Interaction:
    return r.Interaction(
        occurred_at=datetime(day.year, day.month, day.day, 18), id=f"s{n:02d}", **fields
    )  # type: ignore[arg-type]


def _alex_and_sam() -> r.Contents:
    """Alex: one early interaction, then seven in the last four weeks (to 20 November), six
    of them with assumed_understood; satisfaction 3, 3, 4 then 6, 6, 7, 7. Sam: two."""
    alex, sam = "a", "s"
    rows = [
        (date(2026, 9, 1), alex, 5, ()),
        (date(2026, 10, 24), alex, 3, ("assumed_understood",)),
        (date(2026, 10, 28), alex, 3, ("assumed_understood", "silence")),
        (date(2026, 11, 2), alex, 4, ("assumed_understood",)),
        (date(2026, 11, 8), alex, 6, ("assumed_understood",)),
        (date(2026, 11, 12), alex, 6, ("assumed_understood",)),
        (date(2026, 11, 16), alex, 7, ("assumed_understood",)),
        (date(2026, 11, 20), alex, 7, ()),
        (date(2026, 10, 1), sam, 8, ()),
        (date(2026, 10, 2), sam, 9, ()),
    ]
    return r.Contents(
        people=(r.Person("Alex", id=alex), r.Person("Sam", id=sam)),
        interactions=tuple(
            _at(day, n, people=(who,), satisfaction=value, problems=problems, understood="no")
            for n, (day, who, value, problems) in enumerate(rows)
        ),
    )


def test_the_spec_example_sentence() -> None:
    sentences = summary_sentences(_alex_and_sam())
    assert (
        sentences[0] == "You wrote down 10 interactions between 1 September and 20 November 2026."
    )
    assert sentences[1] == (
        "With Alex, 6 of 8 interactions involved assuming you understood them without "
        "checking; satisfaction rose from 3.3 to 6.5 over the last four weeks."
    )
    assert sentences[2] == "Not enough interactions with Sam yet to see a pattern."


def test_no_data_says_so_kindly() -> None:
    assert summary_sentences(r.Contents()) == [
        "No interactions in this range yet. Once a few are written down, patterns will show here."
    ]


def test_a_filter_that_matches_nothing() -> None:
    flt = PatternFilter(date_from=date(2030, 1, 1))
    assert summary_sentences(without_item9(handmade()), flt)[0].startswith("No interactions")


def test_thin_data() -> None:
    contents = r.Contents(interactions=(_at(date(2026, 3, 2), 1), _at(date(2026, 3, 2), 2)))
    assert summary_sentences(contents) == [
        "You wrote down 2 interactions on 2 March 2026.",
        "A few more will start to show patterns.",
    ]


def test_one_interaction_is_singular() -> None:
    contents = r.Contents(interactions=(_at(date(2026, 3, 2), 1),))
    assert summary_sentences(contents)[0] == "You wrote down 1 interaction on 2 March 2026."


def test_the_safety_message_comes_first_when_item9_is_positive() -> None:
    sentences = summary_sentences(handmade())
    assert sentences[0] == domain.ITEM9_MESSAGE
    assert domain.ITEM9_MESSAGE not in summary_sentences(handmade(), safety_first=False)
    assert domain.ITEM9_MESSAGE not in summary_sentences(without_item9(handmade()))


def test_questionnaire_sentences() -> None:
    sentences = summary_sentences(without_item9(handmade()))
    assert (
        "Your PHQ-9 on 16 September 2026 was 15 (moderately severe), up from 8 on "
        "2 September 2026." in sentences
    )
    assert "Your GAD-7 on 2 September 2026 was 5 (mild)." in sentences


def test_handmade_summary() -> None:
    sentences = summary_sentences(without_item9(handmade()))
    assert (
        sentences[0] == "You wrote down 5 interactions between 1 September and 20 September 2026."
    )
    assert (
        "With Alex, 2 of 4 interactions involved assuming you understood them without checking."
        in sentences
    )
    assert "Not enough interactions with Sam yet to see a pattern." in sentences
    assert (
        "Overall, the other person understood what you meant, fully or partly, in 3 of 4 "
        "interactions." in sentences
    )
    assert "Satisfaction rose from 3.0 to 7.5 between 1 September and 15 September 2026." in (
        sentences
    )
    assert "The feeling you noted most often was hurt (3 times, average intensity 60 of 100)." in (
        sentences
    )


def test_a_problem_becoming_rarer_is_named_with_its_numbers() -> None:
    interactions = [
        _at(date(2026, 3, 2 + n), n, problems=("silence",) if n < 4 else ()) for n in range(5)
    ] + [
        _at(date(2026, 3, 9 + n), 10 + n, problems=("silence",) if n < 1 else ()) for n in range(5)
    ]
    sentences = summary_sentences(r.Contents(interactions=tuple(interactions)))
    assert (
        # 2–13 March: halves of six days each.
        "Going silent came up less often lately: in 4 of 5 interactions from 2 Mar to 7 Mar, "
        "then in 1 of 5 from 8 Mar to 13 Mar." in sentences
    )


def test_tied_top_feelings_are_named_together() -> None:
    interactions = [
        _at(date(2026, 3, 2), 1, emotions=(r.EmotionRating("sad", 10),)),
        _at(date(2026, 3, 3), 2, emotions=(r.EmotionRating("hurt", 10),)),
        _at(date(2026, 3, 4), 3),
    ]
    sentences = summary_sentences(r.Contents(interactions=tuple(interactions)))
    assert sentences[-1] == "The feelings you noted most often were hurt and sad (once each)."


def test_person_filter_counts_only_that_person() -> None:
    sentences = summary_sentences(without_item9(handmade()), PatternFilter(people=(SAM,)))
    assert (
        sentences[0] == "You wrote down 2 interactions between 3 September and 10 September 2026."
    )
    assert sentences[1] == "A few more will start to show patterns."
    assert not any(s.startswith("With Alex") for s in sentences)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_words_stay_kind(seed: int) -> None:
    sentences = summary_sentences(generated(150, seed=seed, people=8))
    assert len(sentences) >= 5
    text = " ".join(sentences).lower()
    for word in ("should", "fail", "bad", "wrong", "poor", "must", "never", "always"):
        assert f" {word}" not in text
    assert all(s.endswith(".") for s in sentences)


def test_steady_satisfaction_says_where_it_stayed() -> None:
    days = [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 8), date(2026, 3, 9)]
    contents = r.Contents(
        people=(r.Person("Lena", id="l"),),
        interactions=tuple(
            _at(day, n, people=("l",), satisfaction=6, understood="yes" if n % 2 else "no")
            for n, day in enumerate(days)
        ),
    )
    assert summary_sentences(contents)[1] == (
        "Lena understood what you meant, fully or partly, in 2 of 4 interactions; "
        "satisfaction stayed around 6.0 between 2 March and 9 March 2026."
    )
