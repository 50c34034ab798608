"""The dark theme (issue #8): what a user reads stands out from what it is on (WCAG 4.5:1),
measured on the pixels the window actually shows or the colours it actually paints with;
and the small things found with it (help in a read-only workbook, sizes that follow the
text size, mnemonics, tips on submenus)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from iptwork.store import records as r
from iptwork.ui import theme
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers

READABLE = 4.5
TODAY = date.today()


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    theme.apply("dark", 100, qapp)
    assert theme.is_dark()
    yield
    theme.apply("system", 100, qapp)  # the look is the whole application's: put it back


def _pixels(image: QImage) -> Counter[int]:
    return Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))


def text_and_ground(image: QImage) -> tuple[QColor, QColor]:
    """The background (the commonest colour) and the text (the colour standing out most
    from it) of a picture of some text."""
    counts = _pixels(image)
    ground = QColor.fromRgb(counts.most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in counts), key=lambda c: theme.contrast(c, ground))
    return text, ground


def seen(widget: QWidget) -> QImage:
    """The widget as it is on screen, backgrounds painted by its parents included."""
    top = widget.window()
    return top.grab(QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())).toImage()


def assert_readable(widget: QWidget, least: float = READABLE) -> None:
    text, ground = text_and_ground(seen(widget))
    ratio = theme.contrast(text, ground)
    name = widget.objectName() or widget.property("role") or type(widget).__name__
    what = widget.text() if isinstance(widget, QLabel) else ""
    assert ratio >= least, f"{name} {what[:40]!r}: {text.name()} on {ground.name()} {ratio:.2f}"


def readable_labels(root: QWidget) -> list[QLabel]:
    """The hints, notes and empty-view notes on show under `root` (the muted texts)."""
    return [
        label
        for label in root.findChildren(QLabel)
        if label.isVisible()
        and label.text().strip()
        and (
            label.property("role") in ("hint", "note", "problem", "safety")
            or label.objectName() == "empty-note"
        )
    ]


# --- the review columns ---------------------------------------------------------------


def test_review_columns_are_readable_in_the_dark(
    qtbot: QtBot, dark: None, opened: MainWindow
) -> None:
    opened.actions.trigger("review.toggle")
    review = opened.course.review
    review.scope.setCurrentIndex(review.scope.findData("all"))
    review.load_ids()
    qtbot.waitExposed(review)
    assert review.interaction is not None
    base = review.palette().color(review.palette().ColorRole.Base)
    for body in review.columns.values():
        frame = body.parentWidget()
        assert isinstance(frame, QWidget)
        _text, ground = text_and_ground(seen(frame))
        assert theme.contrast(ground, base) < 1.1  # the dark base, not a white card
        assert_readable(body)
        title = frame.findChild(QLabel, "review-column-title")
        assert isinstance(title, QLabel)
        assert_readable(title)
    side = review.findChild(QWidget, "review-side")
    assert isinstance(side, QWidget)
    side_labels = [label for label in side.findChildren(QLabel) if label.isVisible()]
    assert len(side_labels) >= 3
    for label in side_labels:
        assert_readable(label)
    note_title = review.findChild(QLabel, "therapist-note-title")
    assert isinstance(note_title, QLabel)
    assert_readable(note_title)
    assert_readable(review.held_back_label)


def test_an_empty_review_column_says_so_in_a_readable_hint(
    qtbot: QtBot, dark: None, opened: MainWindow
) -> None:
    opened.actions.trigger("review.toggle")
    review = opened.course.review
    review.scope.setCurrentIndex(review.scope.findData("all"))
    review.load_ids()
    qtbot.waitExposed(review)
    assert review.interaction is not None
    review._fill(r.Interaction(occurred_at=review.interaction.occurred_at, said="Only this."))
    empty = review.columns["heard"]
    assert empty.text() == "(not written down)"
    assert empty.property("empty") is True
    assert empty.isEnabled()  # a hint colour, not the greyed-out disabled one
    assert_readable(empty)
    said_text, _ = text_and_ground(seen(review.columns["said"]))
    hint_text, _ = text_and_ground(seen(empty))
    assert said_text != hint_text  # set apart from the client's words


# --- the closeness circle -------------------------------------------------------------


def test_circle_names_and_ring_names_are_readable_in_the_dark(
    qtbot: QtBot, dark: None, opened: MainWindow
) -> None:
    opened.actions.trigger("view.inventory")
    circle = opened.inventory.circle
    qtbot.waitExposed(circle)
    people = circle.people()
    assert people
    picture = circle.grab().toImage()
    ratio = picture.devicePixelRatio()
    for person in people:
        # Inside the chip's rounded corners: only the chip and the name.
        box = circle.name_box(person.id).adjusted(3, 1, -3, -1)
        crop = picture.copy(
            QRect(
                round(box.x() * ratio),
                round(box.y() * ratio),
                round(box.width() * ratio),
                round(box.height() * ratio),
            )
        )
        text, ground = text_and_ground(crop)
        assert theme.contrast(text, ground) >= READABLE, person.name
        assert theme.luminance(ground) < 0.1  # a dark chip in the dark theme, not white
    colours = circle.colours()  # what paintEvent paints with
    for fill in colours.rings:
        assert theme.contrast(colours.ring_name, fill) >= READABLE
        assert theme.contrast(colours.name, colours.chip) >= 7
    window = circle.palette().color(circle.palette().ColorRole.Window)
    assert theme.contrast(colours.legend, window) >= 7


def test_circle_follows_a_change_of_theme(qtbot: QtBot, opened: MainWindow) -> None:
    opened.actions.trigger("view.inventory")
    circle = opened.inventory.circle
    qtbot.waitExposed(circle)
    try:
        theme.apply("light", 100)
        light = circle.colours()
        theme.apply("dark", 100)
        dark = circle.colours()
    finally:
        theme.apply("system", 100)
    assert theme.luminance(light.chip) > 0.8 > 0.1 > theme.luminance(dark.chip)
    assert theme.contrast(light.name, light.chip) >= 7
    assert theme.contrast(dark.name, dark.chip) >= 7


# --- hints and notes in each view -----------------------------------------------------


@pytest.fixture
def in_course(opened: MainWindow) -> MainWindow:
    """The sample workbook with two sessions (the latest with notes, no homework), and a
    PHQ-9 with item 9 above 0 between them."""
    document = opened.document
    assert document is not None
    document.save_session(None, r.TherapySession(1, TODAY - timedelta(days=14), "initial"))
    document.save_session(None, r.TherapySession(2, TODAY, "initial", notes="We met."))
    document.add_phq9(r.Phq9(TODAY - timedelta(days=3), (1, 1, 1, 1, 1, 1, 1, 1, 1)))
    return opened


VIEWS = (
    "view.interactions",
    "view.inventory",
    "view.focus",
    "view.sessions",
    "view.questionnaires",
    "view.timeline",
    "view.sheets",
)


def test_hints_and_notes_are_readable_in_every_view_in_the_dark(
    qtbot: QtBot, dark: None, in_course: MainWindow
) -> None:
    checked = 0
    for name in VIEWS:
        in_course.actions.trigger(name)
        page = in_course.tabs.currentWidget()
        assert isinstance(page, QWidget)
        qtbot.waitExposed(page)
        for label in readable_labels(page):
            assert_readable(label)
            checked += 1
    assert checked >= 8


def test_the_safety_note_stands_out_in_the_dark(
    qtbot: QtBot, dark: None, in_course: MainWindow
) -> None:
    in_course.actions.trigger("view.sessions")
    page = in_course.sessions_view.since
    qtbot.waitExposed(page)
    assert page.item9.isVisible()
    assert page.item9.property("role") == "safety"
    text, ground = text_and_ground(seen(page.item9))
    assert theme.contrast(text, ground) >= 7
    window = page.palette().color(page.palette().ColorRole.Window)
    assert theme.contrast(ground, window) >= 7  # a bright box on the dark window


def test_session_notes_and_alerts_use_colours_of_the_theme(
    qtbot: QtBot, dark: None, in_course: MainWindow
) -> None:
    in_course.actions.trigger("view.sessions")
    view = in_course.sessions_view
    qtbot.waitExposed(view)
    html = view.notes.toHtml()
    assert "Nothing written yet." in html  # the homework
    base = view.notes.palette().color(view.notes.palette().ColorRole.Base)
    colours = set(re.findall(r"color:(#[0-9a-fA-F]{6})", html))
    assert colours
    for colour in colours:
        assert theme.contrast(QColor(colour), base) >= READABLE, colour

    in_course.actions.trigger("view.questionnaires")
    table = in_course.questionnaires.table
    qtbot.waitExposed(table)
    model = table.model()
    alerts = [
        model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole)
        for row in range(model.rowCount())
        if model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole) is not None
    ]
    assert alerts  # the PHQ-9 with item 9 above 0
    table_base = table.palette().color(table.palette().ColorRole.Base)
    for colour in alerts:
        assert theme.contrast(colour, table_base) >= READABLE


def test_tick_boxes_can_be_seen_in_the_dark(qtbot: QtBot, dark: None) -> None:
    box = QCheckBox("anxious")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    picture = box.grab().toImage()
    indicator = picture.copy(QRect(0, 0, picture.height(), picture.height()))
    ground = box.palette().color(box.palette().ColorRole.Window)
    outline = max(
        (QColor.fromRgb(p) for p in _pixels(indicator)), key=lambda c: theme.contrast(c, ground)
    )
    assert theme.contrast(outline, ground) >= 3  # WCAG's least for a control's edge


# --- the small things -----------------------------------------------------------------


def test_empty_notes_and_titles_follow_the_text_size(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    label = window.sessions_view.empty  # no workbook: the empty note
    try:
        theme.apply("system", 100, qapp)
        normal = label.font().pointSizeF()
        assert normal == pytest.approx(QApplication.font().pointSizeF() * theme.EMPTY_NOTE)
        theme.apply("system", 150, qapp)
        assert label.font().pointSizeF() == pytest.approx(normal * 1.5)
    finally:
        theme.apply("system", 100, qapp)
    assert label.font().pointSizeF() == pytest.approx(normal)


def test_the_when_label_is_a_mnemonic_not_an_ampersand(qtbot: QtBot, opened: MainWindow) -> None:
    from PySide6.QtWidgets import QDialog

    from iptwork.ui.interaction_form import InteractionFormDialog
    from tests.gui.helpers import in_modal, wait_listed

    wait_listed(qtbot, opened)
    view = opened.interactions
    view.select(view.model.ids()[0])
    found: list[bool] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, InteractionFormDialog)
        labels = [label for label in dialog.findChildren(QLabel) if label.text() == "&When"]
        found.append(len(labels) == 1 and labels[0].buddy() is dialog.when)
        dialog.reject()

    in_modal(qtbot, lambda: opened.actions.trigger("interaction.edit"), look)
    assert found == [True]  # shown as "When", and Alt+W goes to the date


def test_submenus_and_recent_workbooks_have_tips(opened: MainWindow) -> None:
    file_menu = next(
        a.menu() for a in opened.menuBar().actions() if a.text().replace("&", "") == "File"
    )
    assert isinstance(file_menu, QMenu)
    submenus = [a for a in file_menu.actions() if isinstance(a.menu(), QMenu)]
    assert len(submenus) >= 2  # Open recent, Export
    for action in submenus:
        assert len(action.statusTip().split()) >= 3, action.text()
    recent = opened.recent_menu
    recent.aboutToShow.emit()
    entries = [a for a in recent.actions() if not a.isSeparator()]
    assert entries
    for action in entries:
        assert action.statusTip().startswith("Open ")
        assert str(Path(opened.settings.recent_files[0])) in entries[0].statusTip()


def test_help_works_and_the_sessions_note_is_true_in_a_read_only_workbook(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    from iptwork.store.lock import WorkbookLock
    from iptwork.store.workbook import create_workbook

    path = tmp_path / "empty.iptw"
    with create_workbook(path, title="Empty"):
        pass
    other = WorkbookLock(path)
    other.acquire()
    try:
        answers.choose.append("read_only")
        assert window.open_path(path)
        qtbot.waitUntil(lambda: not window.ops.busy)
        assert window.document is not None
        assert window.document.workbook.read_only
        for name in ("help.guide", "help.crisis", "help.about"):
            assert window.actions[name].isEnabled(), name
        window.actions.trigger("view.sessions")
        view = window.sessions_view
        qtbot.waitExposed(view)
        assert view.empty.isVisible()
        assert not view.new_button.isEnabled()
        assert "New session" not in view.empty.text()
        assert "read-only" in view.empty.text()
    finally:
        other.release()
