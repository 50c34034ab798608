"""Making any string the user typed safe to print.

reportlab's `Paragraph` reads its text as markup: `"a <b>unclosed"` raises, `"I <3 my kid &
<spouse>"` silently loses `<spouse>`, and `<img src=…>` makes it open a file (PITFALLS.md).
`markup()` is the one way user text reaches a Paragraph: characters the font cannot draw
become `fonts.MISSING_GLYPH`, invisible control and formatting characters the font lacks
are dropped, the markup characters are escaped and line breaks become `<br/>`.

`printable()` does the same for text drawn straight on a canvas or in a graphic (no markup
there, but the same missing glyphs), and `paragraphs()` cuts long text into pieces that
flow across pages: reportlab cannot place a single flowable taller than a page, and
re-splitting one huge paragraph page after page is slow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from xml.sax.saxutils import escape

from iptwork.report import fonts

#: A paragraph longer than this (in characters) is cut into several.
CHUNK = 1500

# Line boundaries as str.splitlines knows them (\r\n, \n, \r, \v, \f, \x1c-\x1e, \x85,
# U+2028, U+2029): each becomes one line break.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TAB = re.compile("[\t]")
#: The characters _LINE_BREAK matches: every caller of `_missing` splits or replaces them.
_BREAKS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    category = unicodedata.category(char)
    # Invisible characters (controls, format marks such as zero-width joiners and direction
    # marks, variation selectors after emoji) carry no visible meaning when missing.
    if category in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF:
        return ""
    return fonts.MISSING_GLYPH


def _missing(text: str, face: str) -> re.Pattern[str] | None:
    """The pattern finding the characters of `text` that `face` lacks, or None when the
    face has every one of them.

    The full pattern is a class of thousands of ranges, slow to test every character
    against: ASCII text (most of what people write) needs only its ASCII part, and other
    text is first checked character by distinct character.
    """
    found = fonts.coverage(face)
    if text.isascii():
        return found.missing_ascii
    if _drawable(face).issuperset(text):
        return None
    return found.missing


@cache
def _drawable(face: str) -> frozenset[str]:
    """The characters `face` draws, and the line breaks (which are never drawn)."""
    return frozenset(map(chr, fonts.coverage(face).codepoints)) | _BREAKS


def printable(text: str, face: str = fonts.REGULAR) -> str:
    """`text` with characters the face lacks replaced, on one line (for canvas drawing)."""
    text = _TAB.sub(" ", _LINE_BREAK.sub(" ", text))
    missing = _missing(text, face)
    return text if missing is None else missing.sub(_replacement, text)


def has_missing_glyphs(text: str, face: str = fonts.REGULAR) -> bool:
    """Whether printing `text` will show `MISSING_GLYPH` for something."""
    text = _TAB.sub(" ", _LINE_BREAK.sub(" ", text))
    missing = _missing(text, face)
    return missing is not None and any(_replacement(match) for match in missing.finditer(text))


def printable_lines(text: str, face: str = fonts.REGULAR) -> list[str]:
    """`text` as lines (split at any line break), each with missing glyphs replaced."""
    text = _TAB.sub(" ", text)
    missing = _missing(text, face)
    if missing is None:
        return _LINE_BREAK.split(text)
    return [missing.sub(_replacement, line) for line in _LINE_BREAK.split(text)]


def markup(text: str, face: str = fonts.REGULAR) -> str:
    """`text` as Paragraph markup that prints exactly what was typed (see module docstring)."""
    text = _TAB.sub(" ", text)
    missing = _missing(text, face)
    lines = _LINE_BREAK.split(text)
    if missing is None:
        return "<br/>".join(escape(line) for line in lines)
    return "<br/>".join(escape(missing.sub(_replacement, line)) for line in lines)


def _cut_line(line: str, size: int) -> Iterator[str]:
    """Pieces of at most about `size` characters, cut at a space when there is one."""
    while len(line) > size:
        cut = line.rfind(" ", size // 2, size)
        if cut <= 0:
            cut = size
        yield line[:cut]
        line = line[cut:].lstrip(" ")
    yield line


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """`text` cut into pieces of at most about `size` characters, at line breaks where
    possible, then at spaces, and only as a last resort inside a word."""
    pieces: list[str] = []
    current: list[str] = []
    length = 0
    for line in _LINE_BREAK.split(text.strip("\r\n")):
        if length and length + len(line) > size:
            pieces.append("\n".join(current))
            current, length = [], 0
        if len(line) > size:
            *whole, rest = _cut_line(line, size)
            pieces.extend(whole)
            line = rest
        current.append(line)
        length += len(line) + 1
    if current:
        pieces.append("\n".join(current))
    return pieces
