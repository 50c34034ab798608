"""`iptwork demo`: the sample workbook a therapist looks at first.

It must be the same every time, valid, believable (the course gets better, sessions look
back at what happened before them, the words do not repeat) and quick to make.
"""

from __future__ import annotations

import hashlib
import os
import re
import statistics
import string
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from iptwork import domain
from iptwork.demo import COURSE_END, COURSE_START, build_demo, create_demo, texts
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.errors import WorkbookExists
from iptwork.store.workbook import Workbook, open_workbook


@pytest.fixture(scope="module")
def demo() -> r.Contents:
    return build_demo()


def _label(collection: str, index: int, record_id: str) -> str:
    return f"{collection}[{index}] (id {record_id})"


def _as_stored(contents: r.Contents) -> r.Contents:
    """The order a workbook reads records back in (people by name, and so on)."""
    return replace(
        contents,
        people=tuple(sorted(contents.people, key=lambda p: p.name.casefold())),
        focuses=tuple(
            sorted(
                (replace(f, people=tuple(sorted(f.people))) for f in contents.focuses),
                key=lambda f: f.id,
            )
        ),
        events=tuple(
            sorted(
                (replace(e, people=tuple(sorted(e.people))) for e in contents.events),
                key=lambda e: (e.on, e.id),
            )
        ),
    )


def _read(path: Path) -> r.Contents:
    wb = open_workbook(path)
    try:
        return services.read_contents(wb)
    finally:
        wb.close()


# --- the same every time ---------------------------------------------------------------


def test_the_same_arguments_give_the_same_workbook_ids_included(demo: r.Contents) -> None:
    again = build_demo(120, 1)
    assert again == demo
    assert [i.id for i in again.interactions] == [i.id for i in demo.interactions]


def test_another_seed_gives_another_workbook(demo: r.Contents) -> None:
    other = build_demo(120, 2)
    assert other != demo
    assert {i.id for i in other.interactions}.isdisjoint(i.id for i in demo.interactions)
    assert [i.said for i in other.interactions] != [i.said for i in demo.interactions]


