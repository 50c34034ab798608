"""The IPT course records: closeness-circle snapshots, reviewed interactions, formulation
and termination sheets — stored, exported and imported whole, and pseudonymised."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from iptwork.interchange import ExportOptions, export_document, import_file, write_json
from iptwork.store import errors, services
from iptwork.store import records as r
from iptwork.store.workbook import Workbook, create_workbook
from tests.factories import populate


def _course(wb: Workbook) -> dict[str, object]:
    made = populate(wb)
    first = services.save_session(wb, r.TherapySession(number=1, held_on=date(2026, 10, 14)))
    services.snapshot_circle(wb, first.id)
    services.update_person(wb, replace(made["alex"], closeness=2))  # type: ignore[type-var]
    last = services.save_session(wb, r.TherapySession(number=16, held_on=date(2026, 12, 17)))
    services.snapshot_circle(wb, last.id)
    services.mark_reviewed(wb, last.id, made["second"].id)  # type: ignore[attr-defined]
    services.set_formulation(
        wb,
        r.Formulation(
            "Low mood", "Arguments with Alex", "Alex and I fight; I sink.", 16, date(2026, 9, 24)
        ),
    )
    services.set_termination(
        wb,
        r.Termination(
            "I ask Alex directly.", "Sulking for days", "Call Dr. Costa", date(2026, 12, 17)
        ),
    )
    return made


def test_snapshots_keep_the_circle_as_it_was(workbook: Workbook) -> None:
    made = _course(workbook)
    first, last = services.list_sessions(workbook)
    alex = made["alex"].id  # type: ignore[attr-defined]
    ring = {p.person: p.closeness for p in first.circle}
    assert ring[alex] == 1
    assert {p.person: p.closeness for p in last.circle}[alex] == 2
    services.delete_person(workbook, alex, interactions="detach")
    kept = services.list_sessions(workbook)[0].circle
    assert [(p.name, p.person) for p in kept if p.name == "Alex"] == [("Alex", None)]


def test_marking_reviewed_adds_and_removes(workbook: Workbook) -> None:
    made = _course(workbook)
    last = services.list_sessions(workbook)[1]
    second = made["second"].id  # type: ignore[attr-defined]
    assert last.interactions == (second,)
    services.mark_reviewed(workbook, last.id, second, reviewed=False)
    assert services.list_sessions(workbook)[1].interactions == ()
    with pytest.raises(errors.RecordNotFound):
        services.mark_reviewed(workbook, last.id, r.new_id())


def test_sheets_are_validated(workbook: Workbook) -> None:
    with pytest.raises(errors.InvalidRecord, match="agreed_sessions"):
        services.set_formulation(workbook, r.Formulation(agreed_sessions=0))
    assert services.get_formulation(workbook) == r.Formulation()


def test_the_course_round_trips_through_json(workbook: Workbook, tmp_path: Path) -> None:
    _course(workbook)
    out = tmp_path / "a.json"
    write_json(workbook, ExportOptions(include_private=True), out)
    with create_workbook(tmp_path / "copy.iptw") as copy:
        import_file(copy, out)
        assert services.read_contents(copy) == services.read_contents(workbook)
        again = export_document(copy, ExportOptions(include_private=True))
    first = json.loads(out.read_text(encoding="utf-8"))
    assert {**first, "exported_at": ""} == {**again, "exported_at": ""}
    assert first["formulation"]["agreed_sessions"] == 16
    assert first["sessions"][0]["circle"][0]["name"] == "Alex"


def test_import_fills_only_empty_sheet_fields(workbook: Workbook, tmp_path: Path) -> None:
    _course(workbook)
    out = tmp_path / "a.json"
    write_json(workbook, ExportOptions(), out)
    with create_workbook(tmp_path / "other.iptw") as other:
        services.set_formulation(other, r.Formulation(diagnosis="Already written"))
        import_file(other, out)
        sheet = services.get_formulation(other)
    assert sheet.diagnosis == "Already written"
    assert sheet.focus == "Arguments with Alex"


def test_pseudonymised_course_names_nobody(workbook: Workbook) -> None:
    _course(workbook)
    services.set_meta(workbook, r.WorkbookMeta(owner="Sam Rivera", therapist="Ana Costa"))
    document = export_document(workbook, ExportOptions(pseudonymize=True))
    text = json.dumps(document, ensure_ascii=False)
    for name in ("Alex", "Mira", "Costa", "Sam"):
        assert name not in text, name
    assert document["sessions"][0]["circle"][0]["name"].startswith("Person ")
