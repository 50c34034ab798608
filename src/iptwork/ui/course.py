"""The IPT course for the main window: sessions, questionnaires and mood, life events, the
formulation and ending sheets, and review mode.

Kept out of `main_window.py` so the window stays thin, like `Security`: `Course(window)`
adds its actions to the window's registry and its menus when the window asks, the window
connects the course views' signals to its handlers when it builds them, and tells it when
the workbook changes or closes. Dialogs and alerts are parented to the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from iptwork.ui import alerts

if TYPE_CHECKING:
    from iptwork.store import records as r
    from iptwork.ui.document import Document
    from iptwork.ui.main_window import MainWindow
    from iptwork.ui.review_mode import ReviewPage


class Course(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._review: ReviewPage | None = None
        self._marks_into_latest = False
        self._make_actions()

    @property
    def review(self) -> ReviewPage:
        """Review mode's page, built (and its module imported) when first asked for."""
        if self._review is None:
            from iptwork.ui.review_mode import ReviewPage

            self._review = ReviewPage()
            self._review.leave_requested.connect(self.leave_review)
            self._review.note_edited.connect(self._save_note)
            self._review.mark_requested.connect(self._mark_reviewed_now)
            self.window.pages.addWidget(self._review)
        return self._review

    def in_review(self) -> bool:
        return self._review is not None and self.window.pages.currentWidget() is self._review

    # --- the window tells us ----------------------------------------------------------

    def flush(self) -> None:
        """Save the therapist's note still being typed in review mode."""
        if self._review is not None:
            self._review.flush()

    def on_changed(self, kinds: frozenset[str]) -> None:
        if self.in_review() and kinds & {"interactions", "sessions", "people"}:
            self.review.refresh()

    def closing(self) -> None:
        """The workbook is about to close: out of review mode, and forget what it showed."""
        window = self.window
        if self.in_review():
            window.pages.setCurrentWidget(window.tabs)
        if self._review is not None:
            self._review.clear()
        window.actions["review.toggle"].setChecked(False)

    # --- actions and menus ------------------------------------------------------------

    def _make_actions(self) -> None:
        """The course tabs' and review mode's actions, in the window's registry."""
        self.window.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        add = self.window.actions.add
        add(
            "session.new",
            self.tr("&New session…"),
            self.new_session,
            needs_workbook=True,
            tip=self.tr("Add a session to the log (its number and phase are suggested)"),
        )
        add(
            "questionnaire.phq9",
            self.tr("Fill in the &PHQ-9…"),
            lambda: self.take_questionnaire("phq9"),
            needs_workbook=True,
            tip=self.tr("Nine questions about the last two weeks (depression)"),
        )
        add(
            "questionnaire.gad7",
            self.tr("Fill in the &GAD-7…"),
            lambda: self.take_questionnaire("gad7"),
            needs_workbook=True,
            tip=self.tr("Seven questions about the last two weeks (anxiety)"),
        )
        add(
            "mood.rate",
            self.tr("How are you &today?…"),
            self.rate_mood,
            shortcut="Ctrl+M",
            needs_workbook=True,
            tip=self.tr("Rate your mood today, 0 to 10: Ctrl+M, then a number key"),
        )
        add(
            "event.add",
            self.tr("Add a life &event…"),
            self.add_event,
            needs_workbook=True,
            tip=self.tr("Put something that happened in your life on the timeline"),
        )
        review = add(
            "review.toggle",
            self.tr("&Review mode"),
            self.toggle_review,
            shortcut="F11",
            needs_workbook=True,
            tip=self.tr("For the therapist: one interaction at a time, in large type (F11)"),
        )
        review.setCheckable(True)
        for name, key, text in (
            ("view.sessions", "sessions", self.tr("&Sessions")),
            ("view.questionnaires", "questionnaires", self.tr("&Questionnaires")),
            ("view.timeline", "timeline", self.tr("&Timeline")),
            ("view.sheets", "sheets", self.tr("F&ormulation and ending")),
        ):
            add(name, text, lambda k=key: self.show_tab(k), needs_workbook=True)

    def add_menus(self, bar: QMenuBar, view_menu: QMenu, toolbar: QToolBar) -> None:
        """The Course menu before View, the course tabs in View, mood and review on the
        toolbar; the window calls this while it makes its menus."""
        menu = QMenu(self.tr("&Course"), self.window)
        for name in ("session.new", "questionnaire.phq9", "questionnaire.gad7", "mood.rate"):
            menu.addAction(self.window.actions[name])
        menu.addAction(self.window.actions["event.add"])
        menu.addSeparator()
        menu.addAction(self.window.actions["review.toggle"])
        bar.insertMenu(view_menu.menuAction(), menu)
        view_menu.addSeparator()
        for name in ("view.sessions", "view.questionnaires", "view.timeline", "view.sheets"):
            view_menu.addAction(self.window.actions[name])
        toolbar.addSeparator()
        toolbar.addAction(self.window.actions["mood.rate"])
        toolbar.addAction(self.window.actions["review.toggle"])

    def _tab_changed(self) -> None:
        if self.in_review():
            self.leave_review()  # a tab asked for (Ctrl+1, …) is a tab to see

    def show_tab(self, key: str) -> None:
        if self.in_review():
            self.leave_review()
        self.window.views.show(key)

    # sessions

    def _planned(self, document: Document) -> int | None:
        from iptwork.analysis import course

        return course.planned_sessions(document.meta(), document.formulation())

    def _session(self, session_id: str) -> r.TherapySession | None:
        document = self.window.document
        if document is None:
            return None
        return next((s for s in document.sessions() if s.id == session_id), None)

    def new_session(self) -> None:
        document = self.window.document
        if document is None:
            return
        from iptwork.ui.sessions_view import SessionDialog

        session = SessionDialog.ask(self.window, document.sessions(), self._planned(document))
        if session is not None and document.save_session(None, session):
            self.show_tab("sessions")
            self.window.sessions_view.select(session.id)

    def edit_session(self, session_id: str) -> None:
        document = self.window.document
        old = self._session(session_id)
        if document is None or old is None:
            return
        from iptwork.ui.sessions_view import SessionDialog

        new = SessionDialog.ask(self.window, document.sessions(), self._planned(document), old)
        if new is not None and new != old:
            document.save_session(old, new)

    def delete_session(self, session_id: str) -> None:
        document = self.window.document
        session = self._session(session_id)
        if document is None or session is None:
            return
        text = (
            self.tr(
                "Delete session %1 of %2 with its notes and ratings? The interactions stay."
                "\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
            )
            .replace("%1", str(session.number))
            .replace("%2", f"{session.held_on:%d %b %Y}")
        )
        if alerts.confirm(self.window, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_session(session)

    def mark_in_session(self, session_id: str, interaction_id: str, reviewed: bool) -> None:
        session = self._session(session_id)
        if self.window.document is not None and session is not None:
            self.window.document.mark_reviewed(session, interaction_id, reviewed)

    def snapshot_circle(self, session_id: str) -> None:
        document = self.window.document
        session = self._session(session_id)
        if document is None or session is None:
            return
        if session.circle and not alerts.confirm(
            self.window,
            self.tr("Keep today's circle"),
            self.tr(
                "Session %1 already has a circle kept with it. Replace it with today's?"
            ).replace("%1", str(session.number)),
            self.tr("Replace"),
        ):
            return
        if document.snapshot_circle(session):
            self.window.statusBar().showMessage(
                self.tr("Today's circle is kept with session %1.").replace(
                    "%1", str(session.number)
                ),
                5000,
            )

    # questionnaires and mood

    def take_questionnaire(self, key: str) -> None:
        from iptwork.store import records as r

        document = self.window.document
        if document is None:
            return
        from iptwork.ui.questionnaire import QuestionnaireDialog

        record = QuestionnaireDialog.ask(self.window, key)
        if record is None:
            return
        saved = (
            document.add_phq9(record) if isinstance(record, r.Phq9) else document.add_gad7(record)
        )
        if saved:
            self.window.statusBar().showMessage(
                self.tr("Saved. Thank you for filling it in."), 5000
            )

    def delete_score(self, kind: str, record_id: str) -> None:
        from iptwork.store import records as r

        document = self.window.document
        if document is None:
            return
        found: r.Phq9 | r.Gad7 | r.Mood | None
        if kind == "phq9":
            found = next((q for q in document.phq9s() if q.id == record_id), None)
        elif kind == "gad7":
            found = next((q for q in document.gad7s() if q.id == record_id), None)
        else:
            found = next((m for m in document.moods() if m.id == record_id), None)
        if found is None:
            return
        text = self.tr("Delete this entry?\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z).")
        if not alerts.confirm(self.window, self.tr("Delete"), text, self.tr("Delete")):
            return
        if isinstance(found, r.Phq9):
            document.delete_phq9(found)
        elif isinstance(found, r.Gad7):
            document.delete_gad7(found)
        else:
            document.delete_mood(found)

    def rate_mood(self) -> None:
        from iptwork.store import records as r

        document = self.window.document
        if document is None:
            return
        from datetime import date

        from iptwork.ui.mood import MoodDialog

        today = date.today()
        current = next((m.rating for m in document.moods() if m.on == today), None)
        rating = MoodDialog.ask(self.window, current)
        if rating is not None and document.rate_mood(r.Mood(today, rating)):
            self.window.statusBar().showMessage(
                self.tr("Mood %1 of 10 kept for today. Thank you.").replace("%1", str(rating)),
                5000,
            )

    # life events

    def _event(self, event_id: str) -> r.LifeEvent | None:
        document = self.window.document
        if document is None:
            return None
        return next((e for e in document.events() if e.id == event_id), None)

    def add_event(self) -> None:
        document = self.window.document
        if document is None:
            return
        from iptwork.ui.timeline_view import EventDialog

        event = EventDialog.ask(self.window, document.people())
        if event is not None and document.save_event(None, event):
            self.show_tab("timeline")
            self.window.timeline.select(event.id)

    def edit_event(self, event_id: str) -> None:
        document = self.window.document
        old = self._event(event_id)
        if document is None or old is None:
            return
        from iptwork.ui.timeline_view import EventDialog

        new = EventDialog.ask(self.window, document.people(), old)
        if new is not None and new != old:
            document.save_event(old, new)

    def delete_event(self, event_id: str) -> None:
        document = self.window.document
        event = self._event(event_id)
        if document is None or event is None:
            return
        text = self.tr(
            "Delete this life event?\n\nYou can bring it back with Edit ▸ Undo (Ctrl+Z)."
        )
        if alerts.confirm(self.window, self.tr("Delete"), text, self.tr("Delete")):
            document.delete_event(event)

    # formulation and termination

    def save_formulation(self, old: r.Formulation, new: r.Formulation) -> None:
        document = self.window.document
        if document is not None and document.update_formulation(old, new):
            self.window.sheets.formulation.saved(new)

    def save_termination(self, old: r.Termination, new: r.Termination) -> None:
        document = self.window.document
        if document is not None and document.update_termination(old, new):
            self.window.sheets.termination.saved(new)

    # review mode

    def toggle_review(self) -> None:
        if self.in_review():
            self.leave_review()
        else:
            self.enter_review()

    def enter_review(self) -> None:
        document = self.window.document
        if document is None:
            self.window.actions["review.toggle"].setChecked(False)
            return
        self.window._flush_editors()
        self._marks_into_latest = False
        self.review.start(document)
        self.window.pages.setCurrentWidget(self.review)
        self.window.actions["review.toggle"].setChecked(True)

    def leave_review(self) -> None:
        self.review.flush()
        if self.window.document is not None:
            self.window.pages.setCurrentWidget(self.window.tabs)
        self.window.actions["review.toggle"].setChecked(False)

    def _save_note(self, old: r.Interaction, note: str) -> None:
        if self.window.document is not None:
            self.window.document.update_therapist_note(old, note)

    def _mark_reviewed_now(self, interaction_id: str, reviewed: bool) -> None:
        """Mark in the current session: the latest one; if there is none, or the latest
        was on an earlier day, ask whether to start today's session first."""
        document = self.window.document
        if document is None:
            return
        session = self._session_for_marks(document) if reviewed else self.review.session
        if session is None:
            self.review.refresh()  # nothing changed: put the tick back as it was
            return
        document.mark_reviewed(session, interaction_id, reviewed)

    def _session_for_marks(self, document: Document) -> r.TherapySession | None:
        from datetime import date

        from iptwork.analysis import course
        from iptwork.store import records as r

        sessions = document.sessions()
        latest = course.latest(sessions)
        today = date.today()
        if latest is not None and (latest.held_on >= today or self._marks_into_latest):
            return latest
        number = course.next_number(sessions)
        if latest is None:
            if not alerts.confirm(
                self.window,
                self.tr("No session yet"),
                self.tr(
                    "Reviewed interactions are kept with a session, and there is none yet. "
                    "Start session 1 today?"
                ),
                self.tr("Start session 1"),
            ):
                return None
        else:
            choice = alerts.choose(
                self.window,
                self.tr("Which session?"),
                self.tr(
                    "The latest session is session %1, on %2. Start session %3 today, or mark "
                    "it as reviewed in session %1?"
                )
                .replace("%1", str(latest.number))
                .replace("%2", f"{latest.held_on:%d %b %Y}")
                .replace("%3", str(number)),
                [
                    ("new", self.tr("Start session %1 today").replace("%1", str(number))),
                    ("latest", self.tr("Mark in session %1").replace("%1", str(latest.number))),
                ],
            )
            if choice == "latest":
                self._marks_into_latest = True
                return latest
            if choice != "new":
                return None
        session = r.TherapySession(
            number, today, course.suggested_phase(number, self._planned(document))
        )
        return session if document.save_session(None, session) else None
