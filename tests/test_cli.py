"""The command line as scripts use it: exit status, one-line errors, each command."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iptwork import cli
from iptwork.store import services
from iptwork.store.workbook import create_workbook, open_workbook
from tests.factories import populate


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("iptwork: ")
    return lines[0]


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "filled.iptw"
    with create_workbook(path, title="Filled") as wb:
        populate(wb)
    return path


def test_new_creates_a_workbook_with_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.iptw"
    status, out, _ = run(capsys, "new", str(path), "--title", "Autumn 2026")
    assert status == 0
    assert "Created" in out
    with open_workbook(path) as wb:
        assert services.get_meta(wb).title == "Autumn 2026"


def test_new_refuses_an_existing_file(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashlib.sha256(filled.read_bytes()).hexdigest()
    status, _, err = run(capsys, "new", str(filled))
    assert status == 1
    assert "already exists" in one_line_error(err)
    assert hashlib.sha256(filled.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["new"],
        ["export", "w.iptw", "--format", "xml", "-o", "o"],
        ["export", "w.iptw", "--format", "json"],
        ["export", "w.iptw", "--format", "json", "-o", "o", "--from", "2026-02-30"],
        ["worksheet", "diary", "-o", "o.pdf"],
        ["demo", "d.iptw", "--interactions", "many"],
        ["stats"],
        ["restore", "only-one"],
    ],
)
def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "usage:" in err


@pytest.mark.parametrize("command", [*cli.COMMANDS])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    status, out, _ = run(capsys, command, "--help")
    assert status == 0
    assert f"usage: iptwork {command}" in out


def test_top_level_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for command in cli.COMMANDS:
        assert command in out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no workbook"),
        (b"", "empty"),
        (b"just some notes", "not an iptwork workbook"),
        (b"SQLite format 3\x00" + b"\x00" * 10, "damaged"),
    ],
)
def test_commands_on_bad_files_fail_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, words: str
) -> None:
    path = tmp_path / "bad.iptw"
    if content is not None:
        path.write_bytes(content)
    for argv in (["check", str(path)], ["stats", str(path)], ["backup", str(path)]):
        status, _, err = run(capsys, *argv)
        assert status == 1, argv
        assert words in one_line_error(err)
    if content is not None:
        assert path.read_bytes() == content


def test_check_reports_an_intact_workbook(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(filled))
    assert status == 0
    assert "2 people" in out
    assert "3 interactions" in out
    assert out.strip().endswith("OK")


def test_check_finds_broken_references(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    raw = sqlite3.connect(filled)
    raw.execute("UPDATE interaction SET focus_id = 'ffffffff-ffff-4fff-8fff-ffffffffffff'")
    raw.commit()
    raw.close()
    status, out, err = run(capsys, "check", str(filled))
    assert status == 1
    assert "missing records" in one_line_error(err)
    assert "PROBLEMS" in out


def test_backup_and_restore_round_trip(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "copies"
    dest.mkdir()
    status, out, _ = run(capsys, "backup", str(filled), "-o", str(dest))
    assert status == 0
    (copy,) = dest.iterdir()
    assert str(copy) in out
    with open_workbook(filled) as wb:
        original = services.read_contents(wb)
        services.delete_interaction(wb, original.interactions[0].id)
    status, out, _ = run(capsys, "restore", str(copy), str(filled))
    assert status == 0
    kept = [p for p in tmp_path.iterdir() if "before-restore" in p.name and p.suffix == ".iptw"]
    assert len(kept) == 1
    with open_workbook(filled) as wb:
        assert services.read_contents(wb) == original
    with open_workbook(kept[0]) as wb:
        assert len(services.list_interactions(wb)) == 2


def test_backup_refuses_to_overwrite(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "taken.iptw"
    target.write_text("mine")
    status, _, err = run(capsys, "backup", str(filled), "-o", str(target))
    assert status == 1
    assert "already exists" in one_line_error(err)
    assert target.read_text() == "mine"


def test_restore_refuses_a_backup_that_is_not_a_workbook(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.iptw"
    junk.write_text("not a backup")
    before = filled.read_bytes()
    status, _, err = run(capsys, "restore", str(junk), str(filled))
    assert status == 1
    assert "not an iptwork workbook" in one_line_error(err)
    assert filled.read_bytes() == before


def test_pdf_export_and_blank_worksheets(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "workbook.pdf"
    status, _, err = run(capsys, "export", str(filled), "--format", "pdf", "-o", str(out))
    assert (status, err) == (0, "")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "You never plan anything." in text
    assert "Something I keep to myself" not in text  # private: left out by default
    sheets = tmp_path / "sheets.pdf"
    status, out_text, _ = run(capsys, "worksheet", "phq9", "-o", str(sheets))
    assert status == 0
    assert "page" in out_text
    sheet_text = " ".join(page.extract_text() for page in PdfReader(sheets).pages)
    assert "Pfizer" in sheet_text


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    """The installed entry point, as a script would call it."""
    bad = tmp_path / "notes.iptw"
    bad.write_text("hello")
    env = os.environ | {"PYTHONWARNINGS": "error"}
    result = subprocess.run(
        [sys.executable, "-m", "iptwork", "stats", str(bad), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_line_error(result.stderr)
    usage = subprocess.run(
        [sys.executable, "-m", "iptwork", "export"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2


def test_json_is_valid_for_every_value_type(filled: Path) -> None:
    """Sanity for the stats/export tests below: the workbook fixture has every record kind."""
    with open_workbook(filled) as wb:
        contents = services.read_contents(wb)
    assert json.dumps(len(contents.interactions)) == "3"
