"""Shared fixtures: a fresh workbook per test, and a headless Qt for the GUI tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests run without a display, always (CI has none; a developer's screen stays quiet).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("MPLBACKEND", "Agg")

from iptwork.store.workbook import Workbook, create_workbook


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    return tmp_path / "workbook.iptw"


@pytest.fixture
def workbook(workbook_path: Path) -> Iterator[Workbook]:
    wb = create_workbook(workbook_path, title="Test workbook")
    yield wb
    wb.close()
