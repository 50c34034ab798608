"""Checked copies of a workbook, and putting one back.

Copies go through SQLite's online backup API (a plain file copy can miss what is still in
the `-wal` file), into a temporary file in the destination folder that is checked and only
then renamed into place: a failed backup never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import sqlcipher3

from iptwork.store import errors
from iptwork.store.workbook import check_header, open_workbook


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _verify_copy(path: Path) -> None:
    """A copy is good when it is a workbook by its header and SQLite finds it intact."""
    check_header(path)
    connection = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        connection.close()
    if result != "ok":
        raise errors.CorruptWorkbook(path, f"the copy failed its check: {result}")


def copy_into(source: Path, target: Path) -> None:
    """Copy the workbook at `source` to `target` (which must not exist), checked, atomically."""
    if target.exists():
        raise errors.WorkbookExists(target)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        with open_workbook(source, upgrade=False) as wb:
            raw = wb.engine.raw_connection()
            try:
                destination = sqlcipher3.connect(str(temporary), isolation_level=None)
                try:
                    raw.driver_connection.backup(destination)  # type: ignore[union-attr]
                    destination.execute("PRAGMA journal_mode = DELETE")
                finally:
                    destination.close()
            finally:
                raw.close()
        _verify_copy(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise errors.classify(error, target) or error from error
    finally:
        temporary.unlink(missing_ok=True)
        for leftover in _sidecars(temporary):
            leftover.unlink(missing_ok=True)


def backup_workbook(path: Path, destination: Path | None = None) -> Path:
    """Back up `path`; `destination` may be a file name or a folder (default: beside it)."""
    check_header(path)
    if destination is None:
        target = path.with_name(f"{path.stem}-backup-{_stamp()}{path.suffix or '.iptw'}")
    elif destination.is_dir():
        target = destination / f"{path.stem}-backup-{_stamp()}{path.suffix or '.iptw'}"
    else:
        target = destination
    if not target.parent.is_dir():
        raise errors.WorkbookNotFound(target.parent)
    copy_into(path, target)
    return target


def restore_workbook(backup: Path, path: Path) -> Path | None:
    """Put `backup` back at `path`. An existing file at `path` is kept first, renamed with
    its `-wal` beside it, even if it is damaged; returns where it was kept."""
    _verify_copy(backup)
    kept: Path | None = None
    if path.exists():
        kept = path.with_name(f"{path.stem}-before-restore-{_stamp()}{path.suffix or '.iptw'}")
        os.replace(path, kept)
        for old, new in zip(_sidecars(path), _sidecars(kept), strict=True):
            if old.exists():
                os.replace(old, new)
    try:
        copy_into(backup, path)
    except BaseException:
        if kept is not None and not path.exists():
            os.replace(kept, path)
            for new, old in zip(_sidecars(kept), _sidecars(path), strict=True):
                if new.exists():
                    os.replace(new, old)
        raise
    return kept
