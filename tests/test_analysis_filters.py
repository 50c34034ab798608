"""Filters: inclusive dates on the date part, any-of people, focus by id/area/none, private."""

from __future__ import annotations

from datetime import date

import pytest

from iptwork.analysis.filters import NO_FOCUS, PatternFilter, select
from iptwork.store import records as r
from tests.test_analysis_data import ALEX, DISPUTE, SAM, handmade


def _ids(contents: r.Contents) -> list[str]:
    return [i.id for i in contents.interactions]


def test_no_filter_sorts_oldest_first_and_leaves_private_out() -> None:
    assert _ids(select(handmade())) == ["i1", "i2", "i3", "i4", "i5"]


def test_include_private_keeps_them() -> None:
    chosen = select(handmade(), PatternFilter(include_private=True))
    assert _ids(chosen) == ["i1", "i2", "i3", "ip", "i4", "i5"]


def test_dates_are_inclusive_at_both_ends_on_the_date_part() -> None:
    # i2 is at 20:00 on the first day, i4 at 23:59 on the last day: both stay.
    flt = PatternFilter(date_from=date(2026, 9, 3), date_to=date(2026, 9, 15))
    assert _ids(select(handmade(), flt)) == ["i2", "i3", "i4"]


def test_a_single_day_range() -> None:
    flt = PatternFilter(date_from=date(2026, 9, 10), date_to=date(2026, 9, 10))
    assert _ids(select(handmade(), flt)) == ["i3"]


def test_people_filter_keeps_interactions_with_any_of_them() -> None:
    assert _ids(select(handmade(), PatternFilter(people=(SAM,)))) == ["i2", "i3"]
    both = select(handmade(), PatternFilter(people=(SAM, ALEX)))
    assert _ids(both) == ["i1", "i2", "i3", "i4", "i5"]
    assert _ids(select(handmade(), PatternFilter(people=("nobody",)))) == []


@pytest.mark.parametrize(
    ("focus", "expected"),
    [
        (DISPUTE, ["i1", "i4"]),
        ("dispute", ["i1", "i4"]),
        (NO_FOCUS, ["i2", "i3", "i5"]),
        ("grief", []),
    ],
)
def test_focus_by_id_by_area_or_none(focus: str, expected: list[str]) -> None:
    assert _ids(select(handmade(), PatternFilter(focus=focus))) == expected


def test_other_records_are_narrowed_by_their_own_dates() -> None:
    flt = PatternFilter(date_from=date(2026, 9, 3), date_to=date(2026, 9, 16))
    chosen = select(handmade(), flt)
    assert [e.id for e in chosen.events] == ["e-mid"]
    assert [s.id for s in chosen.sessions] == ["s1"]
    assert [q.id for q in chosen.phq9] == ["q2"]  # the last day counts
    assert [q.id for q in chosen.gad7] == []
    assert [m.id for m in chosen.moods] == ["m1"]


def test_people_focuses_and_vocabulary_stay_whole() -> None:
    contents = handmade()
    chosen = select(contents, PatternFilter(people=(SAM,), date_from=date(2030, 1, 1)))
    assert chosen.people == contents.people
    assert chosen.focuses == contents.focuses
    assert chosen.interactions == ()


def test_questionnaires_come_out_in_date_order() -> None:
    assert [q.id for q in select(handmade()).phq9] == ["q1", "q2"]


def test_selecting_twice_with_the_same_filter_returns_the_same_object() -> None:
    flt = PatternFilter(people=(ALEX,))
    once = select(handmade(), flt)
    assert select(once, flt) is once
    # A different filter narrows again, from what is left.
    assert _ids(select(once, PatternFilter(focus=DISPUTE, people=(ALEX,)))) == ["i1", "i4"]
