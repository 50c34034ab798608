"""`iptwork demo`: a realistic sample workbook, the first thing a therapist looks at.

Sam Rivera, in sixteen weekly sessions with Dr. Ana Costa (autumn 2026), works on a role
dispute with their partner Alex and on a change of job. The workbook holds the
interpersonal inventory, both focus areas with goals, a timeline, the sessions, weekly
PHQ-9 and GAD-7, daily moods and any number of interactions that read like a person wrote
them and get better over the course. `build_demo` makes the records (pure and
deterministic: the same arguments give the same workbook, ids included); `create_demo`
writes them to a new file. See `build` for the calendar and `texts` for the words.
"""

from __future__ import annotations

from pathlib import Path

from iptwork.demo.build import COURSE_END, COURSE_START, SESSION_DATES, build_demo
from iptwork.store import write
from iptwork.store.workbook import create_workbook

__all__ = ["COURSE_END", "COURSE_START", "SESSION_DATES", "build_demo", "create_demo"]


def create_demo(path: Path | str, interactions: int = 120, seed: int = 1) -> None:
    """Create the demo workbook at `path` (which must not exist) in one transaction.

    The records are valid by construction, so they are written without the per-record
    checks an import needs; if anything fails, the half-made file is removed.
    """
    contents = build_demo(interactions, seed)  # before the file exists: a bad argument leaves none
    path = Path(path)
    workbook = create_workbook(path, title=contents.meta.title)
    try:
        with workbook.write() as connection:
            write.put_meta(connection, contents.meta)
            write.put_contents(connection, contents, "insert")
            write.put_formulation(connection, contents.formulation)
            write.put_termination(connection, contents.termination)
    except BaseException:
        workbook.close()
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        raise
    workbook.close()
