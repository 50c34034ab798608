"""The person's plain text, set without reportlab's Paragraph (issue 5: speed).

A workbook of a thousand interactions prints some ten thousand pieces of the person's own
text. `Paragraph` pays for each of them a markup parse, a line breaker written for mixed
fonts, and a text object built operator by operator; most of a long PDF's time went
there. `TextBlock` sets one font and one colour only, which is all the person's text
needs:

* lines are broken exactly as `Paragraph` breaks them (runs of white space collapse, a
  word wider than the line is cut where it must be; a property test compares the two),
  with each word's width measured once per font and size (`WordWidths`);
* the lines are drawn as one PDF text object written directly, encoded for the embedded
  font's subsets by one `str.translate` once every character has its code (`Encoder`),
  at the place `drawOn` is given (no canvas translation, no state pushed);
* an optional label sits above the first line (the small bold label of a worksheet
  field), and it never parts from the text: a block splits between lines, never leaving
  a single line alone at either end of a page.

The remembered widths hold the person's words; `forget()` drops them when a PDF is done.

The text is never read as markup: `<`, `&` and `>` print as typed. Text with
right-to-left letters, or with soft hyphens (which Paragraph may break at), is not for
this class: `flowables.plain_paragraph` sends it elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from iptwork.report import fonts
from iptwork.report.document import fit_text
from iptwork.report.document import pdf_number as num

#: What Paragraph splits words at when a line holds a no-break space (it does not split at
#: the no-break space itself); other lines are split by `str.split()`, as there.
_WHITE = re.compile(
    "[\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+"
)

LABEL_GAP = 11.0
LABEL_FONT = fonts.BOLD
LABEL_SIZE = 8.0


def words_of(line: str) -> list[str]:
    """The words of one line, split where Paragraph splits them."""
    if "\xa0" in line:
        return [word for word in _WHITE.split(line) if word]
    return line.split()


class WordWidths:
    """Widths of words in one font and size, each measured once."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self.space = stringWidth(" ", font, size)
        self.known: dict[str, float] = {}

    def __call__(self, word: str) -> float:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = stringWidth(word, self.font, self.size)
        return found


_WIDTHS: dict[tuple[str, float], WordWidths] = {}


def word_widths(font: str, size: float) -> WordWidths:
    found = _WIDTHS.get((font, size))
    if found is None:
        found = _WIDTHS[font, size] = WordWidths(font, size)
    return found


def forget() -> None:
    """Drop the remembered widths and labels: they hold the words of the person's text,
    which should not outlive the PDF they were measured for."""
    _WIDTHS.clear()
    _FITTED.clear()


_PIECE = 1  # a piece of a word cut because it was wider than the line
_LAST_PIECE = 2  # the last piece of such a word


def _cut_word(word: str, used: float, width: float, measure: WordWidths) -> list[tuple[str, int]]:
    """A word too wide for any line, cut into pieces that fill the rest of the current
    line (which already holds `used` points), then whole lines (reportlab's _splitWord)."""
    pieces: list[tuple[str, int]] = []
    piece = ""
    line = used
    for char in word:
        char_width = measure(char)
        if line + char_width > width and (piece or char_width <= width):
            pieces.append((piece, _PIECE))
            line = char_width
            piece = char
        else:
            piece += char
            line += char_width
    pieces.append((piece, _LAST_PIECE))
    return pieces


