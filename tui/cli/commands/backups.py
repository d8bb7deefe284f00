"""`haicap restore`: list the store's backups, or go back to one of them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from haicap.store import Backup, StoreError
from haicap.store.domain.i18n import _, pgettext
from haicap.tui.cli.commands.common import CommandError, open_store, parse_positive_int
from haicap.tui.cli.commands.printing import print_table
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store import Store

__all__ = ["register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add restore."""
    restore = commands.add_parser(
        "restore",
        parents=parents,
        help=_("list the store's backups, or go back to one (undo a bad import)"),
        description=_(
            "Before every change haicap keeps the file it changes as it was: a province's file for its "
            "sessions and items, the national file for settings (the newest 5 of each by default; "
            "`haicap config --backups N`). Without {number}, list them, newest first. With {number}, make that "
            "backup its file again; the file as it is now is kept as a backup first, so `haicap restore 1` "
            "right after undoes the restore. Each restore is recorded in the audit log (`haicap audit`), "
            "which a restore carries over: going back never erases the record."
        ).format(number=pgettext("metavar", "NUMBER")),
    )
    restore.add_argument(
        "number",
        nargs="?",
        metavar=pgettext("metavar", "NUMBER"),
        help=_("the backup to go back to, as numbered by the list"),
    )
    restore.set_defaults(handler=_restore)


def _restore(args: argparse.Namespace, db_path: Path) -> int:
    with open_store(db_path) as store:
        backups = store.backups()
        if args.number is None:
            if not backups:
                print(_("no backups in {path} yet (one is kept before each change)").format(path=db_path))
                return 0
            rows = [
                (
                    "#",
                    pgettext("cli", "kept (local time)"),
                    pgettext("cli", "file"),
                    pgettext("cli", "before"),
                    pgettext("cli", "sessions"),
                    pgettext("cli", "items"),
                    pgettext("cli", "size"),
                )
            ]
            for number, backup in enumerate(backups, start=1):
                try:
                    sessions, items = (str(n) for n in backup.counts())
                except StoreError:  # a damaged backup is listed, and refused only if chosen
                    sessions, items = "?", "?"
                whole = backup.province is None and sessions not in ("0", "?")
                rows.append(
                    (
                        str(number),
                        _local(backup),
                        _file(store, backup, whole=whole),
                        _action(backup.action),
                        sessions,
                        items,
                        _size(backup.size),
                    )
                )
            print_table(rows)
            totals = store.totals()
            said = _("`haicap restore {number}` goes back to one; the store now holds {sessions} sessions, {items} items")
            print(said.format(number=pgettext("metavar", "NUMBER"), sessions=totals.sessions, items=totals.items))
            return 0
        number = parse_positive_int(args.number, pgettext("metavar", "NUMBER"), "")
        if number > len(backups):
            said = _("there is no backup {number}: the store has {count} (see `haicap restore`)")
            raise CommandError(said.format(number=number, count=len(backups)))
        chosen = backups[number - 1]
        store.restore(chosen)
        totals = store.totals()
        said = _("restored backup {number} (kept {when}, before {action}): {sessions} sessions, {items} items")
        print(
            said.format(
                number=number, when=_local(chosen), action=_action(chosen.action), sessions=totals.sessions, items=totals.items
            )
        )
        # At least one backup is always kept, so the state just replaced is backup 1.
        print(_("the store as it was is now backup 1: `haicap restore 1` undoes this; `haicap audit` shows the record"))
    return 0


def _action(action: str) -> str:
    """The change a backup was kept before, in the language spoken: its name in the backup's
    file ("set-status") reads as such in English; one this version does not know (a schema
    upgrade, "schema-1-to-2") as it is."""
    names = {
        "import": pgettext("backup action", "import"),
        "seed": pgettext("backup action", "seed"),
        "config": pgettext("backup action", "config"),
        "restore": pgettext("backup action", "restore"),
        "set-status": pgettext("backup action", "set-status"),
        "update-tracking": pgettext("backup action", "update-tracking"),
        "change-kind": pgettext("backup action", "change-kind"),
        "edit-text": pgettext("backup action", "edit-text"),
        "edit-item": pgettext("backup action", "edit-item"),
        "delete-item": pgettext("backup action", "delete-item"),
        "restore-item": pgettext("backup action", "restore-item"),
        "add-item": pgettext("backup action", "add-item"),
    }
    return names.get(action, action)


def _file(store: Store, backup: Backup, *, whole: bool = False) -> str:
    """Whose file the backup is of: a province's name, "settings" for the national file, or
    "whole store" for one kept before the store had a file per province (`whole`)."""
    if backup.province is None:
        return pgettext("backup file", "whole store") if whole else pgettext("backup file", "settings")
    province = store.find_province(backup.province)
    return province.name if province is not None else backup.province


def _local(backup: Backup) -> str:
    """When the backup was kept, in the local time of whoever reads it."""
    return backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(size // 1000, 1)} kB"
