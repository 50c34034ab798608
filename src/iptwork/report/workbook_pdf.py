"""The workbook as a PDF to print and bring to sessions (issue 5).

A cover, the contents, then the sections a caller chooses, in this order: the focus and its
goals, the people (closeness circle and inventory), the patterns with the app's own charts,
PHQ-9 and GAD-7 over time, each interaction as a filled-in communication-analysis
worksheet, and the session log. Every string the person wrote goes through
`report.text.markup` (escaped, missing glyphs made visible), long text is cut into
paragraphs that flow across pages, and headings stay with what follows them.

`build_workbook_pdf` takes records that are already filtered and protected (see
`report.export.export_pdf`, which applies the export options); it decides only layout.
"""

from __future__ import annotations

import contextlib
import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from iptwork import domain
from iptwork.analysis import labels as lb
from iptwork.analysis.filters import PatternFilter, select
from iptwork.report import fasttext, fonts, styles
from iptwork.report.chart_images import ChartJob, ChartSpec
from iptwork.report.document import (
    Cancelled,
    Progress,
    ReportCanvas,
    ReportDocument,
    write_atomically,
)
from iptwork.report.fasttext import TextBlock
from iptwork.report.flowables import (
    Anchor,
    Box,
    ChartImage,
    Columns,
    FixedText,
    Heading,
    IntensityBars,
    Labelled,
    NoteLines,
    Para,
    Stack,
    TocEntry,
    WritingLines,
    plain_paragraph,
    spaced,
    user_paragraphs,
)
from iptwork.report.text import has_missing_glyphs, markup
from iptwork.store import records as r

FOCUS = "focus"
INVENTORY = "inventory"
PATTERNS = "patterns"
QUESTIONNAIRES = "questionnaires"
INTERACTIONS = "interactions"
SESSIONS = "sessions"
FORMULATION = "formulation"
TERMINATION = "termination"

#: Every section, in the order the PDF prints them.
ALL_SECTIONS: tuple[str, ...] = (
    FOCUS,
    FORMULATION,
    INVENTORY,
    PATTERNS,
    QUESTIONNAIRES,
    INTERACTIONS,
    SESSIONS,
    TERMINATION,
)
#: A therapist's summary: what changed, not the whole workbook (use with `since_last_session`).
SUMMARY_SECTIONS: tuple[str, ...] = (PATTERNS, QUESTIONNAIRES, INTERACTIONS)

SECTION_TITLES = {
    FOCUS: "Focus and goals",
    INVENTORY: "The people in your life",
    PATTERNS: "Patterns",
    QUESTIONNAIRES: "PHQ-9 and GAD-7",
    INTERACTIONS: "Interactions",
    SESSIONS: "Session log",
    FORMULATION: "Formulation",
    TERMINATION: "Ending therapy",
}

#: The charts of `analysis.charts` shown on the patterns pages (the circle and the
#: questionnaire charts have sections of their own).
PATTERN_CHARTS = (
    "understood_by_person",
    "understood_over_time",
    "problems_by_person",
    "problem_trend",
    "emotions_by_person",
    "activity",
)

CHART_WIDTH = 16 * cm
CIRCLE_WIDTH = 14.5 * cm

# A text this long (characters or lines) is printed full width rather than in a column
# beside another: a table row cannot break across pages.
COLUMN_MAX_CHARS = 1200
COLUMN_MAX_LINES = 20

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
GOAL_MARKS = {"open": "\u2610", "achieved": "\u2611", "dropped": "\u2612"}
GOAL_WORDS = {"open": "", "achieved": " (achieved)", "dropped": " (dropped)"}

LABELS = {
    "setting": "What led up to it",
    "intended": "What you wanted them to understand",
    "said": "What you said or did",
    "other_said": "What they said or did",
    "heard": "What you took them to mean",
    "their_view": "What they might have wanted, or heard you say",
    "emotions": "What you felt",
    "outcome": "How it ended, and what happened afterwards",
    "understood": "Did they understand what you meant?",
    "satisfaction": "How satisfied you were",
    "problems": "Communication problems you noticed",
    "alternative": "What else you could have said or done",
    "plan": "What you will try next time",
    "therapist_note": "Therapist’s note",
}

CONFIDENTIAL_NOTE = (
    "Confidential. This workbook holds personal notes from therapy. Keep it somewhere "
    "private, share it only with people you choose, and shred it when you no longer need it."
)
MISSING_GLYPH_NOTE = (
    "Some characters (for example Chinese, Japanese or Korean script, or some symbols) "
    "cannot be printed with this workbook’s font and appear as {glyph}. They are kept in "
    "the workbook itself."
)


def long_date(day: date) -> str:
    return lb.long_date(day)


def when(moment: datetime) -> str:
    """'Friday 3 October 2026, 19:30'."""
    return f"{WEEKDAYS[moment.weekday()]} {lb.long_date(moment.date())}, {moment:%H:%M}"


def _span(first: date, last: date) -> str:
    if first == last:
        return lb.long_date(first)
    start = lb.long_date(first)
    if first.year == last.year:
        start = start.rsplit(" ", 1)[0]
    return f"{start} to {lb.long_date(last)}"


def _names(ids: Iterable[str], names: dict[str, str]) -> str:
    found = [names[i] for i in ids if i in names]
    if not found:
        return ""
    if len(found) == 1:
        return found[0]
    return ", ".join(found[:-1]) + " and " + found[-1]


# --- choosing what goes in -------------------------------------------------------------


def last_session(contents: r.Contents) -> r.TherapySession | None:
    """The most recent session (by date, then number), if any."""
    if not contents.sessions:
        return None
    return max(contents.sessions, key=lambda s: (s.held_on, s.number))


