"""`haicap search TEXT`: find items by their words, diacritics and case ignored."""

from __future__ import annotations

import argparse
from pathlib import Path

from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.text import fold
from haicap.tui.cli.commands.common import (
    CommandError,
    current_day,
    item_json,
    item_row,
    open_store,
)
from haicap.tui.cli.commands.printing import print_json_list, print_table
from haicap.tui.cli.commands.whole_country import each_province_matching
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add search."""
    search = commands.add_parser(
        "search",
        parents=parents,
        help=_("find live items whose text holds every word given ('ngoc trao' finds 'Ngọc Trạo')"),
    )
    search.add_argument(
        "words",
        metavar=pgettext("metavar", "TEXT"),
        nargs="+",
        help=_("words to find, in any order; quotes are optional"),
    )
    search.add_argument("--json", action="store_true", help=_("print a JSON list of objects, as `haicap items --json`"))
    search.set_defaults(handler=_search)


def _search(args: argparse.Namespace, db_path: Path) -> int:
    query = " ".join(args.words)
    if not fold(query):
        raise CommandError(_("search: give at least one word to find"), code=2)
    today = current_day(args)
    with open_store(db_path) as store:
        rules = store.deadline_rules
        found = (item for _code, items in each_province_matching(store, query) for item in items)
        if args.json:
            print_json_list(item_json(store, item, today, rules) for item in found)
            return 0
        hits = list(found)
        if not hits:
            print(_("no item contains '{words}'").format(words=query))
            return 0
        print_table([item_row(store, item, today, rules) for item in hits])
    return 0
