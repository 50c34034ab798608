"""Export (PDF, JSON, CSV) and import from the app: the dialog says what the file holds, the
file holds what it said, cancel leaves nothing, import tells what it did. (Printing:
test_printing.py.)"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from iptwork.store import records as r
from iptwork.ui import alerts, exporting
from iptwork.ui.export_dialog import ExportDialog, gather_facts
from iptwork.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.helpers import in_modal, wait_listed

NOTE = "Notice how she accepted help."
SECRET = "Nobody else should read this line."


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch, answers: Answers) -> list[Path]:
    """The export/import file pickers answer from `answers.paths`; opened files are listed."""
    opened: list[Path] = []

    def path(*_args: Any, **_kwargs: Any) -> Path | None:
        return answers.paths.pop(0) if answers.paths else None

    monkeypatch.setattr(alerts, "ask_export_path", path)
    monkeypatch.setattr(alerts, "ask_import_path", path)
    monkeypatch.setattr(exporting, "open_externally", lambda p: opened.append(p) or True)
    return opened


@pytest.fixture
def marked(qtbot: QtBot, opened: MainWindow) -> MainWindow:
    """The sample workbook with a therapist note and a private interaction in it."""
    document = opened.document
    assert document is not None
    ids = document.list_ids(r.InteractionFilter(), "date", True)
    first, second = (document.interaction(i) for i in ids[:2])
    assert first is not None
    assert second is not None
    document.update_interaction(first, replace(first, therapist_note=NOTE))
    document.update_interaction(second, replace(second, private=True, said=SECRET))
    wait_listed(qtbot, opened)
    return opened


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def accept(qtbot: QtBot, dialog: QDialog, setup: Any = None, said: list[str] | None = None) -> None:
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.facts is not None)
    if setup is not None:
        setup(dialog)
    if said is not None:
        said.append(dialog.description.text())
    dialog.ok_button.click()


def wait_written(qtbot: QtBot, main: MainWindow) -> None:
    qtbot.waitUntil(lambda: main.exporter.progress is None and not main.ops.busy, timeout=30_000)


def test_the_description_follows_the_options(qtbot: QtBot, marked: MainWindow) -> None:
    assert marked.document is not None
    dialog = ExportDialog("pdf", marked.settings, gather_facts(marked.document), marked)
    qtbot.addWidget(dialog)
    text = dialog.description.text
    assert text().startswith("This PDF will contain 7 interactions with 5 people from ")
    assert "with therapist notes" in text()
    assert "real names" in text()
    assert "Private interactions are left out." in text()

    dialog.pseudonymize.setChecked(True)
    assert "Names are replaced by labels (Person A" in text()
    dialog.no_notes.setChecked(True)
    assert "without therapist notes" in text()
    dialog.private.setChecked(True)
    assert "8 interactions" in text()
    assert "Private interactions are included (1 of them)." in text()

    alex = dialog.people.findItems("Alex", Qt.MatchFlag.MatchExactly)[0]
    alex.setCheckState(Qt.CheckState.Checked)
    assert "3 interactions with Alex from " in text()
    dialog.date_from.setDate(QDate(2100, 1, 1))
    assert "will contain no interactions" in text()
    assert "Widen the dates" in text()
    assert not dialog.since.isEnabled()  # the sample has no sessions


def test_the_pdf_holds_what_the_dialog_said(
    qtbot: QtBot, marked: MainWindow, answers: Answers, files: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    answers.paths.append(out)
    said: list[str] = []

    def setup(dialog: ExportDialog) -> None:
        dialog.pseudonymize.setChecked(True)
        dialog.no_notes.setChecked(True)

    in_modal(
        qtbot,
        lambda: marked.actions.trigger("file.export_pdf"),
        lambda dialog: accept(qtbot, dialog, setup, said),
    )
    wait_written(qtbot, marked)
    assert out.exists()
    assert files == [out]  # "Open the PDF when it is done" is on by default
    assert "was saved as" in marked.statusBar().currentMessage()
    description = said[0]
    assert description.startswith("This PDF will contain 7 interactions")
    text = pdf_text(out)
    assert "7 interactions," in text  # the cover's count
    assert "Person A" in text
    for name in ("Alex", "Jordan", "Priya"):
        assert name not in text
    assert NOTE not in text
    assert SECRET not in text
    assert "Therapist’s notes are left out." in text
    assert marked.settings.export_pseudonymize  # remembered for next time


def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, marked: MainWindow, answers: Answers, files: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "cancelled.pdf"
    answers.paths.append(out)
    in_modal(
        qtbot,
        lambda: marked.actions.trigger("file.export_pdf"),
        lambda dialog: accept(qtbot, dialog),
    )
    progress = marked.exporter.progress
    assert progress is not None
    assert progress.isVisible()
    progress.findChild(QPushButton).click()  # Cancel
    wait_written(qtbot, marked)
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf*")) == []
    assert "cancelled" in marked.statusBar().currentMessage()
    assert answers.said == []  # a quiet cancel, no alert
    assert files == []


def test_json_export_then_import_shows_the_summary(
    qtbot: QtBot,
    marked: MainWindow,
    answers: Answers,
    files: list[Path],
    tmp_path: Path,
) -> None:
    out = tmp_path / "all.json"
    answers.paths.append(out)
    in_modal(
        qtbot,
        lambda: marked.actions.trigger("file.export_json"),
        lambda dialog: accept(qtbot, dialog),
    )
    qtbot.waitUntil(lambda: out.exists() and not marked.ops.busy, timeout=10_000)
    assert "7 interactions were exported" in marked.statusBar().currentMessage()

    csv_out = tmp_path / "all.csv"
    answers.paths.append(csv_out)
    in_modal(
        qtbot,
        lambda: marked.actions.trigger("file.export_csv"),
        lambda dialog: accept(qtbot, dialog),
    )
    qtbot.waitUntil(lambda: csv_out.exists() and not marked.ops.busy, timeout=10_000)
    assert len(csv_out.read_text(encoding="utf-8-sig").strip().splitlines()) == 1 + 7

    # Into a new, empty workbook.
    from iptwork.store.workbook import create_workbook

    target = tmp_path / "copy.iptw"
    create_workbook(target, title="").close()
    assert marked.open_path(target)
    wait_listed(qtbot, marked)
    assert marked.document is not None
    marked.document.add_person(r.Person(name="Someone new"))
    assert marked.document.undo_stack.canUndo()
    answers.paths.append(out)
    marked.actions.trigger("file.import_json")
    qtbot.waitUntil(lambda: "Import finished" in [t for t, _ in answers.said], timeout=10_000)
    text = answers.said[-1][1]
    assert "7 new" in text
    assert "interactions" in text
    assert "cannot be taken back with Edit ▸ Undo" in text
    assert "kept as" in text  # a copy from before the import
    assert not marked.document.undo_stack.canUndo()
    wait_listed(qtbot, marked)
    assert marked.interactions.model.rowCount() == 7

    # A file that is not an export: one calm line, nothing changed.
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    answers.paths.append(bad)
    marked.actions.trigger("file.import_json")
    qtbot.waitUntil(lambda: answers.said[-1][0] == "Nothing was imported", timeout=10_000)
    message = answers.said[-1][1]
    assert "is not an iptwork JSON export" in message
    assert "\n" not in message
    assert marked.interactions.model.rowCount() == 7
