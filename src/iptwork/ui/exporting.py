"""File → Export PDF / Print / Export JSON or CSV / Import JSON, run off the GUI thread.

The main window owns one `Exporter`; each command asks through `ExportDialog` (what to
include, how private), then writes on a worker (`Ops`) while the window stays responsive.
A PDF shows a progress bar with Cancel (a cancelled PDF leaves no file: the report writes
atomically). Every failure the user can act on ends in one calm alert.

Printing: PySide6-Essentials has no QtPdf, so a PDF cannot be drawn onto a QPrinter here.
When QtPdf is there (PySide6-Addons), the PDF is built in a private temporary folder, read
into memory, deleted at once, and its pages are printed through Qt's print dialog. Without
it, the PDF opens in the system's PDF viewer to print from there, and the private folder is
deleted when the workbook closes. An encrypted workbook never puts a plaintext copy in a
temporary folder: printing it means exporting a PDF to a place the person chooses.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QDialog, QProgressDialog

from iptwork.store.errors import WorkbookError
from iptwork.ui import alerts
from iptwork.ui.export_dialog import ExportDialog, ExportRequest, Kind

if TYPE_CHECKING:
    from iptwork.ui.document import Document
    from iptwork.ui.main_window import MainWindow

#: How many automatic copies taken before imports are kept per workbook.
IMPORT_BACKUPS = 5


def open_externally(path: Path) -> bool:
    """Open a file with the system's program for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def qt_pdf_available() -> bool:
    try:
        from PySide6.QtPdf import QPdfDocument  # noqa: F401
    except ImportError:
        return False
    return True


class _Progress(QObject):
    """Lives on the GUI thread; the worker emits, the progress bar follows (queued)."""

    moved = Signal(int, int)


class Exporter(QObject):
    busy_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._print_folders: list[Path] = []
        self.progress: QProgressDialog | None = None  # while a PDF is being written

    # --- helpers ----------------------------------------------------------------------

    def _status(self, text: str, msecs: int = 8000) -> None:
        self._window.statusBar().showMessage(text, msecs)

    def _ask(self, kind: Kind) -> tuple[Document, ExportRequest] | None:
        window = self._window
        document = window.document
        if document is None:
            return None
        request = ExportDialog.ask(window, kind, window.settings, document, window.ops.run)
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

    # --- PDF --------------------------------------------------------------------------

    def export_pdf(self) -> None:
        asked = self._ask("pdf")
        if asked is None:
            return
        document, request = asked
        target = self._target(document, "pdf", request.since_last_session)
        if target is None:
            return

        def done(pages: int) -> None:
            self._status(
                self.tr("The PDF (%1 pages) was saved as %2")
                .replace("%1", str(pages))
                .replace("%2", str(target))
            )
            if request.open_when_done:
                open_externally(target)

        self._write_pdf(document, request, target, done)

    def _write_pdf(
        self,
        document: Document,
        request: ExportRequest,
        target: Path,
        on_done: Callable[[int], None],
        on_stopped: Callable[[], None] | None = None,
    ) -> None:
        """Write the PDF on a worker with a progress bar and Cancel."""
        window = self._window
        progress = QProgressDialog(self.tr("Writing the PDF…"), self.tr("Cancel"), 0, 0, window)
        progress.setObjectName("pdf-progress")
        progress.setWindowTitle(self.tr("Export a PDF"))
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
        workbook = document.workbook
        options = request.options
        since = request.since_last_session

        def work() -> int:
            from iptwork.report import PdfChoice, export_pdf

            return export_pdf(
                workbook,
                options,
                target,
                choice=PdfChoice.summary() if since else None,
                progress=lambda done, total: relay.moved.emit(done, total),
                cancelled=stop.is_set,
            )

        def finish() -> None:
            self.progress = None
            progress.close()
            progress.deleteLater()
            relay.deleteLater()
            self.busy_changed.emit(False)

        def done(pages: int) -> None:
            finish()
            on_done(pages)

        def failed(error: WorkbookError) -> None:
            from iptwork.report import PdfCancelled

            finish()
            if on_stopped is not None:
                on_stopped()
            if isinstance(error, PdfCancelled):
                self._status(self.tr("The export was cancelled; nothing was written."))
            else:
                alerts.problem(window, self.tr("The PDF was not saved"), str(error))

        self.progress = progress
        self.busy_changed.emit(True)
        window.ops.run(work, done, failed)
        progress.show()

    # --- printing ---------------------------------------------------------------------

    def print_workbook(self) -> None:
        window = self._window
        document = window.document
        if document is None:
            return
        if document.workbook.encrypted:
            choice = alerts.choose(
                window,
                self.tr("Print"),
                self.tr(
                    "This workbook is protected with a password. To print it, iptwork would "
                    "have to put an unprotected copy in a temporary folder, so it does not.\n\n"
                    "Export a PDF to a place you choose instead and print it from your PDF "
                    "viewer; delete it when you no longer need it."
                ),
                [("export", self.tr("Export a PDF…"))],
            )
            if choice == "export":
                self.export_pdf()
            return
        asked = self._ask("print")
        if asked is None:
            return
        document, request = asked
        folder = Path(tempfile.mkdtemp(prefix="iptwork-print-"))  # readable by us only
        target = folder / f"{document.path.stem}.pdf"
        self._write_pdf(
            document,
            request,
            target,
            lambda _pages: self._print_file(target, folder),
            lambda: shutil.rmtree(folder, ignore_errors=True),
        )

    def _print_file(self, target: Path, folder: Path) -> None:
        if not qt_pdf_available():
            # No PDF renderer in PySide6-Essentials: the system's PDF viewer prints it.
            self._print_folders.append(folder)
            if open_externally(target):
                self._status(
                    self.tr(
                        "The PDF is open in your PDF viewer: print it from there. Its "
                        "temporary copy is deleted when you close the workbook."
                    ),
                    15000,
                )
            else:
                alerts.problem(
                    self._window,
                    self.tr("Nothing could show the PDF"),
                    self.tr(
                        "No program on this computer opened the PDF. Export it with File ▸ "
                        "Export PDF… and print it from a PDF viewer."
                    ),
                )
            return
        try:
            data = QByteArray(target.read_bytes())
        finally:
            shutil.rmtree(folder, ignore_errors=True)  # in memory now: no copy on disk
        print_pdf_bytes(self._window, data)

    def cleanup(self) -> None:
        """Delete the temporary PDFs left for the system viewer (workbook closed, app quit)."""
        for folder in self._print_folders:
            shutil.rmtree(folder, ignore_errors=True)
        self._print_folders.clear()

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


def print_pdf_bytes(parent: Any, data: QByteArray) -> None:
    """Print a PDF held in memory through Qt's print dialog (needs QtPdf)."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    buffer = QBuffer(parent)
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument(parent)
    pdf.load(buffer)
    first = max(printer.fromPage(), 1) - 1 if printer.fromPage() else 0
    last = min(printer.toPage() or pdf.pageCount(), pdf.pageCount()) - 1
    painter = QPainter(printer)
    try:
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            area = painter.viewport()
            page = pdf.pagePointSize(number)
            scale = min(area.width() / page.width(), area.height() / page.height())
            size = QSize(int(page.width() * scale), int(page.height() * scale))
            image = pdf.render(number, size)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()
        pdf.close()
        buffer.close()
