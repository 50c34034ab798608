"""PyInstaller runtime hook: give matplotlib a writable, per-user configuration folder.

Runs in the frozen program before any of iptwork's code, in place of PyInstaller's own
hook for matplotlib (see ../rthooks.dat). That one picks a new temporary folder on every
start, so matplotlib would rebuild its font cache (kept in MPLCONFIGDIR) each time, which
costs half a second or more. The bundle points it at iptwork's own cache folder instead,
which is also where a user expects a program's disposable files:

* Linux and other Unix: `$XDG_CACHE_HOME/iptwork/matplotlib` (`~/.cache/...`);
* macOS: `~/Library/Caches/iptwork/matplotlib`;
* Windows: `%LOCALAPPDATA%\\iptwork\\cache\\matplotlib`.

A value the user set already wins. If even the cache folder cannot be made, matplotlib's
own fallback applies (a temporary folder and a warning). The cache names font files by
their full path; when the bundle has moved, matplotlib finds them missing and rebuilds
the cache by itself. Only the standard library is used here.
"""

import os
import sys
from pathlib import Path


def _cache_root() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "iptwork" / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "iptwork"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base and Path(base).is_absolute() else home / ".cache") / "iptwork"


def _point_matplotlib_at_cache() -> None:
    if os.environ.get("MPLCONFIGDIR"):
        return
    try:
        folder = _cache_root() / "matplotlib"
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return
    except (OSError, RuntimeError):  # RuntimeError: Path.home() without a home
        return
    os.environ["MPLCONFIGDIR"] = str(folder)


_point_matplotlib_at_cache()
