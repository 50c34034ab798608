"""Light, dark, or the desktop's own look, and the text size, for the whole app at once.

`apply()` is called at start (before the window shows) and again whenever Preferences
change; nothing needs a restart. The desktop's own style, palette and font are remembered
the first time, so "follow the system" and 100 % always mean what the desktop gives.

Style sheets elsewhere should use palette roles (`palette(window-text)`,
`palette(placeholder-text)`, `palette(mid)`) and translucent tints (`rgba(…, 0.12)`), which
read on both backgrounds; `tints()` gives the same tints for HTML and custom painting.
Font sizes relative to the text (a title 1.4 times the body) go through `scale_font()`,
never a `font-size` in points in a style sheet, so the text-size preference scales them too.
Only cheap Qt classes are imported here: this runs before the window is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QTableView,
    QWidget,
)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: Colours of the two forced themes, checked for contrast (text on its background ≥ 7:1,
#: hints ≥ 4.5:1, in both).
LIGHT: dict[Role, str] = {
    Role.Window: "#f2f3f5",
    Role.WindowText: "#1d2024",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f4f6f8",
    Role.ToolTipBase: "#fffbe6",
    Role.ToolTipText: "#1d2024",
    Role.PlaceholderText: "#5c646d",
    Role.Text: "#1d2024",
    Role.Button: "#e8eaed",
    Role.ButtonText: "#1d2024",
    Role.BrightText: "#b00020",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e5e8",
    Role.Mid: "#b4bac1",
    Role.Dark: "#8a9099",
    Role.Shadow: "#4a4f55",
    Role.Highlight: "#2c6fb7",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#1d5ca3",
    Role.LinkVisited: "#6a3d9a",
    Role.Accent: "#2c6fb7",
}
DARK: dict[Role, str] = {
    Role.Window: "#202328",
    Role.WindowText: "#e7e9ec",
    Role.Base: "#17191d",
    Role.AlternateBase: "#23272d",
    Role.ToolTipBase: "#2d323a",
    Role.ToolTipText: "#e7e9ec",
    Role.PlaceholderText: "#a3abb4",
    Role.Text: "#e7e9ec",
    Role.Button: "#2c3037",
    Role.ButtonText: "#e7e9ec",
    Role.BrightText: "#ff8a80",
    Role.Light: "#41474f",
    Role.Midlight: "#353a41",
    Role.Mid: "#555c65",
    Role.Dark: "#111316",
    Role.Shadow: "#000000",
    Role.Highlight: "#3b78bd",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8cc4ff",
    Role.LinkVisited: "#c9a6ff",
    Role.Accent: "#3b78bd",
}
#: Disabled text in each: visibly fainter, still legible.
DISABLED = {"light": "#8a9099", "dark": "#7d858e"}


def _palette(colors: dict[Role, str], disabled: str) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText):
        palette.setColor(Group.Disabled, role, QColor(disabled))
    palette.setColor(Group.Disabled, Role.Highlight, QColor(colors[Role.Mid]))
    return palette


def light_palette() -> QPalette:
    return _palette(LIGHT, DISABLED["light"])


def dark_palette() -> QPalette:
    return _palette(DARK, DISABLED["dark"])


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2) of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    a, b = luminance(one), luminance(other)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def mix(front: QColor, back: QColor, amount: float) -> QColor:
    """`amount` of `front` over `back` (0 … 1), as an opaque colour."""
    return _mix(front, back, amount)


def _mix(front: QColor, back: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        front.redF() * amount + back.redF() * (1 - amount),
        front.greenF() * amount + back.greenF() * (1 - amount),
        front.blueF() * amount + back.blueF() * (1 - amount),
    )


def _readable_hints(desktop: QPalette) -> QPalette:
    """Only a stronger hint colour, when the desktop's (often half-transparent text) falls
    below 4.5:1 on the window; every other role stays the desktop's."""
    window, text = desktop.color(Role.Window), desktop.color(Role.WindowText)
    hint = desktop.color(Role.PlaceholderText)
    seen = _mix(hint, window, hint.alphaF())
    result = QPalette()
    if contrast(seen, window) < 4.5:
        result.setColor(Role.PlaceholderText, _mix(text, window, 0.68))
    return result


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is light on a dark background (whatever made it so)."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


