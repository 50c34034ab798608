"""Schema upgrades: golden workbooks of every released schema open, and an upgrade is
backed up first and runs step by step, each step all-or-nothing."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection

from iptwork.store import schema, services
from iptwork.store.workbook import open_workbook

GOLDEN = Path(__file__).parent / "data"


@pytest.fixture
def golden_v1(tmp_path: Path) -> Path:
    copy = tmp_path / "golden-v1.iptw"
    shutil.copyfile(GOLDEN / "golden-v1.iptw", copy)
    return copy


def _version(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])
    finally:
        raw.close()


def _tables(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        return {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        raw.close()


def test_every_golden_workbook_has_a_known_version() -> None:
    versions = {_version(p) for p in GOLDEN.glob("golden-v*.iptw")}
    assert versions == set(range(1, schema.SCHEMA_VERSION + 1))


def test_golden_v1_opens_with_everything_in_it(golden_v1: Path) -> None:
    with open_workbook(golden_v1) as wb:
        contents = services.read_contents(wb)
    assert contents.meta.owner == "Sam Rivera"
    assert contents.meta.started_on == date(2026, 9, 1)
    assert [p.name for p in contents.people] == ["Alex", "Mira"]
    assert len(contents.interactions) == 3
    first = contents.interactions[0]
    assert first.said == "You never plan anything."
    assert [e.name for e in first.emotions] == ["hurt", "angry"]
    assert contents.focuses[0].stage == "impasse"
    assert contents.sessions[0].interactions == (first.id,)
    assert contents.phq9[0].score.total == 11
    assert contents.vocabulary.emotions == ("overwhelmed",)
    assert [p.name for p in contents.sessions[0].circle] == ["Alex", "Mira"]
    assert contents.formulation.agreed_sessions == 16
    assert contents.termination.warning_signs == "Going quiet for days."
    assert _version(golden_v1) == schema.SCHEMA_VERSION


def _add_colour_column(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE person ADD COLUMN colour TEXT NOT NULL DEFAULT ''")
    connection.exec_driver_sql("UPDATE person SET colour = 'blue'")


def test_an_upgrade_is_backed_up_then_applied(
    golden_v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "STEPS", {1: _add_colour_column})
    with open_workbook(golden_v1) as wb:
        assert len(services.list_people(wb)) == 2
    assert _version(golden_v1) == 2
    raw = sqlite3.connect(golden_v1)
    assert raw.execute("SELECT DISTINCT colour FROM person").fetchall() == [("blue",)]
    raw.close()
    (backup,) = golden_v1.parent.glob("golden-v1.v1-*.iptw")
    assert _version(backup) == 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    with open_workbook(backup) as old:
        assert len(services.list_interactions(old)) == 3


def _half_a_step(connection: Connection) -> None:
    connection.exec_driver_sql("CREATE TABLE reminder (id TEXT PRIMARY KEY)")
    connection.exec_driver_sql("ALTER TABLE person ADD COLUMN nickname TEXT")
    raise RuntimeError("power cut in the middle of the step")


def test_a_failed_step_leaves_the_previous_version_whole(
    golden_v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "STEPS", {1: _half_a_step})
    with pytest.raises(RuntimeError, match="power cut"):
        open_workbook(golden_v1)
    assert _version(golden_v1) == 1
    assert "reminder" not in _tables(golden_v1)  # the DDL was rolled back too
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    with open_workbook(golden_v1) as wb:
        assert len(services.list_interactions(wb)) == 3


def test_a_missing_step_is_reported_not_guessed(
    golden_v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(schema, "STEPS", {1: _add_colour_column})
    with pytest.raises(Exception, match="no upgrade from workbook format 2"):
        open_workbook(golden_v1)
    assert _version(golden_v1) == 2


def _schema_sql(path: Path) -> list[tuple[str, str]]:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        raw.close()


def test_the_schema_cannot_change_without_a_new_version(golden_v1: Path, tmp_path: Path) -> None:
    """A new workbook has exactly the schema of the newest golden one: a change to the
    models needs SCHEMA_VERSION + 1, an upgrade step and a new golden file."""
    from iptwork.store.workbook import create_workbook

    newest = GOLDEN / f"golden-v{schema.SCHEMA_VERSION}.iptw"
    fresh = tmp_path / "fresh.iptw"
    create_workbook(fresh).close()
    assert _schema_sql(fresh) == _schema_sql(newest)
