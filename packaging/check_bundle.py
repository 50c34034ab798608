"""Check a built bundle for libraries it needs but does not carry, and hold it to a size budget.

    .venv/bin/python packaging/check_bundle.py [dist/iptwork] [--budget-mb N]

build.spec drops Qt plugins and the libraries only they use; if a kept library still
needed a dropped one, the bundle would work on this machine (which has it installed) and
fail on a user's. This reads every ELF file's DT_NEEDED entries (readelf) and fails if
one names a library that is neither in the bundle, nor one PyInstaller always leaves to
the system (glibc, libGL, ...), nor one build.spec leaves to the system on purpose
(LEFT_TO_THE_SYSTEM, the same list). It also fails when the folder is bigger than the
budget (default 150 MB, issue #8; `make smoke` passes BUNDLE_BUDGET_MB), printing the
size and the largest files. And it loads every shared library of the bundle, each in a
child process of this Python (so run it with the Python the bundle was built from, as
`make smoke` does): a library that UPX packed (packaging/upx.py) unpacks itself on load,
and one whose unpacking fails must fail here, not on a user's machine. Linux only
(Windows and macOS resolve libraries differently).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BUDGET_MB = 150
# Keep in step with build.spec: Qt's CUPS print plugin uses the system's libcups.
LEFT_TO_THE_SYSTEM = {"libcups.so.2"}
_LOADER = ("ld-linux", "ld64.so")  # the dynamic loader itself, always the system's


def _elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _needed(path: Path) -> list[str]:
    """The libraries an ELF file links to itself (DT_NEEDED). Not ldd's whole chain: what a
    library of the system (libxcb, libcups) needs in turn is the system's to provide."""
    dynamic = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic.stdout)


def _upx_packed(path: Path) -> bool:
    """Whether UPX packed this ELF file (it ends with UPX's "UPX!" pack header)."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 64))
        return b"UPX!" in handle.read()


# dlopen a library, then leave at once (some extension modules' static destructors abort
# when they run in a Python that never imported them).
_LOAD = "import ctypes, os, sys; ctypes.CDLL(sys.argv[1]); os._exit(0)"


def _load_failures(root: Path, files: list[Path]) -> list[str]:
    """The shared libraries (all but the program) that do not load, with the reason."""
    internal = root / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal if internal.is_dir() else root))

    def load(path: Path) -> str | None:
        done = subprocess.run(
            [sys.executable, "-c", _LOAD, str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        if done.returncode == 0:
            return None
        lines = done.stderr.strip().splitlines()
        reason = lines[-1] if lines else f"exit status {done.returncode}"
        return f"{path.relative_to(root)} does not load: {reason}"

    libraries = [path for path in files if path.parent != root]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return [failure for failure in pool.map(load, libraries) if failure]


def _size(path: Path) -> int:
    return 0 if path.is_symlink() or not path.is_file() else path.stat().st_size


def main(argv: list[str]) -> int:
    from PyInstaller.depend import dylib

    budget_mb = BUDGET_MB
    if "--budget-mb" in argv:
        at = argv.index("--budget-mb")
        budget_mb = float(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    root = Path(argv[0] if argv else "dist/iptwork")
    if not root.is_dir():
        print(f"check_bundle: {root} is not a folder; run make bundle first", file=sys.stderr)
        return 1
    carried = {path.name for path in root.rglob("*")}
    missing: dict[str, set[str]] = {}
    files = _elf_files(root)
    for path in files:
        for name in _needed(path):
            if name in carried or name in LEFT_TO_THE_SYSTEM or name.startswith(_LOADER):
                continue
            if not dylib.include_library(name):
                continue
            missing.setdefault(name, set()).add(str(path.relative_to(root)))
    sizes = sorted(((_size(p), p) for p in root.rglob("*")), reverse=True)
    megabytes = sum(size for size, _path in sizes) / 1e6
    packed = sum(_upx_packed(path) for path in files)
    print(
        f"{root}: {len(files)} binaries ({packed} packed by UPX), {megabytes:.1f} MB "
        f"(budget {budget_mb:g} MB)"
    )
    for name, users in sorted(missing.items()):
        print(f"missing {name}, needed by {', '.join(sorted(users))}", file=sys.stderr)
    failures = _load_failures(root, files)
    for failure in failures:
        print(failure, file=sys.stderr)
    if megabytes > budget_mb:
        print(
            f"check_bundle: {megabytes:.1f} MB is over the {budget_mb:g} MB budget; largest:",
            file=sys.stderr,
        )
        for size, path in sizes[:15]:
            print(f"  {size / 1e6:6.1f} MB  {path.relative_to(root)}", file=sys.stderr)
        if not packed:
            print(
                "check_bundle: no library is packed by UPX: was upx missing when it was built?"
                " (`make bundle` fetches it with packaging/get_upx.sh)",
                file=sys.stderr,
            )
    return 1 if missing or failures or megabytes > budget_mb else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
