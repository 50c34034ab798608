"""Help ▸ About iptwork: what it is, its version and licence, whose questionnaires it
uses, and, plainly, that it is not a crisis service and what to do in a crisis."""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from iptwork import domain
from iptwork.ui.app_icon import app_icon

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


def _tr(text: str) -> str:
    return QCoreApplication.translate("about", text)


def app_version() -> str:
    """The installed package's version (from its metadata), or "unknown" in a bare checkout."""
    try:
        return version("iptwork")
    except PackageNotFoundError:
        return _tr("unknown")


def crisis_text() -> str:
    return _tr(
        "iptwork is a workbook, not a crisis service: nobody is alerted by what you write "
        "in it. If you are thinking about harming yourself or may not be safe, please do "
        "not wait for your next session: contact your clinician today, and if you might act "
        "on these thoughts, call your local emergency number or a crisis line now, or go to "
        "the nearest emergency department."
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(_tr("About iptwork"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(f"iptwork {html.escape(app_version())}")
        title.setObjectName("about-title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        what = QLabel(
            _tr(
                "A private, offline workbook for interpersonal therapy (IPT): for writing "
                "down the conversations that matter, seeing the patterns in them, and "
                "bringing them to your sessions."
            )
        )
        licence = QLabel(
            _tr(
                "Free software under the GNU General Public License, version 3 or later "
                "(%1): you may use, study, share and change it. It comes with no warranty."
            ).replace("%1", f"<a href='{LICENCE_URL}'>{LICENCE}</a>")
        )
        licence.setObjectName("about-licence")
        licence.setOpenExternalLinks(True)
        questionnaires = QLabel(_tr(domain.QUESTIONNAIRE_COPYRIGHT) + ".")
        questionnaires.setObjectName("about-questionnaires")
        self.crisis = QLabel(crisis_text())
        self.crisis.setObjectName("about-crisis")
        self.crisis.setProperty("role", "note")
        self.crisis.setAccessibleName(_tr("If you are in crisis"))
        for label in (what, licence, questionnaires, self.crisis):
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                label.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(icon)
        layout.addWidget(title)
        layout.addWidget(what)
        layout.addWidget(self.crisis)
        layout.addWidget(licence)
        layout.addWidget(questionnaires)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # A fixed width lets the wrapped paragraphs take exactly the height they need.
        width = max(500, self.fontMetrics().averageCharWidth() * 72)
        self.setFixedWidth(width)
        self.resize(width, layout.totalHeightForWidth(width))

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and screen readers)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel) if label.text())

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        dialog = cls(parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
