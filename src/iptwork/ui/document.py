"""The open workbook as the app sees it: services, an undo stack, and a change signal.

Every change goes through here as one undoable command: the service call runs first (so a
refused change never reaches the undo stack), then the command is pushed; undo and redo
call services again. Nothing here keeps a session or an ORM object: services run one short
transaction and return frozen records. Deleting keeps a snapshot of everything the delete
took along (follow-up links, session links, a focus's interactions) so undo puts it all
back in one transaction.

This module imports the storage layer (SQLAlchemy); the main window imports it only when a
workbook is opened, so the first window appears before that cost is paid.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from iptwork.store import backup, listing, services
from iptwork.store import records as r
from iptwork.store.errors import WorkbookError
from iptwork.store.lock import WorkbookLock
from iptwork.store.workbook import Workbook, create_workbook, open_workbook
from iptwork.ui import alerts

PEOPLE = "people"
FOCUSES = "focuses"
INTERACTIONS = "interactions"
VOCABULARY = "vocabulary"
# The IPT course (issue 6): sessions, questionnaires and moods, life events, the two sheets.
SESSIONS = "sessions"
MEASURES = "measures"
EVENTS = "events"
SHEETS = "sheets"
EVERYTHING = frozenset({PEOPLE, FOCUSES, INTERACTIONS, VOCABULARY, SESSIONS, EVENTS})


def own_problem_key(label: str, taken: set[str]) -> str:
    """A stored key (^[a-z][a-z0-9_]*$) for the user's own problem, unique in `taken`."""
    key = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_") or "problem"
    if not ("a" <= key[0] <= "z"):
        key = "own_" + key
    key = key[:40].rstrip("_")
    unique, n = key, 2
    while unique in taken:
        unique, n = f"{key}_{n}", n + 1
    return unique


@dataclass(frozen=True)
class EntryChoices:
    """What an interaction editor offers to pick from (plain data, read once)."""

    people: tuple[r.Person, ...]
    focuses: tuple[r.Focus, ...]
    emotions: tuple[str, ...]
    problems: tuple[r.ProblemKind, ...]
    follow_ups: tuple[listing.InteractionChoice, ...]


