"""Reading PDFs back for the report tests, and a check that the font inspection itself works."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

BASE14 = (
    "Helvetica",
    "Times",
    "Courier",
    "Symbol",
    "ZapfDingbats",
)


def pdf_text(path: Path | bytes) -> str:
    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squeeze(text: str) -> str:
    """Text without any white space: line breaks fall anywhere in a typeset paragraph."""
    return "".join(text.split())


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _fonts_in(resources: Any, found: dict[str, DictionaryObject], seen: set[int]) -> None:
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    for font in _resolve(resources.get("/Font", {})).values():
        font = _resolve(font)
        found[str(font.get("/BaseFont"))] = font
    for xobject in _resolve(resources.get("/XObject", {})).values():
        xobject = _resolve(xobject)
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            _fonts_in(xobject["/Resources"], found, seen)


def fonts_used(path: Path | bytes) -> dict[str, DictionaryObject]:
    """Every font in the page and form resources of the PDF, by base font name."""
    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    found: dict[str, DictionaryObject] = {}
    seen: set[int] = set()
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), found, seen)
    return found


def font_problems(path: Path | bytes) -> list[str]:
    """Why the PDF's fonts are not all embedded TrueType subsets (empty when they are)."""
    problems = []
    fonts = fonts_used(path)
    if not fonts:
        problems.append("no fonts at all")
    for name, font in fonts.items():
        if any(base in name for base in BASE14):
            problems.append(f"{name} is a base-14 font")
            continue
        descriptor = font.get("/FontDescriptor")
        if font.get("/Subtype") == "/Type0":
            descendant = _resolve(font["/DescendantFonts"][0])
            descriptor = descendant.get("/FontDescriptor")
        descriptor = _resolve(descriptor)
        if descriptor is None or "/FontFile2" not in descriptor:
            problems.append(f"{name} is not embedded as TrueType")
        if "+" not in name:
            problems.append(f"{name} is not a subset")
    return problems


def test_the_font_check_catches_reportlabs_default_helvetica(tmp_path: Path) -> None:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from iptwork.report import styles

    out = tmp_path / "plain.pdf"
    plain = styles.styles().body.clone("helvetica", fontName="Helvetica")
    SimpleDocTemplate(str(out)).build([Paragraph("Hello", plain)])
    assert any("Helvetica" in problem for problem in font_problems(out))
