"""The dialog that asks what an export (PDF, print, JSON, CSV) holds, and says it plainly.

It asks what to include (the whole workbook or what happened since the last session; a date
range; people) and how to protect it (names replaced by labels, therapist notes left out,
private interactions left in or out), and it says in one plain paragraph what the file
will contain, updated as the options change. The facts it counts from are read once on a
worker (`gather_facts`) while the dialog is already open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Literal

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iptwork.ui import theme

if TYPE_CHECKING:
    from iptwork.interchange.selection import ExportOptions
    from iptwork.ui.document import Document
    from iptwork.ui.settings import Settings

Kind = Literal["pdf", "print", "json", "csv"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


# --- facts and the plain description ----------------------------------------------------


@dataclass(frozen=True)
class InteractionFact:
    id: str
    day: date
    people: tuple[str, ...]  # names (unique in a workbook)
    private: bool


@dataclass(frozen=True)
class SessionFact:
    number: int
    held_on: date
    reviewed: frozenset[str]


@dataclass(frozen=True)
class ExportFacts:
    """What the description counts from: light, read once."""

    interactions: tuple[InteractionFact, ...]
    people: tuple[str, ...]  # every person's name, inventory order
    last_session: SessionFact | None = None


def gather_facts(document: Document) -> ExportFacts:
    """Read the facts (runs on a worker: its own short read transactions)."""
    from iptwork.store import listing, services
    from iptwork.store import records as r

    wb = document.workbook
    ids = listing.list_ids(wb, r.InteractionFilter(), "date", False)
    rows = listing.list_summaries(wb, ids)
    sessions = services.list_sessions(wb)
    last = max(sessions, key=lambda s: (s.held_on, s.number)) if sessions else None
    return ExportFacts(
        interactions=tuple(
            InteractionFact(row.id, row.occurred_at.date(), tuple(row.people), row.private)
            for row in rows
        ),
        people=tuple(p.name for p in services.list_people(wb)),
        last_session=(
            SessionFact(last.number, last.held_on, frozenset(last.interactions)) if last else None
        ),
    )


@dataclass(frozen=True)
class ExportRequest:
    """What the person asked for."""

    kind: Kind
    options: ExportOptions
    since_last_session: bool = False
    open_when_done: bool = False


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + _tr(" and ") + names[-1]


def chosen_interactions(facts: ExportFacts, request: ExportRequest) -> list[InteractionFact]:
    """The interactions the export will hold (the same rules as `select_contents` and, for
    a summary, `report.since_last_session`)."""
    options = request.options
    wanted = {" ".join(n.casefold().split()) for n in options.people}
    session = facts.last_session if request.since_last_session else None
    found = []
    for fact in facts.interactions:
        if fact.private and not options.include_private:
            continue
        if options.date_from and fact.day < options.date_from:
            continue
        if options.date_to and fact.day > options.date_to:
            continue
        if wanted and wanted.isdisjoint(" ".join(p.casefold().split()) for p in fact.people):
            continue
        if session is not None and (fact.day < session.held_on or fact.id in session.reviewed):
            continue
        found.append(fact)
    return found


def describe(facts: ExportFacts, request: ExportRequest) -> str:
    """What the file will contain, in plain words."""
    options = request.options
    what = {
        "pdf": _tr("This PDF"),
        "print": _tr("The printout"),
        "json": _tr("This JSON file"),
        "csv": _tr("This CSV file (one row per interaction)"),
    }[request.kind]
    found = chosen_interactions(facts, request)
    count = len(found)
    parts: list[str] = []
    session = facts.last_session if request.since_last_session else None
    if session is not None:
        parts.append(
            _tr("%1 shows what happened since session %2 on %3.")
            .replace("%1", what)
            .replace("%2", str(session.number))
            .replace("%3", _long_date(session.held_on))
        )
        what = _tr("It")
    if count == 0:
        sentence = _tr("%1 will contain no interactions").replace("%1", what)
    else:
        amount = (
            _tr("one interaction")
            if count == 1
            else _tr("%1 interactions").replace("%1", f"{count:,}")
        )
        sentence = _tr("%1 will contain %2").replace("%1", what).replace("%2", amount)
        if options.people:
            sentence += _tr(" with ") + _names(list(options.people))
        else:
            people = sorted({name for fact in found for name in fact.people}, key=str.casefold)
            if len(people) <= 3:
                sentence += _tr(" with ") + _names(people) if people else ""
            else:
                sentence += _tr(" with %1 people").replace("%1", str(len(people)))
        first, last = found[0].day, found[-1].day
        if first == last:
            sentence += _tr(" on %1").replace("%1", _long_date(first))
        else:
            sentence += (
                _tr(" from %1 to %2")
                .replace("%1", _long_date(first))
                .replace("%2", _long_date(last))
            )
    notes = (
        _tr("with therapist notes") if options.therapist_notes else _tr("without therapist notes")
    )
    parts.append(f"{sentence}, {notes}.")
    parts.append(
        _tr("Names are replaced by labels (Person A, Person B, …).")
        if options.pseudonymize
        else _tr("People are named by their real names.")
    )
    private = sum(1 for fact in found if fact.private)
    if options.include_private:
        parts.append(
            _tr("Private interactions are included (%1 of them).").replace("%1", str(private))
        )
    else:
        parts.append(_tr("Private interactions are left out."))
    if request.kind == "csv":
        parts.append(_tr("People, focuses and questionnaires are not part of a CSV file."))
    elif request.kind == "json":
        parts.append(
            _tr("It also holds your people, focuses, sessions and questionnaires (in the range).")
        )
    if count == 0:
        parts.append(_tr("Widen the dates or choose other people to include some."))
    return " ".join(parts)


# --- the dialog -------------------------------------------------------------------------


class ExportDialog(QDialog):
    TITLES: ClassVar[dict[str, str]] = {
        "pdf": "Export a PDF",
        "print": "Print",
        "json": "Export as JSON",
        "csv": "Export as CSV",
    }
    GO: ClassVar[dict[str, str]] = {
        "pdf": "Export…",
        "print": "Print…",
        "json": "Export…",
        "csv": "Export…",
    }

    def __init__(
        self,
        kind: Kind,
        settings: Settings,
        facts: ExportFacts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.kind: Kind = kind
        self._settings = settings
        self.facts: ExportFacts | None = None
        self.setWindowTitle(_tr(self.TITLES[kind]))
        self.setMinimumWidth(round(560 * theme.text_scale()))
        is_pdf = kind in ("pdf", "print")

        # What to include.
        self.whole = QRadioButton(_tr("The &whole workbook"))
        self.since = QRadioButton(_tr("What happened &since the last session"))
        self.since.setEnabled(False)
        self.whole.setChecked(True)
        self.date_from = self._date_edit(_tr("From date"))
        self.date_to = self._date_edit(_tr("To date"))
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        to_label = QLabel(_tr("to"))
        to_label.setBuddy(self.date_to)
        dates.addWidget(to_label)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.people = QListWidget()
        self.people.setObjectName("export-people")
        self.people.setAccessibleName(_tr("People to include"))
        self.people.setMaximumHeight(110)
        self.people.setToolTip(_tr("Tick people to include only their interactions"))
        include = QGroupBox(_tr("What to include"))
        form = QFormLayout(include)
        if is_pdf:
            choice = QVBoxLayout()
            choice.addWidget(self.whole)
            choice.addWidget(self.since)
            form.addRow(choice)
        dates_label = QLabel(_tr("&Dates:"))
        dates_label.setBuddy(self.date_from)
        form.addRow(dates_label, dates)
        people_label = QLabel(_tr("&People:"))
        people_label.setBuddy(self.people)
        people_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        people_hint = QLabel(_tr("None ticked: everyone."))
        people_hint.setProperty("role", "hint")
        people_box = QVBoxLayout()
        people_box.addWidget(self.people)
        people_box.addWidget(people_hint)
        form.addRow(people_label, people_box)

        # Privacy.
        self.pseudonymize = QCheckBox(_tr("Replace &names with labels (Person A, Person B, …)"))
        self.pseudonymize.setChecked(settings.export_pseudonymize)
        self.no_notes = QCheckBox(_tr("Leave out &therapist notes"))
        self.no_notes.setChecked(not settings.export_therapist_notes)
        self.private = QCheckBox(_tr("Include interactions marked p&rivate"))
        self.private.setChecked(False)  # never remembered: private stays private by default
        privacy = QGroupBox(_tr("Privacy"))
        privacy_layout = QVBoxLayout(privacy)
        for box in (self.pseudonymize, self.no_notes, self.private):
            privacy_layout.addWidget(box)

        self.open_after = QCheckBox(_tr("&Open the PDF when it is done"))
        self.open_after.setChecked(settings.export_open_pdf)
        self.open_after.setVisible(kind == "pdf")

        self.description = QLabel(_tr("Counting the interactions…"))
        self.description.setObjectName("export-description")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setProperty("role", "note")
        self.description.setAccessibleName(_tr("What the file will contain"))
        self.description.setMinimumHeight(self.description.fontMetrics().height() * 4)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr(self.GO[kind]))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(include)
        layout.addWidget(privacy)
        layout.addWidget(self.description)
        layout.addWidget(self.open_after)
        layout.addWidget(self.buttons)

        for button in (self.whole, self.since):
            button.toggled.connect(lambda _c: self._update())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._update())
        for box in (self.pseudonymize, self.no_notes, self.private):
            box.toggled.connect(lambda _c: self._update())
        self.people.itemChanged.connect(lambda _i: self._update())
        if facts is not None:
            self.set_facts(facts)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setSpecialValueText(_tr("any day"))
        edit.setDate(edit.minimumDate())
        edit.setAccessibleName(name)
        return edit

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == edit.minimumDate() else value.toPython()  # type: ignore[return-value]

    def set_facts(self, facts: ExportFacts) -> None:
        """The counted facts have arrived: fill the people and describe the file."""
        self.facts = facts
        self.people.blockSignals(True)
        self.people.clear()
        for name in facts.people:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.blockSignals(False)
        session = facts.last_session
        if session is not None:
            self.since.setEnabled(True)
            self.since.setText(
                _tr("What happened &since the last session (session %1, %2)")
                .replace("%1", str(session.number))
                .replace("%2", _long_date(session.held_on))
            )
        else:
            self.since.setToolTip(_tr("There is no session in this workbook yet"))
        self.ok_button.setEnabled(True)
        self._update()

    def checked_people(self) -> tuple[str, ...]:
        return tuple(
            self.people.item(n).text()
            for n in range(self.people.count())
            if self.people.item(n).checkState() == Qt.CheckState.Checked
        )

    def request(self) -> ExportRequest:
        return ExportRequest(
            kind=self.kind,
            options=_options(
                date_from=self._date(self.date_from),
                date_to=self._date(self.date_to),
                people=self.checked_people(),
                pseudonymize=self.pseudonymize.isChecked(),
                therapist_notes=not self.no_notes.isChecked(),
                include_private=self.private.isChecked(),
            ),
            since_last_session=self.since.isChecked() and self.since.isEnabled(),
            open_when_done=self.kind == "pdf" and self.open_after.isChecked(),
        )

    def _update(self) -> None:
        if self.facts is not None:
            self.description.setText(describe(self.facts, self.request()))

    def accept(self) -> None:
        settings = self._settings
        settings.export_pseudonymize = self.pseudonymize.isChecked()
        settings.export_therapist_notes = not self.no_notes.isChecked()
        if self.kind == "pdf":
            settings.export_open_pdf = self.open_after.isChecked()
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        kind: Kind,
        settings: Settings,
        document: Document,
        run_off_thread: object = None,
    ) -> ExportRequest | None:
        """Open the dialog at once; the facts are counted on a worker meanwhile
        (`run_off_thread` is the window's `Ops.run`). None when cancelled."""
        dialog = cls(kind, settings, parent=parent)
        open_ = [True]  # the facts may arrive after the dialog is gone
        if run_off_thread is None:
            dialog.set_facts(gather_facts(document))
        else:
            run_off_thread(  # type: ignore[operator]
                lambda: gather_facts(document),
                lambda facts: dialog.set_facts(facts) if open_[0] else None,
                lambda error: dialog.description.setText(str(error)) if open_[0] else None,
            )
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        open_[0] = False
        request = dialog.request() if ok else None
        dialog.deleteLater()
        return request


def _options(**values: object) -> ExportOptions:
    """ExportOptions, imported when asked for: the interchange package loads SQLAlchemy,
    which the window must not wait for at start-up."""
    from iptwork.interchange.selection import ExportOptions

    return ExportOptions(**values)  # type: ignore[arg-type]
