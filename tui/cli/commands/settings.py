"""`haicap config`: the store's settings (the answer deadlines of requests, when an item is due
soon, how many backups to keep)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from haicap.store.db.backups import MIN_KEEP
from haicap.store.domain.bounds import MAX_ANSWER_DAYS, MAX_BACKUPS, MAX_DUE_SOON_DAYS
from haicap.store.domain.i18n import _
from haicap.tui.cli.commands.common import open_store, parse_count, parse_positive_int
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["CHANGING_OPTIONS", "register"]

CHANGING_OPTIONS = ("answer_days", "answer_days_with_co", "due_soon_days", "backups")
"""The options of `haicap config` that change the store (their argparse names): with none,
it only prints the settings, so `--read-only` lets it run (`haicap.tui.cli.main`)."""


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add config."""
    config = commands.add_parser(
        "config",
        parents=parents,
        help=_("show or change the default answer deadlines of requests, the due-soon days and the number of backups"),
        description=_(
            "Requests are due a number of days after the session unless a deadline is set by hand: "
            "40 days by default, 50 when co-operating agencies are involved. An open request or directive "
            "due today or within the due-soon days (7 by default) is marked due soon. Without options, print them. "
            "Every change is recorded in the audit log (`haicap audit`)."
        ),
    )
    config.add_argument(
        "--answer-days",
        metavar="N",
        help=_("days to answer a request (1 to {maximum})").format(maximum=MAX_ANSWER_DAYS),
    )
    config.add_argument(
        "--answer-days-with-co",
        metavar="M",
        help=_("days to answer a request that has co-operating agencies (1 to {maximum})").format(maximum=MAX_ANSWER_DAYS),
    )
    config.add_argument(
        "--due-soon-days",
        metavar="N",
        help=_("mark open requests and directives due soon from N days before their deadline (0 to {maximum}; 0: never)").format(
            maximum=MAX_DUE_SOON_DAYS
        ),
    )
    config.add_argument(
        "--backups",
        metavar="N",
        help=_("how many earlier versions of the store to keep for `haicap restore` (1 to {maximum})").format(
            maximum=MAX_BACKUPS
        ),
    )
    config.set_defaults(handler=_config)


def _config(args: argparse.Namespace, db_path: Path) -> int:
    # Every value is checked before the store is opened: a refused one leaves it untouched.
    days = (
        parse_positive_int(args.answer_days, "--answer-days", maximum=MAX_ANSWER_DAYS) if args.answer_days is not None else None
    )
    with_co = (
        parse_positive_int(args.answer_days_with_co, "--answer-days-with-co", maximum=MAX_ANSWER_DAYS)
        if args.answer_days_with_co is not None
        else None
    )
    due_soon = (
        parse_count(args.due_soon_days, "--due-soon-days", minimum=0, maximum=MAX_DUE_SOON_DAYS)
        if args.due_soon_days is not None
        else None
    )
    backups = _parse_count(args.backups) if args.backups is not None else None
    with open_store(db_path) as store:
        if backups is not None and backups != store.backup_count:
            old = store.backup_count
            store.set_backup_count(backups)
            print(_("changed: backups {old} → {new}").format(old=old, new=backups))
        rules = store.deadline_rules
        if days is not None or with_co is not None:
            new = dataclasses.replace(
                rules,
                answer_days=days if days is not None else rules.answer_days,
                answer_days_with_co=with_co if with_co is not None else rules.answer_days_with_co,
            )
            if new == rules and not store.deadline_rules_damaged():
                print(_("unchanged"))
            else:
                store.set_deadline_rules(new)
                said = _("changed: {old_days}/{old_with_co} → {days}/{with_co} days")
                print(
                    said.format(
                        old_days=rules.answer_days,
                        old_with_co=rules.answer_days_with_co,
                        days=new.answer_days,
                        with_co=new.answer_days_with_co,
                    )
                )
            rules = store.deadline_rules
        if due_soon is not None:
            if due_soon == rules.due_soon_days and not store.due_soon_days_damaged():
                print(_("unchanged: due-soon-days {days}").format(days=due_soon))
            else:
                store.set_due_soon_days(due_soon)
                print(_("changed: due-soon-days {old} → {new}").format(old=rules.due_soon_days, new=due_soon))
            rules = store.deadline_rules
        print(_("answer-days: {days}  (a request is due this many days after its session)").format(days=rules.answer_days))
        print(
            _("answer-days-with-co: {days}  (the same, when co-operating agencies are involved)").format(
                days=rules.answer_days_with_co
            )
        )
        if rules.due_soon_days:
            said = _("due-soon-days: {days}  (an open item due within this many days is marked due soon)")
        else:
            said = _("due-soon-days: {days}  (no item is marked due soon)")
        print(said.format(days=rules.due_soon_days))
        print(_("backups: {count}  (earlier versions of the store kept for `haicap restore`)").format(count=store.backup_count))
    return 0


def _parse_count(text: str) -> int:
    """At least 1: the state each change replaces (a restore's included) is always kept; at
    most `MAX_BACKUPS`: each backup is a whole copy of the store."""
    return parse_count(text, "--backups", minimum=MIN_KEEP, maximum=MAX_BACKUPS)
