"""The time line: life events, interactions per week, PHQ-9 and GAD-7 totals, and the
daily mood on one time axis, so the link between what happened and how the person felt can
be seen (SPEC.md, "Timeline": IPT links mood to events).

Pure: records in, a plain matplotlib `Figure` out (no pyplot, no Qt), so the same figure can
be built off the GUI thread, shown on screen, or put into a PDF. Each event is drawn as a
dotted line through every panel, so a dip in mood or a rise in PHQ-9 can be read against it.
Private interactions are left out of the counts, as in every chart.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import matplotlib as mpl
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from iptwork.analysis import labels as lb
from iptwork.analysis import patterns as pt
from iptwork.analysis import theme
from iptwork.analysis.filters import PatternFilter
from iptwork.store.records import Contents, LifeEvent

TITLE = "Your time line"
EMPTY_MESSAGE = (
    "Nothing on the time line yet. Add a life event, write down an interaction, or fill in "
    "a questionnaire, and it appears here."
)
#: The course view starts this long before the first record of the course.
LOOK_BACK = timedelta(days=120)
#: An event marked approximate is drawn as a period this long either side of its date.
APPROXIMATE_SPREAD = timedelta(days=15)
#: Events are labelled on this many staggered rows so that neighbours do not overlap.
LABEL_ROWS = 4
LABEL_CHARS = 34
MOOD_WINDOW = 7  # days in the moving average of the mood
SIZE = (10.0, 7.4)


@dataclass(frozen=True)
class EventStyle:
    color: str
    marker: str
    label: str


EVENT_STYLES = {
    "loss": EventStyle(theme.PURPLE, "v", "Loss"),
    "transition": EventStyle(theme.BLUE, "s", "Change in life"),
    "conflict": EventStyle(theme.VERMILLION, "^", "Conflict"),
    "other": EventStyle(theme.MUTED, "o", "Other event"),
}
PHQ9_COLOR = theme.BLACK
GAD7_COLOR = theme.BLUE
MOOD_COLOR = theme.GREEN
WEEK_COLOR = theme.SKY_BLUE
SESSION_COLOR = "#8A8A8A"


def course_days(contents: Contents) -> list[date]:
    """The days of everything that belongs to the course itself (not the life events)."""
    days = [i.occurred_at.date() for i in contents.interactions]
    days += [q.taken_on for q in contents.phq9] + [q.taken_on for q in contents.gad7]
    days += [m.on for m in contents.moods] + [s.held_on for s in contents.sessions]
    if contents.meta.started_on:
        days.append(contents.meta.started_on)
    return days


def default_start(contents: Contents) -> date | None:
    """Where the course view begins: a few months before the course's first record, so the
    events that led up to it show; None (everything) when the course has no record yet."""
    days = course_days(contents)
    return min(days) - LOOK_BACK if days else None


def events_before(contents: Contents, start: date | None) -> int:
    """How many life events lie before `start` (and so outside a view starting there)."""
    return 0 if start is None else sum(1 for e in contents.events if e.on < start)


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12)


def _style(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=theme.TICK_SIZE, labelcolor=theme.TEXT, color="#888888")


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


def _date_axis(ax: Axes, start: date, end: date) -> None:
    """Month ticks ('Oct 2026') over long spans, day ticks ('5 Oct') over short ones, the
    year written on the first tick and where it changes (no locale-dependent month names)."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    long_span = (end - start).days > 400

    def label(value: float, position: int | None) -> str:
        day = mdates.num2date(value).date()
        if long_span:
            return f"{lb.MONTHS[day.month - 1][:3]} {day.year}"
        text = lb.short_date(day)
        if position == 0 or (day.month == 1 and day.day <= 7):  # the first tick of a year
            text += f"\n{day.year}"
        return text

    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(label))


def _label(event: LifeEvent) -> str:
    """Two short lines: the date, and the start of the note (the events list has it all)."""
    when = lb.short_date(event.on) + f" {event.on.year}"
    if event.approximate:
        when = "about " + when
    note = " ".join(event.note.split())
    if len(note) > LABEL_CHARS:
        note = note[: LABEL_CHARS - 1].rstrip(" .,;:") + "…"
    return f"{when}\n{note}" if note else when


def _rows(
    events: Sequence[LifeEvent], start: date, end: date, axis_inches: float
) -> list[tuple[int, bool, bool]]:
    """For each event: its row (0 = top), whether its label opens to the left, and
    whether it is labelled at all.

    Greedy: an event takes the first row where its label does not run into the previous
    label; labels in the last quarter of the axis open to the left so they stay inside."""
    days_per_inch = max((end - start).days, 1) / axis_inches
    char_inches = 0.52 * theme.ANNOTATION_SIZE / 72  # DejaVu Sans, a little generous
    taken: list[float] = [float("-inf")] * LABEL_ROWS  # where each row's last label ends
    placed = []
    for event in events:
        width = len(max(_label(event).split("\n"), key=len)) * char_inches + 0.15
        x = (event.on - start).days
        left = x / max((end - start).days, 1) > 0.75
        low, high = (x - width * days_per_inch, x) if left else (x, x + width * days_per_inch)
        free = [row for row in range(LABEL_ROWS) if taken[row] < low]
        if free:
            taken[free[0]] = high
            placed.append((free[0], left, True))
        else:  # crowded: a marker without words (the list beside the chart has them)
            row = max(range(LABEL_ROWS), key=lambda n: taken[n])
            placed.append((row, left, False))
    return placed


