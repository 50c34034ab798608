"""Writing an export file atomically: all of it appears, or nothing changes.

The text goes to a temporary file in the target's own folder (so that the final rename
never crosses file systems), is flushed and fsynced, and then replaces the target with
`os.replace`. A crash, a full disk or an error while building the text leaves any old file
at the target as it was, and no half-written file behind (STYLE.md, habit 6).

The temporary file is created with `tempfile.mkstemp`, so the finished export is readable
by its owner only (mode 0600): exports hold therapy notes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from iptwork.interchange.errors import ExportFileError


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
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
def atomic_text_file(
    path: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """Yield a text file to write; on leaving the block without error it becomes `path`."""
    path = Path(path)
    folder = path.parent
    try:
        handle_fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ExportFileError(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle_fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportFileError(path, error) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
