"""Views that read the workbook again only when someone can see them."""

from __future__ import annotations

from typing import Any, ClassVar


class ReloadOnShow:
    """Mixin (before QWidget) for a view with a `reload()` that reads the open workbook:
    a change of one of the `RELOAD_ON` kinds reloads it now if it is on screen, else the
    next time it is shown. The view keeps `_stale` and `_document`."""

    RELOAD_ON: ClassVar[frozenset[str]]
    _stale: bool
    _document: Any

    def on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & self.RELOAD_ON:
            self._stale = True
            if self.isVisible():  # type: ignore[attr-defined]
                self.reload()  # type: ignore[attr-defined]

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale and self._document is not None:
            self.reload()  # type: ignore[attr-defined]
