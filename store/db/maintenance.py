"""Keeping a store healthy: its backups, going back to one, and migrating older stores.

`StoreMaintenance` is a part of `Store` (a mixin, to keep the file of each concern short).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haicap.store.db.audit import AuditEntry, add_entry, entries, plural
from haicap.store.db.backups import (
    DEFAULT_KEEP,
    MIN_KEEP,
    Backup,
    list_backups,
    looks_like_store,
    prune_backups,
)
from haicap.store.db.migrations import SCHEMA_VERSION, migrate
from haicap.store.db.storage import STORE_FILE, AtomicJSONStorage
from haicap.store.domain.errors import StoreError

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
        """How many previous versions of the store file are kept (5 unless configured, never
        fewer than 1: a 0 stored by an older haicap reads as 1)."""
        stored = self._meta("backups")
        if not isinstance(stored, int) or isinstance(stored, bool) or stored < 0:
            return DEFAULT_KEEP
        return max(stored, MIN_KEEP)

    def set_backup_count(self, count: int) -> None:
        """Keep `count` backups (at least 1) from now on; extra old ones are deleted at once.

        Recorded in the audit log, with how many backups went."""
        if count < MIN_KEEP:
            raise StoreError(f"the number of backups cannot be below {MIN_KEEP}: the state each change replaces is always kept")
        with self._writing("config"):
            old = self.backup_count
            dropped = max(len(self.backups()) - count, 0)
            self._set_meta("backups", count)
            self.record_audit(
                "config", f"backups {old} → {count}" + (f" ({plural(dropped, 'older backup')} deleted)" if dropped else "")
            )
            # Not worth a backup of its own (and after a generated store, one would keep a
            # second copy of it; and with one backup kept, it would push out the state a
            # restore replaced): the audit log says what it was.
            self._storage().pending_backup = None
        prune_backups(self._store_file(), count)

    def backups(self) -> list[Backup]:
        """The kept versions of the store file, newest first (none for a store in memory)."""
        return list_backups(self._store_file()) if self.location is not None else []

    def restore(self, backup: Backup) -> None:
        """Make `backup` the store's content again, as a recorded, undoable change.

        The store as it is now is kept as a backup first (at least one is always kept), so a
        restore can be undone too. The audit log is not restored with the rest: the
        restored file gets the log as it is now plus an entry for this restore, so going
        back never erases the record. A backup from an older haicap is migrated like any
        older store.
        """
        raw = backup.read_bytes()
        data = AtomicJSONStorage.parse(raw, backup.path)
        if data is None:
            raise StoreError(f"{backup.path}: the backup is empty")
        if not looks_like_store(data):
            raise StoreError(f"{backup.path}: is not a haicap store file (no schema version); refusing to restore it")
        self._refuse_newer(_version_of(data), backup.path)
        with self._writing("restore"):
            storage = self._storage()
            current = storage.read() or {}
            taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S UTC")
            sessions, items = len(data.get("sessions", {})), len(data.get("items", {}))
            # The meta table first: that is where a backup's marker is looked for (store.backups).
            restored = {"meta": data.get("meta", {}), **{k: v for k, v in data.items() if k not in ("meta", "audit")}}
            restored["audit"] = dict(current.get("audit", {}))
            add_entry(
                restored,
                "restore",
                f"went back to {backup.path.name} (kept {taken}, before {backup.action}): "
                f"{plural(sessions, 'session')}, {plural(items, 'item')}; it replaced "
                f"{plural(len(current.get('sessions', {})), 'session')}, {plural(len(current.get('items', {})), 'item')}, "
                "kept as the newest backup",
            )
            storage.write(restored)
            self.refresh()
            self._check_schema()

    # -- who made the store -----------------------------------------------------------

    @property
    def created_by(self) -> str | None:
        """The tool that created this store when it was a scratch store ("haicap stress"), else None."""
        value = self._meta("created_by")
        return value if isinstance(value, str) else None

    def mark_created_by(self, creator: str) -> None:
        """Record that `creator` made this store, which must hold nothing yet: a tool that
        writes test data (stress) works only on stores it marked so (see `created_by`)."""
        with self._writing("config"):
            tables = self._db.storage.read() or {}
            if any(tables.get(name) for name in ("sessions", "items", "history")) or self._meta("seeded_at"):
                raise StoreError(f"{self.location}: the store already holds data; only a new store can be marked")
            self._set_meta("created_by", creator)

    # -- the audit log ----------------------------------------------------------------

    def audit_log(self) -> list[AuditEntry]:
        """The store's audit log (restores, settings, imports), newest first."""
        return entries(self._db.storage.read() or {})

    def record_audit(self, action: str, detail: str) -> None:
        """Add an entry to the audit log, within the change under way (or as a change of its own)."""
        with self._writing(action):
            tables = self._db.storage.read() or {}
            add_entry(tables, action, detail)
            self._db.storage.write(tables)

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
