"""Documents from the shell: `haicap export`.

    haicap export [--format docx|xlsx|md|csv|yaml|json] [--session ID] [--commune NAME [--province NAME]]
                  [-o FILE|-] [--force]

Minutes (.docx, .md) or the tracking table of requests and directives (.xlsx, .csv) of a
session, of one commune in a session, or of a commune across all its sessions; the newest
session when neither is given. The file goes to the current folder under a name made from
the session and communes unless `-o` names it; `-o -` prints .md and .csv. An existing
file is never overwritten without `--force`. `--format yaml|json` writes one whole session,
ids, follow-up state and history included, for `haicap import` into another store.
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
        help=_("write the minutes (.docx, .md) or the tracking table (.xlsx, .csv) of a session or commune"),
        description=_(
            "Write the minutes of a working session (docx, md) or the tracking table of its requests "
            "and directives (xlsx, csv). Without --session or --commune: the newest session. States and days "
            "overdue are counted on today (see --today)."
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


def _print_bytes(data: bytes) -> None:
    """UTF-8 on standard output whatever the terminal's locale says (the document is UTF-8)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def _export(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.views.exports import find_session, gather, render, write_new

    fmt = _format(args)
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
    data = render(fmt, content, to_stdout=to_stdout)
    if to_stdout:
        _print_bytes(data)
        return 0
    path = Path(args.output) if args.output else Path(content.file_name(f".{fmt}"))
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
        _print_bytes(data)
        return 0
    written = write_new(Path(args.output) if args.output else Path(name), data, force=args.force)
    history = sum(len(copied.history) for copied in copy.items)
    said = _("wrote {file} ({format}: session {session}, {items} items, {history} history entries)")
    print(said.format(file=shown_name(written), format=fmt, session=session.id, items=len(copy.items), history=history))
    return 0
