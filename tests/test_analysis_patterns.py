"""Every pattern against answers counted by hand (see the table in test_analysis_data)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from iptwork.analysis import patterns as pt
from iptwork.analysis.filters import PatternFilter
from iptwork.store import records as r
from tests.test_analysis_data import ALEX, JO, MIRA, SAM, handmade

EMPTY = r.Contents()


def _interaction(day: date, n: int, **fields: object) -> r.Interaction:
    return r.Interaction(
        occurred_at=datetime(day.year, day.month, day.day, 12), id=f"x{n:03d}", **fields
    )  # type: ignore[arg-type]


# --- helpers ----------------------------------------------------------------------------


def test_weeks_are_iso_weeks_starting_monday_without_gaps() -> None:
    assert pt.week_of(date(2026, 9, 20)) == date(2026, 9, 14)  # a Sunday
    assert pt.week_of(date(2026, 9, 14)) == date(2026, 9, 14)
    assert pt.weeks_between(date(2026, 9, 1), date(2026, 9, 15)) == [
        date(2026, 8, 31),
        date(2026, 9, 7),
        date(2026, 9, 14),
    ]


def test_split_periods_halves_give_the_first_half_the_odd_day() -> None:
    assert pt.split_periods(date(2026, 9, 1), date(2026, 9, 20)) == [
        (date(2026, 9, 1), date(2026, 9, 10)),
        (date(2026, 9, 11), date(2026, 9, 20)),
    ]
    assert pt.split_periods(date(2026, 9, 1), date(2026, 9, 3)) == [
        (date(2026, 9, 1), date(2026, 9, 2)),
        (date(2026, 9, 3), date(2026, 9, 3)),
    ]
    assert pt.split_periods(date(2026, 9, 1), date(2026, 9, 1)) == [
        (date(2026, 9, 1), date(2026, 9, 1))
    ]


def test_split_periods_blocks_of_four_weeks_from_monday() -> None:
    assert pt.split_periods(date(2026, 9, 2), date(2026, 10, 30), "blocks") == [
        (date(2026, 9, 2), date(2026, 9, 27)),
        (date(2026, 9, 28), date(2026, 10, 25)),
        (date(2026, 10, 26), date(2026, 10, 30)),
    ]


# --- understood -------------------------------------------------------------------------


def test_understood_by_person_counts_shared_interactions_for_each_person() -> None:
    rows = pt.understood_by_person(handmade())
    assert [(row.key, row.label) for row in rows] == [(ALEX, "Alex"), (SAM, "Sam")]
    alex, sam = rows
    assert dict(alex.ids) == {"yes": ("i4",), "partly": ("i2",), "no": ("i1",), "unsure": ()}
    assert alex.unrecorded == ("i5",)
    assert (alex.recorded, alex.total, alex.understood) == (3, 4, 2)
    assert dict(sam.ids) == {"yes": ("i3",), "partly": ("i2",), "no": (), "unsure": ()}


def test_understood_private_interactions_only_count_when_asked() -> None:
    with_private = pt.understood_by_person(handmade(), PatternFilter(include_private=True))
    assert with_private[0].ids["no"] == ("i1", "ip")
    assert [row.label for row in with_private] == ["Alex", "Sam", "Jo"]


def test_understood_people_with_equal_counts_are_ordered_by_name() -> None:
    days = [date(2026, 1, 5), date(2026, 1, 6)]
    contents = r.Contents(
        people=(r.Person("Zoe", id="z"), r.Person("adam", id="a")),
        interactions=(
            _interaction(days[0], 1, people=("z",), understood="yes"),
            _interaction(days[1], 2, people=("a",), understood="no"),
        ),
    )
    assert [row.label for row in pt.understood_by_person(contents)] == ["adam", "Zoe"]


def test_understood_by_person_is_limited_to_the_filtered_people() -> None:
    rows = pt.understood_by_person(handmade(), PatternFilter(people=(SAM,)))
    assert [row.key for row in rows] == [SAM]


def test_understood_by_week() -> None:
    rows = pt.understood_by_week(handmade())
    assert [row.start for row in rows] == [date(2026, 8, 31), date(2026, 9, 7), date(2026, 9, 14)]
    assert [row.label for row in rows] == ["31 Aug", "7 Sep", "14 Sep"]
    assert [dict(row.ids) for row in rows] == [
        {"yes": (), "partly": ("i2",), "no": ("i1",), "unsure": ()},
        {"yes": ("i3",), "partly": (), "no": (), "unsure": ()},
        {"yes": ("i4",), "partly": (), "no": (), "unsure": ()},
    ]
    assert rows[2].unrecorded == ("i5",)


def test_understood_overall() -> None:
    row = pt.understood_overall(handmade())
    assert [row.count(v) for v in pt.UNDERSTOOD_KEYS] == [2, 1, 1, 0]
    assert row.unrecorded == ("i5",)


def test_understood_on_no_data() -> None:
    assert pt.understood_by_person(EMPTY) == ()
    assert pt.understood_by_week(EMPTY) == ()
    assert pt.understood_overall(EMPTY).total == 0


# --- problems ---------------------------------------------------------------------------


def test_problem_counts_overall_count_each_interaction_once() -> None:
    counts = pt.problem_counts(handmade())
    # A tie (2 and 2) follows the vocabulary's order: assumed_understood before silence.
    assert [(b.key, b.ids) for b in counts] == [
        ("assumed_understood", ("i1", "i2")),
        ("silence", ("i1", "i4")),
        ("hostile", ("i5",)),
    ]
    assert counts[0].label == "Assuming I understood them"


def test_problem_counts_per_person() -> None:
    assert [(b.key, b.count) for b in pt.problem_counts(handmade(), person=SAM)] == [
        ("assumed_understood", 1)
    ]
    assert pt.problem_counts(handmade(), person=MIRA) == ()


def test_user_problems_use_their_own_label() -> None:
    contents = r.Contents(
        people=(r.Person("Alex", id="a"),),
        interactions=(_interaction(date(2026, 1, 5), 1, people=("a",), problems=("talked_over",)),),
        vocabulary=r.Vocabulary(problems=(r.ProblemKind("talked_over", "Talking over them"),)),
    )
    assert [(b.key, b.label) for b in pt.problem_counts(contents)] == [
        ("talked_over", "Talking over them")
    ]


def test_problems_by_person() -> None:
    table = pt.problems_by_person(handmade())
    assert [p.id for p in table.people] == [ALEX, SAM]
    assert [p.count for p in table.people] == [4, 2]
    assert table.ids(ALEX, "assumed_understood") == ("i1", "i2")
    assert table.ids(ALEX, "silence") == ("i1", "i4")
    assert table.ids(ALEX, "hostile") == ("i5",)
    assert table.ids(SAM, "assumed_understood") == ("i2",)
    assert table.count(SAM, "silence") == 0
    assert [b.key for b in table.problems] == ["assumed_understood", "silence", "hostile"]


def test_problems_by_person_filtered_to_one_person_shows_their_interactions() -> None:
    table = pt.problems_by_person(handmade(), PatternFilter(people=(SAM,)))
    assert [p.id for p in table.people] == [SAM]
    assert [(b.key, b.ids) for b in table.problems] == [("assumed_understood", ("i2",))]


def test_problem_trend_on_the_handmade_range() -> None:
    trend = pt.problem_trend(handmade())
    assert [(p.start, p.end, p.ids) for p in trend.periods] == [
        (date(2026, 9, 1), date(2026, 9, 10), ("i1", "i2", "i3")),
        (date(2026, 9, 11), date(2026, 9, 20), ("i4", "i5")),
    ]
    silence = trend.row("silence")
    assert silence is not None
    assert silence.ids == (("i1",), ("i4",))
    assert silence.rates == (pytest.approx(1 / 3), 0.5)
    # Two interactions in the second half are too few to call a direction.
    assert silence.direction == pt.TOO_LITTLE


def _fading(early_with: int, late_with: int) -> r.Contents:
    """Five interactions in each of two weeks; `early_with`/`late_with` show silence."""
    interactions = []
    for n in range(5):
        problems = ("silence",) if n < early_with else ()
        interactions.append(_interaction(date(2026, 3, 2 + n), n, problems=problems))
    for n in range(5):
        problems = ("silence",) if n < late_with else ()
        interactions.append(_interaction(date(2026, 3, 9 + n), 10 + n, problems=problems))
    return r.Contents(interactions=tuple(interactions))


@pytest.mark.parametrize(
    ("early", "late", "direction"),
    [(4, 1, pt.RARER), (1, 4, pt.MORE_OFTEN), (3, 3, pt.STEADY)],
)
def test_problem_trend_directions(early: int, late: int, direction: str) -> None:
    row = pt.problem_trend(_fading(early, late)).row("silence")
    assert row is not None
    assert row.rates == (early / 5, late / 5)
    assert row.direction == direction


def test_problem_trend_uses_the_filter_range_for_its_halves() -> None:
    flt = PatternFilter(date_from=date(2026, 3, 1), date_to=date(2026, 3, 20))
    trend = pt.problem_trend(_fading(4, 1), flt)
    assert [(p.start, p.end) for p in trend.periods] == [
        (date(2026, 3, 1), date(2026, 3, 10)),
        (date(2026, 3, 11), date(2026, 3, 20)),
    ]
    assert [p.count for p in trend.periods] == [7, 3]  # 2–6 and 9–10 March, then 11–13


def test_problem_trend_in_blocks() -> None:
    trend = pt.problem_trend(_fading(4, 1), by="blocks")
    assert len(trend.periods) == 1  # ten days fit one 4-week block
    row = trend.row("silence")
    assert row is not None
    assert row.direction == pt.TOO_LITTLE


def test_problem_trend_on_no_data_and_one_day() -> None:
    assert pt.problem_trend(EMPTY) == pt.ProblemTrend((), ())
    one_day = r.Contents(interactions=(_interaction(date(2026, 1, 5), 1, problems=("silence",)),))
    trend = pt.problem_trend(one_day)
    assert len(trend.periods) == 1
    assert trend.rows[0].direction == pt.TOO_LITTLE


# --- emotions ---------------------------------------------------------------------------


def test_emotion_totals() -> None:
    totals = pt.emotion_totals(handmade())
    assert [(c.name, c.count, c.mean) for c in totals] == [
        ("hurt", 3, 60.0),
        ("angry", 1, 40.0),  # ties in the vocabulary's order
        ("sad", 1, 20.0),
        ("calm", 1, 30.0),
    ]
    assert totals[0].ids == ("i1", "i2", "i4")


def test_emotions_by_person() -> None:
    table = pt.emotions_by_person(handmade())
    assert [p.id for p in table.people] == [ALEX, SAM]
    hurt = table.cell(ALEX, "hurt")
    assert (hurt.ids, hurt.intensities, hurt.mean) == (("i1", "i2", "i4"), (70, 50, 60), 60.0)
    assert table.cell(SAM, "hurt").intensities == (50,)
    assert table.cell(SAM, "calm").ids == ("i3",)
    assert table.cell(SAM, "sad").count == 0
    assert table.cell(SAM, "sad").mean is None


def test_emotions_private_left_out() -> None:
    angry = [c for c in pt.emotion_totals(handmade()) if c.name == "angry"]
    assert angry[0].intensities == (40,)


# --- satisfaction -----------------------------------------------------------------------


def test_satisfaction_by_week() -> None:
    weeks = pt.satisfaction_by_week(handmade())
    assert [(w.start, w.ratings, w.mean) for w in weeks] == [
        (date(2026, 8, 31), (2, 4), 3.0),
        (date(2026, 9, 7), (8,), 8.0),
        (date(2026, 9, 14), (7,), 7.0),
    ]
    assert pt.satisfaction_by_week(handmade(), person=SAM)[0].ratings == (4,)


def test_satisfaction_by_week_keeps_empty_weeks_between() -> None:
    contents = r.Contents(
        interactions=(
            _interaction(date(2026, 1, 5), 1, satisfaction=3),
            _interaction(date(2026, 1, 21), 2, satisfaction=5),
        )
    )
    weeks = pt.satisfaction_by_week(contents)
    assert [w.mean for w in weeks] == [3.0, None, 5.0]


def test_satisfaction_trend() -> None:
    # Rated days 1..15 September: first half 1–8 (i1, i2), second half 9–15 (i3, i4).
    trend = pt.satisfaction_trend(handmade())
    assert trend is not None
    assert (trend.first_mean, trend.last_mean) == (3.0, 7.5)
    assert (trend.first_ids, trend.last_ids) == (("i1", "i2"), ("i3", "i4"))
    assert trend.direction == "rose"
    assert trend.whole


def test_satisfaction_trend_needs_two_ratings_each_side() -> None:
    assert pt.satisfaction_trend(handmade(), person=SAM) is None
    assert pt.satisfaction_trend(EMPTY) is None


def test_satisfaction_trend_over_recent_weeks() -> None:
    start = date(2026, 1, 1)
    interactions = [_interaction(start, 0, satisfaction=9), _interaction(start, 1, satisfaction=9)]
    # The last four weeks: 4 Feb .. 3 Mar; ratings 2 on 4-5 Feb, 6 on 2-3 Mar.
    for n, (offset, value) in enumerate([(34, 2), (35, 2), (60, 6), (61, 6)]):
        interactions.append(
            _interaction(start + timedelta(days=offset), 10 + n, satisfaction=value)
        )
    contents = r.Contents(interactions=tuple(interactions))
    trend = pt.satisfaction_trend(contents, weeks=4)
    assert trend is not None
    assert (trend.start, trend.end) == (date(2026, 2, 4), date(2026, 3, 3))
    assert (trend.first_mean, trend.last_mean, trend.whole) == (2.0, 6.0, False)
    whole = pt.satisfaction_trend(contents)
    assert whole is not None
    assert whole.whole


@pytest.mark.parametrize(
    ("early", "late", "direction"), [(3, 3.4, "steady"), (5, 4.5, "fell"), (2, 2.5, "rose")]
)
def test_satisfaction_trend_directions(early: float, late: float, direction: str) -> None:
    trend = pt.Trend(early, late, (), (), date(2026, 1, 1), date(2026, 1, 2), True)
    assert trend.direction == direction


# --- questionnaires ---------------------------------------------------------------------


def test_phq9_and_gad7_series_in_date_order_with_severity() -> None:
    assert pt.phq9_series(handmade()) == (
        pt.ScorePoint("q1", date(2026, 9, 2), 8, "mild", False),
        pt.ScorePoint("q2", date(2026, 9, 16), 16, "moderately severe", True),
    )
    assert pt.gad7_series(handmade()) == (pt.ScorePoint("g1", date(2026, 9, 2), 5, "mild"),)
    flt = PatternFilter(date_to=date(2026, 9, 15))
    assert [p.id for p in pt.phq9_series(handmade(), flt)] == ["q1"]


def test_severity_bands_cover_every_total() -> None:
    assert pt.severity_bands("phq9") == (
        pt.Band(0, 4, "minimal"),
        pt.Band(5, 9, "mild"),
        pt.Band(10, 14, "moderate"),
        pt.Band(15, 19, "moderately severe"),
        pt.Band(20, 27, "severe"),
    )
    assert [(b.low, b.high) for b in pt.severity_bands("gad7")] == [
        (0, 4),
        (5, 9),
        (10, 14),
        (15, 21),
    ]


# --- activity ---------------------------------------------------------------------------


def test_interactions_per_week_and_per_area() -> None:
    weeks = pt.interactions_by_week(handmade())
    assert [(w.key, w.ids) for w in weeks] == [
        ("2026-08-31", ("i1", "i2")),
        ("2026-09-07", ("i3",)),
        ("2026-09-14", ("i4", "i5")),
    ]
    areas = pt.interactions_by_area(handmade())
    assert [(a.key, a.label, a.ids) for a in areas] == [
        ("dispute", "Role dispute", ("i1", "i4")),
        ("none", "No problem area", ("i2", "i3", "i5")),
    ]
    found = pt.activity(handmade())
    assert found.ids("2026-09-14", "dispute") == ("i4",)
    assert found.ids("2026-09-14", "none") == ("i5",)
    assert found.ids("2026-09-07", "dispute") == ()


def test_activity_counts_an_unknown_focus_as_none() -> None:
    contents = r.Contents(interactions=(_interaction(date(2026, 1, 5), 1, focus="gone"),))
    assert [a.key for a in pt.interactions_by_area(contents)] == ["none"]


def test_activity_on_no_data() -> None:
    assert pt.activity(EMPTY) == pt.Activity((), (), {})


# --- closeness circle -------------------------------------------------------------------


def test_closeness_circle() -> None:
    people = pt.closeness_circle(handmade())
    assert [(p.name, p.ring, p.tone, p.ids) for p in people] == [
        ("Alex", 1, pt.CONFLICTED, ("i1", "i2", "i4", "i5")),
        ("Sam", 1, pt.SUPPORTIVE, ("i2", "i3")),
        ("Jo", 2, pt.MIXED, ()),  # only a private interaction
        ("Mira", 3, pt.MIXED, ()),
    ]
    only = pt.closeness_circle(handmade(), PatternFilter(people=(JO,), include_private=True))
    assert [(p.name, p.ids) for p in only] == [("Jo", ("ip",))]
    assert pt.closeness_circle(EMPTY) == ()


@pytest.mark.parametrize(
    ("support", "conflict", "tone"),
    [(7, 5, pt.SUPPORTIVE), (6, 5, pt.MIXED), (5, 5, pt.MIXED), (3, 5, pt.CONFLICTED)],
)
def test_tone_margin(support: int, conflict: int, tone: str) -> None:
    assert pt.CirclePerson("x", "X", "other", 1, support, conflict).tone == tone


def test_people_in_range() -> None:
    assert [(p.name, p.count) for p in pt.people_in_range(handmade())] == [
        ("Alex", 4),
        ("Sam", 2),
    ]
