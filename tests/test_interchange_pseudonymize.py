"""Names are replaced as whole words, in any script, and nowhere else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iptwork.interchange.pseudonymize import Pseudonymizer, person_label


@pytest.mark.parametrize(
    ("index", "label"),
    [
        (0, "Person A"),
        (1, "Person B"),
        (25, "Person Z"),
        (26, "Person AA"),
        (27, "Person AB"),
        (51, "Person AZ"),
        (52, "Person BA"),
        (701, "Person ZZ"),
        (702, "Person AAA"),
    ],
)
def test_labels_go_on_after_z(index: int, label: str) -> None:
    assert person_label(index) == label


def names(*people: str, owner: str = "", therapist: str = "") -> Pseudonymizer:
    return Pseudonymizer(
        [(str(n), name) for n, name in enumerate(people)], owner=owner, therapist=therapist
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alex said no", "Person A said no"),
        ("alex, ALEX and Alex.", "Person A, Person A and Person A."),
        ("Alex's plan", "Person A's plan"),
        ("Alexander and Alexa are other people", "Alexander and Alexa are other people"),
        ("email alex@example.org", "email Person A@example.org"),
        ("(Alex)", "(Person A)"),
        ("x_Alex and Alex2 are not names", "x_Alex and Alex2 are not names"),
        ("", ""),
    ],
)
def test_a_name_is_replaced_only_as_a_whole_word(text: str, expected: str) -> None:
    assert names("Alex").text(text) == expected


def test_the_longest_name_wins() -> None:
    replacer = names("Anna", "Anna Maria", "Maria")
    assert replacer.text("Anna Maria met Anna and Maria") == "Person B met Person A and Person C"
    assert replacer.text("Anna\n  Maria, on two lines") == "Person B, on two lines"


def test_names_that_begin_or_end_with_punctuation() -> None:
    replacer = names("J.", "(Mum)", "Dr. Who")
    assert replacer.text("J. called (Mum) and Dr. Who") == "Person A called Person B and Person C"
    assert replacer.text("J.R. is someone else") == "J.R. is someone else"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Зоя", "Я сказала Зое и Зоя ушла", "Я сказала Зое и Person A ушла"),
        ("יעל", "אמרתי ליעל ש-יעל צודקת", "אמרתי ליעל ש-Person A צודקת"),
        ("ليلى", "قلت ليلى، لا", "قلت Person A، لا"),
        ("王伟", "我和王伟吵架了", "我和Person A吵架了"),
        ("さくら", "さくらさんと話した", "Person Aさんと話した"),
        ("Zoë", "Zoe\u0308 and ZOË", "Person A and Person A"),  # decomposed, then upper case
        ("Jose", "José is not Jose\u0301", "José is not José"),
    ],
)
def test_names_in_any_script(name: str, text: str, expected: str) -> None:
    assert names(name).text(text) == expected


def test_first_names_are_replaced_too_and_ambiguity_reveals_nothing() -> None:
    replacer = names("Sam Lee", "Sam Jones", "Robin Hood", owner="Maria Lopez", therapist="Dr Kim")
    assert replacer.text("Sam Lee and Robin") == "Person A and Person C"
    assert replacer.text("Sam came") == "Person A or Person B came"
    assert replacer.text("Maria told Dr Kim") == "Client told Therapist"
    assert replacer.text("Dr Mahler is not the therapist") == "Dr Mahler is not the therapist"


def test_a_full_name_beats_another_persons_first_name() -> None:
    replacer = names("Alex Kim", "Alex")
    assert replacer.text("Alex and Alex Kim") == "Person B and Person A"


def test_title_words_are_never_replaced_on_their_own() -> None:
    replacer = names("The Boss", "Aunt May", "My Ex")
    assert replacer.text("The day The Boss called Aunt May about my ex") == (
        "The day Person A called Person B about Person C"
    )


def test_tags_stay_distinct_and_short() -> None:
    replacer = names("Alex")
    assert replacer.words(["Alex", "alex", "money"]) == ("Person A", "money")
    assert len(replacer.words(["Alex " * 20])[0]) == 100


def test_keys_are_renamed_as_keys() -> None:
    assert names("Alex Kim").key("fights_with_alex") == "fights_with_person_a"
    assert names("Alex Kim").key("talked_over") == "talked_over"


def test_nobody_to_replace_leaves_text_alone() -> None:
    replacer = Pseudonymizer([])
    assert replacer.text("e\u0301 stays decomposed") == "e\u0301 stays decomposed"


@settings(max_examples=100, deadline=None)
@given(
    name=st.text(min_size=1, max_size=20).filter(lambda s: len(s.strip()) > 1),
    before=st.sampled_from(["", " ", "\n", "(", "«", "— ", "1 "]),
    after=st.sampled_from(["", " ", ".", ",", ")", "»", "'s", "!\n"]),
)
def test_a_name_between_separators_never_survives(name: str, before: str, after: str) -> None:
    """Whatever the name, written as a word it is gone from the output."""
    replacer = names(name)
    text = f"{before}{name}{after}"
    result = replacer.text(text)
    assert "Person A" in result
