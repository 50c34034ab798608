"""Entry point: the command line, or the desktop app when no command is given.

Qt is imported only on the GUI path, so the CLI starts fast and runs without a display.
`iptwork --smoke-test` runs `iptwork.smoke` instead (what CI runs on the frozen bundle).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--smoke-test"]:  # checks an installation or the frozen bundle
        from iptwork import smoke

        return smoke.run() if len(args) == 1 else smoke.usage_error()
    from iptwork import cli

    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
