"""Work on whole workbooks at once: reading, checking and writing thousands of records."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_cycle_collector() -> Iterator[None]:
    """Pause Python's cycle collector while a whole file is read, checked or written.

    Decoding and checking a large file creates hundreds of thousands of objects, none of
    them in reference cycles, and the collector keeps walking them all: it cost a quarter
    of the time of importing 10,000 interactions (benchmarks/import_10k.py) and a sixth of
    exporting them. Memory is still freed by reference counting; the collector resumes, as
    it was, when the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
