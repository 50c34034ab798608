"""Errors at the storage boundary, sorted as STYLE.md asks.

`WorkbookError` and its subclasses are *environment* problems: a missing file, a foreign or
damaged one, a full disk, bad input. Their message is one calm sentence or two that says
what is wrong and what to do; the CLI prints it as is and the app shows it in a dialog.
Anything else that escapes the store is a bug.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class WorkbookError(Exception):
    """An environment problem with a message meant for the person using iptwork."""


class WorkbookNotFound(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no workbook at {path}. Check the name and folder.")


class NotAWorkbook(WorkbookError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path} is not an iptwork workbook ({why}). It was left unchanged.")


class CorruptWorkbook(WorkbookError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"{path} looks damaged ({why}). It was left unchanged; restore it from a backup "
            "or keep it aside and ask for help."
        )


class NewerWorkbook(WorkbookError):
    def __init__(self, path: Path, version: int, supported: int) -> None:
        self.version = version
        super().__init__(
            f"{path} was written by a newer iptwork (workbook format {version}; this version "
            f"reads up to {supported}). Update iptwork to open it; the file was left unchanged."
        )


class PasswordRequired(NotAWorkbook):
    """The file is either an encrypted workbook or not a workbook at all."""

    def __init__(self, path: Path) -> None:
        WorkbookError.__init__(
            self,
            f"{path} is encrypted (or is not an iptwork workbook). Give its password to open it.",
        )


class WrongPassword(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"That password does not open {path} (or the file is not an iptwork workbook). "
            "Check the password and try again; the file was left unchanged."
        )


class WorkbookExists(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists. Choose another name or move the old file.")


class StorageFull(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The disk holding {path} is full. Nothing more was saved; everything saved "
            "before is safe. Free some space and try again."
        )


class WriteFailed(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Could not write to {path}: the disk may be full, removed or failing. The last "
            "change was not saved; everything saved before it is safe. Free some space or "
            "check the disk, then try again."
        )


class ReadOnlyWorkbook(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} cannot be written (the file or its folder is read-only). Nothing was "
            "changed; copy the workbook somewhere you can write to."
        )


class WorkbookBusy(WorkbookError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is busy: another program is writing to it. Close the other program "
            "and try again."
        )


class RecordNotFound(WorkbookError):
    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"No {kind} with id {record_id} in this workbook.")


class InvalidRecord(WorkbookError):
    """Data that breaks a rule of the workbook: names the record and the field."""

    def __init__(self, record: str, field: str, problem: str) -> None:
        self.record = record
        self.field = field
        self.problem = problem
        super().__init__(f"{record}, field '{field}': {problem}")


class PersonInUse(WorkbookError):
    """The caller must decide what happens to the interactions that mention a person."""

    def __init__(self, name: str, interactions: int) -> None:
        self.interactions = interactions
        super().__init__(
            f"{name} appears in {interactions} interaction(s). Choose whether to remove "
            f"{name} from them or to delete them too."
        )


def classify(error: BaseException, path: Path) -> WorkbookError | None:
    """The environment problem behind a driver or OS error, or None when it is a bug."""
    if isinstance(error, WorkbookError):
        return error
    import sqlcipher3  # loaded already whenever a workbook is open; not at start-up

    driver_errors = (sqlcipher3.DatabaseError, sqlite3.DatabaseError)
    inner = getattr(error, "orig", error)
    if isinstance(inner, OSError):
        if inner.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return StorageFull(path)
        if inner.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyWorkbook(path)
        return None
    if not isinstance(inner, driver_errors):
        return None
    text = str(inner).lower()
    if "database or disk is full" in text:
        return StorageFull(path)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyWorkbook(path)
    if "locked" in text or "busy" in text:
        return WorkbookBusy(path)
    if "disk i/o error" in text:
        return WriteFailed(path)
    if "not a database" in text or "malformed" in text:
        return CorruptWorkbook(path, str(inner))
    return None
