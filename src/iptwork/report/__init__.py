"""The PDF builder (reportlab platypus, no Qt): the workbook, summaries, blank worksheets.

Importing this package loads reportlab (about 0.2 s): callers import it when a PDF is
first wanted, not at start-up.

* `export_pdf(wb, options, out)`: the workbook PDF with the same filters and privacy as a
  JSON export (`iptwork export PATH --format pdf -o OUT`); `PdfChoice` picks sections or
  the "since the last session" summary;
* `build_workbook_pdf(contents, out, ...)`: the same from records already chosen;
* `build_worksheets(kind, out)`: blank forms (`iptwork worksheet KIND -o OUT.pdf`);
* `PdfCancelled`: raised when the caller's `cancelled()` turned true; no file is left.
"""

from iptwork.report.document import PdfCancelled
from iptwork.report.export import PdfChoice, describe, export_pdf
from iptwork.report.workbook_pdf import (
    ALL_SECTIONS,
    SECTION_TITLES,
    SUMMARY_SECTIONS,
    build_workbook_pdf,
    last_session,
    since_last_session,
)
from iptwork.report.worksheets import KINDS as WORKSHEET_KINDS
from iptwork.report.worksheets import build_worksheets

__all__ = [
    "ALL_SECTIONS",
    "SECTION_TITLES",
    "SUMMARY_SECTIONS",
    "WORKSHEET_KINDS",
    "PdfCancelled",
    "PdfChoice",
    "build_workbook_pdf",
    "build_worksheets",
    "describe",
    "export_pdf",
    "last_session",
    "since_last_session",
]
