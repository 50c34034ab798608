"""The pattern charts, each a plain matplotlib `Figure` (never pyplot: no global state, so
charts can be built off the GUI thread and the same figure goes on screen and into the PDF).

Every chart function takes the workbook and an optional `PatternFilter` and returns a
`Chart`: the figure, plus `hits`, which maps the gid of each clickable artist (a bar, a
cell, a point) to the ids of the interactions behind it. Clickable artists are pickable,
so a canvas can answer a click with `chart.interactions_at(event.artist)`. When there is
nothing to draw, the figure carries a friendly sentence instead of empty axes.

This is the only analysis module that imports matplotlib; `iptwork stats` never loads it.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any

import matplotlib as mpl
from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from iptwork.analysis import labels as lb
from iptwork.analysis import patterns as pt
from iptwork.analysis import theme
from iptwork.analysis.filters import PatternFilter, select
from iptwork.store.records import Contents

EMPTY_MESSAGE = "No interactions in this range yet"
#: Most rows or columns a chart shows (the busiest); the subtitle says when it cuts.
MAX_PEOPLE = 10
MAX_EMOTIONS = 12

UNDERSTOOD_LEGEND = {
    "yes": "Understood",
    "partly": "Partly understood",
    "unsure": "Not sure",
    "no": "Not understood",
}
TONE_LEGEND = {
    pt.SUPPORTIVE: "Mostly supportive",
    pt.MIXED: "Mixed",
    pt.CONFLICTED: "Mostly conflict",
}
RING_NAMES = {1: "Inner circle", 2: "Middle circle", 3: "Outer circle"}
#: Degrees either side of the top of each ring kept free for its name.
RING_LABEL_GAP = 22
#: Bar charts leave room for at least this many bars; heat maps grow up to this width.
MIN_BARS = 6
MAX_WIDTH = 11.0
#: Single ratings are drawn as dots up to this many; more would only be a grey fog.
MAX_DOTS = 1500
#: Where the trend chart's "rarer" / "more often" column starts (in % units of its x axis).
DIRECTION_X = 104


@dataclass(frozen=True)
class Chart:
    """A finished chart and what lies behind its parts."""

    figure: Figure
    hits: Mapping[str, tuple[str, ...]]
    title: str
    description: str = ""  # one plain sentence: the accessible name of the chart
    empty: bool = False

    def interactions_at(self, artist: Artist) -> tuple[str, ...]:
        """The interaction ids behind a clicked artist (empty for decoration)."""
        gid = artist.get_gid()
        return self.hits.get(gid, ()) if gid else ()


class _Hits:
    def __init__(self) -> None:
        self.found: dict[str, tuple[str, ...]] = {}

    def add(self, artist: Artist, gid: str, ids: Sequence[str]) -> None:
        artist.set_gid(gid)
        artist.set_picker(True)
        self.found[gid] = tuple(ids)

    def frozen(self) -> Mapping[str, tuple[str, ...]]:
        return MappingProxyType(dict(self.found))


@contextmanager
def _building() -> Iterator[None]:
    """The theme's settings, while artists are created (fonts are fixed at creation)."""
    with mpl.rc_context(theme.rc()):
        yield


def _figure(size: tuple[float, float], title: str) -> Figure:
    figure = Figure(figsize=size, dpi=theme.SCREEN_DPI, layout="constrained")
    figure.suptitle(
        title, x=0.01, ha="left", fontsize=theme.TITLE_SIZE, fontweight="bold", color=theme.TEXT
    )
    figure.set_label(title)
    return figure


def _style(ax: Axes, grid: str | None = None) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(
        labelsize=theme.TICK_SIZE,
        labelcolor=theme.TEXT,
        labelfontfamily=theme.FONT,
        color="#888888",
    )
    if grid:
        ax.grid(axis=grid, color=theme.GRID, linewidth=0.8)
        ax.set_axisbelow(True)


def _label_inches(labels: Sequence[str]) -> float:
    """Roughly how wide the longest (single-line) tick label is, plus a margin."""
    longest = max((len(line) for label in labels for line in label.split("\n")), default=0)
    return 0.4 + longest * 0.58 * theme.TICK_SIZE / 72


