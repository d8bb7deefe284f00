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
    haicap completion bash|zsh|fish               the shell's completion script
    haicap lang [vi|en | --forget]                the language haicap speaks: show it, remember one, forget it

Language: Vietnamese by default; `--lang en` (or `--lang vi`), before or after the command,
speaks English for this run: help, results, notices and errors (`--json` and other machine
output stay as they are). Without `--lang`, the language remembered by `haicap lang en|vi`
(the key "language" of the settings file, see `tui.user_config`) is spoken, else the one
LC_ALL, LC_MESSAGES or LANG names (`LANG=en_US.UTF-8`: English; `C.UTF-8`: Vietnamese).
It is chosen before the grammar is built, so `--help` is in it too; an unknown one
(`--lang fr`) is one line and exit 2.

Like any Unix tool: the dashboard needs a terminal (without one it says so and exits 2);
piped output is whole lines, tab-separated; `--` ends the options (`haicap search -- -x`);
`--verbose` says more about an error; errors and writes are logged (see `tui.cli.logging_setup`);
Ctrl-C exits 130 with nothing half-written.

Seeding: the default store (no `--db`, no `$HAICAP_DB`) is created and given the bundled
seed session by the first command that uses it, once. A store named with `--db` or
`$HAICAP_DB` is never seeded nor created by a command: `haicap init --db PATH [--with-seeds]`.

The subcommands live in `tui.cli.commands`, one module per concern; only `present`, `serve` and
`bench` start Textual (the last two in processes of their own).
`--today YYYY-MM-DD` (or `HAICAP_TODAY`) fixes the day deadlines are measured against.
`--read-only` (before the command) opens the store as a viewer: every command that would change
it is refused with one line, and the others write nothing in the store folder, not even a lock.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from haicap.store import StoreError, resolve_store_path
from haicap.store.db.paths import DB_ENV_VAR
from haicap.store.domain.i18n import N_, _, language, language_of, pgettext, set_language
from haicap.tui.cli import logging_setup
from haicap.tui.cli.commands import MODULES
from haicap.tui.cli.commands.common import (
    TODAY_ENV_VAR,
    CommandError,
    fail,
    read_only_run,
    run_calendar,
    visible_output,
)
from haicap.tui.cli.grammar import OneLineParser
from haicap.tui.cli.language_option import add_lang_option, choose_language, unknown_language
from haicap.tui.cli.store_use import changes_store, seed_default_store

__all__ = ["build_parser", "main"]


def _version() -> str:
    # importlib.metadata takes 20 ms to import: only `--version` pays for it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("haicap")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


