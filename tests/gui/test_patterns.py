"""The Patterns tab: summary and charts off the GUI thread, filters, click-through, tables."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iptwork import domain
from iptwork.ui.main_window import MainWindow
from iptwork.ui.patterns_view import IDS_ROLE, ChartPanel
from tests.gui.conftest import PLATFORM_NOISE

# The headless platform cannot raise a window (the click-through window is raised).
headless_raise = pytest.mark.qt_log_ignore(*PLATFORM_NOISE, "This plugin does not support raise")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from iptwork.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.iptw"
    create_demo(path, 120, 1)
    return path


@pytest.fixture
def demo(qtbot: QtBot, window: MainWindow, demo_file: Path, tmp_path: Path) -> MainWindow:
    """The demo workbook open on the Patterns tab, its charts computed."""
    path = tmp_path / "demo.iptw"
    shutil.copy(demo_file, path)
    assert window.open_path(path)
    show_patterns(qtbot, window)
    return window


def show_patterns(qtbot: QtBot, window: MainWindow) -> None:
    window.actions.trigger("view.patterns")
    wait_computed(qtbot, window)


def wait_computed(qtbot: QtBot, window: MainWindow) -> None:
    view = window.patterns
    qtbot.waitUntil(lambda: view.result is not None and not view.loading, timeout=20_000)


def pick(panel: ChartPanel, gid: str) -> None:
    """What a mouse click on the artist with this gid does: matplotlib's pick event."""
    from matplotlib.backend_bases import MouseEvent, PickEvent

    figure = panel.chart.figure
    artist = figure.findobj(lambda a: a.get_gid() == gid)[0]
    canvas = panel.canvas
    click = MouseEvent("button_press_event", canvas, 10, 10, button=1)
    canvas.callbacks.process(  # type: ignore[union-attr]
        "pick_event", PickEvent("pick_event", canvas, click, artist)
    )


def test_summary_safety_message_first_and_every_chart(demo: MainWindow) -> None:
    view = demo.patterns
    assert view.result is not None
    # The demo has a PHQ-9 with item 9 above 0: the calm safety message comes first.
    assert view.safety.isVisible()
    assert view.safety.text() == domain.ITEM9_MESSAGE
    summary = view.summary.text()
    assert "You wrote down 113 interactions" in summary
    assert domain.ITEM9_MESSAGE not in summary
    from iptwork.analysis.charts import CHARTS

    assert list(view.panels) == [key for key, _ in CHARTS]
    for panel in view.panels.values():
        assert not panel.chart.empty
        assert panel.canvas is not None
        assert panel.canvas.isVisible()
        assert panel.canvas.accessibleName() == panel.chart.title
        assert panel.canvas.accessibleDescription() == panel.chart.description
    assert not view.empty.isVisible()


def test_charts_are_computed_off_the_gui_thread(
    qtbot: QtBot,
    window: MainWindow,
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import matplotlib  # noqa: F401  (the real module, before it is wrapped)

    from iptwork.analysis import charts

    callers: list[threading.Thread] = []
    real = charts.all_charts

    def recording(*args: object, **kwargs: object) -> object:
        callers.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charts, "all_charts", recording)
    path = tmp_path / "demo.iptw"
    shutil.copy(demo_file, path)
    assert window.open_path(path)
    window.actions.trigger("view.patterns")
    assert window.patterns.loading  # started, not finished: the GUI thread went on
    wait_computed(qtbot, window)
    assert callers
    assert threading.main_thread() not in callers


