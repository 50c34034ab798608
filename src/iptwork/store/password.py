"""Setting, changing and removing a workbook's password.

SQLCipher's `sqlcipher_export` writes every page into a new file under the new key (or
none). The new file is checked — intact, ours, the same number of records in every table —
and only then renamed over the workbook, so a failure at any point leaves the workbook as
it was, with its old password.

`rekey` is what the app does around that: a checked automatic backup first (under the old
key, as the workbook was), then the re-key, then — when the workbook gets a password — our
own older plain copies of it (automatic backups, the copies kept before a restore or an
upgrade) are encrypted with the new password too. Each copy is encrypted into a new file
that is checked before it replaces the plain one, and the plain bytes are then overwritten,
so no copy is ever lost and none is left readable by us. Copies the person saved
themselves (Save a copy, `iptwork backup -o`) are theirs and are left alone.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from iptwork.atomic import fsync_folder
from iptwork.store import errors, schema
from iptwork.store.backup import automatic_backup, list_backups, verify_copy
from iptwork.store.workbook import (
    Workbook,
    check_header,
    connect,
    remove_workbook_file,
    sidecars,
)


def _counts(connection: object, tables: list[str], prefix: str = "") -> dict[str, int]:
    return {
        table: connection.execute(f'SELECT count(*) FROM {prefix}"{table}"').fetchone()[0]  # type: ignore[attr-defined]
        for table in tables
    }


def _temporary_beside(path: Path, suffix: str) -> Path:
    """A fresh name in `path`'s folder (SQLite creates the file: it must not exist yet)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(handle)
    os.unlink(name)
    return Path(name)


