"""A lock file beside an open workbook, so a second iptwork (on this computer or another one
sharing the folder) gets a clear choice instead of two writers editing unawares.

SQLite itself keeps two writers from corrupting the file; this lock is about people: it
says who has the workbook open, where and since when. Taken only after a successful open
(a file we could not open is never locked). It holds no workbook content.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from iptwork.store.errors import ReadOnlyWorkbook, StorageFull, WorkbookError, WriteFailed


@dataclass(frozen=True)
class LockInfo:
    host: str
    pid: int
    user: str
    since: str  # local time, ISO 8601
    token: str  # tells our own lock from a copy of it


class WorkbookLocked(WorkbookError):
    """The workbook is open elsewhere; `stale` when that other program is known to be gone."""

    def __init__(self, path: Path, info: LockInfo | None, stale: bool) -> None:
        self.info = info
        self.stale = stale
        since = info.since.replace("T", " ")[:16] if info else "an unknown time"
        if stale:
            message = (
                f"{path.name} was not closed properly when iptwork last stopped ({since}). "
                "iptwork is not running it any more, so it is safe to open it anyway."
            )
        elif info is None:
            message = f"{path.name} seems to be open in another iptwork. Open it read-only?"
        else:
            message = (
                f"{path.name} is open in iptwork on {info.host} (user {info.user}, since "
                f"{since}). Close it there first, or open it read-only here."
            )
        super().__init__(message)


def _this_host() -> str:
    return socket.gethostname() or "this computer"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by someone else
    return True


def _not_writable(path: Path, error: OSError) -> WorkbookError:
    if error.errno == errno.ENOSPC:
        return StorageFull(path)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyWorkbook(path)
    return WriteFailed(path)


class WorkbookLock:
    def __init__(self, workbook_path: Path) -> None:
        self.workbook_path = workbook_path
        self.path = workbook_path.with_name(workbook_path.name + ".lock")
        self._info: LockInfo | None = None

    def read(self) -> LockInfo | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockInfo(**data)
        except (OSError, ValueError, TypeError):
            return None

    def is_stale(self, info: LockInfo | None) -> bool:
        """Known to be left over: taken on this computer by a process that has ended."""
        return info is not None and info.host == _this_host() and not _process_alive(info.pid)

    def acquire(self, *, force: bool = False) -> None:
        """Take the lock, or raise `WorkbookLocked`; `force` takes it over (open anyway)."""
        info = LockInfo(
            host=_this_host(),
            pid=os.getpid(),
            user=_user(),
            since=datetime.now().isoformat(timespec="seconds"),
            token=uuid.uuid4().hex,
        )
        payload = json.dumps(asdict(info)).encode("utf-8")
        try:
            if force:
                temporary = self.path.with_name(self.path.name + f".{info.token}")
                temporary.write_bytes(payload)
                os.replace(temporary, self.path)
            else:
                try:
                    descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                except FileExistsError:
                    holder = self.read()
                    stale = self.is_stale(holder)
                    raise WorkbookLocked(self.workbook_path, holder, stale) from None
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(payload)
        except WorkbookLocked:
            raise
        except OSError as error:
            # No lock can be written beside it: the workbook could not be saved there either.
            raise _not_writable(self.workbook_path, error) from error
        self._info = info

    def release(self) -> None:
        """Remove the lock if it is still ours (someone may have opened anyway since)."""
        if self._info is not None and self.read() == self._info:
            self.path.unlink(missing_ok=True)
        self._info = None

    @property
    def held(self) -> bool:
        return self._info is not None
