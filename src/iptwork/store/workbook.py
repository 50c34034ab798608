"""Creating and opening a workbook file: the one place that owns the engine.

A workbook is one SQLite file marked with our `application_id` and a schema version in
`user_version`, optionally encrypted with SQLCipher (a standard passphrase, so other
SQLCipher tools can open it too). We look at the file before SQLite writes to it, so that a
foreign, damaged or newer file is reported and left byte-for-byte as it was (PITFALLS.md).
"""

from __future__ import annotations

import hashlib
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
from sqlalchemy.pool import QueuePool

from iptwork.store import errors, schema

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".iptw"
# An encrypted file is whole pages of random-looking bytes, the smallest page being 512.
SMALLEST_PAGE = 512


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of a workbook file say about it.

    An encrypted file's header is ciphertext: `encrypted` is True and the other fields are
    unknown until the file is opened with its password."""

    encrypted: bool
    application_id: int = 0
    user_version: int = 0
    page_size: int = 0
    page_count: int | None = None  # None when the header's count is stale (a legacy writer)

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
            size = path.stat().st_size
            if size >= SMALLEST_PAGE and size % SMALLEST_PAGE == 0:
                return cls(encrypted=True)
            raise errors.NotAWorkbook(path, "it is not a database file")
        if len(head) < 100:
            raise errors.CorruptWorkbook(path, "the file is cut short")
        raw_page_size = struct.unpack(">H", head[16:18])[0]
        change_counter, page_count = struct.unpack(">II", head[24:32])
        valid_for = struct.unpack(">I", head[92:96])[0]
        user_version, application_id = struct.unpack(">iI", head[60:64] + head[68:72])
        return cls(
            encrypted=False,
            application_id=application_id,
            user_version=user_version,
            page_size=65536 if raw_page_size == 1 else raw_page_size,
            page_count=page_count if valid_for == change_counter else None,
        )


def check_identity(path: Path, application_id: int, user_version: int) -> None:
    """Refuse anything that is not a workbook of a version this program can read."""
    if application_id != schema.APPLICATION_ID:
        raise errors.NotAWorkbook(path, "it is a database made by another program")
    if user_version > schema.SCHEMA_VERSION:
        raise errors.NewerWorkbook(path, user_version, schema.SCHEMA_VERSION)
    if user_version < 1:
        raise errors.CorruptWorkbook(path, "it has no schema version")


def check_header(path: Path) -> FileHeader:
    """Everything that can be told about `path` without opening it (and so changing it)."""
    header = FileHeader.read(path)
    if header.encrypted:
        return header
    check_identity(path, header.application_id, header.user_version)
    wal = path.with_name(path.name + "-wal")
    expected = (header.page_count or 0) * header.page_size
    if expected > path.stat().st_size and not wal.exists():
        raise errors.CorruptWorkbook(path, "the file is shorter than its header says")
    return header


def _quote(password: str) -> str:
    return "'" + password.replace("'", "''") + "'"


def connect(path: Path, password: str | None, *, read_only: bool = False) -> Any:
    """A raw sqlcipher3 connection, keyed when a password is given (no I/O yet)."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    connection = sqlcipher3.connect(
        target, uri=read_only, isolation_level=None, check_same_thread=False
    )
    # Temporary tables and sort files stay in memory: never plaintext in a temp file.
    connection.execute("PRAGMA temp_store = MEMORY")
    if password is not None:
        connection.execute("PRAGMA cipher_log_level = NONE")  # errors are ours to report
        connection.execute(f"PRAGMA key = {_quote(password)}")
    return connection


# SQLCipher 4's default key derivation, which `PRAGMA key` applies to a passphrase.
KDF_ITERATIONS = 256_000
SALT_BYTES = 16


class _Keyring:
    """Connects with the passphrase once, then with the key derived from it.

    Deriving the key costs ~0.1 s (by design); a workbook opens several connections (a
    pool, worker threads), so the key is derived once, the way SQLCipher does it, and
    given to later connections as a raw key. Should that key not open the file (another
    tool's settings), the passphrase is used as before.
    """

    def __init__(self, path: Path, password: str | None, read_only: bool) -> None:
        self.path = path
        self.password = password
        self.read_only = read_only
        self._raw_key: str | None = None

    def _derive(self) -> str | None:
        with self.path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
        if len(salt) < SALT_BYTES or salt == SQLITE_MAGIC[:SALT_BYTES]:
            return None
        assert self.password is not None
        key = hashlib.pbkdf2_hmac("sha512", self.password.encode(), salt, KDF_ITERATIONS, 32)
        return f"\"x'{key.hex()}'\""

    def connect(self) -> Any:
        if self.password is None or not self.path.exists():
            return connect(self.path, self.password, read_only=self.read_only)
        if self._raw_key is None:
            self._raw_key = self._derive()
        if self._raw_key is not None:
            connection = connect(self.path, None, read_only=self.read_only)
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = {self._raw_key}")
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return connection
            except sqlcipher3.DatabaseError:
                connection.close()
                self._raw_key = None
        return connect(self.path, self.password, read_only=self.read_only)


