"""Compress the bundle's shared libraries with UPX (Linux): 190 MB -> about 140 MB.

build.spec calls `compress_binaries()`; `make bundle` finds or fetches the upx program
(packaging/get_upx.sh) and names it in IPTWORK_UPX.

A library packed by UPX is a small loader stub plus the compressed code: when the dynamic
loader maps it, the stub unpacks it into memory. The folder shrinks; in exchange each
start unpacks the libraries it loads (measured in README.md), and the unpacked pages are
the process's own rather than shared page cache.

Why not PyInstaller's own `upx=True`: on Linux it does nothing unless
PYINSTALLER_FORCE_UPX is set; it always passes `--lzma`, and every shared library that
UPX 4.2 packs with LZMA traps (SIGTRAP) on load here; and its test for Qt plugins, which it
must not pack, misses PySide6 6.x's plugins (Qt then cannot read their metadata: "not a
valid ELF object", and no platform plugin loads) while it takes libQt6Core for one.
So this packs with UPX's default method (NRV2), leaves Qt plugins alone, and works on
copies in the build folder, in parallel, kept between builds like strip_symbols().

What UPX refuses is kept as it is: numpy's and Pillow's libraries (auditwheel's patchelf
moved their dynamic tables: "DT_GNU_HASH above stub", including OpenBLAS, 25 MB), ICU's data
(no code), and libraries too small to gain. packaging/check_bundle.py then loads every
library of the finished bundle, so one the stub cannot unpack fails `make smoke`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

OPTIONS = ["-q", "--no-lzma"]  # NRV2, UPX's default; see the module docstring for LZMA
_MARK_UNPACKABLE = ".upx-refused"


def find_upx() -> str | None:
    """IPTWORK_UPX (set by `make bundle`; empty: none), else build/tools/upx, else `upx` on
    PATH (a plain `pyinstaller build.spec`)."""
    if "IPTWORK_UPX" in os.environ:
        named = os.environ["IPTWORK_UPX"]
        return named if named and shutil.which(named) else None
    fetched = Path("build/tools/upx")
    if fetched.is_file() and os.access(fetched, os.X_OK):
        return str(fetched)
    return shutil.which("upx")


def packable(dest: str) -> bool:
    """Whether build.spec should try UPX on this collected file (by its bundle path)."""
    parts = Path(dest).parts
    # Qt reads a plugin's metadata from the file itself before it loads it.
    return "plugins" not in parts


def _pack(upx: str, src: str, target: Path) -> bool:
    """Pack a copy of src at target; False (and a mark) when UPX refuses it."""
    refused = target.with_name(target.name + _MARK_UNPACKABLE)
    source_time = Path(src).stat().st_mtime
    if refused.is_file() and refused.stat().st_mtime >= source_time:
        return False
    if target.is_file() and target.stat().st_mtime >= source_time:
        return True
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(src, partial)
    os.chmod(partial, 0o755)
    done = subprocess.run([upx, *OPTIONS, str(partial)], capture_output=True, text=True)
    if done.returncode != 0:  # CantPack / NotCompressible: keep the original
        partial.unlink()
        refused.write_text(done.stdout + done.stderr)
        return False
    partial.replace(target)
    return True


def compress_binaries(binaries, work: Path, upx: str | None = None):
    """build.spec: the same entries, packed ones pointing at their copies in work/upx."""
    upx = upx or find_upx()
    if not upx:
        print(
            "upx: NO UPX FOUND: the bundle is built uncompressed, about 50 MB over its budget "
            "(`make bundle` fetches it: packaging/get_upx.sh)",
            file=sys.stderr,
        )
        return binaries
    out_folder = work / "upx"
    todo = [
        index
        for index, (dest, _src, typecode) in enumerate(binaries)
        if typecode != "SYMLINK" and packable(dest)
    ]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        packed = pool.map(
            lambda index: _pack(upx, binaries[index][1], out_folder / binaries[index][0]), todo
        )
        packed = dict(zip(todo, packed, strict=True))
    result = []
    for index, (dest, src, typecode) in enumerate(binaries):
        if packed.get(index):
            src = str(out_folder / dest)
        result.append((dest, src, typecode))
    count = sum(packed.values())
    print(f"upx: {count} of {len(todo)} libraries packed with {upx}", file=sys.stderr)
    return result