def _subtitle(ax: Axes, text: str, *, label_inches: float = 0.8) -> None:
    """A muted line (wrapped to fit) above the axes. Titles are not wrapped by the layout,
    so the width is estimated: the figure's width less `label_inches` for tick labels."""
    figure_width = ax.get_figure(root=True).get_figwidth()
    # DejaVu Sans averages a little over half an em per character.
    chars = max(30, int((figure_width - label_inches) * 72 / (0.58 * theme.SUBTITLE_SIZE)))
    ax.set_title(
        textwrap.fill(text, chars),
        loc="left",
        fontsize=theme.SUBTITLE_SIZE,
        color=theme.MUTED,
        pad=8,
    )


def _message(
    title: str, message: str, size: tuple[float, float] = theme.WIDE, description: str = ""
) -> Chart:
    """A chart with nothing to draw: one calm sentence where the axes would be."""
    with _building():
        figure = _figure(size, title)
        figure.text(
            0.5,
            0.5,
            message,
            ha="center",
            va="center",
            fontsize=theme.MESSAGE_SIZE,
            color=theme.MUTED,
            wrap=True,
        )
    return Chart(figure, MappingProxyType({}), title, description or message, empty=True)


def _ink(color: str | tuple[float, float, float]) -> str:
    return theme.ink_for(to_rgb(color))


def _hatch_color(color: str | tuple[float, float, float]) -> tuple[float, float, float, float]:
    """Hatching a shade darker or lighter than its fill: visible in grey, quiet in colour."""
    if theme.relative_luminance(to_rgb(color)) > 0.55:
        return (0.0, 0.0, 0.0, 0.45)
    return (1.0, 1.0, 1.0, 0.6)


def _label_box(color: str | tuple[float, float, float]) -> dict[str, Any]:
    """A box in the fill colour behind a number, so hatching never runs through it."""
    return {"boxstyle": "round,pad=0.15", "facecolor": color, "edgecolor": "none"}


def _week_labels(weeks: Sequence[date]) -> list[str]:
    """'5 Oct', with the year below on the first week and wherever the year changes."""
    labels = []
    year = None
    for week in weeks:
        label = lb.short_date(week)
        if week.year != year:
            label += f"\n{week.year}"
            year = week.year
        labels.append(label)
    return labels


def _thin_ticks(ax: Axes, labels: Sequence[str], most: int = 12) -> None:
    step = max(1, math.ceil(len(labels) / most))
    positions = list(range(0, len(labels), step))
    ax.set_xticks(positions, [labels[n] for n in positions])


def _slots(count: int, least: int) -> tuple[float, float]:
    """Axis limits for `count` bars one unit apart, widened to room for `least` bars so a
    lone bar stays a bar and does not fill the whole chart."""
    pad = max(0.0, (least - count) / 2)
    return -0.6 - pad, count - 0.4 + pad


def _ramp(count: int) -> list[tuple[float, float, float, float]]:
    """`count` colours from light to dark along the theme's sequential map."""
    cmap = mpl.colormaps[theme.HEAT_CMAP]
    low, high = theme.PERIOD_RANGE
    if count == 1:
        return [cmap(high)]
    return [cmap(low + (high - low) * n / (count - 1)) for n in range(count)]


def _heat_color(value: float, top: float) -> tuple[float, float, float, float]:
    cmap = mpl.colormaps[theme.HEAT_CMAP]
    low, high = theme.HEAT_RANGE
    share = value / top if top else 0.0
    return cmap(low + (high - low) * share)


def _more_note(shown: int, total: int, what: str) -> str:
    return f" Showing the {shown} {what} with most interactions." if total > shown else ""


# --- understood -------------------------------------------------------------------------


def _understood_legend(figure: Figure) -> None:
    handles = [
        Patch(
            facecolor=theme.UNDERSTOOD[value].color,
            hatch=theme.UNDERSTOOD[value].hatch,
            hatchcolor=_hatch_color(theme.UNDERSTOOD[value].color),
            edgecolor="white",
            label=UNDERSTOOD_LEGEND[value],
        )
        for value in theme.UNDERSTOOD_ORDER
    ]
    figure.legend(handles=handles, loc="outside lower center", ncols=4, handleheight=1.4)


