"""The inter-process lock of a store folder: one writer at a time across all haicap processes.

Officers share a store on a server, each in their own haicap. The lock is an `flock` on
`haicap.json.lock` (through filelock), so the kernel releases it when a holder dies: a
crashed haicap never leaves the store locked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import StoreError

__all__ = ["LOCK_FILE", "LOCK_TIMEOUT", "WriteLock"]

LOCK_FILE = "haicap.json.lock"
"""The lock file, beside the store file."""

LOCK_TIMEOUT = 15.0
"""Seconds a writer waits for the others before saying so (a write takes milliseconds)."""


class WriteLock:
    """The write lock of one store folder; re-entrant within a thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        """The store folder the lock guards."""
        self._lock = FileLock(folder / LOCK_FILE, mode=0o660)

    @contextlib.contextmanager
    def hold(self) -> Iterator[bool]:
        """Hold the lock; yields True for the outermost hold (when the file must be re-read)."""
        outermost = not self._lock.is_locked
        try:
            self._lock.acquire(timeout=LOCK_TIMEOUT)
        except Timeout:
            raise StoreError(
                f"{self.folder}: could not get the store's lock within {LOCK_TIMEOUT:.0f} s "
                "(many officers writing at once, or a hung haicap process); try again"
            ) from None
        try:
            yield outermost
        finally:
            self._lock.release()
