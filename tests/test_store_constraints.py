"""The schema itself refuses bad data, so that even a bug cannot store it."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from iptwork.store import services
from iptwork.store.models import INTERACTION_TEXTS
from iptwork.store.workbook import Workbook
from tests.factories import populate

GOOD_ID = "1a1b1c1d-2222-4333-8444-5555555555ef"


def _insert_interaction(wb: Workbook, **overrides: object) -> None:
    row: dict[str, object] = {
        "id": GOOD_ID,
        "occurred_at": "2026-10-01T10:00:00",
        "channel": "phone",
        "satisfaction": 5,
        "understood": "yes",
        "rehearsed": 0,
        "private": 0,
        "created_at": "2026-01-01T00:00:00",
        "updated_at": "2026-01-01T00:00:00",
    }
    row |= dict.fromkeys(INTERACTION_TEXTS, "")
    row |= overrides
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with wb.write() as connection:
        connection.exec_driver_sql(
            f"INSERT INTO interaction ({columns}) VALUES ({marks})", tuple(row.values())
        )


def test_a_valid_raw_row_is_accepted(workbook: Workbook) -> None:
    _insert_interaction(workbook)
    assert services.count_interactions(workbook) == 1


@pytest.mark.parametrize(
    "overrides",
    [
        {"satisfaction": 11},
        {"satisfaction": -1},
        {"channel": "telepathy"},
        {"understood": "maybe"},
        {"occurred_at": "03/10/2026 19:30"},
        {"occurred_at": "2026-10-03 19:30:00"},
        {"id": "not-a-uuid"},
        {"id": GOOD_ID.upper()},
        {"follow_up_of": "99999999-2222-4333-8444-555555555555"},
        {"follow_up_of": GOOD_ID},
        {"focus_id": "99999999-2222-4333-8444-555555555555"},
        {"said": "x" * 1_000_001},
    ],
    ids=lambda o: next(iter(o)),
)
def test_bad_interaction_rows_are_refused(workbook: Workbook, overrides: dict[str, object]) -> None:
    with pytest.raises(IntegrityError):
        _insert_interaction(workbook, **overrides)
    assert services.count_interactions(workbook) == 0


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO person (id, name, relationship, closeness, support, conflict, expectations, notes, created_at, updated_at) VALUES ('{id}', 'Sam', 'partner', 4, 5, 5, '', '', 'x', 'x')",
        "INSERT INTO person (id, name, relationship, closeness, support, conflict, expectations, notes, created_at, updated_at) VALUES ('{id}', 'Sam', 'cousin', 1, 5, 5, '', '', 'x', 'x')",
        "INSERT INTO person (id, name, relationship, closeness, support, conflict, expectations, notes, created_at, updated_at) VALUES ('{id}', 'ALEX', 'partner', 1, 5, 5, '', '', 'x', 'x')",
        "INSERT INTO person (id, name, relationship, closeness, support, conflict, expectations, notes, created_at, updated_at) VALUES ('{id}', '   ', 'partner', 1, 5, 5, '', '', 'x', 'x')",
        "INSERT INTO focus (id, area, description, stage, details, created_at, updated_at) VALUES ('{id}', 'grief', '', 'impasse', '{{}}', 'x', 'x')",
        "INSERT INTO focus (id, area, description, stage, details, created_at, updated_at) VALUES ('{id}', 'dispute', '', NULL, 'not json', 'x', 'x')",
        "INSERT INTO interaction_emotion (interaction_id, emotion, intensity, position) VALUES ('{first}', 'hurt', 70, 0)",
        "INSERT INTO interaction_emotion (interaction_id, emotion, intensity, position) VALUES ('{first}', 'sad', 101, 0)",
        "INSERT INTO interaction_emotion (interaction_id, emotion, intensity, position) VALUES ('{first}', 'bored', 50, 0)",
        "INSERT INTO interaction_problem (interaction_id, problem, position) VALUES ('{first}', 'mind_reading', 0)",
        "INSERT INTO phq9 (id, taken_on, item1, item2, item3, item4, item5, item6, item7, item8, item9, created_at, updated_at) VALUES ('{id}', '2026-10-01', 0, 0, 0, 4, 0, 0, 0, 0, 0, 'x', 'x')",
        "INSERT INTO gad7 (id, taken_on, item1, item2, item3, item4, item5, item6, item7, created_at, updated_at) VALUES ('{id}', '1 Oct', 0, 0, 0, 0, 0, 0, 0, 'x', 'x')",
        "INSERT INTO mood (id, rated_on, rating, note, created_at, updated_at) VALUES ('{id}', '2026-10-01', 11, '', 'x', 'x')",
        "INSERT INTO therapy_session (id, number, held_on, phase, notes, homework, client_rating, therapist_rating, created_at, updated_at) VALUES ('{id}', 0, '2026-10-01', 'initial', '', '', 3, 3, 'x', 'x')",
        "INSERT INTO therapy_session (id, number, held_on, phase, notes, homework, client_rating, therapist_rating, created_at, updated_at) VALUES ('{id}', 2, '2026-10-01', 'opening', '', '', 3, 3, 'x', 'x')",
        "INSERT INTO therapy_session (id, number, held_on, phase, notes, homework, client_rating, therapist_rating, created_at, updated_at) VALUES ('{id}', 2, '2026-10-01', 'middle', '', '', 6, 3, 'x', 'x')",
        "INSERT INTO goal (id, focus_id, position, text, status, created_at, updated_at) VALUES ('{id}', '{focus}', 0, 'x', 'done', 'x', 'x')",
        "INSERT INTO workbook (id, title, owner, therapist, created_at, updated_at) VALUES (2, '', '', '', 'x', 'x')",
    ],
    ids=[
        "closeness 4",
        "unknown relationship",
        "same name other case",
        "blank name",
        "stage on grief",
        "details not json",
        "same emotion twice",
        "intensity 101",
        "emotion not in vocabulary",
        "problem not in vocabulary",
        "phq9 item 4",
        "date not ISO",
        "mood 11",
        "session 0",
        "unknown phase",
        "rating 6",
        "unknown goal status",
        "second workbook row",
    ],
)
def test_bad_rows_are_refused(workbook: Workbook, sql: str) -> None:
    made = populate(workbook)
    statement = sql.format(id=GOOD_ID, first=made["first"].id, focus=made["focus"].id)  # type: ignore[attr-defined]
    with pytest.raises(IntegrityError), workbook.write() as connection:
        connection.exec_driver_sql(statement)


def test_a_person_in_interactions_cannot_be_removed_behind_their_back(workbook: Workbook) -> None:
    made = populate(workbook)
    with pytest.raises(IntegrityError), workbook.write() as connection:
        connection.exec_driver_sql(f"DELETE FROM person WHERE id = '{made['alex'].id}'")  # type: ignore[attr-defined]
    assert len(services.list_people(workbook)) == 2


def test_deleting_an_interaction_takes_its_details_but_keeps_follow_ups(workbook: Workbook) -> None:
    made = populate(workbook)
    first, second = made["first"], made["second"]
    services.delete_interaction(workbook, first.id)  # type: ignore[attr-defined]
    with workbook.read() as connection:
        for table in (
            "interaction_emotion",
            "interaction_problem",
            "interaction_tag",
            "interaction_person",
        ):
            left = connection.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE interaction_id = ?",
                (first.id,),  # type: ignore[attr-defined]
            ).scalar()
            assert left == 0, table
    assert services.get_interaction(workbook, second.id).follow_up_of is None  # type: ignore[attr-defined]


def test_deleting_a_focus_keeps_its_interactions(workbook: Workbook) -> None:
    made = populate(workbook)
    services.delete_focus(workbook, made["focus"].id)  # type: ignore[attr-defined]
    kept = services.get_interaction(workbook, made["first"].id)  # type: ignore[attr-defined]
    assert kept.focus is None
    assert kept.said == "You never plan anything."
