"""The command line (SPEC.md, "Command line": a stable contract for scripts and tests).

Exit status: 0 success; 1 a failure, with one line on stderr saying what is wrong and what
to do (never a traceback); 2 wrong usage. No Qt here: `iptwork` without a command hands
over to the desktop app, which imports Qt itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iptwork.store.errors import WorkbookError

if TYPE_CHECKING:
    from iptwork.store.workbook import Workbook

COMMANDS = ("new", "demo", "import", "export", "worksheet", "check", "stats", "backup", "restore")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class Failure(Exception):
    """A failure to report in one line (exit status 1)."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iptwork",
        description="An offline workbook for Interpersonal Therapy. Without a command, "
        "starts the desktop app.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser("new", help="create an empty workbook")
    new.add_argument("path", type=Path, metavar="PATH")
    new.add_argument("--title", default="", help="the workbook's title")
    new.add_argument("--encrypt", action="store_true", help="protect it with a password")

    demo = commands.add_parser("demo", help="create a realistic sample workbook")
    demo.add_argument("path", type=Path, metavar="PATH")
    demo.add_argument("--interactions", type=_positive, default=120, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")

    imp = commands.add_parser(
        "import", help="import records from a JSON export (new ones added, known ones updated)"
    )
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("file", type=Path, metavar="FILE.json")

    export = commands.add_parser("export", help="export the workbook as JSON, CSV or PDF")
    export.add_argument("path", type=Path, metavar="PATH")
    export.add_argument("--format", required=True, choices=("json", "csv", "pdf"))
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    export.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    export.add_argument(
        "--person",
        dest="people",
        action="append",
        default=[],
        metavar="NAME",
        help="keep interactions with this person (may be repeated)",
    )
    export.add_argument(
        "--pseudonymize", action="store_true", help="replace names by Person A, Person B, …"
    )
    export.add_argument(
        "--no-therapist-notes", action="store_true", help="leave therapist notes out"
    )
    export.add_argument(
        "--include-private", action="store_true", help="include interactions marked private"
    )

    worksheet = commands.add_parser("worksheet", help="blank printable forms as a PDF")
    worksheet.add_argument("kind", choices=("communication", "inventory", "phq9", "all"))
    worksheet.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf")

    check = commands.add_parser("check", help="check a workbook's integrity and schema")
    check.add_argument("path", type=Path, metavar="PATH")

    stats = commands.add_parser("stats", help="the pattern summary")
    stats.add_argument("path", type=Path, metavar="PATH")
    stats.add_argument("--json", action="store_true", help="machine-readable JSON")

    backup = commands.add_parser("backup", help="make a checked copy of a workbook")
    backup.add_argument("path", type=Path, metavar="PATH")
    backup.add_argument("-o", "--output", type=Path, metavar="DEST")

    restore = commands.add_parser(
        "restore", help="put a backup back (the current file is backed up first)"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.add_argument("path", type=Path, metavar="PATH")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iptwork",
        description="Start the desktop app. Commands: " + ", ".join(COMMANDS) + " "
        "(see iptwork COMMAND --help).",
    )
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help="workbook to open")
    return parser


# --- passwords -------------------------------------------------------------------------

PASSWORD_VARIABLE = "IPTWORK_PASSWORD"


def _ask_password(prompt: str) -> str:
    """A hidden prompt, only when a person is at a terminal (getpass reads /dev/tty even when
    stdin is redirected, which would hang a script)."""
    import getpass

    if not sys.stdin.isatty():
        raise Failure(
            f"a password is needed: set {PASSWORD_VARIABLE} or run this in a terminal to be asked"
        )
    return getpass.getpass(prompt)


def _new_password() -> str:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = _ask_password("Password for the new workbook: ")
        if _ask_password("The same password again: ") != password:
            raise Failure("the two passwords differ; nothing was created")
    if not password:
        raise Failure("an empty password protects nothing; choose a password")
    return password


def _password_for(path: Path) -> str | None:
    """The password to try: the environment's, else (for an encrypted file) a prompt."""
    from iptwork.store.workbook import check_header

    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None and check_header(path).encrypted:
        password = _ask_password(f"Password for {path.name}: ")
    return password


def _open(path: Path) -> Workbook:
    from iptwork.store.workbook import open_workbook

    return open_workbook(path, password=_password_for(path))


# --- commands --------------------------------------------------------------------------


