"""Pseudonymisation: people's names replaced by stable labels, everywhere (SPEC.md, Filters).

What is replaced, and by what:

* every person in the inventory becomes "Person A", "Person B", … in the order the people
  were added to the workbook, so the same workbook always gives the same person the same
  label; after "Person Z" come "Person AA", "Person AB", …;
* the workbook's owner becomes "Client" and the therapist "Therapist";
* wherever one of those names appears as a whole word in any text — every interaction
  text, tags, notes, expectations, focus descriptions and details, goals, session notes
  and homework, the workbook title, the user's own emotion words and problem labels — it
  is replaced by the same label.

Matching is case-insensitive, Unicode-aware and tries the longest names first, so "Anna
Maria" is replaced as a whole before "Anna" is considered. A name matches as a word when
no letter, digit, underscore or combining mark touches it on either side; unlike `\\b`,
this also works for names that begin or end with punctuation ("J.", "(Mum)"). In scripts
written without spaces (Chinese, Japanese, Thai, …) there are no word edges to look for,
so a name that begins or ends in such a script is replaced wherever it appears. Spaces
inside a name match any run of white space, including a line break. Texts are brought to
Unicode NFC first, so a name typed with a decomposed accent still matches.

Parts of names: besides the full name as stored, each word of a name of several words is
replaced too ("Alex" in "Alex Kim", "Costa" in "Dr. Costa" for "Dr. Ana Costa"), because
people write first names and surnames alone. A word is skipped when it is shorter than two
characters or a title or kinship word ("Dr", "Aunt", "My", …; see SKIPPED_FIRST_WORDS),
which would otherwise blank out ordinary words. A word shared by several people is
replaced by all of their labels ("Person A or Person B"): the output must not reveal the
name, even when it cannot say who was meant. A full name always wins over a part.

Known limits: nicknames, initials and misspellings are not recognised, and case folding
is the one `re` performs (German "ß" does not match "SS").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import Connection, literal_column, select

from iptwork import domain
from iptwork.store import models as m
from iptwork.store import records as r
from iptwork.store.workbook import Workbook

CLIENT_LABEL = "Client"
THERAPIST_LABEL = "Therapist"

#: First words that are titles, articles or kinship words, never replaced on their own.
SKIPPED_FIRST_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "my",
        "our",
        "his",
        "her",
        "their",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "lady",
        "lord",
        "st",
        "saint",
        "aunt",
        "auntie",
        "uncle",
        "cousin",
        "grandma",
        "grandpa",
        "granny",
        "grandmother",
        "grandfather",
        "mum",
        "mom",
        "mother",
        "dad",
        "father",
        "brother",
        "sister",
        "little",
        "big",
        "old",
        "young",
        "baby",
    }
)


def person_label(index: int) -> str:
    """The label of the person at `index` (0 → "Person A", 25 → "Person Z", 26 → "Person AA")."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"Person {letters}"


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _pattern(name: str) -> str:
    words = unicodedata.normalize("NFC", name).split()
    return r"\s+".join(re.escape(word) for word in words)


#: Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
#: Myanmar): a name in them cannot be told apart as a word, so it is replaced wherever it
#: appears; replacing too much is the safe side of pseudonymisation.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3100-\u312f"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)


def _first_character(pattern: str) -> str:
    """The first character a `_pattern` matches (undoing `re.escape`)."""
    return pattern[1] if pattern.startswith("\\") else pattern[0]


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


