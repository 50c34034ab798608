"""The formulation and ending sheets in the PDF workbook: the agreed words with lines to
sign, or room to write them by hand when they are not written yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from iptwork.report.workbook_pdf import FORMULATION, TERMINATION, build_workbook_pdf
from iptwork.store import records as r
from tests.test_report_helpers import pdf_text, squeeze


def _text(contents: r.Contents, out: Path) -> str:
    build_workbook_pdf(contents, out, sections=(FORMULATION, TERMINATION), invariant=True)
    return squeeze(pdf_text(out))


def test_written_sheets_print_with_signature_lines(tmp_path: Path) -> None:
    contents = r.Contents(
        meta=r.WorkbookMeta(owner="Sam Rivera", therapist="Dr. Ana Costa"),
        formulation=r.Formulation(
            "Low mood & poor sleep",
            "Rows with <Alex>",
            "They feed each other.",
            16,
            date(2026, 9, 24),
        ),
        termination=r.Termination("I ask directly.", "Going quiet", "Call the practice"),
    )
    text = _text(contents, tmp_path / "sheets.pdf")
    for words in (
        "Low mood & poor sleep",
        "Rows with <Alex>",
        "We agree to meet for 16 sessions, agreed on 24 September 2026",
        "Going quiet",
        "Call the practice",
        "Signed: Sam Rivera",
        "Signed: Dr. Ana Costa",
    ):
        assert squeeze(words) in text, words


def test_empty_sheets_leave_room_to_write(tmp_path: Path) -> None:
    text = _text(r.Contents(), tmp_path / "blank.pdf")
    for words in ("Not written yet", "____ sessions", "What I will do if they come back"):
        assert squeeze(words) in text, words
