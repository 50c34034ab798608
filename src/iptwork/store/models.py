"""The workbook schema as SQLAlchemy 2 typed ORM classes.

The schema itself refuses bad data (ranges, vocabularies, date formats, references), so a
bug in a service or an importer cannot store something the rest of the program cannot read.
Text columns are NOT NULL with '' for "not written"; ids are lowercase UUID strings.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from iptwork import domain

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DATE_GLOB = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]"
DATETIME_GLOB = DATE_GLOB + "T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
UUID_GLOB = "-".join("[0-9a-f]" * n for n in (8, 4, 4, 4, 12))


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as 'YYYY-MM-DD' text, so plain SQL can compare and read it."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class IsoDateTime(TypeDecorator[datetime]):
    """A local wall-clock time stored as 'YYYY-MM-DDTHH:MM:SS' text (seconds precision)."""

    impl = String(19)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return value.replace(tzinfo=None, microsecond=0).isoformat(timespec="seconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _in(column: str, values: object) -> str:
    keys = ", ".join(f"'{v}'" for v in values)  # type: ignore[attr-defined]
    return f"{column} IN ({keys})"


def _between(column: str, bounds: tuple[int, int], nullable: bool = False) -> str:
    check = f"{column} BETWEEN {bounds[0]} AND {bounds[1]}"
    return f"{column} IS NULL OR ({check})" if nullable else check


def _uuid(column: str = "id") -> CheckConstraint:
    return CheckConstraint(f"{column} GLOB '{UUID_GLOB}'", name=f"{column}_is_uuid")


def _date(column: str, nullable: bool = False) -> CheckConstraint:
    check = f"{column} GLOB '{DATE_GLOB}'"
    return CheckConstraint(
        f"{column} IS NULL OR {check}" if nullable else check, name=f"{column}_format"
    )


def _text_limit(*columns: str, limit: int = domain.MAX_TEXT) -> list[CheckConstraint]:
    return [CheckConstraint(f"length({c}) <= {limit}", name=f"{c}_length") for c in columns]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {date: IsoDate(), datetime: IsoDateTime()}


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class WorkbookInfo(Timestamps, Base):
    """The single row of workbook metadata."""

    __tablename__ = "workbook"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(
            _between("planned_sessions", domain.PLANNED_SESSIONS_RANGE, nullable=True),
            name="planned_sessions_range",
        ),
        _date("started_on", nullable=True),
        *_text_limit("title", "owner", "therapist", limit=domain.MAX_NAME),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    title: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    therapist: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None]
    planned_sessions: Mapped[int | None]


class EmotionWord(Base):
    """The emotion vocabulary: built-in words plus the user's own."""

    __tablename__ = "emotion_word"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        *_text_limit("name", limit=domain.MAX_LABEL),
    )

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    builtin: Mapped[bool] = mapped_column(default=False)


class ProblemKind(Base):
    """The communication-problem vocabulary: built-in keys plus the user's own."""

    __tablename__ = "problem_kind"
    __table_args__ = (
        CheckConstraint("key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'", name="key_format"),
        CheckConstraint("length(trim(label)) > 0", name="label_not_blank"),
        *_text_limit("key", "label", limit=domain.MAX_LABEL),
        *_text_limit("explanation", limit=domain.MAX_NAME),
    )

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(default=False)


