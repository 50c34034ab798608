"""The look of every PDF: page size and margins, colours, paragraph and table styles.

Calm and print-friendly: dark grey text, one muted teal for headings and labels, light
tints for boxes that still read on a greyscale printer. Every style names a DejaVu face,
and `table_style()` adds FONTNAME to every table, so reportlab never falls back to an
unembedded Helvetica.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Table, TableStyle

from iptwork.report import fonts

PAGE_SIZE = A4
LEFT_MARGIN = RIGHT_MARGIN = 2.0 * cm
TOP_MARGIN = 2.3 * cm  # the running header sits inside the top margin
BOTTOM_MARGIN = 2.0 * cm
FRAME_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN
FRAME_HEIGHT = PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5B6770")
ACCENT = colors.HexColor("#2F6B6E")
ACCENT_TINT = colors.HexColor("#E8F1F1")
RULE = colors.HexColor("#C5CFD3")
BOX_TINT = colors.HexColor("#F5F7F7")
NOTE_TINT = colors.HexColor("#FBF5E6")
NOTE_EDGE = colors.HexColor("#B8913A")
ALERT_TINT = colors.HexColor("#FCEDEA")
ALERT_EDGE = colors.HexColor("#B5432F")
WHITE = colors.white

BODY_SIZE = 10.0
BODY_LEADING = 14.0


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    muted_keep: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    bullet: ParagraphStyle
    check: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    cover_note: ParagraphStyle
    note_label: ParagraphStyle
    alert: ParagraphStyle
    caption: ParagraphStyle
    prompt: ParagraphStyle
    prompt_hint: ParagraphStyle


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": fonts.REGULAR,
        "bulletFontName": fonts.REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


@cache
def styles() -> Styles:
    fonts.register_fonts()
    return Styles(
        body=_style("body"),
        small=_style("small", fontSize=9, leading=12),
        muted=_style("muted", fontSize=8.5, leading=11.5, textColor=MUTED),
        muted_keep=_style(
            "muted_keep", fontSize=8.5, leading=11.5, textColor=MUTED, keepWithNext=1
        ),
        label=_style(
            "label", fontName=fonts.BOLD, fontSize=8, leading=10, textColor=ACCENT, spaceAfter=1
        ),
        cell=_style("cell", fontSize=9, leading=12),
        cell_bold=_style("cell_bold", fontName=fonts.BOLD, fontSize=9, leading=12),
        bullet=_style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3),
        check=_style(
            "check", fontSize=9, leading=11.5, leftIndent=14, bulletIndent=0, spaceAfter=2.5
        ),
        h1=_style(
            "h1",
            fontName=fonts.BOLD,
            fontSize=18,
            leading=23,
            textColor=ACCENT,
            spaceAfter=10,
            keepWithNext=1,
        ),
        h2=_style(
            "h2",
            fontName=fonts.BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h3=_style(
            "h3",
            fontName=fonts.BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=2,
            keepWithNext=1,
        ),
        cover_title=_style(
            "cover_title", fontName=fonts.BOLD, fontSize=28, leading=34, textColor=ACCENT
        ),
        cover_line=_style("cover_line", fontSize=13, leading=19),
        cover_note=_style("cover_note", fontSize=9.5, leading=13.5, textColor=MUTED),
        note_label=_style(
            "note_label", fontName=fonts.BOLD, fontSize=8, leading=10, textColor=NOTE_EDGE
        ),
        alert=_style("alert", fontSize=10.5, leading=15),
        caption=_style("caption", fontSize=8.5, leading=11.5, textColor=MUTED, alignment=TA_CENTER),
        prompt=_style("prompt", fontName=fonts.BOLD, fontSize=10, leading=13, spaceBefore=6),
        prompt_hint=_style("prompt_hint", fontSize=8.5, leading=11, textColor=MUTED),
    )


def table_style(*commands: tuple[Any, ...], size: float = 9.0) -> TableStyle:
    """A TableStyle that always names our font (cells holding plain strings otherwise fall
    back to Helvetica) plus `commands`."""
    fonts.register_fonts()
    base: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    return TableStyle(base + list(commands))


def header_table(
    data: list[list[Any]],
    widths: list[float],
    *commands: tuple[Any, ...],
    lines: bool = True,
    **table_args: Any,
) -> Table:
    """A table whose first row is a tinted header, repeated on every page it spans, with a
    rule under each row unless `lines` is False; `commands` add to the style."""
    rule = [("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)] if lines else []
    return Table(
        data,
        colWidths=widths,
        repeatRows=1,
        style=table_style(("BACKGROUND", (0, 0), (-1, 0), ACCENT_TINT), *rule, *commands),
        **table_args,
    )
