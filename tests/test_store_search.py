"""Search over the interactions' words: ranked, highlighted, and always in step with
what is stored — after edits, imports and deletes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.search import MARK_END, MARK_START, integrity_check, search
from iptwork.store.workbook import Workbook, create_workbook, sidecars
from tests.factories import populate


def _found(workbook: Workbook, query: str, **options: bool) -> list[str]:
    with workbook.read() as connection:
        return [hit.id for hit in search(connection, query, **options)]


def test_matches_are_ranked_and_highlighted(workbook: Workbook) -> None:
    many = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 1, 9),
            said="Money again. Always money, money, money.",
            heard="money",
        ),
    )
    once = services.add_interaction(
        workbook,
        r.Interaction(occurred_at=datetime(2026, 10, 2, 9), outcome="We never talked about money."),
    )
    with workbook.read() as connection:
        hits = search(connection, "money")
    assert [h.id for h in hits] == [many.id, once.id]
    assert hits[0].field == "said"
    assert f"{MARK_START}Money{MARK_END}" in hits[0].snippet
    assert hits[1].field == "outcome"


def test_words_in_any_script_and_accents_match(workbook: Workbook) -> None:
    cafe = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 1, 9),
            said="Мы поговорили в café, قلت له شكرا",
        ),
    )
    for query in ("поговор", "cafe", "CAFÉ", "شكرا"):
        assert _found(workbook, query) == [cafe.id], query


def test_the_index_follows_edits_and_deletes(workbook: Workbook) -> None:
    made = populate(workbook)
    first = made["first"]
    assert first.id in _found(workbook, "never")  # type: ignore[attr-defined]
    services.update_interaction(workbook, replace(first, said="Let us plan the weekend together."))  # type: ignore[type-var]
    assert first.id not in _found(workbook, "never")  # type: ignore[attr-defined]
    assert first.id in _found(workbook, "together")  # type: ignore[attr-defined]
    services.delete_person(workbook, made["alex"].id, interactions="delete")  # type: ignore[attr-defined]
    assert _found(workbook, "together") == []
    with workbook.read() as connection:
        assert integrity_check(connection) == []


def test_the_index_follows_imports(workbook: Workbook) -> None:
    fresh = r.Interaction(occurred_at=datetime(2026, 10, 1), said="imported words")
    services.apply_contents(workbook, r.Contents(interactions=(fresh,)))
    assert _found(workbook, "imported") == [fresh.id]
    services.apply_contents(
        workbook, r.Contents(interactions=(replace(fresh, said="replaced words"),))
    )
    assert _found(workbook, "imported") == []
    assert _found(workbook, "replaced") == [fresh.id]


def test_private_interactions_can_be_left_out(workbook: Workbook) -> None:
    made = populate(workbook)
    assert _found(workbook, "myself") == [made["private"].id]  # type: ignore[attr-defined]
    assert _found(workbook, "myself", include_private=False) == []


def test_deleted_words_leave_the_index_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "w.iptw"
    word = "Quokkasentinel"
    with create_workbook(path) as wb:
        saved = services.add_interaction(
            wb, r.Interaction(occurred_at=datetime(2026, 10, 1), said=f"{word} " * 30)
        )
        services.delete_interaction(wb, saved.id)
    data = b"".join(p.read_bytes() for p in (path, *sidecars(path)) if p.exists())
    assert word.lower().encode() not in data.lower()
