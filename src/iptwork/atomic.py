"""Writing a file atomically: all of it appears, or nothing changes (STYLE.md, habit 6).

The content goes to a temporary file in the target's own folder (so the final rename never
crosses file systems), is flushed and fsynced, then replaces the target with `os.replace`,
and the folder is fsynced so the rename itself survives a power cut. A crash, a full disk or
an error while writing leaves any old file at the target as it was and nothing half-written
behind. The temporary file comes from `tempfile.mkstemp`, so the result is readable by its
owner only (mode 0600): what iptwork writes holds therapy notes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); harmless where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


@contextmanager
def atomic_file(path: Path, mode: str = "w", **open_args: Any) -> Iterator[IO[Any]]:
    """Yield a file to write (`mode` "w" or "wb"); leaving the block without an error makes
    it `path`, any error (or cancel) leaves `path` untouched. OSErrors pass through."""
    path = Path(path)
    handle_fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle_fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(path.parent)
