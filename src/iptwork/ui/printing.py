"""Printing the workbook PDF through Qt's print dialog, with no copy of it on disk.

PySide6-Essentials has no QtPdf, so the pages are drawn with PDFium (`pypdfium2`, which
bundles it and loads a PDF from bytes): the PDF is built in memory by the same report code
as File ▸ Export PDF, the person picks a printer and the pages in `QPrintDialog`, then each
page is rendered at the printer's resolution (at most `MAX_DPI`) and painted onto the
`QPrinter`, one page at a time so memory stays bounded. That runs on a worker: Qt allows a
QPainter on a QPrinter outside the GUI thread, and the window keeps its progress bar and
Cancel. Printing to a PDF file (`QPrinter.OutputFormat.PdfFormat`) works the same way.

iptwork itself writes nothing to disk for a printout, which is why a password-protected
workbook may be printed; the operating system's printing system may still keep the job
until it has printed (the print dialog of such a workbook says so).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel, QWidget

from iptwork.store.errors import WorkbookError
from iptwork.ui.export_dialog import ExportDialog, ExportFacts, Kind

if TYPE_CHECKING:
    from pypdfium2 import PdfPage

    from iptwork.ui.settings import Settings

#: Pages are rendered at the printer's resolution up to this: sharp text and charts on
#: paper, and one A4 page stays near 35 MB while it is painted.
MAX_DPI = 300

SPOOL_NOTE = (
    "iptwork keeps this printout in memory only, but your computer's printing system may "
    "keep a copy of the job until it has printed."
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


class PrintFailed(WorkbookError):
    """The printer could not take the job, or a page could not be drawn."""


class PrintCancelled(WorkbookError):
    """The person pressed Cancel while the pages were being printed."""

    def __init__(self, sent: int, withdrawn: bool) -> None:
        self.sent = sent  # pages already handed to the printer
        self.withdrawn = withdrawn  # the printer dropped them (or the partial file is gone)
        super().__init__(_tr("Printing was cancelled."))


@dataclass(frozen=True)
class Printed:
    sheets: int  # pages painted, copies included
    to_file: str  # the PDF written, when the printer printed to a file; else ""
    printer: str  # the printer's name, when it was a real one


class PrintOptionsDialog(ExportDialog):
    """The export dialog for the printout of a password-protected workbook: the same
    choices, plus one calm sentence on what the printing system may keep."""

    def __init__(
        self,
        kind: Kind,
        settings: Settings,
        facts: ExportFacts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(kind, settings, facts, parent)
        note = QLabel(_tr(SPOOL_NOTE))
        note.setObjectName("print-spool-note")
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(self.buttons), note)


# --- the printer and its dialog -----------------------------------------------------------


def new_printer(document_name: str) -> QPrinter:
    """A printer at its full resolution that paints the whole sheet: the PDF's pages carry
    their own margins, so nothing is added around them."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)
    printer.setFullPage(True)
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """Qt's print dialog for `printer` (pages 1 to `page_count`); True when the person
    chose to print. Tests replace this one function."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print-dialog")
    dialog.setWindowTitle(_tr("Print"))
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(
        option.PrintToFile
        | option.PrintPageRange
        | option.PrintCollateCopies
        | option.PrintShowPageSize
    )
    dialog.setMinMax(1, page_count)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


def printer_problem(printer: QPrinter) -> str | None:
    """What is wrong with the chosen printer, in words for the person; None when it can
    print."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        if printer.outputFileName():
            return None
    elif printer.isValid():
        return None
    return _tr(
        "No printer is set up on this computer. Add one in the system's printer settings, "
        "or choose File ▸ Export PDF… to keep the workbook as a PDF file."
    )


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The page indexes (0-based) in the order they go to the printer: the page range the
    person chose, last page first if asked, and the copies when the printer cannot make
    them itself."""
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        pages = [n - 1 for n in range(1, page_count + 1) if ranges.contains(n)]
    else:
        pages = list(range(page_count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _copy in range(copies)]


# --- painting the pages -------------------------------------------------------------------


def print_pdf(
    data: bytes,
    printer: QPrinter,
    *,
    max_dpi: int = MAX_DPI,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Printed:
    """Paint the PDF held in `data` onto `printer`, page by page (runs on a worker).

    Raises `PrintCancelled` when `cancelled()` turned true (a PDF file being printed to is
    removed), `PrintFailed` when the printer would not start or a page could not be drawn.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise PrintFailed(
            _tr("The printout could not be prepared (%1).").replace("%1", str(error))
        ) from error
    to_file = (
        printer.outputFileName()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        else ""
    )
    try:
        order = pages_to_print(printer, len(pdf))
        if not order:
            raise PrintFailed(_tr("The pages chosen are not in this printout."))
        if cancelled is not None and cancelled():
            raise PrintCancelled(0, True)
        gray = printer.colorMode() == QPrinter.ColorMode.GrayScale
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(
                _tr(
                    "The printer did not accept the job. Check that it is switched on and "
                    "connected, then try again."
                )
                if not to_file
                else _tr("%1 could not be written. Choose another folder or file name.").replace(
                    "%1", to_file
                )
            )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        sent = 0
        try:
            for number, index in enumerate(order):
                if cancelled is not None and cancelled():
                    raise PrintCancelled(sent, _withdraw(printer, painter, to_file))
                if number:
                    printer.newPage()
                _paint_page(painter, pdf[index], printer.resolution(), max_dpi, gray)
                sent += 1
                if progress is not None:
                    progress(sent, len(order))
        except pdfium.PdfiumError as error:
            _withdraw(printer, painter, to_file)
            raise PrintFailed(
                _tr("Page %1 could not be drawn for printing (%2); nothing more was printed.")
                .replace("%1", str(order[sent] + 1))
                .replace("%2", str(error))
            ) from error
        finally:
            if painter.isActive():
                painter.end()
    finally:
        pdf.close()
    return Printed(len(order), to_file, "" if to_file else printer.printerName())


def _withdraw(printer: QPrinter, painter: QPainter, to_file: str) -> bool:
    """Stop a job half-way: ask the printer to drop it, and remove a half-written PDF
    file. True when nothing of it will come out."""
    withdrawn = printer.abort() or bool(to_file)
    painter.end()  # a print system that cannot abort prints the pages sent so far
    if to_file:
        with contextlib.suppress(OSError):
            os.remove(to_file)
    return withdrawn


def _paint_page(
    painter: QPainter, page: PdfPage, resolution: int, max_dpi: int, gray: bool
) -> None:
    """Render one PDF page to an image at (at most) `max_dpi` and paint it, as large as the
    sheet allows and centred, keeping its proportions."""
    width, height = page.get_size()  # points
    area = painter.viewport()  # the whole sheet, in device pixels (full-page printer)
    scale = min(area.width() / width, area.height() / height)  # device pixels per point
    target = QRectF(
        area.x() + (area.width() - width * scale) / 2,
        area.y() + (area.height() - height * scale) / 2,
        width * scale,
        height * scale,
    )
    render_scale = scale * min(1.0, max_dpi / max(resolution, 1))
    bitmap = page.render(
        scale=render_scale,
        grayscale=gray,
        rev_byteorder=True,
        prefer_bgrx=True,
        optimize_mode="print",
    )
    try:
        image_format = QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_RGBX8888
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format)
        painter.drawImage(target, image)  # the image borrows the bitmap's memory: paint first
        del image
    finally:
        bitmap.close()
        page.close()
