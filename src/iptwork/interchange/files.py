"""Writing an export file atomically: all of it appears, or nothing changes.

See `iptwork.atomic` for how; this adds the export's own error message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from iptwork.atomic import atomic_file
from iptwork.interchange.errors import ExportFileError


@contextmanager
def atomic_text_file(
    path: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """Yield a text file to write; on leaving the block without error it becomes `path`.
    A problem with the file (not its content) becomes `ExportFileError`."""
    try:
        with atomic_file(Path(path), "w", encoding=encoding, newline=newline) as handle:
            yield handle  # type: ignore[misc]
    except OSError as error:
        raise ExportFileError(Path(path), error) from error