class _VersionAction(argparse._VersionAction):
    """`--version`, which looks the installed version up only when it is asked for."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        self.version = f"haicap {_version()}"
        super().__call__(parser, namespace, values, option_string)


def _global_options() -> list[OneLineParser]:
    """--db and --today, accepted before or after the command: `haicap --db X items` and `haicap items --db X`."""
    db = OneLineParser(add_help=False)
    db.add_argument(
        "--db",
        metavar=pgettext("metavar", "PATH"),
        default=argparse.SUPPRESS,
        help=_(
            "the store folder (default: ${variable}, else your data directory, created and seeded on first "
            "use); a named store must exist: haicap init --db PATH"
        ).format(variable=DB_ENV_VAR),
    )
    db.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("say more about an error (its kind and where it arose); the log file is written either way"),
    )
    today = OneLineParser(add_help=False)
    today.add_argument(
        "--today",
        metavar=pgettext("metavar", "DATE"),
        default=argparse.SUPPRESS,
        help=_("measure deadlines against this day, YYYY-MM-DD (default: ${variable}, else today)").format(
            variable=TODAY_ENV_VAR
        ),
    )
    return [db, today]


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar (see the module docstring), in the language spoken now."""
    parents = _global_options()
    parser = OneLineParser(
        prog="haicap",
        description=_("Terminal dashboard of provincial leaders' working sessions with communes."),
        epilog=_(
            "Vietnamese by default; --lang en speaks English for one run, and haicap lang en remembers it "
            "(haicap lang --forget goes back to following LANG)."
        ),
        parents=parents,
    )
    parser.add_argument(
        "--province",
        metavar=pgettext("metavar", "NAME"),
        help=_("province to show first, e.g. 'Thanh Hóa' or 'thanh hoa'"),
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help=_("open the store as a viewer (dashboard and commands): nothing is written, changes are refused"),
    )
    # Given by `haicap serve` to the dashboard it runs for each browser tab (see tui.serving).
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--files", dest="served_files", action="append", metavar="DIR", help=argparse.SUPPRESS)
    # argparse 3.11 leaves this help untranslated: give it (its words are in argparse_words).
    parser.add_argument("--version", action=_VersionAction, help=_("show program's version number and exit"))
    add_lang_option(parser)
    commands = parser.add_subparsers(dest="command", metavar=pgettext("metavar", "COMMAND"))
    commands.add_parser("locate", parents=[parents[0]], help=_("print the store folder haicap would use, and exit"))
    completion = commands.add_parser(
        "completion",
        parents=[parents[0]],
        help=_("print the shell completion script: bash, zsh or fish"),
        description=_(
            "Print a completion script for your shell. bash: `haicap completion bash > "
            "~/.local/share/bash-completion/completions/haicap`; zsh: `haicap completion zsh > "
            "~/.zfunc/_haicap` (with ~/.zfunc in $fpath); fish: `haicap completion fish > "
            "~/.config/fish/completions/haicap.fish`."
        ),
    )
    completion.add_argument("shell", choices=COMPLETION_SHELLS, help=_("the shell to complete for"))
    for module in MODULES:
        module.register(commands, parents)
    for command in commands.choices.values():
        add_lang_option(command)
    return parser


TERMINAL_NEEDED = N_("the dashboard needs a terminal (stdin and stdout must be a tty); use a command, e.g. haicap items")
"""Said (translated), with exit 2, when the dashboard is started from cron, a pipe or `</dev/null`."""

COMPLETION_SHELLS = ("bash", "zsh", "fish")
"""The shells `haicap completion` writes a script for (generated by shtab)."""

INTERRUPTED = N_("interrupted; nothing was written")
"""Said (translated) on Ctrl-C: a change reaches the store in one write at its end, or not at all."""


def _has_terminal() -> bool:
    """Whether stdin and stdout are both a terminal, as the dashboard needs. (A browser tab
    of `haicap serve` has pipes, and says `--served`.)"""
    try:
        return os.isatty(sys.stdin.fileno()) and os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # closed, or a stream with no descriptor
        return False


def _dashboard(args: argparse.Namespace, db_path: Path) -> int:
    if not args.served and not _has_terminal():
        # Otherwise Textual writes escape codes into the file or pipe and waits for keys forever.
        return fail(_(TERMINAL_NEEDED), code=2)
    seed_default_store(args, db_path)
    # Imported here so the other commands and `--help` stay fast and need no terminal.
    from haicap.tui.app import make_app
    from haicap.tui.serving.folders import ServedMode

    served = ServedMode.of_folders(args.served_files) if args.served else None
    try:
        app = make_app(db_path, args.province, read_only=args.read_only, served=served, calendar=args.calendar)
    except ValueError as error:
        return fail(str(error), code=2)
    app.run()
    return app.return_code or 0


def _completion(args: argparse.Namespace) -> int:
    import shtab

    print(shtab.complete(build_parser(), shell=args.shell), end="")
    return 0


def _where(error: BaseException) -> str:
    """`TypeError at store/x.py:12`: the kind of an error and the line that raised it."""
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    try:
        shown = os.path.relpath(last.filename, Path(__file__).resolve().parents[1])
    except ValueError:
        shown = last.filename
    return _("{kind} at {place}").format(kind=type(error).__name__, place=f"{shown}:{last.lineno}")


