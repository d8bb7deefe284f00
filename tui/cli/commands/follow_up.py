"""Following requests and directives up from the shell: `items`, `item`, `set`, `restore-item`.

    haicap items [--commune NAME] [--province NAME] [--kind K] [--status S] [--overdue | --due-within N] [--json]
    haicap item ID [--json]
    haicap set ID [--status S] [--owner O] [--co-agency A]... [--deadline D|none] [--done D|none]
                  [--answer TEXT] [--note TEXT] [--responds-to ID]
    haicap restore-item ID

`set` checks every value before it writes, and writes all fields in one change: a refused
command leaves the store exactly as it was. What `item` and `set` print of an item is
made in `tui.cli.commands.item_detail`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haicap.store.domain.bounds import MAX_DUE_SOON_DAYS
from haicap.store.domain.i18n import N_, _, pgettext
from haicap.store.domain.models import TRACKED_KINDS, Item, Kind
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus, parse_directive_status, parse_request_status
from haicap.tui.cli.commands.common import (
    CommandError,
    current_day,
    find_province,
    item_json,
    item_row,
    open_store,
    parse_count,
    parse_day,
    parse_kind,
    resolve_commune,
)
from haicap.tui.cli.commands.item_detail import describe_change, describe_item, history_json, links_of
from haicap.tui.cli.commands.printing import print_json, print_json_list, print_table
from haicap.tui.cli.commands.whole_country import each_province_items
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store import DeadlineRules

__all__ = ["describe_item", "register"]

_NOT_FOLLOWED_UP = {
    Kind.ACHIEVEMENT: N_("item {id} is an achievement: only requests and directives are followed up"),
    Kind.DIFFICULTY: N_("item {id} is a difficulty: only requests and directives are followed up"),
}
"""The refusal of `set` on an item of a kind that has no follow-up (translated when raised)."""

_ID_HELP = N_("the item id, or its first characters (at least 4)")


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add items, item, set and restore-item."""
    listing = commands.add_parser(
        "items",
        parents=parents,
        help=_("list live items with their follow-up state (filter by commune, province, kind, status, overdue)"),
        description=_(
            "List the items of the store (deleted ones left out), newest session first, "
            "with their follow-up state on today's date (see --today)."
        ),
    )
    listing.add_argument("--commune", metavar=pgettext("metavar", "NAME"), help=_("'xã Vân Du', 'van du' or a commune code"))
    listing.add_argument(
        "--province",
        metavar=pgettext("metavar", "NAME"),
        dest="item_province",
        help=_("only this province; also where --commune is looked up"),
    )
    listing.add_argument(
        "--kind",
        metavar="K",
        action="append",
        default=[],
        help=_("achievement, difficulty, request or directive (or 'Kiến nghị', 'chi dao'); repeat for several"),
    )
    listing.add_argument(
        "--status",
        metavar="S",
        action="append",
        default=[],
        help=_("a request or directive status: slug or label, e.g. in_progress, 'dang giai quyet', done; repeat for several"),
    )
    attention = listing.add_mutually_exclusive_group()
    attention.add_argument("--overdue", action="store_true", help=_("only open items past their deadline"))
    attention.add_argument(
        "--due-within",
        metavar="N",
        help=_(
            "only open requests and directives due today or within N days (0: today; 0 to {maximum}), "
            "nearest first; whatever haicap config --due-soon-days says"
        ).format(maximum=MAX_DUE_SOON_DAYS),
    )
    listing.add_argument("--json", action="store_true", help=_("print a JSON list of objects"))
    listing.set_defaults(handler=_items)

    show = commands.add_parser("item", parents=parents, help=_("show one item in full, with its history"))
    show.add_argument("id", metavar="ID", help=_(_ID_HELP))
    show.add_argument("--json", action="store_true", help=_("print one JSON object (with 'history')"))
    show.set_defaults(handler=_item)

    change = commands.add_parser(
        "set",
        parents=parents,
        help=_("change the follow-up fields of a request or directive (recorded in its history)"),
        description=_(
            "Change a request's or directive's follow-up fields. Every value is checked first; "
            "if one is refused, nothing is written."
        ),
    )
    change.add_argument("id", metavar="ID", help=_(_ID_HELP))
    change.add_argument(
        "--status",
        metavar="S",
        help=_(
            "request: new, in_progress, answered, resolved, unresolvable (or the Vietnamese labels); "
            "directive: in_progress or done (done today unless --done gives the day)"
        ),
    )
    change.add_argument(
        "--owner", metavar="O", help=_("the responsible agency (request) or who carries it out (directive); '' clears")
    )
    change.add_argument(
        "--co-agency",
        metavar="A",
        action="append",
        dest="co_agencies",
        help=_("a co-operating agency; repeat for several (replaces the list); --co-agency '' clears"),
    )
    change.add_argument(
        "--deadline",
        metavar=pgettext("metavar", "DATE"),
        help=_("YYYY-MM-DD or DD/MM/YYYY; 'none' returns a request to the default"),
    )
    change.add_argument(
        "--done", metavar=pgettext("metavar", "DATE"), help=_("completion day, YYYY-MM-DD or DD/MM/YYYY; 'none' clears")
    )
    change.add_argument("--answer", metavar=pgettext("metavar", "TEXT"), help=_("the agency's answer (requests only)"))
    change.add_argument("--note", metavar=pgettext("metavar", "TEXT"), help=_("a note; '' clears"))
    change.add_argument(
        "--responds-to",
        metavar="ID",
        action="append",
        dest="responds_to",
        help=_(
            "a directive that responds to this request (requests only); repeat for several "
            "(replaces the list); --responds-to '' clears"
        ),
    )
    change.set_defaults(handler=_set)

    restore = commands.add_parser("restore-item", parents=parents, help=_("bring back an item deleted in the dashboard"))
    restore.add_argument("id", metavar="ID", help=_(_ID_HELP))
    restore.set_defaults(handler=_restore)


