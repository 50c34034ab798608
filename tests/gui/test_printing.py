"""File ▸ Print: the workbook PDF is built in memory, Qt's print dialog picks the printer
and the pages, and every chosen page reaches the printer (here: a PDF file through
QPrinter's PdfFormat, read back with pypdf). Cancel leaves nothing; a password-protected
workbook prints without any file of ours on disk."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from iptwork.ui import printing
from iptwork.ui.export_dialog import ExportDialog
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal

#: Low resolution keeps the tests fast; the pages are the same, only coarser.
TEST_DPI = 36


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """The print dialog answers "print to tmp_path/printed.pdf"; the page counts it was
    offered are listed."""
    offered: list[int] = []

    def ask(_parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
        offered.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    return offered


def choose_options(
    qtbot: QtBot, dialog: QDialog, setup: Callable[[ExportDialog], None] | None = None
) -> None:
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.facts is not None)
    if setup is not None:
        setup(dialog)
    dialog.ok_button.click()


def print_from(
    qtbot: QtBot, main: MainWindow, setup: Callable[[ExportDialog], None] | None = None
) -> None:
    """Ctrl+P's action, the options accepted as they are (or as `setup` sets them)."""
    main.exporter.print_max_dpi = TEST_DPI
    in_modal(
        qtbot,
        lambda: main.actions.trigger("file.print"),
        lambda dialog: choose_options(qtbot, dialog, setup),
    )


def wait_idle(qtbot: QtBot, main: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: main.exporter.progress is None and not main.ops.busy,
        timeout=30_000,
    )


def built_pages(main: MainWindow, tmp_path: Path) -> int:
    """The page count of the same workbook exported as a PDF file (the export's own way)."""
    from iptwork.interchange.selection import ExportOptions
    from iptwork.report import export_pdf

    assert main.document is not None
    return export_pdf(main.document.workbook, ExportOptions(), tmp_path / "exported.pdf")


def test_every_page_is_printed_sharp_enough_and_whole(
    qtbot: QtBot, opened: MainWindow, asked: list[int], tmp_path: Path
) -> None:
    print_from(qtbot, opened)
    printed = tmp_path / "printed.pdf"
    qtbot.waitUntil(lambda: "was saved as" in opened.statusBar().currentMessage(), timeout=30_000)
    wait_idle(qtbot, opened)
    expected = built_pages(opened, tmp_path)
    assert asked == [expected]  # the dialog offered pages 1 to N of the built PDF
    reader = PdfReader(printed)
    assert len(reader.pages) == expected > 3
    assert f"({expected} pages)" in opened.statusBar().currentMessage()
    # Each sheet is one picture of the page, at the resolution asked for, the page's
    # proportions kept (A4 onto the printer's paper).
    page = reader.pages[0]
    (image,) = page.images
    width, height = image.image.size
    assert abs(width - 210 / 25.4 * TEST_DPI) <= 2
    assert abs(height / width - 297 / 210) < 0.01


