"""File → Export PDF / Print / Export JSON or CSV / Import JSON, run off the GUI thread.

The main window owns one `Exporter`; each command asks through `ExportDialog` (what to
include, how private), then writes on a worker (`Ops`) while the window stays responsive.
A PDF shows a progress bar with Cancel (a cancelled PDF leaves no file: the report writes
atomically). Every failure the user can act on ends in one calm alert.

Printing builds the same PDF in memory (never in a temporary file, so a password-protected
workbook prints too), asks in Qt's print dialog, and paints the pages onto the printer on a
worker, again with a progress bar and Cancel (`ui.printing`).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog

from iptwork.store.errors import WorkbookError
from iptwork.ui import alerts, printing
from iptwork.ui.export_dialog import ExportDialog, ExportRequest, Kind

if TYPE_CHECKING:
    from iptwork.ui.document import Document
    from iptwork.ui.main_window import MainWindow

#: How many automatic copies taken before imports are kept per workbook.
IMPORT_BACKUPS = 5

#: Work that reports progress(done, total) and stops when cancelled() turns true.
ProgressWork = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


def open_externally(path: Path) -> bool:
    """Open a file with the system's program for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class _Progress(QObject):
    """Lives on the GUI thread; the worker emits, the progress bar follows (queued)."""

    moved = Signal(int, int)