def break_words(
    words: list[str], width: float, measure: WordWidths, shrink: float = 0.05
) -> list[str]:
    """`words` broken into lines `width` points wide, exactly as reportlab's Paragraph
    breaks one run of text in one font (no hyphenation, long words cut, and each space
    on a line allowed to shrink by the style's `spaceShrinkage`, `shrink`)."""
    space = measure.space
    shrink_per_word = shrink * space
    # The usual case, every word narrower than the line: one plain pass.
    known = measure.known
    lines: list[str] = []
    current: list[str] = []
    used = -space
    for word in words:
        word_width = known.get(word) or measure(word)
        if word_width > width:
            break
        new = used + space + word_width
        if new <= width + shrink_per_word * len(current) or not current:
            current.append(word)
            used = new
        else:
            lines.append(" ".join(current))
            current = [word]
            used = word_width
    else:
        if current:
            lines.append(" ".join(current))
        return lines
    # A word wider than the line: reportlab's way of cutting it, from the start.
    lines = []
    current = []
    used = -space
    queue: list[tuple[str, int]] = [(word, 0) for word in reversed(words)]
    forced = False
    while queue:
        word, kind = queue.pop()
        if kind == _PIECE and not word:
            forced = True
        word_width = measure(word)
        new = used + space + word_width
        limit = width + shrink_per_word * len(current)
        if new > limit and not forced and not kind and word_width > width:
            queue.extend(reversed(_cut_word(word, used + space, width, measure)))
            forced = True
            continue
        if new <= limit or not current or forced:
            if word:
                current.append(word)
            if forced:
                forced = False
                lines.append(" ".join(current))
                current = []
                used = -space
            else:
                used = new
        else:
            lines.append(" ".join(current))
            current = [word]
            used = word_width
    if current:
        lines.append(" ".join(current))
    return lines


def break_lines(
    lines: list[str], width: float, measure: WordWidths, shrink: float = 0.05
) -> list[str]:
    """Lines of text (already split at line breaks, already printable) broken to `width`,
    as Paragraph sets them joined by `<br/>`: an empty line keeps its place, except a last
    one, and a text of nothing but white space sets no line at all."""
    if len(lines) == 1:
        return break_words(words_of(lines[0]), width, measure, shrink)
    found: list[str] = []
    for line in lines:
        found.extend(break_words(words_of(line), width, measure, shrink) or [""])
    if not found[-1]:
        found.pop()
    if found == [""]:
        return []
    return found


class Encoder:
    """Lines in one embedded font as escaped PDF strings, per document.

    A TrueType font is written as subsets of 256 glyphs, and reportlab gives each
    character its code as it first meets it (`splitString`); a character's code never
    changes after that. Once every character of a line has a code in the first subset,
    the line is encoded and escaped by one `str.translate`.
    """

    def __init__(self, font: str, canvas: Canvas) -> None:
        self.font = getFont(font)
        self.doc = canvas._doc
        self.escape = canvas._escape
        self.table: dict[int, str] = {}
        self.ready: set[str] = set()
        self.names: dict[int, str] = {}

    def runs(self, text: str) -> list[tuple[int, str]]:
        """(subset, escaped string) runs of one line."""
        if self.ready.issuperset(text):
            return [(0, text.translate(self.table))]
        found = [
            (subset, self.escape(part)) for subset, part in self.font.splitString(text, self.doc)
        ]
        assignments = self.font.state[self.doc].assignments
        for char in set(text):
            code = assignments.get(ord(char))
            if code is not None and code < 256 and char != "\xa0":
                self.table[ord(char)] = self.escape(bytes((code,)))
                self.ready.add(char)
        return found

    def name(self, subset: int) -> str:
        found = self.names.get(subset)
        if found is None:
            found = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return found


def encoder(canvas: Canvas, font: str) -> Encoder:
    """The canvas' encoder for `font` (kept on the canvas: the codes belong to its document)."""
    cache: dict[str, Encoder] | None = getattr(canvas, "_iptwork_encoders", None)
    if cache is None:
        cache = {}
        canvas._iptwork_encoders = cache  # type: ignore[attr-defined]
    found = cache.get(font)
    if found is None:
        found = cache[font] = Encoder(font, canvas)
    return found


_RGB: dict[tuple[float, float, float], str] = {}


def rgb(color: Color) -> str:
    """The colour's three components for `rg` or `RG`."""
    key = (color.red, color.green, color.blue)
    found = _RGB.get(key)
    if found is None:
        found = _RGB[key] = f"{num(color.red)} {num(color.green)} {num(color.blue)}"
    return found


def text_code(
    canvas: Canvas,
    lines: list[str],
    x: float,
    y: float,
    font: str,
    size: float,
    leading: float,
    color: Color,
) -> str:
    """PDF operators drawing `lines` from the baseline of the first at x, y, one under the
    other `leading` apart, in `font`, `size` and `color`; the graphics state is kept."""
    found = encoder(canvas, font)
    code = [f"q {rgb(color)} rg BT {num(leading)} TL 1 0 0 1 {num(x)} {num(y)} Tm"]
    subset = -1
    for index, line in enumerate(lines):
        if index:
            code.append("T*")
        for run_subset, part in found.runs(line):
            if run_subset != subset:
                subset = run_subset
                code.append(f"{found.name(subset)} {size:g} Tf")
            code.append(f"({part}) Tj")
    code.append("ET Q")
    return " ".join(code)


