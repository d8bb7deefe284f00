"""Keeping a store healthy: its backups, going back to one, and migrating older stores.

`StoreMaintenance` is a part of `Store` (a mixin, to keep the file of each concern short).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .backups import DEFAULT_KEEP, Backup, list_backups, prune_backups
from .errors import StoreError
from .migrations import SCHEMA_VERSION, migrate
from .storage import STORE_FILE, AtomicJSONStorage

if TYPE_CHECKING:
    from tinydb import TinyDB

__all__ = ["StoreMaintenance"]


class StoreMaintenance:
    """Backups, restore and schema versions of a store on disk."""

    _db: TinyDB
    location: Path | None
    read_only: bool

    def _meta(self, key: str) -> Any:  # provided by Store
        raise NotImplementedError

    def _set_meta(self, key: str, value: Any) -> None:  # provided by Store
        raise NotImplementedError

    def _writing(self, action: str = "change") -> contextlib.AbstractContextManager[None]:  # provided by Store
        raise NotImplementedError

    def refresh(self) -> None:  # provided by Store
        raise NotImplementedError

    # -- backups ----------------------------------------------------------------------

    @property
    def backup_count(self) -> int:
        """How many previous versions of the store file are kept (5 unless configured)."""
        stored = self._meta("backups")
        return stored if isinstance(stored, int) and not isinstance(stored, bool) and stored >= 0 else DEFAULT_KEEP

    def set_backup_count(self, count: int) -> None:
        """Keep `count` backups from now on (0: none); extra old ones are deleted at once."""
        if count < 0:
            raise StoreError("the number of backups cannot be negative")
        with self._writing("config"):
            self._set_meta("backups", count)
            # Not worth a backup of its own (and after a generated store, one would keep a
            # second copy of it); `haicap config --backups` again undoes it.
            self._storage().pending_backup = None
        prune_backups(self._store_file(), count)

    def backups(self) -> list[Backup]:
        """The kept versions of the store file, newest first (none for a store in memory)."""
        return list_backups(self._store_file()) if self.location is not None else []

    def restore(self, backup: Backup) -> None:
        """Make `backup` the store's content again.

        The store as it is now is kept as a backup first, so a restore can be undone too.
        A backup from an older haicap is migrated like any older store.
        """
        try:
            raw = backup.path.read_bytes()
        except OSError as error:
            raise StoreError(f"{backup.path}: cannot read the backup ({error.strerror or error})") from None
        data = AtomicJSONStorage.parse(raw, backup.path)
        if data is None:
            raise StoreError(f"{backup.path}: the backup is empty")
        self._refuse_newer(_version_of(data), backup.path)
        with self._writing("restore"):
            self._storage().write(data)
            self.refresh()
            self._check_schema()

    # -- schema versions --------------------------------------------------------------

    def _check_schema(self) -> None:
        """Record the schema of a new store, migrate an older one, refuse a newer one."""
        version = self._meta("schema_version")
        where = self.location or "store"
        if version is None:
            if not self.read_only:
                self._set_meta("schema_version", SCHEMA_VERSION)
            return
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise StoreError(f"{where}: store has an unreadable schema version {version!r}")
        self._refuse_newer(version, where)
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(
                f"{where}: store has schema version {version} and this haicap uses {SCHEMA_VERSION}; "
                "it must be migrated first: open it once without --read-only, as a user who may write it"
            )
        with self._writing(f"schema-{version}-to-{SCHEMA_VERSION}"):
            storage = self._storage()
            data = storage.read() or {}
            current = _version_of(data)  # another haicap may have migrated it meanwhile
            if current < SCHEMA_VERSION:
                storage.write(migrate(data, current))
                self.refresh()

    @staticmethod
    def _refuse_newer(version: int, where: object) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{where}: store has schema version {version}, this haicap reads up to {SCHEMA_VERSION}; "
                "upgrade haicap to open it"
            )

    # -- internals --------------------------------------------------------------------

    def _store_file(self) -> Path:
        if self.location is None:
            raise StoreError("a store in memory has no file")
        return self.location / STORE_FILE

    def _storage(self) -> AtomicJSONStorage:
        storage = self._db.storage
        if not isinstance(storage, AtomicJSONStorage):
            raise StoreError("a store in memory has no file")
        return storage


def _version_of(data: dict[str, dict[str, Any]]) -> int:
    version = data.get("meta", {}).get("1", {}).get("schema_version", 1)
    return version if isinstance(version, int) and not isinstance(version, bool) else 1
