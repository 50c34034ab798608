"""How fast is the workbook PDF of 1,000 interactions, against reportlab alone?

Builds a workbook with 1,000 interactions (`iptwork.demo.create_demo(path, 1000, 1)` when the
demo module is there, otherwise the generator below: people, two focuses, sessions,
questionnaires, and interactions whose texts are a few sentences each), then times:

* iptwork: `report.export_pdf` on that workbook: reading it, the cover, contents, focus,
  inventory, patterns with the app's charts, questionnaires, every interaction as a
  worksheet and the session log, written atomically;
* baseline: reportlab alone setting the same interactions' text (every text field,
  escaped) as plain paragraphs in the same embedded font, in one `SimpleDocTemplate`.

Each is run a few times; every run's time, the medians and their ratio are printed. The
target (issue 5) is a ratio of 2.0 or less. The first export in a process also starts the
chart helpers' server (report.chart_images), so the first of our runs is the slowest; the
machine's load (`uptime`) matters, as the helpers use a second core. Run with
`.venv/bin/python benchmarks/pdf_1000.py`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from iptwork import domain
from iptwork.interchange.selection import ExportOptions, select_contents
from iptwork.report import fonts
from iptwork.report.export import export_pdf
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook, create_workbook, open_workbook

TARGET_RATIO = 2.0

SENTENCES = (
    "I wanted them to notice how tired I was after the week at work.",
    "We were in the kitchen and the dishes from yesterday were still in the sink.",
    "I said that they never help with anything, and I said it louder than I meant to.",
    "They said I always exaggerate and walked out to the garden without a word.",
    "I took it to mean that they did not care about me at all.",
    "Afterwards we did not speak for the rest of the evening, and I went to bed early.",
    "Maybe they were tired too, and heard only blame in what I said.",
    "Next time I will say what I need in one sentence, before I get angry.",
    "I could have asked them to sit down for five minutes and plan the weekend together.",
    "It started with a message about money for the holiday, which I read on the bus.",
    "My mother called while I was cooking and asked again why we never visit.",
    "At work my manager moved the meeting without telling me and I said nothing.",
)
NAMES = ("Alex", "Mira", "Sam", "Jo", "Grandma Lis", "Tomás", "Priya", "Ken")


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(low, high)))


def generate(interactions: int, seed: int) -> r.Contents:
    """A realistic workbook as records (used when `iptwork.demo` has no `build_demo`)."""
    rng = random.Random(seed)
    people = tuple(
        r.Person(
            name=name,
            relationship=rng.choice([x.value for x in domain.Relationship]),
            closeness=rng.randint(1, 3),
            support=rng.randint(0, 10),
            conflict=rng.randint(0, 10),
            expectations=_text(rng, 0, 2),
            notes=_text(rng, 0, 1),
        )
        for name in NAMES
    )
    focuses = (
        r.Focus(
            area="dispute",
            description=_text(rng, 1, 2),
            stage="impasse",
            people=(people[0].id,),
            details={"i_expect": _text(rng, 1, 2), "they_expect": _text(rng, 1, 2)},
            goals=(r.Goal("Say what I need in one sentence"), r.Goal("Ask before assuming")),
        ),
        r.Focus(
            area="transition",
            description=_text(rng, 1, 2),
            details={"old_role": "Team member", "new_role": "Team lead"},
        ),
    )
    start = datetime(2026, 1, 5, 8, 0)
    emotions = domain.EMOTIONS
    problems = tuple(p.key for p in domain.COMMUNICATION_PROBLEMS)
    made: list[r.Interaction] = []
    for index in range(interactions):
        made.append(
            r.Interaction(
                occurred_at=start + timedelta(hours=7 * index + rng.randint(0, 5)),
                channel=rng.choice([c.value for c in domain.Channel]),
                people=tuple(rng.sample([p.id for p in people], rng.randint(1, 2))),
                focus=rng.choice([None, focuses[0].id, focuses[1].id]),
                setting=_text(rng, 1, 2),
                intended=_text(rng, 1, 3),
                said=_text(rng, 1, 3),
                other_said=_text(rng, 1, 3),
                heard=_text(rng, 1, 2),
                their_view=_text(rng, 0, 2),
                emotions=tuple(
                    r.EmotionRating(name, rng.randint(10, 100))
                    for name in rng.sample(emotions, rng.randint(1, 3))
                ),
                outcome=_text(rng, 1, 2),
                understood=rng.choice(["yes", "partly", "no", "unsure"]),
                satisfaction=rng.randint(0, 10),
                problems=tuple(rng.sample(problems, rng.randint(0, 3))),
                alternative=_text(rng, 0, 2),
                plan=_text(rng, 0, 2),
                therapist_note=_text(rng, 0, 1),
                tags=tuple(rng.sample(["money", "chores", "family", "work"], rng.randint(0, 2))),
            )
        )
    days = sorted({i.occurred_at.date() for i in made})
    sessions = tuple(
        r.TherapySession(
            number=n + 1,
            held_on=days[0] + timedelta(days=7 * n),
            phase="initial" if n < 3 else ("termination" if n > 13 else "middle"),
            notes=_text(rng, 1, 3),
            homework=_text(rng, 0, 1),
            client_rating=rng.randint(1, 5),
            therapist_rating=rng.randint(1, 5),
        )
        for n in range(16)
    )
    phq9 = tuple(
        r.Phq9(days[0] + timedelta(days=14 * n), (*(rng.randint(0, 2) for _ in range(8)), 0))
        for n in range(12)
    )
    gad7 = tuple(
        r.Gad7(days[0] + timedelta(days=14 * n), tuple(rng.randint(0, 3) for _ in range(7)))
        for n in range(12)
    )
    return r.Contents(
        meta=r.WorkbookMeta(
            title="Benchmark workbook",
            owner="Jana",
            therapist="Dr Obi",
            started_on=date(2026, 1, 5),
            planned_sessions=16,
        ),
        people=people,
        focuses=focuses,
        interactions=tuple(made),
        sessions=sessions,
        phq9=phq9,
        gad7=gad7,
    )


def make_workbook(path: Path, interactions: int, seed: int) -> Workbook:
    """The demo workbook if `iptwork.demo` is there, else the generator's."""
    try:
        from iptwork.demo import create_demo
    except ImportError:
        contents = generate(interactions, seed)
        wb = create_workbook(path, title=contents.meta.title)
        services.apply_contents(wb, contents)
        return wb
    create_demo(path, interactions=interactions, seed=seed)
    return open_workbook(path)


