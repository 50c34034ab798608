"""The page machinery shared by every iptwork PDF, and writing the file safely.

**One pass.** "Page N of M" and the page numbers in the table of contents are usually done
with platypus' `multiBuild`, which lays the whole document out at least twice. Here they
are PDF form XObjects: every page draws the form named `pages-total` (and each contents
line the form of its section) where the number belongs, and `ReportCanvas.save()` defines
those forms once the last page is known. The contents' own length never depends on the
numbers (one line per entry), so nothing has to be laid out again.

**Atomic.** `write_atomically` builds into a temporary file in the target's folder and
renames it over the target only when the PDF is complete; a failure, a cancel or a crash
leaves any earlier file untouched and no partial file behind (STYLE.md, habit 6). The
temporary file is made by `mkstemp`, so the PDF is readable by its owner only: it holds
therapy notes.

**Progress and cancel.** Headings report each step they draw (`ReportDocument.step`), which
calls `progress(done, total)` and, if `cancelled()` says so, stops with `PdfCancelled`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from iptwork.atomic import atomic_file
from iptwork.interchange.errors import ExportFileError
from iptwork.report import fonts, styles
from iptwork.report.text import printable
from iptwork.store.errors import WorkbookError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

TOTAL_FORM = "pages-total"


class PdfCancelled(WorkbookError):
    """The person cancelled the export; nothing was written."""

    def __init__(self, path: Path | None = None) -> None:
        where = f" {path}" if path else ""
        super().__init__(f"The PDF export was cancelled; nothing was written{where}.")


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def pdf_number(value: float) -> str:
    """A number for a content stream: reportlab's own `fp_str` is slow without reportlab's
    optional C accelerator, and it was called a hundred thousand times in a long PDF."""
    return "%.3f" % value  # noqa: UP031 - the fastest way to format a float here


@dataclass(frozen=True)
class _NumberForm:
    key: str  # the anchor whose page number it shows ("" = the page count)
    font: str
    size: float
    color: Color
    align: str


class ReportCanvas(Canvas):
    """A canvas that knows where anchors landed and fills in page numbers at the end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.anchor_pages: dict[str, int] = {}
        self._number_forms: dict[str, _NumberForm] = {}
        self._number_names: dict[_NumberForm, str] = {}
        self._stamps: dict[Hashable, str] = {}
        self._late: dict[str, Callable[[Canvas], None]] = {}
        self.pages_shown = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self.pages_shown += 1
        super().showPage()

    def stamp(self, key: Hashable, draw: Callable[[Canvas], None], x: float, y: float) -> None:
        """Draw what `draw` draws at x, y, as a form XObject defined the first time `key`
        is stamped and reused after that.

        Labels, the running header and the ruled lines repeat on hundreds of pages; a form
        is drawn with one operator instead of a text object each time, which made long
        PDFs noticeably faster, and smaller.
        """
        name = self._stamps.get(key)
        if name is None:
            name = self._stamps[key] = f"stamp{len(self._stamps)}"
            if not self._code:
                self._code.append("")  # so that beginForm keeps this page's accumulators
            width, height = self._pagesize
            self.beginForm(name, lowerx=-width, lowery=-height, upperx=width, uppery=height)
            draw(self)
            self.endForm()
        # What saveState/translate/restoreState would write, without their bookkeeping:
        # the form changes nothing the canvas keeps track of.
        self._code.append(f"q 1 0 0 1 {pdf_number(x)} {pdf_number(y)} cm")
        self.doForm(name)
        self._code.append("Q")

    def define_late(self, name: str, define: Callable[[Canvas], None]) -> None:
        """Have `define(canvas)` define the XObject `name` when the file is saved: pages
        may draw it before it exists (a chart whose pixels are still being drawn in
        another process, see report.chart_images)."""
        self._late.setdefault(name, define)

    def mark_anchor(self, key: str) -> None:
        self.anchor_pages.setdefault(key, self.getPageNumber())

    def draw_page_number(
        self,
        key: str,
        x: float,
        y: float,
        *,
        font: str = fonts.REGULAR,
        size: float = 9.0,
        color: Color = styles.MUTED,
        align: str = "left",
    ) -> None:
        """Draw the page number of anchor `key` (or, for `key=""`, the number of pages) at
        x, y; it is filled in when the document is complete."""
        wanted = _NumberForm(key, font, size, color, align)
        name = self._number_names.get(wanted)
        if name is None:
            name = f"pn-{align}-{len(self._number_forms)}" if key else TOTAL_FORM
            self._number_names[wanted] = name
            self._number_forms[name] = wanted
        self._code.append(f"q 1 0 0 1 {pdf_number(x)} {pdf_number(y)} cm")
        self.doForm(name)
        self._code.append("Q")

    def save(self) -> None:
        for define in self._late.values():
            define(self)
        total = self.pages_shown
        for name, form in self._number_forms.items():
            value = str(total) if not form.key else str(self.anchor_pages.get(form.key, "–"))
            self.beginForm(name, lowerx=-200, lowery=-form.size, upperx=200, uppery=2 * form.size)
            self.setFont(form.font, form.size)
            self.setFillColor(form.color)
            if form.align == "right":
                self.drawRightString(0, 0, value)
            else:
                self.drawString(0, 0, value)
            self.endForm()
        super().save()


