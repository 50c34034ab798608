"""The one font family every PDF uses: DejaVu Sans, embedded as a TrueType subset.

reportlab's built-in fonts (Helvetica and the other base-14 fonts) cover Latin-1 only and
are not embedded, so a Cyrillic name prints as black boxes and the file looks different
on every reader. DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew and Arabic letters and
ships with matplotlib (`mpl-data/fonts/ttf`), which iptwork depends on anyway; a copy in
`iptwork/resources/fonts/` wins if the package carries one.

`register_fonts()` is idempotent. Besides registering the four faces it points the two
places where reportlab falls back to Helvetica on its own at DejaVu: the default font of
`reportlab.graphics` drawings (`STATE_DEFAULTS["fontName"]`). Every `TableStyle` and every
canvas of ours names the font explicitly as well (see PITFALLS.md, "Helvetica sneaks in").

DejaVu Sans has no Chinese, Japanese or Korean characters, and the oblique faces have no
Arabic. A character the face lacks would print as an empty box with no meaning attached
(reportlab draws the font's `.notdef` glyph) or vanish; `iptwork.report.text` replaces it
with `MISSING_GLYPH` instead, so the reader sees that something was there.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = REGULAR
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)

#: What a character the font cannot draw prints as (WHITE SQUARE, which DejaVu has).
MISSING_GLYPH = "\u25a1"


class FontMissing(RuntimeError):
    """DejaVu Sans is not where matplotlib keeps it: the installation is broken."""


def _candidate_folders() -> list[Path]:
    folders: list[Path] = []
    bundled = importlib.resources.files("iptwork") / "resources" / "fonts"
    if bundled.is_dir():
        folders.append(Path(str(bundled)))
    # Locate matplotlib without importing it (importing it costs a tenth of a second).
    spec = importlib.util.find_spec("matplotlib")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "mpl-data" / "fonts" / "ttf")
    return folders


@cache
def font_folder() -> Path:
    """The folder holding the four DejaVu Sans faces."""
    for folder in _candidate_folders():
        if all((folder / f"{face}.ttf").is_file() for face in FACES):
            return folder
    try:  # an unusual layout (a frozen build, say): ask matplotlib itself
        import matplotlib

        folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    except ImportError as error:  # pragma: no cover - matplotlib is a dependency
        raise FontMissing("matplotlib, which provides the DejaVu Sans font, is missing") from error
    if not all((folder / f"{face}.ttf").is_file() for face in FACES):
        raise FontMissing(f"the DejaVu Sans font files are missing from {folder}")
    return folder


@dataclass(frozen=True)
class Coverage:
    """Which characters one face can draw, as a set and as a regular expression that finds
    the characters it cannot."""

    codepoints: frozenset[int]
    missing: re.Pattern[str]
    #: The same for ASCII text: the ASCII characters the face lacks (DEL and controls).
    missing_ascii: re.Pattern[str]

    def covers(self, char: str) -> bool:
        return ord(char) in self.codepoints


def _ranges(codepoints: frozenset[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for point in sorted(codepoints):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges


def _missing_pattern(codepoints: frozenset[int]) -> re.Pattern[str]:
    parts = []
    for low, high in _ranges(codepoints):
        parts.append(
            re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        )
    return re.compile("[^" + "".join(parts) + "]")


@cache
def register_fonts() -> dict[str, Coverage]:
    """Register DejaVu Sans with reportlab (once per process); returns each face's coverage."""
    from reportlab.graphics import shapes
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_folder()
    coverage: dict[str, Coverage] = {}
    for face in FACES:
        font = TTFont(face, str(folder / f"{face}.ttf"))
        pdfmetrics.registerFont(font)
        # Characters below U+0020 are never drawn: text.py turns them into spaces or breaks.
        points = frozenset(c for c in font.face.charToGlyph if c >= 0x20)
        lacking = "".join(re.escape(chr(c)) for c in range(0x80) if c not in points)
        coverage[face] = Coverage(points, _missing_pattern(points), re.compile(f"[{lacking}]"))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    # reportlab.graphics draws Strings in Helvetica unless told otherwise.
    shapes.STATE_DEFAULTS["fontName"] = REGULAR
    return coverage


def coverage(face: str = REGULAR) -> Coverage:
    return register_fonts()[face]
