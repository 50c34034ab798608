"""The workbook PDF, read back: what it says, what it leaves out, how it is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from iptwork.interchange.errors import UnknownPerson
from iptwork.interchange.selection import ExportOptions
from iptwork.report import workbook_pdf
from iptwork.report.document import PdfCancelled
from iptwork.report.export import PdfChoice, export_pdf
from iptwork.report.workbook_pdf import build_workbook_pdf, since_last_session
from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import Workbook
from tests.factories import populate
from tests.test_report_helpers import font_problems, pdf_text, squeeze

TODAY = date(2026, 11, 26)
SAID = "Я сказала: «нет» & ушла — I <3 you, but <not now> & مرحبا"
LONG_END = "END-OF-THE-LONG-PLAN"
PRIVATE_TEXT = "Something I keep to myself"
NOTE = "Good use of the rehearsal."


@pytest.fixture
def filled(workbook: Workbook) -> dict[str, Any]:
    """The factory's records plus every kind of section content, in several scripts."""
    services.set_meta(
        workbook,
        r.WorkbookMeta(
            title="Spring & <autumn> workbook",
            owner="Jana Nováková",
            therapist="Ruth Obi",
            started_on=date(2026, 9, 1),
            planned_sessions=16,
        ),
    )
    made = populate(workbook)
    alex, mira = made["alex"], made["mira"]
    services.add_focus(
        workbook,
        r.Focus(
            area="transition",
            description="New job as a team lead",
            details={"old_role": "Team member", "new_role": "Team lead", "lost": "Free evenings"},
        ),
    )
    services.add_focus(
        workbook,
        r.Focus(
            area="grief",
            details={
                "person_lost": "Grandma Lis",
                "died_on": "2025-03-02",
                "relationship_good": "She listened",
                "relationship_hard": "She judged my choices",
            },
            goals=(r.Goal("Visit her grave", status="achieved"),),
        ),
    )
    long_plan = " ".join(f"step{n}" for n in range(8000))[: 50_000 - 30] + " " + LONG_END
    cyrillic = services.add_interaction(
        workbook,
        r.Interaction(
            occurred_at=datetime(2026, 10, 20, 18, 0),
            people=(alex.id,),
            intended="Хотела, чтобы он понял",
            said=SAID,
            other_said="Mira's name came up: Mira & Alex",
            heard="Nobody listens (梅)",
            emotions=(r.EmotionRating("sad", 80), r.EmotionRating("close/loved", 10)),
            understood="partly",
            satisfaction=5,
            problems=("silence", "assumed_understood"),
            alternative="Ask: what did you hear me say?",
            plan=long_plan,
        ),
    )
    session = services.save_session(
        workbook,
        r.TherapySession(
            number=4,
            held_on=date(2026, 10, 15),
            phase="middle",
            notes="Looked at the weekend argument",
            homework="Write down one interaction",
            interactions=(made["first"].id,),
            client_rating=3,
            therapist_rating=3,
        ),
    )
    services.save_phq9(workbook, r.Phq9(date(2026, 9, 20), (2, 2, 1, 1, 1, 2, 1, 0, 1)))
    services.save_phq9(workbook, r.Phq9(date(2026, 10, 18), (1, 1, 1, 0, 1, 1, 1, 0, 0)))
    services.save_gad7(workbook, r.Gad7(date(2026, 10, 18), (1, 1, 2, 0, 1, 1, 0)))
    services.save_event(
        workbook, r.LifeEvent(date(2026, 6, 1), "transition", (mira.id,), "Started the new job")
    )
    return {**made, "cyrillic": cyrillic, "session": session}


def export(wb: Workbook, out: Path, **options: Any) -> tuple[str, PdfReader]:
    choice = options.pop("choice", None)
    export_pdf(wb, ExportOptions(**options), out, choice=choice, today=TODAY, invariant=True)
    return pdf_text(out), PdfReader(out)


