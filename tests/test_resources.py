"""The files iptwork ships beside its code, found the way the bundle finds them too
(importlib.resources), and the desktop files that point at them."""

from __future__ import annotations

import configparser
import importlib.resources
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iptwork import resources
from iptwork.report import fonts

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
SVG = "{http://www.w3.org/2000/svg}"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", resources.ICON_SIZES)
def test_each_icon_size_is_a_square_png_of_that_size(size: int) -> None:
    assert _png_size(resources.icon_path(size)) == (size, size)


def test_an_unknown_icon_size_is_refused() -> None:
    with pytest.raises(ValueError, match="16, 32"):
        resources.icon_path(17)


def test_the_icon_source_is_an_svg_on_a_square_canvas() -> None:
    root = ET.parse(resources.icon_source()).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 64 64"
    assert root.findall(f".//{SVG}path"), "the bubbles are missing"


def test_the_windows_icon_holds_every_size_up_to_256() -> None:
    data = (resources.folder() / "icons" / "iptwork.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    widths = {data[6 + 16 * i] or 256 for i in range(count)}
    assert widths == {16, 32, 48, 64, 128, 256}


def test_the_pdf_fonts_are_found_through_importlib_resources() -> None:
    folder = importlib.resources.files("iptwork.resources") / "fonts"
    for face in fonts.FACES:
        assert (folder / f"{face}.ttf").is_file(), face
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    # The bundled copy wins over matplotlib's, so the PDFs never depend on where it is.
    assert fonts.font_folder() == resources.fonts_folder()


def test_the_desktop_entry_opens_workbooks_with_iptwork() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / "iptwork.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "iptwork %f"
    assert section["Icon"] == "iptwork"
    assert section["MimeType"] == "application/x-iptwork-workbook;"
    # Qt names the window after the desktop file, so the dock groups it under this entry.
    assert 'setDesktopFileName("iptwork")' in (
        ROOT / "src" / "iptwork" / "ui" / "app.py"
    ).read_text(encoding="utf-8")


def test_the_mime_type_is_recognised_by_the_iptw_extension_alone() -> None:
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(LINUX / "iptwork-mime.xml").getroot()
    (kind,) = root.findall(f"{ns}mime-type")
    assert kind.get("type") == "application/x-iptwork-workbook"
    assert [g.get("pattern") for g in kind.findall(f"{ns}glob")] == ["*.iptw"]
    # Encrypted workbooks do not start with the SQLite header: no magic rule may claim it.
    assert kind.find(f"{ns}magic") is None
