"""Edit → Preferences: auto-lock time and how many backups to keep."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class PreferencesDialog(QDialog):
    def __init__(self, autolock_minutes: int, backups_keep: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences-dialog")
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 24 * 60)
        self.autolock.setSuffix(self.tr(" minutes"))
        self.autolock.setSpecialValueText(self.tr("never"))
        self.autolock.setValue(autolock_minutes)
        form.addRow(self.tr("Lock the workbook after"), self.autolock)
        hint = QLabel(
            self.tr(
                "Without keyboard or mouse use for this long, an encrypted workbook is hidden "
                "until its password is typed again. Workbooks without a password are never "
                "locked: set a password (Workbook menu) to use this."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form.addRow(hint)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(backups_keep)
        form.addRow(self.tr("Automatic backups to keep"), self.keep)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, autolock_minutes: int, backups_keep: int
    ) -> tuple[int, int] | None:
        """(auto-lock minutes, backups to keep), or None when cancelled."""
        dialog = cls(autolock_minutes, backups_keep, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.autolock.value(), dialog.keep.value()
        finally:
            dialog.deleteLater()