def test_the_page_range_chosen_is_what_prints(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    printed = tmp_path / "range.pdf"

    def ask(_parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
        assert page_count >= 4
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        ranges = QPageRanges()
        ranges.addRange(2, 3)
        ranges.addPage(page_count)
        printer.setPageRanges(ranges)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    print_from(qtbot, opened)
    qtbot.waitUntil(lambda: "was saved as" in opened.statusBar().currentMessage(), timeout=30_000)
    wait_idle(qtbot, opened)
    assert len(PdfReader(printed).pages) == 3


def test_copies_and_page_order_when_the_printer_cannot_make_them(qapp: Any) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # no copies of its own
    assert not printer.supportsMultipleCopies()
    printer.setFromTo(2, 3)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    assert printing.pages_to_print(printer, 5) == [1, 2]
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert printing.pages_to_print(printer, 5) == [1, 2, 1, 2]
    printer.setCollateCopies(False)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert printing.pages_to_print(printer, 5) == [2, 2, 1, 1]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setCopyCount(1)
    assert printing.pages_to_print(printer, 3) == [2, 1, 0]


def test_cancel_while_printing_leaves_no_file(
    qtbot: QtBot,
    opened: MainWindow,
    asked: list[int],
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    first_page = threading.Event()
    go_on = threading.Event()
    paint = printing._paint_page

    def paint_then_wait(*args: Any) -> None:
        paint(*args)
        first_page.set()
        assert go_on.wait(10)

    monkeypatch.setattr(printing, "_paint_page", paint_then_wait)
    print_from(qtbot, opened)
    qtbot.waitUntil(first_page.is_set, timeout=30_000)
    progress = opened.exporter.progress
    assert progress is not None
    assert progress.objectName() == "print-progress"
    assert progress.isVisible()
    progress.findChild(QPushButton).click()  # Cancel
    go_on.set()
    wait_idle(qtbot, opened)
    assert not (tmp_path / "printed.pdf").exists()
    assert list(tmp_path.glob("*.pdf")) == []
    assert "cancelled; nothing was printed" in opened.statusBar().currentMessage()
    assert answers.said == []  # a quiet cancel


def test_cancel_in_the_print_dialog_prints_nothing(
    qtbot: QtBot, opened: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    """The real QPrintDialog offers the built PDF's pages; closing it prints nothing."""
    seen: list[tuple[int, int]] = []

    def close_print_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog) and dialog.isVisible():
            seen.append((dialog.minPage(), dialog.maxPage()))
            dialog.reject()

    # The print dialog opens once the PDF is built, in its own event loop: a timer finds it.
    watch = QTimer()
    watch.timeout.connect(close_print_dialog)
    watch.start(20)
    try:
        print_from(qtbot, opened)
        qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    finally:
        watch.stop()
    wait_idle(qtbot, opened)
    assert seen == [(1, built_pages(opened, tmp_path))]
    assert opened.statusBar().currentMessage() == "Nothing was printed."
    assert answers.said == []
    assert list(tmp_path.glob("printed*.pdf")) == []


def test_no_printer_set_up_says_so_calmly(
    qtbot: QtBot, opened: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(_parent: QWidget | None, printer: QPrinter, _page_count: int) -> bool:
        # What a computer without printers offers: a PDF printer with no file chosen.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName("")
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    print_from(qtbot, opened)
    qtbot.waitUntil(lambda: bool(answers.said), timeout=30_000)
    wait_idle(qtbot, opened)
    title, text = answers.said[0]
    assert title == "Nothing was printed"
    assert text.startswith("No printer is set up on this computer.")


def test_a_page_that_cannot_be_drawn_stops_calmly_and_leaves_no_file(
    qtbot: QtBot,
    opened: MainWindow,
    asked: list[int],
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    def broken(*_args: Any) -> None:
        raise pypdfium2.PdfiumError("Failed to render the page")

    monkeypatch.setattr(printing, "_paint_page", broken)
    print_from(qtbot, opened)
    qtbot.waitUntil(lambda: bool(answers.said), timeout=30_000)
    wait_idle(qtbot, opened)
    title, text = answers.said[0]
    assert title == "Nothing more was printed"
    assert text.startswith("Page 1 could not be drawn for printing")
    assert not (tmp_path / "printed.pdf").exists()


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def test_a_protected_workbook_prints_with_no_plain_copy_on_disk(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    asked: list[int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from iptwork.store.workbook import create_workbook
    from tests.gui import sample

    path = tmp_path / "locked.iptw"
    with create_workbook(path, title="Locked", password="pw") as wb:
        sample.fill(wb)
    answers.passwords.append("pw")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: not window.interactions.loading and not window.ops.busy)
    # (The backup taken on open is written by then.) Every temporary file, ours or Qt's, would land here.
    spool = tmp_path / "temp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    monkeypatch.setenv("TMPDIR", str(spool))
    before = files_under(tmp_path)
    notes: list[str] = []

    def setup(dialog: ExportDialog) -> None:
        note = dialog.findChild(QLabel, "print-spool-note")
        assert note is not None
        assert note.isVisible()
        notes.append(note.text())
        dialog.date_from.setDate(QDate(1900, 1, 2))  # any change: the options are used

    print_from(qtbot, window, setup)
    qtbot.waitUntil(lambda: "was saved as" in window.statusBar().currentMessage(), timeout=30_000)
    wait_idle(qtbot, window)
    printed = tmp_path / "printed.pdf"
    assert files_under(tmp_path) - before == {printed}
    assert files_under(spool) == set()
    assert len(PdfReader(printed).pages) == asked[0]
    assert notes == [printing.SPOOL_NOTE]
    assert answers.said == [("password", "locked.iptw wrong=False")]


def test_a_plain_workbook_has_no_spool_note(qtbot: QtBot, opened: MainWindow) -> None:
    found: list[object] = []

    def look(dialog: QDialog) -> None:
        found.append(dialog.findChild(QLabel, "print-spool-note"))
        dialog.reject()

    in_modal(qtbot, lambda: opened.actions.trigger("file.print"), look)
    assert found == [None]
