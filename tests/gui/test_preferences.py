"""Preferences: the look changes at once and is kept; exports start from the privacy
defaults; auto-lock and backups are kept as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from iptwork.ui import theme
from iptwork.ui.main_window import MainWindow
from iptwork.ui.preferences import PreferencesDialog
from iptwork.ui.settings import Settings
from tests.gui.conftest import Answers


@pytest.fixture(autouse=True)
def _usual_look(qapp: QApplication) -> Iterator[None]:
    """The look is the whole application's: put it back for the tests that follow."""
    yield
    theme.apply("system", 100, qapp)


def _dialog(window: MainWindow) -> PreferencesDialog:
    settings = window.settings
    return PreferencesDialog(settings.autolock_minutes, settings.backups_keep, window)


def _choose(
    dialog: PreferencesDialog, theme_key: str | None = None, size: int | None = None
) -> None:
    if theme_key is not None:
        dialog.theme.setCurrentIndex(dialog.theme.findData(theme_key))
    if size is not None:
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(size))


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def _contrast(widget: QWidget) -> float:
    """The WCAG contrast between a label's background and its most distinct text pixel, as
    seen in its window (a label alone may have a see-through background)."""
    top = widget.window()
    area = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    image: QImage = top.grab(area).toImage()
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    background = QColor.fromRgb(max(counts, key=lambda rgb: counts[rgb]))
    lb = _luminance(background)
    best = 1.0
    for rgb in counts:
        lt = _luminance(QColor.fromRgb(rgb))
        best = max(best, (max(lb, lt) + 0.05) / (min(lb, lt) + 0.05))
    return best


def test_dark_applies_at_once_and_is_kept(
    qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    assert not theme.is_dark()
    dialog = _dialog(window)
    assert dialog.chosen_theme() == "system"
    _choose(dialog, "dark")
    assert theme.is_dark()  # seen before OK
    assert theme.is_dark(window.palette())
    dialog.accept()
    assert settings.theme == "dark"
    assert Settings.at(Path(settings.file_name)).theme == "dark"  # kept in the file
    again = _dialog(window)
    assert again.chosen_theme() == "dark"
    _choose(again, "system")
    again.accept()
    assert not theme.is_dark()


def test_cancel_puts_the_look_back(window: MainWindow, settings: Settings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    size = app.font().pointSizeF()
    dialog = _dialog(window)
    _choose(dialog, "dark", 150)
    assert theme.is_dark()
    assert app.font().pointSizeF() == pytest.approx(size * 1.5)
    dialog.reject()
    assert not theme.is_dark()
    assert app.font().pointSizeF() == pytest.approx(size)
    assert settings.theme == "system"
    assert settings.text_size == 100


def test_text_size_changes_the_windows_text(window: MainWindow, settings: Settings) -> None:
    before = window.welcome.intro.font().pointSizeF()
    title_before = window.welcome.title.font().pointSizeF()
    dialog = _dialog(window)
    _choose(dialog, size=125)
    dialog.accept()
    assert settings.text_size == 125
    assert window.welcome.intro.font().pointSizeF() == pytest.approx(before * 1.25)
    assert window.welcome.title.font().pointSizeF() == pytest.approx(title_before * 1.25)


def test_the_dialog_grows_with_the_text_size_it_previews(qtbot: QtBot, window: MainWindow) -> None:
    """Choosing 150 % while the dialog is open must not clip its own hints."""
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    width_before = dialog.width()
    _choose(dialog, size=150)
    QApplication.processEvents()
    assert dialog.width() > width_before
    hints = [
        label
        for label in dialog.findChildren(QLabel)
        if label.wordWrap() and label.isVisible() and label.text()
    ]
    assert len(hints) >= 3
    for label in hints:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    dialog.reject()


def test_text_is_readable_in_the_dark_theme(qtbot: QtBot, window: MainWindow) -> None:
    window.welcome.set_notice("Something to tell you, calmly.")
    hint = QLabel("A hint, in the quieter colour")
    hint.setProperty("role", "hint")
    window.welcome.layout().addWidget(hint)
    hint.show()
    for name in ("light", "dark"):
        theme.apply(name, 100)
        QApplication.processEvents()
        assert theme.is_dark() == (name == "dark")
        for label in (window.welcome.intro, window.welcome.notice):
            assert _contrast(label) >= 7, (name, label.objectName())
        assert _contrast(hint) >= 4.5, name


def test_exports_start_from_the_privacy_defaults(window: MainWindow, settings: Settings) -> None:
    from iptwork.ui.export_dialog import ExportDialog

    dialog = _dialog(window)
    assert not dialog.pseudonymize.isChecked()
    assert not dialog.no_notes.isChecked()
    assert dialog.open_pdf.isChecked()
    dialog.pseudonymize.setChecked(True)
    dialog.no_notes.setChecked(True)
    dialog.open_pdf.setChecked(False)
    dialog.accept()
    assert settings.export_pseudonymize
    assert not settings.export_therapist_notes
    assert not settings.export_open_pdf
    export = ExportDialog("pdf", settings, parent=window)
    try:
        assert export.pseudonymize.isChecked()
        assert export.no_notes.isChecked()
        assert not export.open_after.isChecked()
        assert not export.private.isChecked()  # never a default: private stays private
    finally:
        export.deleteLater()


def test_preferences_from_the_menu_keep_everything(
    qtbot: QtBot, window: MainWindow, settings: Settings, answers: Answers
) -> None:
    from tests.gui.helpers import in_modal

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.look.isVisible()
        assert dialog.exports.isVisible()
        _choose(dialog, "dark", 110)
        dialog.autolock.setValue(5)
        dialog.keep.setValue(4)
        dialog.accept()

    in_modal(qtbot, lambda: window.actions.trigger("edit.preferences"), drive)
    assert theme.is_dark()
    reread = Settings.at(Path(settings.file_name))
    assert (reread.theme, reread.text_size) == ("dark", 110)
    assert (reread.autolock_minutes, reread.backups_keep) == (5, 4)


def test_lists_make_room_for_larger_text(qtbot: QtBot, opened: MainWindow) -> None:
    """At 150 % the dates, names and numbers in the lists still fit their columns."""
    table = opened.interactions.table
    model = table.model()

    def fits(column: int) -> bool:
        widest = max(
            table.fontMetrics().horizontalAdvance(str(model.index(row, column).data() or ""))
            for row in range(min(20, model.rowCount()))
        )
        return table.columnWidth(column) >= widest + 8

    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert fits(0)
    theme.apply("system", 150)
    assert fits(0), "the date column did not grow with the text"
    assert table.verticalHeader().defaultSectionSize() > table.fontMetrics().height()
    opened.views.show("sessions")
    sessions = opened.sessions_view.table
    header = sessions.horizontalHeader()
    for column in range(sessions.model().columnCount()):
        if header.sectionResizeMode(column) != header.ResizeMode.Stretch:
            title = str(sessions.model().headerData(column, header.orientation()) or "")
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
