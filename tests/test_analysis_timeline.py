"""The time line: events, interactions per week, questionnaire totals and moods on one time
axis — a Figure every time (a calm message when there is nothing), drawn without warnings."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from iptwork.analysis import timeline
from iptwork.store import records as r


def texts(figure: Figure) -> str:
    return "\n".join(t.get_text() for t in figure.findobj(Text))


def rendered(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=60)
    return out.getvalue()


def course(start: date = date(2026, 9, 1)) -> r.Contents:
    alex = r.Person("Alex", id="alex")
    return r.Contents(
        meta=r.WorkbookMeta(started_on=start),
        people=(alex,),
        interactions=tuple(
            r.Interaction(
                occurred_at=datetime.combine(start + timedelta(days=n * 3), datetime.min.time()),
                people=("alex",),
                satisfaction=n % 11,
                private=n == 4,
                id=f"i{n}",
            )
            for n in range(20)
        ),
        events=(
            r.LifeEvent(date(2026, 6, 1), "transition", ("alex",), "Moved to a new flat", id="e1"),
            r.LifeEvent(date(2026, 9, 20), "conflict", (), "The worst row in years", id="e2"),
            r.LifeEvent(date(2014, 3, 1), "loss", (), "Dad died", approximate=True, id="e3"),
        ),
        sessions=tuple(
            r.TherapySession(n + 1, start + timedelta(weeks=n), id=f"s{n}") for n in range(6)
        ),
        phq9=(
            r.Phq9(start, (2, 2, 2, 2, 2, 2, 2, 1, 0), id="p1"),
            r.Phq9(start + timedelta(days=14), (1, 1, 1, 1, 1, 1, 1, 1, 1), id="p2"),
        ),
        gad7=(r.Gad7(start, (2, 2, 1, 1, 1, 1, 1), id="g1"),),
        moods=tuple(r.Mood(start + timedelta(days=n), 3 + n % 5, id=f"m{n}") for n in range(30)),
    )


def test_nothing_to_show_is_said_in_words() -> None:
    figure = timeline.timeline_figure(r.Contents())
    assert isinstance(figure, Figure)
    assert "Nothing on the time line yet" in texts(figure)
    assert rendered(figure)


def test_events_interactions_scores_and_moods_share_one_time_axis() -> None:
    contents = course()
    figure = timeline.timeline_figure(contents, date_from=date(2026, 5, 1))
    axes = figure.get_axes()
    assert len(axes) == 4
    assert len({ax.get_xlim() for ax in axes}) == 1  # one time axis for all four panels
    words = texts(figure)
    assert "1 Jun 2026\nMoved to a new flat" in words
    assert "The worst row in years" in words
    assert "Dad died" not in words  # before the span
    for legend in ("Change in life", "Conflict", "Therapy session", "PHQ-9", "GAD-7"):
        assert legend in words
    assert "Approximate date" not in words
    assert rendered(figure)


def test_private_interactions_are_not_counted() -> None:
    contents = course()
    figure = timeline.timeline_figure(contents)
    weekly = figure.get_axes()[1]
    heights = [bar.get_height() for bar in weekly.patches]
    assert sum(heights) == 19  # 20 written, one private


def test_item9_and_approximate_events_are_marked() -> None:
    contents = course()
    flagged = r.Phq9(date(2026, 9, 20), (1, 1, 1, 1, 1, 1, 1, 1, 2), id="p3")
    contents = r.Contents(**{**contents.__dict__, "phq9": (*contents.phq9, flagged)})
    words = texts(timeline.timeline_figure(contents))
    assert "PHQ-9 item 9 above 0" in words
    assert "Approximate date" in words
    assert "about 1 Mar 2014" in words


def test_the_course_view_starts_months_before_the_course() -> None:
    contents = course()
    start = timeline.default_start(contents)
    assert start == date(2026, 9, 1) - timeline.LOOK_BACK
    assert timeline.events_before(contents, start) == 1  # 2014 only
    assert timeline.events_before(contents, None) == 0
    assert timeline.default_start(r.Contents(events=course().events)) is None


def test_crowded_events_keep_their_markers_but_not_every_label() -> None:
    day = date(2026, 9, 1)
    events = tuple(
        r.LifeEvent(day + timedelta(days=n), "other", (), f"Event number {n} and more", id=f"e{n}")
        for n in range(24)
    )
    figure = timeline.timeline_figure(r.Contents(events=events))
    words = texts(figure)
    labelled = sum(f"Event number {n} and more" in words for n in range(24))
    assert 0 < labelled < 24
    strip = figure.get_axes()[0]
    markers = [line for line in strip.get_lines() if line.get_marker() == "o"]
    assert len(markers) == 24


@pytest.mark.parametrize("days", [1, 40, 5000])
def test_any_span_renders(days: int) -> None:
    start = date(2012, 1, 1)
    contents = r.Contents(
        events=(
            r.LifeEvent(start, "loss", (), "first", id="a"),
            r.LifeEvent(start + timedelta(days=days), "other", (), "last", id="b"),
        ),
        moods=(r.Mood(start, 5, id="m"),),
    )
    assert rendered(timeline.timeline_figure(contents))
