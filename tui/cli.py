"""The `haicap` command: launch the dashboard, or say where the store is."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version

from store import StoreError, resolve_store_path
from store.paths import DB_ENV_VAR

__all__ = ["main", "build_parser"]


def _version() -> str:
    try:
        return version("haicap")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar: `haicap [--db PATH] [--province NAME] [locate]`."""
    parser = argparse.ArgumentParser(
        prog="haicap",
        description="Terminal dashboard of provincial leaders' working sessions with communes.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the store folder (default: ${DB_ENV_VAR}, else your data directory); created on first run",
    )
    parser.add_argument("--province", metavar="NAME", help="province to show first, e.g. 'Thanh Hóa' or 'thanh hoa'")
    parser.add_argument("--version", action="version", version=f"haicap {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("locate", help="print the store folder haicap would use, and exit")
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(f"haicap: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    db_path = resolve_store_path(args.db)
    if args.command == "locate":
        print(db_path)
        return 0
    # Imported here so `haicap locate` and `--help` stay fast and need no terminal.
    from .app import make_app

    try:
        app = make_app(db_path, args.province)
    except StoreError as error:
        return _fail(str(error))
    except ValueError as error:
        return _fail(str(error), code=2)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
