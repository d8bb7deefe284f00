"""The `haicap` command: launch the dashboard, import reports, read an article, score the reader.

    haicap [--db PATH] [--province NAME]          the dashboard
    haicap import FILE... [--dry-run] [...]       add reports to the store (all or nothing)
    haicap extract FILE [--json]                  what the reader understands; touches no store
    haicap eval DIR                               score the reader on labelled articles
    haicap locate                                 print the store folder
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from store import StoreError, resolve_store_path
from store.paths import DB_ENV_VAR

__all__ = ["main", "build_parser"]


def _version() -> str:
    try:
        return version("haicap")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _date_argument(text: str):
    """argparse type for --date: YYYY-MM-DD or DD/MM/YYYY, and a day that exists."""
    from store.importer import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _session_options(parser: argparse.ArgumentParser) -> None:
    """The options that correct what was detected in a file (import and extract)."""
    parser.add_argument(
        "--commune",
        metavar="COMMUNE",
        action="append",
        default=[],
        help="the commune the session is with, e.g. 'xã Ngọc Trạo' or its code; repeat for several",
    )
    parser.add_argument("--date", metavar="DATE", type=_date_argument, help="session date, YYYY-MM-DD or DD/MM/YYYY")
    parser.add_argument("--leader", metavar="NAME", help="the provincial leader who held the session")
    parser.add_argument("--province", metavar="NAME", dest="session_province", help="the province of the session")


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar (see the module docstring)."""
    # --db is accepted before or after the command: `haicap --db X import F` and `haicap import --db X F`.
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the store folder (default: ${DB_ENV_VAR}, else your data directory); created on first run",
    )
    parser = argparse.ArgumentParser(
        prog="haicap",
        description="Terminal dashboard of provincial leaders' working sessions with communes.",
        parents=[db],
    )
    parser.add_argument("--province", metavar="NAME", help="province to show first, e.g. 'Thanh Hóa' or 'thanh hoa'")
    parser.add_argument("--version", action="version", version=f"haicap {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("locate", parents=[db], help="print the store folder haicap would use, and exit")

    importer = commands.add_parser(
        "import",
        parents=[db],
        help="add report files (.yaml/.json, .docx, .txt/.md) to the store; all or nothing",
        description="Read each file, show what was understood, and add the sessions to the store. "
        "If any file cannot be read, nothing is written.",
    )
    importer.add_argument("files", metavar="FILE", nargs="+", type=Path)
    importer.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    _session_options(importer)

    extract = commands.add_parser(
        "extract",
        help="print what the reader finds in one file, without touching any store",
    )
    extract.add_argument("file", metavar="FILE", type=Path)
    extract.add_argument("--json", action="store_true", help="print one JSON object (date, province, leader, communes, items)")
    _session_options(extract)

    evaluate = commands.add_parser(
        "eval",
        help="score the reader on labelled articles (NN_*.txt with .key.json answer keys)",
    )
    evaluate.add_argument("folder", metavar="DIR", type=Path)
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(f"haicap: {message}", file=sys.stderr)
    return code


def _overrides(args: argparse.Namespace):
    from store.importer import Overrides

    return Overrides(
        communes=tuple(args.commune),
        date=args.date,
        leader=args.leader,
        province=args.session_province or args.province,
    )


def _import(args: argparse.Namespace, db_path: Path) -> int:
    from store import Store
    from store.importer import plan_import
    from store.registry import load_registry

    registry = load_registry()
    overrides = _overrides(args)
    plans, errors = [], []
    for path in args.files:
        try:
            plans.append(plan_import(path, registry, overrides=overrides))
        except StoreError as error:
            errors.append(str(error))
    for plan in plans:
        print("\n".join(plan.describe()))
    if errors:
        for message in errors:
            _fail(message)
        return _fail(f"nothing imported: {len(errors)} of {len(args.files)} file(s) refused")
    if args.dry_run:
        print(f"dry run: {len(plans)} file(s) read, nothing written")
        return 0
    try:
        with Store.open(db_path, registry=registry) as store:
            added = store.add_reports([plan.report for plan in plans])
    except StoreError as error:
        return _fail(str(error))
    new = sum(1 for session in added if session)
    print(f"imported {new} session(s) into {db_path}" + (f"; {len(added) - new} already there" if new < len(added) else ""))
    return 0


def _extract(args: argparse.Namespace) -> int:
    from store.importer import extraction_of
    from store.registry import load_registry

    try:
        extraction = extraction_of(args.file, load_registry(), overrides=_overrides(args))
    except StoreError as error:
        return _fail(str(error))
    data = extraction.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    communes = ", ".join(f"{c['type']} {c['name']}" for c in data["communes"]) or "none found"
    print(f"{args.file}\n  date: {data['date'] or 'not found'} · province: {data['province'] or 'not found'}"
          f" · leader: {data['leader'] or 'not found'}\n  communes: {communes}")
    for item in data["items"]:
        print(f"  [{item['kind']}] {item['text']}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from store.reader.evaluate import evaluate_dir, format_report
    from store.registry import load_registry

    if not args.folder.is_dir():
        return _fail(f"{args.folder}: not a folder of labelled articles")
    report = evaluate_dir(args.folder, load_registry())
    if not report.articles:
        return _fail(f"{args.folder}: no article with a .key.json answer key")
    print(format_report(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    db_path = resolve_store_path(getattr(args, "db", None))
    if args.command == "locate":
        print(db_path)
        return 0
    if args.command == "import":
        return _import(args, db_path)
    if args.command == "extract":
        return _extract(args)
    if args.command == "eval":
        return _eval(args)
    # Imported here so the other commands and `--help` stay fast and need no terminal.
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
