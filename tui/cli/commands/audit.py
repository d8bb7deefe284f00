"""`haicap audit`: the store's audit log (restores, settings, imports), newest first."""

from __future__ import annotations

import argparse
from pathlib import Path

from haicap.store.domain.i18n import _, pgettext
from haicap.tui.cli.commands.common import open_store
from haicap.tui.cli.commands.printing import print_json, print_table
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add audit."""
    audit = commands.add_parser(
        "audit",
        parents=parents,
        help=_("who restored, imported or changed the settings of the store, and when"),
        description=_(
            "Print the store's audit log, newest first: every restore (what it went back to and "
            "what it replaced, which is kept as a backup), every change of the settings (`haicap config`) "
            "and every import, with the account that made it and when. The log lives in the store file "
            "and a restore carries it over, so going back to an older version never erases it. "
            "Changes to single items are in each item's history (`haicap item ID`)."
        ),
    )
    audit.add_argument("--json", action="store_true", help=_("print the entries as a JSON list"))
    audit.set_defaults(handler=_audit)


def _audit(args: argparse.Namespace, db_path: Path) -> int:
    with open_store(db_path) as store:
        log = store.audit_log()
    if args.json:
        print_json([entry.to_json() for entry in log])
        return 0
    if not log:
        print(_("the audit log of {path} is empty (restores, settings and imports are recorded)").format(path=db_path))
        return 0
    rows: list[tuple[str, ...]] = [
        ("#", pgettext("cli", "when (local time)"), pgettext("cli", "who"), pgettext("cli", "action"), pgettext("cli", "detail"))
    ]
    for entry in log:
        when = entry.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        rows.append((str(entry.number), when, entry.who, entry.label, entry.detail))
    print_table(rows)
    return 0
