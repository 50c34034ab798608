"""Search results in the interaction list: ranked, with the matching words highlighted.

When the Find box has words in it, the list shows the matching interactions best match
first (SQLite FTS5's bm25 through `store.search.search`), and its third column shows where
the words were found ("What they said: …") with the words highlighted, instead of the
first line of what was said. The other filters still apply. The query runs on a worker
with the list's own query, and again after every change, so results follow edits,
imports and deletes.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from iptwork.ui import theme

if TYPE_CHECKING:
    from iptwork.store import records as r
    from iptwork.store.listing import SortKey
    from iptwork.store.search import SearchHit
    from iptwork.store.workbook import Workbook

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
#: How many of the best matches are ranked and get a snippet (what fits on a screen or two;
#: each snippet is one more FTS5 query); the rest follow in list order.
RANKED = 50
HIGHLIGHT = "background-color: #ffe48a; color: #1d1d1d; font-weight: 600;"
# store.search's match marks (private-use characters), copied here so the interaction list
# does not load the storage layer (SQLAlchemy) at start-up; a test checks they agree.
MARK_START, MARK_END = "\ue000", "\ue001"


def _tr(text: str) -> str:
    return QCoreApplication.translate("search", text)


FIELD_LABELS = {
    "setting": "What led up to it",
    "intended": "What I wanted",
    "said": "What I said",
    "other_said": "What they said",
    "heard": "What I took them to mean",
    "their_view": "What they might have wanted",
    "outcome": "How it ended",
    "alternative": "What else I could have said",
    "plan": "Next time",
    "therapist_note": "Therapist note",
}


def field_label(name: str) -> str:
    return _tr(FIELD_LABELS.get(name, name))


def plain(hit: SearchHit) -> str:
    """The hit as plain text: "What they said: …words…"."""
    text = hit.snippet.replace(MARK_START, "").replace(MARK_END, "")
    return f"{field_label(hit.field)}: {text}"


def snippet_html(hit: SearchHit, *, selected: bool = False, before: int = 28) -> str:
    """The hit as Qt rich text: user text escaped, the matches highlighted. At most
    `before` characters are kept ahead of the first match, so it shows in a narrow column."""
    snippet = hit.snippet
    first = snippet.find(MARK_START)
    if first > before:
        cut = snippet.rfind(" ", 0, first - before)
        snippet = "…" + snippet[(cut + 1 if cut >= 0 else first - before) :]
    parts: list[str] = []
    rest = snippet
    while rest:
        start = rest.find(MARK_START)
        if start < 0:
            parts.append(html.escape(rest))
            break
        parts.append(html.escape(rest[:start]))
        end = rest.find(MARK_END, start)
        if end < 0:
            end = len(rest)
        parts.append(f"<span style='{HIGHLIGHT}'>{html.escape(rest[start + 1 : end])}</span>")
        rest = rest[end + 1 :]
    label = html.escape(field_label(hit.field))
    label_style = "" if selected else f" style='color:{theme.tints().muted}'"
    return f"<span{label_style}>{label}:</span> {''.join(parts)}"


@dataclass(frozen=True)
class Listed:
    """The ids the list shows, in order, and the search hit of each matching one."""

    ids: list[str]
    hits: Mapping[str, SearchHit] = field(default_factory=dict)


def list_ranked(
    workbook: Workbook,
    where: r.InteractionFilter,
    sort: SortKey,
    descending: bool,
    by_rank: bool = True,
) -> Listed:
    """The list's ids for `where`; with search words, the best matches first (unless the
    person sorted by a column) and their snippets. Runs on a worker thread."""
    from iptwork.store import listing, search

    ids = listing.list_ids(workbook, where, sort, descending)
    if not where.text.strip() or not ids:
        return Listed(ids)
    with workbook.read() as connection:
        hits = search.search(
            connection, where.text, limit=RANKED, include_private=where.include_private
        )
    shown = set(ids)
    found = {hit.id: hit for hit in hits if hit.id in shown}
    if by_rank:
        ranked = [hit.id for hit in hits if hit.id in found]
        ids = ranked + [i for i in ids if i not in found]
    return Listed(ids, found)


class SnippetDelegate(QStyledItemDelegate):
    """Paints a search hit's snippet with its highlighting; other cells as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(SNIPPET_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget: QWidget | None = item.widget  # type: ignore[assignment]
        style = widget.style() if widget is not None else None
        item.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        document = QTextDocument()
        document.setDefaultFont(item.font)
        document.setDocumentMargin(2)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        markup = snippet_html(hit, selected=selected)
        document.setHtml(f"<span style='white-space:pre'>{markup}</span>")
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        rect = item.rect.adjusted(2, 0, -2, 0)
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - document.size().height()) / 2)
        painter.translate(rect.left(), top)
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()


def hit_data(hits: Mapping[str, Any], interaction_id: str) -> SearchHit | None:
    """What SNIPPET_ROLE gives: the hit (the delegate renders it), or None."""
    return hits.get(interaction_id)
