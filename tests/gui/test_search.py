"""Search in the interaction list: ranked results, highlighted snippets, kept in step."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iptwork.store import records as r
from iptwork.store import search
from iptwork.store.search import SearchHit
from iptwork.ui import search_results
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import wait_listed


def add(main: MainWindow, **texts: str) -> r.Interaction:
    assert main.document is not None
    person = main.document.people()[0]
    interaction = r.Interaction(
        occurred_at=datetime(2026, 3, 1, 12, 0), people=(person.id,), **texts
    )
    assert main.document.add_interaction(interaction)
    return interaction


def find(qtbot: QtBot, main: MainWindow, words: str) -> None:
    bar = main.interactions.filters
    bar.text.clear()
    qtbot.keyClicks(bar.text, words)
    qtbot.waitUntil(
        lambda: main.interactions._searched == words.strip() and not main.interactions.loading,
        timeout=3000,
    )


def shown(main: MainWindow) -> list[str]:
    return main.interactions.model.ids()


def test_results_are_ranked_and_highlighted(qtbot: QtBot, opened: MainWindow) -> None:
    once = add(opened, said="We talked about the garden once.")
    many = add(
        opened,
        setting="The garden again",
        said="Garden, garden, garden: all she wanted was the garden.",
        heard="That the garden matters more than I do.",
    )
    wait_listed(qtbot, opened)
    find(qtbot, opened, "garden")
    ids = shown(opened)
    assert ids[:2] == [many.id, once.id]  # the better match first, though both are as new
    model = opened.interactions.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Where the words are"
    hit = model.index(0, 2).data(search_results.SNIPPET_ROLE)
    assert isinstance(hit, SearchHit)
    assert hit.id == many.id
    cell = model.index(0, 2).data()
    assert cell.startswith("What I said: ")
    assert "Garden, garden" in cell
    assert search.MARK_START not in cell
    markup = search_results.snippet_html(hit)
    assert markup.count("background-color") >= 3
    # Other columns are as in the list.
    assert model.index(0, 1).data() == opened.document.people()[0].name  # type: ignore[union-attr]

    # A column header still sorts the results; new words rank them again.
    opened.interactions.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    wait_listed(qtbot, opened)
    assert len(shown(opened)) == 2
    find(qtbot, opened, "garde")  # a prefix, while typing
    assert shown(opened)[:2] == [many.id, once.id]


def test_results_follow_an_edit_and_a_delete(
    qtbot: QtBot, opened: MainWindow, answers: Answers
) -> None:
    document = opened.document
    assert document is not None
    find(qtbot, opened, "zebra")
    assert shown(opened) == []
    assert opened.interactions.empty.isVisible()

    old = document.interaction(document.list_ids(r.InteractionFilter(), "date", True)[0])
    assert old is not None
    assert document.update_interaction(old, replace(old, outcome="A zebra walked past, oddly."))
    qtbot.waitUntil(lambda: shown(opened) == [old.id], timeout=3000)
    hit = opened.interactions.model.index(0, 2).data(search_results.SNIPPET_ROLE)
    assert hit.field == "outcome"
    assert (
        opened.interactions.model.index(0, 2).data() == "How it ended: A zebra walked past, oddly."
    )

    opened.interactions.select(old.id)
    answers.confirm.append(True)
    opened.actions.trigger("interaction.delete")
    qtbot.waitUntil(lambda: shown(opened) == [], timeout=3000)
    opened.actions.trigger("edit.undo")
    qtbot.waitUntil(lambda: shown(opened) == [old.id], timeout=3000)


def test_snippets_escape_what_people_wrote() -> None:
    hit = SearchHit(
        "x",
        "other_said",
        f"I <3 my kid & <spouse> said {search.MARK_START}<b>no{search.MARK_END} again",
    )
    markup = search_results.snippet_html(hit)
    assert "&lt;3 my kid &amp; &lt;spouse&gt;" in markup
    assert "&lt;b&gt;no</span>" in markup
    assert "<b>" not in markup
    assert search_results.plain(hit) == "What they said: I <3 my kid & <spouse> said <b>no again"


def test_the_list_knows_the_stores_match_marks() -> None:
    assert (search_results.MARK_START, search_results.MARK_END) == (
        search.MARK_START,
        search.MARK_END,
    )


def test_a_long_snippet_keeps_the_match_in_view() -> None:
    before = "word " * 30
    hit = SearchHit("x", "said", f"{before}{search.MARK_START}needle{search.MARK_END} after")
    markup = search_results.snippet_html(hit)
    text = markup.split("</span> ", 1)[1]
    assert text.startswith("…")
    assert len(text.split("<span", 1)[0]) <= 32
