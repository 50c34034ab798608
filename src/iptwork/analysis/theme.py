"""One look for every chart: fonts, sizes, and colours that survive colour blindness and a
greyscale printer.

Colours come from the Okabe–Ito palette (distinguishable with every common colour-vision
deficiency); wherever colour tells categories apart, a hatch pattern or a marker shape
does too, so a grey printout still reads. Heat maps use one sequential map whose
lightness rises steadily with the value. Plain constants: importing this module costs
nothing (matplotlib is imported by `charts` only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FONT = "DejaVu Sans"

# Okabe & Ito (2008), "Color Universal Design".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"

TEXT = "#222222"
MUTED = "#5A5A5A"
GRID = "#E3E3E3"
RING = "#9A9A9A"
EMPTY_CELL = "#F7F7F7"
BACKGROUND = "#FFFFFF"

TITLE_SIZE = 13.0
SUBTITLE_SIZE = 9.5
LABEL_SIZE = 10.0
TICK_SIZE = 9.0
ANNOTATION_SIZE = 8.0
MESSAGE_SIZE = 12.0

#: Inches; the PDF builder may ask for other sizes.
WIDE = (8.0, 4.6)
TALL = (8.0, 5.6)
SQUARE = (6.6, 6.6)
SCREEN_DPI = 100

#: Sequential map for heat maps and ordered periods (light = low/early, dark = high/late).
HEAT_CMAP = "Blues"
#: The part of HEAT_CMAP used, so the lowest nonzero value is still visibly tinted.
HEAT_RANGE = (0.12, 0.95)
#: The part of HEAT_CMAP used for periods, earliest lightest (bars need a visible fill).
PERIOD_RANGE = (0.3, 0.9)


@dataclass(frozen=True)
class Swatch:
    """How one category is drawn: fill colour, hatch (for greyscale), marker shape."""

    color: str
    hatch: str = ""
    marker: str = "o"


UNDERSTOOD = {
    "yes": Swatch(BLUE, "", "o"),
    "partly": Swatch(SKY_BLUE, "///", "s"),
    "unsure": Swatch("#C8C8C8", "...", "D"),
    "no": Swatch(VERMILLION, "xx", "^"),
}
#: Stacking order: understood first, then not sure, then not understood.
UNDERSTOOD_ORDER = ("yes", "partly", "unsure", "no")

AREAS = {
    "dispute": Swatch(VERMILLION, "xx"),
    "transition": Swatch(BLUE, ""),
    "grief": Swatch(PURPLE, "\\\\\\"),
    "sensitivity": Swatch(GREEN, "///"),
    "none": Swatch("#BDBDBD", "..."),
}
OTHER_AREA = Swatch(ORANGE, "++")

TONES = {
    "supportive": Swatch(BLUE, "", "o"),
    "mixed": Swatch(ORANGE, "", "s"),
    "conflicted": Swatch(VERMILLION, "", "^"),
}

SATISFACTION = BLUE
SCORE_LINE = BLACK
#: Severity band fills from minimal to severe: one hue, darker as it gets more severe.
BAND_FILLS = ("#FFFFFF", "#FDF0E3", "#FAD9B8", "#F4B987", "#EC9A5C")
ALERT = VERMILLION


def rc() -> dict[str, Any]:
    """matplotlib settings applied while a chart is built (see charts._building).

    Only settings read when an artist is created belong here; what is read when a figure is
    saved (file formats, font embedding) is the caller's choice at `savefig` time.
    """
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "font.size": LABEL_SIZE,
        "text.color": TEXT,
        "axes.labelcolor": TEXT,
        "axes.edgecolor": "#888888",
        "axes.linewidth": 0.8,
        "axes.titlesize": SUBTITLE_SIZE,
        "axes.labelsize": LABEL_SIZE,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelsize": TICK_SIZE,
        "ytick.labelsize": TICK_SIZE,
        "legend.fontsize": TICK_SIZE,
        "legend.frameon": False,
        "hatch.linewidth": 0.6,
        "figure.facecolor": BACKGROUND,
        "axes.facecolor": BACKGROUND,
    }


def relative_luminance(color: tuple[float, float, float]) -> float:
    """Perceived lightness 0..1 (ITU-R BT.601 weights, as a greyscale printer would)."""
    red, green, blue = color[:3]
    return 0.299 * red + 0.587 * green + 0.114 * blue


def ink_for(color: tuple[float, float, float]) -> str:
    """Text colour that reads on a fill: dark on light fills, white on dark ones."""
    return TEXT if relative_luminance(color) > 0.55 else "#FFFFFF"
