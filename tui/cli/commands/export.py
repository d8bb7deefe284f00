"""Documents from the shell: `haicap export`.

    haicap export [--format docx|xlsx|md|csv|yaml|json] [--session ID] [--commune NAME [--province NAME]]
                  [--by-owner [sheets|files] | --owner NAME] [-o FILE|DIR|-] [--force]

Minutes (.docx, .md) or the tracking table of requests and directives (.xlsx, .csv) of a
session, of one commune in a session, or of a commune across all its sessions; the newest
session when neither is given. The file goes to the current folder under a name made from
the session and communes unless `-o` names it; `-o -` prints .md and .csv. An existing
file is never overwritten without `--force`. `--format yaml|json` writes one whole session,
ids, follow-up state and history included, for `haicap import` into another store.

The tracking table goes to the owner agencies: `--by-owner` gives each agency a sheet of
the .xlsx, `--by-owner files` a file of its own (.xlsx or .csv) in the folder `-o` names,
`--owner NAME` one agency's rows only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.text import visible
from haicap.tui.cli.commands.common import CommandError, current_day, find_province, open_store, resolve_commune
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store import Store
    from haicap.store.domain.models import Province, Session
    from haicap.store.views.exports import ExportContent

__all__ = ["register"]

_FORMATS = ("docx", "xlsx", "md", "csv", "yaml", "json")
_SUFFIXES = {f".{fmt}": fmt for fmt in _FORMATS} | {".yml": "yaml"}
_TEXT_FORMATS = ("md", "csv", "yaml", "json")
_SESSION_FORMATS = ("yaml", "json")


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add export."""
    export = commands.add_parser(
        "export",
        parents=parents,
        help=_("write the minutes (.docx, .md), the tracking table (.xlsx, .csv) or a whole session (.yaml, .json)"),
        description=_(
            "Write the minutes of a working session (docx, md), the tracking table of its requests "
            "and directives (xlsx, csv; --owner or --by-owner for the owner agencies), or the whole session "
            "with its follow-up and history for another store (yaml, json). Without --session or --commune: "
            "the newest session. States and days overdue are counted on today (see --today)."
        ),
    )
    export.add_argument(
        "--format",
        "-f",
        metavar=pgettext("metavar", "FMT"),
        dest="export_format",
        type=str.lower,
        help=_(
            "docx, xlsx, md or csv; yaml or json: the whole session, to import into another store "
            "(default: from the -o file's suffix; md for '-o -'; else docx)"
        ),
    )
    export.add_argument("--session", metavar="ID", help=_("a session id or its first characters (at least 4)"))
    export.add_argument(
        "--commune",
        metavar=pgettext("metavar", "NAME"),
        help=_("'xã Vân Du', 'van du' or a commune code; alone: all its sessions"),
    )
    export.add_argument(
        "--province",
        metavar=pgettext("metavar", "NAME"),
        dest="export_province",
        help=_("where --commune is looked up (names repeat across provinces); alone: the province's newest session"),
    )
    export.add_argument(
        "-o",
        "--output",
        metavar=pgettext("metavar", "FILE"),
        help=_(
            "the file to write (default: a name made from the session and communes, in the current folder); '-' prints md or csv"
        ),
    )
    export.add_argument("--force", action="store_true", help=_("overwrite the file if it exists"))
    split = export.add_mutually_exclusive_group()
    split.add_argument(
        "--by-owner",
        nargs="?",
        const="sheets",
        choices=("sheets", "files"),
        metavar="sheets|files",
        help=_(
            "split the tracking table by owner agency: one sheet per agency (xlsx), or 'files': "
            "one file per agency in the folder -o names (default: the current folder)"
        ),
    )
    split.add_argument(
        "--owner",
        metavar=pgettext("metavar", "AGENCY"),
        help=_("only the rows of this owner agency (diacritics and case ignored)"),
    )
    export.set_defaults(handler=_export)


def _format(args: argparse.Namespace) -> str:
    """The format asked for, else the one the output file's suffix names, else docx."""
    given: str | None = args.export_format
    if given is not None:
        if given.lstrip(".") not in _FORMATS:
            said = _("--format: '{value}' is not a format; use one of: {formats}")
            raise CommandError(said.format(value=given, formats=", ".join(_FORMATS)), code=2)
        return given.lstrip(".")
    if args.output == "-":
        return "md"
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix in _SUFFIXES:
            return _SUFFIXES[suffix]
        if suffix:
            # `-o minutes.pdf` would otherwise write a .docx under a name that says PDF.
            said = _(
                "-o: '{file}': haicap cannot write {suffix} files; name a .docx, .xlsx, .md, .csv, .yaml or .json file, "
                "or give --format"
            )
            raise CommandError(said.format(file=shown_name(args.output), suffix=visible(suffix)), code=2)
        return "docx"
    return "docx"


def _newest_in(store: Store, province: Province) -> Session:
    found = store.sessions_of(province)
    if not found:
        raise CommandError(_("--province: {province} has no session to export").format(province=province.name))
    return found[0]


