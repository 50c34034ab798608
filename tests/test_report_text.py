"""User text in PDFs: escaped for reportlab's markup, missing glyphs made visible, long text
cut into pieces that flow across pages."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Flowable, SimpleDocTemplate

from iptwork.report import fonts, styles
from iptwork.report.flowables import Para, plain_paragraph, user_paragraphs
from iptwork.report.text import CHUNK, chunks, has_missing_glyphs, markup, printable
from tests.test_report_helpers import font_problems, pdf_text, squeeze


def typeset(*texts: str, via_markup: bool = False) -> bytes:
    """A small PDF of `texts`, each set as a user's paragraphs (or through `markup`)."""
    buffer = io.BytesIO()
    story: list[Flowable] = []
    for text in texts:
        if via_markup:
            story.append(Para(markup(text), styles.styles().body))
        else:
            story.extend(user_paragraphs(text, styles.styles().body))
    SimpleDocTemplate(buffer, initialFontName=fonts.REGULAR, invariant=1).build(story)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "text",
    [
        "I <3 my kid & <spouse>",
        "a <b>unclosed",
        '<img src="/etc/passwd"/> and <font size=40>big</font>',
        "&amp; is not an ampersand entity here; &#169; neither",
        "</para> <br/> <![CDATA[x]]>",
    ],
)
def test_markup_characters_print_as_written(text: str) -> None:
    assert squeeze(text) in squeeze(pdf_text(typeset(text)))
    assert squeeze(text) in squeeze(pdf_text(typeset(text, via_markup=True)))


def test_line_breaks_of_every_kind_become_breaks_not_lost_text() -> None:
    text = "one\ntwo\r\nthree\rfour\u2028five\x0bsix"
    assert markup(text).count("<br/>") == 5
    assert squeeze("onetwothreefourfivesix") == squeeze(pdf_text(typeset(text)))


def test_scripts_the_font_covers_come_through() -> None:
    text = "Zoë Ελένη Жанна said: «Я не знаю» — שלום — مرحبا"
    extracted = pdf_text(typeset(text))
    for word in ("Zoë", "Ελένη", "Жанна", "«Я", "знаю»"):
        assert word in extracted
    # Hebrew and Arabic are drawn right to left (report.rtl), so text extraction, which
    # reads a right-to-left run from its right end, gives them back in reading order.
    for word in ("שלום", "مرحبا"):
        assert word in extracted
        assert word[::-1] not in extracted


def test_characters_the_font_lacks_print_as_a_visible_placeholder() -> None:
    assert not fonts.coverage().covers("中")
    assert printable("Mei 梅 says hi") == f"Mei {fonts.MISSING_GLYPH} says hi"
    assert has_missing_glyphs("梅")
    assert not has_missing_glyphs("Zoë Жанна")
    # Private-use characters too; invisible formatting characters are dropped instead.
    assert printable("\ue000") == fonts.MISSING_GLYPH
    assert printable("\u2066isolated\u2069") == "isolated"
    extracted = pdf_text(typeset("Mei 梅 says hi"))
    assert f"Mei {fonts.MISSING_GLYPH} says hi" in extracted


def test_the_oblique_face_has_no_arabic_so_it_is_replaced_there() -> None:
    assert printable("مرحبا", fonts.ITALIC) == fonts.MISSING_GLYPH * 5
    assert printable("مرحبا", fonts.REGULAR) == "مرحبا"


def test_a_50000_character_field_is_cut_into_pieces_and_loses_nothing() -> None:
    words = " ".join(f"word{n}" for n in range(7000))[:50_000]
    unbroken = "x" * 50_000
    for text in (words, unbroken, "line\n" * 10_000):
        pieces = chunks(text)
        assert all(len(piece) <= CHUNK for piece in pieces)
        assert squeeze("".join(pieces)) == squeeze(text)


def test_a_50000_character_paragraph_typesets_across_pages() -> None:
    text = " ".join(f"w{n}" for n in range(12_000)) + " THE-END"
    pdf = typeset(text)
    assert "THE-END" in pdf_text(pdf)
    assert font_problems(pdf) == []


def test_paragraphs_remember_their_wrap_but_not_after_a_split() -> None:
    para = Para(markup("word " * 400), styles.styles().body)
    first = para.wrap(300, 1000)
    assert para.wrap(300, 1000) == first
    parts = para.split(300, 100)
    assert len(parts) == 2
    assert para.wrap(300, 1000) == first  # split dropped the cached lines; wrapped again


def _printable_in_font() -> list[str]:
    usable = []
    for point in sorted(fonts.coverage().codepoints):
        if point > 0xFFFF:
            # Printed, but reportlab writes their ToUnicode entries as odd-length hex that
            # text extraction cannot read (the few emoji DejaVu has are among them).
            continue
        char = chr(point)
        category = unicodedata.category(char)
        # Letters, digits, punctuation and symbols; combining marks and right-to-left
        # letters are shaped or reordered by text extraction, so they are left to the
        # example-based tests above.
        # Neutral symbols of those scripts (U+0606, an Arabic cube root) are reordered too.
        rtl_block = 0x0590 <= point <= 0x08FF or 0xFB1D <= point <= 0xFEFF
        if (
            category[0] in "LNPS"
            and unicodedata.bidirectional(char) not in ("R", "AL")
            and not rtl_block
        ):
            usable.append(char)
    return usable


CHARACTERS = st.sampled_from(_printable_in_font())
MARKUP = st.sampled_from([*"<>&;/\"'=#", "<b>", "</para>", "&amp;", "<br/>", "&lt;"])


TEXT = st.lists(
    st.one_of(CHARACTERS, MARKUP, st.just(" "), st.just("\n")), min_size=1, max_size=120
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_the_font_covers_comes_through_intact(text: str) -> None:
    expected = squeeze(text)
    assert expected in squeeze(pdf_text(typeset(text)))
    assert expected in squeeze(pdf_text(typeset(text, via_markup=True)))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_plain_paragraphs_set_the_same_lines_as_escaped_markup(text: str) -> None:
    style = styles.styles().body
    for piece in chunks(text):  # as user_paragraphs cuts it: no break at either end
        plain = plain_paragraph(piece, style)
        parsed = Para(markup(piece), style)
        assert plain.wrap(200, 10_000) == parsed.wrap(200, 10_000)