@dataclass(frozen=True)
class Tints:
    """Background tints for HTML and custom painting that keep the palette's text
    readable: pale on a light background, deep on a dark one."""

    mine: str  # what I meant / said
    theirs: str  # what they said / how I heard it
    note: str  # a calm information box
    problem: str  # something to look at
    highlight: str  # a search match
    muted: str  # secondary text
    alert: str  # text that must stand out (PHQ-9 item 9 above 0), on the base colour


def tints(palette: QPalette | None = None) -> Tints:
    if is_dark(palette):
        return Tints("#1e3246", "#3d2c1c", "#1d3042", "#452620", "#6b5a12", "#a3abb4", "#ff9e94")
    return Tints("#eef4fb", "#fdf1e7", "#eaf2fb", "#fdece8", "#ffe48a", "#56616c", "#9b1c10")


#: The safety message (PHQ-9 item 9 above 0) wherever it is shown in the window: dark text
#: on a fixed pale amber with a strong edge, the same in both themes, so it stands out as
#: much on a dark window as on a light one. Apply with `safety_box()`.
SAFETY_STYLE = (
    "QLabel { background: #fff3d6; color: #3d2f00; border: 1px solid #e0b95c; "
    "border-left: 6px solid #c98a00; border-radius: 4px; padding: 8px; font-weight: 600; }"
)


def safety_box(label: QWidget) -> None:
    """Show `label` as the safety message (see SAFETY_STYLE)."""
    label.setProperty("role", "safety")
    label.setStyleSheet(SAFETY_STYLE)


#: How much larger than the text an empty view's note is (`QLabel#empty-note`).
EMPTY_NOTE = 1.3

#: The dynamic property that `scale_font()` leaves on a widget: its size relative to the
#: application font, applied again whenever the text size changes.
COLUMN_WIDTHS = "iptwork_column_widths"
FONT_SCALE = "iptwork_font_scale"


def scale_font(widget: QWidget, factor: float, *, bold: bool | None = None) -> None:
    """Make `widget`'s text `factor` times the application's (1.3: a large note), now and
    after every change of the text-size preference (`apply()` scales it again)."""
    widget.setProperty(FONT_SCALE, float(factor))
    if bold is not None:
        font = widget.font()
        font.setBold(bold)
        widget.setFont(font)
    _rescale(widget, QApplication.font())


def _rescale(widget: QWidget, base: QFont) -> None:
    factor = widget.property(FONT_SCALE)
    if not isinstance(factor, float):
        return
    font = QFont(widget.font())
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * factor))
    widget.setFont(font)


def set_column_widths(table: QTableView, widths: dict[int, int]) -> None:
    """Give `table`'s columns these widths (pixels at the usual text size), scaled to the
    text size chosen in Preferences now and after every change of it; a list's fixed row
    height (if it has one) follows the text too."""
    table.setProperty(COLUMN_WIDTHS, ",".join(f"{c}:{w}" for c, w in widths.items()))
    _fit_columns(table)