def baseline(contents: r.Contents, out: Path) -> None:
    """reportlab alone: the interactions' texts as plain paragraphs, embedded font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    fonts.register_fonts()
    style = ParagraphStyle("plain", fontName=fonts.REGULAR, fontSize=10, leading=14)
    story = []
    for i in contents.interactions:
        for text in (
            i.setting,
            i.intended,
            i.said,
            i.other_said,
            i.heard,
            i.their_view,
            i.outcome,
            i.alternative,
            i.plan,
            i.therapist_note,
        ):
            if text:
                story.append(Paragraph(escape(text).replace("\n", "<br/>"), style))
    SimpleDocTemplate(str(out), pagesize=A4, initialFontName=fonts.REGULAR).build(story)


def _times(runs: int, work: object) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


def _span(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        wb = make_workbook(root / "bench.iptw", args.interactions, 1)
        try:
            contents = select_contents(wb, ExportOptions())
            fonts.register_fonts()
            options = ExportOptions()
            our_times = _times(args.runs, lambda: export_pdf(wb, options, root / "ours.pdf"))
            plain_times = _times(args.runs, lambda: baseline(contents, root / "plain.pdf"))
            ours, plain = statistics.median(our_times), statistics.median(plain_times)
            pages = export_pdf(wb, ExportOptions(), root / "ours.pdf")
        finally:
            wb.close()
        from pypdf import PdfReader

        plain_pages = len(PdfReader(root / "plain.pdf").pages)
    ratio = ours / plain
    print(f"interactions: {args.interactions}, runs: {args.runs}")
    print(f"iptwork export_pdf:      {ours:6.2f} s  ({pages} pages; runs: {_span(our_times)})")
    print(
        f"reportlab plain paragraphs: {plain:6.2f} s  ({plain_pages} pages; "
        f"runs: {_span(plain_times)})"
    )
    verdict = "ok" if ratio <= TARGET_RATIO else "TOO SLOW"
    print(f"ratio: {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
