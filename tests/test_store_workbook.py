"""Opening and creating workbook files: anything that is not a workbook we can use is
reported with a specific error and left byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from iptwork.store import errors, schema, services
from iptwork.store.workbook import create_workbook, open_workbook
from tests.factories import populate


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _closed_workbook(path: Path) -> Path:
    with create_workbook(path, title="Mine") as wb:
        populate(wb)
    return path


def test_new_workbook_is_marked_as_ours_and_reopens(workbook_path: Path) -> None:
    _closed_workbook(workbook_path)
    raw = sqlite3.connect(workbook_path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    with open_workbook(workbook_path) as wb:
        assert services.get_meta(wb).title == "Mine"
        assert len(services.list_interactions(wb)) == 3
        with wb.read() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_closing_folds_the_wal_into_the_file(workbook_path: Path) -> None:
    _closed_workbook(workbook_path)
    wal = workbook_path.with_name(workbook_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_create_refuses_to_overwrite(workbook_path: Path) -> None:
    workbook_path.write_text("precious")
    with pytest.raises(errors.WorkbookExists):
        create_workbook(workbook_path)
    assert workbook_path.read_text() == "precious"


def test_create_in_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(errors.WorkbookNotFound, match="nowhere"):
        create_workbook(tmp_path / "nowhere" / "w.iptw")


def _sqlite_of_another_program(path: Path) -> None:
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE songs (title TEXT)")
    other.execute("INSERT INTO songs VALUES ('a')")
    other.commit()
    other.close()


def _newer_workbook(path: Path) -> None:
    _closed_workbook(path)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    raw.close()


def _truncated_workbook(path: Path) -> None:
    _closed_workbook(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged_schema(path: Path) -> None:
    """Garbage over the first page's b-tree (the schema), keeping the 100-byte header."""
    _closed_workbook(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    path.write_bytes(bytes(data))


BAD_FILES = {
    "empty file": (lambda p: p.write_bytes(b""), errors.NotAWorkbook, "empty"),
    "text file": (lambda p: p.write_text("Dear diary"), errors.NotAWorkbook, "not a database"),
    "random bytes": (lambda p: p.write_bytes(bytes(range(256)) * 40), errors.NotAWorkbook, "not"),
    "short header": (
        lambda p: p.write_bytes(b"SQLite format 3\x00abc"),
        errors.CorruptWorkbook,
        "cut",
    ),
    "other program's database": (
        _sqlite_of_another_program,
        errors.NotAWorkbook,
        "another program",
    ),
    "newer workbook": (_newer_workbook, errors.NewerWorkbook, "newer iptwork"),
    "truncated workbook": (_truncated_workbook, errors.CorruptWorkbook, "shorter"),
    "damaged workbook": (_damaged_schema, errors.CorruptWorkbook, "damaged"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_files_get_a_specific_error_and_stay_unchanged(tmp_path: Path, kind: str) -> None:
    make, error_type, words = BAD_FILES[kind]
    path = tmp_path / "file.iptw"
    make(path)
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(error_type, match=words) as caught:
        open_workbook(path)
    assert str(path) in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(errors.WorkbookNotFound):
        open_workbook(tmp_path / "gone.iptw")
    with pytest.raises(errors.NotAWorkbook, match="folder"):
        open_workbook(tmp_path)


def test_newer_workbook_names_the_version_it_needs(workbook_path: Path) -> None:
    _newer_workbook(workbook_path)
    with pytest.raises(errors.NewerWorkbook) as caught:
        open_workbook(workbook_path)
    assert caught.value.version == schema.SCHEMA_VERSION + 1
    assert "Update iptwork" in str(caught.value)
