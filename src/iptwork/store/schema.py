"""The workbook's schema version and the chain of upgrade steps.

A new workbook is created at SCHEMA_VERSION straight from the ORM metadata. A workbook at
an older version is first backed up with SQLite's backup API (a file copy can miss the WAL),
then brought forward one numbered step at a time; each step runs in one transaction
together with its `user_version` bump, so a failed step leaves the previous version intact.

To change the schema: bump SCHEMA_VERSION, add `STEPS[old_version] = step_function` that
turns a workbook of `old_version` into `old_version + 1`, and add a golden workbook of the
old version to tests/data/.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, inspect

from iptwork import domain
from iptwork.store import errors, models, search

if TYPE_CHECKING:
    from iptwork.store.workbook import Workbook

APPLICATION_ID = 0x49505457  # "IPTW"
SCHEMA_VERSION = 1

Step = Callable[[Connection], None]
#: STEPS[n] upgrades a workbook of version n to version n + 1.
STEPS: dict[int, Step] = {}


def create(connection: Connection, *, title: str = "") -> None:
    """Lay out an empty workbook at the current version, with the built-in vocabularies."""
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    models.Base.metadata.create_all(connection)
    search.create_index(connection)
    connection.execute(insert(models.WorkbookInfo).values(id=1, title=title))
    connection.execute(insert(models.FormulationSheet).values(id=1))
    connection.execute(insert(models.TerminationSheet).values(id=1))
    connection.execute(
        insert(models.EmotionWord), [{"name": e, "builtin": True} for e in domain.EMOTIONS]
    )
    connection.execute(
        insert(models.ProblemKind),
        [
            {"key": p.key, "label": p.label, "explanation": p.explanation, "builtin": True}
            for p in domain.COMMUNICATION_PROBLEMS
        ],
    )
    connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def verify(connection: Connection, path: Path) -> None:
    """Check that the tables a workbook needs are there (a cheap sanity check on open)."""
    found = set(inspect(connection).get_table_names())
    if version(connection) == SCHEMA_VERSION:
        missing = set(models.Base.metadata.tables) - found
        if missing:
            raise errors.CorruptWorkbook(path, f"missing tables: {', '.join(sorted(missing))}")
    elif "workbook" not in found:
        raise errors.CorruptWorkbook(path, "missing the workbook table")


def backup_before_upgrade(workbook: Workbook, from_version: int) -> Path:
    """A complete copy beside the workbook, named after the version it holds."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = workbook.path.with_name(f"{workbook.path.stem}.v{from_version}-{stamp}.iptw")
    workbook.copy_to(target)
    return target


def upgrade(workbook: Workbook, path: Path, steps: dict[int, Step] | None = None) -> Path | None:
    """Bring an older workbook to SCHEMA_VERSION; returns the backup taken first."""
    steps = STEPS if steps is None else steps
    target = max([SCHEMA_VERSION, *(n + 1 for n in steps)])
    with workbook.read() as connection:
        current = version(connection)
    if current >= target:
        return None
    backup = backup_before_upgrade(workbook, current)
    while current < target:
        step = steps.get(current)
        if step is None:
            raise errors.CorruptWorkbook(path, f"no upgrade from workbook format {current}")
        with workbook.write() as connection:
            step(connection)
            connection.exec_driver_sql(f"PRAGMA user_version = {current + 1}")
        current += 1
    return backup
