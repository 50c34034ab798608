"""The person's text set without Paragraph (report.fasttext): the same lines, every word
printed as written, splitting across pages like a paragraph, and the fallbacks."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from iptwork.report import fasttext, fonts, styles
from iptwork.report.fasttext import TextBlock, WordWidths, break_lines
from iptwork.report.flowables import Para, plain_paragraph, user_paragraphs
from iptwork.report.rtl import BidiParagraph
from iptwork.report.text import chunks, markup, printable_lines
from iptwork.report.workbook_pdf import build_workbook_pdf
from iptwork.store import records as r
from tests.test_report_helpers import font_problems, pdf_text, squeeze
from tests.test_report_text import TEXT


def _paragraph_lines(para: Paragraph, width: float) -> list[str]:
    """The words of each line reportlab's Paragraph sets, one string per line."""
    para.wrap(width, 1e6)
    broken = para.blPara
    if broken.kind == 0:
        return [" ".join(words) for _, words in broken.lines]
    lines = []
    for line in broken.lines:
        text = "".join(getattr(frag, "text", "") for frag in line.words)
        lines.append(" ".join(text.split()))
    return lines


def _block_lines(block: TextBlock, width: float) -> list[str]:
    block.wrap(width, 1e6)
    return list(block._set)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([35.0, 90.0, 200.0, 451.0]))
def test_text_blocks_break_every_line_where_paragraph_breaks_it(text: str, width: float) -> None:
    style = styles.styles().body
    for piece in chunks(text):
        block = plain_paragraph(piece, style)
        assert isinstance(block, TextBlock)
        assert _block_lines(block, width) == _paragraph_lines(Para(markup(piece), style), width)


def test_a_word_wider_than_the_line_is_cut_where_paragraph_cuts_it() -> None:
    style = styles.styles().cell
    text = "short " + "x" * 300 + " tail and more words after it"
    block = plain_paragraph(text, style)
    assert isinstance(block, TextBlock)
    for width in (40.0, 120.0, 220.0):
        assert _block_lines(block, width) == _paragraph_lines(Para(markup(text), style), width)


def _typeset(story: list[Flowable], width: float = 200.0) -> bytes:
    buffer = io.BytesIO()
    margin = (595 - width) / 2
    SimpleDocTemplate(
        buffer, leftMargin=margin, rightMargin=margin, initialFontName=fonts.REGULAR, invariant=1
    ).build(story)
    return buffer.getvalue()


def test_a_50000_character_text_crosses_pages_without_losing_a_word() -> None:
    words = [f"w{n}" for n in range(9000)]
    text = " ".join(words)
    assert len(text) > 50_000
    pdf = _typeset(user_paragraphs(text, styles.styles().body))
    found = re.findall(r"w\d+", pdf_text(pdf))
    assert found == words
    assert font_problems(pdf) == []


def test_a_split_leaves_no_line_alone_and_the_label_stays_on_top() -> None:
    style = styles.styles().body
    block = TextBlock([" ".join(["word"] * 400)], style, label="What you said", label_color=None)
    _, height = block.wrap(300, 1e6)
    lines = len(block._set)
    assert height == lines * style.leading + 11
    assert block.split(300, 11 + style.leading * 1.5) == []  # one line would be alone
    first, rest = block.split(300, 11 + style.leading * 5.5)
    assert (first.label, rest.label) == ("What you said", "")
    first.wrap(300, 1e6)
    rest.wrap(300, 1e6)
    assert len(first._set) == 5
    assert first._set + rest._set == block._set
    # Near the end, the break moves up so the last line is not alone on its page.
    first, rest = block.split(300, 11 + style.leading * (lines - 0.5))
    assert len(rest._set) == 2


def test_markup_characters_emoji_and_missing_glyphs_print_as_written() -> None:
    text = "I <3 my kid & <spouse> — <b>not bold</b> &amp; 🙂 done"
    pdf = _typeset(user_paragraphs(text, styles.styles().body))
    extracted = pdf_text(pdf)
    assert squeeze("I <3 my kid & <spouse> — <b>not bold</b> &amp;") in squeeze(extracted)
    assert fonts.MISSING_GLYPH in extracted  # the emoji DejaVu lacks is shown as a box
    assert "🙂" not in extracted
    assert font_problems(pdf) == []


def test_line_breaks_and_blank_lines_keep_their_place() -> None:
    style = styles.styles().body
    text = "first line\n\nthird line after a blank one\n"
    block = plain_paragraph(text, style)
    assert isinstance(block, TextBlock)
    assert _block_lines(block, 400) == ["first line", "", "third line after a blank one"]
    assert plain_paragraph(" \n ", style).wrap(400, 1e6)[1] == 0


def test_only_plain_left_to_right_text_takes_the_fast_path() -> None:
    style = styles.styles().body
    assert isinstance(plain_paragraph("Zoë said «нет» & left", style), TextBlock)
    assert isinstance(plain_paragraph("Mira said שלום", style), BidiParagraph)
    assert isinstance(plain_paragraph("super\xadcalifragilistic", style), Para)  # soft hyphen


def test_each_word_is_measured_once_and_forgotten_after_the_pdf(tmp_path: Path) -> None:
    measure = WordWidths(fonts.REGULAR, 10.0)
    lines = printable_lines("again and again and again " * 50)
    break_lines(lines, 100.0, measure)
    assert set(measure.known) == {"again", "and"}
    # The person's words are not kept in memory once their PDF is written.
    contents = r.Contents(interactions=(r.Interaction(datetime(2026, 10, 1), said="Zyzzyva"),))
    build_workbook_pdf(contents, tmp_path / "out.pdf", parallel_charts=False)
    assert all("Zyzzyva" not in found.known for found in fasttext._WIDTHS.values())
