"""A separate process that writes to a workbook, for the crash-safety tests.

    python -m tests.writer_process PATH COUNT [--fsize-limit BYTES]

Prints each interaction's id after its transaction committed, so the parent knows exactly
what must survive a kill -9.
"""

from __future__ import annotations

import argparse
import resource
import signal
import sys
from datetime import datetime, timedelta

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.errors import WorkbookError
from iptwork.store.workbook import open_workbook


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("count", type=int)
    parser.add_argument("--fsize-limit", type=int)
    args = parser.parse_args()
    if args.fsize_limit:
        # A file-size limit stands in for a full disk: writes past it fail with EFBIG.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize_limit, args.fsize_limit))
    wb = open_workbook(args.path)
    people = services.list_people(wb)
    start = datetime(2026, 9, 1, 8)
    try:
        for n in range(args.count):
            saved = services.add_interaction(
                wb,
                r.Interaction(
                    occurred_at=start + timedelta(minutes=n),
                    people=tuple(p.id for p in people[:1]),
                    said=f"Message {n} " + "words " * 400,
                    emotions=(r.EmotionRating("hurt", n % 101),),
                    problems=("silence",),
                    tags=(f"tag{n % 7}",),
                ),
            )
            print(saved.id, flush=True)
    except WorkbookError as error:
        print(f"ERROR {type(error).__name__}: {error}", flush=True)
        return 1
    finally:
        wb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
