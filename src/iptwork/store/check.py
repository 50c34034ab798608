"""`iptwork check`: is this workbook whole, and does everything in it follow the rules?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from iptwork.store import models as m
from iptwork.store import read, schema
from iptwork.store.errors import InvalidRecord
from iptwork.store.services import check_contents
from iptwork.store.workbook import open_workbook


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_workbook(path: Path, password: str | None = None) -> CheckReport:
    report = CheckReport()
    with open_workbook(path, password=password, upgrade=False) as wb, wb.read() as connection:
        version = schema.version(connection)
        kind = "encrypted iptwork workbook" if wb.encrypted else "iptwork workbook"
        report.lines.append(f"{path}: {kind}, format {version}")
        if version < schema.SCHEMA_VERSION:
            report.lines.append(f"  format {version} is older; opening it in the app upgrades it")
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems.append("SQLite integrity check: " + "; ".join(integrity[:5]))
        dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if dangling:
            report.problems.append(f"{len(dangling)} reference(s) to missing records")
        if version == schema.SCHEMA_VERSION and not report.problems:
            try:
                check_contents(connection, read.contents(connection), _label)
            except InvalidRecord as error:
                report.problems.append(str(error))
        counts = {
            "people": m.Person,
            "focuses": m.Focus,
            "interactions": m.Interaction,
            "sessions": m.TherapySession,
            "PHQ-9": m.Phq9,
            "GAD-7": m.Gad7,
            "moods": m.Mood,
            "events": m.LifeEvent,
        }
        summary = ", ".join(
            f"{connection.scalar(select(func.count()).select_from(model))} {name}"
            for name, model in counts.items()
        )
    report.lines.append(f"  holds {summary}")
    report.lines.append("  OK" if report.ok else "  PROBLEMS: " + "; ".join(report.problems))
    return report


def _label(collection: str, index: int, record_id: str) -> str:
    return collection if index < 0 else f"{collection} id {record_id}"