class Pseudonymizer:
    """Replaces the names of one workbook's people, owner and therapist."""

    def __init__(
        self, people: Sequence[tuple[str, str]], owner: str = "", therapist: str = ""
    ) -> None:
        """`people` are (id, name) pairs in label order (see `people_in_label_order`)."""
        self.labels: dict[str, str] = {
            person_id: person_label(index) for index, (person_id, _name) in enumerate(people)
        }
        # Normalised name -> (label, how it is spelled in a pattern); full names first.
        found: dict[str, tuple[str, str]] = {}
        named = [(name, self.labels[person_id]) for person_id, name in people]
        for name, label in [*named, (owner, CLIENT_LABEL), (therapist, THERAPIST_LABEL)]:
            key = _key(name)
            if key and key not in found:
                found[key] = (label, _pattern(name))
        first_words: dict[str, list[str]] = {}
        spelling: dict[str, str] = {}
        for name, label in [*named, (owner, CLIENT_LABEL), (therapist, THERAPIST_LABEL)]:
            words = name.split()
            if len(words) < 2:
                continue
            for word in words:
                key = _key(word)
                if key in found or len(key) < 2 or key.rstrip(".") in SKIPPED_FIRST_WORDS:
                    continue
                labels = first_words.setdefault(key, [])
                if label not in labels:
                    labels.append(label)
                spelling.setdefault(key, _pattern(word))
        for key, labels in first_words.items():
            found[key] = (" or ".join(labels), spelling[key])
        self._replacements: list[str] = []
        alternatives: list[str] = []
        # Longest first: the regex engine takes the first alternative that matches.
        ordered = sorted(found.items(), key=lambda item: len(item[0]), reverse=True)
        for index, (key, (label, pattern)) in enumerate(ordered):
            self._replacements.append(label)
            before = "" if _UNSPACED.match(key[0]) else r"(?<!\w)"
            after = "" if _UNSPACED.match(key[-1]) else r"(?!\w)"
            alternatives.append(f"{before}(?P<n{index}>{pattern}){after}")
        self._regex: re.Pattern[str] | None = None
        if alternatives:
            # A leading class of the names' first characters lets the engine skip every
            # position where no name can start: 2.4 times faster on typical answers.
            starts = {re.escape(_first_character(pattern)) for _label, pattern in found.values()}
            self._regex = re.compile(
                f"(?=[{''.join(sorted(starts))}])(?:{'|'.join(alternatives)})",
                re.IGNORECASE,
            )

    def person(self, person_id: str) -> str:
        """The label that stands for a person of the workbook."""
        return self.labels[person_id]

    def _replace(self, match: re.Match[str]) -> str:
        text = match.string
        start, end = match.span()
        # `\w` does not cover combining marks: "Jose" must not match inside "Jose\u0301".
        if (start > 0 and _is_mark(text[start - 1])) or (end < len(text) and _is_mark(text[end])):
            return match.group()
        group = match.lastgroup
        assert group is not None
        return self._replacements[int(group[1:])]

    def text(self, value: str, limit: int = domain.MAX_TEXT) -> str:
        """`value` with every name replaced, cut to `limit` characters if labels made it longer."""
        if not value or self._regex is None:
            return value
        value = unicodedata.normalize("NFC", value)
        return self._regex.sub(self._replace, value)[:limit]

    def key(self, value: str) -> str:
        """A vocabulary key ("fights_with_alex") with names replaced ("fights_with_person_a")."""
        if self._regex is None:
            return value
        words = self.text(value.replace("_", " ")).casefold()
        key = re.sub(r"[^a-z0-9]+", "_", words).strip("_")
        return key[: domain.MAX_LABEL] if key[:1].isalpha() else value

    def words(self, values: Iterable[str], limit: int = domain.MAX_LABEL) -> tuple[str, ...]:
        """Short labels (tags, words) replaced, without the duplicates replacing may create."""
        result: dict[str, None] = {}
        for value in values:
            # A label never shortens the text before it, so a non-blank value stays so.
            result.setdefault(self.text(value, limit), None)
        return tuple(result)


def people_in_label_order(connection: Connection) -> list[tuple[str, str]]:
    """(id, name) of every person, in the order they were added to the workbook.

    That is SQLite's rowid order: a new row gets a rowid above all others, an update keeps
    it, a backup copies it and VACUUM may renumber rows but keeps their order. (`created_at`
    has whole seconds only: people added in the same second would fall in random order.)"""
    query = select(m.Person.id, m.Person.name).order_by(literal_column("person.rowid"))
    return [(person_id, name) for person_id, name in connection.execute(query)]