def text_scale(app: QApplication | None = None) -> float:
    """How many times larger the text is than the usual size (Preferences ▸ Text size)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return 1.0
    return max(50, min(200, _Desktop.of(app).text_size)) / 100


def _fit_columns(widget: QWidget) -> None:
    widths = widget.property(COLUMN_WIDTHS)
    if not isinstance(widget, QTableView) or not isinstance(widths, str) or not widths:
        return
    scale = text_scale()
    for pair in widths.split(","):
        column, width = pair.split(":")
        widget.setColumnWidth(int(column), round(int(width) * scale))
    rows = widget.verticalHeader()
    if rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed:
        rows.setDefaultSectionSize(widget.fontMetrics().height() + 10)


class _ReadableFusion(QProxyStyle):
    """Fusion, with tick boxes and radio buttons whose outline can be seen.

    Fusion outlines them in the window colour made darker, which all but vanishes on
    a dark base (a list's unticked rows looked empty); here the outline is half-way
    between the text and the base, at least 3:1 against the base in both themes."""

    INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in self.INDICATORS:
            original = QPalette(option.palette)  # type: ignore[attr-defined]
            palette = QPalette(original)
            outline = indicator_outline(original)
            # Fusion draws the outline in Window.darker(140): give it the colour that
            # comes out as the outline wanted.
            palette.setColor(Role.Window, outline.lighter(140))
            option.palette = palette  # type: ignore[attr-defined]
            try:
                super().drawPrimitive(element, option, painter, widget)
            finally:
                option.palette = original  # type: ignore[attr-defined]
            return
        super().drawPrimitive(element, option, painter, widget)


def indicator_outline(palette: QPalette) -> QColor:
    """The outline of tick boxes and radio buttons: half-way between text and base."""
    return _mix(palette.color(Role.Text), palette.color(Role.Base), 0.5)


class _Desktop(QObject):
    """What the desktop gave the app before any preference was applied, and the
    preference now in force (re-applied when the desktop switches between light and dark)."""

    NAME = "iptwork-desktop-look"

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(self.NAME)
        style = app.style()
        self.style_name = style.name() if style is not None else ""
        self.font = QFont(app.font())
        self.dark = is_dark(app.palette())
        self.theme = "system"
        self.text_size = 100
        self.fusion: QStyle | None = None  # the forced themes' style, once made
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._desktop_changed)

    @classmethod
    def of(cls, app: QApplication) -> _Desktop:
        found = app.findChild(_Desktop, cls.NAME)
        return found if found is not None else cls(app)

    def system_is_dark(self) -> bool:
        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme != Qt.ColorScheme.Unknown:
            return scheme == Qt.ColorScheme.Dark
        return self.dark

    def _desktop_changed(self, _scheme: Qt.ColorScheme) -> None:
        app = self.parent()
        if isinstance(app, QApplication):
            apply(self.theme, self.text_size, app)


def current_theme(app: QApplication | None = None) -> str:
    """The theme in force: "light" or "dark" (what "system" turned out to be included)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    return "dark" if isinstance(app, QApplication) and is_dark(app.palette()) else "light"


def apply(theme: str, text_size: int = 100, app: QApplication | None = None) -> None:
    """Apply a theme ("system", "light", "dark") and a text size (percent) to every window."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return
    desktop = _Desktop.of(app)
    desktop.theme, desktop.text_size = theme, text_size
    wanted = theme
    if theme not in ("light", "dark") or desktop.system_is_dark() == (theme == "dark"):
        wanted = "system"  # already what the desktop shows: keep its own style and palette
    style = app.style()
    if wanted == "system":
        if style is not None and desktop.style_name and style.name() != desktop.style_name:
            app.setStyle(desktop.style_name)
        app.setPalette(QPalette())  # an empty palette: every role from the desktop
        app.setPalette(_readable_hints(app.palette()))
    else:
        if not isinstance(desktop.fusion, _ReadableFusion) or style is not desktop.fusion:
            # Kept here too: the app owns the style, but its Python half must stay alive.
            desktop.fusion = _ReadableFusion()
            app.setStyle(desktop.fusion)
        app.setPalette(dark_palette() if wanted == "dark" else light_palette())
    font = QFont(desktop.font)
    scale = max(50, min(200, int(text_size))) / 100
    if desktop.font.pointSizeF() > 0:
        font.setPointSizeF(desktop.font.pointSizeF() * scale)
    elif desktop.font.pixelSize() > 0:
        font.setPixelSize(round(desktop.font.pixelSize() * scale))
    app.setFont(font)
    _repolish(app, font)


def _repolish(app: QApplication, font: QFont) -> None:
    """Style sheets resolve `palette(…)` when they are set: set them again so they follow;
    and the sizes set relative to the text follow the new text size."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
        _rescale(widget, font)
        _fit_columns(widget)
