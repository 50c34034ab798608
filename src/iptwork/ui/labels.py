"""What the app calls things: translatable labels for the domain's stable keys.

`domain` keeps English labels for the CLI and reports; here they pass through Qt's
translation so the desktop app can be translated without touching the domain.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iptwork import domain

if TYPE_CHECKING:
    from iptwork.store import records as r


def tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def counted(count: int, one: str, many: str) -> str:
    """`one` for a single thing, else `many` with %n replaced by the count (each is a
    whole translatable sentence, so no "interaction(s)")."""
    return one if count == 1 else many.replace("%n", str(count))


def _known(key: str | None, kind: type[StrEnum]) -> bool:
    # `"x" in SomeStrEnum` raises TypeError on Python 3.11 for a non-member.
    return key is not None and key in {member.value for member in kind}


def channel(key: str) -> str:
    return tr(domain.Channel(key).label) if _known(key, domain.Channel) else key


def understood(key: str | None) -> str:
    return tr(domain.Understood(key).label) if _known(key, domain.Understood) else ""


def area(key: str) -> str:
    return tr(domain.ProblemArea(key).label) if _known(key, domain.ProblemArea) else key


def stage(key: str | None) -> str:
    return tr(domain.DisputeStage(key).label) if _known(key, domain.DisputeStage) else ""


def relationship(key: str) -> str:
    return tr(domain.Relationship(key).label) if _known(key, domain.Relationship) else key


def goal_status(key: str) -> str:
    return {"open": tr("Open"), "achieved": tr("Achieved"), "dropped": tr("Dropped")}.get(key, key)


def expectations_met(key: str | None) -> str:
    return {"yes": tr("Yes"), "partly": tr("Partly"), "no": tr("No")}.get(key or "", "")


def closeness(ring: int) -> str:
    return {1: tr("Inner circle"), 2: tr("Middle circle"), 3: tr("Outer circle")}.get(ring, "")


def emotion(word: str) -> str:
    return tr(word) if word in domain.BUILTIN_EMOTIONS else word


def problem_labels(kinds: list[r.ProblemKind] | tuple[r.ProblemKind, ...]) -> dict[str, str]:
    return {p.key: tr(p.label) if p.builtin else p.label for p in kinds}


def focus_title(focus: r.Focus) -> str:
    first = next((line.strip() for line in focus.description.splitlines() if line.strip()), "")
    if len(first) > 60:
        first = first[:59].rstrip() + "…"
    return f"{area(focus.area)}: {first}" if first else area(focus.area)


def when(moment: datetime) -> str:
    return f"{moment:%a %d %b %Y, %H:%M}"


#: Each focus detail's label and a short prompt, per problem area (domain.FOCUS_DETAILS).
DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "i_expect": ("What I expect of them", "What do you hope or expect they will do?"),
    "they_expect": ("What I think they expect of me", "What do you believe they want from you?"),
    "what_is_at_stake": ("What is at stake", "What is this dispute really about for you?"),
    "old_role": ("The old role", "Who were you before the change?"),
    "old_role_good": ("Good about the old role", "What did you value in it?"),
    "old_role_hard": ("Hard about the old role", "What was difficult in it?"),
    "new_role": ("The new role", "Who are you becoming?"),
    "new_role_good": ("Good about the new role", "What could be good in it?"),
    "new_role_hard": ("Hard about the new role", "What is hard about it?"),
    "lost": ("What was lost", "What did the change take away?"),
    "gained": ("What was gained", "What did it bring, even a little?"),
    "person_lost": ("The person who died", "Their name, or how you think of them."),
    "died_on": ("Date of death", "YYYY-MM-DD"),
    "relationship_good": ("The relationship: the good", "What you loved, what they gave you."),
    "relationship_hard": ("The relationship: the hard", "What was difficult, left unsaid."),
    "pattern": ("The pattern", "How do relationships tend to go for you?"),
    "wished_for": ("What you wish for", "What kind of contact would you like to have?"),
}


def detail_label(key: str) -> str:
    return tr(DETAIL_LABELS.get(key, (key, ""))[0])


def detail_prompt(key: str) -> str:
    return tr(DETAIL_LABELS.get(key, ("", ""))[1])


# --- the IPT course (issue 6) ---------------------------------------------------------


def phase(key: str) -> str:
    return {
        "initial": tr("Initial phase"),
        "middle": tr("Middle phase"),
        "termination": tr("Termination phase"),
    }.get(key, key)


def event_kind(key: str) -> str:
    return {
        "loss": tr("Loss"),
        "transition": tr("Change in life"),
        "conflict": tr("Conflict"),
        "other": tr("Other"),
    }.get(key, key)


def severity(word: str) -> str:
    """A questionnaire's severity band (domain.PHQ9_BANDS / GAD7_BANDS) in the app's words."""
    return {
        "minimal": tr("minimal"),
        "mild": tr("mild"),
        "moderate": tr("moderate"),
        "moderately severe": tr("moderately severe"),
        "severe": tr("severe"),
    }.get(word, word)


def day(value: date) -> str:
    return f"{value:%a %d %b %Y}"