def pseudonymizer_for(wb: Workbook) -> Pseudonymizer:
    """The pseudonymizer of a workbook: its people, owner and therapist."""
    with wb.read() as connection:
        people = people_in_label_order(connection)
        info = connection.execute(
            select(m.WorkbookInfo.owner, m.WorkbookInfo.therapist).where(m.WorkbookInfo.id == 1)
        ).one()
    return Pseudonymizer(people, info.owner, info.therapist)


def pseudonymize_contents(contents: r.Contents, names: Pseudonymizer) -> r.Contents:
    """A copy of `contents` in which no name of `names` is left, in any field."""
    text = names.text
    emotion_words = {
        word: names.text(word, domain.MAX_LABEL)
        for word in contents.vocabulary.emotions
        if word not in domain.BUILTIN_EMOTIONS
    }

    # The user's own problem keys are words too ("fights_with_alex"): rename them alike.
    problem_keys = {
        p.key: names.key(p.key)
        for p in contents.vocabulary.problems
        if p.key not in domain.BUILTIN_PROBLEM_KEYS
    }

    def problems(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(problem_keys.get(key, key) for key in keys))

    def emotions(ratings: tuple[r.EmotionRating, ...]) -> tuple[r.EmotionRating, ...]:
        result: dict[str, r.EmotionRating] = {}
        for rating in ratings:
            name = emotion_words.get(rating.name, rating.name)
            result.setdefault(name, r.EmotionRating(name, rating.intensity))
        return tuple(result.values())

    own_problems: dict[str, r.ProblemKind] = {}
    for problem in contents.vocabulary.problems:
        key = problem_keys.get(problem.key, problem.key)
        own_problems.setdefault(
            key,
            replace(
                problem,
                key=key,
                label=text(problem.label, domain.MAX_LABEL),
                explanation=text(problem.explanation, domain.MAX_NAME),
            ),
        )
    meta = contents.meta
    return replace(
        contents,
        meta=replace(
            meta,
            title=text(meta.title, domain.MAX_NAME),
            owner=CLIENT_LABEL if meta.owner.strip() else "",
            therapist=THERAPIST_LABEL if meta.therapist.strip() else "",
        ),
        people=tuple(
            replace(
                p,
                name=names.person(p.id),
                expectations=text(p.expectations),
                notes=text(p.notes),
            )
            for p in contents.people
        ),
        focuses=tuple(
            replace(
                f,
                description=text(f.description),
                details={
                    key: value if key in domain.FOCUS_DATE_DETAILS else text(value)
                    for key, value in f.details.items()
                },
                goals=tuple(replace(g, text=text(g.text)) for g in f.goals),
            )
            for f in contents.focuses
        ),
        interactions=tuple(
            replace(
                i,
                setting=text(i.setting),
                intended=text(i.intended),
                said=text(i.said),
                other_said=text(i.other_said),
                heard=text(i.heard),
                their_view=text(i.their_view),
                emotions=emotions(i.emotions),
                outcome=text(i.outcome),
                problems=problems(i.problems),
                alternative=text(i.alternative),
                plan=text(i.plan),
                therapist_note=text(i.therapist_note),
                tags=names.words(i.tags),
            )
            for i in contents.interactions
        ),
        events=tuple(replace(e, note=text(e.note)) for e in contents.events),
        sessions=tuple(
            replace(
                s,
                notes=text(s.notes),
                homework=text(s.homework),
                circle=tuple(
                    replace(
                        p,
                        name=names.person(p.person)
                        if p.person is not None
                        else text(p.name, domain.MAX_NAME),
                    )
                    for p in s.circle
                ),
            )
            for s in contents.sessions
        ),
        formulation=replace(
            contents.formulation,
            diagnosis=text(contents.formulation.diagnosis),
            focus=text(contents.formulation.focus),
            link=text(contents.formulation.link),
        ),
        termination=replace(
            contents.termination,
            gains=text(contents.termination.gains),
            warning_signs=text(contents.termination.warning_signs),
            action_plan=text(contents.termination.action_plan),
        ),
        moods=tuple(replace(x, note=text(x.note)) for x in contents.moods),
        vocabulary=r.Vocabulary(
            emotions=tuple(dict.fromkeys(emotion_words.values())),
            problems=tuple(own_problems.values()),
        ),
    )
