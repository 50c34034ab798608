"""Check a built bundle for libraries it needs but does not carry, and report its size.

    .venv/bin/python packaging/check_bundle.py [dist/iptwork]

build.spec drops Qt plugins and the libraries only they use; if a kept library still
needed a dropped one, the bundle would work on this machine (which has it installed) and
fail on a user's. This reads every ELF file's DT_NEEDED entries with PyInstaller's own
dependency reader and fails if one names a library that is neither in the bundle nor one
PyInstaller always leaves to the system (glibc, libGL, ...). It also prints the size
against the issue's 150 MB budget, which this stack does not meet (see build.spec):
a warning, not a failure. Linux only (Windows and macOS resolve libraries differently).
"""

from __future__ import annotations

import sys
from pathlib import Path

BUDGET_MB = 150


def _elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def main(argv: list[str]) -> int:
    from PyInstaller.depend import bindepend, dylib

    root = Path(argv[0] if argv else "dist/iptwork")
    if not root.is_dir():
        print(f"check_bundle: {root} is not a folder; run make bundle first", file=sys.stderr)
        return 1
    carried = {path.name for path in root.rglob("*")}
    missing: dict[str, set[str]] = {}
    files = _elf_files(root)
    for path in files:
        for name, _resolved in bindepend.get_imports(str(path)):
            if name not in carried and dylib.include_library(name):
                missing.setdefault(name, set()).add(str(path.relative_to(root)))
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    megabytes = size / 1e6
    print(f"{root}: {len(files)} binaries, {megabytes:.0f} MB (budget {BUDGET_MB} MB)")
    for name, users in sorted(missing.items()):
        print(f"missing {name}, needed by {', '.join(sorted(users))}", file=sys.stderr)
    if megabytes > BUDGET_MB:
        print(f"check_bundle: warning: {megabytes:.0f} MB is over the {BUDGET_MB} MB budget")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