class ReportDocument(BaseDocTemplate):
    """A4 pages with a running header ("title · Confidential") and "Page N of M"; the first
    page template, "cover", has neither."""

    def __init__(
        self,
        file: BinaryIO,
        *,
        header: str,
        header_right: str = "Confidential",
        title: str = "",
        author: str = "",
        subject: str = "",
        steps: int = 0,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        invariant: bool = False,
        cover: bool = True,
    ) -> None:
        fonts.register_fonts()
        # Binary streams: ASCII85 makes the file a quarter bigger, and without reportlab's
        # optional C accelerator encoding it took a fifth of the time of a long PDF.
        rl_config.useA85 = 0
        super().__init__(
            file,
            pagesize=styles.PAGE_SIZE,
            leftMargin=styles.LEFT_MARGIN,
            rightMargin=styles.RIGHT_MARGIN,
            topMargin=styles.TOP_MARGIN,
            bottomMargin=styles.BOTTOM_MARGIN,
            title=title,
            author=author,
            subject=subject,
            creator="iptwork",
            producer="iptwork (reportlab)",
            invariant=1 if invariant else 0,
            initialFontName=fonts.REGULAR,
            displayDocTitle=1,
            lang="en",
        )
        self.header = printable(header, fonts.BOLD)
        self.header_right = header_right
        self.steps = steps
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates = [PageTemplate("body", [frame], onPage=self._decorate)]
        if cover:
            templates.insert(0, PageTemplate("cover", [frame], onPage=self._cover_page))
        self.addPageTemplates(templates)

    def check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise PdfCancelled()

    def step(self) -> None:
        """One more unit of work is on the page (called as headings are drawn)."""
        self.done += 1
        if self._progress is not None:
            self._progress(min(self.done, self.steps), self.steps)
        self.check_cancelled()

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The cover carries no header; its bottom line says what the file is."""

    def _draw_header(self, canvas: Canvas) -> None:
        """The running header: the same on every page, so drawn once as a form."""
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        top = height - self.topMargin + 0.9 * styles.cm
        canvas.setFont(fonts.BOLD, 8.5)
        canvas.setFillColor(styles.MUTED)
        right_width = stringWidth(self.header_right, fonts.BOLD, 8.5)
        canvas.drawRightString(right, top, self.header_right)
        header = fit_text(self.header, fonts.BOLD, 8.5, right - left - right_width - 20)
        canvas.drawString(left, top, header)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 5, right, top - 5)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        assert isinstance(canvas, ReportCanvas)
        width = self.pagesize[0]
        from iptwork.report.fasttext import text_code

        canvas.stamp("page-header", self._draw_header, 0, 0)
        # "Page N of M", centred as if M had as many digits as N.
        number = canvas.getPageNumber()
        lead = f"Page {number} of "
        lead_width = stringWidth(lead, fonts.REGULAR, 8.5)
        x = width / 2 - (lead_width + stringWidth(str(number), fonts.REGULAR, 8.5)) / 2
        y = self.bottomMargin - 1.1 * styles.cm
        canvas._code.append(text_code(canvas, [lead], x, y, fonts.REGULAR, 8.5, 0, styles.MUTED))
        canvas.draw_page_number("", x + lead_width, y, size=8.5)


def write_atomically(out: Path, build: Callable[[BinaryIO], None]) -> None:
    """Run `build(file)` on a temporary file beside `out`; on success it becomes `out`.

    On any failure (including `PdfCancelled` and KeyboardInterrupt) the temporary file is
    removed and `out` is left as it was. Problems writing the file become `ExportFileError`.
    """
    out = Path(out)
    try:
        with atomic_file(out, "wb") as handle:
            build(handle)
    except OSError as error:
        raise ExportFileError(out, error) from error
    except PdfCancelled:
        raise PdfCancelled(out) from None
