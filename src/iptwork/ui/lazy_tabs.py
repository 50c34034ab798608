"""Tabs whose views are built the first time they are shown or asked for.

The main window has nine views; building them all (and importing their modules) before
the window appears would double its start-up time. Each tab holds a light page until then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class _Page(QWidget):
    """A tab's page: empty until it is first shown, then it holds the real view."""

    def __init__(self, build: Callable[[], QWidget], on_built: Callable[[], None]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build: Callable[[], QWidget] | None = build
        self._on_built = on_built
        self.view: QWidget | None = None

    def build(self) -> QWidget:
        if self.view is None:
            assert self._build is not None
            build, self._build = self._build, None
            self.view = build()
            self.layout().addWidget(self.view)
            if self.isVisible():
                self.view.show()
            self._on_built()
        return self.view

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)


class LazyTabs(QObject):
    """The views of a QTabWidget, each built once, on first show or first use."""

    #: The key of a view that was just built (its data can be loaded now).
    built = Signal(str)

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._pages: dict[str, _Page] = {}

    def add(self, key: str, text: str, build: Callable[[], QWidget]) -> None:
        page = _Page(build, lambda: self.built.emit(key))
        page.setObjectName(f"{key}-page")
        self._pages[key] = page
        self.tabs.addTab(page, text)

    def view(self, key: str) -> QWidget:
        """The view, built now if it was not yet."""
        return self._pages[key].build()

    def built_view(self, key: str) -> QWidget | None:
        """The view if it has been built, else None (nothing is built)."""
        return self._pages[key].view

    def built_items(self) -> list[tuple[str, QWidget]]:
        """(key, view) of every view built so far, in tab order."""
        return [(key, page.view) for key, page in self._pages.items() if page.view is not None]

    def built_views(self) -> list[QWidget]:
        """Every view built so far (views built later announce themselves by `built`)."""
        return [view for _key, view in self.built_items()]

    def show(self, key: str) -> QWidget:
        """Bring the view's tab to the front (building it first) and return the view."""
        view = self.view(key)
        self.tabs.setCurrentWidget(self._pages[key])
        return view

    def current(self) -> QWidget | None:
        """The view on the tab in front, if it has been built."""
        page = self.tabs.currentWidget()
        return page.view if isinstance(page, _Page) else None