def print_bytes(data: bytes) -> None:
    """UTF-8 on standard output whatever the terminal's locale says (the document is UTF-8)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def _split_format(args: argparse.Namespace) -> str:
    """The format of a table split by owner: xlsx or csv (a file per agency)."""
    given = args.export_format or (args.output and args.by_owner != "files" and Path(args.output).suffix)
    fmt = _format(args) if given else "xlsx"  # the table is what an agency fills
    option = "--by-owner" if args.by_owner else "--owner"
    if fmt not in ("xlsx", "csv"):
        said = _("{option}: only the tracking table is split by owner; use --format xlsx or csv")
        raise CommandError(said.format(option=option), code=2)
    if args.by_owner == "sheets" and fmt == "csv":
        raise CommandError(_("--by-owner: a .csv has one table; use --by-owner files for one .csv per agency"), code=2)
    return fmt


def _export(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.views.exports import find_session, gather, render, write_new

    split = bool(args.by_owner or args.owner)
    fmt = _split_format(args) if split else _format(args)
    to_stdout = args.output == "-"
    if to_stdout and fmt not in _TEXT_FORMATS:
        said = _("-o -: a .{format} file is binary; give a file name, or use --format md, csv, yaml or json")
        raise CommandError(said.format(format=fmt), code=2)
    if fmt in _SESSION_FORMATS:
        return _export_session(args, db_path, fmt, to_stdout)
    today = current_day(args)
    with open_store(db_path) as store:
        province_name = args.export_province or args.province
        province = find_province(store, province_name) if province_name else None
        session = find_session(store, args.session) if args.session else None
        if province is not None and session is None and not args.commune:
            session = _newest_in(store, province)
        if session is not None and args.commune and province is None:
            province = session.province  # the session's communes are in its province
        commune = resolve_commune(store, args.commune, province) if args.commune else None
        content = gather(store, today, session=session, commune=commune, carry_session=fmt == "docx")
    if args.by_owner == "files":
        return _files_by_owner(args, content, fmt)
    parts = None
    if args.owner:
        from haicap.store.views.exports.by_owner import for_owner

        content = for_owner(content, args.owner)
    elif args.by_owner:
        from haicap.store.views.exports.by_owner import by_owner

        parts = by_owner(content)
    data = render(fmt, content, to_stdout=to_stdout, parts=parts)
    if to_stdout:
        print_bytes(data)
        return 0
    if args.output:
        path = Path(args.output)
    elif content.agency:
        from haicap.store.views.exports.by_owner import owner_file_name

        path = Path(owner_file_name(content, f".{fmt}"))
    else:
        path = Path(content.file_name(f".{fmt}"))
    written = write_new(path, data, force=args.force)
    said = _("wrote {file} ({format}: {scope}, {sessions} session(s), {tracked} requests and directives)")
    print(
        said.format(
            file=shown_name(written),
            format=fmt,
            scope=content.scope,
            sessions=len(content.blocks),
            tracked=len(content.tracked),
        )
    )
    return 0


def _files_by_owner(args: argparse.Namespace, content: ExportContent, fmt: str) -> int:
    """`--by-owner files`: one table per owner agency, each in a file of its own in the folder `-o`."""
    from haicap.store.views.exports import render, write_new
    from haicap.store.views.exports.by_owner import by_owner, owner_file_name

    if args.output == "-":
        raise CommandError(_("-o -: --by-owner files writes one file per agency; give a folder"), code=2)
    folder = Path(args.output) if args.output else Path()
    if not folder.is_dir():
        raise CommandError(
            _("-o: {folder}: with --by-owner files, -o names an existing folder").format(folder=shown_name(folder))
        )
    parts = by_owner(content)
    if not parts:
        raise CommandError(_("{scope}: no request or directive to send to an agency").format(scope=content.scope))
    paths = [folder / owner_file_name(part, f".{fmt}") for part in parts]
    there = [path for path in paths if path.exists()]
    if there and not args.force:
        # Checked before any is written: a refusal leaves no half of the agencies' files behind.
        said = _("{path}: already exists; give another folder with -o or add --force to overwrite it")
        raise CommandError(said.format(path=shown_name(there[0])))
    for part, path in zip(parts, paths, strict=True):
        written = write_new(path, render(fmt, part), force=args.force)
        said = _("wrote {file} ({agency}: {tracked} requests and directives)")
        print(said.format(file=shown_name(written), agency=part.agency, tracked=len(part.tracked)))
    return 0


def _export_session(args: argparse.Namespace, db_path: Path, fmt: str, to_stdout: bool) -> int:
    """`--format yaml|json`: one whole session, to move to another store."""
    from haicap.store.views.exports import find_session, gather, write_new
    from haicap.store.views.exports.session_file import build_session_file

    if args.commune:
        said = _(
            "--commune: a {format} file holds one whole session, never part of one; give --session ID "
            "(an item's id starts with it, see `haicap items`)"
        )
        raise CommandError(said.format(format=fmt), code=2)
    with open_store(db_path) as store:
        province_name = args.export_province or args.province
        province = find_province(store, province_name) if province_name else None
        if args.session:
            session = find_session(store, args.session)
        elif province is not None:
            session = _newest_in(store, province)
        else:
            newest = store.latest_session()
            if newest is None:
                raise CommandError(_("the store has no session to export"))
            session = newest
        copy = store.session_copy(session)
        name = gather(store, current_day(args), session=session).file_name(f".{fmt}")
        data = build_session_file(fmt, copy, store.registry)
    if to_stdout:
        print_bytes(data)
        return 0
    written = write_new(Path(args.output) if args.output else Path(name), data, force=args.force)
    history = sum(len(copied.history) for copied in copy.items)
    said = _("wrote {file} ({format}: session {session}, {items} items, {history} history entries)")
    print(said.format(file=shown_name(written), format=fmt, session=session.id, items=len(copy.items), history=history))
    return 0
