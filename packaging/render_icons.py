"""Render the app icon from its SVG source into the files each platform asks for.

    .venv/bin/python packaging/render_icons.py

writes, beside `src/iptwork/resources/icons/iptwork.svg`:

* `iptwork-SIZE.png` for every size in `iptwork.resources.ICON_SIZES` (Linux desktops, the
  window icon, the hicolor theme that `make install-desktop` fills);
* `iptwork.ico` (Windows: 16–256 px in one file) and `iptwork.icns` (macOS).

The SVG is rendered by Qt's own renderer (QtSvg is part of PySide6-Essentials), so no
Inkscape or rsvg is needed; Pillow (installed with matplotlib) packs the ICO and ICNS.
The outputs are committed: run this again only after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "src" / "iptwork" / "resources" / "icons"
SOURCE = ICONS / "iptwork.svg"
ICO_SIZES = (16, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render_png(size: int) -> bytes:
    # Qt outside iptwork.ui is fine here (TID251): this is a build tool, not the app.
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: TID251
    from PySide6.QtGui import QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "src"))
    from PIL import Image
    from PySide6.QtGui import QGuiApplication  # noqa: TID251

    from iptwork.resources import ICON_SIZES

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images: dict[int, Image.Image] = {}
    for size in sorted(set(ICON_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
        png = render_png(size)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        if size in ICON_SIZES:
            path = ICONS / f"iptwork-{size}.png"
            path.write_bytes(png)
            print(f"wrote {path.relative_to(ROOT)}")
    largest = images[max(ICO_SIZES)]
    largest.save(
        ICONS / "iptwork.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    print(f"wrote {(ICONS / 'iptwork.ico').relative_to(ROOT)}")
    images[max(ICNS_SIZES)].save(
        ICONS / "iptwork.icns",
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    print(f"wrote {(ICONS / 'iptwork.icns').relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
