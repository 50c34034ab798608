"""Setting, changing and removing a workbook's password.

SQLCipher's `sqlcipher_export` writes every page into a new file under the new key (or
none). The new file is checked — intact, ours, the same number of records in every table —
and only then renamed over the workbook, so a failure at any point leaves the workbook as
it was, with its old password.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlalchemy import inspect

from iptwork.atomic import fsync_folder
from iptwork.store import errors, schema
from iptwork.store.backup import verify_copy
from iptwork.store.workbook import Workbook, connect, sidecars


def _counts(connection: object, tables: list[str], prefix: str = "") -> dict[str, int]:
    return {
        table: connection.execute(f'SELECT count(*) FROM {prefix}"{table}"').fetchone()[0]  # type: ignore[attr-defined]
        for table in tables
    }


def change_password(wb: Workbook, new_password: str | None) -> None:
    """Encrypt (`None` → text), re-key (text → other text) or decrypt (text → `None`)."""
    if new_password is not None and not new_password:
        raise errors.WorkbookError("An empty password protects nothing; choose a password.")
    path = wb.path
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".rekey", dir=path.parent)
    os.close(handle)
    os.unlink(name)
    temporary = Path(name)
    replaced = False
    try:
        with wb.read() as connection:
            tables = sorted(inspect(connection).get_table_names())
            version = schema.version(connection)
        raw = wb.engine.raw_connection()
        try:
            db = raw.driver_connection
            db.execute(  # type: ignore[union-attr]
                "ATTACH DATABASE ? AS rekeyed KEY ?", (str(temporary), new_password or "")
            )
            try:
                db.execute("SELECT sqlcipher_export('rekeyed')")  # type: ignore[union-attr]
                db.execute(f"PRAGMA rekeyed.user_version = {version}")  # type: ignore[union-attr]
                db.execute(f"PRAGMA rekeyed.application_id = {schema.APPLICATION_ID}")  # type: ignore[union-attr]
                before = _counts(db, tables)
            finally:
                db.execute("DETACH DATABASE rekeyed")  # type: ignore[union-attr]
        finally:
            raw.close()
        verify_copy(temporary, new_password)
        check = connect(temporary, new_password, read_only=True)
        try:
            after = _counts(check, tables)
        finally:
            check.close()
        if after != before:
            raise errors.CorruptWorkbook(temporary, "the re-keyed copy lost records")
        wb.close()
        for leftover in sidecars(path):
            leftover.unlink(missing_ok=True)
        os.replace(temporary, path)
        replaced = True
        fsync_folder(path.parent)
    except OSError as error:
        raise errors.classify(error, path) or error from error
    finally:
        temporary.unlink(missing_ok=True)
        for leftover in sidecars(temporary):
            leftover.unlink(missing_ok=True)
        wb.reopen(new_password if replaced else wb.password)
