"""Entry point: the command line, or the desktop app when no command is given.

Qt is imported only on the GUI path, so the CLI starts fast and runs without a display.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from iptwork import cli

    return cli.main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
