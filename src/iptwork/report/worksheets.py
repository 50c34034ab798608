"""Blank printable forms to fill in by hand (`iptwork worksheet KIND -o OUT.pdf`).

* **communication**: a communication-analysis sheet, its prompts in the order the guided
  entry asks them (SPEC.md, "Interaction"), in our own words, with room to write;
* **inventory**: an empty closeness circle (three rings, "Me" in the middle) and a table
  of the people in one's life;
* **phq9**: the PHQ-9 and the GAD-7 with their answer scale, scoring bands, the note
  about item 9, and the line `domain.QUESTIONNAIRE_COPYRIGHT`. The items are the standard
  ones, which Pfizer placed in the public domain;
* **all**: the three, one after the other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from iptwork import domain
from iptwork.report import fonts, styles
from iptwork.report.document import ReportCanvas, ReportDocument, write_atomically
from iptwork.report.flowables import Columns, Para, WritingLines

WorksheetKind = Literal["communication", "inventory", "phq9", "all"]
KINDS: tuple[str, ...] = ("communication", "inventory", "phq9", "all")

BOX = "\u2610"  # ☐

# The standard (public-domain) item wording lives in domain: the app asks the same words.
PHQ9_QUESTION = domain.PHQ9_QUESTION
PHQ9_ITEMS = domain.PHQ9_ITEM_TEXTS
GAD7_QUESTION = domain.GAD7_QUESTION
GAD7_ITEMS = domain.GAD7_ITEM_TEXTS
DIFFICULTY_QUESTION = domain.DIFFICULTY_QUESTION
DIFFICULTY_SCALE = domain.DIFFICULTY_SCALE
ITEM9_SHEET_NOTE = (
    "If your answer to item 9 is anything other than “Not at all”, please do not wait for "
    "your next session. Contact your clinician today, or, if you might act on these "
    "thoughts, call your local emergency number or go to the nearest emergency department "
    "now. You deserve support with this right away."
)

# The communication-analysis prompts, in the order of SPEC.md's guided entry.
PROMPTS = {
    "when": ("When did it happen?", "Date and time, and how you were in touch."),
    "people": ("Who was it with?", ""),
    "focus": ("Which problem area does it belong to?", "If any; leave it open if unsure."),
    "setting": ("What led up to it? Where were you?", ""),
    "intended": (
        "What did you want or need from them?",
        "What did you want them to understand?",
    ),
    "said": ("What exactly did you say or do?", "Your words as you remember them, your tone."),
    "other_said": ("What exactly did they say or do?", "Their words, their tone."),
    "heard": ("What did you take them to mean?", "What it sounded like to you at the time."),
    "their_view": (
        "What might they have wanted, or heard you say?",
        "A guess from their side is enough.",
    ),
    "emotions": (
        "What did you feel?",
        "Tick each feeling and give it a strength from 0 (barely) to 100 (as strong as it gets).",
    ),
    "outcome": ("How did it end? What happened afterwards?", ""),
    "understood": ("Did they understand what you meant?", ""),
    "satisfaction": (
        "How satisfied are you with how it went?",
        "Circle one: 0 is not at all, 10 completely.",
    ),
    "problems": ("Which communication problems can you see in it?", "Tick any that fit."),
    "alternative": ("What else could you have said or done?", ""),
    "plan": ("What will you try next time?", ""),
    "session": ("Notes from the session", "For you and your therapist, when you go through it."),
}


class _Sheets:
    def __init__(self) -> None:
        self.s = styles.styles()
        self.width = styles.FRAME_WIDTH

    def prompt(self, key: str) -> list[Flowable]:
        question, hint = PROMPTS[key]
        parts: list[Flowable] = [Para(question, self.s.prompt)]
        if hint:
            parts.append(Para(hint, self.s.prompt_hint))
        return parts

    def write(self, key: str, lines: int) -> Flowable:
        """A prompt with ruled lines under it, kept together."""
        return KeepTogether([*self.prompt(key), WritingLines(lines), Spacer(0, 4)])

    def boxes(self, options: list[str]) -> Paragraph:
        gap = "&nbsp;" * 5
        return Para(gap.join(f"{BOX}&nbsp;{option}" for option in options), self.s.body)

    # communication analysis

    def communication(self) -> list[Flowable]:
        s = self.s
        channels = [c.label for c in domain.Channel]
        areas = [a.label for a in domain.ProblemArea] + ["None"]
        parts: list[Flowable] = [
            Paragraph("Communication analysis", s.h1),
            Para(
                "One recent conversation that mattered to you, written down while it is still "
                "fresh. Short notes are fine; there are no right answers. Bring it to your "
                "next session.",
                s.muted,
            ),
            *self.prompt("when"),
            WritingLines(1),
            Spacer(0, 5),
            self.boxes(channels),
            self.write("people", 1),
            KeepTogether([*self.prompt("focus"), Spacer(0, 2), self.boxes(areas)]),
            self.write("setting", 2),
            Spacer(0, 8),
        ]
        pairs = (("intended", "said"), ("other_said", "heard"))
        rows = []
        for left, right in pairs:
            rows.append(
                [[*self.prompt(key), Spacer(0, 2), WritingLines(5)] for key in (left, right)]
            )
        parts.append(Columns(rows))
        parts.append(Spacer(0, 2))
        parts.append(self.write("their_view", 2))
        parts.append(PageBreak())
        parts.extend(self.prompt("emotions"))
        parts.append(Spacer(0, 4))
        parts.append(self.emotion_grid())
        parts.append(self.write("outcome", 3))
        understood = [u.label for u in domain.Understood]
        scale = ("&nbsp;" * 4).join(str(n) for n in range(11))
        parts.append(
            Columns(
                [
                    [
                        [*self.prompt("understood"), Spacer(0, 3), self.boxes(understood)],
                        [*self.prompt("satisfaction"), Spacer(0, 3), Para(scale, s.body)],
                    ]
                ],
                ruled=False,
                padding=0,
            )
        )
        parts.extend(self.prompt("problems"))
        for problem in domain.COMMUNICATION_PROBLEMS:
            parts.append(
                Para(
                    f"<b>{problem.label}</b> <font color='#5B6770'>— {problem.explanation}</font>",
                    s.check,
                    bulletText=BOX,
                )
            )
        parts.append(
            Para("Something else: ______________________________", s.check, bulletText=BOX)
        )
        parts.append(self.write("alternative", 3))
        parts.append(
            KeepTogether(
                [
                    *self.prompt("plan"),
                    WritingLines(2),
                    Spacer(0, 4),
                    Para(f"{BOX} We rehearsed it in a session", s.small),
                ]
            )
        )
        parts.append(self.write("session", 3))
        return parts

    def emotion_grid(self) -> Table:
        words = [*domain.EMOTIONS, "other: ________"]
        columns = 4
        rows = [words[i : i + columns] for i in range(0, len(words), columns)]
        cells = [
            [Para(f"{BOX} {word}  <font color='#8A959C'>____</font>", self.s.cell) for word in row]
            + [""] * (columns - len(row))
            for row in rows
        ]
        return Table(
            cells,
            colWidths=[self.width / columns] * columns,
            style=styles.table_style(
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ),
            hAlign="LEFT",
        )

    # inventory

    def inventory(self) -> list[Flowable]:
        s = self.s
        header = [
            "Name",
            "Relationship",
            "Circle (1–3)",
            "Support (0–10)",
            "Conflict (0–10)",
            "What I expect of them, and is it met?",
        ]
        widths = [3.2 * cm, 2.6 * cm, 1.8 * cm, 1.9 * cm, 1.9 * cm]
        widths.append(self.width - sum(widths))
        data: list[list[Any]] = [[Para(h, s.cell_bold) for h in header]]
        data.extend([[""] * len(header) for _ in range(14)])
        return [
            Paragraph("My closeness circle", s.h1),
            Para(
                "Write the people who matter in your life — family, partner, friends, "
                "colleagues, people you have lost touch with or lost — in the ring that fits "
                "how close you feel to them now: the closest in the inner circle.",
                s.muted,
            ),
            Spacer(0, 10),
            empty_circle(min(self.width, 15.5 * cm)),
            PageBreak(),
            Paragraph("The people in my life", s.h1),
            Para(
                "One row for each person in the circle. Support and conflict: how much of "
                "each the relationship holds, from 0 (none) to 10 (a great deal).",
                s.muted,
            ),
            Spacer(0, 8),
            styles.header_table(
                data,
                widths,
                ("GRID", (0, 0), (-1, -1), 0.6, styles.RULE),
                lines=False,
                rowHeights=[None] + [1.35 * cm] * 14,
            ),
        ]

    # questionnaires

    def questionnaire(
        self,
        name: str,
        question: str,
        items: tuple[str, ...],
        bands: tuple[tuple[int, str], ...],
        top: int,
        *,
        item9: bool,
    ) -> list[Flowable]:
        s = self.s
        scale = domain.ITEM_SCALE
        header: list[Any] = [Para("", s.cell), Para(question, s.cell_bold)]
        header += [Para(f"{word}<br/><b>{n}</b>", s.cell) for n, word in enumerate(scale)]
        data: list[list[Any]] = [header]
        for number, item in enumerate(items, start=1):
            data.append([f"{number}.", Para(item, s.cell), *([BOX] * len(scale))])
        data.append(["", Para("Column scores", s.muted), *(["____"] * len(scale))])
        widths = [0.8 * cm, 0.0, 2.1 * cm, 2.1 * cm, 2.3 * cm, 2.1 * cm]
        widths[1] = self.width - sum(widths)
        table = styles.header_table(
            data,
            widths,
            ("ALIGN", (2, 1), (-1, -1), "CENTER"),
            ("VALIGN", (2, 0), (-1, -1), "MIDDLE"),
            ("FONTSIZE", (2, 1), (-1, -2), 14),
            ("TEXTCOLOR", (2, 1), (-1, -1), styles.MUTED),
        )
        highs = [low - 1 for low, _ in bands[1:]] + [top]
        band_rows = [["Total", "Severity"]] + [
            [f"{low}–{high}", word] for (low, word), high in zip(bands, highs, strict=True)
        ]
        band_table = Table(
            band_rows,
            colWidths=[2.2 * cm, 4.2 * cm],
            hAlign="LEFT",
            style=styles.table_style(
                ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, styles.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ),
        )
        scoring = Para(
            "Scoring: each tick scores the number at the top of its column (0 to 3). Add up "
            f"the column scores for a total from 0 to {top}:",
            s.small,
        )
        total = [Para("Total score: ________", s.prompt), Spacer(0, 4), scoring, Spacer(0, 4)]
        right: list[Flowable] = [_alert(ITEM9_SHEET_NOTE, s.small)] if item9 else []
        return [
            Paragraph(name, s.h1),
            Para("Name ______________________________        Date ________________", s.body),
            Spacer(0, 10),
            table,
            Spacer(0, 10),
            KeepTogether(
                [
                    Para(DIFFICULTY_QUESTION, s.small),
                    Spacer(0, 3),
                    Para(
                        ("&nbsp;" * 5).join(f"{BOX}&nbsp;{word}" for word in DIFFICULTY_SCALE),
                        s.small,
                    ),
                ]
            ),
            Spacer(0, 8),
            Columns([[[*total, band_table], right]], ruled=False, padding=4),
            Spacer(0, 10),
            Para(domain.QUESTIONNAIRE_COPYRIGHT, s.muted),
        ]

    def phq9(self) -> list[Flowable]:
        return [
            *self.questionnaire(
                "PHQ-9", PHQ9_QUESTION, PHQ9_ITEMS, domain.PHQ9_BANDS, 27, item9=True
            ),
            PageBreak(),
            *self.questionnaire(
                "GAD-7", GAD7_QUESTION, GAD7_ITEMS, domain.GAD7_BANDS, 21, item9=False
            ),
        ]


def _alert(text: str, style: Any) -> Flowable:
    from iptwork.report.flowables import Box

    return Box([Para(text, style)], tint=styles.ALERT_TINT, edge=styles.ALERT_EDGE)


def empty_circle(size: float) -> Drawing:
    """Three empty rings with "Me" in the middle, `size` points across."""
    fonts.register_fonts()
    drawing = Drawing(size, size)
    centre = size / 2
    radius = size / 2 - 2
    fills = ("#FFFFFF", "#F7F9F9", "#EEF4F4")
    names = ("Outer circle", "Middle circle", "Inner circle: the closest")
    for ring, (fill, name) in enumerate(zip(fills, names, strict=True)):
        r = radius * (1 - ring / 3)
        drawing.add(
            Circle(
                centre,
                centre,
                r,
                fillColor=styles.colors.HexColor(fill),
                strokeColor=styles.RULE,
                strokeWidth=1,
            )
        )
        drawing.add(
            String(
                centre,
                centre + r - 14,
                name,
                fontName=fonts.REGULAR,
                fontSize=9,
                fillColor=styles.MUTED,
                textAnchor="middle",
            )
        )
    drawing.add(
        Circle(centre, centre, radius * 0.09, fillColor=styles.ACCENT, strokeColor=styles.ACCENT)
    )
    drawing.add(
        String(
            centre,
            centre - 4,
            "Me",
            fontName=fonts.BOLD,
            fontSize=11,
            fillColor=styles.WHITE,
            textAnchor="middle",
        )
    )
    drawing.hAlign = "CENTER"
    return drawing


TITLES = {
    "communication": "Communication analysis (blank worksheet)",
    "inventory": "Closeness circle and interpersonal inventory (blank worksheet)",
    "phq9": "PHQ-9 and GAD-7 (blank questionnaires)",
    "all": "iptwork blank worksheets",
}


def build_worksheets(kind: WorksheetKind | str, out: Path, *, invariant: bool = False) -> int:
    """Write the blank worksheet(s) of `kind` to `out` (atomically); returns the page count."""
    if kind not in KINDS:
        raise ValueError(f"unknown worksheet {kind!r}; choose one of {', '.join(KINDS)}")
    fonts.register_fonts()
    sheets = _Sheets()
    makers: dict[str, Callable[[], list[Flowable]]] = {
        "communication": sheets.communication,
        "inventory": sheets.inventory,
        "phq9": sheets.phq9,
    }
    chosen = list(makers) if kind == "all" else [kind]
    story: list[Flowable] = []
    for name in chosen:
        if story:
            story.append(PageBreak())
        story.extend(makers[name]())
    pages = 0

    def build(handle: BinaryIO) -> None:
        nonlocal pages
        document = ReportDocument(
            handle,
            header="iptwork · worksheet",
            header_right="Private once filled in",
            title=TITLES[kind],
            author="iptwork",
            subject="Blank worksheet for interpersonal therapy, to fill in by hand",
            invariant=invariant,
            cover=False,
        )
        document.build(story, canvasmaker=ReportCanvas)
        pages = document.canv.pages_shown

    write_atomically(Path(out), build)
    return pages