def since_last_session(contents: r.Contents) -> r.Contents:
    """What happened since the last session: the interactions from its date on that were not
    reviewed in it, questionnaires and moods since (or, when none, the latest of each), and
    the events since. The workbook is returned unchanged when there is no session yet."""
    session = last_session(contents)
    if session is None:
        return contents
    day = session.held_on
    reviewed = set(session.interactions)

    def since_or_latest(records: Sequence[Any], on: Callable[[Any], date]) -> tuple[Any, ...]:
        recent = tuple(x for x in records if on(x) >= day)
        if recent or not records:
            return recent
        return (max(records, key=lambda x: (on(x), x.id)),)

    return replace(
        contents,
        interactions=tuple(
            i for i in contents.interactions if i.occurred_at.date() >= day and i.id not in reviewed
        ),
        events=tuple(e for e in contents.events if e.on >= day),
        sessions=(session,),
        phq9=since_or_latest(contents.phq9, lambda q: q.taken_on),
        gad7=since_or_latest(contents.gad7, lambda q: q.taken_on),
        moods=tuple(m for m in contents.moods if m.on >= day),
    )


# --- the builder -----------------------------------------------------------------------


class _Builder:
    """Turns one workbook into the list of flowables of its PDF."""

    def __init__(
        self,
        contents: r.Contents,
        sections: Sequence[str],
        title: str,
        notes: Sequence[str],
        today: date,
        cancelled: Cancelled | None,
    ) -> None:
        self.contents = contents
        self.sections = [s for s in ALL_SECTIONS if s in sections]
        self.title = title
        self.notes = list(notes)
        self.today = today
        self.cancelled = cancelled
        self.s = styles.styles()
        self.width = styles.FRAME_WIDTH
        self.steps = 0
        self.missing_glyphs = False
        self.names = {p.id: p.name for p in contents.people}
        self.focuses = {f.id: f for f in contents.focuses}
        self.problem_labels = lb.problem_labels(contents)
        self.problem_explanations = {p.key: p.explanation for p in domain.COMMUNICATION_PROBLEMS}
        for kind in contents.vocabulary.problems:
            self.problem_explanations.setdefault(kind.key, kind.explanation)
        self.interactions = sorted(contents.interactions, key=lambda i: (i.occurred_at, i.id))
        self.by_id = {i.id: i for i in self.interactions}
        self.included = set(self.by_id)
        self.position = {i.id: n for n, i in enumerate(self.interactions, start=1)}
        self.reviewed_in: dict[str, list[int]] = defaultdict(list)
        for session in sorted(contents.sessions, key=lambda s: s.number):
            for interaction_id in session.interactions:
                self.reviewed_in[interaction_id].append(session.number)
        self._chosen: r.Contents | None = None
        #: Draws the charts (set by build_workbook_pdf before `build`).
        self.charts: ChartJob | None = None
        #: The story, once built, and how much of it `prewrap` has been through.
        self.story: list[Flowable] = []
        self._prewrapped = 0
        #: Paragraphs of FixedText, set once per document.
        self.fixed: dict[Any, Any] = {}
        self.problem_lines: dict[str, str] = {}

    # small pieces

    def user(
        self,
        text: str,
        style: Any = None,
        face: str = fonts.REGULAR,
        *,
        label: str = "",
        color: Any = styles.ACCENT,
        space_after: float | None = None,
    ) -> list[Flowable]:
        """Paragraphs of the person's own text, the first under `label` if one is given,
        `space_after` points of space below the last."""
        self.notice_missing_glyphs(text, face)
        found: list[Flowable] = list(user_paragraphs(text, style or self.s.body, face))
        if space_after is not None:
            spaced(found[-1], space_after)
        if label:
            first = found[0]
            if isinstance(first, TextBlock):
                first.set_label(label, color)  # one flowable instead of two
            else:
                found[0] = Labelled(label, first, color)
        return found

    def notice_missing_glyphs(self, text: str, face: str = fonts.REGULAR) -> None:
        """Remember (for the cover's note) when `text` holds characters the font lacks."""
        if not self.missing_glyphs and has_missing_glyphs(text, face):
            self.missing_glyphs = True

    def safe(self, text: str, face: str = fonts.REGULAR) -> str:
        """Markup for a short user string placed inside our own markup."""
        self.notice_missing_glyphs(text, face)
        return markup(text, face)

    def heading(
        self,
        text_markup: str,
        style: Any,
        key: str = "",
        outline: str = "",
        level: int = 0,
        *,
        plain: bool = False,
    ) -> Heading:
        """A heading; `plain` when `text_markup` is plain text (set without the parser)."""
        self.steps += 1
        if plain:
            self.notice_missing_glyphs(text_markup, style.fontName)
        return Heading(text_markup, style, key=key, outline=outline, level=level, plain=plain)

    def section_heading(self, section: str) -> Heading:
        title = SECTION_TITLES[section]
        return self.heading(title, self.s.h1, key=f"sec-{section}", outline=title, level=0)

    def label(self, text: str) -> Paragraph:
        return Para(text, self.s.label)

    def field(self, label: str, text: str, style: Any = None) -> list[Flowable]:
        """A labelled block of the person's text (the label inside its first paragraph, so
        the two never part), left out when empty."""
        if not text.strip():
            return []
        return self.user(text, style, label=label, space_after=5)

    def muted(self, text_markup: str) -> Paragraph:
        return Paragraph(text_markup, self.s.muted)

    @staticmethod
    def fits_column(text: str) -> bool:
        return len(text) <= COLUMN_MAX_CHARS and text.count("\n") <= COLUMN_MAX_LINES

    def side_by_side(
        self, rows: Sequence[tuple[tuple[str, str], tuple[str, str]]], *, header: Sequence[str] = ()
    ) -> list[Flowable]:
        """Pairs of labelled texts that belong together, in two columns; a pair holding a
        text too long for a column is printed one above the other instead."""
        rows = [row for row in rows if row[0][1].strip() or row[1][1].strip()]
        result: list[Flowable] = []
        table_rows: list[list[list[Flowable]]] = []

        def cell(label: str, text: str) -> list[Flowable]:
            if text.strip():
                return self.user(text, self.s.cell, label=label)
            return [TextBlock(["—"], self.s.muted, label=label, label_color=styles.ACCENT)]

        def flush() -> None:
            if not table_rows:
                return
            data = list(table_rows)
            if header:
                data.insert(0, [[Para(h, self.s.cell_bold)] for h in header])
            tint = styles.ACCENT_TINT if header else None
            result.append(spaced(Columns(data, tint_first_row=tint), 8))
            table_rows.clear()

        for (left_label, left), (right_label, right) in rows:
            if self.fits_column(left) and self.fits_column(right):
                table_rows.append([cell(left_label, left), cell(right_label, right)])
            else:
                flush()
                result.extend(self.field(left_label, left))
                result.extend(self.field(right_label, right))
        flush()
        return result

    def chosen(self) -> r.Contents:
        if self._chosen is None:
            self._chosen = select(self.contents, PatternFilter(include_private=True))
        return self._chosen

    def chart_specs(self) -> list[ChartSpec]:
        """The charts this PDF shows, in the order it shows them (so that a helper process
        can start drawing them before the layout needs them)."""
        wide = ChartSpec("", CHART_WIDTH, styles.FRAME_HEIGHT * 0.85)
        keys: list[tuple[str, float]] = []
        if INVENTORY in self.sections and self.contents.people:
            keys.append(("closeness_circle", CIRCLE_WIDTH))
        if PATTERNS in self.sections:
            keys.extend((key, CHART_WIDTH) for key in PATTERN_CHARTS)
        if QUESTIONNAIRES in self.sections:
            if self.contents.phq9:
                keys.append(("satisfaction_symptoms", CHART_WIDTH))
            if self.contents.gad7:
                keys.append(("gad7", CHART_WIDTH))
        return [replace(wide, key=key, width=width) for key, width in keys]

    def chart(self, key: str) -> list[Flowable]:
        """One of the app's charts (`analysis.charts`, drawn by `self.charts`, a
        ChartJob), with its caption; nothing when it has nothing to show."""
        if self.charts is None:  # built without build_workbook_pdf: charts drawn here
            self.charts = ChartJob(self.contents, self.chart_specs(), parallel=False)
        return [ChartImage(self.charts, key, self.s.caption, idle=self.prewrap)]

    def prewrap(self) -> bool:
        """Break the lines of some of the text ahead at the width it will have (what the
        layout would do anyway) while it waits for a chart; False when all is done."""
        story, width = self.story, self.width
        end = min(self._prewrapped + 40, len(story))
        for flowable in story[self._prewrapped : end]:
            if isinstance(flowable, TextBlock | Columns | Box):
                flowable.wrap(width, styles.FRAME_HEIGHT)
        self._prewrapped = end
        return end < len(story)

    def check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            from iptwork.report.document import PdfCancelled

            raise PdfCancelled()

    # the parts of the document

    def build(self) -> list[Flowable]:
        body: list[Flowable] = []
        toc: list[tuple[str, str, int]] = []
        makers = {
            FOCUS: self.focus_section,
            INVENTORY: self.inventory_section,
            PATTERNS: self.patterns_section,
            QUESTIONNAIRES: self.questionnaire_section,
            INTERACTIONS: self.interaction_section,
            SESSIONS: self.session_section,
            FORMULATION: self.formulation_section,
            TERMINATION: self.termination_section,
        }
        for section in self.sections:
            self.check_cancelled()
            toc.append((SECTION_TITLES[section], f"sec-{section}", 0))
            flowables, entries = makers[section]()
            toc.extend(entries)
            while flowables and isinstance(flowables[-1], Spacer):
                flowables.pop()  # pushed onto a page of its own, it would leave it blank
            if body:
                body.append(PageBreak())
            body.extend(flowables)
        self.story = [*self.cover(), *self.contents_page(toc), *body]
        return self.story

    def cover(self) -> list[Flowable]:
        meta = self.contents.meta
        s = self.s
        parts: list[Flowable] = [
            Spacer(0, 3.2 * cm),
            Paragraph("Interpersonal therapy workbook", s.cover_note),
            Spacer(0, 6),
            Paragraph(self.safe(self.title, fonts.BOLD), s.cover_title),
            Spacer(0, 0.8 * cm),
        ]
        if meta.owner.strip():
            parts.append(Paragraph(f"The workbook of {self.safe(meta.owner)}", s.cover_line))
        if meta.therapist.strip():
            parts.append(Paragraph(f"Therapist: {self.safe(meta.therapist)}", s.cover_line))
        if self.interactions:
            first = self.interactions[0].occurred_at.date()
            last = self.interactions[-1].occurred_at.date()
            count = lb.plural(len(self.interactions), "interaction")
            parts.append(Paragraph(f"{count}, {_span(first, last)}", s.cover_line))
        else:
            parts.append(Paragraph("No interactions in this copy", s.cover_line))
        started = []
        if meta.started_on:
            started.append(f"Therapy started on {lb.long_date(meta.started_on)}")
        if meta.planned_sessions:
            started.append(lb.plural(meta.planned_sessions, "session") + " planned")
        if started:
            parts.append(Paragraph(" · ".join(started), s.cover_line))
        parts.append(Paragraph(f"Printed on {lb.long_date(self.today)}", s.cover_line))
        parts.append(Spacer(0, 1.2 * cm))
        notes = list(self.notes)
        if self.missing_glyphs:
            notes.append(MISSING_GLYPH_NOTE.format(glyph=fonts.MISSING_GLYPH))
        if notes:
            parts.append(self.label("About this copy"))
            parts.extend(Paragraph(markup(note), s.cover_note, bulletText="•") for note in notes)
            parts.append(Spacer(0, 0.8 * cm))
        parts.append(
            Box([Para(CONFIDENTIAL_NOTE, s.body)], tint=styles.ALERT_TINT, edge=styles.ALERT_EDGE)
        )
        parts.append(NextPageTemplate("body"))
        parts.append(PageBreak())
        return parts

    def contents_page(self, toc: list[tuple[str, str, int]]) -> list[Flowable]:
        parts: list[Flowable] = [
            self.heading("Contents", self.s.h1, key="contents", outline="Contents"),
            Spacer(0, 4),
        ]
        parts.extend(TocEntry(title, key, level) for title, key, level in toc)
        parts.append(PageBreak())
        return parts

    # focus and goals

    def focus_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        parts: list[Flowable] = [self.section_heading(FOCUS)]
        toc: list[tuple[str, str, int]] = []
        if not self.contents.focuses:
            parts.append(
                Paragraph(
                    "No focus chosen yet. In the first sessions you and your therapist choose "
                    "one problem area (at most two) to work on.",
                    self.s.body,
                )
            )
            return parts, toc
        for focus in self.contents.focuses:
            area = lb.area_label(focus.area)
            people = _names(focus.people, self.names)
            title = f"{area}: {people}" if people else area
            key = f"focus-{focus.id}"
            toc.append((title, key, 1))
            parts.append(
                self.heading(self.safe(title, fonts.BOLD), self.s.h2, key, outline=title, level=1)
            )
            parts.extend(self.focus_details(focus))
        return parts, toc

    def focus_details(self, focus: r.Focus) -> list[Flowable]:
        parts: list[Flowable] = []
        if focus.description.strip():
            parts.extend(self.user(focus.description))
        details = focus.details
        if focus.area == domain.ProblemArea.DISPUTE:
            if focus.stage:
                try:
                    stage = domain.DisputeStage(focus.stage).label
                except ValueError:
                    stage = focus.stage
                parts.append(Paragraph(f"<b>Stage:</b> {markup(stage)}", self.s.body))
            if len(focus.stage_history) > 1:
                steps = " → ".join(
                    f"{change.stage} ({lb.long_date(change.changed_on)})"
                    for change in focus.stage_history
                )
                parts.append(self.muted(f"Stage history: {markup(steps)}"))
            parts.extend(
                self.side_by_side(
                    [
                        (
                            ("What I expect of them", details.get("i_expect", "")),
                            ("What I believe they expect of me", details.get("they_expect", "")),
                        )
                    ]
                )
            )
            parts.extend(self.field("What is at stake", details.get("what_is_at_stake", "")))
        elif focus.area == domain.ProblemArea.TRANSITION:
            parts.extend(
                self.side_by_side(
                    [
                        (
                            ("The role", details.get("old_role", "")),
                            ("The role", details.get("new_role", "")),
                        ),
                        (
                            ("What is good about it", details.get("old_role_good", "")),
                            ("What is good about it", details.get("new_role_good", "")),
                        ),
                        (
                            ("What is hard about it", details.get("old_role_hard", "")),
                            ("What is hard about it", details.get("new_role_hard", "")),
                        ),
                        (
                            ("What was lost", details.get("lost", "")),
                            ("What was gained", details.get("gained", "")),
                        ),
                    ],
                    header=("The old role", "The new role"),
                )
            )
        elif focus.area == domain.ProblemArea.GRIEF:
            who = details.get("person_lost", "").strip()
            died = details.get("died_on", "").strip()
            line = []
            if who:
                line.append(f"<b>Who died:</b> {self.safe(who)}")
            if died:
                with contextlib.suppress(ValueError):  # not a date: print as written
                    died = lb.long_date(date.fromisoformat(died))
                line.append(f"<b>When:</b> {self.safe(died)}")
            if line:
                parts.append(Paragraph("    ".join(line), self.s.body))
            parts.extend(
                self.side_by_side(
                    [
                        (
                            (
                                "The relationship as it was: the good",
                                details.get("relationship_good", ""),
                            ),
                            ("… and the hard parts", details.get("relationship_hard", "")),
                        )
                    ]
                )
            )
        elif focus.area == domain.ProblemArea.SENSITIVITY:
            parts.extend(self.field("The pattern", details.get("pattern", "")))
            parts.extend(self.field("What I wish for", details.get("wished_for", "")))
        if focus.goals:
            goals: list[Flowable] = [Paragraph("Goals", self.s.h3)]
            for goal in focus.goals:
                mark = GOAL_MARKS.get(goal.status, GOAL_MARKS["open"])
                text = self.safe(goal.text) + GOAL_WORDS.get(goal.status, "")
                goals.append(Para(text, self.s.bullet, bulletText=mark))
            # A short list stays on one page rather than leaving one goal on the next.
            parts.extend([KeepTogether(goals)] if len(goals) <= 12 else goals)
        parts.append(Spacer(0, 8))
        return parts

    # people

    def inventory_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        s = self.s
        parts: list[Flowable] = [self.section_heading(INVENTORY)]
        people = sorted(self.contents.people, key=lambda p: (p.closeness, p.name.casefold()))
        if not people:
            parts.append(Paragraph("No people in the inventory yet.", s.body))
            return parts, []
        parts.extend(self.chart("closeness_circle"))
        counts: dict[str, int] = defaultdict(int)
        for interaction in self.interactions:
            for person_id in interaction.people:
                counts[person_id] += 1
        rings = {1: "Inner", 2: "Middle", 3: "Outer"}
        header = [
            "Name",
            "Relationship",
            "Circle",
            "Support",
            "Conflict",
            "Expectations met",
            "Interactions",
        ]
        data: list[list[Any]] = [[Paragraph(h, s.cell_bold) for h in header]]
        for person in people:
            try:
                relationship = domain.Relationship(person.relationship).label
            except ValueError:
                relationship = person.relationship
            met = (person.expectations_met or "").capitalize() or "—"
            data.append(
                [
                    Paragraph(self.safe(person.name), s.cell),
                    relationship,
                    rings.get(person.closeness, str(person.closeness)),
                    f"{person.support} of 10",
                    f"{person.conflict} of 10",
                    met,
                    str(counts.get(person.id, 0)),
                ]
            )
        widths = [3.4 * cm, 2.6 * cm, 1.6 * cm, 1.9 * cm, 1.9 * cm, 2.9 * cm]
        widths.append(self.width - sum(widths))
        parts.append(styles.header_table(data, widths, ("ALIGN", (3, 1), (-1, -1), "LEFT")))
        described = [p for p in people if p.expectations.strip() or p.notes.strip()]
        if described:
            parts.append(Paragraph("Expectations and notes", s.h2))
            for person in described:
                parts.append(Paragraph(self.safe(person.name, fonts.BOLD), s.h3))
                parts.extend(self.field("What I expect of them", person.expectations))
                parts.extend(self.field("Notes", person.notes))
        return parts, []

    # patterns

    def safety_box(self) -> list[Flowable]:
        return [
            Box(
                [Para(markup(domain.ITEM9_MESSAGE), self.s.alert)],
                tint=styles.ALERT_TINT,
                edge=styles.ALERT_EDGE,
            ),
            Spacer(0, 10),
        ]

    def item9_positive(self) -> bool:
        return any(q.item9_positive for q in self.contents.phq9)

    def patterns_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        from iptwork.analysis.summary import summary_sentences

        parts: list[Flowable] = [self.section_heading(PATTERNS)]
        if self.item9_positive():
            parts.extend(self.safety_box())
        flt = PatternFilter(include_private=True)
        for sentence in summary_sentences(self.chosen(), flt, safety_first=False):
            parts.append(Paragraph(self.safe(sentence), self.s.bullet, bulletText="•"))
        parts.append(Spacer(0, 10))
        for key in PATTERN_CHARTS:
            parts.extend(self.chart(key))
        return parts, []

    # questionnaires

    def questionnaire_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        s = self.s
        parts: list[Flowable] = [self.section_heading(QUESTIONNAIRES)]
        contents = self.contents
        if self.item9_positive():
            parts.extend(self.safety_box())
        if not contents.phq9 and not contents.gad7:
            parts.append(Paragraph("No PHQ-9 or GAD-7 in this copy.", s.body))
            parts.append(self.muted(markup(domain.QUESTIONNAIRE_COPYRIGHT)))
            return parts, []
        if contents.phq9:
            parts.extend(self.chart("satisfaction_symptoms"))
        if contents.gad7:
            parts.extend(self.chart("gad7"))
        rows: list[tuple[date, str, int, str, str]] = []
        for phq in contents.phq9:
            score = phq.score
            note = "Item 9 above 0: see the message above" if phq.item9_positive else ""
            rows.append((phq.taken_on, "PHQ-9", score.total, score.severity, note))
        for gad in contents.gad7:
            score = gad.score
            rows.append((gad.taken_on, "GAD-7", score.total, score.severity, ""))
        rows.sort(key=lambda row: (row[0], row[1]))
        header = ["Date", "Questionnaire", "Total", "Severity", ""]
        data: list[list[Any]] = [[Paragraph(h, s.cell_bold) for h in header]]
        for day, name, total, severity, note in rows:
            data.append([lb.long_date(day), name, str(total), severity, Paragraph(note, s.cell)])
        widths = [3.6 * cm, 3.2 * cm, 1.5 * cm, 3.4 * cm]
        widths.append(self.width - sum(widths))
        parts.append(Paragraph("All scores", s.h2))
        parts.append(styles.header_table(data, widths))
        parts.append(Spacer(0, 6))
        parts.append(self.muted(self.bands_line("PHQ-9", domain.PHQ9_BANDS, 27)))
        parts.append(self.muted(self.bands_line("GAD-7", domain.GAD7_BANDS, 21)))
        parts.append(self.muted(markup(domain.QUESTIONNAIRE_COPYRIGHT)))
        return parts, []

    @staticmethod
    def bands_line(name: str, bands: Sequence[tuple[int, str]], top: int) -> str:
        highs = [low - 1 for low, _ in bands[1:]] + [top]
        spans = ", ".join(
            f"{low}–{high} {word}" for (low, word), high in zip(bands, highs, strict=True)
        )
        return f"{name} totals: {spans}."

    # interactions

    def interaction_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        parts: list[Flowable] = [self.section_heading(INTERACTIONS)]
        toc: list[tuple[str, str, int]] = []
        if not self.interactions:
            parts.append(Paragraph("No interactions in this copy.", self.s.body))
            return parts, toc
        parts.append(
            Paragraph(
                "Each interaction as a communication-analysis worksheet: what you meant and "
                "what you said side by side, then what they said and what you heard.",
                self.s.muted,
            )
        )
        month = None
        for index, interaction in enumerate(self.interactions):
            if index % 50 == 0:
                self.check_cancelled()
            this_month = (interaction.occurred_at.year, interaction.occurred_at.month)
            month_entry = None
            if this_month != month:
                month = this_month
                label = f"{lb.MONTHS[this_month[1] - 1]} {this_month[0]}"
                count = sum(
                    1
                    for i in self.interactions
                    if (i.occurred_at.year, i.occurred_at.month) == this_month
                )
                key = f"month-{this_month[0]}-{this_month[1]:02d}"
                toc.append((f"{label} ({count})", key, 1))
                month_entry = (key, label)
            if index:
                parts.append(PageBreak())
            parts.extend(self.interaction(interaction, month_entry))
        return parts, toc

    def interaction(
        self, interaction: r.Interaction, month: tuple[str, str] | None
    ) -> list[Flowable]:
        s = self.s
        people = _names(interaction.people, self.names)
        title = when(interaction.occurred_at)
        if people:
            title += f" · with {people}"
        moment = interaction.occurred_at
        outline = f"{lb.short_date(moment.date())} {moment:%H:%M}" + (
            f" · {people}" if people else ""
        )
        head: list[Flowable] = []
        if month is not None:
            # The month's outline entry and contents line point at its first interaction.
            key, label = month
            head.append(MonthAnchor(key, label))
        key = f"i-{interaction.id}"
        head.append(self.heading(title, s.h2, key, outline=outline, level=2, plain=True))
        head.append(spaced(self.interaction_meta_line(interaction), 6))
        # One flowable: cheaper than the group platypus makes of a heading kept with next.
        parts: list[Flowable] = [Stack(head)]
        parts.extend(self.field(LABELS["setting"], interaction.setting))
        parts.extend(
            self.side_by_side(
                [
                    (
                        (LABELS["intended"], interaction.intended),
                        (LABELS["said"], interaction.said),
                    ),
                    (
                        (LABELS["other_said"], interaction.other_said),
                        (LABELS["heard"], interaction.heard),
                    ),
                ]
            )
        )
        parts.extend(self.field(LABELS["their_view"], interaction.their_view))
        if interaction.emotions:
            for emotion in interaction.emotions:  # only to notice missing glyphs
                self.safe(emotion.name)
            bars = [(e.name, e.intensity) for e in interaction.emotions]
            parts.append(spaced(IntensityBars(bars, LABELS["emotions"]), 7))
        parts.extend(self.field(LABELS["outcome"], interaction.outcome))
        parts.extend(self.ratings(interaction))
        if interaction.problems:
            lines: list[Flowable] = [
                FixedText(self.problem_line(problem), s.body, self.fixed)
                for problem in interaction.problems
            ]
            lines[0] = Labelled(LABELS["problems"], lines[0])
            spaced(lines[-1], 5)
            parts.extend(lines)
        parts.extend(self.field(LABELS["alternative"], interaction.alternative))
        plan_label = LABELS["plan"]
        if interaction.rehearsed:
            plan_label += " (rehearsed in session)"
        parts.extend(self.field(plan_label, interaction.plan))
        if interaction.therapist_note.strip():
            note = self.user(
                interaction.therapist_note,
                s.small,
                label=LABELS["therapist_note"],
                color=styles.NOTE_EDGE,
            )
            box = Box(note, tint=styles.NOTE_TINT, edge=styles.NOTE_EDGE)
            box.spaceBefore = 9
            parts.append(box)
        notes = NoteLines("Notes")
        notes.spaceBefore = 12
        parts.append(notes)
        return parts

    def problem_line(self, key: str) -> str:
        """'•  Name — explanation' for one communication problem (the same every time)."""
        found = self.problem_lines.get(key)
        if found is None:
            label = self.safe(lb.problem_label(self.problem_labels, key), fonts.BOLD)
            explanation = self.problem_explanations.get(key, "")
            found = f"•  <b>{label}</b>"
            if explanation:
                found += f" <font color='#5B6770'>— {self.safe(explanation)}</font>"
            self.problem_lines[key] = found
        return found

    def interaction_meta_line(self, interaction: r.Interaction) -> Flowable:
        """The line under an interaction's heading: plain text unless it holds a link to
        the interaction it follows up or the bold "Marked private"."""
        earlier = interaction.follow_up_of
        if interaction.private or (earlier and earlier in self.included):
            return Paragraph(self.interaction_meta(interaction), self.s.muted)
        bits = [f"Interaction {self.position[interaction.id]} of {len(self.interactions)}"]
        try:
            bits.append(domain.Channel(interaction.channel).label)
        except ValueError:
            bits.append(interaction.channel)
        focus = self.focuses.get(interaction.focus or "")
        if focus is not None:
            bits.append(lb.area_label(focus.area))
        if interaction.tags:
            bits.append("Tags: " + ", ".join(interaction.tags))
        if earlier:
            bits.append("Follow-up of an earlier interaction")
        sessions = self.reviewed_in.get(interaction.id)
        if sessions:
            word = "session" if len(sessions) == 1 else "sessions"
            bits.append(f"Reviewed in {word} " + ", ".join(str(n) for n in sessions))
        text = " · ".join(bits)
        self.notice_missing_glyphs(text)
        return plain_paragraph(text, self.s.muted)

    def interaction_meta(self, interaction: r.Interaction) -> str:
        bits = [f"Interaction {self.position[interaction.id]} of {len(self.interactions)}"]
        try:
            bits.append(domain.Channel(interaction.channel).label)
        except ValueError:
            bits.append(markup(interaction.channel))
        focus = self.focuses.get(interaction.focus or "")
        if focus is not None:
            bits.append(markup(lb.area_label(focus.area)))
        if interaction.tags:
            bits.append("Tags: " + ", ".join(self.safe(tag) for tag in interaction.tags))
        earlier = interaction.follow_up_of
        if earlier and earlier in self.included:
            number = self.position[earlier]
            bits.append(
                f'Follow-up of <a href="#i-{earlier}" color="#2F6B6E">interaction {number}</a>'
            )
        elif earlier:
            bits.append("Follow-up of an earlier interaction")
        sessions = self.reviewed_in.get(interaction.id)
        if sessions:
            word = "session" if len(sessions) == 1 else "sessions"
            bits.append(f"Reviewed in {word} " + ", ".join(str(n) for n in sessions))
        if interaction.private:
            bits.append("<b>Marked private</b>")
        return " · ".join(bits)

    def ratings(self, interaction: r.Interaction) -> list[Flowable]:
        cells: list[list[Flowable]] = []
        if interaction.understood:
            try:
                answer = domain.Understood(interaction.understood).label
            except ValueError:
                answer = interaction.understood
            answer = FixedText(markup(answer), self.s.body, self.fixed)
            cells.append([Labelled(LABELS["understood"], answer)])
        if interaction.satisfaction is not None:
            text = f"{interaction.satisfaction} of 10"
            rating = FixedText(text, self.s.body, self.fixed)
            cells.append([Labelled(LABELS["satisfaction"], rating)])
        if not cells:
            return []
        if len(cells) == 1:
            cells.append([])
        return [spaced(Columns([cells], ruled=False, padding=0), 6)]

    # sessions

    def session_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        s = self.s
        parts: list[Flowable] = [self.section_heading(SESSIONS)]
        sessions = sorted(self.contents.sessions, key=lambda x: (x.number, x.held_on))
        meta = self.contents.meta
        if meta.planned_sessions:
            parts.append(
                self.muted(
                    f"{lb.plural(len(sessions), 'session')} recorded of "
                    f"{meta.planned_sessions} planned."
                )
            )
        if not sessions:
            parts.append(Paragraph("No sessions recorded in this copy.", s.body))
        else:
            header = [
                "Session",
                "Date",
                "Phase",
                "Improvement (client)",
                "(therapist)",
                "Interactions reviewed",
            ]
            data: list[list[Any]] = [[Paragraph(h, s.cell_bold) for h in header]]
            for session in sessions:
                data.append(
                    [
                        str(session.number),
                        lb.long_date(session.held_on),
                        session.phase.capitalize(),
                        self.rating(session.client_rating),
                        self.rating(session.therapist_rating),
                        str(len(session.interactions)),
                    ]
                )
            widths = [2.0 * cm, 3.6 * cm, 2.4 * cm, 3.3 * cm, 2.4 * cm]
            widths.append(self.width - sum(widths))
            parts.append(styles.header_table(data, widths))
            parts.append(self.muted("Improvement of the focus problem, rated 1 to 5."))
            for session in sessions:
                parts.extend(self.session(session))
        if self.contents.events:
            parts.extend(self.events())
        return parts, []

    def formulation_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        """What client and therapist agreed on, with lines for both to sign."""
        sheet = self.contents.formulation
        parts: list[Flowable] = [self.section_heading(FORMULATION)]
        filled = any((sheet.diagnosis, sheet.focus, sheet.link, sheet.agreed_sessions))
        if not filled:
            parts.append(
                Paragraph(
                    "Not written yet. Near the end of the first sessions, you and your "
                    "therapist put into words what you will work on; write it here.",
                    self.s.body,
                )
            )
        answers = (
            ("What we understand is happening (in plain words)", sheet.diagnosis),
            ("The problem area we will work on", sheet.focus),
            ("How the two are linked", sheet.link),
        )
        for label, text in answers:
            parts.append(self.label(label))
            parts.extend(self.user(text) if text.strip() else [WritingLines(3)])
            parts.append(Spacer(0, 6))
        agreed = f"{sheet.agreed_sessions} sessions" if sheet.agreed_sessions else "____ sessions"
        on = lb.long_date(sheet.agreed_on) if sheet.agreed_on else "________________"
        parts.append(Paragraph(f"We agree to meet for {agreed}, agreed on {on}.", self.s.body))
        parts.extend(self.signatures())
        return parts, []

    def termination_section(self) -> tuple[list[Flowable], list[tuple[str, str, int]]]:
        """Gains, the warning signs, and what to do if they come back."""
        sheet = self.contents.termination
        parts: list[Flowable] = [self.section_heading(TERMINATION)]
        answers = (
            ("What has changed, and what I did to change it", sheet.gains),
            ("Warning signs that things are slipping back", sheet.warning_signs),
            ("What I will do if they come back", sheet.action_plan),
        )
        for label, text in answers:
            parts.append(self.label(label))
            parts.extend(self.user(text) if text.strip() else [WritingLines(4)])
            parts.append(Spacer(0, 6))
        if sheet.written_on:
            parts.append(self.muted(f"Written on {lb.long_date(sheet.written_on)}."))
        parts.extend(self.signatures())
        return parts, []

    def signatures(self) -> list[Flowable]:
        meta = self.contents.meta
        cells = [
            [self.label(f"Signed: {self.safe(meta.owner or 'client')}"), WritingLines(1)],
            [self.label(f"Signed: {self.safe(meta.therapist or 'therapist')}"), WritingLines(1)],
        ]
        return [Spacer(0, 14), Columns([cells], ruled=False, padding=6)]

    @staticmethod
    def rating(value: int | None) -> str:
        return "—" if value is None else f"{value} of 5"

    def session(self, session: r.TherapySession) -> list[Flowable]:
        title = f"Session {session.number} · {lb.long_date(session.held_on)}"
        parts: list[Flowable] = [
            self.heading(title, self.s.h3, key=f"session-{session.id}", outline=title, level=1)
        ]
        # Kept with the heading before it and the notes after it.
        parts.append(Para(f"{session.phase.capitalize()} phase", self.s.muted_keep))
        parts.extend(self.field("Notes", session.notes))
        parts.extend(self.field("Homework", session.homework))
        links = []
        for interaction_id in session.interactions:
            interaction = self.by_id.get(interaction_id)
            if interaction is None:
                continue
            label = lb.short_date(interaction.occurred_at.date())
            people = _names(interaction.people, self.names)
            if people:
                label += f" ({self.safe(people)})"
            if INTERACTIONS in self.sections:
                label = f'<a href="#i-{interaction_id}" color="#2F6B6E">{label}</a>'
            links.append(label)
        if links:
            parts.append(self.muted("Interactions reviewed: " + ", ".join(links)))
        return parts

    def events(self) -> list[Flowable]:
        s = self.s
        parts: list[Flowable] = [Paragraph("Life events", s.h2)]
        header = ("Date", "Kind", "People", "Note")
        data: list[list[Any]] = [[Paragraph(h, s.cell_bold) for h in header]]
        long_notes: list[tuple[str, str]] = []
        for event in sorted(self.contents.events, key=lambda e: (e.on, e.id)):
            day = lb.long_date(event.on)
            if event.approximate:
                day = f"about {day}"
            note: Any = ""
            if self.fits_column(event.note):
                note = self.user(event.note, s.cell) if event.note.strip() else ""
            else:
                note = Paragraph("(below the table)", s.muted)
                long_notes.append((day, event.note))
            data.append(
                [
                    day,
                    event.kind.capitalize(),
                    Paragraph(self.safe(_names(event.people, self.names)), s.cell),
                    note,
                ]
            )
        widths = [3.8 * cm, 2.4 * cm, 3.5 * cm]
        widths.append(self.width - sum(widths))
        parts.append(styles.header_table(data, widths))
        for day, note in long_notes:
            parts.extend(self.field(f"The event of {day}", note))
        return parts


