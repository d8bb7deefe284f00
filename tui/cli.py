"""The `haicap` command: launch the dashboard, import reports, follow items up from the shell.

    haicap [--db PATH] [--province NAME] [--today DATE]   the dashboard
    haicap init [--shared [--group G]] --db DIR   a store folder, private or shared with a group
    haicap import FILE... [--dry-run] [...]       add reports to the store (all or nothing)
    haicap extract FILE [--json]                  what the reader understands; touches no store
    haicap eval DIR                               score the reader on labelled articles
    haicap items [--commune N] [--province N] [--kind K] [--status S] [--overdue] [--json]
    haicap item ID [--json]                       one item in full, with its history
    haicap set ID [--status S] [--owner O] [...]  change follow-up fields (all or nothing)
    haicap search TEXT... [--json]                items holding these words
    haicap restore-item ID                        bring a deleted item back
    haicap config [--answer-days N] [--answer-days-with-co M] [--backups N]
    haicap restore [NUMBER]                       list the store's backups, or go back to one
    haicap audit [--json]                         who restored, imported or changed settings, and when
    haicap export [--format F] [--session ID] [--commune N] [-o FILE]   minutes and tracking tables
    haicap present [--session ID | --commune N]   the presenter, full screen
    haicap serve [--host H] [--port P] [--read-only] [--public-url URL] [--files DIR]   the dashboard in a browser
    haicap stress | synth | bench --db PATH       concurrency check, synthetic stores, benchmark
    haicap locate                                 print the store folder

The subcommands live in `tui.commands`, one module per concern; only `present`, `serve` and
`bench` start Textual (the last two in processes of their own).
`--today YYYY-MM-DD` (or `HAICAP_TODAY`) fixes the day deadlines are measured against.
`--read-only` (before the command) opens the store as a viewer: every command that would change
it is refused with one line, and the others write nothing in the store folder, not even a lock.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from store import StoreError, resolve_store_path
from store.clock import TODAY_ENV_VAR
from store.paths import DB_ENV_VAR

from .commands import MODULES
from .commands.common import (
    CommandError,
    current_day,
    fail,
    parse_day,
    read_only_run,
    visible_output,
)

__all__ = ["build_parser", "main"]


def _version() -> str:
    try:
        return version("haicap")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _global_options() -> list[argparse.ArgumentParser]:
    """--db and --today, accepted before or after the command: `haicap --db X items` and `haicap items --db X`."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the store folder (default: ${DB_ENV_VAR}, else your data directory); created on first run",
    )
    today = argparse.ArgumentParser(add_help=False)
    today.add_argument(
        "--today",
        metavar="DATE",
        default=argparse.SUPPRESS,
        help=f"measure deadlines against this day, YYYY-MM-DD (default: ${TODAY_ENV_VAR}, else today)",
    )
    return [db, today]


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar (see the module docstring)."""
    parents = _global_options()
    parser = argparse.ArgumentParser(
        prog="haicap",
        description="Terminal dashboard of provincial leaders' working sessions with communes.",
        parents=parents,
    )
    parser.add_argument("--province", metavar="NAME", help="province to show first, e.g. 'Thanh Hóa' or 'thanh hoa'")
    parser.add_argument(
        "--read-only", action="store_true", help="open the store as a viewer (dashboard and commands): nothing is written, changes are refused"
    )
    # Given by `haicap serve` to the dashboard it runs for each browser tab (see tui.serving).
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--files", dest="served_files", action="append", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"haicap {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("locate", parents=[parents[0]], help="print the store folder haicap would use, and exit")
    for module in MODULES:
        module.register(commands, parents)
    return parser


def _dashboard(args: argparse.Namespace, db_path: Path) -> int:
    current_day()  # a malformed HAICAP_TODAY is refused before the screen is taken over
    # Imported here so the other commands and `--help` stay fast and need no terminal.
    from .app import make_app
    from .serving.folders import ServedMode

    served = ServedMode.of_folders(args.served_files) if args.served else None
    try:
        app = make_app(db_path, args.province, read_only=args.read_only, served=served)
    except ValueError as error:
        return fail(str(error), code=2)
    app.run()
    return app.return_code or 0


_READS = frozenset({"locate", "extract", "eval", "items", "item", "search", "export", "audit", "present", "serve", "bench"})
"""Commands that never change a store (`present` and `serve` open it as a viewer with
--read-only, `bench` measures a copy); every other one is refused with --read-only."""


def _changes_store(args: argparse.Namespace) -> bool:
    """Whether the command asked for changes a store: a new command counts as one until it is
    listed in `_READS`, so --read-only never lets a change through by omission."""
    command = args.command
    if command in _READS:
        return False
    if command == "import":
        return not args.dry_run
    if command == "config":
        return any(getattr(args, name) is not None for name in ("answer_days", "answer_days_with_co", "backups"))
    if command == "restore":
        return args.number is not None
    return True


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    db_path = resolve_store_path(getattr(args, "db", None))
    if args.command == "locate":
        print(db_path)
        return 0
    previous_today = os.environ.get(TODAY_ENV_VAR)
    try:
        if getattr(args, "today", None) is not None:
            # For this run only (the dashboard reads it too); put back afterwards.
            os.environ[TODAY_ENV_VAR] = parse_day(args.today, "--today").isoformat()
        handler = getattr(args, "handler", None)
        if handler is None:
            return _dashboard(args, db_path)
        if args.read_only and _changes_store(args):
            return fail(f"{db_path}: --read-only: `haicap {args.command}` would change the store; refused", code=1)
        with visible_output(), read_only_run(args.read_only):  # commands print text from outside
            try:
                return handler(args, db_path)
            except CommandError as error:
                return fail(str(error), error.code)
            except StoreError as error:
                return fail(str(error))
    except CommandError as error:
        return fail(str(error), error.code)
    except StoreError as error:
        return fail(str(error))
    finally:
        if previous_today is None:
            os.environ.pop(TODAY_ENV_VAR, None)
        else:
            os.environ[TODAY_ENV_VAR] = previous_today


def run() -> int:
    """The `haicap` command: `main`, quiet when its output is cut short (`haicap items | head`)."""
    try:
        code = main()
        sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
        return code
    except BrokenPipeError:
        # The reader went away; point stdout at devnull so the interpreter's final flush
        # does not raise again, and exit as `head`'s writers do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