def understood_by_person_chart(contents: Contents, flt: PatternFilter | None = None) -> Chart:
    """Per person, the share of interactions in which they understood what was meant."""
    title = "Did they understand what you meant?"
    chosen = select(contents, flt)
    if not chosen.interactions:
        return _message(title, EMPTY_MESSAGE)
    all_rows = [row for row in pt.understood_by_person(chosen, flt) if row.recorded]
    # Most answers first: the bracketed numbers then read in order.
    all_rows.sort(key=lambda row: -row.recorded)
    if not all_rows:
        return _message(title, "None of these interactions says yet whether you were understood")
    rows = all_rows[:MAX_PEOPLE]
    hits = _Hits()
    height = max(3.4, 1.9 + 0.5 * len(rows))
    with _building():
        figure = _figure((theme.WIDE[0], height), title)
        ax = figure.add_subplot()
        _style(ax, grid="x")
        positions = list(range(len(rows)))[::-1]
        left = [0.0] * len(rows)
        for value in theme.UNDERSTOOD_ORDER:
            swatch = theme.UNDERSTOOD[value]
            shares = [100 * row.count(value) / row.recorded for row in rows]
            bars = ax.barh(
                positions,
                shares,
                left=left,
                height=0.62,
                color=swatch.color,
                hatch=swatch.hatch,
                hatchcolor=_hatch_color(swatch.color),
                edgecolor="white",
                linewidth=0.8,
            )
            for bar, row, share, start in zip(bars, rows, shares, left, strict=True):
                if row.count(value):
                    hits.add(bar, f"understood:{row.key}:{value}", row.ids[value])
                if share >= 7:
                    ax.text(
                        start + share / 2,
                        bar.get_y() + bar.get_height() / 2,
                        str(row.count(value)),
                        ha="center",
                        va="center",
                        fontsize=theme.ANNOTATION_SIZE,
                        color=_ink(swatch.color),
                        bbox=_label_box(swatch.color),
                    )
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_yticks(positions, [f"{row.label} ({row.recorded})" for row in rows])
        low, high = _slots(len(rows), 3)
        ax.set_ylim(low + 0.1, high - 0.1)
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:.0f}%"))
        ax.set_xlabel("Share of the interactions where you noted it")
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        _subtitle(
            ax,
            "Numbers in the bars are interactions; the number of interactions with each "
            "person is in brackets." + _more_note(len(rows), len(all_rows), "people"),
            label_inches=_label_inches([label.get_text() for label in ax.get_yticklabels()]),
        )
        _understood_legend(figure)
    return Chart(
        figure,
        hits.frozen(),
        title,
        "For each person, how often they understood what you meant: fully, partly, not, "
        "or you are not sure.",
    )


def understood_over_time_chart(contents: Contents, flt: PatternFilter | None = None) -> Chart:
    """Per ISO week, how many interactions were understood, partly, not, or unsure."""
    title = "Understood, week by week"
    chosen = select(contents, flt)
    if not chosen.interactions:
        return _message(title, EMPTY_MESSAGE)
    rows = pt.understood_by_week(chosen, flt)
    if not any(row.recorded for row in rows):
        return _message(title, "None of these interactions says yet whether you were understood")
    hits = _Hits()
    with _building():
        figure = _figure(theme.WIDE, title)
        ax = figure.add_subplot()
        _style(ax, grid="y")
        positions = list(range(len(rows)))
        bottom = [0] * len(rows)
        for value in theme.UNDERSTOOD_ORDER:
            swatch = theme.UNDERSTOOD[value]
            counts = [row.count(value) for row in rows]
            bars = ax.bar(
                positions,
                counts,
                bottom=bottom,
                width=0.75,
                color=swatch.color,
                hatch=swatch.hatch,
                hatchcolor=_hatch_color(swatch.color),
                edgecolor="white",
                linewidth=0.6,
            )
            for bar, row in zip(bars, rows, strict=True):
                if row.count(value):
                    hits.add(bar, f"understood-week:{row.key}:{value}", row.ids[value])
            bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
        _thin_ticks(ax, _week_labels([row.start or date.min for row in rows]))
        ax.set_xlim(*_slots(len(rows), MIN_BARS))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("Week starting")
        ax.set_ylabel("Interactions")
        _subtitle(ax, "Each bar is one week's interactions, split by whether you felt understood.")
        _understood_legend(figure)
    return Chart(
        figure,
        hits.frozen(),
        title,
        "Week by week, how many interactions left you understood, partly understood, not "
        "understood, or unsure.",
    )


# --- communication problems -------------------------------------------------------------


