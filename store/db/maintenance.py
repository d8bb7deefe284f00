"""Keeping a store healthy: going back to one of its backups, and migrating older stores.

`StoreMaintenance` is the store's part for changes of a store's files as a whole: a
restore replaces a file's content with a backup's, a migration rewrites an older store in
the current layout (`store.db.migrations`), one file per province since schema 3. Both
run in transactions of the files, after each is kept as a backup, so both can be undone.
"""

from __future__ import annotations

import contextlib
from typing import Any

from haicap.store.db.audit import add_entry, plural
from haicap.store.db.backups import Backup, looks_like_store
from haicap.store.db.content import StoreContent
from haicap.store.db.layout import PROVINCE_TABLES
from haicap.store.db.migrations import ONE_FILE_SCHEMA, SCHEMA_VERSION, UNPLACED_TABLE, empty_province, migrate, split
from haicap.store.db.province_files import ProvinceFiles
from haicap.store.db.storage import AtomicJSONStorage
from haicap.store.db.store_file import StoreFile
from haicap.store.db.tables import Tables
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["StoreMaintenance"]


class StoreMaintenance:
    """Restore and schema versions of one store (see `Store` for each)."""

    def __init__(self, file: StoreFile, provinces: ProvinceFiles) -> None:
        self._file = file
        self._provinces = provinces
        self._content: StoreContent | None = None

    def attach(self, content: StoreContent) -> None:
        """Work on `content` (made once the schema is checked: see `Store`)."""
        self._content = content

    # -- restore ----------------------------------------------------------------------

    def restore(self, backup: Backup) -> None:
        """Make `backup` the content of its file again, as a recorded, undoable change; the
        audit log is kept as it is now, plus an entry for this restore.

        A province file's backup replaces that province's file. A national file's backup
        brings back the settings it held; one kept before the store had a file per province
        (schema 2 or older) holds the whole store, and replaces every province's file.

        The files are replaced one after another, each atomically, the national file (with
        the audit entry) last: a restore cut short (power lost) leaves some provinces
        restored and the others as they were; restoring the same backup again finishes it."""
        raw = backup.read_bytes()
        data = AtomicJSONStorage.parse(raw, backup.path)
        if data is None:
            raise StoreError(_("{path}: the backup is empty").format(path=backup.path))
        if not looks_like_store(data):
            raise StoreError(
                _("{path}: is not a haicap store file (no schema version); refusing to restore it").format(path=backup.path)
            )
        version = _version_of(data)
        _refuse_newer(version, backup.path)
        if self._file.location is None:
            raise StoreError(_("a store in memory has no file"))
        content = self._content
        assert content is not None, "attached when the store was made"
        taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S UTC")
        code = backup.province
        if code is not None:
            tables = {name: data[name] for name in ("meta", *PROVINCE_TABLES) if name in data}
            replaced = {code: tables}
        elif version <= ONE_FILE_SCHEMA:
            national, replaced = split(migrate(data, version))
            data = national
            for other in content.codes():
                replaced.setdefault(other, empty_province(other))
        else:
            replaced = {}
        before = _counts(content, sorted(replaced))
        with contextlib.ExitStack() as changes:
            files = {c: changes.enter_context(content.change(c, "restore")) for c in sorted(replaced)}
            for c, file in files.items():
                file.db.replace_all(replaced[c])
                file.reread()
            sessions = sum(len(t.get("sessions", {})) for t in replaced.values())
            items = sum(len(t.get("items", {})) for t in replaced.values())
            with self._file.transaction("restore"):
                current = self._file.rows()
                national_tables: Tables = dict(current)
                if code is None:
                    # The settings of the backup; the summary and the audit log as they are now.
                    national_tables["meta"] = {"1": {**(data.get("meta", {}).get("1") or {}), "schema_version": SCHEMA_VERSION}}
                    # The rows a split could not place are the backup's (a whole store's), if any.
                    national_tables.pop(UNPLACED_TABLE, None)
                    if data.get(UNPLACED_TABLE):
                        national_tables[UNPLACED_TABLE] = data[UNPLACED_TABLE]
                national_tables["audit"] = dict(current.get("audit", {}))
                add_entry(
                    national_tables,
                    "restore",
                    f"went back to {backup.path.name} (kept {taken}, before {backup.action}): "
                    f"{plural(sessions, 'session')}, {plural(items, 'item')}; it replaced "
                    f"{plural(before[0], 'session')}, {plural(before[1], 'item')}, "
                    "kept as the newest backup",
                )
                self._file.db.replace_all(national_tables)
                self._file.reread()

    # -- schema -----------------------------------------------------------------------

    def check_schema(self) -> bool:
        """Record the schema of a new store, migrate an older one, refuse a newer one;
        whether a migration was made."""
        version = self._file.meta("schema_version")
        where = self._file.location or "store"
        if version is None:
            if not self._file.read_only:
                self._file.set_meta("schema_version", SCHEMA_VERSION)
            return False
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise StoreError(
                _("{path}: store has an unreadable schema version {version}").format(path=where, version=repr(version))
            )
        _refuse_newer(version, where)
        if version == SCHEMA_VERSION:
            return False
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
                self._split(migrate(data, current))
        return True

    def _split(self, data: Tables) -> None:
        """Write one-file `data` as the province files, then the national file (see `split`).

        The province files are written first, each atomically; the national file, which
        says the store is of the current schema, last. A crash before that leaves the old
        file as it was (and kept as a backup): the next opening splits it again, over
        whatever province files the crash left."""
        national, provinces = split(data)
        for code in self._provinces.on_disk():
            provinces.setdefault(code, empty_province(code))
        for code, tables in sorted(provinces.items()):
            file = self._provinces.file(code)
            file.db.replace_all(tables)
            file.reread()
        self._file.db.replace_all(national)
        self._file.reread()


def _counts(content: StoreContent, codes: list[str]) -> tuple[int, int]:
    """(sessions, items) in the province files `codes` now."""
    sessions = items = 0
    for code in codes:
        rows = content.provinces.file(code).rows()
        sessions += len(rows.get("sessions", {}))
        items += len(rows.get("items", {}))
    return sessions, items


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