def test_an_empty_workbook_gets_a_friendly_explanation(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from iptwork.store.workbook import create_workbook

    path = tmp_path / "empty.iptw"
    create_workbook(path, title="Empty").close()
    assert window.open_path(path)
    show_patterns(qtbot, window)
    view = window.patterns
    assert view.empty.isVisible()
    assert "once you have written down a few interactions" in view.empty.text()
    # No big pictures of empty axes: only the (empty) closeness circle, as a calm line.
    assert list(view.panels) == ["closeness_circle"]
    assert view.panels["closeness_circle"].canvas is None
    assert "No interactions in this range yet" in view.summary.text()


@headless_raise
def test_a_click_on_a_cell_shows_the_interactions_behind_it(demo: MainWindow) -> None:
    view = demo.patterns
    panel = view.panels["emotions_by_person"]
    gid, ids = max(panel.chart.hits.items(), key=lambda item: len(item[1]))
    pick(panel, gid)
    dialog = view.behind
    assert dialog is not None
    assert dialog.isVisible()
    assert set(dialog.model.ids()) == set(ids)
    assert str(len(set(ids))) in dialog.heading.text()
    assert "Feelings, per person" in dialog.windowTitle()
    assert "What I wanted" in dialog.detail.toPlainText()

    # A bar of another chart refills the same window.
    bars = view.panels["understood_by_person"]
    gid, ids = next(iter(bars.chart.hits.items()))
    pick(bars, gid)
    assert view.behind is dialog
    assert set(dialog.model.ids()) == set(ids)


def test_filters_change_the_charts(qtbot: QtBot, demo: MainWindow) -> None:
    view = demo.patterns
    before = view.result
    assert before is not None
    people = {key.split(":")[1] for key in before.charts["understood_by_person"].hits}
    assert len(people) > 1

    combo = view.filters.person
    combo.setCurrentIndex(combo.findText("Alex"))
    qtbot.waitUntil(lambda: view.result is not before and not view.loading, timeout=20_000)
    after = view.result
    assert after is not None
    assert after.flt.people
    alex = after.flt.people[0]
    assert {key.split(":")[1] for key in after.charts["understood_by_person"].hits} == {alex}
    assert after.interactions < before.interactions
    assert "You wrote down 56 interactions" in view.summary.text()

    # A range with nothing in it: the friendly explanation, with what to do.
    from PySide6.QtCore import QDate

    view.filters.date_from.setDate(QDate(2030, 1, 1))
    qtbot.waitUntil(lambda: view.result is not after and not view.loading, timeout=20_000)
    assert view.empty.isVisible()
    assert "No interactions match these filters" in view.empty.text()


@headless_raise
def test_charts_have_a_table_alternative(
    qtbot: QtBot, demo: MainWindow, qtmodeltester: ModelTester
) -> None:
    view = demo.patterns
    panel = view.panels["emotions_by_person"]
    panel.table_button.click()
    assert panel.table_view is not None
    assert panel.table_view.isVisible()
    assert panel.canvas is not None
    assert not panel.canvas.isVisible()
    model = panel.table_model
    assert model is not None
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Person (interactions)"
    first_person = model.data(model.index(0, 0))
    assert first_person.startswith("Alex")
    # A cell opens its interactions, just like a click on the picture.
    cell = next(
        model.index(0, column)
        for column in range(1, model.columnCount())
        if model.index(0, column).data(IDS_ROLE)
    )
    panel.table_view.activated.emit(cell)
    assert view.behind is not None
    assert view.behind.isVisible()
    assert set(view.behind.model.ids()) == set(cell.data(IDS_ROLE))
    panel.table_button.click()
    assert panel.canvas.isVisible()
    for key in ("understood_by_person", "problems_by_person", "closeness_circle"):
        table = view.panels[key]
        table.table_button.click()
        assert table.table_model is not None
        assert table.table_model.rowCount() > 0
        qtmodeltester.check(table.table_model)


def test_changes_to_the_workbook_redraw_the_patterns(qtbot: QtBot, demo: MainWindow) -> None:
    view = demo.patterns
    before = view.result
    assert before is not None
    assert demo.document is not None
    counted = next(iter(before.charts["activity"].hits.values()))[0]  # not private
    demo.document.delete_interactions([counted])
    qtbot.waitUntil(lambda: view.result is not before and not view.loading, timeout=20_000)
    assert view.result is not None
    assert view.result.interactions == before.interactions - 1