def _events(
    ax: Axes, events: Sequence[LifeEvent], start: date, end: date, axis_inches: float
) -> None:
    ax.set_ylim(-0.5, LABEL_ROWS + 0.2)
    ax.set_yticks([])
    ax.spines[["left"]].set_visible(False)
    rows = _rows(events, start, end, axis_inches)
    for event, (row, left, labelled) in zip(events, rows, strict=True):
        style = EVENT_STYLES.get(event.kind, EVENT_STYLES["other"])
        x = _noon(event.on)
        level = LABEL_ROWS - row - 0.4
        if event.approximate:
            ax.plot(
                [_noon(event.on - APPROXIMATE_SPREAD), _noon(event.on + APPROXIMATE_SPREAD)],
                [level, level],
                color=style.color,
                linewidth=6,
                alpha=0.25,
                solid_capstyle="round",
            )
        ax.plot(
            [x],
            [level],
            marker=style.marker,
            markersize=9,
            color=style.color,
            markerfacecolor="white" if event.approximate else style.color,
            markeredgewidth=1.6,
            linewidth=0,
            zorder=4,
        )
        if not labelled:
            continue
        ax.annotate(
            _label(event),
            (x, level),
            xytext=(-8 if left else 8, 0),
            textcoords="offset points",
            ha="right" if left else "left",
            va="center",
            fontsize=theme.ANNOTATION_SIZE,
            color=theme.TEXT,
            linespacing=1.1,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            annotation_clip=False,
            zorder=5,
        )


def _event_lines(axes: Sequence[Axes], events: Sequence[LifeEvent]) -> None:
    for event in events:
        style = EVENT_STYLES.get(event.kind, EVENT_STYLES["other"])
        for ax in axes:
            ax.axvline(
                _noon(event.on),
                color=style.color,
                linewidth=0.9,
                linestyle=":",
                alpha=0.8,
                zorder=1,
            )


def _sessions(ax: Axes, days: Sequence[date]) -> None:
    for day in days:
        ax.plot(
            [_noon(day)],
            [-0.2],
            marker="|",
            markersize=9,
            markeredgewidth=1.4,
            color=SESSION_COLOR,
            linewidth=0,
            zorder=3,
        )