def test_the_whole_workbook_is_there_in_any_script(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "workbook.pdf"
    text, reader = export(workbook, out)
    squeezed = squeeze(text)
    # Cover, running header, contents.
    assert "Spring & <autumn> workbook" in text
    assert "The workbook of Jana Nováková" in text
    assert "Therapist: Ruth Obi" in text
    assert "Confidential" in text
    for section in workbook_pdf.SECTION_TITLES.values():
        assert section in text
    # Each part's content, with the person's own words exactly as typed.
    assert squeeze("Я сказала: «нет» & ушла — I <3 you, but <not now> &") in squeezed
    assert "Хотела, чтобы он понял" in text
    assert "Fine, do it yourself then." in text  # what the other person said
    assert "Arguments with Alex about money" in text  # a focus
    assert "What I believe they expect of me" in text
    assert "Grandma Lis" in text
    assert "2 March 2025" in text
    assert "Free evenings" in text
    assert "Visit her grave (achieved)" in text
    assert "To ask before making plans for both of us." in text  # inventory expectations
    assert "Going silent" in text  # a communication problem's label
    assert "Looked at the weekend argument" in text  # session notes
    assert "Started the new job" in text  # a life event
    assert "PHQ-9 and GAD-7 © Pfizer Inc., free to use" in text
    assert "better off dead" in text  # item 9 above 0: the safety message
    assert squeeze(LONG_END) in squeezed  # the end of a 50,000-character field
    # Missing glyphs are visible, and the cover says why.
    assert "Nobody listens (□)" in text
    assert "appear as □" in text
    # Page furniture.
    assert 15 <= len(reader.pages) <= 60
    second = reader.pages[1].extract_text()
    assert squeeze(f"Page 2 of {len(reader.pages)}") in squeeze(second)
    assert reader.metadata is not None
    assert reader.metadata.title == "Spring & <autumn> workbook"
    assert reader.metadata.author == "Jana Nováková"
    assert "confidential" in (reader.metadata.subject or "")
    # No page is left (nearly) blank: each holds more than its header and footer.
    for number, page in enumerate(reader.pages[1:], start=2):
        body = page.extract_text().replace("Spring & <autumn> workbook", "")
        assert len(squeeze(body)) > 40, f"page {number} is nearly empty"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Contents", "Focus and goals"]
    assert font_problems(out) == []


def test_the_contents_give_the_page_each_section_starts_on(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "workbook.pdf"
    _, reader = export(workbook, out)
    contents = reader.pages[1].extract_text()
    lines = contents.splitlines()
    outline = {item.title: item for item in reader.outline if not isinstance(item, list)}
    for title in workbook_pdf.SECTION_TITLES.values():
        page = reader.get_destination_page_number(outline[title]) + 1
        assert title in reader.pages[page - 1].extract_text()
        # The contents line: the title, its dot leader, then its page number.
        at = next(n for n, line in enumerate(lines) if line.startswith(title))
        assert lines[at + 2].strip() == str(page), (title, lines[at : at + 3])


def test_private_interactions_are_left_out_unless_asked_for(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    text, _ = export(workbook, tmp_path / "default.pdf")
    assert PRIVATE_TEXT not in text
    assert "Interactions marked private are left out." in text
    text, _ = export(workbook, tmp_path / "private.pdf", include_private=True)
    assert PRIVATE_TEXT in text
    assert "Marked private" in text


def test_therapist_notes_can_be_left_out(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    text, _ = export(workbook, tmp_path / "notes.pdf")
    assert NOTE in text
    assert "Therapist’s note" in text
    text, _ = export(workbook, tmp_path / "no-notes.pdf", therapist_notes=False)
    assert NOTE not in text
    assert "Therapist’s notes are left out." in text


def test_a_pseudonymised_pdf_names_nobody(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "pseudonymised.pdf"
    text, reader = export(workbook, out, pseudonymize=True, people=("Mira",))
    for name in ("Alex", "Mira", "Jana", "Nováková", "Ruth", "Obi"):
        assert name not in text, name
        assert name not in str(reader.metadata), name
        assert name not in str(reader.outline), name
    assert "Person A" in text
    assert "Person B" in text
    assert "The workbook of Client" in text
    assert "Only interactions with Person B." in text


def test_filters_keep_only_the_chosen_people_and_dates(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    text, _ = export(workbook, tmp_path / "mira.pdf", people=("mira",))
    assert "Could we sit down on Sunday" in text  # with Alex and Mira
    assert "You never plan anything." not in text  # with Alex only
    text, _ = export(
        workbook, tmp_path / "dates.pdf", date_from=date(2026, 10, 4), date_to=date(2026, 10, 31)
    )
    assert "You never plan anything." not in text  # 3 October
    assert squeeze(SAID[:20]) in squeeze(text)  # 20 October
    assert "Only records from 4 October 2026 to 31 October 2026." in text
    with pytest.raises(UnknownPerson):
        export(workbook, tmp_path / "nobody.pdf", people=("Nobody",))
    assert not (tmp_path / "nobody.pdf").exists()


def test_since_the_last_session_holds_only_what_is_new(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    text, reader = export(workbook, out, choice=PdfChoice.summary())
    assert "since session 4" in text
    assert squeeze(SAID[:20]) in squeeze(text)  # 20 October, after session 4 (15 October)
    assert "You never plan anything." not in text  # reviewed before
    assert "Focus and goals" not in text
    assert "Session log" not in text
    assert reader.metadata is not None
    assert "since session 4" in (reader.metadata.title or "")


def test_since_last_session_keeps_the_latest_questionnaire_when_none_is_newer() -> None:
    old = r.Phq9(date(2026, 9, 1), (0,) * 9)
    newer = r.Phq9(date(2026, 9, 20), (1,) * 9)
    session = r.TherapySession(number=2, held_on=date(2026, 10, 1))
    contents = r.Contents(sessions=(session,), phq9=(old, newer))
    assert since_last_session(contents).phq9 == (newer,)
    assert since_last_session(r.Contents(phq9=(old,))).phq9 == (old,)  # no session yet


def test_an_empty_workbook_still_makes_a_sensible_pdf(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    pages = build_workbook_pdf(r.Contents(), out, today=TODAY)
    text = pdf_text(out)
    assert "IPT workbook" in text
    assert "No interactions in this copy" in text
    assert "No people in the inventory yet." in text
    assert pages == len(PdfReader(out).pages) >= 7
    assert font_problems(out) == []


def test_the_same_workbook_gives_the_same_bytes(tmp_path: Path) -> None:
    contents = r.Contents(
        meta=r.WorkbookMeta(title="Same"),
        interactions=(r.Interaction(datetime(2026, 10, 1, 9, 0), said="Hello"),),
    )
    build_workbook_pdf(contents, tmp_path / "a.pdf", today=TODAY, invariant=True)
    build_workbook_pdf(contents, tmp_path / "b.pdf", today=TODAY, invariant=True)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def _small() -> r.Contents:
    return r.Contents(
        interactions=tuple(
            r.Interaction(datetime(2026, 10, day, 9, 0), said=f"Said on day {day}")
            for day in range(1, 21)
        )
    )


class _Explodes(Flowable):
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 10, 10

    def draw(self) -> None:
        raise RuntimeError("disk on fire")


def test_a_failing_build_leaves_no_file_and_the_old_one_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "workbook.pdf"
    out.write_bytes(b"the previous export")
    original = workbook_pdf._Builder.session_section

    def broken(self: Any) -> Any:
        parts, toc = original(self)
        return [*parts, _Explodes()], toc

    monkeypatch.setattr(workbook_pdf._Builder, "session_section", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_workbook_pdf(_small(), out, today=TODAY)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workbook.pdf"]


def test_cancelling_stops_the_build_and_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "workbook.pdf"
    seen: list[tuple[int, int]] = []
    with pytest.raises(PdfCancelled, match="cancelled"):
        build_workbook_pdf(
            _small(),
            out,
            today=TODAY,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 5,
        )
    assert len(seen) == 5
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_up_to_its_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build_workbook_pdf(
        _small(), tmp_path / "w.pdf", today=TODAY, progress=lambda *step: seen.append(step)
    )
    totals = {total for _, total in seen}
    assert len(totals) == 1
    assert [done for done, _ in seen] == list(range(1, totals.pop() + 1))


def test_an_unwritable_folder_is_a_calm_error(tmp_path: Path) -> None:
    from iptwork.interchange.errors import ExportFileError

    with pytest.raises(ExportFileError, match="Nothing was written"):
        build_workbook_pdf(_small(), tmp_path / "missing" / "w.pdf", today=TODAY)


def test_each_section_can_be_printed_on_its_own(
    workbook: Workbook, filled: dict[str, Any], tmp_path: Path
) -> None:
    for section in workbook_pdf.ALL_SECTIONS:
        out = tmp_path / f"{section}.pdf"
        export_pdf(workbook, ExportOptions(), out, choice=PdfChoice((section,)), today=TODAY)
        title = workbook_pdf.SECTION_TITLES[section]
        assert title in pdf_text(out)
        outline = PdfReader(out).outline
        assert [item.title for item in outline if not isinstance(item, list)] == [
            "Contents",
            title,
        ]


def test_unknown_sections_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown PDF sections: appendix"):
        build_workbook_pdf(_small(), tmp_path / "w.pdf", sections=("appendix",))


def test_long_texts_beside_each_other_fall_back_to_one_column(tmp_path: Path) -> None:
    long = "a long answer " * 400
    interaction = r.Interaction(
        datetime(2026, 10, 1, 9, 0), intended=long, said=long + " SAID-END", heard="short"
    )
    out = tmp_path / "long.pdf"
    build_workbook_pdf(
        replace(r.Contents(), interactions=(interaction,)),
        out,
        sections=("interactions",),
        today=TODAY,
    )
    assert "SAID-END" in pdf_text(out)
