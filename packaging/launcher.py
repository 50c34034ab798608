"""The script PyInstaller freezes (see build.spec): the same entry point as the installed
`iptwork` command, so the bundle behaves exactly like `.venv/bin/iptwork`."""

import sys

from iptwork.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
