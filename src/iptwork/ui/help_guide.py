"""Help ▸ Guide (F1): a short guide to communication analysis and to each part of the app.

The topics are Markdown files in `iptwork/resources/help/` (read through
`importlib.resources`, so the frozen bundle finds them too), one topic each, in file-name
order; a topic's first line is its `# Title`. The window has a contents list and a search
box that narrows the list to the topics mentioning every word typed and marks the first
match.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iptwork.ui import theme

OBJECT_NAME = "help-guide"
_MARKUP = re.compile(r"[*#|`_]+|\[|\]\([^)]*\)")


@dataclass(frozen=True)
class Topic:
    key: str  # the file's name without ".md", e.g. "02-communication-analysis"
    title: str
    markdown: str

    @property
    def plain(self) -> str:
        """The words of the topic without Markdown marks, lower case, for searching."""
        return " ".join(_MARKUP.sub(" ", self.markdown).lower().split())

    def matches(self, query: str) -> bool:
        words = query.lower().split()
        return all(word in self.plain for word in words)


def load_topics() -> list[Topic]:
    folder = importlib.resources.files("iptwork.resources").joinpath("help")
    found: list[Topic] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".md"):
            continue
        text = entry.read_text(encoding="utf-8")
        first, _, _rest = text.partition("\n")
        title = first.lstrip("#").strip() or entry.name
        found.append(Topic(entry.name.removesuffix(".md"), title, text))
    return found


class HelpWindow(QWidget):
    """The guide in its own window, beside the workbook (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(self.tr("iptwork guide"))
        self.topics = load_topics()
        self.search = QLineEdit()
        self.search.setObjectName("help-search")
        self.search.setPlaceholderText(self.tr("Search the guide…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the guide"))
        self.search.textChanged.connect(self._filter)
        self.contents = QListWidget()
        self.contents.setObjectName("help-contents")
        self.contents.setAccessibleName(self.tr("Contents"))
        for topic in self.topics:
            item = QListWidgetItem(topic.title)
            item.setData(Qt.ItemDataRole.UserRole, topic.key)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.nothing = QLabel()
        self.nothing.setWordWrap(True)
        self.nothing.setProperty("role", "hint")
        self.nothing.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        contents_label = QLabel(self.tr("&Contents"))
        contents_label.setBuddy(self.contents)
        side_layout.addWidget(self.search)
        side_layout.addWidget(contents_label)
        side_layout.addWidget(self.contents, 1)
        side_layout.addWidget(self.nothing)
        self.page = QTextBrowser()
        self.page.setObjectName("help-page")
        self.page.setAccessibleName(self.tr("Guide text"))
        self.page.setOpenLinks(False)
        self.page.document().setDocumentMargin(18)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 590])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(round(860 * theme.text_scale()), round(620 * theme.text_scale()))
        self.contents.setCurrentRow(0)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def topic(self, key: str) -> Topic | None:
        return next((t for t in self.topics if t.key == key), None)

    def current_key(self) -> str | None:
        item = self.contents.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def show_topic(self, key: str) -> None:
        """Show the topic `key` with every topic listed again (a search left over is cleared)."""
        if self.topic(key) is None:
            return
        self.search.clear()
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setHidden(False)
                self.contents.setCurrentItem(item)
                return

    def visible_keys(self) -> list[str]:
        return [
            str(self.contents.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.contents.count())
            if not self.contents.item(row).isHidden()
        ]

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        topic = self.topic(str(item.data(Qt.ItemDataRole.UserRole)))
        if topic is None:
            return
        self.page.setMarkdown(topic.markdown)
        self._mark_first_match()

    def _filter(self, query: str) -> None:
        query = query.strip()
        first_shown: QListWidgetItem | None = None
        for row, topic in enumerate(self.topics):
            item = self.contents.item(row)
            shown = not query or topic.matches(query)
            item.setHidden(not shown)
            if shown and first_shown is None:
                first_shown = item
        self.nothing.setVisible(first_shown is None)
        self.nothing.setText(
            self.tr("No topic mentions “%1”. Try another word.").replace("%1", query)
        )
        current = self.contents.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.contents.setCurrentItem(first_shown)
        else:
            self._mark_first_match()

    def _mark_first_match(self) -> None:
        """Select the first word of the query on the page, so the eye finds it."""
        words = self.search.text().split()
        cursor = self.page.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.page.setTextCursor(cursor)
        if words:
            self.page.find(words[0], QTextDocument.FindFlag(0))


def show_guide(parent: QWidget, topic: str | None = None) -> HelpWindow:
    """Show the guide (one window per main window), at `topic` if given."""
    window = parent.findChild(HelpWindow, OBJECT_NAME)
    if window is None:
        window = HelpWindow(parent)
    if topic is not None:
        window.show_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
