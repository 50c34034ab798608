"""Small flowables the PDFs are made of: headings that bookmark themselves, contents lines,
feeling-intensity bars, ruled lines for handwriting, tinted boxes that may cross a page
break, and the app's charts as images (drawn by report.chart_images).

The ones a long PDF draws on every page (columns, boxes, bars, labels, the person's text
in report.fasttext) override `drawOn` and write their PDF operators at the place given,
instead of moving the canvas there and drawing through reportlab's canvas calls: without
reportlab's optional C accelerator, formatting the numbers of those calls cost more than
the text itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paraparser import ParaFrag

from iptwork.report import fonts, styles
from iptwork.report.document import ReportCanvas, ReportDocument, fit_text
from iptwork.report.document import pdf_number as num
from iptwork.report.fasttext import TextBlock, fitted, label_code, rgb, stamp_at, text_code
from iptwork.report.rtl import BidiParagraph, has_rtl
from iptwork.report.text import chunks, markup, printable, printable_lines


class Para(Paragraph):
    """A Paragraph that remembers its last wrap.

    Tables, boxes and keep-together groups wrap their content more than once at the same
    width; breaking the lines again each time was most of the cost of a long PDF.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        cached = self._wrapped
        # Paragraph.split may drop its line breaking (blPara); then wrap again.
        if cached is not None and cached[0] == available_width and "blPara" in self.__dict__:
            return cached[1]
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._wrapped = (available_width, size)
        return size

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(available_width, available_height)
        # Space set on this paragraph alone (not its style) belongs after its last part.
        if len(parts) > 1 and "spaceAfter" in self.__dict__:
            parts[-1].spaceAfter = self.spaceAfter
        return parts


def spaced(flowable: Flowable, after: float) -> Flowable:
    """`flowable` with `after` points of space below it when something follows on the page.

    Cheaper than a `Spacer`, which platypus places as a flowable of its own; thousands of
    them were a tenth of the time of a long PDF.
    """
    flowable.spaceAfter = after
    return flowable


def _frag(style: ParagraphStyle, text: str, line_break: bool = False) -> ParaFrag:
    """One run of text in `style`, as reportlab's markup parser would make it."""
    frag = ParaFrag()
    frag.rise = 0
    frag.greek = 0
    frag.link = []
    frag.fontName = style.fontName
    frag.bold = frag.italic = 0
    frag.fontSize = style.fontSize
    frag.textColor = style.textColor
    frag.us_lines = []
    frag.text = text
    if line_break:
        frag.lineBreak = True
    return frag


def plain_paragraph(
    text: str, style: ParagraphStyle, face: str = fonts.REGULAR
) -> TextBlock | BidiParagraph | Para:
    """A paragraph of the person's text without going through reportlab's markup parser.

    It sets the same lines as `Para(markup(text), style)` (a test compares the two), but
    the text is never read as markup at all: a `TextBlock` (report.fasttext) breaks and
    draws it several times faster. Runs of white space collapse and line breaks break
    lines, as there. Text with Hebrew or Arabic in it becomes a `BidiParagraph` (shaped,
    right to left); text with a soft hyphen, rare, keeps Paragraph's hyphenation.
    """
    lines = printable_lines(text, face)
    if has_rtl(text):
        lines = [" ".join(line.split()) for line in lines]
        if len(lines) == 2 and not any(lines):  # markup sets " <br/> " as nothing at all
            lines = [""]
        return BidiParagraph(lines, style)
    if "\xad" in text:
        frags = []
        for index, line in enumerate(lines):
            if index:
                frags.append(_frag(style, "", line_break=True))
            frags.append(_frag(style, " ".join(line.split())))
        return Para(None, style, frags=frags)
    return TextBlock(lines, style)


def user_paragraphs(text: str, style: ParagraphStyle, face: str = fonts.REGULAR) -> list[Flowable]:
    """What the person wrote, as paragraphs short enough to move between pages."""
    return [plain_paragraph(piece, style, face) for piece in chunks(text) or [""]]


