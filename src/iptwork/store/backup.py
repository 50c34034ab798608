"""Checked copies of a workbook, and putting one back.

Copies go through SQLite's online backup API (a plain file copy can miss what is still in
the `-wal` file), into a temporary file in the destination folder that is checked and only
then renamed into place: a failed backup never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import sqlcipher3

from iptwork.store import errors
from iptwork.store.workbook import (
    Workbook,
    check_header,
    check_identity,
    connect,
    open_workbook,
    remove_workbook_file,
    sidecars,
)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def verify_copy(path: Path, password: str | None = None) -> None:
    """A copy is good when it is a workbook (by its header, or by its pragmas once the
    password opens it) and SQLite finds it intact. Read-only: the copy is not changed."""
    header = check_header(path)
    if header.encrypted and password is None:
        raise errors.PasswordRequired(path)
    connection = connect(path, password if header.encrypted else None, read_only=True)
    try:
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlcipher3.DatabaseError as error:
            if header.encrypted:
                raise errors.WrongPassword(path) from error
            raise errors.CorruptWorkbook(path, str(error)) from error
    finally:
        connection.close()
    check_identity(path, application_id, version)
    if result != "ok":
        raise errors.CorruptWorkbook(path, f"the copy failed its check: {result}")


def save_copy(wb: Workbook, target: Path) -> None:
    """Copy an open workbook to `target` (which must not exist): checked, then renamed into
    place, so `target` is either a complete, verified workbook or absent."""
    if target.exists():
        raise errors.WorkbookExists(target)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    os.unlink(temporary_name)  # SQLite creates it; an empty file would be "not a database"
    temporary = Path(temporary_name)
    try:
        wb.copy_to(temporary)
        verify_copy(temporary, wb.password)
        os.replace(temporary, target)
    except OSError as error:
        raise errors.classify(error, target) or error from error
    finally:
        remove_workbook_file(temporary)


def copy_into(source: Path, target: Path, password: str | None = None) -> None:
    """Copy the workbook file at `source` to `target`, checked, atomically."""
    with open_workbook(source, password=password, upgrade=False) as wb:
        save_copy(wb, target)


def backup_workbook(
    path: Path, destination: Path | None = None, password: str | None = None
) -> Path:
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
    copy_into(path, target, password)
    return target


def restore_workbook(backup: Path, path: Path, password: str | None = None) -> Path | None:
    """Put `backup` back at `path`. An existing file at `path` is kept first, renamed with
    its `-wal` beside it, even if it is damaged; returns where it was kept."""
    verify_copy(backup, password)
    kept: Path | None = None
    if path.exists():
        kept = path.with_name(f"{path.stem}-before-restore-{_stamp()}{path.suffix or '.iptw'}")
        os.replace(path, kept)
        for old, new in zip(sidecars(path), sidecars(kept), strict=True):
            if old.exists():
                os.replace(old, new)
    try:
        copy_into(backup, path, password)
    except BaseException:
        if kept is not None and not path.exists():
            os.replace(kept, path)
            for new, old in zip(sidecars(kept), sidecars(path), strict=True):
                if new.exists():
                    os.replace(new, old)
        raise
    return kept


# --- automatic, rotating backups --------------------------------------------------------

BACKUP_GLOB = "*-[0-9]*-[0-9]*.iptw"


def backup_folder(root: Path, workbook_path: Path) -> Path:
    """Each workbook's backups in a folder of their own: its name plus a short hash of its
    full path, so two workbooks with the same name never mix."""
    digest = hashlib.sha1(str(workbook_path.resolve()).encode("utf-8")).hexdigest()[:8]
    return root / f"{workbook_path.stem}-{digest}"


def list_backups(root: Path, workbook_path: Path) -> list[Path]:
    """This workbook's automatic backups, newest first."""
    folder = backup_folder(root, workbook_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(BACKUP_GLOB), key=lambda p: p.name, reverse=True)


#: An automatic backup's name ends in the time it was taken: "demo-20261126-154007-231202.iptw".
_TAKEN = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.iptw$")


def taken_at(backup: Path) -> datetime:
    """When a backup was taken: the time in its name (Set password rewrites older backups,
    which changes their modification time), else the file's modification time.
    Raises OSError when neither can be had."""
    found = _TAKEN.search(backup.name)
    if found is not None:
        with contextlib.suppress(ValueError):
            return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
    return datetime.fromtimestamp(backup.stat().st_mtime)


def automatic_backup(
    wb: Workbook, root: Path, *, keep: int, min_age: timedelta | None = None
) -> Path | None:
    """Back up `wb` into its folder under `root` (unless the newest backup is younger than
    `min_age`), then delete all but the newest `keep`. Returns the new backup, if made."""
    existing = list_backups(root, wb.path)
    if min_age is not None and existing:
        newest = taken_at(existing[0])
        if datetime.now() - newest < min_age:
            return None
    folder = backup_folder(root, wb.path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{wb.path.stem}-{datetime.now():%Y%m%d-%H%M%S-%f}.iptw"
    save_copy(wb, target)
    for old in list_backups(root, wb.path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target