# -- items ---------------------------------------------------------------------------------


def _status_filter(texts: list[str]) -> set[tuple[type, str]]:
    wanted: set[tuple[type, str]] = set()
    for text in texts:
        found = [s for s in (parse_request_status(text), parse_directive_status(text)) if s is not None]
        if not found:
            requests = ", ".join(s.value for s in RequestStatus)
            directives = ", ".join(s.value for s in DirectiveStatus)
            raise CommandError(
                _(
                    "--status: '{text}' is not a status; requests: {requests}; directives: {directives} "
                    "(or their Vietnamese labels)"
                ).format(text=text, requests=requests, directives=directives),
                code=2,
            )
        wanted |= {(type(s), s.value) for s in found}
    return wanted


def _items(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store import follow_up

    kinds = tuple(dict.fromkeys(parse_kind(k) for k in args.kind)) or None
    statuses = _status_filter(args.status) if args.status else None
    within = (
        parse_count(args.due_within, "--due-within", minimum=0, maximum=MAX_DUE_SOON_DAYS)
        if args.due_within is not None
        else None
    )
    today = current_day(args)
    with open_store(db_path) as store:
        province_name = args.item_province or args.province
        province = find_province(store, province_name) if province_name else None
        commune = resolve_commune(store, args.commune, province) if args.commune else None
        rules = store.deadline_rules
        if commune is None and province is None:
            # The whole country: province by province, one in memory at a time.
            source: Iterable[Item] = each_province_items(store, kinds)
        else:
            source = store.items(
                commune_codes=(commune.code,) if commune else None,
                province_code=province.code if province else None,
                kinds=kinds,
            )

        def wanted(item: Item) -> bool:
            state = follow_up(item, today, rules)
            if statuses is not None and (state is None or (type(state.status), state.status.value) not in statuses):
                return False
            if within is not None:
                return bool(state and state.days_left is not None and state.days_left <= within)
            return not args.overdue or bool(state and state.overdue)

        chosen: Iterable[Item] = (item for item in source if wanted(item))
        if within is not None:
            # Nearest deadline first; the filter kept only items that have one.
            chosen = sorted(chosen, key=lambda item: (_days_left(item, today, rules), item.id))
        if args.json:
            print_json_list(item_json(store, item, today, rules) for item in chosen)
            return 0
        chosen = list(chosen)
        if not chosen:
            print(_("no item matches"))
            return 0
        print_table([item_row(store, item, today, rules, commune, days_left=within is not None) for item in chosen])
    return 0


def _days_left(item: Item, today: dt.date, rules: DeadlineRules) -> int:
    """Days until the deadline of an open request or directive (0 for any other item)."""
    from haicap.store import follow_up

    state = follow_up(item, today, rules)
    return state.days_left if state is not None and state.days_left is not None else 0


# -- item ----------------------------------------------------------------------------------


def _item(args: argparse.Namespace, db_path: Path) -> int:
    today = current_day(args)
    with open_store(db_path) as store:
        item = store.find_item(args.id)
        if args.json:
            data = item_json(store, item, today, store.deadline_rules)
            data["deleted"] = item.deleted
            if item.kind is Kind.DIRECTIVE:
                data["answers"] = [request.id for request in links_of(store, item)]
            data["history"] = history_json(store, item)
            print_json(data)
            return 0
        print("\n".join(describe_item(store, item, today)))
        history = store.history(item.id)
        print(_("history:") if history else _("history: no change recorded"))
        for entry in history:
            local = entry.when.astimezone()
            source = f" ({entry.source_shown})" if entry.source else ""
            print(f"  {local:%Y-%m-%d %H:%M} · {entry.who} · {describe_change(entry)}{source}")
    return 0


# -- set -----------------------------------------------------------------------------------


def _given(args: argparse.Namespace) -> list[str]:
    names = ("status", "owner", "co_agencies", "deadline", "done", "answer", "note", "responds_to")
    return [name for name in names if getattr(args, name) is not None]


def _changes(args: argparse.Namespace, item: Item, today: dt.date, dates: dict[str, dt.date | None]) -> dict[str, Any]:
    """The fields to write, every one checked against the item's kind; CommandError if any is refused."""
    if item.deleted:
        raise CommandError(_("item {id} is deleted; restore it first (haicap restore-item {id})").format(id=item.id))
    if item.kind not in TRACKED_KINDS:
        raise CommandError(_(_NOT_FOLLOWED_UP[item.kind]).format(id=item.id))
    if item.kind is Kind.DIRECTIVE and args.answer is not None:
        raise CommandError(_("item {id} is a directive: only requests have an answer (--answer)").format(id=item.id))
    if item.kind is Kind.DIRECTIVE and args.responds_to is not None:
        raise CommandError(
            _("item {id} is a directive: only requests are answered by directives (--responds-to)").format(id=item.id)
        )
    done = dates.get("done")
    if done is not None and done < item.session.date:
        raise CommandError(
            _("--done: {done} is before the item's session of {session}").format(
                done=done.isoformat(), session=item.session.date.isoformat()
            ),
            code=2,
        )
    changes: dict[str, Any] = dict(dates)
    for name in ("owner", "answer", "note"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.co_agencies is not None:
        changes["co_agencies"] = tuple(args.co_agencies)
    if args.responds_to is not None:
        changes["responds_to"] = tuple(i for i in args.responds_to if i.strip())
    if args.status is None:
        return changes
    if item.kind is Kind.REQUEST:
        request_status = parse_request_status(args.status)
        if request_status is None:
            allowed = "; ".join(f"{s.value} ({s.label})" for s in RequestStatus)
            raise CommandError(
                _("'{status}' is not a request status; use one of: {allowed}").format(status=args.status, allowed=allowed)
            )
        changes["status"] = request_status
        return changes
    directive_status = parse_directive_status(args.status)
    if directive_status is None:
        allowed = "; ".join(f"{s.value} ({s.label})" for s in DirectiveStatus)
        raise CommandError(
            _("'{status}' is not a directive status; use one of: {allowed}").format(status=args.status, allowed=allowed)
        )
    if directive_status is DirectiveStatus.DONE:
        if "done" in dates and dates["done"] is None:
            raise CommandError(_("--status done and --done none contradict each other"))
        changes.setdefault("done", item.tracking.done or today)
    else:
        if done is not None:
            raise CommandError(
                _("--status {status} and --done {done} contradict each other").format(status=args.status, done=done.isoformat())
            )
        changes["done"] = None
    return changes


def _set(args: argparse.Namespace, db_path: Path) -> int:
    if not _given(args):
        raise CommandError(
            _("nothing to change: give --status, --owner, --co-agency, --deadline, --done, --answer, --note or --responds-to"),
            code=2,
        )
    dates = {
        name: parse_day(getattr(args, name), f"--{name}", allow_none=True)
        for name in ("deadline", "done")
        if getattr(args, name) is not None
    }
    today = current_day(args)
    with open_store(db_path) as store:
        item = store.find_item(args.id)
        changes = _changes(args, item, today, dates)
        before = len(store.history(item.id))
        # One call: the store checks every field before it writes any of them.
        updated = store.update_tracking(item.id, **changes)
        recorded = store.history(item.id)[before:]
        if recorded:
            print(_("changed {id} (by {who}):").format(id=updated.id, who=recorded[0].who))
            for entry in recorded:
                print(f"  {describe_change(entry)}")
        else:
            print(_("{id}: nothing changed (the values were already so)").format(id=updated.id))
        print("\n".join(describe_item(store, updated, today)))
    return 0


# -- restore-item --------------------------------------------------------------------------


def _restore(args: argparse.Namespace, db_path: Path) -> int:
    with open_store(db_path) as store:
        item = store.restore_item(args.id)
        print(_("restored {id} ({kind}): {text}").format(id=item.id, kind=item.kind.singular, text=item.text))
    return 0
