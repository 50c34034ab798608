"""The closeness circle: three rings around "me", each person placed on their ring.

Colour says how the relationship feels: blue for supportive, vermillion for conflicted,
grey between (Okabe–Ito colours, safe for the common colour-vision deficiencies), and a
sign inside the dot (+, −, ±) says the same without colour. Drag a person to another
ring to change their closeness; with the keyboard, arrow keys pick a person and 1, 2, 3
(or +/−) move them. The inventory's table shows the same data for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from iptwork.store import records as r
from iptwork.ui import labels, theme

SUPPORTIVE = QColor("#0072B2")
CONFLICTED = QColor("#D55E00")
NEUTRAL = QColor("#A9A9A9")
DOT = 13.0  # radius of a person's dot
ME = 0.16  # radius of "me" as a share of the outer radius
ME_FILL = QColor("#4a5560")  # "me" in white on this slate, the same in both themes
LIGHT_MARK, DARK_MARK = QColor("#ffffff"), QColor("#1d2024")


def balance(person: r.Person) -> float:
    """-1 (all conflict) … +1 (all support)."""
    return (person.support - person.conflict) / 10


def colour(person: r.Person) -> QColor:
    value = balance(person)
    target = SUPPORTIVE if value >= 0 else CONFLICTED
    share = min(abs(value) * 1.4, 1.0)  # a clear lean reaches the full colour
    return QColor(
        round(NEUTRAL.red() + (target.red() - NEUTRAL.red()) * share),
        round(NEUTRAL.green() + (target.green() - NEUTRAL.green()) * share),
        round(NEUTRAL.blue() + (target.blue() - NEUTRAL.blue()) * share),
    )


def sign(person: r.Person) -> str:
    value = balance(person)
    if value >= 0.2:
        return "+"
    if value <= -0.2:
        return "−"
    return "±"


def mark_colour(fill: QColor) -> QColor:
    """White or near-black for the sign inside a dot, whichever reads better on it."""
    return max((LIGHT_MARK, DARK_MARK), key=lambda mark: theme.contrast(mark, fill))


@dataclass(frozen=True)
class Colours:
    """What the circle is painted with, all taken from the palette (so it reads in the
    light and the dark theme, and is painted again when the palette changes)."""

    rings: tuple[QColor, QColor, QColor]  # the fills of the inner, middle and outer ring
    drop: QColor  # the ring a dragged person would land in
    ring_line: QColor
    ring_name: QColor  # "Inner circle" … along the top of each ring
    chip: QColor  # behind a person's name
    name: QColor  # a person's name
    legend: QColor  # the legend's words, on the window
    halo: QColor  # around each dot, to set it off from the ring


@dataclass(frozen=True)
class Placed:
    person: r.Person
    centre: QPointF


class ClosenessCircle(QWidget):
    moved = Signal(str, int)  # person id, new closeness (1 inner … 3 outer)
    activated = Signal(str)  # person id (double-click or Enter): edit them
    current_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeness-circle")
        self.setAccessibleName(self.tr("Closeness circle"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._people: list[r.Person] = []
        self._current: str | None = None
        self._dragging: str | None = None
        self._drag_at = QPointF()
        self._hover_ring: int | None = None
        self._read_only = False

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    # --- data -------------------------------------------------------------------------

    def set_people(self, people: Sequence[r.Person]) -> None:
        self._people = sorted(people, key=lambda p: (p.closeness, p.name.casefold()))
        if self._current not in {p.id for p in self._people}:
            self._current = None
        self._describe()
        self.update()

    def people(self) -> list[r.Person]:
        return list(self._people)

    def set_read_only(self, read_only: bool) -> None:
        """Looked at, not changed (a workbook opened read-only): people can still be picked,
        but not dragged or moved with keys."""
        self._read_only = read_only
        self._dragging = None
        self._hover_ring = None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.update()

    def is_read_only(self) -> bool:
        return self._read_only

    def current(self) -> str | None:
        return self._current

    def set_current(self, person_id: str | None) -> None:
        if person_id != self._current:
            self._current = person_id
            self.update()
            if person_id:
                self.current_changed.emit(person_id)

    def _describe(self) -> None:
        parts = []
        for ring in (1, 2, 3):
            names = [p.name for p in self._people if p.closeness == ring]
            parts.append(f"{labels.closeness(ring)}: {', '.join(names) or self.tr('no one')}")
        self.setAccessibleDescription("; ".join(parts))
        self.setToolTip(self.tr("Drag a person to another ring to change how close they are."))

    # --- geometry ---------------------------------------------------------------------

    def centre(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() / 2 - 10)

    def outer_radius(self) -> float:
        return max(min(self.width(), self.height() - 40) / 2 - 34, 60.0)

    def ring_bounds(self, ring: int) -> tuple[float, float]:
        outer = self.outer_radius()
        me = outer * ME
        width = (outer - me) / 3
        return me + (ring - 1) * width, me + ring * width

    def ring_at(self, point: QPointF) -> int:
        distance = math.dist((point.x(), point.y()), (self.centre().x(), self.centre().y()))
        for ring in (1, 2):
            if distance <= self.ring_bounds(ring)[1]:
                return ring
        return 3

    def placed(self) -> list[Placed]:
        centre = self.centre()
        result = []
        for ring in (1, 2, 3):
            members = [p for p in self._people if p.closeness == ring]
            inner, outer = self.ring_bounds(ring)
            radius = (inner + outer) / 2
            start = -math.pi / 2 + ring * 0.45
            for n, person in enumerate(members):
                angle = start + 2 * math.pi * n / max(len(members), 1)
                result.append(
                    Placed(
                        person,
                        QPointF(
                            centre.x() + radius * math.cos(angle),
                            centre.y() + radius * math.sin(angle),
                        ),
                    )
                )
        return result

    def position_of(self, person_id: str) -> QPointF:
        for place in self.placed():
            if place.person.id == person_id:
                return place.centre
        raise KeyError(person_id)

    def person_at(self, point: QPointF) -> str | None:
        for place in reversed(self.placed()):
            if math.dist((point.x(), point.y()), (place.centre.x(), place.centre.y())) <= DOT + 3:
                return place.person.id
        return None

    # --- painting ---------------------------------------------------------------------

    def colours(self) -> Colours:
        palette = self.palette()
        role = QPalette.ColorRole
        base, text = palette.color(role.Base), palette.color(role.Text)
        accent = palette.color(role.Highlight)
        rings = (theme.mix(accent, base, 0.16), theme.mix(accent, base, 0.08), QColor(base))
        hint = palette.color(role.PlaceholderText)
        hint = theme.mix(hint, rings[0], hint.alphaF())  # often half-transparent text
        if min(theme.contrast(hint, fill) for fill in rings) < 4.5:
            hint = theme.mix(text, rings[0], 0.75)
        return Colours(
            rings=rings,
            drop=theme.mix(accent, base, 0.3),
            ring_line=theme.mix(text, base, 0.35),
            ring_name=hint,
            chip=QColor(base),
            name=QColor(text),
            legend=palette.color(role.WindowText),
            halo=QColor(base),
        )

    def small_font(self) -> QFont:
        """Ring names, names and the legend."""
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 7))
        return small

    def name_box(self, person_id: str) -> QRectF:
        """Where a person's name is written (under their dot)."""
        for place in self.placed():
            if place.person.id == person_id:
                return self._name_box(place.person, place.centre, QFontMetrics(self.small_font()))
        raise KeyError(person_id)

    def _name_box(self, person: r.Person, at: QPointF, metrics: QFontMetrics) -> QRectF:
        name = metrics.elidedText(person.name, Qt.TextElideMode.ElideRight, 110)
        width = metrics.horizontalAdvance(name) + 8
        return QRectF(at.x() - width / 2, at.y() + DOT + 2, width, metrics.height() + 2)

    def changeEvent(self, event: QEvent) -> None:
        # A theme or text-size change: paint again with the new colours and sizes.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.colours()
        centre = self.centre()
        for ring in (3, 2, 1):
            outer = self.ring_bounds(ring)[1]
            fill = colours.rings[ring - 1]
            if self._dragging and self._hover_ring == ring:
                fill = colours.drop
            painter.setPen(QPen(colours.ring_line, 1.2))
            painter.setBrush(fill)
            painter.drawEllipse(centre, outer, outer)
        # Ring names along the top of each ring.
        small = self.small_font()
        painter.setFont(small)
        painter.setPen(colours.ring_name)
        for ring in (1, 2, 3):
            outer = self.ring_bounds(ring)[1]
            rect = QRectF(centre.x() - 70, centre.y() - outer + 2, 140, 16)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, labels.closeness(ring))
        me = self.outer_radius() * ME
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ME_FILL)
        painter.drawEllipse(centre, me * 0.75, me * 0.75)
        painter.setPen(mark_colour(ME_FILL))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            QRectF(centre.x() - me, centre.y() - me, 2 * me, 2 * me),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("me"),
        )
        metrics = QFontMetrics(small)
        for place in self.placed():
            person = place.person
            at = place.centre
            if person.id == self._dragging:
                at = self._drag_at
            self._paint_person(painter, person, at, small, metrics, colours)
        self._paint_legend(painter, small, colours)
        painter.end()

    def _paint_person(
        self,
        painter: QPainter,
        person: r.Person,
        at: QPointF,
        font: QFont,
        metrics: QFontMetrics,
        colours: Colours,
    ) -> None:
        is_current = person.id == self._current
        if is_current:
            painter.setPen(
                QPen(
                    self.palette().color(QPalette.ColorRole.Highlight), 3 if self.hasFocus() else 2
                )
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(at, DOT + 5, DOT + 5)
        fill = colour(person)
        painter.setPen(QPen(colours.halo, 2))
        painter.setBrush(fill)
        painter.drawEllipse(at, DOT, DOT)
        painter.setFont(font)
        painter.setPen(mark_colour(fill))
        painter.drawText(
            QRectF(at.x() - DOT, at.y() - DOT, 2 * DOT, 2 * DOT),
            Qt.AlignmentFlag.AlignCenter,
            sign(person),
        )
        box = self._name_box(person, at, metrics)
        name = metrics.elidedText(person.name, Qt.TextElideMode.ElideRight, 110)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.chip)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(colours.name)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_legend(self, painter: QPainter, font: QFont, colours: Colours) -> None:
        painter.setFont(font)
        metrics = QFontMetrics(font)
        entries = (
            (SUPPORTIVE, "+", self.tr("mostly supportive")),
            (NEUTRAL, "±", self.tr("mixed")),
            (CONFLICTED, "−", self.tr("mostly conflict")),
        )
        x = 10.0
        y = self.height() - metrics.height() - 10
        for fill, mark, text in entries:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawEllipse(QPointF(x + 8, y + metrics.height() / 2), 8, 8)
            painter.setPen(mark_colour(fill))
            painter.drawText(QRectF(x, y, 16, metrics.height()), Qt.AlignmentFlag.AlignCenter, mark)
            painter.setPen(colours.legend)
            painter.drawText(QPointF(x + 20, y + metrics.ascent()), text)
            x += 20 + metrics.horizontalAdvance(text) + 18

    # --- mouse ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        person_id = self.person_at(event.position())
        self.set_current(person_id)
        if person_id and not self._read_only:
            self._dragging = person_id
            self._drag_at = event.position()
            self._hover_ring = self.ring_at(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._drag_at = event.position()
            self._hover_ring = self.ring_at(event.position())
            self.update()
        else:
            over = self.person_at(event.position()) and not self._read_only
            self.setCursor(Qt.CursorShape.OpenHandCursor if over else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        person_id, self._dragging = self._dragging, None
        self._hover_ring = None
        self.update()
        if person_id is None:
            return
        self._move(person_id, self.ring_at(event.position()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        person_id = self.person_at(event.position())
        if person_id:
            self._dragging = None
            self.activated.emit(person_id)

    def _move(self, person_id: str, ring: int) -> None:
        if self._read_only:
            return
        person = next((p for p in self._people if p.id == person_id), None)
        if person is not None and person.closeness != ring:
            self.moved.emit(person_id, ring)

    # --- keyboard ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        order = [place.person.id for place in self.placed()]
        key = event.key()
        if not order:
            super().keyPressEvent(event)
            return
        position = order.index(self._current) if self._current in order else -1
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.set_current(order[(position + 1) % len(order)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.set_current(order[(position - 1) % len(order)])
        elif self._current and key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
            self._move(self._current, int(event.text()))
        elif self._current and key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Equal):
            person = next(p for p in self._people if p.id == self._current)
            step = 1 if key == Qt.Key.Key_Minus else -1
            self._move(self._current, min(max(person.closeness + step, 1), 3))
        elif self._current and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit(self._current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._current is None and self._people:
            self.set_current(self.placed()[0].person.id)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