class MonthAnchor(Anchor):
    """Where a month's interactions begin: a bookmark, an outline entry and a contents
    number, taking no room. It keeps with the heading after it."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__()
        self.key = key
        self.label = label
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, 30)
        canvas.addOutlineEntry(self.label, self.key, 1, closed=True)
        if isinstance(canvas, ReportCanvas):
            canvas.mark_anchor(self.key)


def build_workbook_pdf(
    contents: r.Contents,
    out: Path | BinaryIO,
    *,
    sections: Sequence[str] = ALL_SECTIONS,
    title: str | None = None,
    notes: Sequence[str] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
    invariant: bool = False,
    parallel_charts: bool = True,
) -> int:
    """Write `contents` as a printable PDF workbook to `out`; returns the number of pages.

    `sections` chooses what to include (see ALL_SECTIONS and SUMMARY_SECTIONS); the cover
    and the contents are always there. `title` overrides the workbook's title (on the cover,
    in the running header and in the PDF's metadata); `notes` are sentences printed on the
    cover under "About this copy" (which filters were applied, for instance).
    `progress(done, total)` is called as the pages are set; when `cancelled()` returns
    true the build stops with `PdfCancelled`. The file appears only when complete. `out`
    may also be an open binary stream (printing keeps the PDF in memory, never on disk).
    The charts are drawn in a helper process unless `parallel_charts` is False.
    """
    unknown = [s for s in sections if s not in ALL_SECTIONS]
    if unknown:
        raise ValueError(f"unknown PDF sections: {', '.join(unknown)}")
    fonts.register_fonts()
    heading = (title or contents.meta.title).strip() or "IPT workbook"
    builder = _Builder(contents, sections, heading, notes, today or date.today(), cancelled)
    # The charts are drawn in helper processes while the pages are set (chart_images).
    builder.charts = ChartJob(contents, builder.chart_specs(), parallel=parallel_charts)
    # The cyclic garbage collector, left on, went through the workbook's records and the
    # tens of thousands of flowables again and again: a tenth of the time of a long PDF.
    # The build makes little cyclic garbage; it is collected after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(builder, out, heading, contents, progress, cancelled, invariant)
    finally:
        if collecting:
            gc.enable()
        builder.charts.close()
        fasttext.forget()


def _build(
    builder: _Builder,
    out: Path | BinaryIO,
    heading: str,
    contents: r.Contents,
    progress: Progress | None,
    cancelled: Cancelled | None,
    invariant: bool,
) -> int:
    story = builder.build()
    owner = contents.meta.owner.strip()
    pages = 0

    def build(handle: BinaryIO) -> None:
        nonlocal pages
        document = ReportDocument(
            handle,
            header=heading,
            title=heading,
            author=owner or "iptwork",
            subject="Interpersonal therapy workbook (confidential)",
            steps=builder.steps,
            progress=progress,
            cancelled=cancelled,
            invariant=invariant,
        )
        document.check_cancelled()
        document.build(story, canvasmaker=_outline_canvas)
        pages = document.canv.pages_shown

    if isinstance(out, str | Path):
        write_atomically(Path(out), build)
    else:
        build(out)
    return pages


def _outline_canvas(*args: Any, **kwargs: Any) -> ReportCanvas:
    canvas = ReportCanvas(*args, **kwargs)
    canvas.showOutline()
    return canvas
