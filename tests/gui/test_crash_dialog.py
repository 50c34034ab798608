"""A bug ends in a calm dialog whose details help a report and never hold what the
person wrote (exception messages can quote it: a database error lists its values)."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from iptwork.ui import alerts
from iptwork.ui.app import install_crash_handler
from iptwork.ui.main_window import MainWindow

SECRET = "Alex hit me again on Tuesday"


def _fail_deep() -> None:
    try:
        raise ValueError(f"bad value {SECRET!r}")
    except ValueError as error:
        raise RuntimeError(f"(sqlite3.IntegrityError) [parameters: ('{SECRET}',)]") from error


def test_the_crash_dialog_shows_where_but_not_what(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(alerts, "crash", lambda _parent, details: shown.append(details))
    previous = sys.excepthook
    try:
        install_crash_handler(window)
        try:
            _fail_deep()
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    (details,) = shown
    assert SECRET not in details
    assert SECRET not in capsys.readouterr().err
    assert "builtins.RuntimeError" in details
    assert "test_crash_dialog.py" in details
    assert "_fail_deep" in details
    assert "Caused by builtins.ValueError" in details
    assert "iptwork" in details.splitlines()[0]


def test_a_failing_crash_dialog_falls_back_to_the_previous_hook(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_parent: Any, _details: str) -> None:
        raise OSError("no display")

    seen: list[type[BaseException]] = []
    monkeypatch.setattr(alerts, "crash", broken)
    previous = sys.excepthook
    sys.excepthook = lambda kind, _error, _trace: seen.append(kind)
    try:
        install_crash_handler(window)
        try:
            raise KeyError("x")
        except KeyError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert seen == [KeyError]
