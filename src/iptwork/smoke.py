"""`iptwork --smoke-test`: prove that this installation (above all the frozen bundle) works.

A bundle can build cleanly and still lack a data file, a compiled module or a Qt plugin
that is only looked up at run time; this walks through the parts that such a loss would
break, in a temporary folder that is removed afterwards: a plain and an encrypted
workbook (sqlcipher3's compiled module, OpenSSL), an interaction written and read back
(SQLAlchemy), a chart rendered to PNG (matplotlib and its data), a PDF written
(reportlab and the bundled fonts), and the main window opened on the workbook (Qt and
its platform plugin; offscreen when there is no display).

One line per step on stdout, then a summary; exit status 0. On the first failure, one
line on stderr naming the step and the reason, and exit status 1. Nothing outside the
temporary folder is touched: the window gets its own settings file there.

No Qt at module level: the window step imports `iptwork.ui.smoke_window` when it runs.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PASSWORD = "smoke-test passphrase"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class SmokeFailure(Exception):
    """A step ran but its result is wrong."""


@dataclass
class _Run:
    folder: Path
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def workbook(self) -> Path:
        return self.folder / "smoke.iptw"


def _workbook(run: _Run) -> str:
    import sqlcipher3

    from iptwork.store.workbook import create_workbook

    create_workbook(run.workbook, title="Smoke test").close()
    header = run.workbook.read_bytes()[:16]
    if header != b"SQLite format 3\x00":
        raise SmokeFailure(f"{run.workbook.name} does not start with the SQLite header")
    return f"created {run.workbook.name} (SQLite {sqlcipher3.sqlite_version})"


def _encryption(run: _Run) -> str:
    from iptwork.store import services
    from iptwork.store.workbook import create_workbook, open_workbook

    path = run.folder / "encrypted.iptw"
    create_workbook(path, title="Encrypted smoke test", password=PASSWORD).close()
    if path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise SmokeFailure(f"{path.name} was written unencrypted")
    with open_workbook(path, password=PASSWORD) as workbook:
        workbook_title = services.get_meta(workbook).title
    if workbook_title != "Encrypted smoke test":
        raise SmokeFailure(f"{path.name} read back the title {workbook_title!r}")
    return f"created and reopened {path.name} with its password"


def _interaction(run: _Run) -> str:
    from iptwork.store import records as r
    from iptwork.store import services
    from iptwork.store.workbook import open_workbook

    with open_workbook(run.workbook) as workbook:
        alex = services.add_person(workbook, r.Person(name="Alex", relationship="partner"))
        services.add_interaction(
            workbook,
            r.Interaction(
                occurred_at=datetime(2026, 10, 3, 19, 30),
                people=(alex.id,),
                said="Could we plan the weekend together?",
                other_said="Yes, let's sit down on Sunday.",
                emotions=(r.EmotionRating("hopeful", 60),),
                understood="yes",
                satisfaction=8,
            ),
        )
        count = services.count_interactions(workbook)
    if count != 1:
        raise SmokeFailure(f"the workbook holds {count} interactions instead of 1")
    return "added a person and an interaction, read back 1"


def _chart(run: _Run) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from iptwork.analysis import charts
    from iptwork.store import services
    from iptwork.store.workbook import open_workbook

    with open_workbook(run.workbook, read_only=True) as workbook:
        contents = services.read_contents(workbook)
    chart = charts.understood_by_person_chart(contents)
    if chart.empty:
        raise SmokeFailure("the chart found no interactions to draw")
    buffer = io.BytesIO()
    FigureCanvasAgg(chart.figure).print_png(buffer)
    png = buffer.getvalue()
    if not png.startswith(PNG_SIGNATURE) or len(png) < 1000:
        raise SmokeFailure(f"the chart rendered {len(png)} bytes that are not a PNG")
    return f"“{chart.title}” rendered to a {len(png) // 1024} KiB PNG"


def _pdf(run: _Run) -> str:
    from iptwork.interchange.selection import ExportOptions
    from iptwork.report import export_pdf
    from iptwork.report.fonts import font_folder
    from iptwork.store.workbook import open_workbook

    out = run.folder / "smoke.pdf"
    with open_workbook(run.workbook, read_only=True) as workbook:
        pages = export_pdf(workbook, ExportOptions(), out)
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or pages < 1:
        raise SmokeFailure(f"{out.name} is not a PDF ({pages} pages, {len(data)} bytes)")
    return f"wrote {out.name}: {pages} pages, {len(data) // 1024} KiB, fonts from {font_folder()}"


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _window(run: _Run) -> str:
    if not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from iptwork.ui.smoke_window import show_main_window

    return show_main_window(run.workbook, run.folder / "settings.ini")


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("workbook", _workbook),
    ("encryption", _encryption),
    ("interaction", _interaction),
    ("chart", _chart),
    ("pdf", _pdf),
    ("window", _window),
)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or "no message"
    if isinstance(error, SmokeFailure):
        return text
    return f"{type(error).__name__}: {text}"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("iptwork")
    except PackageNotFoundError:
        return "(version unknown)"


def usage_error() -> int:
    print("iptwork: --smoke-test takes no other arguments", file=sys.stderr)
    return EXIT_USAGE


def run(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step; returns the exit status."""
    # A windowed Windows build has no stdout (None): print() then writes nothing, harmlessly.
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="iptwork-smoke-") as temporary:
        state = _Run(Path(temporary))
        for name, step in STEPS:
            begun = time.perf_counter()
            try:
                detail = step(state)
            except Exception as error:
                print(f"iptwork: smoke test failed at {name}: {_one_line(error)}", file=err)
                return EXIT_FAILURE
            seconds = time.perf_counter() - begun
            print(f"{name + ':':<13}ok, {detail} ({seconds:.2f} s)", file=out, flush=True)
    kind = "frozen bundle" if getattr(sys, "frozen", False) else "Python " + sys.version.split()[0]
    print(
        f"smoke test passed: iptwork {_version()}, {kind}, {len(STEPS)} steps in "
        f"{time.perf_counter() - started:.1f} s",
        file=out,
    )
    return EXIT_OK
