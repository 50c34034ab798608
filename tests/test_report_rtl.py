"""Hebrew and Arabic in PDFs: right to left, Arabic letters joined (report.rtl)."""

from __future__ import annotations

import io
import unicodedata

from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import SimpleDocTemplate

from iptwork.report import fonts, styles
from iptwork.report.fasttext import TextBlock
from iptwork.report.flowables import plain_paragraph, user_paragraphs
from iptwork.report.rtl import BidiParagraph, base_level, has_rtl, shaped, visual_runs
from tests.test_report_helpers import font_problems, pdf_text

HEBREW = "רציתי שהיא תבין שאני עייף"
ARABIC = "قلت لها إنني متعب جدا اليوم"


def typeset(*texts: str) -> bytes:
    buffer = io.BytesIO()
    story = [p for text in texts for p in user_paragraphs(text, styles.styles().body)]
    SimpleDocTemplate(buffer, initialFontName=fonts.REGULAR, invariant=1).build(story)
    return buffer.getvalue()


def test_only_text_with_right_to_left_letters_takes_the_bidi_path() -> None:
    body = styles.styles().body
    assert isinstance(plain_paragraph("Zoë Жанна Ελένη", body), TextBlock)
    assert isinstance(plain_paragraph(f"Mira said {HEBREW}", body), BidiParagraph)
    assert has_rtl(ARABIC)
    assert not has_rtl("«Я не знаю» 123")
    assert base_level(f"123 {HEBREW} and more") == 1
    assert base_level(f"Mira: {HEBREW}") == 0


def test_a_line_is_drawn_in_visual_order() -> None:
    # Left-to-right paragraph: the Hebrew run keeps its place, numbers inside it read
    # left to right.
    runs = visual_runs("She said שלום 12 עולם today", 0)
    assert runs == [("She said ", 0), (" עולם", 1), ("12", 2), ("שלום ", 1), (" today", 0)]
    # Right-to-left paragraph: the first words are drawn rightmost.
    runs = visual_runs("שלום world עולם", 1)
    assert runs == [(" עולם", 1), ("world", 2), ("שלום ", 1)]


def test_arabic_is_shaped() -> None:
    fonts.register_fonts()
    lam_alef, width = shaped("لا", fonts.REGULAR, 10, True)
    assert isinstance(lam_alef, ShapedStr)
    assert len(lam_alef.__shapeData__) == 1  # one ligature glyph for two letters
    assert width > 0
    joined, _ = shaped("مرحبا", fonts.REGULAR, 10, True)
    assert isinstance(joined, ShapedStr)  # HarfBuzz chose contextual forms


def test_a_right_to_left_paragraph_is_right_aligned_and_reads_back_in_order() -> None:
    paragraph = plain_paragraph(HEBREW, styles.styles().body)
    assert isinstance(paragraph, BidiParagraph)
    width, _height = paragraph.wrap(400, 1000)
    line = paragraph._set[0]
    assert paragraph.base == 1
    assert line.width < width  # drawn from width - line.width: flush right
    # Text extraction reads a right-to-left run from its right end: what was drawn in
    # visual order comes back in reading order (unshaped left-to-right text came back
    # reversed before report.rtl).
    pdf = typeset(HEBREW, ARABIC, f"Mira said: {HEBREW}, then left.")
    raw = pdf_text(pdf)
    # Shaped Arabic reads back as its contextual forms (Arabic Presentation Forms-B):
    # joined letters; folded back to the plain letters it is the text as typed.
    assert any(0xFE70 <= ord(char) <= 0xFEFF for char in raw)
    extracted = unicodedata.normalize("NFKC", raw)
    for text in (HEBREW, ARABIC):
        for word in text.split():
            assert word in extracted
            if len(word) > 2:
                assert word[::-1] not in extracted
    assert "Mira said:" in extracted
    assert font_problems(pdf) == []


def test_long_right_to_left_text_splits_across_pages_without_losing_lines() -> None:
    text = " ".join([HEBREW] * 400)
    pdf = typeset(text)
    extracted = pdf_text(pdf)
    assert extracted.count("עייף") == 400
