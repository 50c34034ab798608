"""The files iptwork ships beside its code: the app icon and the PDF fonts.

Everything is found through `importlib.resources`, never through `sys._MEIPASS` or a path
built from `__file__`: an installed package, an editable checkout and the PyInstaller
bundle (whose `build.spec` puts these files at the same package-relative paths,
`iptwork/resources/...`) all answer the same way. All three keep the package as a plain
folder on disk, so the answers are real `Path`s that Qt and reportlab can open.

* `icons/iptwork.svg` is the source of the icon; `icons/iptwork-SIZE.png` are its renderings
  (`packaging/render_icons.py` makes them again), `iptwork.ico` is for Windows;
* `fonts/` holds DejaVu Sans in four faces for the PDFs, with its licence
  (`iptwork.report.fonts` looks here first).
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

#: The sizes the icon is rendered at, in pixels (square): what Linux desktops, Windows and
#: macOS ask for between a menu entry and a high-density dock.
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def folder() -> Path:
    """The folder holding the resources."""
    return Path(str(importlib.resources.files(__name__)))


def icon_path(size: int) -> Path:
    """The PNG rendering of the app icon at `size` × `size` pixels (one of `ICON_SIZES`)."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; the sizes are {', '.join(map(str, ICON_SIZES))}")
    return folder() / "icons" / f"iptwork-{size}.png"


def icon_source() -> Path:
    """The SVG the PNG icons are rendered from."""
    return folder() / "icons" / "iptwork.svg"


def fonts_folder() -> Path:
    """The folder holding the DejaVu Sans faces the PDFs embed."""
    return folder() / "fonts"