def _heat_map(
    ax: Axes,
    rows: Sequence[tuple[str, str]],
    columns: Sequence[tuple[str, str]],
    value: Callable[[str, str], int],
    text: Callable[[str, str], str],
    hit: Callable[[str, str], tuple[str, tuple[str, ...]] | None],
    hits: _Hits,
    aspect: float,
) -> None:
    """Cells drawn one rectangle each (so each can be clicked); rows top to bottom."""
    top = max((value(r, c) for r, _ in rows for c, _ in columns), default=0)
    for y, (row_key, _) in enumerate(rows):
        for x, (column_key, _) in enumerate(columns):
            amount = value(row_key, column_key)
            color: Any = _heat_color(amount, top) if amount else theme.EMPTY_CELL
            cell = Rectangle(
                (x - 0.5, y - 0.5), 1, 1, facecolor=color, edgecolor="white", linewidth=1.5
            )
            ax.add_patch(cell)
            found = hit(row_key, column_key)
            if amount and found:
                hits.add(cell, *found)
                ax.text(
                    x,
                    y,
                    text(row_key, column_key),
                    ha="center",
                    va="center",
                    fontsize=theme.ANNOTATION_SIZE,
                    color=_ink(color),
                    linespacing=1.1,
                )
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    # Cells keep their shape however few there are (one cell must not fill the figure).
    ax.set_aspect(aspect, adjustable="box", anchor="NW")
    ax.set_yticks(range(len(rows)), [label for _, label in rows])
    ax.set_xticks(range(len(columns)), [label for _, label in columns])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def problems_by_person_chart(contents: Contents, flt: PatternFilter | None = None) -> Chart:
    """A heat map: communication problems (rows) by person (columns), as counts."""
    title = "Communication problems, per person"
    chosen = select(contents, flt)
    if not chosen.interactions:
        return _message(title, EMPTY_MESSAGE)
    table = pt.problems_by_person(chosen, flt)
    if not table.problems:
        return _message(title, "No communication problems noted in this range")
    people = table.people[:MAX_PEOPLE]
    hits = _Hits()
    height = max(2.6, 2.0 + 0.42 * len(table.problems))
    width = min(MAX_WIDTH, max(theme.WIDE[0], 4.6 + 0.75 * len(people)))
    with _building():
        figure = _figure((width, height), title)
        ax = figure.add_subplot()
        _style(ax)
        _heat_map(
            ax,
            [(p.key, p.label) for p in table.problems],
            [(p.id, f"{p.name}\n({p.count})") for p in people],
            lambda key, person: table.count(person, key),
            lambda key, person: str(table.count(person, key)),
            lambda key, person: (f"problem:{person}:{key}", table.ids(person, key)),
            hits,
            aspect=0.45,
        )
        ax.xaxis.tick_top()
        _subtitle(
            ax,
            "How many interactions with each person showed each problem (darker: more). "
            "Interactions with each person in brackets."
            + _more_note(len(people), len(table.people), "people"),
            label_inches=_label_inches([p.label for p in table.problems]),
        )
    return Chart(
        figure,
        hits.frozen(),
        title,
        "A table of how many interactions with each person showed each communication problem.",
    )


