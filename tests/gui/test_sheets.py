"""The formulation and termination sheets: saved as typed, undone as one step per sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from iptwork.store import records as r
from iptwork.ui.main_window import MainWindow


def show_sheets(qtbot: QtBot, main: MainWindow) -> None:
    main.actions.trigger("view.sheets")
    qtbot.waitExposed(main.sheets)


def test_the_formulation_is_saved_as_typed_and_undone_in_one_step(
    qtbot: QtBot, opened: MainWindow
) -> None:
    show_sheets(qtbot, opened)
    document = opened.document
    assert document is not None
    editor = opened.sheets.formulation
    field = editor.texts["diagnosis"]
    field.setFocus()
    qtbot.keyClicks(field, "Low mood since the move")
    qtbot.waitUntil(lambda: document.formulation().diagnosis != "", timeout=3000)
    qtbot.keyClicks(field, ", and poor sleep.")
    editor.sessions.setValue(16)
    editor.date.check.setChecked(True)
    editor.date.edit.setDate(QDate(2026, 9, 24))
    editor.flush()
    saved = document.formulation()
    assert saved == r.Formulation(
        diagnosis="Low mood since the move, and poor sleep.",
        agreed_sessions=16,
        agreed_on=date(2026, 9, 24),
    )
    opened.actions.trigger("edit.undo")
    assert document.formulation() == r.Formulation()
    assert field.text() == ""
    assert editor.sessions.value() == 0
    assert not editor.date.check.isChecked()
    opened.actions.trigger("edit.redo")
    assert document.formulation() == saved
    assert field.text() == saved.diagnosis


def test_the_termination_sheet_is_its_own_undo_step(qtbot: QtBot, opened: MainWindow) -> None:
    show_sheets(qtbot, opened)
    document = opened.document
    assert document is not None
    opened.sheets.formulation.texts["focus"].setPlainText("The dispute with Alex")
    opened.sheets.formulation.flush()
    termination = opened.sheets.termination
    termination.texts["warning_signs"].setPlainText("Going quiet for more than a day")
    opened.actions.trigger("view.interactions")  # leaving the tab saves what was typed
    assert document.termination().warning_signs == "Going quiet for more than a day"
    opened.actions.trigger("edit.undo")
    assert document.termination() == r.Termination()
    assert document.formulation().focus == "The dispute with Alex"


def test_the_planned_number_falls_back_to_the_agreed_sessions(
    qtbot: QtBot, opened: MainWindow
) -> None:
    document = opened.document
    assert document is not None
    document.update_formulation(r.Formulation(), r.Formulation(agreed_sessions=12))
    document.save_session(None, r.TherapySession(2, date.today(), "initial"))
    opened.actions.trigger("view.sessions")
    qtbot.waitExposed(opened.sessions_view)
    assert opened.sessions_view.model.index(0, 0).data() == "2 of 12"
