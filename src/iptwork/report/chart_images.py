"""The charts of a workbook PDF, drawn in helper processes while this one sets the pages.

Building the app's matplotlib charts and rasterising them at print resolution took a third
of the time of a long PDF, all of it on one core while the other idled. `ChartJob` hands
the work to two helper processes (half of the charts each) as soon as the PDF is started:

1. a helper builds each of its charts (`analysis.charts`, the same figures as the Patterns
   tab) and at once reports what the layout needs: whether it is empty, its caption and
   its size on the page (`ChartInfo`);
2. then it draws each at 200 dots per inch on paper and sends the pixels, already
   compressed for the PDF (`ChartPixels`).

The layout waits only for (1), and only if it reaches a chart before a helper has built it
(it uses the wait to break the lines of the interactions ahead, see `idle`). Each chart is
drawn on its page as an image XObject that is defined when the file is saved
(`ReportCanvas.define_late`) and filled in only when it is written out, after the pages
(`flowables.embed_image`), by which time (2) has usually long arrived.

Nothing touches the disk: the workbook's records go to the helpers and the pixels come
back through pipes (an encrypted workbook must leave no plain copy behind). The helpers
are started by the 'forkserver' method where there is one (Linux, macOS): the server is a
fresh interpreter that imports matplotlib once and forks the helpers of every PDF, so the
first PDF of a session pays for the import and the next ones do not, and it is safe from
the GUI's worker thread, where a plain fork of a threaded Qt process could deadlock.
Elsewhere 'spawn'. A frozen (PyInstaller) program must call
`multiprocessing.freeze_support()` first thing. If a helper cannot start, fails or falls
silent, the charts it owes are drawn here, as they always were; with one processor core,
everything is drawn here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Any

from iptwork.store import records as r

#: Dots per inch on paper (STYLE.md: vector or at least 200).
DPI = 200
#: Longest silence from the helper before its charts are drawn here instead (seconds).
PATIENCE = 60.0


@dataclass(frozen=True)
class ChartSpec:
    """One chart the PDF places: its key in `analysis.charts`, and the room it may take
    (points): `width` wide unless that would make it taller than `max_height`."""

    key: str
    width: float
    max_height: float


@dataclass(frozen=True)
class ChartInfo:
    """What the layout needs of a chart: nothing to draw, or its caption and size."""

    key: str
    empty: bool
    description: str = ""
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class ChartPixels:
    """A chart as an RGB image, `columns` × `rows` pixels, zlib-compressed for the PDF."""

    key: str
    columns: int
    rows: int
    data: bytes


def build_chart(contents: r.Contents, key: str) -> Any:
    """One of the app's charts (`analysis.charts.Chart`) for the whole of `contents`."""
    from iptwork.analysis import charts
    from iptwork.analysis.filters import PatternFilter

    flt = PatternFilter(include_private=True)
    if key == "gad7":
        return charts.satisfaction_symptoms_chart(contents, flt, measure="gad7")
    return dict(charts.CHARTS)[key](contents, flt)


def describe(spec: ChartSpec, chart: Any) -> ChartInfo:
    """The chart's place on the page: `spec.width` wide, or narrower to keep it no taller
    than `spec.max_height`, at the figure's own proportions."""
    if chart.empty:
        return ChartInfo(spec.key, True)
    fig_width, fig_height = chart.figure.get_size_inches()
    width = spec.width
    height = width * fig_height / fig_width
    if spec.max_height and height > spec.max_height:
        width, height = spec.max_height * fig_width / fig_height, spec.max_height
    return ChartInfo(spec.key, False, chart.description, width, height)


