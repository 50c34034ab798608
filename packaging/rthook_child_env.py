"""PyInstaller runtime hook: programs that iptwork starts get the user's library path back.

On Linux the bootloader puts the bundle's folder in front of LD_LIBRARY_PATH (keeping the
user's value in LD_LIBRARY_PATH_ORIG) and restarts itself, so that the bundled Python
finds its libraries. A child process would inherit that: the PDF viewer or file manager
that "open the exported PDF" starts through xdg-open would then load the bundle's copies
of GLib, fontconfig or X11 instead of its own, and may fail with an undefined symbol.
The dynamic loader read the variable when iptwork started (and the bundle's own libraries
find each other through their run paths), so putting it back changes nothing for iptwork
itself. Only the standard library is used here.
"""

import os


def _restore_library_path() -> None:
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


if "LD_LIBRARY_PATH" in os.environ:  # runtime hooks run only in the frozen program
    _restore_library_path()