def _refuse(error: CommandError | StoreError, verbose: bool) -> int:
    code = error.code if isinstance(error, CommandError) else 1
    detail = f" [{_where(error)}]" if verbose else ""
    return fail(f"{error}{detail}", code)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        choose_language(words)  # before the grammar: its help texts are in the language spoken
    except CommandError as error:
        return fail(str(error), error.code)
    args = build_parser().parse_args(words)
    given = getattr(args, "lang", None)
    if given is not None and language_of(given) != language():  # abbreviated: `--lan en`
        if language_of(given) is None:
            return fail(str(unknown_language(given)), code=2)
        set_language(language_of(given) or language())
    verbose = bool(getattr(args, "verbose", False))
    logging_setup.setup(words, verbose=verbose)
    db_path = resolve_store_path(getattr(args, "db", None))
    if args.command == "locate":
        print(db_path)
        return 0
    if args.command == "completion":
        return _completion(args)
    changes = bool(args.command) and changes_store(args)
    code = 1
    try:
        # The one place the day is read from the command line and the environment: every
        # command and the dashboard get it from this calendar.
        args.calendar = run_calendar(getattr(args, "today", None), os.environ)
        handler = getattr(args, "handler", None)
        if handler is None:
            code = _dashboard(args, db_path)
            return code
        if args.read_only and changes:
            refused = _("{path}: --read-only: `haicap {command}` would change the store; refused")
            code = fail(refused.format(path=db_path, command=args.command), code=1)
            return code
        seed_default_store(args, db_path)
        with visible_output(), read_only_run(args.read_only):  # commands print text from outside
            try:
                code = handler(args, db_path)
            except (CommandError, StoreError) as error:
                code = _refuse(error, verbose)
            return code
    except (CommandError, StoreError) as error:
        code = _refuse(error, verbose)
        return code
    finally:
        if changes:
            logging_setup.log_write(args.command, db_path, code)


UNABLE_ENCODING = N_(
    "warning: the output encoding ({encoding}) cannot show Vietnamese; "
    "such characters are written as \\u escapes (use a UTF-8 locale, e.g. LANG=C.UTF-8)"
)
"""Said once when the output cannot show Vietnamese: in English where stderr cannot show
the translation either."""


def _tolerant_output() -> None:
    """Let text the terminal's encoding cannot show (`PYTHONIOENCODING=ascii`, a Latin-1
    terminal) come out as `\\u1ea1` escapes instead of a UnicodeEncodeError, and say so once."""
    unable = False
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "Hóa ắ —".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            unable = unable or stream is sys.stdout
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
    if unable:
        warning = _(UNABLE_ENCODING)
        try:
            warning.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            warning = UNABLE_ENCODING  # in Vietnamese, every accented letter would be an escape
        print(f"haicap: {warning.format(encoding=sys.stdout.encoding)}", file=sys.stderr)


def run() -> int:
    """The `haicap` command: `main`, with a Unix tool's manners: quiet when its output is cut
    short (`haicap items | head`: 141), 130 on Ctrl-C, one line for an unexpected error."""
    try:
        with contextlib.suppress(CommandError):  # an unknown --lang is said by main
            choose_language(sys.argv[1:])
        _tolerant_output()
        code = main()
        sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
        return code
    except BrokenPipeError:
        # The reader went away; point stdout at devnull so the interpreter's final flush
        # does not raise again, and exit as `head`'s writers do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        # A change reaches the store in one atomic write at its end (see StoreFile.transaction),
        # so an interrupted command has written nothing.
        return fail(_(INTERRUPTED), code=130)
    except Exception as error:  # noqa: BLE001 - a bug must still be one line, not a traceback
        import traceback

        logging_setup.log_error(f"unexpected {type(error).__name__}: {error}", "".join(traceback.format_exception(error)))
        verbose = "--verbose" in sys.argv[1:]
        where = _where(error) if verbose else type(error).__name__
        unexpected = _("unexpected error ({where}: {error}); details in {log}")
        return fail(unexpected.format(where=where, error=error, log=logging_setup.log_path()), code=1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