def rasterise(info: ChartInfo, chart: Any, dpi: int = DPI) -> ChartPixels:
    """The chart drawn with Agg at `dpi` dots per inch of its size on paper."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = chart.figure
    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(dpi * (info.width / 72) / figure.get_size_inches()[0])
    canvas.draw()
    columns, rows = canvas.get_width_height(physical=True)
    rgba = np.asarray(canvas.buffer_rgba())
    rgb = np.ascontiguousarray(rgba[:, :, :3]).tobytes()
    return ChartPixels(info.key, columns, rows, zlib.compress(rgb, 3))


def _select(contents: r.Contents) -> r.Contents:
    from iptwork.analysis.filters import PatternFilter, select

    return select(contents, PatternFilter(include_private=True))


def _helper(connection: Any, contents: r.Contents, specs: Sequence[ChartSpec]) -> None:
    """A helper process: every chart's info first, in order, then every chart's pixels."""
    try:
        chosen = _select(contents)
        built = []
        for spec in specs:
            chart = build_chart(chosen, spec.key)
            info = describe(spec, chart)
            connection.send(info)
            built.append((info, chart))
        for info, chart in built:
            if not info.empty:
                connection.send(rasterise(info, chart))
        connection.send(None)
    except BaseException as error:  # the parent draws what is missing itself
        with contextlib.suppress(OSError):
            connection.send(("failed", repr(error)))
    finally:
        connection.close()
    if multiprocessing.parent_process() is not None:
        # Done: leave at once, without multiprocessing's exit handlers, which would wait
        # for any process the helper's server ever started (it holds nothing to clean).
        os._exit(0)


def _read_only(mapping: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(mapping)


def _reduce_read_only(mapping: MappingProxyType[str, Any]) -> tuple[Any, ...]:
    return _read_only, (dict(mapping),)


# Records keep some mappings read-only (a focus's details); send them as the dicts they wrap.
ForkingPickler.register(MappingProxyType, _reduce_read_only)


#: Why helpers cannot be started in this process (a frozen program that does not call
#: freeze_support, no more processes allowed, ...): once seen, not tried again.
_cannot_start = ""


def _cores() -> int:
    """The processor cores this process may use (one core gains nothing from helpers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context() -> Any:
    """'forkserver' where there is one, else 'spawn' (never a bare fork: see module)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # The server imports this module (and so matplotlib) once; helpers fork from it.
        context.set_forkserver_preload(["__main__", __name__, "iptwork.analysis.charts"])
        return context
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the helpers' server now, so that it loads matplotlib while the workbook is
    read and the pages are planned (a first export otherwise waits ~0.6 s for it)."""
    if _cannot_start or _cores() < 2:
        return
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(Exception):  # a helper that cannot start is noticed later
            forkserver.ensure_running()


class ChartJob:
    """The charts of one PDF, drawn by helper processes (see the module docstring).

    `info(key)` and `pixels(key)` give a chart's layout facts and its image, waiting for
    the helpers when needed. Whatever they cannot deliver is drawn in this process.
    `parallel=False` draws everything here (tests, and programs that cannot start one).
    """

    def __init__(
        self, contents: r.Contents, specs: Sequence[ChartSpec], *, parallel: bool = True
    ) -> None:
        self.contents = contents
        self.specs = {spec.key: spec for spec in specs}
        self.infos: dict[str, ChartInfo] = {}
        self.images: dict[str, ChartPixels] = {}
        self._charts: dict[str, Any] = {}
        self._chosen: r.Contents | None = None
        self._helpers: list[tuple[Any, threading.Thread]] = []
        self._running = 0
        self._arrived = threading.Condition()
        self.failure = ""  # why a helper did not deliver, if one did not
        if parallel and specs and _cores() > 1:
            # Two helpers, each with half the charts in the order the pages show them:
            # both cores draw while the layout, which needs only their sizes, goes on.
            half = (len(specs) + 1) // 2 if len(specs) > 2 else len(specs)
            self._start(list(specs[:half]))
            if specs[half:]:
                self._start(list(specs[half:]))

    def _start(self, specs: list[ChartSpec]) -> None:
        global _cannot_start
        if _cannot_start:
            self.failure = _cannot_start
            return
        try:
            context = _context()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_helper, args=(sender, self.contents, specs), daemon=True
            )
            process.start()
            sender.close()
        except Exception as error:  # no helper: everything is drawn here, from now on
            self.failure = _cannot_start = f"could not start: {error!r}"
            return
        # A thread takes the helper's messages as they come: an image is larger than a
        # pipe holds, and a helper waiting for the layout to read would draw nothing.
        reader = threading.Thread(
            target=self._read, args=(receiver,), name="chart-images", daemon=True
        )
        with self._arrived:
            self._running += 1
        self._helpers.append((process, reader))
        reader.start()

    def _read(self, connection: Any) -> None:
        why = ""
        try:
            while True:
                if not connection.poll(PATIENCE):
                    why = "fell silent"
                    break
                message = connection.recv()
                with self._arrived:
                    if message is None:
                        break
                    if isinstance(message, ChartInfo):
                        self.infos.setdefault(message.key, message)
                    elif isinstance(message, ChartPixels):
                        self.images.setdefault(message.key, message)
                    else:
                        why = f"failed: {message[1]}"
                        break
                    self._arrived.notify_all()
        except (EOFError, OSError) as error:
            why = f"stopped: {error!r}"
        finally:
            connection.close()
            with self._arrived:
                if why and not self.failure:
                    self.failure = why
                self._running -= 1
                self._arrived.notify_all()

    @property
    def running(self) -> bool:
        return self._running > 0

    def _wait(self, done: Callable[[], bool], idle: Callable[[], bool] | None) -> None:
        """Wait until `done()` or the helpers have stopped; `idle()` is called meanwhile
        as long as it returns True (it has more useful work to do)."""
        busy = idle is not None
        while True:
            with self._arrived:
                if done() or not self._running:
                    return
                if not busy:
                    self._arrived.wait(0.5)
                    continue
            assert idle is not None
            busy = idle()

    def close(self) -> None:
        """Stop the helpers still at work (their charts are all in, or the PDF failed)."""
        helpers, self._helpers = self._helpers, []
        for process, _ in helpers:
            if process.is_alive():
                process.terminate()
        for process, reader in helpers:
            process.join(timeout=5)
            reader.join(timeout=5)

    def _here(self, key: str) -> Any:
        """The chart built in this process (when the helper did not deliver)."""
        if key not in self._charts:
            if self._chosen is None:
                self._chosen = _select(self.contents)
            self._charts[key] = build_chart(self._chosen, key)
        return self._charts[key]

    def info(self, key: str, idle: Callable[[], bool] | None = None) -> ChartInfo:
        """What the layout needs of chart `key` (waiting for the helper if it has not
        built it yet)."""
        if key not in self.infos and key in self.specs:
            self._wait(lambda: key in self.infos, idle)
        if key not in self.infos:
            spec = self.specs.get(key) or ChartSpec(key, 0, 0)
            self.infos[key] = describe(spec, self._here(key))
        return self.infos[key]

    def pixels(self, key: str) -> ChartPixels:
        """Chart `key` as pixels (after `info(key)`)."""
        if key not in self.images:
            self._wait(lambda: key in self.images, None)
        if key not in self.images:
            self.images[key] = rasterise(self.info(key), self._here(key))
        return self.images[key]
