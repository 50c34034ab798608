"""Hebrew and Arabic in the PDF: letters joined (shaped) and lines in right-to-left order.

reportlab sets text left to right, one character after another. That is right for Latin,
Greek and Cyrillic, but Hebrew and Arabic are written right to left, and Arabic letters
change shape with their neighbours. reportlab 5.1 can shape a run of text with HarfBuzz
(`uharfbuzz`, through `ttfonts.shapeStr`), but it orders mixed-direction lines only with
`rlbidi`, which is not published for current Pythons; without it a Hebrew sentence prints
backwards.

`BidiParagraph` therefore does the ordering itself, for the person's own text that holds
right-to-left letters (everything else keeps reportlab's faster `Paragraph`): it breaks
lines in reading (logical) order, resolves each line's direction levels with the Unicode
bidirectional algorithm (`python-bidi`), and draws the line's runs in visual order, each
run shaped by HarfBuzz, which also turns a right-to-left run's glyphs around. A paragraph
whose first letter is right-to-left is right-aligned.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Flowable

#: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
#: Explicit embeddings, overrides and isolates: dropped (the levels are resolved without).
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (and so needs `BidiParagraph`)."""
    return _RTL.search(text) is not None


def base_level(text: str) -> int:
    """1 when the first letter with a direction is right-to-left, else 0 (rules P2, P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def levels(text: str, base: int) -> list[int]:
    """The resolved embedding level of each character of one line (rules X1–I2).

    python-bidi's Rust core (unicode-bidi, which follows the current algorithm, bracket
    pairs included) tells its levels only in its debug report, one per UTF-8 byte; the
    package's older pure-Python algorithm, which pairs no brackets, is the fallback.
    """
    from bidi import get_display

    report = str(get_display(text, base_dir="LR"[base], debug=True))
    start = report.find("levels: [")
    per_byte = [int(n) for n in _LEVEL.findall(report, start)] if start >= 0 else []
    if len(per_byte) == len(text.encode("utf-8")):
        found: list[int] = []
        offset = 0
        for char in text:
            found.append(per_byte[offset])
            offset += len(char.encode("utf-8"))
        return found
    return _levels_fallback(text, base)  # pragma: no cover - a python-bidi we do not know


def _levels_fallback(text: str, base: int) -> list[int]:
    from bidi import algorithm

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    return [int(char["level"]) for char in storage["chars"]]


def visual_runs(text: str, base: int) -> list[tuple[str, int]]:
    """`text` (one line) cut into runs of one level, in the order they are drawn (rule L2)."""
    found = levels(text, base)
    runs: list[tuple[str, int]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or found[index] != found[start]:
            runs.append((text[start:index], found[start]))
            start = index
    if not runs:
        return []
    highest = max(level for _, level in runs)
    lowest_odd = min((level for _, level in runs if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(runs):
            if runs[index][1] >= level:
                end = index
                while end < len(runs) and runs[end][1] >= level:
                    end += 1
                runs[index:end] = reversed(runs[index:end])
                index = end
            else:
                index += 1
    return runs


@lru_cache(maxsize=4096)
def shaped(text: str, font: str, size: float, rtl: bool) -> tuple[Any, float]:
    """`text` shaped by HarfBuzz (a `ShapedStr` when shaping changed it) and its width."""
    from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

    if rtl and not has_rtl(text):
        text = text[::-1]  # neutrals alone at a right-to-left level: HarfBuzz sees no RTL
    result = shapeStr(text, font, size)
    if isinstance(result, ShapedStr):
        width = sum(data.x_advance for data in result.__shapeData__) * size / 1000
        return result, width
    return result, stringWidth(text, font, size)


@dataclass(frozen=True)
class _Line:
    runs: tuple[tuple[Any, float], ...]  # shaped run and its width, left to right
    width: float


class BidiParagraph(Flowable):
    """Plain text (lines already made printable) with right-to-left script in it, set in
    `style`'s font, size and leading; it splits between lines like a Paragraph."""

    def __init__(self, lines: list[str], style: ParagraphStyle, *, base: int | None = None):
        super().__init__()
        self.lines = [_CONTROLS.sub("", line) for line in lines]
        self.style = style
        self.base = base_level("\n".join(lines)) if base is None else base
        self._width = -1.0
        self._set: list[_Line] = []

    def _words_to_lines(self, width: float) -> list[list[str]]:
        font, size = self.style.fontName, self.style.fontSize
        space = stringWidth(" ", font, size)
        broken: list[list[str]] = []
        for line in self.lines:
            current: list[str] = []
            used = 0.0
            for word in line.split(" "):
                if not word:
                    continue
                word_width = shaped(word, font, size, False)[1]
                while word_width > width and len(word) > 1:  # a word wider than the line
                    cut = len(word) - 1
                    while cut > 1 and shaped(word[:cut], font, size, False)[1] > width:
                        cut -= 1
                    if current:
                        broken.append(current)
                    broken.append([word[:cut]])
                    current, used = [], 0.0
                    word = word[cut:]
                    word_width = shaped(word, font, size, False)[1]
                if current and used + space + word_width > width:
                    broken.append(current)
                    current, used = [], 0.0
                used += (space if current else 0.0) + word_width
                current.append(word)
            broken.append(current)
        return broken

    def _layout(self, width: float) -> None:
        if width == self._width:
            return
        self._width = width
        font, size = self.style.fontName, self.style.fontSize
        self._set = []
        for words in self._words_to_lines(width):
            runs = tuple(
                shaped(text, font, size, bool(level % 2))
                for text, level in visual_runs(" ".join(words), self.base)
            )
            self._set.append(_Line(runs, sum(w for _, w in runs)))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._layout(available_width)
        self.width = available_width
        self.height = len(self._set) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._layout(available_width)
        total = len(self._set)
        fits = int(available_height // self.style.leading)
        if fits >= total:
            return [self]
        fits = min(fits, total - 2)  # no single line left alone at either end
        if fits < 2:
            return []
        first, rest = self._part(self._set[:fits]), self._part(self._set[fits:])
        if "spaceAfter" in self.__dict__:
            rest.spaceAfter = self.spaceAfter
        return [first, rest]

    def _part(self, lines: list[_Line]) -> BidiParagraph:
        part = BidiParagraph(self.lines, self.style, base=self.base)
        part._width, part._set = self._width, lines
        return part

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        ascent = getAscentDescent(style.fontName, style.fontSize)[0]
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        for index, line in enumerate(self._set):
            y = self.height - ascent - index * style.leading
            x = self.width - line.width if self.base else 0.0
            for text, width in line.runs:
                canvas.drawString(x, y, text)
                x += width
