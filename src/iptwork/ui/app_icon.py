"""The app's icon as a QIcon, from the PNG renderings in `iptwork.resources`.

PNGs rather than the SVG: they need no image-format plugin (the bundle ships no SVG icon
engine it does not have to), and each size was rendered for itself, so 16 px stays crisp.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from iptwork.resources import ICON_SIZES, icon_path


def app_icon() -> QIcon:
    """Every rendering of the icon in one QIcon; Qt picks the size each place needs."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
