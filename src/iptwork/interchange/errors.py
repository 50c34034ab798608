"""Problems with interchange files, as calm one-line messages (see store/errors.py).

All of them are `WorkbookError`s, so the command line prints them without a traceback and
the app shows them in a dialog. A bad record inside a well-formed file is the store's
`InvalidRecord`, which names the record and the field.
"""

from __future__ import annotations

import os
from pathlib import Path

from iptwork.store.errors import InvalidRecord, WorkbookError


class ImportFileNotFound(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no file at {path}. Check the name and folder.")


class NotAnExport(WorkbookError):
    """The file cannot be read as JSON at all: empty, binary, not UTF-8, cut short."""

    def __init__(self, path: Path, why: str) -> None:
        self.why = why
        super().__init__(f"{path} is not an iptwork JSON export ({why}). Nothing was imported.")


class NewerExport(InvalidRecord):
    """A file written by a newer iptwork, in a layout this version does not know."""

    def __init__(self, version: int, supported: int) -> None:
        self.version = version
        super().__init__(
            "file",
            "version",
            f"the file is in export format {version}, but this iptwork reads up to format "
            f"{supported}. Update iptwork to import it; nothing was imported",
        )


class UnknownPerson(WorkbookError):
    """A `--person` filter names nobody in the workbook."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f'There is no person called "{name}" in this workbook.')


class ExportFileError(WorkbookError):
    """The export file could not be written (no such folder, read-only, disk full)."""

    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or type(error).__name__
        if error.errno is not None and error.strerror is None:
            reason = os.strerror(error.errno)
        super().__init__(
            f"Could not write {path} ({reason}). Nothing was written there; choose another "
            "folder or free some space and try again."
        )