class FixedText(Flowable):
    """A short paragraph of our own markup that repeats across the document (a problem's
    name and explanation, "5 of 10"): set once per width and drawn as a form after that.

    Only for text without links (an annotation cannot live in a form). The paragraphs are
    kept in `cache`, one dict per document, so the markup is parsed and its lines broken
    once however often it is printed.
    """

    def __init__(self, text_markup: str, style: ParagraphStyle, cache: dict[Any, Any]) -> None:
        super().__init__()
        self.text_markup = text_markup
        self.style = style
        self.cache = cache
        self.key: tuple[Any, ...] = ()
        self.para: Para | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.key = ("fixed", self.text_markup, self.style.name, available_width)
        found = self.cache.get(self.key)
        if found is None:
            para = Para(self.text_markup, self.style)
            found = self.cache[self.key] = (para, para.wrap(available_width, 1e6)[1])
        self.para, self.height = found
        self.width = available_width
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def _draw_para(self, canvas: Canvas) -> None:
        assert self.para is not None
        self.para.drawOn(canvas, 0, 0)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        stamp_at(canvas, self.key, self._draw_para, x, y)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class Labelled(Flowable):
    """A small bold label above a flowable (usually the first paragraph of a field).

    The label is drawn straight on the canvas rather than set as markup in the paragraph:
    a paragraph with one font runs reportlab's fast line breaking, one with a bold label
    in it the slow one. The label never parts from the text: if the text splits across a
    page, the label goes with its first part.
    """

    GAP = 11.0

    def __init__(self, label: str, content: Flowable, color: Color = styles.ACCENT) -> None:
        super().__init__()
        self.label = label
        self.content = content
        self.color = color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, height = self.content.wrap(available_width, available_height - self.GAP)
        self.width, self.height = available_width, height + self.GAP
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus' name
        return float(self.content.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus' name
        return float(self.content.getSpaceAfter())

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.content.split(available_width, available_height - self.GAP)
        if len(parts) < 2:
            return []
        return [Labelled(self.label, parts[0], self.color), *parts[1:]]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        canvas._code.append(
            label_code(canvas, self.label, x, y + self.height - 8, self.width, self.color)
        )
        self.content.drawOn(canvas, x, y)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class Anchor(Flowable):
    """A flowable that marks a place (a bookmark, say) and takes no room at all, nor any
    space around it in a Stack."""


class Stack(Flowable):
    """Flowables one under the other that never part, spaced as a frame would space them.

    What platypus does for a heading kept with the next flowable (a KeepTogether it
    builds, copies and may split), done once and cheaply; it never splits.
    """

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        # Parts that take no room (an anchor) take no space around them either.
        sized = [part for part in self.parts if not isinstance(part, Anchor)]
        self.spaceBefore = sized[0].getSpaceBefore() if sized else 0
        self.spaceAfter = sized[-1].getSpaceAfter() if sized else 0
        self._offsets: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        y = 0.0
        offsets = []
        previous = None
        for part in self.parts:
            _, height = part.wrap(available_width, available_height)
            if isinstance(part, Anchor):
                offsets.append(y)
                continue
            if previous is not None:
                y += max(previous.getSpaceAfter(), part.getSpaceBefore())
            y += height
            offsets.append(y)
            previous = part
        self._offsets = offsets
        self.width, self.height = available_width, y
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        top = y + self.height
        for part, bottom in zip(self.parts, self._offsets, strict=True):
            part.drawOn(canvas, x, top - bottom)


class Heading(Flowable):
    """A heading that, where it lands, leaves a bookmark, an outline entry and its page
    number for the contents, and counts one step of progress.

    It wraps a Paragraph instead of extending it, so that it is never split.
    """

    def __init__(
        self,
        text_markup: str,
        style: ParagraphStyle,
        *,
        key: str = "",
        outline: str = "",
        level: int = 0,
        step: bool = True,
        plain: bool = False,
    ) -> None:
        super().__init__()
        # `plain`: the text is the person's own, set without the markup parser.
        self.para = (
            plain_paragraph(text_markup, style, style.fontName)
            if plain
            else Para(text_markup, style)
        )
        self.style = style
        self.keepWithNext = style.keepWithNext
        self.key = key
        self.outline = " ".join(outline.split())
        self.level = level
        self.counts_step = step

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(available_width, available_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus' name
        return float(self.para.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus' name
        return float(self.para.getSpaceAfter())

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)
        canvas = self.canv
        if self.key:
            canvas.bookmarkHorizontal(self.key, 0, self.height + 6)
            if isinstance(canvas, ReportCanvas):
                canvas.mark_anchor(self.key)
            if self.outline:
                canvas.addOutlineEntry(self.outline, self.key, self.level, closed=self.level >= 1)
        document = getattr(canvas, "_doctemplate", None)
        if self.counts_step and isinstance(document, ReportDocument):
            document.step()


class TocEntry(Flowable):
    """One line of the contents: title, dot leader, page number, all of it a link."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.title = title
        self.key = key
        self.level = level
        self.font = fonts.BOLD if level == 0 else fonts.REGULAR
        self.size = 11.0 if level == 0 else 9.5
        self.line = 20.0 if level == 0 else 15.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.line
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        indent = 16.0 * self.level
        base = 5.0
        number_room = 34.0
        title = fit_text(
            printable(self.title, self.font),
            self.font,
            self.size,
            self.width - indent - number_room - 12,
        )
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(styles.INK)
        canvas.drawString(indent, base, title)
        start = indent + stringWidth(title, self.font, self.size) + 6
        end = self.width - number_room
        if end > start:
            canvas.setFont(fonts.REGULAR, self.size)
            canvas.setFillColor(styles.RULE)
            dot = stringWidth(". ", fonts.REGULAR, self.size)
            canvas.drawString(start, base, ". " * int((end - start) / dot))
        if isinstance(canvas, ReportCanvas):
            canvas.draw_page_number(
                self.key,
                self.width,
                base,
                font=self.font,
                size=self.size,
                color=styles.INK,
                align="right",
            )
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class IntensityBars(Flowable):
    """Feelings with their intensity (0–100) as labelled horizontal bars, under a title."""

    ROW = 15.0
    TITLE = 13.0
    LABEL_WIDTH = 4.2 * styles.cm
    BAR_WIDTH = 6.0 * styles.cm

    def __init__(self, items: Sequence[tuple[str, int | None]], title: str = "") -> None:
        super().__init__()
        self.items = [(printable(name), value) for name, value in items]
        self.title = title

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(available_width, self.LABEL_WIDTH + self.BAR_WIDTH + 40)
        self.height = self.ROW * len(self.items) + (self.TITLE if self.title else 0)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        rows = int((available_height - (self.TITLE if self.title else 0)) // self.ROW)
        if rows < 2 or rows >= len(self.items):
            return []
        rest = IntensityBars(self.items[rows:])
        if "spaceAfter" in self.__dict__:
            rest.spaceAfter = self.spaceAfter
        return [IntensityBars(self.items[:rows], self.title), rest]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Drawn with PDF operators directly: hundreds of bars in a long PDF."""
        if self.title:
            canvas._code.append(
                label_code(canvas, self.title, x, y + self.height - 9, 1e6, styles.ACCENT)
            )
        size = 9.0
        bar_x = x + self.LABEL_WIDTH
        code = []
        for index, (name, value) in enumerate(self.items):
            row = y + (len(self.items) - index - 1) * self.ROW
            label = fitted(name, fonts.REGULAR, size, self.LABEL_WIDTH - 8)
            code.append(text_code(canvas, [label], x, row + 4, fonts.REGULAR, size, 0, styles.INK))
            bar = f"{num(bar_x)} {num(row + 3)}"
            code.append(f"q {rgb(styles.ACCENT_TINT)} rg {bar} {num(self.BAR_WIDTH)} 8 re f Q")
            if value is not None:
                filled = self.BAR_WIDTH * max(0, min(value, 100)) / 100
                code.append(f"q {rgb(styles.ACCENT)} rg {bar} {num(filled)} 8 re f Q")
                code.append(
                    text_code(
                        canvas,
                        [str(value)],
                        bar_x + self.BAR_WIDTH + 6,
                        row + 4,
                        fonts.REGULAR,
                        8.5,
                        0,
                        styles.MUTED,
                    )
                )
        canvas._code.append(" ".join(code))

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class WritingLines(Flowable):
    """Ruled lines to write on by hand."""

    def __init__(self, count: int, spacing: float = 0.78 * styles.cm) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.count * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        for index in range(self.count):
            y = self.height - (index + 1) * self.spacing
            canvas.line(0, y, self.width, y)


class NoteLines(Flowable):
    """Ruled lines filling the rest of the page, under a small label: room to write in
    session. Takes no room when fewer than `minimum` lines would fit."""

    def __init__(self, label: str, *, spacing: float = 0.8 * styles.cm, minimum: int = 3) -> None:
        super().__init__()
        self.label = label
        self.spacing = spacing
        self.minimum = minimum
        self.lines = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.lines = int((available_height - 14) // self.spacing)
        if self.lines < self.minimum:
            self.lines = 0
            self.height = 0.0
        else:
            self.height = available_height - 0.5
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def _draw_lines(self, canvas: Canvas) -> None:
        canvas.setFont(fonts.BOLD, 8)
        canvas.setFillColor(styles.MUTED)
        canvas.drawString(0, -10, self.label)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        for index in range(1, self.lines + 1):
            y = -14 - index * self.spacing
            canvas.line(0, y, self.width, y)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        if self.lines:
            key = ("note-lines", self.label, self.lines, self.width, self.spacing)
            stamp_at(canvas, key, self._draw_lines, x, y + self.height)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class Columns(Flowable):
    """Rows of cells side by side (each cell a list of flowables), optionally ruled like a
    form. A row never splits, so callers keep cells short (see workbook_pdf); the whole
    splits between rows. Cheaper than a Table: each cell is wrapped once."""

    def __init__(
        self,
        rows: Sequence[Sequence[Sequence[Flowable]]],
        *,
        ruled: bool = True,
        padding: float = 6.0,
        tint_first_row: Color | None = None,
    ) -> None:
        super().__init__()
        self.rows = [[list(cell) for cell in row] for row in rows]
        self.ruled = ruled
        self.padding = padding
        self.tint_first_row = tint_first_row
        self._heights: list[float] = []
        self._sizes: dict[int, float] = {}
        self._width = -1.0

    def _measure(self, available_width: float) -> None:
        if self._width == available_width:
            return
        self._width = available_width
        self._heights = []
        self._sizes: dict[int, float] = {}
        for row in self.rows:
            column = available_width / len(row) - 2 * self.padding
            tallest = 0.0
            for cell in row:
                height = 0.0
                for index, flowable in enumerate(cell):
                    _, used = flowable.wrap(column, 1e6)
                    self._sizes[id(flowable)] = used
                    if index:
                        height += flowable.getSpaceBefore()
                    height += used
                tallest = max(tallest, height)
            self._heights.append(tallest + 2 * self.padding)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._measure(available_width)
        self.width = available_width
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._measure(available_width)
        used = 0.0
        for count, height in enumerate(self._heights):
            if used + height > available_height:
                if count == 0:
                    return []
                first = Columns(
                    self.rows[:count],
                    ruled=self.ruled,
                    padding=self.padding,
                    tint_first_row=self.tint_first_row,
                )
                rest = Columns(self.rows[count:], ruled=self.ruled, padding=self.padding)
                if "spaceAfter" in self.__dict__:
                    rest.spaceAfter = self.spaceAfter
                return [first, rest]
            used += height
        return [self]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Drawn at x, y directly: the cells draw themselves there, the rules are written
        as PDF operators (reportlab's own calls cost more than the text in them)."""
        top = y + self.height
        code = []
        if self.tint_first_row is not None and self._heights:
            first = self._heights[0]
            code.append(
                f"q {rgb(self.tint_first_row)} rg {num(x)} {num(top - first)} "
                f"{num(self.width)} {num(first)} re f Q"
            )
        if code:
            canvas._code.append(" ".join(code))
        for row, height in zip(self.rows, self._heights, strict=True):
            column = self.width / len(row)
            for index, cell in enumerate(row):
                cell_y = top - self.padding
                for number, flowable in enumerate(cell):
                    if number:
                        cell_y -= flowable.getSpaceBefore()
                    cell_y -= self._sizes[id(flowable)]
                    flowable.drawOn(canvas, x + index * column + self.padding, cell_y)
            top -= height
        if self.ruled:
            code = [
                f"q {rgb(styles.RULE)} RG 0.6 w {num(x)} {num(y)} {num(self.width)} "
                f"{num(self.height)} re S"
            ]
            line_y = y + self.height
            for height in self._heights[:-1]:
                line_y -= height
                code.append(f"{num(x)} {num(line_y)} m {num(x + self.width)} {num(line_y)} l S")
            if self.rows:
                columns = len(self.rows[0])
                for index in range(1, columns):
                    line_x = x + self.width * index / columns
                    code.append(
                        f"{num(line_x)} {num(y)} m {num(line_x)} {num(y + self.height)} l S"
                    )
            code.append("Q")
            canvas._code.append(" ".join(code))

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class Box(Flowable):
    """Paragraphs on a tinted background with a coloured left edge; splits between them."""

    def __init__(
        self,
        content: Sequence[Flowable],
        *,
        tint: Color = styles.BOX_TINT,
        edge: Color | None = None,
        padding: float = 8.0,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.tint = tint
        self.edge = edge
        self.padding = padding

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        inner = available_width - 2 * self.padding - 2
        self.width = available_width
        self.height = 2 * self.padding + sum(f.wrap(inner, 1e6)[1] for f in self.content)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        used = 2 * self.padding
        for count, flowable in enumerate(self.content):
            used += flowable.height
            if used > available_height:
                if count == 0:
                    return []
                box = {"tint": self.tint, "edge": self.edge, "padding": self.padding}
                rest = Box(self.content[count:], **box)
                if "spaceAfter" in self.__dict__:
                    rest.spaceAfter = self.spaceAfter
                return [Box(self.content[:count], **box), rest]
        return [self]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        box = f"{num(x)} {num(y)}"
        code = [f"q {rgb(self.tint)} rg {box} {num(self.width)} {num(self.height)} re f"]
        if self.edge is not None:
            code.append(f"{rgb(self.edge)} rg {box} 2.5 {num(self.height)} re f")
        code.append("Q")
        canvas._code.append(" ".join(code))
        top = y + self.height - self.padding
        for flowable in self.content:
            top -= flowable.height
            flowable.drawOn(canvas, x + self.padding + 2, top)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class ChartImage(Flowable):
    """One of the app's charts with its caption, centred, 14 points of room below.

    The chart comes from a `ChartJob` (report.chart_images), which may still be drawing it
    in another process: `wrap` needs only its size and caption, and the page refers to
    the image by name, defined when the file is saved. An empty chart takes no room.
    `idle` is work to do while the layout waits for the chart's size (see ChartJob.info).
    """

    GAP = 14.0

    def __init__(
        self,
        job: Any,
        key: str,
        caption_style: ParagraphStyle,
        idle: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self.job = job
        self.key = key
        self.caption_style = caption_style
        self.idle = idle
        self.info: Any = None
        self.caption: Para | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.info is None:
            self.info = self.job.info(self.key, self.idle)
            if not self.info.empty and self.info.description:
                self.caption = Para(markup(self.info.description), self.caption_style)
        self.width = available_width
        if self.info.empty:
            self.height = 0.0
            return self.width, self.height
        caption = self.caption.wrap(available_width, 1e6)[1] if self.caption else 0.0
        self.height = self.info.height + caption + self.GAP
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def _name(self) -> str:
        return f"chart-{self.key}"

    def _pixels(self) -> Any:
        return self.job.pixels(self.key)

    def _embed(self, canvas: Canvas) -> None:
        embed_image(canvas, self._name(), self._pixels)

    def draw(self) -> None:
        info = self.info
        if info is None or info.empty:
            return
        canvas = self.canv
        name = self._name()
        if isinstance(canvas, ReportCanvas):
            canvas.define_late(name, self._embed)
        else:
            self._embed(canvas)
        caption = self.caption.height if self.caption else 0.0
        canvas.saveState()
        canvas.translate((self.width - info.width) / 2, caption + self.GAP)
        canvas.scale(info.width, info.height)
        canvas.doForm(name)
        canvas.restoreState()
        canvas._currentPageHasImages = 1  # so the page lists the image procedures
        if self.caption is not None:
            self.caption.drawOn(canvas, 0, self.GAP)


def embed_image(canvas: Canvas, name: str, pixels: Callable[[], Any]) -> None:
    """Define XObject `name` as the image `pixels()` gives (a `ChartPixels`: RGB, already
    compressed), as `Canvas.drawImage` would, without compressing it again here.

    `pixels()` is called only when the file's objects are written out, after the pages:
    the pixels may still be on their way from another process, and writing the pages
    takes a while.
    """
    document = canvas._doc
    registered = document.getXObjectName(name)
    if document.idToObject.get(registered) is not None:
        return
    image = _LateImage(name, pixels)
    document.Reference(image, registered)
    document.addForm(name, image)


class _LateImage(PDFImageXObject):
    """An RGB image XObject whose pixels are fetched when it is written (see embed_image)."""

    def __init__(self, name: str, pixels: Callable[[], Any]) -> None:
        super().__init__(name)
        self.pixels = pixels

    def format(self, document: Any) -> bytes:
        found = self.pixels()
        self.width, self.height = found.columns, found.rows
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceRGB"
        self._filters = ("FlateDecode",)
        self.streamContent = found.data
        self.mask = None
        result: bytes = super().format(document)
        return result
