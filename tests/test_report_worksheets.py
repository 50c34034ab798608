"""Blank worksheets, read back: the prompts, the questionnaires and their notices."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from iptwork import domain
from iptwork.report.worksheets import GAD7_ITEMS, PHQ9_ITEMS, PROMPTS, build_worksheets
from tests.test_report_helpers import font_problems, pdf_text, squeeze


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, int]]:
    folder = tmp_path_factory.mktemp("sheets")
    built = {}
    for kind in ("communication", "inventory", "phq9", "all"):
        out = folder / f"{kind}.pdf"
        pages = build_worksheets(kind, out, invariant=True)
        built[kind] = (out, pdf_text(out), pages)
    return built


def test_the_communication_sheet_asks_every_prompt_in_order(
    sheets: dict[str, tuple[Path, str, int]],
) -> None:
    out, text, pages = sheets["communication"]
    assert pages == len(PdfReader(out).pages) == 2
    positions = [squeeze(text).index(squeeze(question)) for question, _ in PROMPTS.values()]
    assert positions == sorted(positions)
    for problem in domain.COMMUNICATION_PROBLEMS:
        assert problem.label in text
    for word in ("frustrated", "close/loved", "Face to face", "Role dispute", "Not sure"):
        assert word in text


def test_the_inventory_sheet_has_an_empty_circle_and_a_table(
    sheets: dict[str, tuple[Path, str, int]],
) -> None:
    _, text, pages = sheets["inventory"]
    assert pages == 2
    for words in ("My closeness circle", "Me", "Inner circle", "Outer circle", "Conflict (0–10)"):
        assert squeeze(words) in squeeze(text)


def test_the_questionnaires_carry_their_items_bands_and_notices(
    sheets: dict[str, tuple[Path, str, int]],
) -> None:
    _, text, pages = sheets["phq9"]
    assert pages == 2
    squeezed = squeeze(text)
    for item in (*PHQ9_ITEMS, *GAD7_ITEMS):
        assert squeeze(item) in squeezed
    assert text.count(domain.QUESTIONNAIRE_COPYRIGHT) == 2
    assert "15–19 moderately severe" in " ".join(text.split())
    assert squeeze("call your local emergency number") in squeezed
    for word in domain.ITEM_SCALE:
        assert squeeze(word) in squeezed


def test_all_holds_every_sheet_and_every_font_is_embedded(
    sheets: dict[str, tuple[Path, str, int]],
) -> None:
    _out, text, pages = sheets["all"]
    assert pages == 6
    for title in ("Communication analysis", "My closeness circle", "PHQ-9", "GAD-7"):
        assert title in text
    for kind in sheets:
        assert font_problems(sheets[kind][0]) == [], kind


def test_an_unknown_kind_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown worksheet"):
        build_worksheets("diary", tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