def _interactions(ax: Axes, contents: Contents, flt: PatternFilter) -> None:
    weeks = [w for w in pt.interactions_by_week(contents, flt) if w.start is not None]
    if not any(w.count for w in weeks):
        _note(ax, "No interactions written down in this period")
        ax.set_yticks([])
        return
    ax.bar(
        [_noon(w.start + timedelta(days=3)) for w in weeks if w.start],
        [w.count for w in weeks],
        width=6,
        color=WEEK_COLOR,
        edgecolor="white",
        linewidth=0.5,
        zorder=2,
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    ax.grid(axis="y", color=theme.GRID, linewidth=0.8)
    ax.set_axisbelow(True)


def _questionnaires(ax: Axes, contents: Contents, flt: PatternFilter) -> None:
    phq9 = pt.phq9_series(contents, flt)
    gad7 = pt.gad7_series(contents, flt)
    ax.set_ylim(0, 28)
    ax.set_yticks([0, 10, 20])
    ax.grid(axis="y", color=theme.GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    if not phq9 and not gad7:
        _note(ax, "No PHQ-9 or GAD-7 in this period")
        return
    if gad7:
        ax.plot(
            [_noon(p.taken_on) for p in gad7],
            [p.total for p in gad7],
            color=GAD7_COLOR,
            linestyle="--",
            linewidth=1.4,
            marker="o",
            markersize=4.5,
            markeredgecolor="white",
            zorder=3,
        )
    if phq9:
        ax.plot(
            [_noon(p.taken_on) for p in phq9],
            [p.total for p in phq9],
            color=PHQ9_COLOR,
            linewidth=1.6,
            marker="s",
            markersize=5,
            markeredgecolor="white",
            zorder=4,
        )
        alerts = [p for p in phq9 if p.item9_positive]
        if alerts:
            ax.plot(
                [_noon(p.taken_on) for p in alerts],
                [p.total for p in alerts],
                color=theme.ALERT,
                marker="D",
                markersize=7,
                markeredgecolor="white",
                linewidth=0,
                zorder=5,
            )


def _moods(ax: Axes, contents: Contents, flt: PatternFilter) -> None:
    moods = sorted((m for m in contents.moods if flt.keeps_day(m.on)), key=lambda m: m.on)
    ax.set_ylim(-0.5, 10.5)
    ax.set_yticks([0, 5, 10])
    ax.grid(axis="y", color=theme.GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    if not moods:
        _note(ax, "No mood ratings in this period")
        return
    ax.scatter(
        [_noon(m.on) for m in moods],
        [m.rating for m in moods],
        s=10,
        color="#9DBFB2",
        linewidths=0,
        zorder=2,
    )
    averaged = []
    first, total = 0, 0
    for n, mood in enumerate(moods):  # the mean of the last MOOD_WINDOW days, in one pass
        total += mood.rating
        while (mood.on - moods[first].on).days >= MOOD_WINDOW:
            total -= moods[first].rating
            first += 1
        averaged.append(total / (n - first + 1))
    ax.plot([_noon(m.on) for m in moods], averaged, color=MOOD_COLOR, linewidth=1.8, zorder=3)


def _legend(
    figure: Figure, kinds: Sequence[str], approximate: bool, sessions: bool, item9: bool
) -> None:
    handles: list[Line2D] = []
    for kind in kinds:
        style = EVENT_STYLES[kind]
        handles.append(
            Line2D([], [], marker=style.marker, color=style.color, linewidth=0, label=style.label)
        )
    if approximate:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                color=theme.MUTED,
                markerfacecolor="white",
                linewidth=0,
                label="Approximate date",
            )
        )
    if sessions:
        handles.append(
            Line2D([], [], marker="|", color=SESSION_COLOR, linewidth=0, label="Therapy session")
        )
    handles += [
        Line2D([], [], color=WEEK_COLOR, linewidth=6, label="Interactions per week"),
        Line2D([], [], color=PHQ9_COLOR, marker="s", label="PHQ-9"),
        Line2D([], [], color=GAD7_COLOR, marker="o", linestyle="--", label="GAD-7"),
        Line2D([], [], color=MOOD_COLOR, linewidth=1.8, label="Mood (7-day average)"),
    ]
    if item9:
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                color=theme.ALERT,
                markeredgecolor="white",
                linewidth=0,
                label="PHQ-9 item 9 above 0",
            )
        )
    figure.legend(handles=handles, loc="outside lower center", ncols=(len(handles) + 1) // 2)


def _message(size: tuple[float, float]) -> Figure:
    with mpl.rc_context(theme.rc()):
        figure = Figure(figsize=size, dpi=theme.SCREEN_DPI, layout="constrained")
        figure.suptitle(TITLE, x=0.01, ha="left", fontsize=theme.TITLE_SIZE, fontweight="bold")
        figure.text(
            0.5,
            0.5,
            textwrap.fill(EMPTY_MESSAGE, 60),
            ha="center",
            va="center",
            fontsize=theme.MESSAGE_SIZE,
            color=theme.MUTED,
        )
    figure.set_label(TITLE)
    return figure


def timeline_figure(
    contents: Contents,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    size: tuple[float, float] = SIZE,
) -> Figure:
    """Life events, interactions per week, PHQ-9/GAD-7 totals and daily mood from
    `date_from` to `date_to` (inclusive; None: from the first / to the last record)."""
    flt = PatternFilter(date_from=date_from, date_to=date_to)
    events = sorted((e for e in contents.events if flt.keeps_day(e.on)), key=lambda e: e.on)
    days = [d for d in course_days(contents) if flt.keeps_day(d)] + [e.on for e in events]
    if not days:
        return _message(size)
    start = date_from or min(days) - timedelta(days=7)
    end = date_to or max(days) + timedelta(days=7)
    if end <= start:
        end = start + timedelta(days=14)
    sessions = sorted(s.held_on for s in contents.sessions if flt.keeps_day(s.held_on))
    with mpl.rc_context(theme.rc()):
        figure = Figure(figsize=size, dpi=theme.SCREEN_DPI, layout="constrained")
        figure.suptitle(
            TITLE, x=0.01, ha="left", fontsize=theme.TITLE_SIZE, fontweight="bold", color=theme.TEXT
        )
        figure.set_label(TITLE)
        strip, weekly, scores, mood = figure.subplots(
            4, 1, sharex=True, height_ratios=(1.6, 0.7, 1.2, 1.0)
        )
        for ax in (strip, weekly, scores, mood):
            _style(ax)
        _events(strip, events, start, end, axis_inches=size[0] * 0.86)
        _sessions(strip, sessions)
        if not events:
            _note(strip, "No life events in this period")
        strip.set_title(
            "What happened (dotted lines carry each event down through the panels)",
            loc="left",
            fontsize=theme.SUBTITLE_SIZE,
            color=theme.MUTED,
        )
        _interactions(weekly, contents, flt)
        weekly.set_ylabel("Interactions\nper week", fontsize=theme.TICK_SIZE)
        _questionnaires(scores, contents, flt)
        scores.set_ylabel("PHQ-9\nGAD-7", fontsize=theme.TICK_SIZE)
        _moods(mood, contents, flt)
        mood.set_ylabel("Mood\n(0–10)", fontsize=theme.TICK_SIZE)
        _event_lines((strip, weekly, scores, mood), events)
        mood.set_xlim(_noon(start), _noon(end))
        _date_axis(mood, start, end)
        kinds = [k for k in EVENT_STYLES if any(e.kind == k for e in events)]
        item9 = any(p.item9_positive for p in pt.phq9_series(contents, flt))
        _legend(figure, kinds, any(e.approximate for e in events), bool(sessions), item9)
    return figure
