"""Keeping a store healthy: going back to one of its backups, and migrating older stores.

`StoreMaintenance` is the store's part for changes of the store file as a whole: a
restore replaces its content with a backup's, a migration rewrites it in the current
record layout (`store.db.migrations`). Both run in a transaction of the file, after it
is kept as a backup, so both can be undone.
"""

from __future__ import annotations

from typing import Any

from haicap.store.db.audit import add_entry, plural
from haicap.store.db.backups import Backup, looks_like_store
from haicap.store.db.migrations import SCHEMA_VERSION, migrate
from haicap.store.db.storage import AtomicJSONStorage
from haicap.store.db.store_file import StoreFile
from haicap.store.db.tables import Tables
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["StoreMaintenance"]


class StoreMaintenance:
    """Restore and schema versions of one store file (see `Store` for each)."""

    def __init__(self, file: StoreFile) -> None:
        self._file = file

    def restore(self, backup: Backup) -> None:
        """Make `backup` the store's content again, as a recorded, undoable change; the
        audit log is kept as it is now, plus an entry for this restore."""
        raw = backup.read_bytes()
        data = AtomicJSONStorage.parse(raw, backup.path)
        if data is None:
            raise StoreError(_("{path}: the backup is empty").format(path=backup.path))
        if not looks_like_store(data):
            raise StoreError(
                _("{path}: is not a haicap store file (no schema version); refusing to restore it").format(path=backup.path)
            )
        _refuse_newer(_version_of(data), backup.path)
        with self._file.transaction("restore"):
            if self._file.location is None:
                raise StoreError(_("a store in memory has no file"))
            current = self._file.rows()
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
            self._file.db.replace_all(restored)
            self._file.reread()
            self.check_schema()

    def check_schema(self) -> None:
        """Record the schema of a new store, migrate an older one, refuse a newer one."""
        version = self._file.meta("schema_version")
        where = self._file.location or "store"
        if version is None:
            if not self._file.read_only:
                self._file.set_meta("schema_version", SCHEMA_VERSION)
            return
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise StoreError(
                _("{path}: store has an unreadable schema version {version}").format(path=where, version=repr(version))
            )
        _refuse_newer(version, where)
        if version == SCHEMA_VERSION:
            return
        if self._file.read_only:
            raise StoreError(
                _(
                    "{path}: store has schema version {version} and this haicap uses {current}; "
                    "it must be migrated first: open it once without --read-only, as a user who may write it"
                ).format(path=where, version=version, current=SCHEMA_VERSION)
            )
        with self._file.transaction(f"schema-{version}-to-{SCHEMA_VERSION}"):
            data = self._file.rows()
            current = _version_of(data)  # another haicap may have migrated it meanwhile
            if current < SCHEMA_VERSION:
                self._file.db.replace_all(migrate(data, current))
                self._file.reread()


def _refuse_newer(version: int, where: object) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(
            _("{path}: store has schema version {version}, this haicap reads up to {current}; upgrade haicap to open it").format(
                path=where, version=version, current=SCHEMA_VERSION
            )
        )


def _version_of(data: Tables) -> int:
    meta: Any = data.get("meta", {}).get("1", {})
    version = meta.get("schema_version", 1) if isinstance(meta, dict) else 1
    return version if isinstance(version, int) and not isinstance(version, bool) else 1
