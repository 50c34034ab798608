"""The CSV export opens in a spreadsheet with every answer intact and nothing executable."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from iptwork.interchange import ExportOptions, write_csv
from iptwork.interchange.csv_format import COLUMNS
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook


@pytest.fixture
def filled(workbook: Workbook) -> Workbook:
    services.add_vocabulary(
        workbook,
        r.Vocabulary(problems=(r.ProblemKind("mum_rule", "Doing it like Mum"),)),
    )
    alex = services.add_person(workbook, r.Person(name="Alex Novak"))
    mum = services.add_person(workbook, r.Person(name="Mum"))
    focus = services.add_focus(workbook, r.Focus(area="dispute", description="Money"))
    first = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 3, 19, 30),
            channel="phone",
            people=(alex.id, mum.id),
            focus=focus.id,
            setting="Kitchen, after dinner",
            said='I said: "fine, whatever"\nand left, slamming the door',
            other_said='=HYPERLINK("http://evil.example","click")',
            heard="+1 for them, -1 for me",
            their_view="@everyone thinks so",
            emotions=(r.EmotionRating("hurt", 70), r.EmotionRating("sad", 40)),
            understood="unsure",
            satisfaction=3,
            problems=("hostile", "mum_rule"),
            plan="-- ask first",
            rehearsed=True,
            therapist_note="Attack-withdraw, Alex Novak again",
            tags=("money", "evening"),
        ),
    )
    services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 5, 8, 5),
            channel="message",
            people=(mum.id,),
            said="Could you call me?",
            follow_up_of=first.id,
        ),
    )
    services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 6, 22, 0),
            people=(alex.id,),
            said="kept to myself",
            private=True,
        ),
    )
    services.save_mood(workbook, r.Mood(on=date(2026, 10, 5), rating=5))
    return workbook


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_file_starts_with_a_bom_and_a_readable_header(filled: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write_csv(filled, None, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfDate,Time,Channel,People,")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == list(COLUMNS)


def test_one_row_per_interaction_with_every_answer_intact(filled: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(filled, None, path)
    rows = read_rows(path)
    assert len(rows) == 2  # the private one is left out
    first = rows[0]
    assert first["Date"] == "2026-10-03"
    assert first["Time"] == "19:30"
    assert first["Channel"] == "Phone"
    assert first["People"] == "Alex Novak; Mum"
    assert first["Problem area"] == "Role dispute: Money"
    assert first["What led up to it"] == "Kitchen, after dinner"
    assert first["What I said or did"] == 'I said: "fine, whatever"\nand left, slamming the door'
    assert first["Emotions"] == "hurt (70); sad (40)"
    assert first["Did they understand me"] == "Not sure"
    assert first["Satisfaction (0-10)"] == "3"
    assert first["Communication problems"] == "Attacking words; Doing it like Mum"
    assert first["Plan rehearsed"] == "yes"
    assert first["Tags"] == "money; evening"
    assert first["Therapist note"] == "Attack-withdraw, Alex Novak again"
    assert rows[1]["Follow-up of"] == first["Id"]
    assert rows[1]["Satisfaction (0-10)"] == ""


def test_cells_that_a_spreadsheet_would_run_are_defused(filled: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(filled, None, path)
    first = read_rows(path)[0]
    assert first["What they said or did"] == '\'=HYPERLINK("http://evil.example","click")'
    assert first["What I took them to mean"] == "'+1 for them, -1 for me"
    assert first["What they might have wanted"] == "'@everyone thinks so"
    assert first["Plan for next time"] == "'-- ask first"
    for row in read_rows(path):
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_same_filters_as_json(filled: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    options = ExportOptions(
        date_from=date(2026, 10, 4), include_private=True, therapist_notes=False
    )
    assert write_csv(filled, options, path) == 2
    rows = read_rows(path)
    assert [row["What I said or did"] for row in rows] == ["Could you call me?", "kept to myself"]
    assert [row["Private"] for row in rows] == ["no", "yes"]
    assert rows[0]["Follow-up of"] == ""  # the earlier interaction is not in the file
    assert write_csv(filled, ExportOptions(people=("alex novak",)), path) == 1


def test_pseudonymised_csv_holds_no_real_name(filled: Workbook, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(filled, ExportOptions(pseudonymize=True, include_private=True), path)
    text = path.read_text(encoding="utf-8-sig")
    for name in ("Alex", "Novak", "Mum"):
        assert not re.search(rf"\b{name}\b", text, re.IGNORECASE), name
    rows = read_rows(path)
    assert rows[0]["People"] == "Person A; Person B"
    assert rows[0]["Therapist note"] == "Attack-withdraw, Person A again"
    assert rows[0]["Communication problems"] == "Attacking words; Doing it like Person B"
