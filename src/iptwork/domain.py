"""The vocabularies and rules of IPT that iptwork models (SPEC.md, "The domain").

Keys are stable: they are stored in workbooks and written to JSON. Labels are what people
read and may be reworded freely. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProblemArea(StrEnum):
    GRIEF = "grief"
    DISPUTE = "dispute"
    TRANSITION = "transition"
    SENSITIVITY = "sensitivity"

    @property
    def label(self) -> str:
        return {
            "grief": "Grief",
            "dispute": "Role dispute",
            "transition": "Role transition",
            "sensitivity": "Interpersonal sensitivity",
        }[self.value]


class DisputeStage(StrEnum):
    RENEGOTIATION = "renegotiation"
    IMPASSE = "impasse"
    DISSOLUTION = "dissolution"

    @property
    def label(self) -> str:
        return {
            "renegotiation": "Renegotiation: both still trying",
            "impasse": "Impasse: stalled, silent resentment",
            "dissolution": "Dissolution: the relationship is ending",
        }[self.value]


class Relationship(StrEnum):
    PARTNER = "partner"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    FRIEND = "friend"
    COLLEAGUE = "colleague"
    BOSS = "boss"
    EX_PARTNER = "ex_partner"
    OTHER = "other"

    @property
    def label(self) -> str:
        return "Ex-partner" if self is Relationship.EX_PARTNER else self.value.capitalize()


#: Spellings accepted on import for a relationship key (SPEC's prose says "ex-partner").
RELATIONSHIP_ALIASES = {
    "ex-partner": Relationship.EX_PARTNER,
    "ex partner": Relationship.EX_PARTNER,
}


class Channel(StrEnum):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    MESSAGE = "message"
    VIDEO = "video"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "face_to_face": "Face to face",
            "phone": "Phone",
            "message": "Message",
            "video": "Video",
            "other": "Other",
        }[self.value]


class Understood(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    UNSURE = "unsure"

    @property
    def label(self) -> str:
        return {"yes": "Yes", "partly": "Partly", "no": "No", "unsure": "Not sure"}[self.value]


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class EventKind(StrEnum):
    LOSS = "loss"
    TRANSITION = "transition"
    CONFLICT = "conflict"
    OTHER = "other"


class Phase(StrEnum):
    INITIAL = "initial"
    MIDDLE = "middle"
    TERMINATION = "termination"


class ExpectationsMet(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


@dataclass(frozen=True)
class CommunicationProblem:
    key: str
    label: str
    explanation: str
    builtin: bool = True
    classic: bool = False


COMMUNICATION_PROBLEMS: tuple[CommunicationProblem, ...] = (
    CommunicationProblem(
        "nonverbal_substitute",
        "Acting it out instead of saying it",
        "Sulking, slamming doors or withdrawing, and hoping they read the signal.",
        classic=True,
    ),
    CommunicationProblem(
        "assumed_communicated",
        "Assuming I had made myself clear",
        "I thought my point had landed, but I never checked and it had not.",
        classic=True,
    ),
    CommunicationProblem(
        "assumed_understood",
        "Assuming I understood them",
        "I was sure what they meant without asking them.",
        classic=True,
    ),
    CommunicationProblem(
        "indirect_verbal",
        "Hints and sarcasm",
        "Roundabout words: hinting, joking with an edge, waiting for them to guess.",
        classic=True,
    ),
    CommunicationProblem(
        "silence",
        "Going silent",
        "Closing the conversation down by saying nothing.",
        classic=True,
    ),
    CommunicationProblem(
        "hostile",
        "Attacking words",
        "Blame, criticism or contempt instead of what I felt or needed.",
    ),
    CommunicationProblem(
        "need_unstated",
        "Not saying what I needed",
        "The need behind it stayed unspoken.",
    ),
    CommunicationProblem(
        "pushes_away",
        "Asking for care in a way that pushes away",
        "Demanding or complaining when I wanted comfort or help.",
    ),
    CommunicationProblem(
        "anger_held_in",
        "Holding anger in until it bursts",
        "Swallowing anger until it leaked out or exploded later.",
    ),
)

BUILTIN_PROBLEM_KEYS = frozenset(p.key for p in COMMUNICATION_PROBLEMS)

EMOTIONS: tuple[str, ...] = (
    "angry",
    "frustrated",
    "resentful",
    "hurt",
    "sad",
    "lonely",
    "disappointed",
    "anxious",
    "afraid",
    "guilty",
    "ashamed",
    "embarrassed",
    "jealous",
    "numb",
    "relieved",
    "calm",
    "hopeful",
    "happy",
    "close/loved",
)

BUILTIN_EMOTIONS = frozenset(EMOTIONS)

#: The keys a focus's free-form ``details`` may hold, per problem area. All are text except
#: those listed in FOCUS_DATE_DETAILS, which are ISO dates.
FOCUS_DETAILS: dict[ProblemArea, tuple[str, ...]] = {
    ProblemArea.DISPUTE: ("i_expect", "they_expect", "what_is_at_stake"),
    ProblemArea.TRANSITION: (
        "old_role",
        "old_role_good",
        "old_role_hard",
        "new_role",
        "new_role_good",
        "new_role_hard",
        "lost",
        "gained",
    ),
    ProblemArea.GRIEF: ("person_lost", "died_on", "relationship_good", "relationship_hard"),
    ProblemArea.SENSITIVITY: ("pattern", "wished_for"),
}
FOCUS_DATE_DETAILS = frozenset({"died_on"})

# Text limits: generous enough for anything a person writes by hand, small enough that a
# pasted binary blob is caught. 1,000,000 characters is about 400 printed pages.
MAX_TEXT = 1_000_000
MAX_NAME = 200
MAX_LABEL = 100

SATISFACTION_RANGE = (0, 10)
INTENSITY_RANGE = (0, 100)
CLOSENESS_RANGE = (1, 3)
SUPPORT_RANGE = (0, 10)
CONFLICT_RANGE = (0, 10)
MOOD_RANGE = (0, 10)
SESSION_RATING_RANGE = (1, 5)
SESSION_NUMBER_RANGE = (1, 9999)
PLANNED_SESSIONS_RANGE = (1, 100)

# --- Questionnaires ---------------------------------------------------------------------

QUESTIONNAIRE_COPYRIGHT = "PHQ-9 and GAD-7 © Pfizer Inc., free to use"
ITEM_SCALE = ("Not at all", "Several days", "More than half the days", "Nearly every day")
ITEM_RANGE = (0, 3)
PHQ9_ITEMS = 9
GAD7_ITEMS = 7

# The standard item wording of both questionnaires (public domain; see the copyright line).
PHQ9_QUESTION = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
PHQ9_ITEM_TEXTS = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
)
GAD7_QUESTION = "Over the last 2 weeks, how often have you been bothered by the following problems?"
GAD7_ITEM_TEXTS = (
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
)
DIFFICULTY_QUESTION = (
    "If you checked off any problems, how difficult have these problems made it for you to "
    "do your work, take care of things at home, or get along with other people?"
)
DIFFICULTY_SCALE = (
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
)

ITEM9_MESSAGE = (
    "You said you have had thoughts that you would be better off dead or of hurting "
    "yourself. You deserve support with this right now. Please contact your clinician "
    "today, or if you might act on these thoughts, call your local emergency number or go "
    "to the nearest emergency department now. iptwork is a workbook, not a crisis service."
)

# (lower bound of the band, word); a total belongs to the last band whose bound it reaches.
PHQ9_BANDS: tuple[tuple[int, str], ...] = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "moderately severe"),
    (20, "severe"),
)
GAD7_BANDS: tuple[tuple[int, str], ...] = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "severe"),
)


def _band(total: int, bands: tuple[tuple[int, str], ...]) -> str:
    word = bands[0][1]
    for bound, name in bands:
        if total >= bound:
            word = name
    return word


def _check_items(items: tuple[int, ...] | list[int], count: int) -> None:
    if len(items) != count:
        raise ValueError(f"expected {count} answers, got {len(items)}")
    for item in items:
        if isinstance(item, bool) or not isinstance(item, int) or not 0 <= item <= 3:
            raise ValueError(f"each answer is a whole number from 0 to 3, got {item!r}")


@dataclass(frozen=True)
class Score:
    total: int
    severity: str


def score_phq9(items: tuple[int, ...] | list[int]) -> Score:
    _check_items(items, PHQ9_ITEMS)
    total = sum(items)
    return Score(total, _band(total, PHQ9_BANDS))


def score_gad7(items: tuple[int, ...] | list[int]) -> Score:
    _check_items(items, GAD7_ITEMS)
    total = sum(items)
    return Score(total, _band(total, GAD7_BANDS))


def phq9_item9_positive(items: tuple[int, ...] | list[int]) -> bool:
    """Any answer above 0 on item 9 (thoughts of self-harm): the safety message comes first."""
    _check_items(items, PHQ9_ITEMS)
    return items[8] > 0
