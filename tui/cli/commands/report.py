"""The report of a period from the shell: `haicap report`.

    haicap report --from DATE --to DATE [--province P] [--commune C] [--owner AGENCY]
                  [--format docx|xlsx|md] [-o FILE|-] [--force]

The requests and directives of the period within the filters, counted as of `--to` in
the national two-axis form (see `store.views.period_report`). The file goes to the current
folder under a name made from the period and the place (`bao-cao-2026-q1-thanh-hoa.docx`)
unless `-o` names it; `-o -` prints the Markdown. An existing file is never overwritten
without `--force`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from haicap.store.domain.dates import format_date
from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.text import visible
from haicap.tui.cli.commands.common import CommandError, current_day, find_province, open_store, parse_day, resolve_commune
from haicap.tui.cli.commands.export import print_bytes
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store.views.period_report import Period

__all__ = ["register"]

_FORMATS = ("docx", "xlsx", "md")


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add report."""
    report = commands.add_parser(
        "report",
        parents=parents,
        help=_("report a period: two-axis counts, overdue items and changes (.docx, .xlsx, .md)"),
        description=_(
            "Report the requests and directives of a period in the national two-axis form: totals, per commune and "
            "per owner agency, the overdue list, what changed in the period, and each request's answering directives. "
            "Covered: items of sessions held up to --to that were open on --from or came in during the period; "
            "their state is the one as of --to."
        ),
    )
    day = pgettext("metavar", "DATE")
    report.add_argument("--from", dest="period_from", metavar=day, required=True, help=_("first day (DD/MM/YYYY or YYYY-MM-DD)"))
    report.add_argument("--to", dest="period_to", metavar=day, required=True, help=_("last day; states are counted as of it"))
    report.add_argument(
        "--province", metavar=pgettext("metavar", "NAME"), dest="report_province", help=_("only this province (default: all)")
    )
    report.add_argument(
        "--commune", metavar=pgettext("metavar", "NAME"), help=_("only this commune: 'xã Vân Du', 'van du' or its code")
    )
    report.add_argument(
        "--owner", metavar=pgettext("metavar", "AGENCY"), help=_("only this owner agency (part of its name, diacritics optional)")
    )
    report.add_argument(
        "--format",
        "-f",
        metavar=pgettext("metavar", "FMT"),
        dest="report_format",
        type=str.lower,
        help=_("docx, xlsx or md (default: from the -o file's suffix; md for '-o -'; else docx)"),
    )
    report.add_argument(
        "-o",
        "--output",
        metavar=pgettext("metavar", "FILE"),
        help=_("the file to write (default: a name made from the period and the place); '-' prints md"),
    )
    report.add_argument("--force", action="store_true", help=_("overwrite the file if it exists"))
    report.set_defaults(handler=_report)


def _format(args: argparse.Namespace) -> str:
    """The format asked for, else the one the output file's suffix names, else docx."""
    given: str | None = args.report_format
    if given is not None:
        if given.lstrip(".") not in _FORMATS:
            said = _("--format: '{value}' is not a format; use one of: {formats}")
            raise CommandError(said.format(value=visible(given), formats=", ".join(_FORMATS)), code=2)
        return given.lstrip(".")
    if args.output == "-":
        return "md"
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix.lstrip(".") in _FORMATS:
            return suffix.lstrip(".")
        if suffix:
            said = _("-o: '{file}': a report is written as .docx, .xlsx or .md; name such a file, or give --format")
            raise CommandError(said.format(file=shown_name(args.output)), code=2)
    return "docx"


def _period(args: argparse.Namespace) -> Period:
    from haicap.store.views.period_report import Period

    start = parse_day(args.period_from, "--from")
    end = parse_day(args.period_to, "--to")
    assert isinstance(start, dt.date) and isinstance(end, dt.date)  # no 'none' allowed
    if start > end:
        said = _("--from {start} is after --to {end}")
        raise CommandError(said.format(start=format_date(start), end=format_date(end)), code=2)
    return Period(start, end)


def _report(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.views.exports import write_new
    from haicap.store.views.period_report import Filters, file_name, gather, render

    period = _period(args)
    fmt = _format(args)
    to_stdout = args.output == "-"
    if to_stdout and fmt != "md":
        raise CommandError(_("-o -: a .{format} file is binary; give a file name, or use --format md").format(format=fmt), code=2)
    owner = (args.owner or "").strip()
    if args.owner is not None and not owner:
        raise CommandError(_("--owner: give part of an agency's name"), code=2)
    today = current_day(args)
    with open_store(db_path) as store:
        province_name = args.report_province
        province = find_province(store, province_name) if province_name else None
        commune = resolve_commune(store, args.commune, province) if args.commune else None
        filters = Filters(province=province if commune is None else None, commune=commune, owner=owner)
        report = gather(store, period, filters, today)
    data = render(fmt, report)
    if to_stdout:
        print_bytes(data)
        return 0
    path = Path(args.output) if args.output else Path(file_name(period, filters, fmt))
    written = write_new(path, data, force=args.force)
    said = _("wrote {file} ({format}: {where}, {period}; {directives} directives, {requests} requests)")
    print(
        said.format(
            file=shown_name(written),
            format=fmt,
            where=filters.words(),
            period=period.words(),
            directives=len(report.directives),
            requests=len(report.requests),
        )
    )
    return 0
