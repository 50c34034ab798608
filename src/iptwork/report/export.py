"""`iptwork export PATH --format pdf` and File → Export PDF: the workbook PDF with the same
filters and privacy as a JSON export.

The records come from `interchange.select_contents`, so `--from`/`--to`, `--person`,
`--include-private`, `--no-therapist-notes` and `--pseudonymize` mean exactly what they
mean for JSON and CSV. The cover says in plain words what this copy leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from iptwork.analysis import labels as lb
from iptwork.interchange.selection import ExportOptions, resolve_people, select_contents
from iptwork.report import chart_images
from iptwork.report.document import Cancelled, Progress
from iptwork.report.workbook_pdf import (
    ALL_SECTIONS,
    SUMMARY_SECTIONS,
    build_workbook_pdf,
    last_session,
    since_last_session,
)
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook


@dataclass(frozen=True)
class PdfChoice:
    """What the PDF holds beyond the export options: its sections, and whether it is the
    "since the last session" summary a therapist prints before a session."""

    sections: tuple[str, ...] = ALL_SECTIONS
    since_last_session: bool = False

    @classmethod
    def summary(cls) -> PdfChoice:
        return cls(SUMMARY_SECTIONS, since_last_session=True)


def describe(options: ExportOptions, contents: r.Contents, people: Sequence[str] = ()) -> list[str]:
    """Plain sentences for the cover: what this copy holds and leaves out.

    `people` are the ids of the people the export was narrowed to; their names are taken
    from `contents`, so a pseudonymised copy names "Person A", never the real name.
    """
    notes: list[str] = []
    if options.date_from and options.date_to:
        notes.append(
            f"Only records from {lb.long_date(options.date_from)} to "
            f"{lb.long_date(options.date_to)}."
        )
    elif options.date_from:
        notes.append(f"Only records from {lb.long_date(options.date_from)} on.")
    elif options.date_to:
        notes.append(f"Only records up to {lb.long_date(options.date_to)}.")
    if people:
        names = {p.id: p.name for p in contents.people}
        found = [names.get(person_id, "") for person_id in people]
        notes.append("Only interactions with " + ", ".join(n for n in found if n) + ".")
    if options.pseudonymize:
        notes.append(
            "Names are replaced by labels (Person A, Person B, …; Client and Therapist), in "
            "every field and in the text."
        )
    if not options.therapist_notes:
        notes.append("Therapist’s notes are left out.")
    if options.include_private:
        notes.append("Interactions marked private are included.")
    else:
        notes.append("Interactions marked private are left out.")
    return notes


def export_pdf(
    wb: Workbook,
    options: ExportOptions,
    out: Path | BinaryIO,
    *,
    choice: PdfChoice | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
    invariant: bool = False,
    parallel_charts: bool = True,
) -> int:
    """Write the workbook PDF of `wb` to `out` as `options` ask; returns the page count.

    Raises `UnknownPerson` for a `--person` nobody has, `ExportFileError` when `out`
    cannot be written and `PdfCancelled` when `cancelled()` turned true; in every failure
    no file is left at `out` (an older file there stays as it was). `out` may be an open
    binary stream instead of a path (printing builds the PDF in memory). The charts are
    drawn by helper processes unless `parallel_charts` is False (report.chart_images).
    """
    choice = choice or PdfChoice()
    if parallel_charts:
        chart_images.warm_up()
    contents = select_contents(wb, options)
    people = resolve_people(services.list_people(wb), options.people) if options.people else ()
    notes = describe(options, contents, people)
    title = None
    if choice.since_last_session:
        session = last_session(contents)
        base = contents.meta.title.strip() or "IPT workbook"
        if session is not None:
            title = f"{base}: since session {session.number}"
            notes.insert(
                0,
                f"What happened since session {session.number} on "
                f"{lb.long_date(session.held_on)}: the interactions not reviewed in it and "
                "the latest questionnaires.",
            )
        contents = since_last_session(contents)
    return build_workbook_pdf(
        contents,
        out,
        sections=choice.sections,
        title=title,
        notes=notes,
        progress=progress,
        cancelled=cancelled,
        today=today,
        invariant=invariant,
        parallel_charts=parallel_charts,
    )
