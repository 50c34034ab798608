"""Creating and opening a workbook file: the one place that owns the engine.

A workbook is one SQLite file marked with our `application_id` and a schema version in
`user_version`. We look at the file's header before SQLite touches it, so that a foreign,
damaged or newer file is reported and left byte-for-byte as it was (PITFALLS.md).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from iptwork.store import errors, schema

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".iptw"


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of a SQLite file say about it."""

    application_id: int
    user_version: int
    page_size: int
    page_count: int | None  # None when the header's count is stale (a legacy writer)

    @classmethod
    def read(cls, path: Path) -> FileHeader:
        if not path.exists():
            raise errors.WorkbookNotFound(path)
        if not path.is_file():
            raise errors.NotAWorkbook(path, "it is a folder, not a file")
        try:
            with path.open("rb") as handle:
                head = handle.read(100)
        except OSError as error:
            raise errors.ReadOnlyWorkbook(path) from error
        if not head:
            raise errors.NotAWorkbook(path, "the file is empty")
        if not head.startswith(SQLITE_MAGIC):
            raise errors.NotAWorkbook(path, "it is not a database file")
        if len(head) < 100:
            raise errors.CorruptWorkbook(path, "the file is cut short")
        raw_page_size = struct.unpack(">H", head[16:18])[0]
        page_size = 65536 if raw_page_size == 1 else raw_page_size
        change_counter, page_count = struct.unpack(">II", head[24:32])
        valid_for = struct.unpack(">I", head[92:96])[0]
        user_version, application_id = struct.unpack(">iI", head[60:64] + head[68:72])
        return cls(
            application_id=application_id,
            user_version=user_version,
            page_size=page_size,
            page_count=page_count if valid_for == change_counter else None,
        )


def check_header(path: Path) -> FileHeader:
    """Refuse, without opening it, anything that is not a workbook this version can read."""
    header = FileHeader.read(path)
    if header.application_id != schema.APPLICATION_ID:
        raise errors.NotAWorkbook(path, "it is a database made by another program")
    if header.user_version > schema.SCHEMA_VERSION:
        raise errors.NewerWorkbook(path, header.user_version, schema.SCHEMA_VERSION)
    if header.user_version < 1:
        raise errors.CorruptWorkbook(path, "it has no schema version")
    wal = path.with_name(path.name + "-wal")
    expected = (header.page_count or 0) * header.page_size
    if expected > path.stat().st_size and not wal.exists():
        raise errors.CorruptWorkbook(path, "the file is shorter than its header says")
    return header


def _make_engine(path: Path) -> Engine:
    def connect() -> sqlcipher3.Connection:
        # isolation_level=None: we issue BEGIN ourselves, so DDL is transactional too.
        return sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, module=sqlcipher3)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 5000")
        # Read something first: a damaged file fails here, before any pragma writes to it.
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")
        if mode == "IMMEDIATE":
            # Checked at COMMIT: a batch may refer forward to records later in it.
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")

    return engine


class Workbook:
    """An open workbook: its path and engine, and short transactions on it.

    Services take a Workbook and run one transaction each through `write()` or `read()`.
    """

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it is saved, or none of it."""
        try:
            with self.engine.connect() as connection, connection.begin():
                yield connection
        except DBAPIError as error:
            raise errors.classify(error, self.path) or error from error

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot that never blocks writers (WAL)."""
        try:
            with (
                self.engine.connect().execution_options(begin="DEFERRED") as connection,
                connection.begin(),
            ):
                yield connection
        except DBAPIError as error:
            raise errors.classify(error, self.path) or error from error

    def close(self) -> None:
        """Fold the WAL back into the file so that the file alone is the whole workbook."""
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except DBAPIError:
            pass  # a checkpoint is an optimisation; the WAL is still valid on the next open
        self.engine.dispose()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def create_workbook(path: Path | str, *, title: str = "") -> Workbook:
    """Create a new, empty workbook file; refuse to overwrite anything."""
    path = Path(path)
    if path.exists():
        raise errors.WorkbookExists(path)
    if not path.parent.is_dir():
        raise errors.WorkbookNotFound(path.parent)
    engine = _make_engine(path)
    workbook = Workbook(path, engine)
    try:
        with workbook.write() as connection:
            schema.create(connection, title=title)
    except BaseException:
        engine.dispose()
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        raise
    return workbook


def open_workbook(path: Path | str, *, upgrade: bool = True) -> Workbook:
    """Open an existing workbook, upgrading an older one after backing it up.

    Raises a `WorkbookError` with a message for the user for anything that is not a workbook
    this version can use; in that case the file is not modified.
    """
    path = Path(path)
    header = check_header(path)
    if not os.access(path, os.W_OK):
        raise errors.ReadOnlyWorkbook(path)
    engine = _make_engine(path)
    workbook = Workbook(path, engine)
    try:
        with workbook.read() as connection:
            schema.verify(connection, path)
        if header.user_version < schema.SCHEMA_VERSION:
            if not upgrade:
                raise errors.WorkbookError(f"{path} needs an upgrade before it can be used.")
            schema.upgrade(workbook, path)
    except DBAPIError as error:
        engine.dispose()
        raise errors.classify(error, path) or errors.CorruptWorkbook(
            path, str(error.orig)
        ) from error
    except BaseException:
        engine.dispose()
        raise
    return workbook
