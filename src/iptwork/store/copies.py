"""A copy of an open workbook, written safely ("Save a copy" in the app).

The copy goes through SQLite's backup API (a file copy can miss what is still in the WAL),
into a temporary file beside the target that replaces the target only once it is complete
and checked, so a failed copy never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import sqlcipher3

from iptwork.store import errors
from iptwork.store.workbook import Workbook, check_header


def save_copy(wb: Workbook, target: Path) -> Path:
    target = Path(target)
    if target.resolve() == wb.path.resolve():
        raise errors.WorkbookError(
            f"{target} is the open workbook itself. Choose another name for the copy."
        )
    if not target.parent.is_dir():
        raise errors.WorkbookNotFound(target.parent)
    handle, temporary_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    temporary = Path(temporary_name)
    raw = wb.engine.raw_connection()
    try:
        destination = sqlcipher3.connect(str(temporary))
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
            # The copy stands alone: no WAL beside it, checked before it is put in place.
            destination.execute("PRAGMA journal_mode = DELETE")
            (verdict,) = destination.execute("PRAGMA quick_check").fetchone()
        finally:
            destination.close()
        if verdict != "ok":
            raise errors.CorruptWorkbook(target, f"the copy failed its check: {verdict}")
        check_header(temporary)
        temporary.replace(target)
    except OSError as error:
        raise errors.classify(error, target) or error from error
    except sqlcipher3.DatabaseError as error:
        raise errors.classify(error, target) or error from error
    finally:
        raw.close()
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return target