_FITTED: dict[tuple[str, str, float, float], str] = {}


def fitted(text: str, font: str, size: float, width: float) -> str:
    """`fit_text`, remembered: the same labels come back on every page."""
    key = (text, font, size, width)
    found = _FITTED.get(key)
    if found is None:
        found = _FITTED[key] = fit_text(text, font, size, width)
    return found


def label_code(canvas: Canvas, label: str, x: float, y: float, width: float, color: Color) -> str:
    """PDF operators for a small bold label (8 points) with its baseline at x, y, cut
    short with an ellipsis if wider than `width`."""
    text = fitted(label, LABEL_FONT, LABEL_SIZE, width)
    return text_code(canvas, [text], x, y, LABEL_FONT, LABEL_SIZE, 0, color)


def stamp_at(
    canvas: Canvas, key: Hashable, draw: Callable[[Canvas], None], x: float, y: float
) -> None:
    """`draw` at x, y: as a reused form on our own canvas, directly on any other."""
    stamp = getattr(canvas, "stamp", None)
    if stamp is not None:
        stamp(key, draw, x, y)
        return
    canvas.saveState()
    canvas.translate(x, y)
    draw(canvas)
    canvas.restoreState()


class TextBlock(Flowable):
    """Plain lines of text (already printable) in one font and colour, with an optional
    label above; see the module docstring."""

    def __init__(
        self,
        lines: list[str],
        style: ParagraphStyle,
        *,
        label: str = "",
        label_color: Color | None = None,
    ) -> None:
        super().__init__()
        self.lines = lines
        self.style = style
        self.label = label
        self.label_color = label_color
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._width = -1.0
        self._set: list[str] = []

    def set_label(self, label: str, color: Color) -> TextBlock:
        self.label, self.label_color = label, color
        return self

    def _layout(self, width: float) -> None:
        if width != self._width:
            style = self.style
            measure = word_widths(style.fontName, style.fontSize)
            self._set = break_lines(self.lines, width, measure, style.spaceShrinkage)
            self._width = width

    def _label_room(self) -> float:
        return LABEL_GAP if self.label else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._layout(available_width)
        self.width = available_width
        self.height = len(self._set) * self.style.leading + self._label_room()
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._layout(available_width)
        total = len(self._set)
        fits = int((available_height - self._label_room()) // self.style.leading)
        if fits >= total:
            return [self]
        fits = min(fits, total - 2)  # no single line left alone at either end
        if fits < 2:
            return []
        first = self._part(self._set[:fits], self.label)
        first.spaceAfter = 0
        rest = self._part(self._set[fits:], "")
        rest.spaceBefore = 0
        rest.spaceAfter = self.spaceAfter
        return [first, rest]

    def _part(self, lines: list[str], label: str) -> TextBlock:
        part = TextBlock(self.lines, self.style, label=label, label_color=self.label_color)
        part.spaceBefore = self.spaceBefore
        part._width, part._set = self._width, lines
        return part

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Drawn at x, y directly: no translation of the canvas, no state pushed."""
        if self.label:
            label_y = y + self.height - LABEL_SIZE
            canvas._code.append(
                label_code(canvas, self.label, x, label_y, self.width, self.label_color)
            )
        if not self._set:
            return
        style = self.style
        # The first baseline one font size under the top, where Paragraph puts it (with
        # reportlab's default paraFontSizeHeightOffset).
        top = y + len(self._set) * style.leading
        canvas._code.append(
            text_code(
                canvas,
                self._set,
                x,
                top - style.fontSize,
                style.fontName,
                style.fontSize,
                style.leading,
                style.textColor,
            )
        )

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


def plain_lines(block: Any) -> list[str]:
    """The lines a TextBlock sets (after `wrap`), for tests."""
    return list(block._set)
