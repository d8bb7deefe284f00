"""Which store a command uses, whether it may change it, and the default store made on first use.

`haicap.tui.cli.main` asks `changes_store` before it opens a store under `--read-only`, and
`seed_default_store` before a command runs: the user's own store (chosen by neither `--db`
nor `$HAICAP_DB`) is made and seeded the first time any command needs it; a named store
is never made behind the user's back.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from haicap.store.db.paths import DB_ENV_VAR
from haicap.store.domain.i18n import _
from haicap.tui.cli.commands.common import CommandError
from haicap.tui.cli.commands.settings import CHANGING_OPTIONS

__all__ = ["changes_store", "needs_store", "seed_default_store"]


_READS = frozenset(
    {
        "locate",
        "extract",
        "eval",
        "items",
        "item",
        "search",
        "export",
        "report",
        "audit",
        "present",
        "serve",
        "bench",
        "completion",
        "lang",
    }
)
"""Commands that never change a store (`present` and `serve` open it as a viewer with
--read-only, `bench` measures a copy, `lang` writes the user's settings, not a store, `export`
and `report` write a document); every other one is refused with --read-only."""

_NO_STORE = frozenset({"locate", "extract", "eval", "completion", "init", "synth", "stress", "bench", "lang"})
"""Commands that use no store, or make or check their own: the others need one that exists
(the default one is made and seeded for them on first use)."""


def changes_store(args: argparse.Namespace) -> bool:
    """Whether the command asked for changes a store: a new command counts as one until it is
    listed in `_READS`, so --read-only never lets a change through by omission."""
    command = args.command
    if command in _READS:
        return False
    if command == "import":
        return not args.dry_run
    if command == "config":
        return any(getattr(args, name) is not None for name in CHANGING_OPTIONS)
    if command == "restore":
        return args.number is not None
    return True


def needs_store(args: argparse.Namespace) -> bool:
    """Whether the command (None: the dashboard) works on an existing store."""
    # An import's dry run compares with the store when there is one, and creates nothing.
    return args.command not in _NO_STORE and not (args.command == "import" and args.dry_run)


def _is_default_store(args: argparse.Namespace) -> bool:
    """Whether the store was chosen by neither --db nor $HAICAP_DB: the user's own, which
    haicap makes and seeds itself."""
    return not getattr(args, "db", None) and not os.environ.get(DB_ENV_VAR, "").strip()


def _store_missing(db_path: Path) -> bool:
    """No store here at all (a file, or a damaged store, is left for Store.open to name)."""
    from haicap.store.db.database import STORE_FILE

    return not os.path.lexists(db_path) or (db_path.is_dir() and not os.path.lexists(db_path / STORE_FILE))


def seed_default_store(args: argparse.Namespace, db_path: Path) -> None:
    """Create and seed the default store the first time any command uses it. Seeding runs
    under the store's write lock and records `seeded_at`, so two first commands at once
    seed it once. A named store is never created here: the command is refused, saying how."""
    if not needs_store(args) or not _store_missing(db_path):
        return
    if not _is_default_store(args):
        raise CommandError(
            _("{path}: no haicap store here; create one with haicap init --db {path} [--with-seeds]").format(path=db_path)
        )
    if args.read_only:
        return  # a viewer creates nothing; the command says there is no store
    _make_seeded_store(db_path)


def _make_seeded_store(db_path: Path) -> None:
    """Make the default store and seed it in a new folder beside it, then rename that folder
    into place, so that a command started meanwhile finds no store (and makes its own, which
    then loses the rename and is removed) or a seeded one. Made in place, the store file
    existed before its seed session was written, and a second officer's first `haicap items`
    in between listed nothing."""
    import secrets
    import shutil

    from haicap.store import Store

    db_path.parent.mkdir(parents=True, exist_ok=True)
    making = db_path.parent / f".{db_path.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
    making.mkdir()  # as Store.open would make the store folder: the umask decides its mode
    try:
        with Store.open(making) as store:
            store.ensure_seeded()
        try:
            os.rename(making, db_path)  # replaces an empty folder too
        except OSError:
            if _store_missing(db_path):  # not another command's store: a folder with other files
                with Store.open(db_path) as store:
                    store.ensure_seeded()
    finally:
        shutil.rmtree(making, ignore_errors=True)  # nothing left after the rename
