"""Charts: a Figure every time (a friendly message when there is nothing to draw), renders
without warnings, and each bar or cell knows the interactions behind it."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.text import Text

from iptwork.analysis import charts
from iptwork.analysis.filters import PatternFilter
from iptwork.store import records as r
from tests.test_analysis_data import ALEX, SAM, generated, handmade

ChartFunction = Callable[[r.Contents, PatternFilter | None], charts.Chart]
FUNCTIONS = [function for _, function in charts.CHARTS]


def _variants() -> list[tuple[str, ChartFunction]]:
    found: list[tuple[str, ChartFunction]] = list(charts.CHARTS)
    found.append(("trend_blocks", lambda c, f: charts.problem_trend_chart(c, f, by="blocks")))
    found.append(("gad7", lambda c, f: charts.satisfaction_symptoms_chart(c, f, measure="gad7")))
    return found


def _bare(day: int) -> r.Interaction:
    return r.Interaction(occurred_at=datetime(2026, 5, day, 9), id=f"b{day}")


DATASETS: dict[str, r.Contents] = {
    "empty": r.Contents(),
    "one interaction": r.Contents(
        people=(r.Person("Alex", id="a"),),
        interactions=(
            r.Interaction(
                occurred_at=datetime(2026, 5, 4, 9),
                people=("a",),
                understood="partly",
                satisfaction=5,
                problems=("silence",),
                emotions=(r.EmotionRating("hurt", 50),),
                id="only",
            ),
        ),
    ),
    "nothing filled in": r.Contents(
        people=(r.Person("Alex", id="a"),), interactions=(_bare(4), _bare(5), _bare(20))
    ),
    "questionnaires only": replace(handmade(), interactions=()),
    "handmade": handmade(),
    "generated": generated(),
    "many people": generated(250, seed=5, people=14),
}


def _render(figure: Figure, fmt: str = "png") -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=72)
    return buffer.getvalue()


def _visible_ids(contents: r.Contents) -> set[str]:
    return {i.id for i in contents.interactions if not i.private}


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize(("name", "function"), _variants(), ids=[n for n, _ in _variants()])
def test_every_chart_renders_on_every_dataset(
    name: str, function: ChartFunction, dataset: str
) -> None:
    contents = DATASETS[dataset]
    chart = function(contents, None)
    assert isinstance(chart.figure, Figure)
    assert chart.title
    assert chart.description
    assert _render(chart.figure).startswith(b"\x89PNG")
    behind = {i for ids in chart.hits.values() for i in ids}
    assert behind <= _visible_ids(contents)  # never a private interaction
    # Every clickable artist is registered, and every registered gid is on an artist.
    pickable = {a.get_gid() for a in chart.figure.findobj(Artist) if a.pickable()}
    assert pickable == set(chart.hits)


@pytest.mark.parametrize("function", FUNCTIONS, ids=[n for n, _ in charts.CHARTS])
def test_empty_charts_carry_a_message_not_empty_axes(function: ChartFunction) -> None:
    chart = function(r.Contents(), None)
    assert chart.empty
    assert chart.figure.axes == []
    texts = [t.get_text() for t in chart.figure.texts]
    assert any(t.startswith("No ") for t in texts)
    assert chart.hits == {}


def test_an_empty_filter_result_says_no_interactions_in_this_range() -> None:
    flt = PatternFilter(date_from=date(2030, 1, 1))
    chart = charts.understood_by_person_chart(handmade(), flt)
    assert charts.EMPTY_MESSAGE in [t.get_text() for t in chart.figure.texts]


def test_charts_with_data_are_not_marked_empty() -> None:
    for key, chart in charts.all_charts(generated()).items():
        assert not chart.empty, key
        assert chart.figure.axes, key


def test_text_is_dejavu_sans_everywhere() -> None:
    for chart in charts.all_charts(handmade()).values():
        _render(chart.figure)
        names = {t.get_fontname() for t in chart.figure.findobj(Text) if t.get_text()}
        assert names == {"DejaVu Sans"}, chart.title


def test_vector_output_for_print() -> None:
    chart = charts.emotions_heatmap_chart(generated(), None)
    assert _render(chart.figure, "pdf").startswith(b"%PDF")
    assert b"<svg" in _render(chart.figure, "svg")


def _artist(chart: charts.Chart, gid: str) -> Artist:
    found = [a for a in chart.figure.findobj(Artist) if a.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


@pytest.mark.parametrize(
    ("function", "gid", "ids"),
    [
        (charts.understood_by_person_chart, f"understood:{ALEX}:no", ("i1",)),
        (charts.understood_by_person_chart, f"understood:{SAM}:partly", ("i2",)),
        (charts.understood_over_time_chart, "understood-week:2026-08-31:no", ("i1",)),
        (charts.understood_over_time_chart, "understood-week:2026-09-14:yes", ("i4",)),
        (charts.problems_by_person_chart, f"problem:{ALEX}:silence", ("i1", "i4")),
        (charts.problems_by_person_chart, f"problem:{SAM}:assumed_understood", ("i2",)),
        (charts.problem_trend_chart, "trend:silence:0", ("i1",)),
        (charts.problem_trend_chart, "trend:silence:1", ("i4",)),
        (charts.emotions_heatmap_chart, f"emotion:{ALEX}:hurt", ("i1", "i2", "i4")),
        (charts.satisfaction_symptoms_chart, "satisfaction:2026-08-31", ("i1", "i2")),
        (charts.activity_chart, "week:2026-09-14:none", ("i5",)),
        (charts.activity_chart, "area:dispute", ("i1", "i4")),
        (charts.closeness_circle_chart, f"person:{SAM}", ("i2", "i3")),
    ],
)
def test_clicking_a_part_leads_to_its_interactions(
    function: ChartFunction, gid: str, ids: tuple[str, ...]
) -> None:
    chart = function(handmade(), None)
    assert chart.hits[gid] == ids
    assert chart.interactions_at(_artist(chart, gid)) == ids


def test_empty_cells_and_segments_are_not_clickable() -> None:
    chart = charts.problems_by_person_chart(handmade(), None)
    assert f"problem:{SAM}:silence" not in chart.hits
    chart = charts.understood_by_person_chart(handmade(), None)
    assert f"understood:{SAM}:no" not in chart.hits


def test_a_filter_narrows_what_the_chart_shows() -> None:
    chart = charts.understood_by_person_chart(handmade(), PatternFilter(people=(SAM,)))
    assert {gid.split(":")[1] for gid in chart.hits} == {SAM}


def test_long_lists_are_cut_to_the_busiest() -> None:
    chart = charts.emotions_heatmap_chart(DATASETS["many people"], None)
    people = {gid.split(":")[1] for gid in chart.hits}
    emotions = {gid.split(":")[2] for gid in chart.hits}
    assert len(people) <= charts.MAX_PEOPLE
    assert len(emotions) <= charts.MAX_EMOTIONS


def test_all_charts_gives_every_chart_once() -> None:
    found = charts.all_charts(handmade())
    assert list(found) == [key for key, _ in charts.CHARTS]


def test_stats_does_not_import_matplotlib_and_charts_never_use_pyplot() -> None:
    code = (
        "import sys\n"
        "import iptwork.analysis.stats, iptwork.analysis.summary\n"
        "assert not [m for m in sys.modules if m.startswith('matplotlib')], 'matplotlib'\n"
        "from iptwork.analysis import charts\n"
        "from tests.test_analysis_data import generated\n"
        "charts.all_charts(generated(40))\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