def problem_trend_chart(
    contents: Contents, flt: PatternFilter | None = None, *, by: pt.PeriodKind = "halves"
) -> Chart:
    """For each problem, the share of interactions showing it in each period, early (light)
    to late (dark), with whether it has become rarer."""
    title = "Are the problems becoming rarer?"
    chosen = select(contents, flt)
    if not chosen.interactions:
        return _message(title, EMPTY_MESSAGE)
    trend = pt.problem_trend(chosen, flt, by=by)
    if not trend.rows:
        return _message(title, "No communication problems noted in this range")
    if len(trend.periods) < 2:
        return _message(title, "These interactions cover too short a time to compare periods")
    hits = _Hits()
    periods = trend.periods
    colors = _ramp(len(periods))
    band = 0.8 / len(periods)
    height = max(3.8, 2.2 + 0.2 * len(trend.rows) * (1 + len(periods)))
    with _building():
        figure = _figure((theme.WIDE[0], height), title)
        ax = figure.add_subplot()
        _style(ax, grid="x")
        for n, (period, color) in enumerate(zip(periods, colors, strict=True)):
            positions = [y - 0.4 + band * (n + 0.5) for y in range(len(trend.rows))]
            shares = [100 * (row.rates[n] or 0.0) for row in trend.rows]
            bars = ax.barh(
                positions,
                shares,
                height=band * 0.92,
                color=color,
                edgecolor="#555555",
                linewidth=0.5,
                label=f"{period.label} ({lb.plural(period.count, 'interaction')})",
            )
            for bar, row in zip(bars, trend.rows, strict=True):
                if row.count(n):
                    hits.add(bar, f"trend:{row.key}:{n}", row.ids[n])
        for y, row in enumerate(trend.rows):
            ax.text(
                DIRECTION_X,
                y,
                row.direction,
                ha="left",
                va="center",
                fontsize=theme.ANNOTATION_SIZE + 0.5,
                color=theme.TEXT if row.direction in (pt.RARER, pt.MORE_OFTEN) else theme.MUTED,
                fontweight="bold" if row.direction == pt.RARER else "normal",
            )
        ax.set_yticks(range(len(trend.rows)), [row.label for row in trend.rows])
        ax.set_ylim(len(trend.rows) - 0.5, -0.5)
        # 0–100 % for the bars, then a column on the right for the direction words.
        ax.set_xlim(0, DIRECTION_X + 30)
        ax.set_xticks(range(0, 101, 20))
        ax.spines["bottom"].set_bounds(0, 100)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:.0f}%"))
        ax.set_xlabel("Share of the period's interactions showing the problem")
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        split = "the first and the second half" if by == "halves" else "4-week blocks"
        _subtitle(
            ax,
            f"Earlier periods lighter, later ones darker ({split} of the range).",
            label_inches=_label_inches([row.label for row in trend.rows]),
        )
        figure.legend(loc="outside lower center", ncols=min(len(periods), 3))
    return Chart(
        figure,
        hits.frozen(),
        title,
        "For each communication problem, how often it came up earlier and later, and whether "
        "it has become rarer.",
    )


# --- emotions ---------------------------------------------------------------------------


def emotions_heatmap_chart(contents: Contents, flt: PatternFilter | None = None) -> Chart:
    """Person × emotion: how often each emotion was felt with whom, and how strongly."""
    title = "Feelings, per person"
    chosen = select(contents, flt)
    if not chosen.interactions:
        return _message(title, EMPTY_MESSAGE)
    table = pt.emotions_by_person(chosen, flt)
    if not table.emotions:
        return _message(title, "No feelings noted in this range")
    people = table.people[:MAX_PEOPLE]
    emotions = table.emotions[:MAX_EMOTIONS]
    hits = _Hits()
    height = max(2.6, 2.3 + 0.5 * len(people))
    width = min(MAX_WIDTH, max(theme.WIDE[0], 2.4 + 0.62 * len(emotions)))
    with _building():
        figure = _figure((width, height), title)
        ax = figure.add_subplot()
        _style(ax)

        def text(person: str, name: str) -> str:
            cell = table.cell(person, name)
            return f"{cell.count}\n({cell.mean or 0:.0f})"

        _heat_map(
            ax,
            [(p.id, f"{p.name} ({p.count})") for p in people],
            [(e.name, e.name) for e in emotions],
            lambda person, name: table.cell(person, name).count,
            text,
            lambda person, name: (f"emotion:{person}:{name}", table.cell(person, name).ids),
            hits,
            aspect=0.8,
        )
        ax.xaxis.tick_top()
        ax.tick_params(axis="x", labelrotation=40)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("left")
            label.set_rotation_mode("anchor")
        note = ""
        if len(table.emotions) > len(emotions):
            note = f" The {len(emotions)} feelings noted most often."
        _subtitle(
            ax,
            "Times felt (darker: more often), average intensity 0–100 in brackets." + note,
            label_inches=_label_inches([f"{p.name} ({p.count})" for p in people]),
        )
    return Chart(
        figure,
        hits.frozen(),
        title,
        "A table of which feelings you noted with each person, how often and how intensely.",
    )


# --- satisfaction and symptoms ----------------------------------------------------------


def _date_axis(ax: Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: lb.short_date(mdates.num2date(x).date()))
    )


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12)


def _note(ax: Axes, text: str) -> None:
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=theme.MUTED,
        fontsize=theme.LABEL_SIZE,
    )


