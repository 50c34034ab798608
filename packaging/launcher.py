"""The script PyInstaller freezes (see build.spec): the same entry point as the installed
`iptwork` command, so the bundle behaves exactly like `.venv/bin/iptwork`."""

import sys

from iptwork.__main__ import main

if __name__ == "__main__":
    import multiprocessing

    # The PDF's charts are drawn by helper processes: started from the frozen program,
    # they run this same executable, which must become the helper, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