def _export(db: Any, target: Path, password: str | None, tables: list[str]) -> dict[str, int]:
    """Write everything `db` holds into the new file `target` under `password` (None: plain),
    with our application id and schema version; returns the record counts it copied."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), password or ""))
    try:
        db.execute("SELECT sqlcipher_export('rekeyed')")
        db.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        db.execute(f"PRAGMA rekeyed.application_id = {schema.APPLICATION_ID}")
        return _counts(db, tables)
    finally:
        db.execute("DETACH DATABASE rekeyed")


def _check_export(target: Path, password: str | None, before: dict[str, int]) -> None:
    verify_copy(target, password)
    check = connect(target, password, read_only=True)
    try:
        after = _counts(check, list(before))
    finally:
        check.close()
    if after != before:
        raise errors.CorruptWorkbook(target, "the re-keyed copy lost records")


def change_password(wb: Workbook, new_password: str | None) -> None:
    """Encrypt (`None` → text), re-key (text → other text) or decrypt (text → `None`)."""
    if new_password is not None and not new_password:
        raise errors.WorkbookError("An empty password protects nothing; choose a password.")
    path = wb.path
    temporary = _temporary_beside(path, ".rekey")
    replaced = False
    try:
        with wb.read() as connection:
            tables = sorted(inspect(connection).get_table_names())
        raw = wb.engine.raw_connection()
        try:
            before = _export(raw.driver_connection, temporary, new_password, tables)
        finally:
            raw.close()
        _check_export(temporary, new_password, before)
        wb.close()
        for leftover in sidecars(path):
            leftover.unlink(missing_ok=True)
        os.replace(temporary, path)
        replaced = True
        fsync_folder(path.parent)
    except OSError as error:
        raise errors.classify(error, path) or error from error
    finally:
        remove_workbook_file(temporary)
        wb.reopen(new_password if replaced else wb.password)


# --- our own older copies ---------------------------------------------------------------


def own_copies(path: Path, backup_root: Path | None) -> list[Path]:
    """The copies of the workbook at `path` that iptwork made by itself: its automatic
    backups (also those taken before an import), and beside it the copies kept before a
    restore or an upgrade. Not the copies the person saved (they chose those)."""
    found = list_backups(backup_root, path) if backup_root is not None else []
    stem, suffix = re.escape(path.stem), re.escape(path.suffix or ".iptw")
    ours = re.compile(rf"{stem}(-before-restore-\d{{8}}-\d{{6}}|\.v\d+-\d{{8}}-\d{{6}}){suffix}")
    try:
        beside = sorted(p for p in path.parent.iterdir() if ours.fullmatch(p.name))
    except OSError:
        beside = []
    return [*found, *(p for p in beside if p.is_file())]


def _overwrite(handle: Any) -> None:
    """Overwrite an open file's bytes with zeros and flush them to the disk. (On SSDs and
    copy-on-write file systems the old blocks may survive elsewhere; this is the most a
    program can do, and the copy was encrypted before, not instead.)"""
    size = os.fstat(handle.fileno()).st_size
    handle.seek(0)
    block = bytes(1 << 20)
    written = 0
    while written < size:
        chunk = min(len(block), size - written)
        handle.write(block[:chunk])
        written += chunk
    handle.flush()
    os.fsync(handle.fileno())


def _replace_and_overwrite(new: Path, old: Path) -> None:
    """Put `new` in place of `old` in one rename, then overwrite the bytes `old` held."""
    if os.name == "posix":
        with old.open("r+b") as handle:  # keeps the old bytes reachable after the rename
            os.replace(new, old)
            _overwrite(handle)
    else:  # a file that is open cannot be renamed over on Windows
        aside = _temporary_beside(old, ".old")
        os.replace(old, aside)
        os.replace(new, old)
        with aside.open("r+b") as handle:
            _overwrite(handle)
        aside.unlink()
    fsync_folder(old.parent)


def encrypt_copy(path: Path, password: str) -> bool:
    """Encrypt the plain workbook copy at `path` in place with `password`: the encrypted
    copy is written beside it and checked (intact, ours, every record there) before it
    takes the plain one's place; then the plain bytes are overwritten. Returns False when
    the copy was encrypted already. A copy that cannot be read is left as it is, and a
    `WorkbookError` says so."""
    if not password:
        raise errors.WorkbookError("An empty password protects nothing; choose a password.")
    if check_header(path).encrypted:
        return False
    verify_copy(path)  # intact and ours, before anything is written
    temporary = _temporary_beside(path, ".encrypt")
    try:
        db = connect(path, None)
        try:
            tables = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            before = _export(db, temporary, password, tables)
        finally:
            db.close()
        _check_export(temporary, password, before)
        _replace_and_overwrite(temporary, path)
        for leftover in sidecars(path):
            if leftover.exists():
                with leftover.open("r+b") as handle:
                    _overwrite(handle)
                leftover.unlink()
    except OSError as error:
        raise errors.classify(error, path) or error from error
    finally:
        remove_workbook_file(temporary)
    return True


@dataclass(frozen=True)
class Rekeyed:
    """What `rekey` did besides the re-key itself."""

    backup: Path | None  # the checked backup taken first, under the old key
    encrypted: tuple[Path, ...] = ()  # our older plain copies, now under the new password
    left: tuple[Path, ...] = ()  # plain copies that could not be read, so were left alone


def rekey(wb: Workbook, new_password: str | None, backup_root: Path, *, keep: int) -> Rekeyed:
    """Set, change or remove the password, safely: a checked automatic backup first (as the
    workbook was, so under its old key), kept in the rotation; then the re-key; then, when
    the workbook gets a password, our own older plain copies encrypted with it."""
    made = automatic_backup(wb, backup_root, keep=keep)
    change_password(wb, new_password)
    if new_password is None:
        return Rekeyed(made)
    encrypted: list[Path] = []
    left: list[Path] = []
    for copy in own_copies(wb.path, backup_root):
        try:
            if encrypt_copy(copy, new_password):
                encrypted.append(copy)
        except errors.WorkbookError:
            left.append(copy)
    return Rekeyed(made, tuple(encrypted), tuple(left))