def satisfaction_symptoms_chart(
    contents: Contents, flt: PatternFilter | None = None, *, measure: pt.Measure = "phq9"
) -> Chart:
    """Weekly mean satisfaction above the PHQ-9 (or GAD-7) totals, on one time axis, with
    the questionnaire's severity bands shaded."""
    name = "PHQ-9" if measure == "phq9" else "GAD-7"
    title = f"Satisfaction and {name} over time"
    chosen = select(contents, flt)
    weeks = [w for w in pt.satisfaction_by_week(chosen, flt) if w.mean is not None]
    points = pt.phq9_series(chosen, flt) if measure == "phq9" else pt.gad7_series(chosen, flt)
    if not weeks and not points:
        return _message(title, f"No satisfaction ratings or {name} scores in this range yet")
    rated = [i for i in chosen.interactions if i.satisfaction is not None]
    days = [i.occurred_at.date() for i in rated] + [p.taken_on for p in points]
    days += [w.start + timedelta(days=3) for w in weeks]  # where the weekly means sit
    start, end = min(days) - timedelta(days=3), max(days) + timedelta(days=3)
    hits = _Hits()
    with _building():
        figure = _figure(theme.TALL, title)
        top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(1, 1.15))
        _style(top, grid="y")
        _style(bottom)

        if weeks:
            if len(rated) <= MAX_DOTS:
                top.scatter(
                    [_noon(i.occurred_at.date()) for i in rated],
                    [i.satisfaction for i in rated],
                    s=9,
                    color="#B0B0B0",
                    linewidths=0,
                    zorder=2,
                )
            middles = [_noon(w.start + timedelta(days=3)) for w in weeks]
            top.plot(
                middles, [w.mean for w in weeks], color=theme.SATISFACTION, linewidth=2, zorder=3
            )
            for week, middle in zip(weeks, middles, strict=True):
                (marker,) = top.plot(
                    [middle],
                    [week.mean],
                    marker="o",
                    markersize=6,
                    color=theme.SATISFACTION,
                    markeredgecolor="white",
                    zorder=4,
                )
                hits.add(marker, f"satisfaction:{week.start.isoformat()}", week.ids)
            handles = [Line2D([], [], color=theme.SATISFACTION, marker="o", linewidth=2)]
            if len(rated) <= MAX_DOTS:
                handles.append(
                    Line2D([], [], color="#B0B0B0", marker="o", linewidth=0, markersize=4)
                )
            top.legend(
                handles=handles,
                labels=["Weekly average", "One interaction"][: len(handles)],
                loc="upper left",
                ncols=2,
                bbox_to_anchor=(0, 1.0),
            )
        else:
            _note(top, "No satisfaction ratings in this range yet")
        top.set_ylim(-0.5, 11.8)
        top.set_yticks(range(0, 11, 2))
        top.set_ylabel("Satisfaction (0–10)")

        bands = pt.severity_bands(measure)
        maximum = bands[-1].high
        # The most severe band always gets the darkest fill, whatever the number of bands.
        fills = (*theme.BAND_FILLS[: len(bands) - 1], theme.BAND_FILLS[-1])
        for band, fill in zip(bands, fills, strict=True):
            upper = band.high + 1 if band.high < maximum else maximum
            bottom.axhspan(band.low, upper, facecolor=fill, edgecolor="none", zorder=0)
            bottom.text(
                1.01,
                (band.low + upper) / 2,
                band.word,
                transform=bottom.get_yaxis_transform(),
                ha="left",
                va="center",
                fontsize=theme.ANNOTATION_SIZE,
                color=theme.MUTED,
                clip_on=False,
            )
            if band.low:
                bottom.axhline(band.low, color="#D0D0D0", linewidth=0.6, zorder=1)
        if points:
            xs = [_noon(p.taken_on) for p in points]
            bottom.plot(xs, [p.total for p in points], color=theme.SCORE_LINE, linewidth=1.6)
            for point, x in zip(points, xs, strict=True):
                alert = point.item9_positive
                (marker,) = bottom.plot(
                    [x],
                    [point.total],
                    marker="D" if alert else "s",
                    markersize=7 if alert else 5.5,
                    color=theme.ALERT if alert else theme.SCORE_LINE,
                    markeredgecolor="white",
                    zorder=4,
                )
                marker.set_gid(f"{measure}:{point.id}")
                if alert:
                    bottom.annotate(
                        "item 9",
                        (x, point.total),
                        xytext=(0, 9),
                        textcoords="offset points",
                        ha="center",
                        fontsize=theme.ANNOTATION_SIZE,
                        color=theme.ALERT,
                        fontweight="bold",
                    )
        else:
            _note(bottom, f"No {name} scores in this range yet")
        bottom.set_ylim(0, maximum)
        bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
        bottom.set_ylabel(f"{name} total (0–{maximum})")
        bottom.set_xlim(_noon(start), _noon(end))
        _date_axis(bottom)
        _subtitle(top, "How satisfied you were with your interactions, week by week.")
        _subtitle(
            bottom,
            f"{name} totals; shading shows the severity bands"
            + (" (a red diamond: item 9 above 0)" if measure == "phq9" else "")
            + ".",
        )
    return Chart(
        figure,
        hits.frozen(),
        title,
        f"Weekly average satisfaction with interactions, above {name} totals with their "
        "severity bands, on one time line.",
    )


