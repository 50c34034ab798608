"""The CSV export: one row per interaction, for spreadsheets.

The file is UTF-8 with a byte-order mark (so that Excel recognises the encoding), has a
header row of readable column names, and uses the `csv` module's quoting, so commas,
quotes and line breaks inside answers survive. People appear by name (or by their
pseudonym), emotions as "hurt (70); sad (40)", communication problems by their label,
tags joined with "; ", dates and times in ISO form (separate Date and Time columns, which
spreadsheets read as such). The filters and privacy options are those of the JSON export
(`ExportOptions`).

Spreadsheet formula injection: a spreadsheet runs a cell that starts with "=", "+", "-" or
"@" (and some also a tab or carriage return) as a formula, so a note such as
"=HYPERLINK(…)" could act when the file is opened. Every text cell that starts with one of
those characters is written with a leading apostrophe ("'=HYPERLINK(…)"), which
spreadsheets show as plain text. The apostrophe is visible in other programs that read the
file; the JSON export is the lossless format.
"""

from __future__ import annotations

import csv
from pathlib import Path

from iptwork import domain
from iptwork.interchange.bulk import paused_cycle_collector
from iptwork.interchange.files import atomic_text_file
from iptwork.interchange.pseudonymize import Pseudonymizer, pseudonymizer_for
from iptwork.interchange.selection import ExportOptions, select_contents
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook

#: The column headings, in the order of the guided entry.
COLUMNS = (
    "Date",
    "Time",
    "Channel",
    "People",
    "Problem area",
    "What led up to it",
    "What I wanted them to understand",
    "What I said or did",
    "What they said or did",
    "What I took them to mean",
    "What they might have wanted",
    "Emotions",
    "How it ended",
    "Did they understand me",
    "Satisfaction (0-10)",
    "Communication problems",
    "What else I could have done",
    "Plan for next time",
    "Plan rehearsed",
    "Follow-up of",
    "Therapist note",
    "Private",
    "Tags",
    "Id",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (see the module docstring)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def interaction_rows(contents: r.Contents, problem_labels: dict[str, str]) -> list[list[str]]:
    """The data rows (without the header) for the interactions of `contents`."""
    names = {p.id: p.name for p in contents.people}
    focuses = {f.id: f for f in contents.focuses}
    rows = []
    for i in contents.interactions:
        focus = focuses.get(i.focus) if i.focus else None
        area = ""
        if focus is not None:
            area = domain.ProblemArea(focus.area).label
            if focus.description:
                area += f": {focus.description}"
        texts = [
            i.occurred_at.date().isoformat(),
            i.occurred_at.strftime("%H:%M"),
            domain.Channel(i.channel).label,
            "; ".join(names.get(p, p) for p in i.people),
            area,
            i.setting,
            i.intended,
            i.said,
            i.other_said,
            i.heard,
            i.their_view,
            "; ".join(f"{e.name} ({e.intensity})" for e in i.emotions),
            i.outcome,
            domain.Understood(i.understood).label if i.understood else "",
            "" if i.satisfaction is None else str(i.satisfaction),
            "; ".join(problem_labels.get(p, p) for p in i.problems),
            i.alternative,
            i.plan,
            _yes_no(i.rehearsed),
            i.follow_up_of or "",
            i.therapist_note,
            _yes_no(i.private),
            "; ".join(i.tags),
            i.id,
        ]
        rows.append([guard(cell) for cell in texts])
    return rows


def _problem_labels(
    wb: Workbook, contents: r.Contents, names: Pseudonymizer | None
) -> dict[str, str]:
    """Key → label for every problem; the user's own ones as exported (pseudonymised)."""
    labels = {p.key: p.label for p in services.list_problem_kinds(wb) if p.builtin}
    if names is not None:  # a built-in label may have been reworded with a name in it
        labels = {key: names.text(label, domain.MAX_LABEL) for key, label in labels.items()}
    labels.update((p.key, p.label) for p in contents.vocabulary.problems)
    return labels


def write_csv(wb: Workbook, options: ExportOptions | None, out_path: Path | str) -> int:
    """Export the interactions to `out_path` atomically; returns how many rows were written."""
    options = options or ExportOptions()
    with paused_cycle_collector():
        contents = select_contents(wb, options)
        names = pseudonymizer_for(wb) if options.pseudonymize else None
        rows = interaction_rows(contents, _problem_labels(wb, contents, names))
    with atomic_text_file(Path(out_path), encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return len(rows)