def _cmd_new(args: argparse.Namespace) -> int:
    from iptwork.store.workbook import create_workbook

    if args.path.exists():
        raise Failure(f"{args.path} already exists; choose another name or move the old file")
    password = _new_password() if args.encrypt else None
    create_workbook(args.path, title=args.title, password=password).close()
    print(f"Created {'the encrypted workbook ' if password else ''}{args.path}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from iptwork.demo import create_demo

    if args.path.exists():
        raise Failure(f"{args.path} already exists; choose another name or move the old file")
    create_demo(args.path, interactions=args.interactions, seed=args.seed)
    print(f"Created the demo workbook {args.path} with {args.interactions} interactions")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from iptwork.interchange import import_file

    with _open(args.path) as wb:
        summary = import_file(wb, args.file)
    print(f"Imported {args.file}: {summary}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from iptwork.interchange import ExportOptions, write_csv, write_json

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise Failure(f"--from {args.date_from} is after --to {args.date_to}")
    options = ExportOptions(
        date_from=args.date_from,
        date_to=args.date_to,
        people=tuple(args.people),
        pseudonymize=args.pseudonymize,
        therapist_notes=not args.no_therapist_notes,
        include_private=args.include_private,
    )
    if args.format == "pdf":
        from iptwork.report import export_pdf as writer
    else:
        writer = write_json if args.format == "json" else write_csv
    with _open(args.path) as wb:
        writer(wb, options, args.output)
    return EXIT_OK


def _cmd_worksheet(args: argparse.Namespace) -> int:
    from iptwork.report import build_worksheets

    pages = build_worksheets(args.kind, args.output)
    print(f"Wrote {pages} page(s) of blank {args.kind} worksheets to {args.output}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from iptwork.store.check import check_workbook

    report = check_workbook(args.path, _password_for(args.path))
    for line in report.lines:
        print(line)
    if not report.ok:
        raise Failure(f"{args.path} has problems: " + "; ".join(report.problems))
    return EXIT_OK


def _cmd_stats(args: argparse.Namespace) -> int:
    import json

    from iptwork.store import services

    with _open(args.path) as wb:
        contents = services.read_contents(wb)
    from iptwork.analysis.stats import stats_document, stats_text

    if args.json:
        print(json.dumps(stats_document(contents), ensure_ascii=False, indent=2))
    else:
        print(stats_text(contents))
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from iptwork.store.backup import backup_workbook

    target = backup_workbook(args.path, args.output, _password_for(args.path))
    print(f"Backed up {args.path} to {target}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from iptwork.store.backup import restore_workbook

    kept = restore_workbook(args.backup, args.path, _password_for(args.backup))
    note = f" (the previous file is kept as {kept})" if kept else ""
    print(f"Restored {args.path} from {args.backup}{note}")
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": _cmd_new,
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "worksheet": _cmd_worksheet,
    "check": _cmd_check,
    "stats": _cmd_stats,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
}


def _run_gui(argv: Sequence[str]) -> int:
    args = _gui_parser().parse_args(list(argv))
    try:
        from iptwork.ui.app import run_gui
    except ImportError as error:
        raise Failure(
            f"the desktop app cannot start ({error}); on Debian or Ubuntu install "
            "libxcb-cursor0 libxkbcommon-x11-0 libegl1"
        ) from error
    return run_gui(args.path)


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    try:
        if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
            return _run_gui(argv)
        args = _parser().parse_args(argv)
        if args.command is None:
            _parser().print_help()
            return EXIT_OK
        return HANDLERS[args.command](args)
    except SystemExit as exit_:  # argparse: --help (0) or wrong usage (2)
        return int(exit_.code or 0)
    except (WorkbookError, Failure) as error:
        _fail(str(error))
    except BrokenPipeError:  # output piped into `head` and closed: not a failure of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        _fail("interrupted; nothing half-written was kept")
    except OSError as error:
        _fail(_os_message(error))
    except Exception as error:  # a bug: still one line, with what a report needs
        _fail(f"internal error ({type(error).__name__}: {error}); please report this")
    return EXIT_FAILURE


def _os_message(error: OSError) -> str:
    where = f" {error.filename}" if error.filename else ""
    return f"cannot use{where}: {error.strerror or error}"


def _fail(message: str) -> None:
    print(f"iptwork: {' '.join(message.split())}", file=sys.stderr)