# --- activity ---------------------------------------------------------------------------


def activity_chart(contents: Contents, flt: PatternFilter | None = None) -> Chart:
    """Interactions per ISO week (split by problem area) beside the total per area."""
    title = "Interactions written down"
    chosen = select(contents, flt)
    if not chosen.interactions:
        return _message(title, EMPTY_MESSAGE)
    found = pt.activity(chosen, flt)
    hits = _Hits()
    with _building():
        figure = _figure(theme.WIDE, title)
        weekly, per_area = figure.subplots(1, 2, width_ratios=(2.6, 1))
        _style(weekly, grid="y")
        _style(per_area, grid="x")
        positions = list(range(len(found.weeks)))
        bottom = [0] * len(found.weeks)
        for area in found.areas:
            swatch = theme.AREAS.get(area.key, theme.OTHER_AREA)
            counts = [len(found.ids(week.key, area.key)) for week in found.weeks]
            bars = weekly.bar(
                positions,
                counts,
                bottom=bottom,
                width=0.75,
                color=swatch.color,
                hatch=swatch.hatch,
                hatchcolor=_hatch_color(swatch.color),
                edgecolor="white",
                linewidth=0.6,
            )
            for bar, week in zip(bars, found.weeks, strict=True):
                ids = found.ids(week.key, area.key)
                if ids:
                    hits.add(bar, f"week:{week.key}:{area.key}", ids)
            bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
        _thin_ticks(weekly, _week_labels([w.start or date.min for w in found.weeks]), most=8)
        weekly.tick_params(axis="x", labelrotation=0)
        weekly.set_xlim(*_slots(len(found.weeks), MIN_BARS))
        weekly.yaxis.set_major_locator(MaxNLocator(integer=True))
        weekly.set_xlabel("Week starting")
        weekly.set_ylabel("Interactions")
        _subtitle(weekly, "Per week, coloured by problem area")

        rows = list(range(len(found.areas)))
        for y, area in zip(rows, found.areas, strict=True):
            swatch = theme.AREAS.get(area.key, theme.OTHER_AREA)
            (bar,) = per_area.barh(
                [y],
                [area.count],
                height=0.6,
                color=swatch.color,
                hatch=swatch.hatch,
                hatchcolor=_hatch_color(swatch.color),
                edgecolor="white",
            )
            hits.add(bar, f"area:{area.key}", area.ids)
            per_area.text(
                area.count,
                y,
                f" {area.count}",
                va="center",
                ha="left",
                fontsize=theme.ANNOTATION_SIZE,
                color=theme.TEXT,
            )
        per_area.set_yticks(rows, [area.label.replace(" ", "\n", 1) for area in found.areas])
        low, high = _slots(len(rows), 3)
        per_area.set_ylim(high, low)
        per_area.set_xlim(0, max(a.count for a in found.areas) * 1.25)
        per_area.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
        per_area.tick_params(axis="y", length=0)
        per_area.set_xlabel("Interactions")
        _subtitle(per_area, "Per problem area")
    return Chart(
        figure,
        hits.frozen(),
        title,
        "How many interactions you wrote down each week, and how many belong to each problem area.",
    )


# --- closeness circle -------------------------------------------------------------------


