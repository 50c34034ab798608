"""Services: one transaction each, frozen records in and out, clear refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from iptwork.store import errors, services
from iptwork.store import records as r
from iptwork.store.workbook import Workbook
from tests.factories import populate


def test_records_come_back_exactly_as_written(workbook: Workbook) -> None:
    made = populate(workbook)
    for key in ("first", "second", "private"):
        stored = services.get_interaction(workbook, made[key].id)  # type: ignore[attr-defined]
        assert stored == made[key]
    assert services.get_person(workbook, made["alex"].id) == made["alex"]  # type: ignore[attr-defined]
    focus = services.get_focus(workbook, made["focus"].id)  # type: ignore[attr-defined]
    assert focus == made["focus"]
    assert [g.text for g in focus.goals] == [
        "Say what I need in one sentence",
        "Ask before assuming",
    ]


def test_update_replaces_every_field_and_children(workbook: Workbook) -> None:
    made = populate(workbook)
    changed = replace(
        made["first"],  # type: ignore[type-var]
        said="Я хотел помочь 🙂 <b>&</b>",
        emotions=(r.EmotionRating("sad", 55),),
        problems=(),
        tags=("money", "كلمة"),
        satisfaction=None,
        understood="unsure",
    )
    services.update_interaction(workbook, changed)
    assert services.get_interaction(workbook, changed.id) == changed


def test_update_of_a_missing_record_is_reported(workbook: Workbook) -> None:
    with pytest.raises(errors.RecordNotFound):
        services.update_interaction(workbook, r.Interaction(occurred_at=datetime(2026, 1, 1)))
    with pytest.raises(errors.RecordNotFound):
        services.delete_interaction(workbook, r.new_id())


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"satisfaction": 11}, "satisfaction"),
        ({"channel": "pigeon"}, "channel"),
        ({"emotions": (r.EmotionRating("hurt", 120),)}, "emotions[hurt].intensity"),
        ({"emotions": (r.EmotionRating("bored", 20),)}, "emotions"),
        ({"problems": ("silence", "silence")}, "problems"),
        ({"people": (r.new_id(),)}, "people"),
        ({"focus": r.new_id()}, "focus"),
        ({"follow_up_of": r.new_id()}, "follow_up_of"),
        ({"tags": ("",)}, "tags"),
        ({"said": "x" * 1_000_001}, "said"),
    ],
)
def test_invalid_interactions_name_the_field_and_store_nothing(
    workbook: Workbook, change: dict[str, object], field: str
) -> None:
    bad = r.Interaction(occurred_at=datetime(2026, 10, 1, 9), **change)  # type: ignore[arg-type]
    with pytest.raises(errors.InvalidRecord) as caught:
        services.add_interaction(workbook, bad)
    assert caught.value.field == field
    assert services.count_interactions(workbook) == 0


def test_fifty_thousand_characters_and_any_script_are_kept(workbook: Workbook) -> None:
    long_text = ("Мы поговорили. 我们谈过了。 تحدثنا 🙂 <&> " * 2000)[:50_000]
    saved = services.add_interaction(
        workbook, r.Interaction(occurred_at=datetime(2026, 10, 1, 9), intended=long_text)
    )
    assert services.get_interaction(workbook, saved.id).intended == long_text


def test_names_are_unique_whatever_the_case(workbook: Workbook) -> None:
    populate(workbook)
    with pytest.raises(errors.InvalidRecord, match="already a person called Alex"):
        services.add_person(workbook, r.Person(name=" alex "))
    assert len(services.list_people(workbook)) == 2


def test_deleting_a_person_in_interactions_asks_the_caller(workbook: Workbook) -> None:
    made = populate(workbook)
    alex = made["alex"]
    assert services.person_usage(workbook, alex.id) == 2  # type: ignore[attr-defined]
    with pytest.raises(errors.PersonInUse) as caught:
        services.delete_person(workbook, alex.id)  # type: ignore[attr-defined]
    assert caught.value.interactions == 2
    assert services.count_interactions(workbook) == 3
    assert len(services.list_people(workbook)) == 2


def test_deleting_a_person_can_detach_them(workbook: Workbook) -> None:
    made = populate(workbook)
    services.delete_person(workbook, made["alex"].id, interactions="detach")  # type: ignore[attr-defined]
    assert services.count_interactions(workbook) == 3
    second = services.get_interaction(workbook, made["second"].id)  # type: ignore[attr-defined]
    assert second.people == (made["mira"].id,)  # type: ignore[attr-defined]


def test_deleting_a_person_can_delete_their_interactions(workbook: Workbook) -> None:
    made = populate(workbook)
    services.delete_person(workbook, made["alex"].id, interactions="delete")  # type: ignore[attr-defined]
    assert [i.id for i in services.list_interactions(workbook)] == [made["private"].id]  # type: ignore[attr-defined]


def _ids(workbook: Workbook, **where: object) -> list[str]:
    found = services.list_interactions(workbook, r.InteractionFilter(**where))  # type: ignore[arg-type]
    return [i.said for i in found]


def test_filters(workbook: Workbook) -> None:
    made = populate(workbook)
    alex, mira, focus = made["alex"], made["mira"], made["focus"]
    all_said = ["You never plan anything.", "Could we sit down on Sunday and plan together?"]
    private = "Something I keep to myself"
    assert _ids(workbook) == [*all_said, private]
    assert _ids(workbook, include_private=False) == all_said
    # Dates are inclusive calendar days compared with the day of occurred_at.
    assert _ids(workbook, date_from=date(2026, 10, 3), date_to=date(2026, 10, 3)) == all_said[:1]
    assert _ids(workbook, date_from=date(2026, 10, 4), date_to=date(2026, 10, 10)) == all_said[1:]
    assert _ids(workbook, people=(alex.id,)) == all_said  # type: ignore[attr-defined]
    assert _ids(workbook, people=(alex.id, mira.id)) == [*all_said, private]  # type: ignore[attr-defined]
    assert _ids(workbook, focus=focus.id) == all_said[:1]  # type: ignore[attr-defined]
    assert _ids(workbook, problem="hostile") == all_said[:1]
    assert _ids(workbook, text="plan") == all_said
    assert _ids(workbook, text="PLAN sunday") == all_said[1:]
    assert _ids(workbook, text="100%") == []
    newest = services.list_interactions(workbook, newest_first=True, limit=1)
    assert newest[0].said == private


def test_text_filter_treats_search_syntax_as_words(workbook: Workbook) -> None:
    services.add_interaction(
        workbook, r.Interaction(occurred_at=datetime(2026, 10, 1, 9), said="50% of the time")
    )
    services.add_interaction(
        workbook,
        r.Interaction(occurred_at=datetime(2026, 10, 2, 9), said='She said "NEAR" and left'),
    )
    assert _ids(workbook, text="50% of") == ["50% of the time"]
    assert _ids(workbook, text='"near') == ['She said "NEAR" and left']
    assert _ids(workbook, text="NEAR(") == ['She said "NEAR" and left']  # a word, not syntax
    for syntax in ("_0", "*", 'a"b', "AND OR NOT", "col:said", "^x"):
        assert _ids(workbook, text=syntax) == [], syntax


def test_a_dispute_keeps_its_stage_history(workbook: Workbook) -> None:
    made = populate(workbook)
    focus = made["focus"]
    later = services.update_focus(
        workbook,
        replace(focus, stage="renegotiation"),  # type: ignore[type-var]
        today=date(2026, 10, 20),
    )
    stored = services.get_focus(workbook, later.id)
    assert [(c.stage, c.changed_on) for c in stored.stage_history] == [
        ("impasse", date(2026, 9, 3)),
        ("renegotiation", date(2026, 10, 20)),
    ]


def test_focus_details_must_belong_to_the_area(workbook: Workbook) -> None:
    with pytest.raises(errors.InvalidRecord, match=r"details\.old_role"):
        services.add_focus(workbook, r.Focus(area="grief", details={"old_role": "x"}))
    with pytest.raises(errors.InvalidRecord, match="only a dispute"):
        services.add_focus(workbook, r.Focus(area="grief", stage="impasse"))


def test_sessions_questionnaires_moods_and_events(workbook: Workbook) -> None:
    made = populate(workbook)
    session = services.save_session(
        workbook,
        r.TherapySession(
            number=3,
            held_on=date(2026, 10, 14),
            phase="initial",
            interactions=(made["first"].id,),  # type: ignore[attr-defined]
            client_rating=2,
            therapist_rating=3,
        ),
    )
    assert services.list_sessions(workbook) == [session]
    with pytest.raises(errors.InvalidRecord, match="already a session 3"):
        services.save_session(workbook, r.TherapySession(number=3, held_on=date(2026, 10, 21)))
    phq = services.save_phq9(workbook, r.Phq9(date(2026, 10, 5), (1, 2, 1, 0, 1, 2, 1, 0, 1), 1))
    assert services.list_phq9(workbook) == [phq]
    assert phq.score.total == 9
    assert phq.item9_positive
    with pytest.raises(errors.InvalidRecord, match="items"):
        services.save_gad7(workbook, r.Gad7(date(2026, 10, 5), (1, 2, 3)))
    mood = services.save_mood(workbook, r.Mood(date(2026, 10, 5), 4, "tired"))
    assert services.list_moods(workbook) == [mood]
    event = services.save_event(
        workbook,
        r.LifeEvent(date(2026, 6, 1), "transition", (made["mira"].id,), "New job", True),  # type: ignore[attr-defined]
    )
    assert services.list_events(workbook) == [event]
    services.delete_event(workbook, event.id)
    assert services.list_events(workbook) == []


def test_user_vocabulary_extends_the_built_in_one(workbook: Workbook) -> None:
    services.add_vocabulary(
        workbook,
        r.Vocabulary(
            emotions=("overwhelmed",),
            problems=(r.ProblemKind("talked_over", "Talking over them"),),
        ),
    )
    words = services.list_emotion_words(workbook)
    assert words[0] == "angry"
    assert words[-1] == "overwhelmed"
    kinds = services.list_problem_kinds(workbook)
    assert kinds[0].key == "nonverbal_substitute"
    assert kinds[-1] == r.ProblemKind("talked_over", "Talking over them", "", False)
    saved = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 1, 9),
            emotions=(r.EmotionRating("overwhelmed", 80),),
            problems=("talked_over",),
        ),
    )
    assert services.get_interaction(workbook, saved.id) == saved
    with pytest.raises(errors.InvalidRecord, match="key"):
        services.add_vocabulary(workbook, r.Vocabulary(problems=(r.ProblemKind("Bad Key", "x"),)))


def _contents_error(workbook: Workbook, contents: r.Contents) -> errors.InvalidRecord:
    before = services.read_contents(workbook)
    with pytest.raises(errors.InvalidRecord) as caught:
        services.apply_contents(workbook, contents)
    assert services.read_contents(workbook) == before
    return caught.value


def test_whole_imports_refuse_clashing_ids_and_broken_text(workbook: Workbook) -> None:
    alex = r.Person(name="Alex")
    twin = replace(alex, name="Sam")
    assert _contents_error(workbook, r.Contents(people=(alex, twin))).field == "id"
    goal = r.Goal("Talk")
    clash = r.Contents(
        focuses=(r.Focus(area="dispute", goals=(goal,)), r.Focus(area="grief", goals=(goal,)))
    )
    assert _contents_error(workbook, clash).field == "goals"
    broken = r.Contents(
        interactions=(r.Interaction(occurred_at=datetime(2026, 10, 1), said="bad \ud800 text"),)
    )
    error = _contents_error(workbook, broken)
    assert (error.field, "broken character" in error.problem) == ("said", True)
    huge = r.Contents(sessions=(r.TherapySession(number=2**63, held_on=date(2026, 10, 1)),))
    assert _contents_error(workbook, huge).field == "number"
    same_day = r.Focus(
        area="dispute",
        stage="impasse",
        stage_history=(
            r.StageChange("impasse", date(2026, 10, 1)),
            r.StageChange("renegotiation", date(2026, 10, 1)),
        ),
    )
    assert _contents_error(workbook, r.Contents(focuses=(same_day,))).field == "stage_history"
    spaced = r.Contents(people=(r.Person(name="Alex"), r.Person(name=" alex ")))
    assert _contents_error(workbook, spaced).field == "name"


def test_a_goal_id_of_another_focus_in_the_workbook_is_refused(workbook: Workbook) -> None:
    made = populate(workbook)
    taken = made["focus"].goals[0]  # type: ignore[attr-defined]
    other = r.Focus(area="transition", goals=(taken,))
    error = _contents_error(workbook, r.Contents(focuses=(other,)))
    assert "another focus" in error.problem