class Exporter(QObject):
    busy_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._stop: threading.Event | None = None  # Cancel of the job in progress
        self.progress: QProgressDialog | None = None  # while a PDF is written or printed
        #: Pages are rendered for the printer at most this sharp (tests print faster).
        self.print_max_dpi = printing.MAX_DPI

    # --- helpers ----------------------------------------------------------------------

    def _status(self, text: str, msecs: int = 8000) -> None:
        self._window.statusBar().showMessage(text, msecs)

    def _ask(
        self, kind: Kind, dialog: type[ExportDialog] = ExportDialog
    ) -> tuple[Document, ExportRequest] | None:
        window = self._window
        document = window.document
        if document is None:
            return None
        request = dialog.ask(window, kind, window.settings, document, window.ops.run)
        if request is None or window.document is not document:
            return None
        return document, request

    def _target(self, document: Document, kind: str, summary: bool = False) -> Path | None:
        settings = self._window.settings
        folder = settings.export_folder
        if folder is None or not folder.is_dir():
            folder = document.path.parent
        stem = document.path.stem + (" since the last session" if summary else "")
        target = alerts.ask_export_path(self._window, folder / f"{stem}.{kind}", kind)
        if target is not None:
            settings.export_folder = target.parent
        return target

    def _run_with_progress(
        self,
        name: str,
        title: str,
        label: str,
        work: ProgressWork,
        on_done: Callable[[Any], None],
        on_failed: Callable[[WorkbookError], None],
    ) -> None:
        """Run `work(progress, cancelled)` on a worker behind a window-modal progress bar
        whose Cancel sets `cancelled`; the outcome arrives on the GUI thread."""
        window = self._window
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, window)
        progress.setObjectName(name)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        stop = threading.Event()
        progress.canceled.connect(stop.set)
        relay = _Progress(self)

        def moved(done: int, total: int) -> None:
            if progress.maximum() != total:
                progress.setMaximum(total)
            progress.setValue(done)

        relay.moved.connect(moved)

        def finish() -> None:
            self.progress = None
            self._stop = None
            progress.close()
            progress.deleteLater()
            relay.deleteLater()
            self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(error: WorkbookError) -> None:
            finish()
            on_failed(error)

        self.progress = progress
        self._stop = stop
        self.busy_changed.emit(True)
        window.ops.run(
            lambda: work(lambda done, total: relay.moved.emit(done, total), stop.is_set),
            done,
            failed,
        )
        progress.show()

    # --- PDF --------------------------------------------------------------------------

    def export_pdf(self) -> None:
        asked = self._ask("pdf")
        if asked is None:
            return
        document, request = asked
        target = self._target(document, "pdf", request.since_last_session)
        if target is None:
            return

        def done(pages: int, _data: bytes) -> None:
            self._status(
                self.tr("The PDF (%1 pages) was saved as %2")
                .replace("%1", str(pages))
                .replace("%2", str(target))
            )
            if request.open_when_done:
                open_externally(target)

        self._build_pdf(document, request, done, target)

    def _build_pdf(
        self,
        document: Document,
        request: ExportRequest,
        on_done: Callable[[int, bytes], None],
        target: Path | None = None,
    ) -> None:
        """Build the PDF on a worker with a progress bar and Cancel: into `target`, or
        into memory when there is none (printing). `on_done(pages, data)` gets the bytes
        built in memory (empty for a file)."""
        workbook = document.workbook
        options = request.options
        since = request.since_last_session

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> tuple[int, bytes]:
            from iptwork.report import PdfChoice, export_pdf

            memory = io.BytesIO() if target is None else None
            pages = export_pdf(
                workbook,
                options,
                target if memory is None else memory,
                choice=PdfChoice.summary() if since else None,
                progress=progress,
                cancelled=cancelled,
            )
            return pages, b"" if memory is None else memory.getvalue()

        def failed(error: WorkbookError) -> None:
            from iptwork.report import PdfCancelled

            if isinstance(error, PdfCancelled):
                self._status(
                    self.tr("The export was cancelled; nothing was written.")
                    if target is not None
                    else self.tr("Printing was cancelled; nothing was printed.")
                )
            elif target is not None:
                alerts.problem(self._window, self.tr("The PDF was not saved"), str(error))
            else:
                alerts.problem(self._window, self.tr("Nothing was printed"), str(error))

        self._run_with_progress(
            "pdf-progress",
            self.tr("Export a PDF") if target is not None else self.tr("Print"),
            self.tr("Writing the PDF…") if target is not None else self.tr("Preparing the pages…"),
            work,
            lambda result: on_done(*result),
            failed,
        )

    # --- printing ---------------------------------------------------------------------

    def print_workbook(self) -> None:
        """File ▸ Print: the export choices, the PDF built in memory, Qt's print dialog,
        then the pages painted onto the printer."""
        document = self._window.document
        if document is None:
            return
        # A protected workbook prints too (nothing goes to disk); its dialog says what the
        # printing system may keep.
        protected = document.workbook.encrypted
        asked = self._ask("print", printing.PrintOptionsDialog if protected else ExportDialog)
        if asked is None:
            return
        document, request = asked
        name = document.path.stem
        self._build_pdf(document, request, lambda pages, data: self._print(name, pages, data))

    def _print(self, name: str, pages: int, data: bytes) -> None:
        window = self._window
        printer = printing.new_printer(name)
        if not printing.ask_printer(window, printer, pages):
            self._status(self.tr("Nothing was printed."))
            return
        problem = printing.printer_problem(printer)
        if problem is not None:
            alerts.problem(window, self.tr("Nothing was printed"), problem)
            return
        max_dpi = self.print_max_dpi

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> printing.Printed:
            return printing.print_pdf(
                data, printer, max_dpi=max_dpi, progress=progress, cancelled=cancelled
            )

        def done(printed: printing.Printed) -> None:
            if printed.to_file:
                text = self.tr("The printout (%1 pages) was saved as %2").replace(
                    "%2", printed.to_file
                )
            else:
                text = self.tr("%1 pages were sent to the printer %2.").replace(
                    "%2", printed.printer
                )
            self._status(text.replace("%1", str(printed.sheets)), 15000)

        def failed(error: WorkbookError) -> None:
            if not isinstance(error, printing.PrintCancelled):
                alerts.problem(window, self.tr("Nothing more was printed"), str(error))
            elif error.withdrawn:
                self._status(self.tr("Printing was cancelled; nothing was printed."))
            else:
                self._status(
                    self.tr(
                        "Printing was cancelled. The %1 pages already sent may still come "
                        "out; the printer's queue can stop them."
                    ).replace("%1", str(error.sent)),
                    15000,
                )

        self._run_with_progress(
            "print-progress", self.tr("Print"), self.tr("Printing…"), work, done, failed
        )

    def cleanup(self) -> None:
        """Stop a PDF or a printout still being made (the workbook closes, the app quits)."""
        if self._stop is not None:
            self._stop.set()

    # --- JSON and CSV -----------------------------------------------------------------

    def export_data(self, kind: Kind) -> None:
        asked = self._ask(kind)
        if asked is None:
            return
        document, request = asked
        target = self._target(document, kind)
        if target is None:
            return
        workbook = document.workbook
        options = request.options

        def work() -> int:
            from iptwork.interchange import write_csv, write_json

            writer = write_json if kind == "json" else write_csv
            return writer(workbook, options, target)

        def done(count: int) -> None:
            self._status(
                self.tr("%1 interactions were exported to %2")
                .replace("%1", f"{count:,}")
                .replace("%2", str(target))
            )

        self._status(self.tr("Exporting…"), 0)
        self._window.ops.run(
            work,
            done,
            lambda error: alerts.problem(self._window, self.tr("Nothing was exported"), str(error)),
        )

    # --- import -----------------------------------------------------------------------

    def import_json(self) -> None:
        window = self._window
        document = window.document
        if document is None:
            return
        folder = window.settings.export_folder or document.path.parent
        path = alerts.ask_import_path(window, folder)
        if path is None:
            return
        workbook = document.workbook
        backups = window.data_folder / "backups"

        def work() -> tuple[Any, Path | None]:
            from iptwork.interchange import import_file
            from iptwork.store import backup

            # An import is not undoable step by step: keep the workbook as it was first.
            kept = backup.automatic_backup(workbook, backups, keep=IMPORT_BACKUPS)
            return import_file(workbook, path), kept

        def done(result: tuple[Any, Path | None]) -> None:
            summary, kept = result
            self._status(self.tr("Imported %1").replace("%1", path.name))
            if window.document is document:
                from iptwork.ui.document import EVERYTHING

                document.undo_stack.clear()  # older steps would replay over the import
                document.changed.emit(EVERYTHING)
            text = self.tr("From %1: %2.").replace("%1", path.name).replace("%2", str(summary))
            text += "\n\n" + self.tr(
                "An import cannot be taken back with Edit ▸ Undo, so the steps before it "
                "were cleared."
            )
            if kept is not None:
                text += " " + self.tr(
                    "A copy of the workbook from just before it was kept as %1."
                ).replace("%1", str(kept))
            alerts.inform(window, self.tr("Import finished"), text)

        self._status(self.tr("Importing %1…").replace("%1", path.name), 0)
        window.ops.run(
            work,
            done,
            lambda error: (
                self._status(""),
                alerts.problem(window, self.tr("Nothing was imported"), str(error)),
            ),
        )
