"""Edit ▸ Preferences: the look (theme, text size), what a new export starts with, the
auto-lock time and how many backups to keep.

The look changes as it is chosen, so the person sees it before deciding; OK keeps it and
Cancel puts back what was there. Everything is kept in `Settings` (UI state only).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iptwork.ui import theme
from iptwork.ui.settings import TEXT_SIZES, THEMES, Settings


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    return label


class PreferencesDialog(QDialog):
    def __init__(
        self,
        autolock_minutes: int,
        backups_keep: int,
        parent: QWidget | None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences-dialog")
        self.setWindowTitle(self.tr("Preferences"))
        if settings is None:
            found = getattr(parent, "settings", None)
            settings = found if isinstance(found, Settings) else None
        self.settings = settings
        layout = QVBoxLayout(self)

        # The look.
        self.look = QGroupBox(self.tr("Look"))
        look = QFormLayout(self.look)
        self.theme = QComboBox()
        self.theme.setObjectName("preferences-theme")
        names = {
            "system": self.tr("Follow the computer's setting"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for key in THEMES:
            self.theme.addItem(names[key], key)
        self.text_size = QComboBox()
        self.text_size.setObjectName("preferences-text-size")
        for percent in TEXT_SIZES:
            label = f"{percent} %"
            if percent == 100:
                label = self.tr("%1 (usual)").replace("%1", label)
            self.text_size.addItem(label, percent)
        theme_label = QLabel(self.tr("&Theme:"))
        theme_label.setBuddy(self.theme)
        size_label = QLabel(self.tr("Te&xt size:"))
        size_label.setBuddy(self.text_size)
        look.addRow(theme_label, self.theme)
        look.addRow(size_label, self.text_size)
        look.addRow(_hint(self.tr("You see each change at once; Cancel puts the look back.")))

        # What a new export starts with (each export can still change them).
        self.exports = QGroupBox(self.tr("New exports start with"))
        exports = QVBoxLayout(self.exports)
        self.pseudonymize = QCheckBox(self.tr("Replace &names with labels (Person A, Person B, …)"))
        self.no_notes = QCheckBox(self.tr("Leave out &therapist notes"))
        self.open_pdf = QCheckBox(self.tr("&Open the PDF when it is done"))
        for box in (self.pseudonymize, self.no_notes, self.open_pdf):
            exports.addWidget(box)
        exports.addWidget(
            _hint(
                self.tr(
                    "Each export shows these choices again before anything is written, and "
                    "what you choose there is kept here for next time. Interactions marked "
                    "private are always left out unless you include them in that export."
                )
            )
        )

        # Safety.
        safety = QGroupBox(self.tr("Safety"))
        form = QFormLayout(safety)
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 24 * 60)
        self.autolock.setSuffix(self.tr(" minutes"))
        self.autolock.setSpecialValueText(self.tr("never"))
        self.autolock.setValue(autolock_minutes)
        autolock_label = QLabel(self.tr("&Lock the workbook after"))
        autolock_label.setBuddy(self.autolock)
        form.addRow(autolock_label, self.autolock)
        form.addRow(
            _hint(
                self.tr(
                    "Without keyboard or mouse use for this long, an encrypted workbook is "
                    "hidden until its password is typed again. Workbooks without a password "
                    "are never locked: set a password (Workbook menu) to use this."
                )
            )
        )
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(backups_keep)
        keep_label = QLabel(self.tr("Automatic &backups to keep"))
        keep_label.setBuddy(self.keep)
        form.addRow(keep_label, self.keep)
        form.addRow(
            _hint(
                self.tr(
                    "A backup is made when a workbook is opened (at most once an hour) and "
                    "once a day while it stays open; the oldest go first."
                )
            )
        )

        layout.addWidget(self.look)
        layout.addWidget(self.exports)
        layout.addWidget(safety)
        layout.addStretch(1)  # spare height below the groups, not inside one
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit()

        if settings is None:  # nowhere to keep them: show only what the caller asked about
            self.look.hide()
            self.exports.hide()
            return
        self._theme_before, self._size_before = settings.theme, settings.text_size
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.text_size)))
        self.pseudonymize.setChecked(settings.export_pseudonymize)
        self.no_notes.setChecked(not settings.export_therapist_notes)
        self.open_pdf.setChecked(settings.export_open_pdf)
        self.theme.currentIndexChanged.connect(lambda _i: self._preview())
        self.text_size.currentIndexChanged.connect(lambda _i: self._preview())

    def chosen_theme(self) -> str:
        return str(self.theme.currentData())

    def chosen_text_size(self) -> int:
        return int(self.text_size.currentData())

    def _fit(self) -> None:
        """About 80 characters wide and tall enough for every hint, at the text size in force."""
        layout = self.layout()
        width = max(540, self.fontMetrics().averageCharWidth() * 80)
        self.setFixedWidth(width)
        self.resize(width, layout.totalHeightForWidth(width))

    def _preview(self) -> None:
        theme.apply(self.chosen_theme(), self.chosen_text_size())
        self._fit()  # a larger text size needs a larger dialog, or its hints are clipped

    def accept(self) -> None:
        settings = self.settings
        if settings is not None:
            settings.theme = self.chosen_theme()
            settings.text_size = self.chosen_text_size()
            settings.export_pseudonymize = self.pseudonymize.isChecked()
            settings.export_therapist_notes = not self.no_notes.isChecked()
            settings.export_open_pdf = self.open_pdf.isChecked()
            settings.sync()
            theme.apply(settings.theme, settings.text_size)
        super().accept()

    def reject(self) -> None:
        if self.settings is not None and (
            self.chosen_theme() != self._theme_before
            or self.chosen_text_size() != self._size_before
        ):
            theme.apply(self._theme_before, self._size_before)
        super().reject()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        autolock_minutes: int,
        backups_keep: int,
        settings: Settings | None = None,
    ) -> tuple[int, int] | None:
        """(auto-lock minutes, backups to keep), or None when cancelled. The look and the
        export choices are kept by the dialog itself, in `settings` (or the parent's)."""
        dialog = cls(autolock_minutes, backups_keep, parent, settings)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.autolock.value(), dialog.keep.value()
        finally:
            dialog.deleteLater()
