"""The PDF's charts, drawn by helper processes while the pages are set (report.chart_images):
on their pages at print resolution, the same pixels as drawn here, and drawn here whenever
a helper cannot deliver."""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from iptwork.report import chart_images
from iptwork.report.chart_images import ChartJob, ChartSpec
from iptwork.report.workbook_pdf import CHART_WIDTH, PATTERN_CHARTS, build_workbook_pdf
from iptwork.store import records as r
from tests.test_report_helpers import pdf_text

TODAY = date(2026, 11, 26)
SPECS = [
    ChartSpec("closeness_circle", 400, 600),
    ChartSpec("understood_by_person", CHART_WIDTH, 600),
    ChartSpec("problems_by_person", CHART_WIDTH, 600),
    ChartSpec("satisfaction_symptoms", CHART_WIDTH, 600),
]


def _contents() -> r.Contents:
    alex = r.Person(name="Alex", relationship="partner", closeness=1)
    mira = r.Person(name="Mira", relationship="friend", closeness=2)
    start = datetime(2026, 9, 1, 19, 0)
    interactions = tuple(
        r.Interaction(
            occurred_at=start + timedelta(days=3 * n),
            people=((alex if n % 2 else mira).id,),
            said=f"Said <this> & that, time {n}",
            emotions=(r.EmotionRating("hurt", 20 + n),),
            understood=("yes", "partly", "no")[n % 3],
            satisfaction=n % 11,
            problems=("silence",) if n % 2 else (),
        )
        for n in range(24)
    )
    phq9 = tuple(r.Phq9(date(2026, 9, 1) + timedelta(days=14 * n), (1,) * 8 + (0,)) for n in (0, 1))
    return r.Contents(people=(alex, mira), interactions=interactions, phq9=phq9)


def _placements(page: Any) -> dict[str, float]:
    """Width in points of each chart image drawn on `page`, by XObject name."""
    content = page.get_contents().get_data().decode("latin-1")
    number = r"-?[\d.]+"
    found = re.findall(
        rf"({number}) 0 0 ({number}) {number} {number} cm\s*/(FormXob\.chart-\S+) Do", content
    )
    return {name: float(width) for width, _, name in found}


def test_charts_defined_at_the_end_appear_on_their_pages_at_print_resolution(
    tmp_path: Path,
) -> None:
    out = tmp_path / "charts.pdf"
    build_workbook_pdf(_contents(), out, today=TODAY, invariant=True)
    reader = PdfReader(out)
    drawn: dict[str, tuple[int, float]] = {}
    for page in reader.pages:
        images = page["/Resources"].get("/XObject", {})
        for name, width in _placements(page).items():
            image = images["/" + name].get_object()
            assert image["/Subtype"] == "/Image"
            drawn[name.removeprefix("FormXob.chart-")] = (int(image["/Width"]), width)
    assert {"closeness_circle", *PATTERN_CHARTS, "satisfaction_symptoms"} <= set(drawn)
    for pixels, width in drawn.values():
        assert pixels / (width / 72) >= 199.5  # at least 200 dots per inch on paper
    text = pdf_text(out)
    assert "For each person, how often they understood" in text  # a caption


def test_the_helpers_draw_exactly_what_this_process_draws() -> None:
    contents = _contents()
    parallel = ChartJob(contents, SPECS)
    here = ChartJob(contents, SPECS, parallel=False)
    try:
        for spec in SPECS:
            assert parallel.info(spec.key) == here.info(spec.key)
            assert parallel.pixels(spec.key) == here.pixels(spec.key)
        assert parallel.failure == ""
    finally:
        parallel.close()


def test_a_helper_that_dies_is_made_up_for_here() -> None:
    contents = _contents()
    job = ChartJob(contents, SPECS)
    for process, _ in job._helpers:
        process.kill()
    try:
        expected = ChartJob(contents, SPECS, parallel=False)
        for spec in SPECS:
            assert job.info(spec.key) == expected.info(spec.key)
            assert job.pixels(spec.key) == expected.pixels(spec.key)
        assert not job.running
    finally:
        job.close()


def test_a_helper_that_cannot_start_leaves_the_pdf_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_workbook_pdf(_contents(), tmp_path / "a.pdf", today=TODAY, invariant=True)

    def no_processes() -> Any:
        raise OSError("no more processes")

    monkeypatch.setattr(chart_images, "_context", no_processes)
    monkeypatch.setattr(chart_images, "_cannot_start", "")
    build_workbook_pdf(_contents(), tmp_path / "b.pdf", today=TODAY, invariant=True)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    # Not tried again in this process.
    monkeypatch.setattr(chart_images, "_context", lambda: pytest.fail("tried again"))
    job = ChartJob(_contents(), SPECS)
    assert job.failure.startswith("could not start")
    assert not job.running


def test_an_empty_chart_takes_no_room_and_no_image() -> None:
    contents = r.Contents(people=(r.Person(name="Alex", relationship="partner", closeness=1),))
    out = io.BytesIO()
    build_workbook_pdf(contents, out, today=TODAY, invariant=True)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    names = [name for page in reader.pages for name in _placements(page)]
    assert names == ["FormXob.chart-closeness_circle"]


def _files_in(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if not stat.S_ISSOCK(path.lstat().st_mode) and not path.is_dir()
    ]


def test_printing_to_memory_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypted workbooks: the charts travel through pipes, never through a file."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.chdir(scratch)
    out = io.BytesIO()
    build_workbook_pdf(_contents(), out, today=TODAY)
    assert out.getvalue().startswith(b"%PDF")
    assert _files_in(scratch) == []
    assert os.listdir(tmp_path) == ["scratch"]