class _Command(QUndoCommand):
    """A change that has already been made once; undo/redo replay it through services."""

    def __init__(
        self,
        document: Document,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        kinds: frozenset[str],
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self._redo = redo
        self._undo = undo
        self.kinds = kinds
        self.merge_key = merge_key
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._document._replay(self._redo, self.kinds)

    def undo(self) -> None:
        self._document._replay(self._undo, self.kinds)

    def id(self) -> int:
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Consecutive edits of the same record (typing in the focus view) undo as one.
        if not isinstance(other, _Command) or other.merge_key != self.merge_key:
            return False
        self._redo = other._redo
        return True


class Document(QObject):
    """One open workbook."""

    changed = Signal(object)  # frozenset of kinds: PEOPLE, FOCUSES, INTERACTIONS, VOCABULARY
    failed = Signal(str)

    def __init__(
        self, workbook: Workbook, lock: WorkbookLock, window: QWidget | None = None
    ) -> None:
        super().__init__(window)
        self.workbook = workbook
        self._lock = lock
        self._window = window
        self.undo_stack = QUndoStack(self)

    @classmethod
    def open(
        cls,
        path: Path,
        window: QWidget | None = None,
        *,
        password: str | None = None,
        force_lock: bool = False,
        read_only: bool = False,
    ) -> Document:
        """Open and lock a workbook (the lock is taken only once the open succeeded; a
        read-only open takes no lock, as it never writes)."""
        workbook = open_workbook(path, password=password, read_only=read_only)
        lock = WorkbookLock(workbook.path)
        try:
            if not read_only:
                lock.acquire(force=force_lock)
        except BaseException:
            workbook.close()
            raise
        return cls(workbook, lock, window)

    @classmethod
    def create(
        cls, path: Path, window: QWidget | None = None, *, password: str | None = None
    ) -> Document:
        workbook = create_workbook(path, title=path.stem, password=password)
        lock = WorkbookLock(workbook.path)
        lock.acquire(force=True)
        return cls(workbook, lock, window)

    @property
    def path(self) -> Path:
        return self.workbook.path

    def close(self) -> None:
        self.undo_stack.clear()
        try:
            self.workbook.close()
        finally:
            self._lock.release()

    # --- running changes --------------------------------------------------------------

    def _tell(self, error: WorkbookError) -> None:
        alerts.problem(self._window, self.tr("That could not be saved"), str(error))

    def _replay(self, action: Callable[[], object], kinds: frozenset[str]) -> None:
        try:
            action()
        except WorkbookError as error:
            self._tell(error)
        finally:
            self.changed.emit(kinds)

    def _change(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        kinds: Iterable[str],
        merge_key: str | None = None,
    ) -> bool:
        kinds = frozenset(kinds)
        if self._refused_read_only():
            return False
        try:
            do()
        except WorkbookError as error:
            self._tell(error)
            return False
        self.undo_stack.push(_Command(self, text, do, undo, kinds, merge_key))
        self.changed.emit(kinds)
        return True

    def _refused_read_only(self) -> bool:
        """A workbook opened read-only (it is open elsewhere) is never written: say so."""
        if self.workbook.read_only:
            alerts.inform(
                self._window,
                self.tr("Opened read-only"),
                self.tr(
                    "This workbook is open read-only, so nothing can be changed here. "
                    "Close it in the other iptwork first, then open it again to make changes."
                ),
            )
            return True
        return False

    def _restore(self, contents: r.Contents) -> Callable[[], object]:
        return lambda: services.apply_contents(self.workbook, contents, fill_meta=False)

    # --- reading ----------------------------------------------------------------------

    def people(self) -> list[r.Person]:
        return services.list_people(self.workbook)

    def focuses(self) -> list[r.Focus]:
        return services.list_focuses(self.workbook)

    def interaction(self, interaction_id: str) -> r.Interaction | None:
        try:
            return services.get_interaction(self.workbook, interaction_id)
        except WorkbookError:
            return None

    def problem_kinds(self) -> list[r.ProblemKind]:
        return services.list_problem_kinds(self.workbook)

    def emotion_words(self) -> list[str]:
        return services.list_emotion_words(self.workbook)

    def count_interactions(self) -> int:
        return services.count_interactions(self.workbook)

    def list_ids(
        self, where: r.InteractionFilter, sort: listing.SortKey, descending: bool
    ) -> list[str]:
        """Safe to call from a worker thread (its own connection and transaction)."""
        return listing.list_ids(self.workbook, where, sort, descending)

    def summaries(self, ids: list[str]) -> list[listing.InteractionRow]:
        return listing.list_summaries(self.workbook, ids)

    def entry_choices(self, editing: r.Interaction | None = None) -> EntryChoices:
        follow_ups = listing.list_follow_up_choices(
            self.workbook,
            exclude=editing.id if editing else None,
            include=editing.follow_up_of if editing else None,
        )
        return EntryChoices(
            people=tuple(self.people()),
            focuses=tuple(self.focuses()),
            emotions=tuple(self.emotion_words()),
            problems=tuple(self.problem_kinds()),
            follow_ups=tuple(follow_ups),
        )

    # --- people -----------------------------------------------------------------------

    def add_person(self, person: r.Person) -> bool:
        return self._change(
            self.tr("Add %1").replace("%1", person.name),
            lambda: services.add_person(self.workbook, person),
            lambda: services.delete_person(self.workbook, person.id),
            [PEOPLE],
        )

    def update_person(self, old: r.Person, new: r.Person, text: str = "") -> bool:
        return self._change(
            text or self.tr("Edit %1").replace("%1", new.name),
            lambda: services.update_person(self.workbook, new),
            lambda: services.update_person(self.workbook, old),
            [PEOPLE, INTERACTIONS],
        )

    def person_usage(self, person_id: str) -> int:
        return services.person_usage(self.workbook, person_id)

    def delete_person(
        self, person: r.Person, interactions: Literal["detach", "delete"] = "detach"
    ) -> bool:
        wb = self.workbook
        used = services.list_interactions(wb, r.InteractionFilter(people=(person.id,)))
        used_ids = {i.id for i in used}
        extra: list[r.Interaction] = []
        sessions: list[r.TherapySession] = []
        if interactions == "delete" and used_ids:
            follow_ids = [
                i for i in listing.list_follow_ups(wb, list(used_ids)) if i not in used_ids
            ]
            extra = [services.get_interaction(wb, i) for i in follow_ids]
            sessions = [s for s in services.list_sessions(wb) if used_ids & set(s.interactions)]
        snapshot = r.Contents(
            people=(person,),
            interactions=(*used, *extra),
            focuses=tuple(f for f in services.list_focuses(wb) if person.id in f.people),
            events=tuple(e for e in services.list_events(wb) if person.id in e.people),
            sessions=tuple(sessions),
        )
        return self._change(
            self.tr("Delete %1").replace("%1", person.name),
            lambda: services.delete_person(wb, person.id, interactions),
            self._restore(snapshot),
            EVERYTHING,
        )

    # --- interactions -----------------------------------------------------------------

    def add_interaction(self, interaction: r.Interaction) -> bool:
        return self._change(
            self.tr("Add an interaction"),
            lambda: services.add_interaction(self.workbook, interaction),
            lambda: services.delete_interaction(self.workbook, interaction.id),
            [INTERACTIONS],
        )

    def update_interaction(self, old: r.Interaction, new: r.Interaction) -> bool:
        return self._change(
            self.tr("Edit the interaction of %1").replace("%1", f"{new.occurred_at:%Y-%m-%d}"),
            lambda: services.update_interaction(self.workbook, new),
            lambda: services.update_interaction(self.workbook, old),
            [INTERACTIONS],
        )

    def delete_interactions(self, ids: list[str]) -> bool:
        wb = self.workbook
        gone = [services.get_interaction(wb, i) for i in ids]
        gone_ids = set(ids)
        follow_ids = [i for i in listing.list_follow_ups(wb, ids) if i not in gone_ids]
        snapshot = r.Contents(
            interactions=(*gone, *(services.get_interaction(wb, i) for i in follow_ids)),
            sessions=tuple(s for s in services.list_sessions(wb) if gone_ids & set(s.interactions)),
        )

        def delete() -> None:
            for interaction_id in ids:
                services.delete_interaction(wb, interaction_id)

        text = (
            self.tr("Delete an interaction")
            if len(ids) == 1
            else self.tr("Delete %1 interactions").replace("%1", str(len(ids)))
        )
        return self._change(text, delete, self._restore(snapshot), [INTERACTIONS])

    # --- focuses ----------------------------------------------------------------------

    def add_focus(self, focus: r.Focus) -> r.Focus | None:
        saved: list[r.Focus] = []

        def add() -> None:
            saved[:] = [services.add_focus(self.workbook, focus)]

        ok = self._change(
            self.tr("Add a focus"),
            add,
            lambda: services.delete_focus(self.workbook, focus.id),
            [FOCUSES],
        )
        return saved[0] if ok else None

    def update_focus(self, old: r.Focus, new: r.Focus) -> r.Focus | None:
        """Save a focus; consecutive edits of the same focus undo as one step."""
        saved: list[r.Focus] = []

        def save() -> None:
            saved[:] = [services.update_focus(self.workbook, new)]

        moved = new.area != old.area  # a new problem area is an undo step of its own
        ok = self._change(
            self.tr("Change the problem area") if moved else self.tr("Edit the focus"),
            save,
            self._restore(r.Contents(focuses=(old,))),
            [FOCUSES],
            merge_key=None if moved else f"focus:{new.id}",
        )
        return saved[0] if ok else None

    def delete_focus(self, focus: r.Focus) -> bool:
        wb = self.workbook
        linked = services.list_interactions(wb, r.InteractionFilter(focus=focus.id))
        snapshot = r.Contents(focuses=(focus,), interactions=tuple(linked))
        return self._change(
            self.tr("Delete the focus"),
            lambda: services.delete_focus(wb, focus.id),
            self._restore(snapshot),
            [FOCUSES, INTERACTIONS],
        )

    # --- vocabulary -------------------------------------------------------------------

    def add_emotion_word(self, word: str) -> bool:
        """The user's own emotion word (kept in the vocabulary; not undone: it is harmless)."""
        if self._refused_read_only():
            return False
        try:
            services.add_vocabulary(self.workbook, r.Vocabulary(emotions=(word,)))
        except WorkbookError as error:
            self._tell(error)
            return False
        self.changed.emit(frozenset({VOCABULARY}))
        return True

    def add_problem_kind(self, label: str) -> r.ProblemKind | None:
        """The user's own communication problem, like an own emotion word (not undone)."""
        label = label.strip()
        if not label or self._refused_read_only():
            return None
        kinds = self.problem_kinds()
        for kind in kinds:
            if kind.label.casefold() == label.casefold():
                return kind
        kind = r.ProblemKind(own_problem_key(label, {k.key for k in kinds}), label)
        try:
            services.add_vocabulary(self.workbook, r.Vocabulary(problems=(kind,)))
        except WorkbookError as error:
            self._tell(error)
            return None
        self.changed.emit(frozenset({VOCABULARY}))
        return kind

    # --- the IPT course (issue 6) -----------------------------------------------------

    def meta(self) -> r.WorkbookMeta:
        return services.get_meta(self.workbook)

    def sessions(self) -> list[r.TherapySession]:
        return services.list_sessions(self.workbook)

    def events(self) -> list[r.LifeEvent]:
        return services.list_events(self.workbook)

    def formulation(self) -> r.Formulation:
        return services.get_formulation(self.workbook)

    def termination(self) -> r.Termination:
        return services.get_termination(self.workbook)

    def interactions_between(self, start: date | None, end: date) -> list[r.Interaction]:
        """Interactions from `start` (None: the first) to `end`, inclusive, private ones too."""
        return services.list_interactions(
            self.workbook, r.InteractionFilter(date_from=start, date_to=end)
        )

    def course_contents(self) -> r.Contents:
        """The whole workbook as records (charts, "since we last met"); safe on a worker."""
        return services.read_contents(self.workbook)

    def save_session(self, old: r.TherapySession | None, new: r.TherapySession) -> bool:
        """Add a session (`old` None) or replace `old` with `new`."""
        wb = self.workbook
        return self._change(
            (self.tr("Add session %1") if old is None else self.tr("Edit session %1")).replace(
                "%1", str(new.number)
            ),
            lambda: services.save_session(wb, new),
            (lambda: services.delete_session(wb, new.id))
            if old is None
            else (lambda: services.save_session(wb, old)),
            [SESSIONS],
        )

    def delete_session(self, session: r.TherapySession) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Delete session %1").replace("%1", str(session.number)),
            lambda: services.delete_session(wb, session.id),
            lambda: services.save_session(wb, session),
            [SESSIONS],
        )

    def mark_reviewed(
        self, session: r.TherapySession, interaction_id: str, reviewed: bool = True
    ) -> bool:
        wb = self.workbook
        return self._change(
            (
                self.tr("Mark as reviewed in session %1")
                if reviewed
                else self.tr("Unmark as reviewed in session %1")
            ).replace("%1", str(session.number)),
            lambda: services.mark_reviewed(wb, session.id, interaction_id, reviewed),
            lambda: services.save_session(wb, session),
            [SESSIONS],
        )

    def snapshot_circle(self, session: r.TherapySession) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Keep the circle with session %1").replace("%1", str(session.number)),
            lambda: services.snapshot_circle(wb, session.id),
            lambda: services.save_session(wb, session),
            [SESSIONS],
        )

    def add_phq9(self, record: r.Phq9) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Add a PHQ-9"),
            lambda: services.save_phq9(wb, record),
            lambda: services.delete_phq9(wb, record.id),
            [MEASURES],
        )

    def delete_phq9(self, record: r.Phq9) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Delete a PHQ-9"),
            lambda: services.delete_phq9(wb, record.id),
            lambda: services.save_phq9(wb, record),
            [MEASURES],
        )

    def add_gad7(self, record: r.Gad7) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Add a GAD-7"),
            lambda: services.save_gad7(wb, record),
            lambda: services.delete_gad7(wb, record.id),
            [MEASURES],
        )

    def delete_gad7(self, record: r.Gad7) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Delete a GAD-7"),
            lambda: services.delete_gad7(wb, record.id),
            lambda: services.save_gad7(wb, record),
            [MEASURES],
        )

    def phq9s(self) -> list[r.Phq9]:
        return services.list_phq9(self.workbook)

    def gad7s(self) -> list[r.Gad7]:
        return services.list_gad7(self.workbook)

    def moods(self) -> list[r.Mood]:
        return services.list_moods(self.workbook)

    def rate_mood(self, mood: r.Mood) -> bool:
        """Keep a day's mood; a second rating on the same day replaces the first."""
        wb = self.workbook
        old = next((m for m in self.moods() if m.on == mood.on), None)
        if old is not None:
            mood = r.Mood(mood.on, mood.rating, mood.note or old.note, id=old.id)
        return self._change(
            self.tr("Rate the mood of %1").replace("%1", mood.on.isoformat()),
            lambda: services.save_mood(wb, mood),
            (lambda: services.delete_mood(wb, mood.id))
            if old is None
            else (lambda: services.save_mood(wb, old)),
            [MEASURES],
        )

    def delete_mood(self, mood: r.Mood) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Delete the mood of %1").replace("%1", mood.on.isoformat()),
            lambda: services.delete_mood(wb, mood.id),
            lambda: services.save_mood(wb, mood),
            [MEASURES],
        )

    def save_event(self, old: r.LifeEvent | None, new: r.LifeEvent) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Add a life event") if old is None else self.tr("Edit a life event"),
            lambda: services.save_event(wb, new),
            (lambda: services.delete_event(wb, new.id))
            if old is None
            else (lambda: services.save_event(wb, old)),
            [EVENTS],
        )

    def delete_event(self, event: r.LifeEvent) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Delete a life event"),
            lambda: services.delete_event(wb, event.id),
            lambda: services.save_event(wb, event),
            [EVENTS],
        )

    def update_formulation(self, old: r.Formulation, new: r.Formulation) -> bool:
        """Save the formulation; consecutive edits undo as one step (as in the focus view)."""
        wb = self.workbook
        return self._change(
            self.tr("Edit the formulation"),
            lambda: services.set_formulation(wb, new),
            lambda: services.set_formulation(wb, old),
            [SHEETS],
            merge_key="formulation",
        )

    def update_termination(self, old: r.Termination, new: r.Termination) -> bool:
        wb = self.workbook
        return self._change(
            self.tr("Edit the termination sheet"),
            lambda: services.set_termination(wb, new),
            lambda: services.set_termination(wb, old),
            [SHEETS],
            merge_key="termination",
        )

    def update_therapist_note(self, old: r.Interaction, note: str) -> bool:
        """The therapist's note on one interaction; typing on undoes as one step."""
        wb = self.workbook
        new = replace(old, therapist_note=note)
        return self._change(
            self.tr("Edit the therapist's note"),
            lambda: services.update_interaction(wb, new),
            lambda: services.update_interaction(wb, old),
            [INTERACTIONS],
            merge_key=f"note:{old.id}",
        )

    # --- copies -----------------------------------------------------------------------

    def save_copy(self, target: Path) -> None:
        """A complete, checked copy (SQLite's backup API, safe with WAL); runs on a worker.

        The file dialog has already asked before replacing an existing `target`: the copy is
        made beside it and renamed over it only once it is complete and checked.
        """
        if target.resolve() == self.path.resolve():
            raise WorkbookError(
                f"{target.name} is the open workbook itself. Choose another name for the copy."
            )
        if not target.exists():
            backup.save_copy(self.workbook, target)
            return
        beside = target.with_name(f".{target.name}.{os.getpid()}.copy")
        beside.unlink(missing_ok=True)
        backup.save_copy(self.workbook, beside)
        os.replace(beside, target)
