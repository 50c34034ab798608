"""What build.spec leaves out of the bundle must be something the program never uses.

Two of its cuts change what a library can do rather than dropping a whole module, so they
are proved here on the sources, without building a bundle:

* Qt's ICU data, rebuilt by packaging/icu_data.py without the parts QtCore never reads:
  sorting, time-zone names and case mapping must come out exactly as with the original;
* numpy.random and numpy.fft, left out: drawing the whole workbook's PDF (every chart)
  must not import them;
* UPX (packaging/upx.py): a library packed the way build.spec packs it must still load
  (with `--lzma`, which PyInstaller's own UPX support forces, UPX 4.2's libraries trap).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs in a child process (Qt stays out of this module): QtCore's ICU-backed features.
ICU_PROBE = r"""
import json
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone

words = ["zebra", "Äpfel", "apple", "öl", "Ölberg", "ångström", "çay", "Zürich", "ch", "cz",
         "h", "日本", "中文", "한국어", "Ελλάδα", "ПРИВЕТ", "ıi", "ll", "lz", "m", "a10", "a2"]
out = {"sorted": {}, "case": {}, "zones": []}
for name in ["en_US", "sv_SE", "de_DE@collation=phonebook", "es_ES", "cs_CZ", "tr_TR",
             "zh_CN", "ja_JP", "ko_KR", "fi_FI", "C"]:
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    out["sorted"][name] = sorted(words, key=collator.sortKey)
for name in ["en_US", "tr_TR", "lt_LT", "el_GR", "de_DE", "nl_NL"]:
    locale = QLocale(name)
    out["case"][name] = [locale.toUpper("istanbul ß ﬁ ǆ"), locale.toLower("İSTANBUL IÌ ΣΑΣ")]
winter = QDateTime.fromString("2026-01-15T12:00:00", "yyyy-MM-ddTHH:mm:ss")
summer = QDateTime.fromString("2026-07-15T12:00:00", "yyyy-MM-ddTHH:mm:ss")
for zone in [b"Europe/Berlin", b"America/New_York", b"Asia/Kolkata", b"Australia/Lord_Howe"]:
    tz = QTimeZone(zone)
    for name in ["en_US", "de_DE", "ja_JP", "ar_EG", "hi_IN"]:
        for when in (winter, summer):
            for style in (QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName):
                out["zones"].append(tz.displayName(when, style, QLocale(name)))
out["zone_count"] = len(QTimeZone.availableTimeZoneIds())
out["codecs"] = {name: QStringDecoder(name).isValid() for name in ["UTF-8", "UTF-16LE", "ISO-8859-1", "Shift_JIS"]}
print(json.dumps(out, ensure_ascii=False))
"""


def _packaging_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _probe(library_folder: Path | None) -> dict:
    env = dict(os.environ)
    if library_folder:  # searched before libQt6Core's own run path ($ORIGIN)
        env["LD_LIBRARY_PATH"] = str(library_folder)
    done = subprocess.run(
        [sys.executable, "-c", ICU_PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build.spec trims ICU on Linux")
def test_trimmed_icu_data_gives_qt_the_same_results(tmp_path: Path) -> None:
    if not (shutil.which("cc") or shutil.which("gcc")) or not shutil.which("readelf"):
        pytest.skip("needs a C compiler and readelf, as build.spec does")
    import PySide6  # noqa: TID251 (only to find the wheel's ICU; the probe runs in a child)

    original = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    icu_data = _packaging_module("icu_data")
    trimmed = tmp_path / "lib" / original.name
    assert icu_data.build_library(original, trimmed, tmp_path / "work")
    assert trimmed.stat().st_size < original.stat().st_size * 0.5

    before, after = _probe(None), _probe(trimmed.parent)

    assert after["sorted"]["sv_SE"].index("zebra") < after["sorted"]["sv_SE"].index("Äpfel")
    assert "Mitteleuropäische Normalzeit" in after["zones"]
    for key in ("sorted", "case", "zones", "zone_count"):
        assert after[key] == before[key], key
    # Legacy codecs are the one thing given up (the *.cnv tables); Qt's own stay.
    assert after["codecs"] == {**before["codecs"], "Shift_JIS": False}


def test_drawing_every_chart_leaves_numpy_random_and_fft_unimported(tmp_path: Path) -> None:
    script = f"""
import sys
from pathlib import Path
from iptwork.demo import create_demo
from iptwork.interchange.selection import ExportOptions
from iptwork.report import export_pdf
from iptwork.store.workbook import open_workbook

path = Path({str(tmp_path)!r}) / "demo.iptw"
create_demo(path)
with open_workbook(path, read_only=True) as workbook:
    export_pdf(workbook, ExportOptions(), path.with_suffix(".pdf"), parallel_charts=False)
print(sorted(m for m in sys.modules if m.startswith(("numpy.random", "numpy.fft", "matplotlib.backends"))))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert (
        "backend_agg" in done.stdout or "backend_svg" in done.stdout or "backend_pdf" in done.stdout
    )
    assert "numpy.random" not in done.stdout
    assert "numpy.fft" not in done.stdout
