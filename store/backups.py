"""Rotating backups of a store file: the previous versions, so a bad import can be undone.

Before the first write of each change, the store file as it was is kept in the store's
`backups/` folder. Every write replaces the store file with a new one (see
`store.storage`), so the old file can simply be hard-linked there: keeping a backup costs
no copy, however big the store. The newest `keep` backups stay (5 by default, `haicap
config --backups N`); older ones are deleted.

Backup names sort by time and say what change followed them:
`haicap.json.20251215T091430123456Z.import`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError

__all__ = ["BACKUP_DIR", "DEFAULT_KEEP", "Backup", "keep_backup", "list_backups", "prune_backups"]

BACKUP_DIR = "backups"
"""Folder of backups, inside the store folder."""

DEFAULT_KEEP = 5
"""How many backups a store keeps unless configured otherwise."""

_NAME = re.compile(r"^(?P<store>.+)\.(?P<stamp>\d{8}T\d{12}Z)\.(?P<action>[a-z0-9-]+)$")


@dataclass(frozen=True)
class Backup:
    """One kept version of the store file."""

    path: Path
    taken: dt.datetime
    """When it was kept (UTC): the moment before the change named by `action`."""
    action: str
    """The change that followed: "import", "set-status", "restore", "schema-1-to-2"..."""

    @property
    def size(self) -> int:
        """Size of the kept file in bytes."""
        return self.path.stat().st_size

    def counts(self) -> tuple[int, int]:
        """(sessions, items) in this backup; StoreError when it cannot be read."""
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            return len(data.get("sessions", {})), len(data.get("items", {}))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError) as error:
            raise StoreError(f"{self.path}: backup cannot be read ({error})") from None


def _backup_folder(store_file: Path) -> Path:
    return store_file.parent / BACKUP_DIR


def list_backups(store_file: Path) -> list[Backup]:
    """The backups of `store_file`, newest first."""
    folder = _backup_folder(store_file)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or match["store"] != store_file.name:
            continue  # not ours (an officer's own copy, say): leave it alone
        taken = dt.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.timezone.utc)
        found.append(Backup(path, taken, match["action"]))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def keep_backup(store_file: Path, action: str, keep: int) -> Backup | None:
    """Keep the current `store_file` as the newest backup, then delete all but `keep`.

    Call it under the store's write lock, before the file is replaced. Nothing is kept
    when `keep` is 0 or the store file does not exist yet.
    """
    if keep <= 0 or not store_file.exists():
        return None
    folder = _backup_folder(store_file)
    # The folder is as shared as the store folder: an officer restoring must read backups
    # that a colleague's haicap kept.
    if not folder.is_dir():
        folder.mkdir()
        # Shared as the store folder is (its group, setgid bit), never wider than the group.
        folder.chmod(store_file.parent.stat().st_mode & 0o2770 | 0o700)
    now = dt.datetime.now(dt.timezone.utc)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    slug = re.sub(r"[^a-z0-9-]+", "-", action.lower()).strip("-") or "change"
    target = folder / f"{store_file.name}.{stamp}.{slug}"
    try:
        os.link(store_file, target)
    except FileExistsError:
        return None  # two backups within one microsecond: the first one already holds this version
    except OSError:
        # File systems without hard links (some network mounts): copy instead.
        shutil.copy2(store_file, target)
    prune_backups(store_file, keep)
    return Backup(target, now, slug)


def prune_backups(store_file: Path, keep: int) -> None:
    """Delete all but the newest `keep` backups of `store_file`."""
    for old in list_backups(store_file)[max(keep, 0) :]:
        old.path.unlink(missing_ok=True)
