"""Every message box and file picker the app shows, in one place.

Views call these functions instead of QMessageBox/QFileDialog directly, so that the wording
stays calm and consistent and tests replace this one module instead of facing modal dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from iptwork import domain

FILTER = QCoreApplication.translate("alerts", "iptwork workbooks (*.iptw)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("alerts", text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def problem(parent: QWidget | None, title: str, text: str) -> None:
    """Something in the environment went wrong (file, disk, input): say what and what to do."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def safety_message(parent: QWidget | None) -> None:
    """PHQ-9 item 9 was answered above 0: before anything else, urge contacting a clinician
    or emergency services now (domain.ITEM9_MESSAGE). Calm, not an error; iptwork does not
    pretend to be a crisis service."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("Please reach out now"),
        _tr(domain.ITEM9_MESSAGE),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("safety-message")
    box.addButton(_tr("I understand"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before doing something the user may not mean (e.g. deleting). True to go on."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def choose(
    parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]
) -> str | None:
    """Offer a few named choices (key, button label) and Cancel; the chosen key or None."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    buttons: dict[QPushButton, str] = {}
    for key, label in choices:
        buttons[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = key
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.get(clicked) if isinstance(clicked, QPushButton) else None


def ask_password(
    parent: QWidget | None, name: str, *, wrong: bool = False, current: bool = False
) -> str | None:
    """The password of an encrypted workbook, or None when the user gives up. `current`:
    asked before the password is changed or removed, not to open the file."""
    if current:
        text = (
            _tr("That is not the current password of %1. Please try again.")
            if wrong
            else _tr("To change or remove the password of %1, type its current password.")
        )
    else:
        text = (
            _tr("That password did not open %1. Please try again.")
            if wrong
            else _tr("%1 is protected with a password.")
        )
    text = text.replace("%1", name)
    value, ok = QInputDialog.getText(parent, _tr("Password"), text, QLineEdit.EchoMode.Password)
    return value if ok else None


def ask_new_password(parent: QWidget | None, title: str) -> str | None:
    """A new password, typed twice; empty or mismatched ones are refused and asked again.
    None when the user gives up."""
    hint = _tr("There is no way to recover a forgotten password: keep it somewhere safe.") + "\n"
    while True:
        first, ok = QInputDialog.getText(
            parent, title, hint + _tr("New password:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if not first:
            hint = _tr("An empty password protects nothing; please type one.") + "\n"
            continue
        second, ok = QInputDialog.getText(
            parent, title, _tr("The same password again:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if first == second:
            return first
        hint = _tr("The two passwords were not the same; please try again.") + "\n"


def ask_open_path(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Open a workbook"), str(folder or Path.home()), FILTER
    )
    return Path(name) if name else None


def ask_new_path(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Create a new workbook"), str((folder or Path.home()) / "workbook.iptw"), FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".iptw")


def ask_copy_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save a copy of the workbook"), str(suggested), FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".iptw")


EXPORT_FILTERS = {
    "pdf": QCoreApplication.translate("alerts", "PDF files (*.pdf)"),
    "json": QCoreApplication.translate("alerts", "iptwork JSON exports (*.json)"),
    "csv": QCoreApplication.translate("alerts", "CSV files (*.csv)"),
}


def ask_export_path(parent: QWidget | None, suggested: Path, kind: str) -> Path | None:
    """Where to write a PDF, JSON or CSV export (`kind`); the suffix is added if missing."""
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Export to a file"), str(suggested), EXPORT_FILTERS[kind]
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(f".{kind}")


def ask_import_path(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Import a JSON export"), str(folder or Path.home()), EXPORT_FILTERS["json"]
    )
    return Path(name) if name else None


def crash(parent: QWidget | None, details: str) -> None:
    """A bug, not the user's doing: say so plainly and offer the details to copy."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _tr("iptwork ran into a bug"),
        _tr(
            "Something went wrong inside iptwork. Everything you saved before is safe in "
            "the workbook file. Copying the details below and sending them to whoever "
            "gave you iptwork helps fix it."
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setDetailedText(details)
    copy = box.addButton(_tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)