class Person(Timestamps, Base):
    __tablename__ = "person"
    __table_args__ = (
        _uuid(),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint(_in("relationship", domain.Relationship), name="relationship_known"),
        CheckConstraint(_between("closeness", domain.CLOSENESS_RANGE), name="closeness_range"),
        CheckConstraint(_between("support", domain.SUPPORT_RANGE), name="support_range"),
        CheckConstraint(_between("conflict", domain.CONFLICT_RANGE), name="conflict_range"),
        CheckConstraint(
            "expectations_met IS NULL OR " + _in("expectations_met", domain.ExpectationsMet),
            name="expectations_met_known",
        ),
        *_text_limit("name", limit=domain.MAX_NAME),
        *_text_limit("expectations", "notes"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Names identify people on the command line, so they are unique regardless of case.
    name: Mapped[str] = mapped_column(Text(collation="NOCASE"), unique=True)
    relationship: Mapped[str] = mapped_column(Text)
    closeness: Mapped[int] = mapped_column(default=2)
    support: Mapped[int] = mapped_column(default=5)
    conflict: Mapped[int] = mapped_column(default=0)
    expectations: Mapped[str] = mapped_column(Text, default="")
    expectations_met: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")


class Focus(Timestamps, Base):
    __tablename__ = "focus"
    __table_args__ = (
        _uuid(),
        CheckConstraint(_in("area", domain.ProblemArea), name="area_known"),
        CheckConstraint(
            "stage IS NULL OR (area = 'dispute' AND " + _in("stage", domain.DisputeStage) + ")",
            name="stage_only_for_disputes",
        ),
        CheckConstraint("json_valid(details) AND json_type(details) = 'object'", name="details"),
        *_text_limit("description", "details"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    area: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text, default="{}")


focus_person = Table(
    "focus_person",
    Base.metadata,
    Column("focus_id", ForeignKey("focus.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
)


class StageChange(Base):
    """A dispute's stage as it was on a day: the stage's history across sessions."""

    __tablename__ = "stage_change"
    __table_args__ = (
        CheckConstraint(_in("stage", domain.DisputeStage), name="stage_known"),
        UniqueConstraint("focus_id", "changed_on", name="one_per_day"),
        _date("changed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    focus_id: Mapped[str] = mapped_column(ForeignKey("focus.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[date]


class Goal(Timestamps, Base):
    __tablename__ = "goal"
    __table_args__ = (
        _uuid(),
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        CheckConstraint(_in("status", domain.GoalStatus), name="status_known"),
        *_text_limit("text"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    focus_id: Mapped[str] = mapped_column(ForeignKey("focus.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text, default="open")


INTERACTION_TEXTS = (
    "setting",
    "intended",
    "said",
    "other_said",
    "heard",
    "their_view",
    "outcome",
    "alternative",
    "plan",
    "therapist_note",
)


class Interaction(Timestamps, Base):
    """One specific conversation, analysed (IPT's communication analysis)."""

    __tablename__ = "interaction"
    __table_args__ = (
        _uuid(),
        CheckConstraint(f"occurred_at GLOB '{DATETIME_GLOB}'", name="occurred_at_format"),
        CheckConstraint(_in("channel", domain.Channel), name="channel_known"),
        CheckConstraint(
            "understood IS NULL OR " + _in("understood", domain.Understood), name="understood_known"
        ),
        CheckConstraint(
            _between("satisfaction", domain.SATISFACTION_RANGE, nullable=True),
            name="satisfaction_range",
        ),
        CheckConstraint("follow_up_of IS NULL OR follow_up_of <> id", name="not_own_follow_up"),
        *_text_limit(*INTERACTION_TEXTS),
        Index("ix_interaction_occurred_at", "occurred_at", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    occurred_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(Text, default="face_to_face")
    focus_id: Mapped[str | None] = mapped_column(
        ForeignKey("focus.id", ondelete="SET NULL"), index=True
    )
    setting: Mapped[str] = mapped_column(Text, default="")
    intended: Mapped[str] = mapped_column(Text, default="")
    said: Mapped[str] = mapped_column(Text, default="")
    other_said: Mapped[str] = mapped_column(Text, default="")
    heard: Mapped[str] = mapped_column(Text, default="")
    their_view: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    understood: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None]
    alternative: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    rehearsed: Mapped[bool] = mapped_column(default=False)
    follow_up_of: Mapped[str | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL"), index=True
    )
    therapist_note: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(default=False)


interaction_person = Table(
    "interaction_person",
    Base.metadata,
    Column("interaction_id", ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True),
    # RESTRICT: a person who appears in interactions is never removed behind their back.
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_interaction_person_person", "person_id"),
)

interaction_emotion = Table(
    "interaction_emotion",
    Base.metadata,
    Column("interaction_id", ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "emotion",
        ForeignKey("emotion_word.name", ondelete="RESTRICT", onupdate="CASCADE"),
        primary_key=True,
    ),
    Column("intensity", Integer, nullable=False),
    Column("position", Integer, nullable=False, default=0),
    CheckConstraint(_between("intensity", domain.INTENSITY_RANGE), name="intensity_range"),
    Index("ix_interaction_emotion_emotion", "emotion"),
)

interaction_problem = Table(
    "interaction_problem",
    Base.metadata,
    Column("interaction_id", ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "problem",
        ForeignKey("problem_kind.key", ondelete="RESTRICT", onupdate="CASCADE"),
        primary_key=True,
    ),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_interaction_problem_problem", "problem"),
)

interaction_tag = Table(
    "interaction_tag",
    Base.metadata,
    Column("interaction_id", ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", Text, primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    CheckConstraint(
        f"length(trim(tag)) > 0 AND length(tag) <= {domain.MAX_LABEL}", name="tag_text"
    ),
    Index("ix_interaction_tag_tag", "tag"),
)


class LifeEvent(Timestamps, Base):
    __tablename__ = "life_event"
    __table_args__ = (
        _uuid(),
        _date("happened_on"),
        CheckConstraint(_in("kind", domain.EventKind), name="kind_known"),
        *_text_limit("note"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    happened_on: Mapped[date] = mapped_column(index=True)
    approximate: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[str] = mapped_column(Text, default="other")
    note: Mapped[str] = mapped_column(Text, default="")


event_person = Table(
    "event_person",
    Base.metadata,
    Column("event_id", ForeignKey("life_event.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
)


class TherapySession(Timestamps, Base):
    __tablename__ = "therapy_session"
    __table_args__ = (
        _uuid(),
        CheckConstraint(_between("number", domain.SESSION_NUMBER_RANGE), name="number_range"),
        _date("held_on"),
        CheckConstraint(_in("phase", domain.Phase), name="phase_known"),
        CheckConstraint(
            _between("client_rating", domain.SESSION_RATING_RANGE, nullable=True),
            name="client_rating_range",
        ),
        CheckConstraint(
            _between("therapist_rating", domain.SESSION_RATING_RANGE, nullable=True),
            name="therapist_rating_range",
        ),
        *_text_limit("notes", "homework"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    held_on: Mapped[date]
    phase: Mapped[str] = mapped_column(Text, default="initial")
    notes: Mapped[str] = mapped_column(Text, default="")
    homework: Mapped[str] = mapped_column(Text, default="")
    client_rating: Mapped[int | None]
    therapist_rating: Mapped[int | None]


session_interaction = Table(
    "session_interaction",
    Base.metadata,
    Column("session_id", ForeignKey("therapy_session.id", ondelete="CASCADE"), primary_key=True),
    Column("interaction_id", ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
)


circle_placement = Table(
    "circle_placement",
    Base.metadata,
    Column("session_id", ForeignKey("therapy_session.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="SET NULL"), nullable=True),
    Column("name", Text, nullable=False),
    Column("closeness", Integer, nullable=False),
    Column("support", Integer, nullable=False),
    Column("conflict", Integer, nullable=False),
    CheckConstraint(
        f"length(trim(name)) > 0 AND length(name) <= {domain.MAX_NAME}", name="name_text"
    ),
    CheckConstraint(_between("closeness", domain.CLOSENESS_RANGE), name="closeness_range"),
    CheckConstraint(_between("support", domain.SUPPORT_RANGE), name="support_range"),
    CheckConstraint(_between("conflict", domain.CONFLICT_RANGE), name="conflict_range"),
    Index("ix_circle_placement_person", "person_id"),
)


class FormulationSheet(Timestamps, Base):
    """The single row of the formulation."""

    __tablename__ = "formulation"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(
            _between("agreed_sessions", domain.PLANNED_SESSIONS_RANGE, nullable=True),
            name="agreed_sessions_range",
        ),
        _date("agreed_on", nullable=True),
        *_text_limit("diagnosis", "focus", "link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    focus: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    agreed_sessions: Mapped[int | None]
    agreed_on: Mapped[date | None]


class TerminationSheet(Timestamps, Base):
    """The single row of the termination sheet."""

    __tablename__ = "termination"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        _date("written_on", nullable=True),
        *_text_limit("gains", "warning_signs", "action_plan"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    gains: Mapped[str] = mapped_column(Text, default="")
    warning_signs: Mapped[str] = mapped_column(Text, default="")
    action_plan: Mapped[str] = mapped_column(Text, default="")
    written_on: Mapped[date | None]


def _item_columns(count: int) -> list[CheckConstraint]:
    return [
        CheckConstraint(_between(f"item{i}", domain.ITEM_RANGE), name=f"item{i}_range")
        for i in range(1, count + 1)
    ]


class Phq9(Timestamps, Base):
    __tablename__ = "phq9"
    __table_args__ = (
        _uuid(),
        _date("taken_on"),
        *_item_columns(9),
        CheckConstraint(
            _between("difficulty", domain.ITEM_RANGE, nullable=True), name="difficulty"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    taken_on: Mapped[date] = mapped_column(index=True)
    item1: Mapped[int]
    item2: Mapped[int]
    item3: Mapped[int]
    item4: Mapped[int]
    item5: Mapped[int]
    item6: Mapped[int]
    item7: Mapped[int]
    item8: Mapped[int]
    item9: Mapped[int]
    difficulty: Mapped[int | None]


class Gad7(Timestamps, Base):
    __tablename__ = "gad7"
    __table_args__ = (_uuid(), _date("taken_on"), *_item_columns(7))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    taken_on: Mapped[date] = mapped_column(index=True)
    item1: Mapped[int]
    item2: Mapped[int]
    item3: Mapped[int]
    item4: Mapped[int]
    item5: Mapped[int]
    item6: Mapped[int]
    item7: Mapped[int]


class Mood(Timestamps, Base):
    __tablename__ = "mood"
    __table_args__ = (
        _uuid(),
        CheckConstraint(_between("rating", domain.MOOD_RANGE), name="rating_range"),
        _date("rated_on"),
        *_text_limit("note"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rated_on: Mapped[date] = mapped_column(index=True)
    rating: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")


__all__ = [
    "Base",
    "EmotionWord",
    "Focus",
    "FormulationSheet",
    "Gad7",
    "Goal",
    "Interaction",
    "LifeEvent",
    "Mood",
    "Person",
    "Phq9",
    "ProblemKind",
    "StageChange",
    "TerminationSheet",
    "TherapySession",
    "WorkbookInfo",
    "circle_placement",
    "event_person",
    "focus_person",
    "interaction_emotion",
    "interaction_person",
    "interaction_problem",
    "interaction_tag",
    "session_interaction",
]