def test_the_workbook_does_not_depend_on_hash_randomisation() -> None:
    program = (
        "import hashlib; from iptwork.demo import build_demo; "
        "print(hashlib.sha256(repr(build_demo(60, 7)).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("0", "4242"):
        environment = os.environ | {"PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", program],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    digests.add(hashlib.sha256(repr(build_demo(60, 7)).encode()).hexdigest())
    assert len(digests) == 1


def test_two_created_files_hold_the_same_records(tmp_path: Path) -> None:
    create_demo(tmp_path / "a.iptw", interactions=80, seed=3)
    create_demo(tmp_path / "b.iptw", interactions=80, seed=3)
    first, second = _read(tmp_path / "a.iptw"), _read(tmp_path / "b.iptw")
    assert first == second
    assert first == _as_stored(build_demo(80, 3))


# --- valid -----------------------------------------------------------------------------


def test_the_workbook_passes_the_import_checks(workbook: Workbook, demo: r.Contents) -> None:
    with workbook.read() as connection:
        services.check_contents(connection, demo, _label)
    services.apply_contents(workbook, demo)  # the import path takes it too, all of it
    assert services.count_interactions(workbook) == 120


def test_a_created_file_is_complete_and_closed(tmp_path: Path) -> None:
    path = tmp_path / "demo.iptw"
    create_demo(path)
    assert not path.with_name(path.name + "-wal").exists()  # checkpointed: the file is all
    contents = _read(path)
    assert contents.meta.title == texts.TITLE
    assert contents.meta.owner == "Sam Rivera"
    assert contents.meta.planned_sessions == 16
    assert len(contents.interactions) == 120


def test_an_existing_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "mine.iptw"
    path.write_bytes(b"my own words")
    with pytest.raises(WorkbookExists):
        create_demo(path)
    assert path.read_bytes() == b"my own words"


def test_a_bad_count_is_refused_before_any_file_is_made(tmp_path: Path) -> None:
    path = tmp_path / "demo.iptw"
    with pytest.raises(ValueError, match="interactions"):
        create_demo(path, interactions=-1)
    assert not path.exists()


@pytest.mark.parametrize("count", [0, 1, 5])
def test_a_tiny_demo_is_still_valid(workbook: Workbook, count: int) -> None:
    contents = build_demo(count)
    assert len(contents.interactions) == count
    with workbook.read() as connection:
        services.check_contents(connection, contents, _label)


def test_every_wording_fills_in_and_names_known_problems_and_emotions() -> None:
    """A typo in any option would break `iptwork demo` for some seed only: check them all."""
    problems = domain.BUILTIN_PROBLEM_KEYS | {texts.OWN_PROBLEM[0]}
    emotions = domain.BUILTIN_EMOTIONS | {texts.OWN_EMOTION}
    for theme in texts.THEMES:
        names = {"clock", "part"} | {name for slot in theme.slots for name in slot.names}
        values = dict.fromkeys(names, "x")
        options: list[str | texts.Line] = [*theme.setting, *theme.intended, *theme.their_view]
        for graded in (
            theme.said,
            theme.other_said,
            theme.heard,
            theme.outcome,
            theme.alternative,
            theme.plan,
        ):
            for quality in ("bad", "mixed", "good"):
                options.extend(graded.of(quality))  # type: ignore[arg-type]
                assert graded.of(quality), (theme.key, quality)
        for option in options:
            line = texts.Line(option) if isinstance(option, str) else option
            for text in (line.text, *line.replies):
                used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                assert used <= names, (theme.key, text)
                text.format(**values)
            assert set(line.problems) <= problems, (theme.key, line.text)
        for quality in ("bad", "mixed", "good"):
            assert set(theme.feelings.of(quality)) <= emotions, theme.key
        assert set(theme.people) <= {p.key for p in texts.PEOPLE}


# --- what a therapist sees -------------------------------------------------------------


def test_the_people_and_the_two_focus_areas(demo: r.Contents) -> None:
    assert 5 <= len(demo.people) <= 8
    relationships = {p.relationship for p in demo.people}
    assert {"partner", "boss", "colleague", "parent"} <= relationships
    for person in demo.people:
        assert person.expectations
        assert person.notes
        assert person.expectations_met
    dispute, transition = demo.focuses
    assert (dispute.area, transition.area) == ("dispute", "transition")
    assert [c.stage for c in dispute.stage_history] == ["impasse", "renegotiation"]
    assert dispute.stage == "renegotiation"
    assert dispute.details["i_expect"]
    assert dispute.details["they_expect"]
    assert {"old_role", "new_role", "lost", "gained"} <= set(transition.details)
    for focus in demo.focuses:
        assert 2 <= len(focus.goals) <= 4
        assert "achieved" in {g.status for g in focus.goals}


def test_sixteen_sessions_in_three_phases_with_improving_ratings(demo: r.Contents) -> None:
    sessions = demo.sessions
    assert [s.number for s in sessions] == list(range(1, 17))
    assert [s.phase for s in sessions] == ["initial"] * 3 + ["middle"] * 10 + ["termination"] * 3
    assert sessions[0].held_on > COURSE_START
    assert sessions[-1].held_on == COURSE_END
    assert all(b.held_on - a.held_on == timedelta(weeks=1) for a, b in pairwise(sessions))
    assert sessions[-1].client_rating > sessions[0].client_rating  # type: ignore[operator]
    assert sessions[-1].therapist_rating > sessions[0].therapist_rating  # type: ignore[operator]


def test_sessions_review_one_to_three_earlier_interactions(demo: r.Contents) -> None:
    interactions = {i.id: i for i in demo.interactions}
    for session in demo.sessions:
        assert 1 <= len(session.interactions) <= 3, session.number
        for interaction_id in session.interactions:
            reviewed = interactions[interaction_id]
            assert reviewed.occurred_at.date() < session.held_on
            assert not reviewed.private  # the client kept those out of review
    notes = [i for i in demo.interactions if i.therapist_note]
    reviewed_ids = {i for s in demo.sessions for i in s.interactions}
    assert notes
    assert all(i.id in reviewed_ids for i in notes)


def test_nothing_is_dated_after_the_end_of_the_course(demo: r.Contents) -> None:
    days = [
        *(i.occurred_at.date() for i in demo.interactions),
        *(s.held_on for s in demo.sessions),
        *(a.taken_on for a in demo.phq9),
        *(a.taken_on for a in demo.gad7),
        *(m.on for m in demo.moods),
        *(e.on for e in demo.events),
        *(c.changed_on for f in demo.focuses for c in f.stage_history),
    ]
    assert max(days) <= COURSE_END
    assert min(i.occurred_at.date() for i in demo.interactions) >= COURSE_START
    hours = [i.occurred_at.hour for i in demo.interactions]
    assert min(hours) >= 7
    assert max(hours) <= 23


def test_the_interactions_get_better_over_the_course(demo: r.Contents) -> None:
    interactions = demo.interactions
    assert list(interactions) == sorted(interactions, key=lambda i: i.occurred_at)
    quarter = len(interactions) // 4
    first, last = interactions[:quarter], interactions[-quarter:]

    def satisfaction(part: tuple[r.Interaction, ...]) -> float:
        return statistics.mean(i.satisfaction or 0 for i in part)

    def problems(part: tuple[r.Interaction, ...]) -> float:
        return statistics.mean(len(i.problems) for i in part)

    def understood(part: tuple[r.Interaction, ...]) -> int:
        return sum(i.understood == "yes" for i in part)

    assert satisfaction(last) >= satisfaction(first) + 1.5
    assert problems(last) <= problems(first) - 0.5
    assert understood(last) > understood(first)


def test_the_questionnaires_improve_and_item_9_is_positive_once(demo: r.Contents) -> None:
    phq9 = demo.phq9
    assert (len(phq9), len(demo.gad7)) == (16, 16)
    assert phq9[0].score.severity == "moderately severe"
    assert phq9[-1].score.total < phq9[0].score.total
    assert phq9[-1].score.severity == "mild"
    assert demo.gad7[-1].score.total < demo.gad7[0].score.total
    positive = [a for a in phq9 if a.item9_positive]
    assert len(positive) == 1
    assert positive[0].taken_on < date(2026, 10, 1)  # early, so the safety message shows
    assert len({a.items for a in phq9}) == len(phq9)  # real answers, not one pattern scaled
    moods = demo.moods
    assert len(moods) > 70
    assert (
        statistics.mean(m.rating for m in moods[-20:])
        > statistics.mean(m.rating for m in moods[:20]) + 2
    )


def test_the_words_do_not_repeat(demo: r.Contents) -> None:
    first_hundred = demo.interactions[:100]
    assert len({i.said for i in first_hundred}) == 100
    assert len({(i.setting, i.said, i.other_said) for i in first_hundred}) == 100
    for seed in range(2, 6):
        said = [i.said for i in build_demo(120, seed).interactions[:100]]
        assert len(set(said)) == 100, seed


def test_the_interactions_are_filled_in_like_a_person_would(demo: r.Contents) -> None:
    interactions = demo.interactions
    people = {p.id: p for p in demo.people}
    for interaction in interactions:
        assert all((interaction.setting, interaction.said, interaction.heard))
        assert 1 <= len(interaction.emotions) <= 3
        assert interaction.understood in {"yes", "partly", "no", "unsure"}
        assert "{" not in interaction.setting + interaction.said + interaction.plan
    with_partner_or_boss = [
        i for i in interactions if {people[p].relationship for p in i.people} & {"partner", "boss"}
    ]
    assert len(with_partner_or_boss) > len(interactions) / 2
    assert any(len(i.people) > 1 for i in interactions)
    assert len({i.channel for i in interactions}) >= 4
    assert 1 <= sum(i.private for i in interactions) <= 15
    assert any(i.tags for i in interactions)
    # The user's own words are in use.
    assert any(e.name == "overwhelmed" for i in interactions for e in i.emotions)
    assert any("talked_over" in i.problems for i in interactions)


def test_follow_ups_try_the_plan_of_an_earlier_interaction(demo: r.Contents) -> None:
    by_id = {i.id: i for i in demo.interactions}
    follow_ups = [i for i in demo.interactions if i.follow_up_of]
    assert len(follow_ups) >= 5
    for follow_up in follow_ups:
        earlier = by_id[follow_up.follow_up_of]  # type: ignore[index]
        assert earlier.occurred_at < follow_up.occurred_at
        assert earlier.people == follow_up.people
        assert earlier.plan[1:] in follow_up.setting  # the plan, quoted in its setting
    assert any(by_id[i.follow_up_of].rehearsed for i in follow_ups)  # type: ignore[index]


def test_dates_in_the_text_are_english_whatever_the_locale(demo: r.Contents) -> None:
    for session in demo.sessions:
        for day in re.findall(r"\((\d+ \w+)\)", session.notes):
            assert day.split()[1] in {"September", "October", "November", "December"}


# --- quick -----------------------------------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_interactions_are_created_quickly(tmp_path: Path) -> None:
    path = tmp_path / "big.iptw"
    started = time.perf_counter()
    create_demo(path, interactions=10_000, seed=5)
    elapsed = time.perf_counter() - started
    wb = open_workbook(path)
    try:
        assert services.count_interactions(wb) == 10_000
        newest = services.list_interactions(wb, newest_first=True, limit=1)[0]
        assert newest.occurred_at.date() < COURSE_END
    finally:
        wb.close()
    assert elapsed < 15, f"10,000 interactions took {elapsed:.1f} s"