def _make_engine(path: Path, password: str | None, read_only: bool = False) -> Engine:
    keyring = _Keyring(path, password, read_only)
    # A file needs a real pool: the "sqlite://" URL alone would pick the SingletonThreadPool
    # meant for memory databases, which closes connections other threads still use.
    engine = create_engine(
        "sqlite://", creator=keyring.connect, module=sqlcipher3, poolclass=QueuePool
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 5000")
        # Read something first: a damaged file or a wrong password fails here, before any
        # pragma writes to the file.
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
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
    The password, if any, stays in memory only, for new connections and backups.
    """

    def __init__(self, path: Path, password: str | None = None, read_only: bool = False) -> None:
        self.path = path
        self._password = password
        self.read_only = read_only
        self.engine = _make_engine(path, password, read_only)

    @property
    def encrypted(self) -> bool:
        return self._password is not None

    @property
    def password(self) -> str | None:
        return self._password

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

    def copy_to(self, target: Path) -> None:
        """A complete, consistent copy through SQLite's online backup API (a file copy can
        miss what is still in the WAL), encrypted with the same password, if any."""
        raw = self.engine.raw_connection()
        try:
            destination = connect(target, self._password)
            try:
                raw.driver_connection.backup(destination)  # type: ignore[union-attr]
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            raw.close()

    def reopen(self, password: str | None) -> None:
        """Start over with a new engine (after the file was replaced, e.g. re-keyed)."""
        self.engine.dispose()
        self._password = password
        self.engine = _make_engine(self.path, password, self.read_only)

    def close(self) -> None:
        """Fold the WAL back into the file so that the file alone is the whole workbook."""
        if self.read_only:
            self.engine.dispose()
            return
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


def sidecars(path: Path) -> list[Path]:
    """The `-wal` and `-shm` files SQLite keeps beside a workbook."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def remove_workbook_file(path: Path) -> None:
    """Delete a workbook file (a temporary one, a failed creation) with its sidecars."""
    for leftover in (path, *sidecars(path)):
        leftover.unlink(missing_ok=True)


def create_workbook(path: Path | str, *, title: str = "", password: str | None = None) -> Workbook:
    """Create a new, empty workbook file (encrypted when a password is given); refuse to
    overwrite anything."""
    path = Path(path)
    if path.exists():
        raise errors.WorkbookExists(path)
    if not path.parent.is_dir():
        raise errors.WorkbookNotFound(path.parent)
    if password is not None and not password:
        raise errors.WorkbookError("An empty password protects nothing; choose a password.")
    workbook = Workbook(path, password)
    try:
        with workbook.write() as connection:
            schema.create(connection, title=title)
    except BaseException:
        workbook.engine.dispose()
        remove_workbook_file(path)
        raise
    return workbook


def _is_wrong_key(error: DBAPIError) -> bool:
    return "not a database" in str(error.orig).lower()


def open_workbook(
    path: Path | str,
    *,
    password: str | None = None,
    upgrade: bool = True,
    read_only: bool = False,
) -> Workbook:
    """Open an existing workbook, upgrading an older one after backing it up.

    An encrypted workbook needs its `password` (`PasswordRequired` without one,
    `WrongPassword` with a wrong one); a password given for a plain workbook is not used.
    Raises a `WorkbookError` with a message for the user for anything that is not a
    workbook this version can use; in that case the file is not modified. `read_only`
    opens it without ever writing (e.g. while another iptwork has it open).
    """
    path = Path(path)
    header = check_header(path)
    if header.encrypted and password is None:
        raise errors.PasswordRequired(path)
    if header.encrypted and not password:
        raise errors.WrongPassword(path)
    if not read_only and not os.access(path, os.W_OK):
        raise errors.ReadOnlyWorkbook(path)
    workbook = Workbook(path, password if header.encrypted else None, read_only)
    try:
        with workbook.read() as connection:
            if header.encrypted:
                check_identity(
                    path,
                    int(connection.exec_driver_sql("PRAGMA application_id").scalar_one()),
                    schema.version(connection),
                )
            schema.verify(connection, path)
            current = schema.version(connection)
        if current < schema.SCHEMA_VERSION:
            if not upgrade or read_only:
                raise errors.WorkbookError(f"{path} needs an upgrade before it can be used.")
            schema.upgrade(workbook, path)
    except DBAPIError as error:
        workbook.engine.dispose()
        if header.encrypted and _is_wrong_key(error):
            raise errors.WrongPassword(path) from error
        raise errors.classify(error, path) or errors.CorruptWorkbook(
            path, str(error.orig)
        ) from error
    except errors.WorkbookError as error:
        workbook.engine.dispose()
        if (
            header.encrypted
            and isinstance(error, errors.CorruptWorkbook)
            and "not a database" in str(error)
        ):
            raise errors.WrongPassword(path) from error
        raise
    except BaseException:
        workbook.engine.dispose()
        raise
    return workbook
