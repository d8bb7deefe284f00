"""`haicap restore`: list the store's backups, or go back to one of them."""

from __future__ import annotations

import argparse
from pathlib import Path

from haicap.store import Backup, StoreError
from haicap.tui.cli.commands.common import CommandError, open_store, parse_positive_int, print_table
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add restore."""
    restore = commands.add_parser(
        "restore",
        parents=parents,
        help="list the store's backups, or go back to one (undo a bad import)",
        description="Before every change haicap keeps the store as it was (the newest 5 by default; "
        "`haicap config --backups N`). Without NUMBER, list them, newest first. With NUMBER, make that "
        "backup the store again; the store as it is now is kept as a backup first, so `haicap restore 1` "
        "right after undoes the restore. Each restore is recorded in the audit log (`haicap audit`), "
        "which a restore carries over: going back never erases the record.",
    )
    restore.add_argument("number", nargs="?", metavar="NUMBER", help="the backup to go back to, as numbered by the list")
    restore.set_defaults(handler=_restore)


def _restore(args: argparse.Namespace, db_path: Path) -> int:
    with open_store(db_path) as store:
        backups = store.backups()
        if args.number is None:
            if not backups:
                print(f"no backups in {db_path} yet (one is kept before each change)")
                return 0
            rows = [("#", "kept (local time)", "before", "sessions", "items", "size")]
            for number, backup in enumerate(backups, start=1):
                try:
                    sessions, items = (str(n) for n in backup.counts())
                except StoreError:  # a damaged backup is listed, and refused only if chosen
                    sessions, items = "?", "?"
                rows.append((str(number), _local(backup), backup.action, sessions, items, _size(backup.size)))
            print_table(rows)
            print(
                f"`haicap restore NUMBER` goes back to one; the store now holds {len(store.sessions())} sessions, {len(store.items())} items"
            )
            return 0
        number = parse_positive_int(args.number, "NUMBER", "")
        if number > len(backups):
            raise CommandError(f"there is no backup {number}: the store has {len(backups)} (see `haicap restore`)")
        chosen = backups[number - 1]
        store.restore(chosen)
        print(
            f"restored backup {number} (kept {_local(chosen)}, before {chosen.action}): "
            f"{len(store.sessions())} sessions, {len(store.items())} items"
        )
        # At least one backup is always kept, so the state just replaced is backup 1.
        print("the store as it was is now backup 1: `haicap restore 1` undoes this; `haicap audit` shows the record")
    return 0


def _local(backup: Backup) -> str:
    """When the backup was kept, in the local time of whoever reads it."""
    return backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(size // 1000, 1)} kB"
