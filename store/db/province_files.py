"""The province files of one store folder, opened when first needed.

`ProvinceFiles.file(code)` is the `StoreFile` of one province (`province-38.json`), with
its own write lock and backups; a store in memory gets a file in memory per province. A
province without a file yet has an empty one that is created by its first change (a
viewer never creates it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tinydb.storages import MemoryStorage

from haicap.store.db.layout import province_file, province_of_file
from haicap.store.db.locking import WriteLock
from haicap.store.db.safe_files import refuse_unsafe
from haicap.store.db.storage import AtomicJSONStorage, file_state, refuse_world_writable
from haicap.store.db.store_file import StoreFile
from haicap.store.db.tables import StoreDatabase

__all__ = ["ProvinceFiles"]


class ProvinceFiles:
    """The per-province `StoreFile`s of a store (see the module docstring)."""

    def __init__(self, location: Path | None, *, read_only: bool, backup_count: Callable[[], int]) -> None:
        self.location = location
        """The store folder, or None for a store in memory."""
        self.read_only = read_only
        """True for a viewer: no province file is ever written."""
        self._backup_count = backup_count
        self._files: dict[str, StoreFile] = {}

    def file(self, code: str) -> StoreFile:
        """The file of province `code`, opened on first use."""
        found = self._files.get(code)
        if found is None:
            found = self._files[code] = self._open(code)
        return found

    def opened(self) -> dict[str, StoreFile]:
        """The province files opened so far, by province code."""
        return dict(self._files)

    def on_disk(self) -> list[str]:
        """The codes of the provinces that have a file in the folder, in code order."""
        if self.location is None:
            return sorted(code for code, file in self._files.items() if file.rows())
        try:
            names = os.listdir(self.location)
        except FileNotFoundError:
            return []
        return sorted(code for code in map(province_of_file, names) if code is not None)

    def state(self, code: str) -> list[int] | None:
        """[mtime_ns, size] of the province's file on disk now, or None (what the summary
        records to tell whether it is still the file it was computed from)."""
        if self.location is None:
            return None  # one process only: the summary is always the files'
        found = file_state(self.location / province_file(code))
        return [found[0], found[1]] if found is not None else None

    def release(self, code: str) -> None:
        """Close province `code`'s file and forget what was read of it (its next use reads it
        again); a store in memory keeps its files, which hold its only copy."""
        if self.location is None:
            return
        file = self._files.pop(code, None)
        if file is not None:
            file.close()

    def close(self) -> None:
        """Release every opened file."""
        for file in self._files.values():
            file.close()

    def _open(self, code: str) -> StoreFile:
        name = province_file(code)
        if self.location is None:
            return StoreFile(
                StoreDatabase(storage=MemoryStorage), location=None, lock=None, read_only=False, name=name
            ).counting_backups(self._backup_count)
        path = self.location / name
        # A link, FIFO or device planted under a province file's name is refused, never followed.
        refuse_unsafe(path)
        refuse_unsafe(self.location / f"{name}.lock")
        refuse_world_writable(path)
        read_only = self.read_only or (path.exists() and not os.access(path, os.W_OK))
        db = StoreDatabase(path, storage=AtomicJSONStorage)
        lock = None if read_only else WriteLock(self.location, name)
        return StoreFile(db, location=self.location, lock=lock, read_only=read_only, name=name).counting_backups(
            self._backup_count
        )