def closeness_circle_chart(contents: Contents, flt: PatternFilter | None = None) -> Chart:
    """The inventory as three rings around you; each person's mark shows whether the
    relationship is mostly supportive, mixed, or mostly conflict, and its size how many
    interactions with them are in range."""
    title = "Your closeness circle"
    people = pt.closeness_circle(contents, flt)
    if not people:
        return _message(title, "No people in your inventory yet", theme.SQUARE)
    busiest = max((len(person.ids) for person in people), default=0)
    hits = _Hits()
    with _building():
        figure = _figure(theme.SQUARE, title)
        ax = figure.add_subplot()
        ax.set_aspect("equal")
        ax.set_axis_off()
        fills = ("#F2F2F2", "#F8F8F8", "#FDFDFD")
        for ring in (3, 2, 1):
            ax.add_patch(
                Circle((0, 0), ring, facecolor=fills[ring - 1], edgecolor=theme.RING, lw=1.0)
            )
            ax.text(
                0,
                ring - 0.12,
                RING_NAMES[ring],
                ha="center",
                va="top",
                fontsize=theme.ANNOTATION_SIZE,
                color=theme.MUTED,
            )
        ax.add_patch(Circle((0, 0), 0.3, facecolor=theme.TEXT, edgecolor="none"))
        ax.text(0, 0, "Me", ha="center", va="center", color="white", fontweight="bold")
        for ring in (1, 2, 3):
            members = [p for p in people if p.ring == ring]
            # Spread over the circle but keep clear of the top, where the ring names are.
            step = (360 - 2 * RING_LABEL_GAP) / len(members) if members else 0
            for n, person in enumerate(members):
                angle = math.radians(90 + RING_LABEL_GAP + (n + 0.5) * step)
                radius = ring - 0.5
                x, y = radius * math.cos(angle), radius * math.sin(angle)
                swatch = theme.TONES[person.tone]
                size = 60 + (330 * math.sqrt(len(person.ids) / busiest) if busiest else 90)
                mark = ax.scatter(
                    [x],
                    [y],
                    s=size,
                    marker=swatch.marker,
                    color=swatch.color,
                    edgecolors="white",
                    linewidths=1.0,
                    zorder=3,
                )
                hits.add(mark, f"person:{person.id}", person.ids)
                offset = 0.17 + math.sqrt(size) / 100
                ha = (
                    "left"
                    if math.cos(angle) > 0.35
                    else "right"
                    if math.cos(angle) < -0.35
                    else "center"
                )
                va = (
                    "bottom"
                    if math.sin(angle) > 0.35
                    else "top"
                    if math.sin(angle) < -0.35
                    else "center"
                )
                ax.text(
                    x + offset * math.cos(angle),
                    y + offset * math.sin(angle),
                    person.name,
                    ha=ha,
                    va=va,
                    fontsize=theme.TICK_SIZE,
                    color=theme.TEXT,
                    zorder=4,
                )
        ax.set_xlim(-3.7, 3.7)
        ax.set_ylim(-3.25, 3.25)
        handles = [
            Line2D(
                [],
                [],
                marker=theme.TONES[tone].marker,
                color=theme.TONES[tone].color,
                markeredgecolor="white",
                linewidth=0,
                markersize=9,
                label=label,
            )
            for tone, label in TONE_LEGEND.items()
        ]
        figure.legend(handles=handles, loc="outside lower center", ncols=3)
        _subtitle(ax, "Larger marks: more interactions with them in this range.")
    return Chart(
        figure,
        hits.frozen(),
        title,
        "The people in your life on three rings around you, from closest to furthest, marked "
        "as mostly supportive, mixed, or mostly conflict.",
    )


# --- all of them ------------------------------------------------------------------------

#: (key, chart function), in the order the patterns view and the PDF show them.
CHARTS: tuple[tuple[str, Callable[[Contents, PatternFilter | None], Chart]], ...] = (
    ("understood_by_person", understood_by_person_chart),
    ("understood_over_time", understood_over_time_chart),
    ("problems_by_person", problems_by_person_chart),
    ("problem_trend", problem_trend_chart),
    ("emotions_by_person", emotions_heatmap_chart),
    ("satisfaction_symptoms", satisfaction_symptoms_chart),
    ("activity", activity_chart),
    ("closeness_circle", closeness_circle_chart),
)


def all_charts(contents: Contents, flt: PatternFilter | None = None) -> dict[str, Chart]:
    """Every chart for one filter (the workbook is narrowed once and shared)."""
    chosen = select(contents, flt)
    return {key: build(chosen, flt) for key, build in CHARTS}
