"""One store's TinyDB file as this process reads and writes it.

`StoreFile` owns the database (`store.db.tables.StoreDatabase` over `AtomicJSONStorage`, or
over TinyDB's `MemoryStorage` for a store in memory), the inter-process write lock
(`store.db.locking`), the backups kept before each change (`store.db.backups`) and the
`meta` table that says how many to keep. Every change goes through `transaction(action)`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb.table import Table

from haicap.store.db.backups import DEFAULT_KEEP, MIN_KEEP, Backup, list_backups, prune_backups
from haicap.store.db.locking import WriteLock
from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.storage import STORE_FILE, AtomicJSONStorage, file_state
from haicap.store.db.tables import StoreDatabase, Tables
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["StoreFile"]


class StoreFile:
    """The database of one store with its lock and backups; `transaction` for every change."""

    def __init__(
        self, db: StoreDatabase, *, location: Path | None, lock: WriteLock | None, read_only: bool, name: str = STORE_FILE
    ) -> None:
        self.db = db
        """The TinyDB database (its tables; `change` for edits of several at once)."""
        self.location = location
        """The store folder, or None for a store in memory."""
        self.read_only = read_only
        """True for a viewer: every transaction is refused."""
        self.name = name
        """The file's name in the store folder: `haicap.json`, or a province's file."""
        self._lock = lock
        storage = db.storage
        self._disk = storage if isinstance(storage, AtomicJSONStorage) else None
        """The file storage, or None in memory."""
        self._seen_state = self._file_state()
        """The file's state when this process last read it (see `changed_on_disk`)."""
        self._on_reread: Callable[[], None] | None = None
        self._then: list[Callable[[], None]] = []
        self._backup_count: Callable[[], int] | None = None
        self._in_memory_depth = 0

    # -- reading ----------------------------------------------------------------------

    def rows(self) -> Tables:
        """The whole database as stored (see `StoreDatabase.rows`)."""
        return self.db.rows()

    def table(self, name: str) -> Table:
        """The TinyDB table `name`."""
        return self.db.table(name)

    def meta(self, key: str) -> Any:
        """A value of the `meta` table (schema version, settings), or None."""
        row = self.db.table("meta").get(doc_id=1)
        return row.get(key) if row is not None else None

    def set_meta(self, key: str, value: Any) -> None:
        """Set a value of the `meta` table, as a change of its own or within the one under way."""
        with self.transaction("config"):
            table = self.db.table("meta")
            if table.get(doc_id=1) is None:
                table.insert({"schema_version": SCHEMA_VERSION})
            table.update({key: value}, doc_ids=[1])

    def changed_on_disk(self) -> bool:
        """Whether another process has written the file since this one last read it (a stat, cheap)."""
        return self.location is not None and self._file_state() != self._seen_state

    def reread(self) -> None:
        """Read the file again: what this process kept of it is forgotten, and the callback
        given to `when_reread` rebuilds what was built from it."""
        self._seen_state = self._file_state()  # before reading: a write in between is seen next time
        self.db.forget_tables()
        if self._on_reread is not None:
            self._on_reread()

    def when_reread(self, callback: Callable[[], None]) -> None:
        """Call `callback` each time the file is read again (the store rebuilds its indexes)."""
        self._on_reread = callback

    def close(self) -> None:
        """Release the database file."""
        self.db.close()

    # -- changing ---------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(
        self, action: str = "change", *, then: Callable[[], None] | None = None, backup: bool = True
    ) -> Iterator[None]:
        """Hold the store's inter-process lock for one read-modify-write named `action`.

        Other haicap processes (officers over SSH, imports) may have written since this one
        last read; if so, the file is read again inside the lock (see `reread`): every
        change is computed from what is on disk now and no update is lost. The change
        reaches the file in one write at the end (none if it fails), after the file as it
        was is kept as a backup (see `store.db.backups`). Re-entrant: a transaction inside
        another is part of it.

        With `backup=False` no backup is kept when this is the outermost transaction (the
        change is derived data, or an audit entry: neither is ever restored).

        `then` runs once the change is written, still under the lock (the store writes the
        national summary there, so no other writer of this file can come in between); for a
        transaction inside another, it runs when the outermost one has written.
        """
        if self.read_only:
            raise StoreError(_("{path}: the store is open read-only; changes are refused").format(path=self.location))
        if self._lock is None:  # in memory: one process only
            outermost = not self._in_memory_depth
            if outermost:
                self._then = []
            self._in_memory_depth += 1
            try:
                yield
            finally:
                self._in_memory_depth -= 1
            self._after(then, outermost)
            return
        with self._lock.hold() as outermost:
            if not outermost:
                if then is not None:
                    self._then.append(then)
                yield
                return
            self._then = [then] if then is not None else []
            if self.changed_on_disk():
                self.reread()
            disk = self._on_disk()
            disk.sweep_temp_files()  # left by a writer killed mid-write; none can be in use now
            disk.pending_backup = (action, self.backup_count) if backup else None
            try:
                with disk.deferred():  # the whole change is one write of the file
                    yield
            except BaseException:
                # A change that failed half-way may have edited the kept content without
                # writing it: read the file again, and rebuild what was built from it.
                disk.forget()
                self.reread()
                raise
            finally:
                disk.pending_backup = None
                # Our own write is not news for changed_on_disk (no one can write while we hold the lock).
                self._seen_state = self._file_state()
            callbacks, self._then = self._then, []
            for callback in callbacks:
                callback()

    def _after(self, then: Callable[[], None] | None, outermost: bool) -> None:
        """Run the `then` of a transaction in memory: at once for the outermost, else with it."""
        if then is not None:
            self._then.append(then)
        if outermost:
            callbacks, self._then = self._then, []
            for callback in callbacks:
                callback()

    # -- backups ----------------------------------------------------------------------

    def counting_backups(self, backup_count: Callable[[], int]) -> StoreFile:
        """Keep as many backups as `backup_count()` says (a province's file: the setting is
        the national file's); returns this file."""
        self._backup_count = backup_count
        return self

    @property
    def backup_count(self) -> int:
        """How many previous versions of the file are kept (5 unless configured, never fewer
        than 1: a 0 stored by an older haicap reads as 1)."""
        if self._backup_count is not None:
            return self._backup_count()
        stored = self.meta("backups")
        if not isinstance(stored, int) or isinstance(stored, bool) or stored < 0:
            return DEFAULT_KEEP
        return max(stored, MIN_KEEP)

    def backups(self) -> list[Backup]:
        """The kept versions of the file, newest first (none for a store in memory)."""
        return list_backups(self.path) if self.location is not None else []

    def prune_backups(self, keep: int) -> None:
        """Delete all but the newest `keep` backups."""
        prune_backups(self.path, keep)

    def skip_backup(self) -> None:
        """Keep no backup for the transaction under way (its change is not worth one)."""
        if self._disk is not None:
            self._disk.pending_backup = None

    @property
    def path(self) -> Path:
        """The store file; StoreError for a store in memory."""
        if self.location is None:
            raise StoreError(_("a store in memory has no file"))
        return self.location / self.name

    # -- internals --------------------------------------------------------------------

    def _on_disk(self) -> AtomicJSONStorage:
        if self._disk is None:
            raise StoreError(_("a store in memory has no file"))
        return self._disk

    def _file_state(self) -> tuple[int, int, int] | None:
        return file_state(self.location / self.name) if self.location else None

    def state(self) -> tuple[int, int, int] | None:
        """The file's state as this process last read or wrote it (see `storage.file_state`)."""
        return self._seen_state
